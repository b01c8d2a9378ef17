//! Pass 1: one streaming lol_html pass over the page into a compact per-element summary.
//!
//! No DOM is built. Each element becomes a `Node` with its tag, parent, byte range,
//! class/id tokens and the counts the decision needs (text, link text, commas,
//! paragraphs, images…), summed over its subtree as the element closes. Page metadata
//! (meta tags, JSON-LD, `<title>`, `<h1>`, `<time>`) is collected on the way.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::Element;
use lol_html::{element, DocumentContentHandlers, HtmlRewriter, MemorySettings, Settings};

use crate::gap::{self, Piece};
use crate::html::Tag;
use crate::text::decode_attribute;
use crate::tree::{Open, OpenElements};
use crate::Error;

/// "No node": the parent of top-level elements, the offset of absent text.
pub const NONE: u32 = u32::MAX;

/// Node flags.
pub mod flag {
    /// The page hides the element (`hidden`, `display:none`, `visibility:hidden`, `aria-hidden`).
    pub const HIDDEN: u16 = 1;
    /// `rel=author` or `itemprop` mentioning author.
    pub const AUTHOR: u16 = 2;
    /// `itemprop=articleBody` or similar: the page marks this as the article.
    pub const ARTICLE_BODY: u16 = 4;
    /// `itemprop=name` (the author's name inside an author item).
    pub const ITEM_NAME: u16 = 8;
    /// `role=presentation` / `role=none` (layout tables).
    pub const PRESENTATION: u16 = 16;
    /// `aria-hidden=true` (hidden from assistive technology, often visible).
    pub const ARIA_HIDDEN: u16 = 32;
    /// A table with a `summary` or `datatable` attribute.
    pub const DATA_TABLE_HINT: u16 = 64;
}

/// Counts over an element's subtree. Additive, so removing a block from an article
/// subtracts its stats from its ancestors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Stats {
    /// Characters of text (whitespace runs count as one).
    pub text: u32,
    /// Characters of text inside links.
    pub link_text: u32,
    /// Characters of text inside headings.
    pub heading_text: u32,
    /// Text not inside a nested block element: what Readability would wrap into paragraphs.
    pub flow_text: u32,
    pub commas: u32,
    pub paragraphs: u32,
    pub images: u32,
    pub list_items: u32,
    pub inputs: u32,
    pub embeds: u32,
    pub rows: u32,
    pub cells: u32,
    /// `caption`, `thead`, `tfoot`, `colgroup` and `th` elements: signs of a data table.
    pub table_markers: u32,
    pub tables: u32,
    /// Block-level descendants (Readability's `DIV_TO_P_ELEMS` and the like).
    pub blocks: u32,
    /// `<pre>` descendants: code is content however short.
    pub code_blocks: u32,
    /// Characters of text with whitespace as it is (Readability's `textContent.length`,
    /// which its readerable check measures).
    pub raw_text: u32,
}

impl Stats {
    /// Adds a closed child's stats (and the child itself) to its parent's.
    fn absorb(&mut self, child: &Stats, tag: Tag) {
        self.add(&child.counted_as(tag));
        if !tag.is_block() {
            self.flow_text += child.flow_text;
        }
    }

    /// The stats a subtree rooted at a `tag` element contributes to its ancestors.
    pub fn counted_as(&self, tag: Tag) -> Stats {
        let one = |t: bool| u32::from(t);
        Stats {
            flow_text: 0,
            paragraphs: self.paragraphs + one(tag == Tag::P),
            images: self.images + one(tag == Tag::Img),
            list_items: self.list_items + one(tag == Tag::Li),
            inputs: self.inputs + one(matches!(tag, Tag::Input | Tag::Textarea | Tag::Select | Tag::Button)),
            embeds: self.embeds + one(tag.is_embed()),
            rows: self.rows + one(tag == Tag::Tr),
            cells: self.cells + one(matches!(tag, Tag::Td | Tag::Th)),
            table_markers: self.table_markers + one(matches!(tag, Tag::Caption | Tag::Thead | Tag::Tfoot | Tag::Colgroup | Tag::Th)),
            tables: self.tables + one(tag == Tag::Table),
            blocks: self.blocks + one(tag.is_block()),
            code_blocks: self.code_blocks + one(tag == Tag::Pre),
            ..*self
        }
    }

    pub fn add(&mut self, o: &Stats) {
        self.zip(o, |a, b| *a += b);
    }

    pub fn sub(&mut self, o: &Stats) {
        self.zip(o, |a, b| *a = a.saturating_sub(b));
    }

    fn zip(&mut self, o: &Stats, f: impl Fn(&mut u32, u32)) {
        f(&mut self.text, o.text);
        f(&mut self.link_text, o.link_text);
        f(&mut self.heading_text, o.heading_text);
        f(&mut self.flow_text, o.flow_text);
        f(&mut self.commas, o.commas);
        f(&mut self.paragraphs, o.paragraphs);
        f(&mut self.images, o.images);
        f(&mut self.list_items, o.list_items);
        f(&mut self.inputs, o.inputs);
        f(&mut self.embeds, o.embeds);
        f(&mut self.rows, o.rows);
        f(&mut self.cells, o.cells);
        f(&mut self.table_markers, o.table_markers);
        f(&mut self.tables, o.tables);
        f(&mut self.blocks, o.blocks);
        f(&mut self.code_blocks, o.code_blocks);
        f(&mut self.raw_text, o.raw_text);
    }

    /// Share of the text that sits in links.
    pub fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            f64::from(self.link_text) / f64::from(self.text)
        }
    }
}

/// One element of the page.
#[derive(Debug, Clone)]
pub struct Node {
    pub tag: Tag,
    pub flags: u16,
    pub depth: u32,
    pub parent: u32,
    /// Byte offset of the start tag in the (UTF-8) source.
    pub start: u32,
    /// Byte offset just past the element (its end tag, or where it was closed implicitly).
    pub end: u32,
    /// Where the lowercase class, id and role strings sit in `Summary::attrs`:
    /// class = `[0]..[1]`, id = `[1]..[2]`, role = `[2]..[3]`.
    pub attrs: [u32; 4],
    /// Element children.
    pub children: u32,
    /// Byte offset of the first text in the subtree, `NONE` if there is none.
    pub first_text: u32,
    pub stats: Stats,
}

impl Node {
    fn new(tag: Tag, parent: u32, depth: u32, start: u32) -> Self {
        Node { tag, flags: 0, depth, parent, start, end: start, attrs: [0; 4], children: 0, first_text: NONE, stats: Stats::default() }
    }

    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }

    pub fn parent(&self) -> Option<usize> {
        (self.parent != NONE).then_some(self.parent as usize)
    }
}

/// The id React gives a streamed Suspense boundary's content: `S:` and a number in hex
/// ("S:1b"); also as the summary keeps it, lowercased.
pub fn is_streamed_boundary(id: &str) -> bool {
    id.strip_prefix("S:").or_else(|| id.strip_prefix("s:")).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Metadata as the page states it, before any choice between sources.
#[derive(Debug, Default, Clone)]
pub struct RawMeta {
    /// `<meta>` (name|property|itemprop, content), keys lowercased, in page order.
    pub metas: Vec<(String, String)>,
    /// The contents of `<script type="application/ld+json">` blocks.
    pub json_ld: Vec<String>,
    /// `<title>` text, raw (entities not yet decoded).
    pub title: String,
    /// `<h1>` texts, raw, with their node.
    pub h1: Vec<(u32, String)>,
    /// `<time datetime>` values with their node.
    pub times: Vec<(u32, String)>,
    /// `lang` of `<html>`.
    pub lang: Option<String>,
    /// `dir` of `<html>` or `<body>`.
    pub dir: Option<String>,
    /// `<base href>`.
    pub base: Option<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
}

/// The scan's result: every element in document order, plus the page's metadata.
#[derive(Debug, Default)]
pub struct Summary {
    pub nodes: Vec<Node>,
    /// Lowercase class, id and role strings, referenced by `Node::attrs`.
    pub attrs: String,
    pub meta: RawMeta,
}

impl Summary {
    /// The lowercase class attribute.
    pub fn class(&self, node: &Node) -> &str {
        &self.attrs[node.attrs[0] as usize..node.attrs[1] as usize]
    }

    /// The lowercase id attribute.
    pub fn id(&self, node: &Node) -> &str {
        &self.attrs[node.attrs[1] as usize..node.attrs[2] as usize]
    }

    /// The lowercase role attribute.
    pub fn role(&self, node: &Node) -> &str {
        &self.attrs[node.attrs[2] as usize..node.attrs[3] as usize]
    }

    /// Whether the node's class or id mentions one of `hints`.
    pub fn mentions(&self, node: &Node, hints: &[&str]) -> bool {
        crate::rules::mentions(self.class(node), hints) || crate::rules::mentions(self.id(node), hints)
    }

    /// The node whose start tag begins at `offset`.
    pub fn node_at(&self, offset: u32) -> Option<usize> {
        self.nodes.binary_search_by_key(&offset, |n| n.start).ok()
    }

    /// Whether `node` is `ancestor` or inside it.
    pub fn is_within(&self, mut node: usize, ancestor: usize) -> bool {
        loop {
            if node == ancestor {
                return true;
            }
            if node < ancestor {
                return false;
            }
            match self.nodes[node].parent() {
                Some(p) => node = p,
                None => return false,
            }
        }
    }
}

/// What text the scan is collecting right now.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Capture {
    JsonLd,
    Title,
}

#[derive(Default)]
struct ScanState {
    summary: Summary,
    open: OpenElements<u32>,
    /// Open elements whose text is not article text (script, style, template…).
    non_content: u32,
    /// Open `<a>` elements.
    links: u32,
    /// Open headings.
    headings: u32,
    /// Open `<h1>` whose text is being collected (index into `meta.h1`).
    h1: Option<usize>,
    capture: Option<(u32, Capture)>,
    /// `<html>` (bit 1) and `<body>` (bit 2) met already.
    seen_root: u8,
    /// Elements being closed by a start or end tag (kept to reuse its allocation).
    closing: Vec<Open<u32>>,
    /// Whether the last character counted was whitespace (runs count once).
    in_space: bool,
    /// Where the last tag lol_html reported ends: the text after it is read from the
    /// source when the next tag arrives.
    cursor: usize,
}

impl ScanState {
    fn open_element(&mut self, el: &mut Element<'_, '_>, source: &str) {
        let location = el.source_location().bytes();
        self.read_until(source, location.start);
        self.cursor = location.end;
        let tag = tag_at(source, location.start);
        if matches!(tag, Tag::Html | Tag::Head | Tag::Body) {
            self.read_document_attrs(tag, el);
            if tag == Tag::Body || tag == Tag::Html {
                // Browsers merge repeated <html>/<body>; keep the first as the node.
                let bit = if tag == Tag::Html { 1 } else { 2 };
                if self.seen_root & bit != 0 {
                    self.open.push_token(tag, location.start as u32);
                    return;
                }
                self.seen_root |= bit;
            }
        }
        let start = location.start as u32;
        let mut closing = std::mem::take(&mut self.closing);
        self.open.close_implied_by(tag, |o| closing.push(o));
        for o in closing.drain(..) {
            self.closed(o, start);
        }
        self.closing = closing;
        let nodes = &mut self.summary.nodes;
        let parent = self.open.current().map_or(NONE, |o| o.data);
        let depth = self.open.len() as u32;
        let index = nodes.len() as u32;
        let mut node = Node::new(tag, parent, depth, start);
        if let Some(p) = node.parent() {
            nodes[p].children += 1;
        }
        self.read_attrs(&mut node, el, index, source);
        match tag {
            Tag::Script if el.get_attribute("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) => {
                self.summary.meta.json_ld.push(String::new());
                self.capture = Some((index, Capture::JsonLd));
            }
            Tag::Title if self.summary.meta.title.is_empty() && !self.open.in_foreign_content() => {
                self.capture = Some((index, Capture::Title));
            }
            Tag::H1 if self.non_content == 0 => {
                self.summary.meta.h1.push((index, String::new()));
                self.h1 = Some(self.summary.meta.h1.len() - 1);
            }
            _ => {}
        }
        self.summary.nodes.push(node);
        if el.can_have_content() {
            self.open.push(tag, start, index);
            if tag.is_non_content() {
                self.non_content += 1;
            }
            if tag == Tag::A {
                self.links += 1;
            }
            if tag.is_heading() {
                self.headings += 1;
            }
        } else {
            close(&mut self.summary.nodes, Open { tag, start, data: index }, start);
        }
    }

    fn read_document_attrs(&mut self, tag: Tag, el: &Element<'_, '_>) {
        let meta = &mut self.summary.meta;
        if tag == Tag::Html && meta.lang.is_none() {
            meta.lang = el.get_attribute("lang").or_else(|| el.get_attribute("xml:lang")).filter(|l| !l.trim().is_empty());
        }
        if meta.dir.is_none() {
            meta.dir = el.get_attribute("dir").filter(|d| !d.trim().is_empty());
        }
    }

    /// Reads the attributes the summary needs straight from the source bytes: lol_html
    /// would allocate a String for every attribute name and value asked for.
    fn read_attrs(&mut self, node: &mut Node, el: &Element<'_, '_>, index: u32, source: &str) {
        let start = self.summary.attrs.len() as u32;
        node.attrs = [start; 4];
        let attributes = el.attributes();
        if attributes.is_empty() {
            return;
        }
        let raw = |loc: Option<lol_html::html_content::SourceLocation>| loc.and_then(|l| source.get(l.bytes())).unwrap_or("");
        let (mut class, mut id, mut role) = ("", "", "");
        let (mut key, mut content, mut itemprop, mut rel) = (None, None, "", "");
        let mut hidden = false;
        // `content`/`datetime` of an element other than <meta>/<time> (microdata).
        let mut item_value = None;
        for attr in attributes {
            let name = raw(attr.name_source_location());
            let value = raw(attr.value_source_location());
            let is = |n: &str| name.eq_ignore_ascii_case(n);
            if is("class") {
                class = value;
            } else if is("id") {
                id = value;
            } else if is("role") {
                role = value;
            } else if is("hidden") {
                hidden = true;
            } else if is("style") {
                let style: String = value.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                if style.contains("display:none") || style.contains("visibility:hidden") {
                    node.flags |= flag::HIDDEN;
                }
            } else if is("aria-hidden") {
                if value.trim() == "true" {
                    node.flags |= flag::ARIA_HIDDEN;
                }
            } else if is("rel") {
                rel = value;
            } else if is("itemprop") {
                itemprop = value;
            } else if node.tag == Tag::Table && (is("summary") || is("datatable")) {
                node.flags |= flag::DATA_TABLE_HINT;
            } else if node.tag == Tag::Meta && (is("property") || is("name")) {
                key = key.or(Some(value));
            } else if (node.tag == Tag::Meta && is("content"))
                || (node.tag == Tag::Time && is("datetime"))
                || (matches!(node.tag, Tag::Base | Tag::Link) && is("href"))
            {
                content = Some(value);
            } else if is("content") || is("datetime") {
                item_value = Some(value);
            }
        }
        // React's streamed rendering sends a finished Suspense boundary as `<div hidden
        // id="S:0">` and a script moves it into place: what readers see, not hidden.
        if hidden && !is_streamed_boundary(id) {
            node.flags |= flag::HIDDEN;
        }
        let attrs = &mut self.summary.attrs;
        for (i, value) in [class, id, role].into_iter().enumerate() {
            let value = decode_attribute(value.trim());
            let from = attrs.len();
            attrs.push_str(&value);
            attrs[from..].make_ascii_lowercase();
            node.attrs[i + 1] = attrs.len() as u32;
        }
        if matches!(self.summary.role(node), "presentation" | "none") {
            node.flags |= flag::PRESENTATION;
        }
        let words = |v: &str, w: &str| v.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(w));
        let contains = |v: &str, w: &str| v.to_ascii_lowercase().contains(w);
        if words(rel, "author") || contains(itemprop, "author") {
            node.flags |= flag::AUTHOR;
        }
        if contains(itemprop, "articlebody") {
            node.flags |= flag::ARTICLE_BODY;
        }
        if words(itemprop, "name") {
            node.flags |= flag::ITEM_NAME;
        }
        let meta = &mut self.summary.meta;
        let value = |v: &str| decode_attribute(v).into_owned();
        // Microdata on any element: <span itemprop="datePublished" content="2025-01-02">.
        if node.tag != Tag::Meta && itemprop.eq_ignore_ascii_case("datepublished") {
            if let Some(v) = item_value.or(content.filter(|_| node.tag == Tag::Time)) {
                meta.metas.push(("datepublished".to_string(), value(v)));
            }
        }
        match node.tag {
            Tag::Meta => {
                let key = if itemprop.is_empty() { key } else { Some(itemprop) };
                if let (Some(k), Some(c)) = (key, content) {
                    for key in k.split_ascii_whitespace() {
                        meta.metas.push((key.to_ascii_lowercase(), value(c)));
                    }
                }
            }
            Tag::Time if meta.times.len() < 16 => {
                if let Some(t) = content {
                    meta.times.push((index, value(t)));
                }
            }
            Tag::Base if meta.base.is_none() => meta.base = content.map(value),
            Tag::Link if meta.canonical.is_none() && words(rel, "canonical") => meta.canonical = content.map(value),
            _ => {}
        }
    }

    fn closed(&mut self, o: Open<u32>, end: u32) {
        if o.tag.is_non_content() {
            self.non_content = self.non_content.saturating_sub(1);
        }
        if o.tag == Tag::A {
            self.links = self.links.saturating_sub(1);
        }
        if o.tag.is_heading() {
            self.headings = self.headings.saturating_sub(1);
        }
        if o.tag == Tag::H1 {
            self.h1 = None;
        }
        if self.capture.is_some_and(|(i, _)| i == o.data) {
            self.capture = None;
        }
        close(&mut self.summary.nodes, o, end);
    }

    /// Reads the source between the last tag and `to` (see [`crate::gap`]): text is
    /// counted, raw text captured (JSON-LD, `<title>`), end tags close their elements.
    fn read_until(&mut self, source: &str, to: usize) {
        let from = self.cursor;
        if to <= from {
            return;
        }
        self.cursor = to;
        let raw = self.open.current().map(|o| o.tag).filter(|t| t.is_raw_text() && !self.open.in_foreign_content());
        for piece in gap::pieces(source, from, to, raw) {
            match piece {
                Piece::Text { text, at } => {
                    if self.non_content == 0 {
                        self.count_text(text, at);
                    }
                }
                Piece::RawText { text } => match self.capture {
                    Some((_, Capture::JsonLd)) => {
                        if let Some(last) = self.summary.meta.json_ld.last_mut() {
                            last.push_str(text);
                        }
                    }
                    Some((_, Capture::Title)) => self.summary.meta.title.push_str(text),
                    None => {}
                },
                Piece::EndTag { name, end } => {
                    let named = |start: u32| name_at(source, start as usize).eq_ignore_ascii_case(name);
                    let mut closing = std::mem::take(&mut self.closing);
                    self.open.close_by_end_tag(name, named, |o| closing.push(o));
                    for o in closing.drain(..) {
                        self.closed(o, end as u32);
                    }
                    self.closing = closing;
                }
            }
        }
    }

    /// Counts a run of article text that starts at byte `offset` of the source.
    fn count_text(&mut self, s: &str, offset: usize) {
        if s.is_empty() {
            return;
        }
        let Some(top) = self.open.current().map(|o| o.data as usize) else { return };
        if let Some(h) = self.h1 {
            // At most the first 1 KiB.
            let t = &mut self.summary.meta.h1[h].1;
            let mut room = 1024usize.saturating_sub(t.len()).min(s.len());
            while !s.is_char_boundary(room) {
                room -= 1;
            }
            t.push_str(&s[..room]);
            if room < s.len() {
                self.h1 = None;
            }
        }
        let mut chars = 0u32;
        let mut raw = 0u32;
        let mut commas = 0u32;
        let mut in_space = self.in_space;
        let mut ascii = true;
        for &b in s.as_bytes() {
            ascii &= b.is_ascii();
            raw += u32::from(b & 0xC0 != 0x80);
            if b.is_ascii_whitespace() {
                if !in_space {
                    chars += 1;
                    in_space = true;
                }
            } else {
                in_space = false;
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                if b & 0xC0 != 0x80 {
                    chars += 1;
                }
                if b == b',' {
                    commas += 1;
                }
            }
        }
        // Full-width and ideographic commas count as commas too (U+FF0C, U+3001, U+060C).
        if !ascii {
            commas += s.matches(['\u{ff0c}', '\u{3001}', '\u{060c}']).count() as u32;
        }
        self.in_space = in_space;
        if chars == 0 {
            return;
        }
        let node = &mut self.summary.nodes[top];
        let stats = &mut node.stats;
        stats.text += chars;
        stats.raw_text += raw;
        stats.flow_text += chars;
        stats.commas += commas;
        if self.links > 0 {
            stats.link_text += chars;
        }
        if self.headings > 0 {
            stats.heading_text += chars;
        }
        if node.first_text == NONE {
            if let Some(lead) = s.bytes().position(|b| !b.is_ascii_whitespace()) {
                node.first_text = (offset + lead) as u32;
            }
        }
    }
}

/// Finishes `o`: its end offset and its counts added to its parent.
fn close(nodes: &mut [Node], o: Open<u32>, end: u32) {
    let i = o.data as usize;
    nodes[i].end = end.max(nodes[i].start);
    let Some(p) = nodes[i].parent() else { return };
    // A parent always comes before its children in document order.
    let (before, rest) = nodes.split_at_mut(i);
    let (parent, child) = (&mut before[p], &rest[0]);
    parent.stats.absorb(&child.stats, child.tag);
    if parent.first_text == NONE || (child.first_text != NONE && child.first_text < parent.first_text) {
        parent.first_text = child.first_text;
    }
}

/// The tag of the start tag at `at`, read from the source (lol_html's `tag_name()` allocates).
/// The tag name as written in the start tag at `at`.
pub fn name_at(source: &str, at: usize) -> &[u8] {
    let name = source.as_bytes().get(at + 1..).unwrap_or_default();
    let len = name.iter().position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>')).unwrap_or(name.len());
    &name[..len]
}

/// The lowercase tag name of the element starting at `start`, custom elements included.
pub fn tag_name(source: &str, start: u32) -> String {
    String::from_utf8_lossy(name_at(source, start as usize)).to_ascii_lowercase()
}

fn tag_at(source: &str, at: usize) -> Tag {
    Tag::from_bytes(name_at(source, at))
}

/// The streaming scanner: feed it the page's text in chunks of any size. It keeps the
/// text (the handlers read attributes from it, and the rewrite needs it afterwards).
pub struct Scanner {
    rewriter: HtmlRewriter<'static, fn(&[u8])>,
    state: Rc<RefCell<ScanState>>,
    source: Rc<RefCell<String>>,
}

/// A handler for the doctype that does nothing, for the passes that handle every start tag:
/// with a document handler lol_html stays in its lexer. With only `element!("*")` it would
/// look for tags with its faster tag scanner, find that each one matches, and go back to
/// lex the same tag again: every start tag tokenized twice (3 % of `lectern batch`'s
/// instructions, both passes).
pub fn lex_all<'h>() -> DocumentContentHandlers<'h> {
    lol_html::doctype!(|_| Ok(()))
}

/// The output sink of every lol_html pass (they only read): one sink type for all of them
/// keeps one copy of lol_html's tokenizer in the wasm module, not one per pass.
pub fn discard(_: &[u8]) {}

impl Scanner {
    pub fn new() -> Self {
        let state = Rc::new(RefCell::new(ScanState { in_space: true, ..ScanState::default() }));
        let source: Rc<RefCell<String>> = Rc::default();
        let on_element = Rc::clone(&state);
        let element_source = Rc::clone(&source);
        let settings = Settings::new()
            .with_strict(false)
            .with_memory_settings(MemorySettings::new())
            .append_element_content_handler(element!("*", move |el| {
                on_element.borrow_mut().open_element(el, &element_source.borrow());
                Ok(())
            }))
            .append_document_content_handler(lex_all());
        Scanner { rewriter: HtmlRewriter::new(settings, discard as fn(&[u8])), state, source }
    }

    /// Scans more of the page: `fill` appends the next text to the scanner's buffer.
    pub fn write_with(&mut self, fill: impl FnOnce(&mut String)) -> Result<(), Error> {
        let from = self.source.borrow().len();
        fill(&mut self.source.borrow_mut());
        let source = self.source.borrow();
        if source.len() > crate::MAX_INPUT {
            return Err(Error::TooLarge { limit: crate::MAX_INPUT });
        }
        self.rewriter.write(&source.as_bytes()[from..]).map_err(|e| Error::Parse(e.to_string()))
    }

    /// Scans the next piece of the page.
    pub fn write(&mut self, text: &str) -> Result<(), Error> {
        self.write_with(|buffer| buffer.push_str(text))
    }

    /// Finishes the scan: the summary, and the page's text.
    pub fn end(self) -> Result<(Summary, String), Error> {
        let Scanner { rewriter, state, source } = self;
        rewriter.end().map_err(|e| Error::Parse(e.to_string()))?;
        let in_use = || Error::Parse("the scanner is still in use".into());
        let mut state = Rc::try_unwrap(state).map_err(|_| in_use())?.into_inner();
        let source = Rc::try_unwrap(source).map_err(|_| in_use())?.into_inner();
        state.read_until(&source, source.len());
        let ScanState { ref mut summary, ref mut open, .. } = state;
        let nodes = &mut summary.nodes;
        open.pop_all(|o| close(nodes, o, source.len() as u32));
        Ok((state.summary, source))
    }
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(html: &str) -> Summary {
        let mut scanner = Scanner::new();
        scanner.write(html).unwrap();
        scanner.end().unwrap().0
    }

    #[test]
    fn markup_inside_text_is_not_counted() {
        let summary = scan("<p>ab<!-- <b>xyz</b> -->cd</span>e<!---->f<?pi x?>g&lt;h < i</p>");
        let p = summary.nodes.iter().find(|n| n.tag == Tag::P).unwrap();
        // "abcdefg&lt;h < i": comments, the stray end tag and the processing instruction are skipped.
        assert_eq!(p.stats.text, "abcdefg&lt;h < i".len() as u32);
        assert_eq!(summary.nodes.iter().filter(|n| n.tag == Tag::B).count(), 0);
    }

    #[test]
    fn raw_text_is_captured_not_counted() {
        let summary =
            scan(r#"<title>A &amp; <b>B</b></title><script type="application/ld+json">{"a": "<p>x</p>"}</script><p>one, two</p>"#);
        assert_eq!(summary.meta.title, "A &amp; <b>B</b>");
        assert_eq!(summary.meta.json_ld, [r#"{"a": "<p>x</p>"}"#]);
        let p = summary.nodes.iter().find(|n| n.tag == Tag::P).unwrap();
        assert_eq!((p.stats.text, p.stats.commas), (8, 1));
        assert_eq!(
            p.first_text as usize,
            r#"<title>A &amp; <b>B</b></title><script type="application/ld+json">{"a": "<p>x</p>"}</script><p>"#.len()
        );
    }
}
