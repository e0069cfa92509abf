//! The SMM API v2 answer decoders: any body, as every action would read it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use smm::panel::v2::{
    cancel_outcome, decode_balance, decode_status, item_outcome, order_id, services_from,
    status_outcome,
};
use smm::panel::{decode_json, decode_services, error_text};

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    let _ = decode_services(&body);
    let _ = services_from(body.clone());
    for status in [200u16, 404, 429, 502] {
        let reply = smm::http::Reply {
            status: reqwest::StatusCode::from_u16(status).unwrap(),
            location: None,
            retry_after: Some("7".into()),
            body: body.clone(),
        };
        let Ok(value) = decode_json(&reply) else { continue };
        let _ = error_text(&value);
        let _ = order_id(&value);
        let _ = smm::money::amount(&value["balance"]);
        let _ = decode_balance(&value);
        let _ = decode_status(&value);
        let _ = status_outcome(&value);
        if let Some(obj) = value.as_object() {
            for item in obj.values() {
                if let Ok(s) = status_outcome(item) {
                    let _ = smm::panel::status::canonical(&s.status);
                    let _ = smm::panel::signed_count_text(&s.remains);
                }
            }
        }
        if let Some(items) = value.as_array() {
            for item in items {
                for key in ["refill", "status", "cancel"] {
                    let _ = item_outcome(item, key);
                }
                let _ = cancel_outcome(item);
            }
        }
    }
});
