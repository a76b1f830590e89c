#![no_main]
//! The JSONL reader: a file split into lines by walk, each line parsed and normalised.
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    parse_and_prepare(&unit(sw_model::Format::Jsonl, data));
    walk_file("jsonl", data);
});
