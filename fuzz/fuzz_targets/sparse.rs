#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ekdo_check::fuzz::sparse(data));
