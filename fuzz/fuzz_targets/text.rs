#![no_main]
//! The text reader: sw_ingest::parse on a text unit, then normalisation.
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    parse_and_prepare(&unit(sw_model::Format::Text, data));
});
