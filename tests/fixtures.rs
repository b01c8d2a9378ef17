//! Every folder under `tests/fixtures/` is a page (`source.html`) and what a reader
//! must get from it (`expected.json`): exact paragraphs in order, strings that must not
//! appear (`absent`) or must (`present`), metadata values, and facts about the reader HTML.
//! `lectern fixture REPORT.json tests/fixtures/<slug>` makes one from a problem report.
//!
//! Each page is also fed to the streaming extractor at random chunk sizes, and must give
//! the same article as the whole page at once. Set `CHUNK_SIZE=n` to reproduce a failure
//! with a fixed size, `CHUNK_SEED=n` to vary the random sizes.

use std::path::{Path, PathBuf};

use lectern::{extract, Article, Extractor, Options};
use rand::{RngExt, SeedableRng};

mod common;
use common::fixture::{check, load};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 10, "expected the fixture pages under {}", root.display());
    dirs
}

#[test]
fn fixture_pages_give_the_expected_article() {
    let mut failures = vec![];
    for dir in fixtures() {
        let (html, expected, options) = load(&dir);
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        match extract(&html, &options) {
            Ok(article) => {
                for e in check(&article, &expected) {
                    failures.push(format!("{name}: {e}"));
                }
            }
            Err(e) => failures.push(format!("{name}: extraction failed: {e}")),
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

fn extract_in_chunks(html: &[u8], options: &Options, sizes: &mut dyn FnMut() -> usize) -> Article {
    let mut extractor = Extractor::new(options.clone());
    let mut rest = html;
    while !rest.is_empty() {
        let n = sizes().clamp(1, rest.len());
        extractor.write(&rest[..n]).unwrap();
        rest = &rest[n..];
    }
    extractor.end().unwrap()
}

#[test]
fn any_chunking_gives_the_same_article() {
    let fixed: Option<usize> = std::env::var("CHUNK_SIZE").ok().and_then(|s| s.parse().ok());
    let seed: u64 = std::env::var("CHUNK_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x1ec7e2);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    for dir in fixtures() {
        let (html, _, options) = load(&dir);
        let whole = extract(&html, &options).unwrap();
        for round in 0..4 {
            let max = [1usize, 7, 300, 5000][round];
            let article = match fixed {
                Some(n) => extract_in_chunks(&html, &options, &mut || n),
                None => extract_in_chunks(&html, &options, &mut || rng.random_range(1..=max)),
            };
            assert_eq!(article, whole, "{}: chunks of up to {max} bytes (seed {seed}) changed the article", dir.display());
        }
    }
}
