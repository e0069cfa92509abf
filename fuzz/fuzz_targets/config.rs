//! The profile file parser: any text; errors are one line and never echo a key's value.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(message) = smm::config::parse(&text) {
        assert!(!message.contains('\n'), "multi-line config error: {message}");
    }
});
