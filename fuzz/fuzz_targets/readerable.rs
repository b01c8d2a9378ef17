//! Any bytes: the quick "is this an article" check finishes without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = lectern::is_probably_readerable(data);
});
