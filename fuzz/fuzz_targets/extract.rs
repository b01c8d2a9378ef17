//! Any bytes: extraction finishes without a panic, gives the same article however the bytes
//! are chunked, and its HTML passes the independent unsafe-markup check the sanitizer tests
//! use (on markup only: fuzzed text can say anything). `declutter` runs on the same page.
#![no_main]

use lectern::{declutter, extract, Extractor, Options};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/unsafe_markup.rs"]
mod unsafe_markup;

fuzz_target!(|data: &[u8]| {
    let first = data.first().copied().unwrap_or(0);
    let options = Options::new().url("https://news.example/2026/article").mark_removed(first & 1 == 1);
    let Ok(article) = extract(data, &options) else { return };
    let problems = unsafe_markup::unsafe_markup(&article.content, "fuzz");
    assert!(problems.is_empty(), "{problems:?}\n{}", article.content);
    // The same page in two chunks, split where the first byte says.
    let split = data.len() * usize::from(first) / 256;
    let mut extractor = Extractor::new(options.clone());
    extractor.write(&data[..split]).unwrap();
    extractor.write(&data[split..]).unwrap();
    assert_eq!(extractor.end().unwrap(), article, "chunking at {split} changed the article");
    let _ = declutter(data, &options);
});
