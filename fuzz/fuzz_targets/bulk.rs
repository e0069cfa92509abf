//! The bulk order file parser (mass-order format and CSV): any text; every error names a line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match smm::bulk::parse(&text) {
        Ok(lines) => {
            for line in lines {
                assert!(line.order.service > 0);
                assert_eq!(line.order.fields[0].0, "service");
            }
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
