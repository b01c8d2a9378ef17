//! A fixture folder (`source.html`, `expected.json`) and the check of an article against
//! it: shared by the fixture suite and the test of `lectern fixture`, which writes them.

use std::path::Path;

use lectern::{Article, Options};
use serde_json::Value;

use super::fold;

/// The page, what is expected of it, and the options to extract it with.
pub fn load(dir: &Path) -> (Vec<u8>, Value, Options) {
    let html = std::fs::read(dir.join("source.html")).unwrap();
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut options = Options::new();
    if let Some(url) = expected["url"].as_str() {
        options = options.url(url);
    }
    (html, expected, options)
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

/// Everything wrong with `article` against `expected`.
pub fn check(article: &Article, expected: &Value) -> Vec<String> {
    let mut errors = vec![];
    let fields: [(&str, &Option<String>); 6] = [
        ("title", &article.title),
        ("byline", &article.byline),
        ("published_time", &article.published_time),
        ("site_name", &article.site_name),
        ("lang", &article.lang),
        ("dir", &article.dir),
    ];
    for (key, got) in fields {
        if let Some(want) = expected.get(key) {
            if want.as_str() != got.as_deref() {
                errors.push(format!("{key}: expected {want}, got {got:?}"));
            }
        }
    }
    if let Some(want) = expected.get("readerable").and_then(Value::as_bool) {
        if want != article.readerable {
            errors.push(format!("readerable: expected {want}, got {}", article.readerable));
        }
    }
    let paragraphs: Vec<&str> = article.text.split("\n\n").map(str::trim).collect();
    let mut from = 0;
    for want in strings(&expected["paragraphs"]) {
        match paragraphs[from..].iter().position(|p| *p == want) {
            Some(i) => from += i + 1,
            None if paragraphs.contains(&want) => errors.push(format!("paragraph out of order: {want:?}")),
            None => errors.push(format!("paragraph missing: {want:?}")),
        }
    }
    // `"only": true`: the paragraphs listed are the whole article, nothing before, between
    // or after them.
    if expected.get("only").and_then(Value::as_bool) == Some(true) {
        let listed = strings(&expected["paragraphs"]);
        let got: Vec<&str> = paragraphs.iter().copied().filter(|p| !p.is_empty()).collect();
        for extra in got.iter().filter(|p| !listed.contains(p)) {
            errors.push(format!("paragraph not expected: {extra:?}"));
        }
    }
    for unwanted in strings(&expected["absent"]) {
        if article.text.contains(unwanted) || article.content.contains(unwanted) {
            errors.push(format!("clutter present: {unwanted:?}"));
        }
    }
    // Text a reader reported missing (fixtures made by `lectern fixture`): anywhere in the
    // article, whitespace folded.
    let folded = fold(&article.text);
    for want in strings(&expected["present"]) {
        if !folded.contains(&fold(want)) {
            errors.push(format!("text missing: {want:?}"));
        }
    }
    for want in strings(&expected["html_contains"]) {
        if !article.content.contains(want) {
            errors.push(format!("reader HTML lacks {want:?}"));
        }
    }
    for unwanted in strings(&expected["html_absent"]) {
        if article.content.contains(unwanted) {
            errors.push(format!("reader HTML has {unwanted:?}"));
        }
    }
    errors
}
