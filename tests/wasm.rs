//! The wasm-bindgen exports, run in headless Chromium by wasm-bindgen-test-runner
//! (`./build.sh test` runs them): what JavaScript gets back, and what it gets on bad input.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use js_sys::Reflect;
use lectern::{wasm, Article, Options};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="windows-1252"><title>Tide tables | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette"><meta property="og:title" content="Tide tables"></head><body><nav><a href="/">Home</a></nav><article><h1>Tide tables</h1>
<p>The harbour master published the new tide tables on Monday, with the times of high and low water for every day of the coming year, and a warning about the spring tides in March.</p>
<p>Fishermen said the tables matched what they had seen on the water, and the council will print copies for the library, the school and the café on the quay — “free for all”.</p>
<div class="share-buttons">Share this story</div>
<p>The tables are also posted at the harbour office, next to the weather board, and can be read at <a href="/tides">the harbour's web page</a>, which is updated every week.</p>
</article></body></html>"#;

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap()
}

#[wasm_bindgen_test]
fn extract_gives_javascript_the_article() {
    let options = serde_wasm_bindgen::to_value(&Options::new().url("https://harbour.example/news/tides")).unwrap();
    let value = wasm::extract(PAGE.into(), options).unwrap();
    assert_eq!(field(&value, "site_name").as_string().as_deref(), Some("Harbour Gazette"));
    // Absent fields are null, not undefined, so JSON and the reader view see them alike.
    assert!(field(&value, "byline").is_null());
    let article: Article = serde_wasm_bindgen::from_value(value).unwrap();
    assert_eq!(article.title.as_deref(), Some("Tide tables"));
    // A JS string is already decoded: the page's stale <meta charset> must not re-decode it.
    assert!(article.text.contains("— “free for all”"), "{}", article.text);
    assert!(!article.text.contains("Share this story"));
    assert!(article.content.contains(r#"<a href="https://harbour.example/tides">"#), "{}", article.content);
    assert!(article.removed.iter().any(|r| r.reason.contains("share")));
}

#[wasm_bindgen_test]
fn options_may_be_left_out_and_bad_options_are_errors() {
    assert!(wasm::extract(PAGE.into(), JsValue::UNDEFINED).is_ok());
    // A URL that cannot be a base is no error: the links stay relative.
    let unusable = serde_wasm_bindgen::to_value(&Options::new().url("not a url")).unwrap();
    let article: Article = serde_wasm_bindgen::from_value(wasm::extract(PAGE.into(), unusable).unwrap()).unwrap();
    assert!(article.content.contains(r#"<a href="/tides">"#), "{}", article.content);
    // Options of the wrong shape are.
    let bad = js_sys::Object::new();
    Reflect::set(&bad, &JsValue::from_str("keep"), &JsValue::from_str("ads")).unwrap();
    assert!(wasm::extract(PAGE.into(), bad.into()).is_err());
    // The page must be a string.
    assert!(wasm::extract(JsValue::NULL, JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn any_javascript_string_is_read_whole() {
    // Astral characters, a lone surrogate (JS strings may hold one: it becomes U+FFFD) and
    // a page long enough that its bytes outgrow the first wasm memory pages.
    let paragraph = "<p>Ünïcödé 𝄞 and emoji 🙂 in a sentence long enough to be read as prose, with commas, clauses, and more.</p>";
    let page = js_sys::JsString::from(format!("<html><body><article>{}</article></body></html>", paragraph.repeat(20_000)));
    let page = page.concat(&js_sys::JsString::from_char_code1(0xD800));
    let article: Article = serde_wasm_bindgen::from_value(wasm::extract(page.into(), JsValue::UNDEFINED).unwrap()).unwrap();
    assert_eq!(article.text.matches("𝄞 and emoji 🙂").count(), 20_000);
}

#[wasm_bindgen_test]
fn readerable_check() {
    assert!(wasm::is_probably_readerable(PAGE.repeat(3).into()).unwrap());
    assert!(!wasm::is_probably_readerable("<html><body><nav><a href=/>Home</a></nav></body></html>".into()).unwrap());
    assert!(wasm::is_probably_readerable(JsValue::from(3)).is_err());
}

#[wasm_bindgen_test]
fn streamed_bytes_give_the_same_article_decoded_by_the_header_charset() {
    // The page as windows-1252 bytes, as a server would send it.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(PAGE);
    let options = serde_wasm_bindgen::to_value(&Options::new().url("https://harbour.example/news/tides").charset("windows-1252")).unwrap();
    let mut streaming = wasm::StreamingExtractor::new(options).unwrap();
    for chunk in bytes.chunks(97) {
        streaming.write(chunk).unwrap();
    }
    let article: Article = serde_wasm_bindgen::from_value(streaming.end().unwrap()).unwrap();
    let whole: Article = serde_wasm_bindgen::from_value(
        wasm::extract(PAGE.into(), serde_wasm_bindgen::to_value(&Options::new().url("https://harbour.example/news/tides")).unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(article, whole);
    assert!(article.text.contains("— “free for all”"));
    // Used up: a second end is an error, not a panic.
    let again = streaming.end();
    assert!(again.is_err());
}
