//! The chunk runner: ids in chunks of at most 100, several in flight, answers in input order.

use crate::http::Http;
use crate::ids::CHUNK;
use serde_json::Value;

/// One chunk's ids and what the panel answered for them (JSON value and body).
pub type ChunkAnswer<'i> = (&'i [u64], anyhow::Result<(Value, String)>);

/// Told how a batch advances, so that the output layer can draw a progress bar (the panel
/// layer never draws anything itself).
pub trait Progress: Send + Sync {
    /// A batch of `total` requests starts.
    fn start(&self, total: u64);
    /// One request of the batch is done.
    fn step(&self);
    /// The batch is over.
    fn finish(&self);
}

/// A `Progress` that reports nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: u64) {}
    fn step(&self) {}
    fn finish(&self) {}
}

/// Sends `ids` in chunks of at most 100 through `send`, up to `http.concurrency()` chunks in
/// flight at once (fewer after a 429), and returns every chunk's answer in input order — or,
/// when every chunk failed, the first failure. When only some chunks fail, each failure is
/// reported once on stderr (its rows carry a short reason). `progress` hears of batches of
/// more than one chunk.
pub fn run_chunks<'i>(
    http: &Http,
    progress: &dyn Progress,
    ids: &'i [u64],
    send: impl Fn(&[u64]) -> anyhow::Result<(Value, String)> + Sync,
) -> anyhow::Result<Vec<ChunkAnswer<'i>>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let chunks: Vec<&[u64]> = ids.chunks(CHUNK).collect();
    type Slot = Mutex<Option<anyhow::Result<(Value, String)>>>;
    let slots: Vec<Slot> = chunks.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let progress: &dyn Progress = if chunks.len() > 1 { progress } else { &Silent };
    progress.start(chunks.len() as u64);
    let workers = http.concurrency().min(chunks.len()).max(1);
    http.batching(chunks.len() > 1);
    std::thread::scope(|scope| {
        for worker in 0..workers {
            let (chunks, slots, next, send) = (&chunks, &slots, &next, &send);
            scope.spawn(move || {
                // After a 429 the run keeps fewer chunks in flight: workers past the new limit stop.
                while worker < http.concurrency() {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(chunk) = chunks.get(i) else { break };
                    let result = send(chunk);
                    *slots[i].lock().unwrap_or_else(|p| p.into_inner()) = Some(result);
                    progress.step();
                }
            });
        }
    });
    progress.finish();
    let mut answers: Vec<ChunkAnswer> = chunks
        .into_iter()
        .zip(slots)
        .map(|(chunk, slot)| {
            let result = slot
                .into_inner()
                .unwrap_or_else(|p| p.into_inner())
                .unwrap_or_else(|| Err(anyhow::anyhow!("chunk was not sent")));
            (chunk, result)
        })
        .collect();
    if answers.iter().all(|(_, r)| r.is_err()) {
        let (_, first) = answers.swap_remove(0);
        return Err(first.expect_err("every chunk failed"));
    }
    let total = answers.len();
    for (n, (chunk, result)) in answers.iter().enumerate() {
        if let (Err(e), Some(first), Some(last)) = (result, chunk.first(), chunk.last()) {
            crate::msg::error(&format!(
                "chunk {} of {total} (ids {first}…{last}) failed: {e:#}",
                n + 1
            ));
        }
    }
    Ok(answers)
}
