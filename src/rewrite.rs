//! Pass 3: a lol_html pass over the article's byte range only, writing sanitized reader
//! HTML and plain text.
//!
//! The output is built from scratch — tags from the allow-list, attributes checked one
//! by one, every text escaped — never copied from the source, so broken or hostile
//! markup cannot survive into it. Elements are matched to the scan's nodes by the byte
//! offset of their start tag, which is how the decision's marks reach this pass.

use std::cell::RefCell;

use lol_html::html_content::Element;
use lol_html::{element, HtmlRewriter, Settings};
use url::Url;

use crate::article::Options;
use crate::decide::{Decision, Mark};
use crate::gap::{self, Piece};
use crate::html::Tag;
use crate::rules;
use crate::sanitize::{self, Policy};
use crate::scan::Summary;
use crate::text::{decode_attribute, decode_entities, escape_attribute, escape_text};
use crate::tree::{Open, OpenElements};

/// Characters that show nothing and split words for search and copy: the soft hyphen, the
/// zero-width space, the word joiner and a stray byte-order mark. (The zero-width joiners
/// stay: emoji sequences and several scripts need them.)
const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// The article body in both forms.
#[derive(Debug, Default)]
pub struct Body {
    pub html: String,
    pub text: String,
}

#[derive(Debug, Clone)]
struct Frame {
    /// Where its start tag is in the whole source.
    start: u32,
    /// The end tag to write, for kept elements.
    close: Option<&'static str>,
    /// This element started a skipped (dropped or removed) subtree.
    skip_origin: bool,
    /// Inside `<pre>`: whitespace is kept.
    pre: bool,
    /// Inside a caption (`figcaption`, a "caption" class): shown under its picture, not
    /// part of the plain text, which is the article's running text.
    caption: bool,
    /// This is a layout table: its rows and cells are unwrapped.
    layout: bool,
    /// This element is a removed block written with `Options::mark_removed`.
    marked: bool,
}

/// Plain text with paragraphs separated by blank lines.
#[derive(Default)]
struct Plain {
    out: String,
    pending: u8,
    space: bool,
}

impl Plain {
    fn block(&mut self) {
        if !self.out.is_empty() {
            self.pending = 2;
        }
        self.space = false;
    }

    fn line(&mut self) {
        if !self.out.is_empty() && self.pending == 0 {
            self.pending = 1;
        }
        self.space = false;
    }

    fn push(&mut self, s: &str, pre: bool) {
        if pre {
            self.start_word();
            self.out.extend(s.chars().filter(|&c| c != '\0'));
            return;
        }
        for (k, word) in s.split(char::is_whitespace).enumerate() {
            // Every piece after the first follows whitespace.
            if k > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.start_word();
            if word.contains('\0') {
                self.out.extend(word.chars().filter(|&c| c != '\0'));
            } else {
                self.out.push_str(word);
            }
        }
    }

    /// Writes what separates the next word from the text before it.
    fn start_word(&mut self) {
        if self.pending > 0 {
            for _ in 0..self.pending {
                self.out.push('\n');
            }
            self.pending = 0;
        } else if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        self.space = false;
    }
}

/// Where the last image went, to pair it with a `<noscript>` copy.
#[derive(Debug, Clone)]
struct LastImage {
    /// The output length right after it (or where it would have been).
    at: usize,
    src: Option<String>,
}

struct Writer<'a> {
    summary: &'a Summary,
    decision: &'a Decision,
    base: Option<&'a Url>,
    options: &'a Options,
    /// The article's part of the source, and where it starts in the whole.
    source: &'a str,
    offset: u32,
    /// Where the last tag in `source` ends.
    cursor: usize,
    open: OpenElements<Frame>,
    /// Elements being closed by a start or end tag (kept to reuse its allocation).
    closing: Vec<Open<Frame>>,
    skip: bool,
    /// Inside a removed block written with `Options::mark_removed`: its text is not article text.
    in_marked: bool,
    html: String,
    plain: Plain,
    noscript: Option<String>,
    picture_srcset: Option<String>,
    last_image: Option<LastImage>,
}

/// Blocks that show nothing when empty: an empty one is a blank gap or a bare bullet.
const BLANKABLE: &[Tag] = &[
    Tag::P,
    Tag::Li,
    Tag::Ul,
    Tag::Ol,
    Tag::Dl,
    Tag::Dt,
    Tag::Dd,
    Tag::H1,
    Tag::H2,
    Tag::H3,
    Tag::H4,
    Tag::H5,
    Tag::H6,
    Tag::Blockquote,
    Tag::Div,
    Tag::Section,
    Tag::Figure,
    Tag::Figcaption,
    Tag::Center,
];

/// What makes a block without text or images worth showing: a rule, a formula (drawings
/// and controls never reach the reader view: `sanitize` drops them).
const VISIBLE_WITHOUT_TEXT: &[&str] = &["<hr", "<math", "<picture"];

/// A non-breaking or zero-width space as a page writes it: a block of these is blank.
const BLANK_TEXT: &[&str] = &["&nbsp;", "&#160;", "&#xa0;", "&#8203;", "&zwj;", "&zwnj;", "\u{a0}", "\u{200b}", "\u{feff}"];

impl Writer<'_> {
    /// Whether element `i` shows nothing a reader could see: no text but spaces, no image
    /// or embed, nothing drawn. Such a block is left out (empty bullets, spacer paragraphs,
    /// a list of links whose links were all taken out).
    fn is_blank(&self, i: usize) -> bool {
        let node = &self.summary.nodes[i];
        let s = &node.stats;
        if !BLANKABLE.contains(&node.tag) || s.images > 0 || s.embeds > 0 || s.text > 8 {
            return false;
        }
        let Some(html) = self.whole_source(node.start as usize, node.end as usize) else { return false };
        if html.len() > 4096 || VISIBLE_WITHOUT_TEXT.iter().any(|t| html.contains(t)) {
            return false;
        }
        node.first_text == crate::scan::NONE || {
            // Text outside tags, with its blank characters taken out, is none.
            let mut text = String::new();
            for part in html.split('<').map(|p| p.split_once('>').map_or(p, |(_, after)| after)) {
                text.push_str(part);
            }
            BLANK_TEXT.iter().fold(text, |t, b| t.replace(b, "")).trim().is_empty()
        }
    }

    /// The whole source's bytes `start..end`, when they lie in the article's part.
    fn whole_source(&self, start: usize, end: usize) -> Option<&str> {
        let offset = self.offset as usize;
        self.source.get(start.checked_sub(offset)?..end.checked_sub(offset)?)
    }
}

pub fn rewrite(summary: &Summary, source: &str, decision: &Decision, base: Option<&Url>, options: &Options) -> Body {
    let mut body = rewrite_range(summary, source, decision, decision.range, base, options);
    // The clutter around the article, marked like the clutter inside it, after it: the
    // reader view can show it or bring it back. Its text is not the article's.
    if options.mark_removed {
        for range in decision.outside(summary) {
            body.html.push_str(&rewrite_range(summary, source, decision, range, base, options).html);
        }
    }
    body
}

/// The sanitized HTML and text of `source[range]`, with the decision's marks.
fn rewrite_range(summary: &Summary, source: &str, decision: &Decision, range: (u32, u32), base: Option<&Url>, options: &Options) -> Body {
    let (start, end) = (range.0 as usize, (range.1 as usize).min(source.len()));
    let Some(slice) = source.get(start..end).filter(|s| !s.is_empty()) else { return Body::default() };
    // The start-tag handler borrows the writer, which borrows the summary: both live
    // in this function (lol_html's local handler types need not be 'static).
    let writer = Writer {
        summary,
        decision,
        base,
        options,
        source: slice,
        offset: range.0,
        cursor: 0,
        open: OpenElements::default(),
        closing: Vec::new(),
        skip: false,
        in_marked: false,
        html: String::with_capacity(slice.len() / 2),
        plain: Plain::default(),
        noscript: None,
        picture_srcset: None,
        last_image: None,
    };
    let writer = RefCell::new(writer);
    {
        let settings = Settings::new()
            .with_strict(false)
            .append_element_content_handler(element!("*", |el| {
                writer.borrow_mut().start(el);
                Ok(())
            }))
            .append_document_content_handler(crate::scan::lex_all());
        let mut rewriter = HtmlRewriter::new(settings, crate::scan::discard as fn(&[u8]));
        // The scan already parsed these bytes; a failure here leaves the partial output.
        let _ = rewriter.write(slice.as_bytes()).and_then(|()| rewriter.end());
    }
    let mut w = writer.into_inner();
    w.read_until(slice.len());
    while let Some(f) = w.open.pop() {
        w.close(f);
    }
    Body { html: w.html, text: w.plain.out.trim().to_string() }
}

impl Writer<'_> {
    /// Reads the source between the last tag and `to` (see [`crate::gap`]): text is
    /// written, a `<noscript>`'s raw text kept for its image, end tags close their elements.
    fn read_until(&mut self, to: usize) {
        let from = self.cursor;
        if to <= from {
            return;
        }
        self.cursor = to;
        let source = self.source;
        let raw = self.open.current().map(|f| f.tag).filter(|t| t.is_raw_text() && !self.open.in_foreign_content());
        for piece in gap::pieces(source, from, to, raw) {
            match piece {
                Piece::Text { text, .. } => self.text(text),
                Piece::RawText { text } => {
                    if let Some(buf) = self.noscript.as_mut() {
                        buf.push_str(text);
                    }
                }
                Piece::EndTag { name, .. } => {
                    let offset = self.offset;
                    let named = |start: u32| crate::scan::name_at(source, (start - offset) as usize).eq_ignore_ascii_case(name);
                    let mut closing = std::mem::take(&mut self.closing);
                    self.open.close_by_end_tag(name, named, |f| closing.push(f));
                    for f in closing.drain(..) {
                        self.close(f);
                    }
                    self.closing = closing;
                }
            }
        }
    }

    fn close(&mut self, open: Open<Frame>) {
        let Open { tag, data: f, .. } = open;
        if f.skip_origin {
            self.skip = false;
            if tag == Tag::Noscript {
                if let Some(inner) = self.noscript.take() {
                    self.noscript_image(&inner);
                }
            }
            return;
        }
        if self.skip {
            return;
        }
        if f.marked {
            self.in_marked = false;
        }
        if tag == Tag::Picture {
            self.picture_srcset = None;
        }
        if let Some(name) = f.close {
            self.html.push_str("</");
            self.html.push_str(name);
            self.html.push('>');
        }
        if tag.breaks_text() || f.layout {
            self.plain.block();
        }
    }

    fn in_pre(&self) -> bool {
        self.open.current().is_some_and(|f| f.data.pre)
    }

    fn in_layout_table(&self) -> bool {
        self.open.items().iter().rev().find(|f| f.tag == Tag::Table).is_some_and(|f| f.data.layout)
    }

    /// A start tag.
    fn start(&mut self, el: &mut Element<'_, '_>) {
        let location = el.source_location().bytes();
        self.read_until(location.start);
        self.cursor = location.end;
        let offset = self.offset + location.start as u32;
        let node = self.summary.node_at(offset);
        let tag = match node {
            Some(i) => self.summary.nodes[i].tag,
            None => Tag::from_bytes(crate::scan::name_at(self.source, location.start)),
        };
        let mut closing = std::mem::take(&mut self.closing);
        self.open.close_implied_by(tag, |o| closing.push(o));
        for f in closing.drain(..) {
            self.close(f);
        }
        self.closing = closing;
        let can_have_content = el.can_have_content();
        let pre = self.in_pre() || tag == Tag::Pre;
        let caption = self.open.current().is_some_and(|f| f.data.caption)
            || tag == Tag::Figcaption
            || node.is_some_and(|i| rules::mentions(self.summary.class(&self.summary.nodes[i]), rules::CAPTION_HINTS));
        let mut frame = Frame { start: offset, close: None, skip_origin: false, pre, caption, layout: false, marked: false };
        if self.skip {
            return self.push(tag, frame, can_have_content);
        }
        let mark = node.map_or(Mark::Keep, |i| self.decision.marks[i]);
        let blank = node.is_some_and(|i| self.is_blank(i));
        if let (Mark::Removed(_), Some(i)) = (mark, node) {
            if self.options.mark_removed && can_have_content && !blank {
                return self.start_marked(tag, i, frame, el);
            }
        }
        if matches!(mark, Mark::Drop | Mark::Removed(_)) || blank {
            return self.skip_from(tag, frame, can_have_content);
        }
        match tag {
            Tag::Img => {
                if self.options.images {
                    let attrs: Vec<(String, String)> = el.attributes().iter().map(|a| (a.name(), a.value())).collect();
                    self.image(&attrs);
                }
                return;
            }
            Tag::Source => {
                if self.open.is_open(Tag::Picture) && self.picture_srcset.is_none() {
                    let raw = rules::LAZY_SRCSET_ATTRS.iter().chain(&["srcset"]).find_map(|a| el.get_attribute(a));
                    self.picture_srcset = raw.and_then(|r| sanitize::srcset(&r, self.base));
                }
                return;
            }
            Tag::Br => {
                self.html.push_str("<br>");
                self.plain.line();
                return;
            }
            Tag::Hr => {
                self.html.push_str("<hr>");
                self.plain.block();
                return;
            }
            Tag::Iframe | Tag::Video | Tag::Audio | Tag::Embed | Tag::Object => {
                let src = el.get_attribute("src").or_else(|| el.get_attribute("data-src")).or_else(|| el.get_attribute("data"));
                if let Some(url) = src.and_then(|s| sanitize::link_url(&s, self.base)) {
                    let label = sanitize::embed_label(&url).map(|(l, host)| format!("{l}: {host}"));
                    let label = label.or_else(|| {
                        matches!(tag, Tag::Video | Tag::Audio)
                            .then(|| format!("{} file", if tag == Tag::Video { "Video" } else { "Audio" }))
                    });
                    if let Some(label) = label {
                        self.plain.block();
                        self.html.push_str("<p><a href=\"");
                        escape_attribute(&url, &mut self.html);
                        self.html.push_str("\">");
                        escape_text(&label, true, &mut self.html);
                        self.html.push_str("</a></p>");
                        self.plain.block();
                    }
                }
                return self.skip_from(tag, frame, can_have_content);
            }
            Tag::Noscript => {
                self.noscript = Some(String::new());
                return self.skip_from(tag, frame, can_have_content);
            }
            Tag::Table if mark == Mark::Layout => {
                frame.layout = true;
                self.plain.block();
                return self.push(tag, frame, can_have_content);
            }
            Tag::Tr | Tag::Td | Tag::Th | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Caption | Tag::Colgroup | Tag::Col
                if self.in_layout_table() =>
            {
                frame.layout = true;
                self.plain.block();
                // A cell becomes a block, so the text of cells side by side stays apart.
                if matches!(tag, Tag::Td | Tag::Th | Tag::Caption) && can_have_content {
                    self.html.push_str("<div>");
                    frame.close = Some("div");
                }
                return self.push(tag, frame, can_have_content);
            }
            _ => {}
        }
        // Inside MathML a browser makes every tag that does not leave it (<nav>, <section>…)
        // a MathML element: written as HTML it would re-parse elsewhere, so only its text stays.
        // Table parts outside a table are ignored by browsers: their text stays, cells as blocks.
        let policy = match sanitize::policy(tag) {
            Policy::Keep(_) if !tag.is_mathml() && self.open.is_open(Tag::Math) => Policy::Unwrap,
            Policy::Keep(_) if tag.is_table_part() && !self.open.is_open(Tag::Table) => {
                if matches!(tag, Tag::Td | Tag::Th | Tag::Caption) {
                    Policy::Keep("div")
                } else {
                    Policy::Unwrap
                }
            }
            policy => policy,
        };
        match policy {
            Policy::Drop => self.skip_from(tag, frame, can_have_content),
            Policy::Unwrap => {
                if tag.breaks_text() {
                    self.plain.block();
                }
                self.push(tag, frame, can_have_content)
            }
            Policy::Keep(name) => {
                if tag.breaks_text() {
                    self.plain.block();
                }
                self.write_start(tag, name, el, None);
                if can_have_content {
                    frame.close = Some(name);
                }
                self.push(tag, frame, can_have_content)
            }
        }
    }

    /// A removed block, written with its content and `data-lectern-removed` (its element
    /// index, as in `Removed::element`) so the reader view can show it on demand. A tag the
    /// sanitizer unwraps becomes a `<div>` or `<span>` to carry the mark; one it drops stays out.
    fn start_marked(&mut self, tag: Tag, node: usize, mut frame: Frame, el: &Element<'_, '_>) {
        let name = match sanitize::policy(tag) {
            Policy::Drop => return self.skip_from(tag, frame, true),
            Policy::Keep(name) => name,
            Policy::Unwrap if tag.is_block() || tag.is_container() => "div",
            Policy::Unwrap => "span",
        };
        if tag.breaks_text() {
            self.plain.block();
        }
        self.write_start(tag, name, el, Some(node));
        frame.close = Some(name);
        frame.marked = true;
        self.in_marked = true;
        self.push(tag, frame, true)
    }

    fn push(&mut self, tag: Tag, frame: Frame, can_have_content: bool) {
        if can_have_content {
            self.open.push(tag, frame.start, frame);
        }
    }

    fn skip_from(&mut self, tag: Tag, mut frame: Frame, can_have_content: bool) {
        if !can_have_content {
            self.noscript = None;
            return;
        }
        frame.skip_origin = true;
        self.skip = true;
        self.push(tag, frame, true)
    }

    /// Writes a start tag with its allowed attributes, and the removed-block mark if any.
    fn write_start(&mut self, tag: Tag, name: &str, el: &Element<'_, '_>, removed: Option<usize>) {
        self.html.push('<');
        self.html.push_str(name);
        for attr in el.attributes() {
            let attr_name = attr.name();
            let value = match attr_name.as_str() {
                "href" if tag == Tag::A => sanitize::link_url(&attr.value(), self.base),
                "id" => sanitize::anchor_id(&attr.value()),
                "class" if matches!(tag, Tag::Pre | Tag::Code) => sanitize::code_class(&attr.value()),
                n if sanitize::plain_attribute(tag, n) => {
                    let v = decode_attribute(&attr.value()).into_owned();
                    sanitize::plain_value_ok(&v).then_some(v)
                }
                _ => None,
            };
            if let Some(v) = value {
                self.html.push(' ');
                self.html.push_str(&attr_name);
                self.html.push_str("=\"");
                escape_attribute(&v, &mut self.html);
                self.html.push('"');
            }
        }
        if let Some(node) = removed {
            self.html.push_str(" data-lectern-removed=\"");
            self.html.push_str(&node.to_string());
            self.html.push('"');
        }
        self.html.push('>');
    }

    /// Writes an image from its attributes, resolving lazy-loading ones. An image with no
    /// real source is remembered, so its `<noscript>` copy can stand in.
    fn image(&mut self, attrs: &[(String, String)]) {
        let get = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        // A 1×1 image is a tracking pixel or a spacer: never content, and loading it tells
        // the site the page was read.
        let tiny = |name: &str| get(name).is_some_and(at_most_one);
        if tiny("width") && tiny("height") {
            return;
        }
        let mut src = get("src").and_then(|s| sanitize::image_url(s, self.base));
        let lazy = rules::LAZY_SRC_ATTRS.iter().find_map(|a| get(a).and_then(|s| sanitize::image_url(s, self.base)));
        if lazy.is_some() {
            src = lazy.or(src);
        }
        let mut srcset =
            rules::LAZY_SRCSET_ATTRS.iter().chain(&["srcset"]).find_map(|a| get(a).and_then(|s| sanitize::srcset(s, self.base)));
        if srcset.is_none() {
            srcset = self.picture_srcset.clone();
        }
        if src.is_none() {
            src = srcset.as_deref().and_then(sanitize::first_srcset_url).map(str::to_string);
        }
        let Some(src) = src else {
            self.last_image = Some(LastImage { at: self.html.len(), src: None });
            return;
        };
        self.html.push_str("<img src=\"");
        escape_attribute(&src, &mut self.html);
        self.html.push('"');
        if let Some(s) = &srcset {
            self.html.push_str(" srcset=\"");
            escape_attribute(s, &mut self.html);
            self.html.push('"');
        }
        for name in ["alt", "title", "width", "height"] {
            let Some(v) = get(name) else { continue };
            let v = decode_attribute(v);
            if matches!(name, "width" | "height") && !(v.bytes().all(|b| b.is_ascii_digit()) && !v.is_empty() && v.len() < 6) {
                continue;
            }
            self.html.push(' ');
            self.html.push_str(name);
            self.html.push_str("=\"");
            escape_attribute(&v, &mut self.html);
            self.html.push('"');
        }
        self.html.push('>');
        self.last_image = Some(LastImage { at: self.html.len(), src: Some(src) });
    }

    /// A `<noscript>` fallback: its image is used unless the image just before it
    /// (the lazy one) already showed the picture.
    fn noscript_image(&mut self, inner: &str) {
        if !self.options.images || !inner.to_ascii_lowercase().contains("<img") {
            return;
        }
        let mut found: Option<Vec<(String, String)>> = None;
        let settings = Settings::new().append_element_content_handler(element!("img", |el| {
            if found.is_none() {
                found = Some(el.attributes().iter().map(|a| (a.name(), a.value())).collect());
            }
            Ok(())
        }));
        {
            let mut rewriter = HtmlRewriter::new(settings, crate::scan::discard as fn(&[u8]));
            if rewriter.write(inner.as_bytes()).is_ok() {
                let _ = rewriter.end();
            }
        }
        let Some(attrs) = found else { return };
        let adjacent = self.last_image.as_ref().filter(|l| self.html.get(l.at..).is_some_and(|after| after.trim().is_empty()));
        if adjacent.is_some_and(|l| l.src.is_some()) {
            return;
        }
        self.image(&attrs);
    }

    /// Text between tags, raw: decoded, escaped and written where it is kept.
    fn text(&mut self, raw: &str) {
        if self.skip || self.open.is_empty() {
            return;
        }
        let mut text = decode_entities(raw);
        // (All of them are outside ASCII: most text is settled by one fast check.)
        if !text.is_ascii() && text.contains(INVISIBLE) {
            text = text.replace(INVISIBLE, "").into();
        }
        let pre = self.in_pre();
        escape_text(&text, !pre, &mut self.html);
        // A ruby annotation is written above its base text, not read after it; a caption
        // is read with its picture.
        let aside = self.open.current().is_some_and(|f| f.data.caption || matches!(f.tag, Tag::Rt | Tag::Rp));
        if !self.in_marked && !aside {
            self.plain.push(&text, pre);
        }
    }
}

/// Whether a size attribute (`1`, `0.5`, `1.0px`, `-2`) is a number of at most 1. Read as
/// a decimal rather than with `str::parse::<f32>`, whose tables and code are 13 KB of the
/// gzipped wasm module; `f32` would also take exponents, `inf` and `nan`, which sizes are
/// not written in, and round `1.00000001` down to 1.
fn at_most_one(value: &str) -> bool {
    let value = value.trim().trim_end_matches("px");
    let (negative, number) = match value.strip_prefix('-') {
        Some(number) => (true, number),
        None => (false, value.strip_prefix('+').unwrap_or(value)),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.len() + fraction.len() == 0 || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return false;
    }
    let whole = whole.trim_start_matches('0');
    negative || whole.is_empty() || (whole == "1" && fraction.bytes().all(|b| b == b'0'))
}

#[cfg(test)]
mod tests {
    use super::at_most_one;

    #[test]
    fn sizes_of_at_most_one() {
        for tiny in ["1", "0", " 1px ", "1.0", "01", "0.5", ".5", "1.", "+1", "-2", "-0"] {
            assert!(at_most_one(tiny), "{tiny}");
        }
        for size in ["2", "1.5", "10", "1.01", "", ".", "-", "px", "1em", "auto", "1,0", "1..0"] {
            assert!(!at_most_one(size), "{size}");
        }
    }
}
