//! Lectern's extraction core: a page's HTML in, a clean `Article` out.
//!
//! The page goes through three stages, each its own module:
//! 1. [`scan`]: one streaming lol_html pass into a compact per-element summary and the
//!    page's metadata — no DOM tree is built (a page streamed by React is scanned once
//!    more, its late parts moved into place by [`streamed`]);
//! 2. [`decide`]: pick the article's root element and mark the clutter inside it, each
//!    decision with a category and a reason;
//! 3. [`rewrite`]: a second lol_html pass over the article's byte range only, emitting
//!    sanitized reader HTML and plain text.
//!
//! The crate is pure Rust (no wasm types) so it tests natively and compiles to wasm.

mod article;
mod decide;
pub mod encoding;
mod gap;
mod html;
mod metadata;
mod readerable;
pub mod render;
pub mod report;
mod rewrite;
pub mod rules;
mod sanitize;
mod scan;
mod streamed;
mod text;
mod tree;
pub mod vocabulary;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod wasm;

pub use crate::article::{Article, Options, Removed, Why};
pub use crate::readerable::is_probably_readerable;
pub use crate::rules::Category;

/// The largest page accepted (bytes after decoding to UTF-8): offsets in the summary are 32-bit.
pub const MAX_INPUT: usize = 1 << 31;

/// Why an extraction failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The page is larger than the extractor accepts.
    #[error("the page is larger than {limit} bytes")]
    TooLarge { limit: usize },
    /// lol_html stopped on the input.
    #[error("the HTML could not be parsed: {0}")]
    Parse(String),
}

/// Extracts the article from a whole page.
pub fn extract(html: &[u8], options: &Options) -> Result<Article, Error> {
    let (summary, source) = scan_page(html, options.charset.as_deref())?;
    Ok(build(&summary, &source, page_url(options).as_ref(), options))
}

/// The clutter on the whole page — inside the article and around it — for hiding it in
/// place while the page keeps its own layout ("declutter"). Only the categories for which
/// `Category::declutters` holds are listed, never the article or anything holding it.
pub fn declutter(html: &[u8], options: &Options) -> Result<Vec<Removed>, Error> {
    let (summary, source) = scan_page(html, options.charset.as_deref())?;
    let stated = metadata::read(&summary, None);
    let decision = decide::decide(&summary, &source, stated.stated(), options, decide::Scope::Page);
    let mut removed = decision.removed_list(&summary, &source);
    removed.retain(|r| r.category.declutters());
    Ok(removed)
}

/// Scans a whole page held in memory. A page that is UTF-8 (most are) is scanned without
/// going through the decoder.
fn scan_page(html: &[u8], charset: Option<&str>) -> Result<(scan::Summary, String), Error> {
    let mut scanner = scan::Scanner::new();
    if let Some(utf8) = encoding::as_utf8(html, charset) {
        scanner.write(utf8)?;
    } else {
        let mut decoder = encoding::StreamDecoder::new(charset);
        scanner.write_with(|text| decoder.write(html, text))?;
        scanner.write_with(|text| decoder.end(text))?;
    }
    settle(scanner.end()?)
}

/// The page as its own scripts would first show it: a streamed page's late parts moved
/// into place (see [`streamed`]), scanned again. Other pages come back as they are.
fn settle((summary, source): (scan::Summary, String)) -> Result<(scan::Summary, String), Error> {
    match streamed::splice(&summary, &source) {
        Some(spliced) => {
            let mut scanner = scan::Scanner::new();
            scanner.write(&spliced)?;
            scanner.end()
        }
        None => Ok((summary, source)),
    }
}

/// The page's URL when it can be a base for the page's links (see `Options::url`).
fn page_url(options: &Options) -> Option<url::Url> {
    url::Url::parse(options.url.as_deref()?.trim()).ok().filter(sanitize::is_web)
}

/// The streaming extractor: `write` the page's bytes as they arrive, then `end`.
///
/// The scan runs as bytes come in; the decision and the rewrite of the article's
/// range run at `end`. The result does not depend on how the bytes were chunked.
pub struct Extractor {
    options: Options,
    base: Option<url::Url>,
    decoder: encoding::StreamDecoder,
    scanner: scan::Scanner,
}

impl Extractor {
    pub fn new(options: Options) -> Self {
        let base = page_url(&options);
        Extractor { decoder: encoding::StreamDecoder::new(options.charset.as_deref()), options, base, scanner: scan::Scanner::new() }
    }

    /// Feeds the next bytes of the page.
    pub fn write(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let decoder = &mut self.decoder;
        self.scanner.write_with(|text| decoder.write(chunk, text))
    }

    /// Finishes the page and builds the article.
    pub fn end(mut self) -> Result<Article, Error> {
        let decoder = &mut self.decoder;
        self.scanner.write_with(|text| decoder.end(text))?;
        let (summary, source) = settle(self.scanner.end()?)?;
        Ok(build(&summary, &source, self.base.as_ref(), &self.options))
    }
}

/// Decide, then rewrite: everything after the scan.
fn build(summary: &scan::Summary, source: &str, page_url: Option<&url::Url>, options: &Options) -> Article {
    let base = sanitize::base_url(page_url, summary.meta.base.as_deref());
    let mut article = metadata::read(summary, base.as_ref());
    // A reader view that can show what was removed also lists what was around the article.
    let scope = if options.mark_removed { decide::Scope::Reader } else { decide::Scope::Article };
    let decision = decide::decide(summary, source, article.stated(), options, scope);
    let body = rewrite::rewrite(summary, source, &decision, base.as_ref(), options);
    // A stated author that is the site itself names the publisher: the page's own byline beats it.
    let is_site = |b: &String| article.site_name.as_deref().is_some_and(|s| s.trim().eq_ignore_ascii_case(b.trim()));
    if article.byline.as_ref().is_some_and(is_site) && decision.byline.as_ref().is_some_and(|b| !is_site(b)) {
        article.byline = None;
    }
    if article.byline.is_none() {
        article.byline = decision.byline.clone().or_else(|| metadata::organisation_author(summary));
    }
    if article.published_time.is_none() {
        article.published_time =
            metadata::time_in(summary, decision.root).or_else(|| metadata::date_near_heading(summary, source, article.title.as_deref()));
    } else if let Some(shown) = metadata::shown_date(summary, source, article.title.as_deref()) {
        // The day the page shows under its headline beats a metadata day it contradicts.
        let day = |t: &str| metadata::normalize_date(t.to_string()).chars().take(10).collect::<String>();
        if article.published_time.as_deref().is_some_and(|t| day(t) != day(&shown)) {
            article.published_time = Some(shown);
        }
    }
    article.published_time = article.published_time.take().map(metadata::normalize_date);
    if article.excerpt.is_none() {
        article.excerpt = body.text.split("\n\n").map(str::trim).find(|p| !p.is_empty()).map(str::to_string);
    }
    article.word_count = text::count_words(&body.text);
    article.reading_minutes = article.word_count.div_ceil(230);
    article.readerable = readerable::summary_is_readerable(summary);
    article.removed = decision.removed_list(summary, source);
    article.content = body.html;
    article.text = body.text;
    article.document = options.words.as_ref().map(|words| render::reader_document(&article, words));
    article
}
