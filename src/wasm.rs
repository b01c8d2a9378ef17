//! The JavaScript boundary: a thin layer of wasm-bindgen exports over the core.
//!
//! The extension's background context calls these with the page's HTML as captured by
//! its content script (a JS string, already decoded, hence UTF-8 here). Options come in
//! and articles go out as plain objects through serde-wasm-bindgen; errors become JS
//! exceptions with the core's one-sentence message.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::article::Options;

type JsResult<T> = Result<T, JsError>;

#[wasm_bindgen]
extern "C" {
    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    /// Takes the string as a JS value: a `&str` parameter would have the glue copy it
    /// into wasm memory first, character by character up to the first non-ASCII one.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsValue, destination: &js_sys::Uint8Array) -> EncodeIntoResult;

    type EncodeIntoResult;

    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A page's HTML (a JS string) as UTF-8 bytes, encoded by the browser straight into wasm
/// memory. wasm-bindgen's own `&str` passing loops over the string in JS first: a tenth
/// of an extraction's time in Chromium (benches/browser/run.mjs --profile).
fn page_bytes(html: &JsValue) -> JsResult<Vec<u8>> {
    let Some(text) = html.dyn_ref::<js_sys::JsString>() else {
        return Err(JsError::new("the page's HTML must be a string"));
    };
    ENCODER.with(|encoder| {
        // Each UTF-16 unit becomes at most 3 bytes.
        let mut bytes = vec![0u8; text.length() as usize * 3];
        // SAFETY: the view covers `bytes`, initialized and alive; nothing allocates (so
        // wasm memory cannot grow and move it) between making the view and its last use.
        let written = unsafe {
            let view = js_sys::Uint8Array::view_mut_raw(bytes.as_mut_ptr(), bytes.len());
            encoder.encode_into(text, &view).written()
        };
        bytes.truncate(written as usize);
        Ok(bytes)
    })
}

/// Extracts the article from a page's HTML. `options` is `{url?, keep?, images?,
/// markRemoved?}` or undefined; the result has the `Article` fields (snake_case, null
/// where absent).
#[wasm_bindgen(js_name = extract)]
pub fn extract(html: JsValue, options: JsValue) -> JsResult<JsValue> {
    let article = crate::extract(&page_bytes(&html)?, &options_from(options)?)?;
    Ok(article.serialize(&serializer())?)
}

/// The clutter on the whole page, for "declutter page": a list of `Removed` entries whose
/// `element` indexes the page's elements in document order (`<html>` is 0).
#[wasm_bindgen(js_name = declutter)]
pub fn declutter(html: JsValue, options: JsValue) -> JsResult<JsValue> {
    let removed = crate::declutter(&page_bytes(&html)?, &options_from(options)?)?;
    Ok(removed.serialize(&serializer())?)
}

/// A page read as its bytes arrive (Firefox's response filter hands them over chunk by
/// chunk): `write` each chunk, then `end` for the article. The encoding is chosen here
/// (`crate::encoding`: the BOM, the `charset` option from the Content-Type header, `<meta
/// charset>`); in the module built by wasm/, the browser's `TextDecoder` decodes all but UTF-8.
#[wasm_bindgen(js_name = Extractor)]
pub struct StreamingExtractor {
    /// `None` once ended or failed: the handle cannot be used again.
    inner: Option<crate::Extractor>,
}

#[wasm_bindgen(js_class = Extractor)]
impl StreamingExtractor {
    /// `options` as for `extract` (`charset` is used here).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> JsResult<StreamingExtractor> {
        let options =
            if options.is_undefined() || options.is_null() { Options::default() } else { serde_wasm_bindgen::from_value(options)? };
        Ok(StreamingExtractor { inner: Some(crate::Extractor::new(options)) })
    }

    /// Feeds the next bytes of the page.
    pub fn write(&mut self, chunk: &[u8]) -> JsResult<()> {
        let inner = self.inner.as_mut().ok_or_else(ended)?;
        inner.write(chunk).map_err(|e| {
            self.inner = None;
            e.into()
        })
    }

    /// Finishes the page: the article, as `extract` gives it.
    pub fn end(&mut self) -> JsResult<JsValue> {
        let article = self.inner.take().ok_or_else(ended)?.end()?;
        Ok(article.serialize(&serializer())?)
    }
}

fn ended() -> JsError {
    JsError::new("the extractor has ended: start a new one")
}

/// The cheap "does this look like an article" check for the toolbar.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: JsValue) -> JsResult<bool> {
    Ok(crate::is_probably_readerable(&page_bytes(&html)?))
}

/// The playground's exports (the `playground` feature).
#[cfg(feature = "playground")]
mod playground {
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    use super::{page_bytes, serializer, JsResult};
    use crate::article::Article;
    use crate::report::{Replay, Report};

    /// Reads a problem report (the file's text) as `lectern replay` does: the report, or the
    /// core's one sentence on why it cannot be used (not a report, another schema, no HTML).
    #[wasm_bindgen(js_name = readReport)]
    pub fn read_report(text: JsValue) -> JsResult<JsValue> {
        let report = Report::parse(&page_bytes(&text)?)?;
        report.html()?;
        Ok(report.serialize(&serializer())?)
    }

    /// What changed between the article a report recorded and `today`'s extraction of its
    /// page: `lectern replay`'s comparison (`Replay`).
    #[wasm_bindgen(js_name = compareReport)]
    pub fn compare_report(report: JsValue, today: JsValue) -> JsResult<JsValue> {
        let report: Report = serde_wasm_bindgen::from_value(report)?;
        let today: Article = serde_wasm_bindgen::from_value(today)?;
        Ok(Replay::compare(&report, &today).serialize(&serializer())?)
    }

    /// A page file's bytes as text, decoded as the core decodes a page: by its byte-order
    /// mark, else a `<meta charset>` near its start, else as UTF-8.
    #[wasm_bindgen(js_name = decodePage)]
    pub fn decode_page(bytes: &[u8]) -> String {
        crate::encoding::decode(bytes, None)
    }
}

fn options_from(options: JsValue) -> JsResult<Options> {
    let mut options: Options =
        if options.is_undefined() || options.is_null() { Options::default() } else { serde_wasm_bindgen::from_value(options)? };
    // The text was decoded by the browser already; a <meta charset> in it no longer applies.
    options.charset = Some("utf-8".into());
    Ok(options)
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true)
}
