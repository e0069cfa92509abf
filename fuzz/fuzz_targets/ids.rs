//! The id-list parser: any text as arguments or as stdin/file content.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for args in [vec![text.clone()], vec!["-".to_string()]] {
        let mut input = data;
        if let Ok(ids) = smm::ids::collect(&args, None, &mut input) {
            assert!(!ids.is_empty());
            assert!(ids.iter().all(|id| *id > 0));
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), ids.len(), "duplicates survived");
            assert!(smm::ids::join(&ids).split(',').count() == ids.len());
        }
    }
});
