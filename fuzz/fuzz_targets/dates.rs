#![no_main]
//! The date parsers: the extraction core's (both languages, with and without a publication
//! date) and the metadata date reader of sw-ingest.
use libfuzzer_sys::fuzz_target;
use sw_model::Lang;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 4);
        for lang in [Lang::En, Lang::Es] {
            let _ = sw_extract::dates::parse_date(s, lang, published);
            let _ = sw_extract::dates::parse_date(s, lang, None);
        }
        let _ = sw_ingest::parse_date(s);
    }
});
