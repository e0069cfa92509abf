//! A small HTTP/1.1 server on 127.0.0.1 for the sandbox panel and the tests: hyper on a tokio
//! runtime in a background thread, with keep-alive. A synchronous handler answers each
//! request at once; the answer's delay is awaited without holding a thread, so thousands of
//! requests can be in flight.

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The largest request body read (1 MiB).
const MAX_BODY: usize = 1 << 20;

/// A request as the handler sees it.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// HTTP method (`POST`, `GET`, …).
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The query string, without `?`.
    pub query: String,
    /// Headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy UTF-8, at most 1 MiB).
    pub body: String,
    /// The client's address: the same port means the same (kept-alive) connection.
    pub peer: String,
    /// Requests in flight when this one arrived, itself included.
    pub in_flight: usize,
}

impl Incoming {
    /// A header's value (`name` in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// An answer: status, headers, body, and how long to wait before sending it.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// HTTP status.
    pub status: u16,
    /// Headers to send (hyper adds `Content-Length` and `Date`).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
    /// Wait this long before answering.
    pub delay: Duration,
}

impl Outgoing {
    /// An answer with `status`, a `Content-Type` and `body`, sent at once.
    pub fn new(status: u16, content_type: &str, body: impl Into<String>) -> Outgoing {
        Outgoing {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }
}

/// What answers requests.
pub type Handler = dyn Fn(&Incoming) -> Outgoing + Send + Sync;

/// A running server; `stop` (or dropping it) shuts it down.
pub struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Listens on 127.0.0.1:`port` (0 picks a free port) and serves with `handler`.
    pub fn start(port: u16, handler: Arc<Handler>) -> std::io::Result<Server> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            runtime.block_on(async move {
                let accepting = tokio::spawn(accept(listener, handler));
                let _ = stopped.await;
                accepting.abort();
            });
            runtime.shutdown_background();
        });
        Ok(Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting and waits for the server thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    /// Signals the server thread and joins it.
    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Accepts connections and serves each on its own task.
async fn accept(listener: std::net::TcpListener, handler: Arc<Handler>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let in_flight = Arc::new(AtomicUsize::new(0));
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let handler = Arc::clone(&handler);
        let in_flight = Arc::clone(&in_flight);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                answer(req, peer, Arc::clone(&handler), Arc::clone(&in_flight))
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .keep_alive(true)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Reads one request, asks the handler, waits its delay, answers.
async fn answer(
    req: hyper::Request<hyper::body::Incoming>,
    peer: SocketAddr,
    handler: Arc<Handler>,
    in_flight: Arc<AtomicUsize>,
) -> Result<hyper::Response<Full<Bytes>>, std::convert::Infallible> {
    let now_in_flight = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    let (parts, body) = req.into_parts();
    let body = match Limited::new(body, MAX_BODY).collect().await {
        Ok(collected) => String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
        Err(_) => String::new(),
    };
    let incoming = Incoming {
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().unwrap_or_default().to_string(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
        peer: peer.to_string(),
        in_flight: now_in_flight,
    };
    let out = handler(&incoming);
    if !out.delay.is_zero() {
        tokio::time::sleep(out.delay).await;
    }
    in_flight.fetch_sub(1, Ordering::SeqCst);
    let mut response = hyper::Response::builder().status(out.status);
    for (k, v) in &out.headers {
        response = response.header(k.as_str(), v.as_str());
    }
    let response = response
        .body(Full::new(Bytes::from(out.body)))
        .unwrap_or_else(|_| hyper::Response::new(Full::new(Bytes::from_static(b"bad response"))));
    Ok(response)
}
