//! The wasm-bindgen exports as the module ships them (with encoding-browser: the browser
//! decodes legacy encodings), run in headless Chromium by wasm-bindgen-test-runner
//! (`./build.sh test` runs them): what JavaScript gets back, and what it gets on bad input.
#![cfg(target_arch = "wasm32")]

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
    // The page as windows-1252 bytes, as a server would send it (the module has no encoders).
    let bytes: Vec<u8> = PAGE
        .chars()
        .map(|c| match c {
            'é' => 0xe9,
            '—' => 0x97,
            '“' => 0x93,
            '”' => 0x94,
            c => u8::try_from(c).ok().filter(u8::is_ascii).expect("a character of PAGE"),
        })
        .collect();
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

#[wasm_bindgen_test]
fn streamed_shift_jis_is_decoded_by_its_meta_charset() {
    // "日本語の記事" in Shift_JIS, with no charset but the page's own, in chunks of 5 bytes
    // that cut its two-byte characters apart.
    const JAPANESE: [u8; 12] = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x8b, 0x4c, 0x8e, 0x96];
    let mut page = b"<!doctype html><html><head><meta charset=\"Shift_JIS\"><title>".to_vec();
    page.extend_from_slice(&JAPANESE);
    page.extend_from_slice(b"</title></head><body><article><p>");
    for _ in 0..40 {
        page.extend_from_slice(&JAPANESE);
        page.extend_from_slice(b" - a sentence about it, long enough to be read as prose. ");
    }
    page.extend_from_slice(b"</p></article></body></html>");
    let mut streaming = wasm::StreamingExtractor::new(JsValue::UNDEFINED).unwrap();
    for chunk in page.chunks(5) {
        streaming.write(chunk).unwrap();
    }
    let article: Article = serde_wasm_bindgen::from_value(streaming.end().unwrap()).unwrap();
    assert_eq!(article.title.as_deref(), Some("日本語の記事"));
    assert_eq!(article.text.matches("日本語の記事 - a sentence").count(), 40, "{}", article.text);
}

#[wasm_bindgen_test]
fn utf8_is_decoded_alike_however_the_bytes_are_cut() {
    // Valid sequences of every length, truncated and invalid ones, a surrogate's encoding.
    let bytes = b"a\xe2\x82\xacb\xf0\x9f\x99\x82c\xe2\x82d\xff\xf0\x9f\xed\xa0\x80e\xc3";
    let whole = String::from_utf8_lossy(bytes);
    for cut in 0..=bytes.len() {
        let mut decoder = encoding_rs::UTF_8.new_decoder_without_bom_handling();
        let mut text = String::new();
        decoder.decode_to_string(&bytes[..cut], &mut text, false);
        decoder.decode_to_string(&bytes[cut..], &mut text, true);
        assert_eq!(text, whole, "cut at {cut}");
        // lol_html's way: into a small buffer, again while the output is full.
        let mut decoder = encoding_rs::UTF_8.new_decoder_without_bom_handling();
        let (mut text, mut buffer) = (String::new(), "     ".to_string());
        for (part, last) in [(&bytes[..cut], false), (&bytes[cut..], true)] {
            let mut result = encoding_rs::CoderResult::OutputFull;
            let mut part = part;
            while result == encoding_rs::CoderResult::OutputFull {
                let (r, read, written, _) = decoder.decode_to_str(part, &mut buffer, last);
                text.push_str(&buffer[..written]);
                (result, part) = (r, &part[read..]);
            }
        }
        assert_eq!(text, whole, "cut at {cut}, small buffer");
    }
    // A byte-order mark is removed even when cut in two.
    let mut decoder = encoding_rs::UTF_8.new_decoder_with_bom_removal();
    let mut text = String::new();
    decoder.decode_to_string(b"\xef", &mut text, false);
    decoder.decode_to_string(b"\xbb\xbfx\xef\xbb\xbf", &mut text, true);
    assert_eq!(text, "x\u{feff}");
}
