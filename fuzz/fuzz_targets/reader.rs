//! A brief and a stream of actions and sizes: see `brief::fuzzing::check_reader`.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| brief::fuzzing::check_reader(bytes));
