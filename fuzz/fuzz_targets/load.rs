//! Bytes in, a brief or diagnostics out: see `brief::fuzzing::check_load`.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| brief::fuzzing::check_load(bytes));
