#![no_main]
//! The number parsers of the extraction core, in both languages.
use libfuzzer_sys::fuzz_target;
use sw_model::Lang;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        for lang in [Lang::En, Lang::Es] {
            let _ = sw_extract::numbers::parse_number(s, lang);
            let _ = sw_extract::numbers::parse_figure(s, lang);
        }
    }
});
