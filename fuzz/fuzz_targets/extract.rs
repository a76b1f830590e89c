#![no_main]
//! The extraction core on arbitrary text; every report's sentence span must slice the text.
use libfuzzer_sys::fuzz_target;
use sw_model::Lang;

fuzz_target!(|data: &[u8]| {
    static EX: std::sync::OnceLock<sw_extract::Extractor> = std::sync::OnceLock::new();
    let ex = EX.get_or_init(sw_extract::Extractor::new);
    if let Ok(s) = std::str::from_utf8(data) {
        let lang = if data.first().is_some_and(|b| b & 1 == 1) {
            Lang::Es
        } else {
            Lang::En
        };
        for r in ex.extract(s, lang, chrono::NaiveDate::from_ymd_opt(2025, 11, 4)) {
            let [a, b] = r.sentence;
            assert!(
                s.get(a..b).is_some(),
                "sentence span {a}..{b} does not slice the text"
            );
        }
    }
});
