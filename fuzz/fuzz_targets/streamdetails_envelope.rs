//! The streamdetails envelope and order decoders: any body, with any HTTP status.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    for status in [200u16, 400, 401, 403, 404, 500] {
        let reply = smm::http::Reply {
            status: reqwest::StatusCode::from_u16(status).unwrap(),
            location: None,
            retry_after: None,
            body: body.clone(),
        };
        if let Ok(data) = smm::panel::streamdetails::envelope("fuzz", &reply) {
            let _ = smm::panel::streamdetails::orders_of(&data);
            let _ = smm::panel::streamdetails::decode_order(&data);
        }
    }
});
