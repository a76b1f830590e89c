#![no_main]
//! The WARC reader: a .warc file split into records by walk, each parsed and normalised.
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    walk_file("warc", data);
});
