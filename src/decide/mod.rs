//! Pass 2 of 3, on the summary only: which element is the article, and which blocks
//! inside it are clutter.
//!
//! Choosing the root follows Readability's scoring (paragraphs score their ancestors;
//! link-heavy and furniture-classed blocks score low; siblings that look alike join),
//! because that is what readers' expectations were trained on. Inside the root every
//! removal is a `Removal` with a category from `rules` and a reason a reader can read.
//!
//! This module holds the decision's types and the order of the work; `root` chooses the
//! article, `blocks` judges what inside it is clutter, `byline` finds the author's line.

mod blocks;
mod byline;
mod root;

use std::borrow::Cow;

use crate::article::{Options, Removed, Why};
use crate::html::Tag;
use crate::rules::{self, hint, Category};
use crate::scan::{flag, Node, Stats, Summary, NONE};
use crate::text::source_text;

/// What the rewrite does with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Keep it (the sanitizer still decides how it is written).
    Keep,
    /// Leave it out silently: not part of the article (a sibling not chosen, the byline,
    /// the heading that repeats the title).
    Drop,
    /// Leave it out as clutter: index into `Decision::removals`.
    Removed(u32),
    /// A layout table: keep its content, not its table structure.
    Layout,
}

/// A block taken out, and why.
#[derive(Debug, Clone)]
pub struct Removal {
    pub node: u32,
    pub category: Category,
    pub why: Why,
    pub reason: Cow<'static, str>,
}

/// A block judged clutter: its category, why in a reader's terms, and the rule's words.
pub type Verdict = (Category, Why, Cow<'static, str>);

/// Where clutter is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Inside the article: what the reader view leaves out.
    Article,
    /// Also around it, everywhere on the page, for decluttering the page in place.
    Page,
    /// Also beside it, for a reader view that lists and can bring back what the page holds
    /// around the article ("Recent posts", its comments).
    Reader,
}

/// The decision for one page.
#[derive(Debug, Clone)]
pub struct Decision {
    /// The article's root: its range is what the rewrite reads.
    pub root: usize,
    /// Byte range of the source to rewrite.
    pub range: (u32, u32),
    /// One mark per node of the summary.
    pub marks: Vec<Mark>,
    pub removals: Vec<Removal>,
    /// The byline found in the page (used when the metadata has none).
    pub byline: Option<String>,
    /// Characters of article text left after the removals.
    pub text_len: u32,
}

impl Decision {
    /// The byte ranges of the blocks removed around the article (`Scope::Page`, `Scope::Reader`),
    /// in document order.
    pub fn outside<'s>(&'s self, summary: &'s Summary) -> impl Iterator<Item = (u32, u32)> + 's {
        let (start, end) = self.range;
        self.marks
            .iter()
            .zip(&summary.nodes)
            .filter(|(mark, _)| matches!(mark, Mark::Removed(_)))
            .map(|(_, n)| (n.start, n.end))
            .filter(move |&(s, e)| e <= start || s >= end)
    }

    /// The removals as the public `Removed` list, in document order.
    pub fn removed_list(&self, summary: &Summary, source: &str) -> Vec<Removed> {
        let mut list: Vec<&Removal> = self.removals.iter().collect();
        list.sort_by_key(|r| r.node);
        list.into_iter()
            .map(|r| Removed {
                category: r.category,
                why: r.why,
                reason: r.reason.to_string(),
                text: node_text(summary, source, r.node as usize, 100),
                element: r.node,
                tag: crate::scan::tag_name(source, summary.nodes[r.node as usize].start),
            })
            .collect()
    }
}

/// The `rules::hint` bits of each node's class and id, read the first time they are asked
/// for (nodes inside excluded blocks never are) and kept for every attempt of the ladder.
struct Hints<'a> {
    summary: &'a Summary,
    source: &'a str,
    /// `class << 16 | id`, or `UNKNOWN`.
    bits: Vec<std::cell::Cell<u32>>,
    /// Pages repeat the same class strings (list items, cards, menu entries): each
    /// distinct string is matched once for its hint bits, once for its token rule. Hashed
    /// with foldhash, still seeded per process: SipHash took half of each lookup.
    seen: std::cell::RefCell<foldhash::HashMap<&'a str, u16>>,
    seen_rule: std::cell::RefCell<foldhash::HashMap<&'a str, u16>>,
    /// Whether the id is the node's own (not a heading's anchor): 0 unknown, 1 yes, 2 no.
    own_id: Vec<std::cell::Cell<u8>>,
    /// The index of the first token rule the class and id match, `NO_RULE`, or `UNKNOWN_RULE`.
    rule: Vec<std::cell::Cell<u16>>,
}

impl<'a> Hints<'a> {
    const UNKNOWN: u32 = u32::MAX;
    const UNKNOWN_RULE: u16 = u16::MAX;
    const NO_RULE: u16 = u16::MAX - 1;

    fn new(summary: &'a Summary, source: &'a str) -> Self {
        let n = summary.nodes.len();
        Hints {
            summary,
            source,
            bits: vec![std::cell::Cell::new(Self::UNKNOWN); n],
            seen: Default::default(),
            seen_rule: Default::default(),
            own_id: vec![std::cell::Cell::new(0); n],
            rule: vec![std::cell::Cell::new(Self::UNKNOWN_RULE); n],
        }
    }

    /// `own_id`, worked out once per node.
    fn id(&self, i: usize) -> &'a str {
        match self.own_id[i].get() {
            1 => self.summary.id(&self.summary.nodes[i]),
            2 => "",
            _ => {
                let id = own_id(self.summary, self.source, i);
                self.own_id[i].set(if id.is_empty() { 2 } else { 1 });
                id
            }
        }
    }

    /// The node's class and id tokens, as the token rules read them.
    fn tokens(&self, i: usize) -> impl Iterator<Item = &'a str> + use<'a> {
        let summary: &'a Summary = self.summary;
        summary.class(&summary.nodes[i]).split_ascii_whitespace().chain(self.id(i).split_ascii_whitespace())
    }

    /// The first token rule the node's class or id matches, matched once per node.
    fn rule(&self, i: usize) -> Option<&'static rules::TokenRule> {
        let mut r = self.rule[i].get();
        if r == Self::UNKNOWN_RULE {
            let n = &self.summary.nodes[i];
            let class = self.summary.class(n);
            let class = if class.is_empty() {
                Self::NO_RULE
            } else {
                *self.seen_rule.borrow_mut().entry(class).or_insert_with(|| Self::rule_of(class.split_ascii_whitespace()))
            };
            let id = self.id(i);
            let id = if id.is_empty() { Self::NO_RULE } else { Self::rule_of(id.split_ascii_whitespace()) };
            // Rules are in priority order: the lower index wins.
            r = class.min(id);
            self.rule[i].set(r);
        }
        (r != Self::NO_RULE).then(|| &rules::TOKEN_RULES[usize::from(r)])
    }

    /// (class bits, id bits).
    fn get(&self, i: usize) -> (u16, u16) {
        let mut b = self.bits[i].get();
        if b == Self::UNKNOWN {
            let n = &self.summary.nodes[i];
            b = u32::from(self.matched(self.summary.class(n))) << 16 | u32::from(rules::hints(self.id(i)));
            self.bits[i].set(b);
        }
        ((b >> 16) as u16, b as u16)
    }

    fn matched(&self, class: &'a str) -> u16 {
        if class.is_empty() {
            return 0;
        }
        *self.seen.borrow_mut().entry(class).or_insert_with(|| rules::hints(class))
    }

    fn rule_of<'t>(tokens: impl Iterator<Item = &'t str>) -> u16 {
        rules::token_rule_index(tokens).map_or(Self::NO_RULE, |k| k as u16)
    }

    /// Bits found in the class or the id.
    fn either(&self, i: usize) -> u16 {
        let (c, id) = self.get(i);
        c | id
    }
}

/// What the page's metadata says of the article, for telling its parts apart.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stated<'a> {
    /// The article's title: the heading that repeats it is the headline.
    pub title: Option<&'a str>,
    /// Its author: a sentence about that person is a bio wherever it stands.
    pub author: Option<&'a str>,
}

/// What every attempt of the ladder reads about the page, worked out once.
struct Page<'a> {
    summary: &'a Summary,
    source: &'a str,
    title: Option<&'a str>,
    /// The author the page's metadata names, if it names one.
    author: Option<&'a str>,
    options: &'a Options,
    /// Class and id hints, read as they are first asked for.
    hints: Hints<'a>,
    /// `ctx` bits: what each node is inside of.
    context: Vec<u8>,
    /// The `<body>` element (the first element when there is none).
    body: usize,
    /// The `<h1>` that carries the article's title, if one does.
    headline: Option<usize>,
    /// The index just past each node's subtree.
    ends: Vec<u32>,
}

/// The index just past each node's subtree: in document order a node's descendants are
/// the nodes after it that are deeper. One pass with a stack of the open nodes.
fn subtree_ends(summary: &Summary) -> Vec<u32> {
    let nodes = &summary.nodes;
    let mut ends = vec![nodes.len() as u32; nodes.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        while let Some(&top) = open.last() {
            if nodes[top].depth < n.depth {
                break;
            }
            ends[top] = i as u32;
            open.pop();
        }
        open.push(i);
    }
    ends
}

/// How much of a label's text the phrase rules look at (they match its start).
const LABEL_PREFIX: usize = 48;

/// Readability's retry ladder: when the article comes out shorter than this, try again
/// with fewer heuristics.
const MIN_ARTICLE_CHARS: u32 = 500;

#[derive(Debug, Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

pub fn decide(summary: &Summary, source: &str, stated: Stated, options: &Options, scope: Scope) -> Decision {
    let Stated { title, author } = stated;
    let ladder = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    if summary.nodes.is_empty() {
        return empty(summary);
    }
    let body = summary.nodes.iter().position(|n| n.tag == Tag::Body).unwrap_or(0);
    let page = Page {
        summary,
        source,
        title,
        author,
        options,
        hints: Hints::new(summary, source),
        context: context(summary),
        body,
        headline: root::headline(summary, source, title),
        ends: subtree_ends(summary),
    };
    let mut best: Option<(Decision, Flags)> = None;
    for flags in ladder {
        let d = Attempt::new(&page, flags).run(scope, false);
        if d.text_len >= MIN_ARTICLE_CHARS {
            return d;
        }
        if best.as_ref().is_none_or(|(b, _)| d.text_len > b.text_len) {
            best = Some((d, flags));
        }
    }
    match best {
        // The clutter around is only looked for on the answer: here, that best rung again.
        Some((_, flags)) if scope != Scope::Article => Attempt::new(&page, flags).run(scope, true),
        Some((d, _)) => d,
        None => empty(summary),
    }
}

fn empty(summary: &Summary) -> Decision {
    Decision { root: 0, range: (0, 0), marks: vec![Mark::Keep; summary.nodes.len()], removals: vec![], byline: None, text_len: 0 }
}

/// The lowercase id of `i` as the rules read it: none when it spells the heading it is or
/// opens with. Such an id is that heading's anchor, made from the author's words (Sphinx's
/// `<div class="section" id="shared-state-between-workers">`, a table of contents'
/// `<h3 id="h-community-health-files">`), not a class name.
fn own_id<'s>(summary: &'s Summary, source: &str, i: usize) -> &'s str {
    let id = summary.id(&summary.nodes[i]);
    if id.is_empty() {
        return id;
    }
    let heading = if summary.nodes[i].tag.is_heading() {
        Some(i)
    } else {
        Some(i + 1).filter(|&h| summary.nodes.get(h).is_some_and(|h| h.parent as usize == i && h.tag.is_heading()))
    };
    let spelt = heading.is_some_and(|h| {
        let text = slug(&node_text(summary, source, h, id.len() + 40));
        // Generators prefix the slug ("h-", "toc-") or cut it short.
        let bare = id.trim_start_matches("h-").trim_start_matches("toc-");
        bare.len() >= 4 && (text.starts_with(bare) || (text.len() >= 8 && bare.starts_with(&text)))
    });
    if spelt {
        ""
    } else {
        id
    }
}

/// A heading's text as an anchor id: lowercase words joined by hyphens.
fn slug(text: &str) -> String {
    let words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    words.map(str::to_lowercase).collect::<Vec<_>>().join("-")
}

/// The text of a node, read from the source (for short nodes: labels, bylines, bios).
pub fn node_text(summary: &Summary, source: &str, i: usize, limit: usize) -> String {
    let n = &summary.nodes[i];
    let from = if n.first_text == NONE { n.start } else { n.first_text.max(n.start) };
    let end = (n.end as usize).min(source.len());
    let from = (from as usize).min(end);
    match source.get(from..end) {
        Some(s) => source_text(s, limit),
        None => String::new(),
    }
}

struct Attempt<'a> {
    summary: &'a Summary,
    nodes: &'a [Node],
    source: &'a str,
    title: Option<&'a str>,
    author: Option<&'a str>,
    options: &'a Options,
    flags: Flags,
    /// `rules::hint` bits of each node's class and id.
    hints: &'a Hints<'a>,
    /// `ctx` bits: what each node is inside of.
    context: &'a [u8],
    /// The `<body>` element (the first element when there is none).
    body: usize,
    /// The `<h1>` that carries the article's title, if one does.
    headline: Option<usize>,
    /// The index just past each node's subtree.
    ends: &'a [u32],
    /// Stats with excluded (and later removed) subtrees taken out.
    stats: Vec<Stats>,
    /// Whether the node or an ancestor is left out of scoring.
    excluded: Vec<bool>,
    /// Why the node itself is excluded, if it is.
    own_exclusion: Vec<Option<Exclusion>>,
    live_children: Vec<u32>,
    score: Vec<f64>,
    scored: Vec<bool>,
    /// Byline candidates in document order: (node, its text).
    bylines: Vec<(usize, String)>,
    title_heading: Option<usize>,
    /// The best-scoring block, once chosen: teasers come after it.
    story: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Exclusion {
    Hidden,
    Unlikely,
    NonContent,
}

impl<'a> Attempt<'a> {
    fn new(page: &'a Page<'a>, flags: Flags) -> Self {
        let summary = page.summary;
        let n = summary.nodes.len();
        Attempt {
            summary,
            nodes: &summary.nodes,
            source: page.source,
            title: page.title,
            author: page.author,
            options: page.options,
            flags,
            hints: &page.hints,
            context: &page.context,
            body: page.body,
            headline: page.headline,
            ends: &page.ends,
            stats: summary.nodes.iter().map(|n| n.stats).collect(),
            excluded: vec![false; n],
            own_exclusion: vec![None; n],
            live_children: summary.nodes.iter().map(|n| n.children).collect(),
            score: vec![0.0; n],
            scored: vec![false; n],
            bylines: Vec::new(),
            title_heading: None,
            story: None,
        }
    }

    /// One rung of the ladder; the clutter around the article is looked for (with
    /// `Scope::Page` or `Scope::Reader`) when the article is long enough, or `always`.
    fn run(mut self, scope: Scope, always: bool) -> Decision {
        self.exclude();
        self.score_paragraphs();
        let (root, article, best) = self.choose_article();
        self.mark(root, &article, best, scope, always)
    }

    fn parent(&self, i: usize) -> Option<usize> {
        self.nodes[i].parent()
    }

    fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + use<'_, 'a> {
        std::iter::successors(self.parent(i), move |&p| self.parent(p))
    }

    fn class_weight(&self, i: usize) -> f64 {
        if !self.flags.weight_classes {
            return 0.0;
        }
        let (class, id) = self.hints.get(i);
        [class, id]
            .iter()
            .map(|&bits| {
                let mut w = 0.0;
                if bits & hint::NEGATIVE != 0 {
                    w -= 25.0;
                }
                if bits & hint::POSITIVE != 0 {
                    w += 25.0;
                }
                w
            })
            .sum()
    }

    /// Subtracts a subtree's stats from its ancestors.
    fn take_out(&mut self, i: usize) {
        let contributed = self.stats[i].counted_as(self.nodes[i].tag);
        let flow = if self.nodes[i].tag.is_block() { 0 } else { self.stats[i].flow_text };
        if let Some(p) = self.parent(i) {
            self.live_children[p] = self.live_children[p].saturating_sub(1);
            self.stats[p].flow_text = self.stats[p].flow_text.saturating_sub(flow);
        }
        let mut a = self.parent(i);
        while let Some(p) = a {
            self.stats[p].sub(&Stats { flow_text: 0, ..contributed });
            a = self.parent(p);
        }
    }

    /// An embedded post (tweet, Instagram…): content, though its class may say "social".
    fn is_embed(&self, i: usize) -> bool {
        self.summary.mentions(&self.nodes[i], rules::EMBED_HINTS)
    }

    /// The index just past `i`'s subtree.
    fn subtree_end(&self, i: usize) -> usize {
        self.ends[i] as usize
    }

    /// The element children of `i`, in document order.
    fn children(&self, i: usize) -> impl Iterator<Item = usize> + use<'_, 'a> {
        let end = self.subtree_end(i);
        std::iter::successors(Some(i + 1).filter(|&c| c < end), move |&c| Some(self.subtree_end(c)).filter(|&n| n < end))
    }

    /// Whether node `i` is `ancestor` or inside it, in constant time (deep pages make
    /// walking up the parents quadratic).
    fn within(&self, i: usize, ancestor: usize) -> bool {
        ancestor <= i && i < self.subtree_end(ancestor)
    }
}

/// Readability's data-table test: a table of data keeps its structure, a layout table
/// is unwrapped.
fn is_data_table(n: &Node) -> bool {
    let st = &n.stats;
    if n.has(flag::PRESENTATION) {
        return false;
    }
    if n.has(flag::DATA_TABLE_HINT) {
        return true;
    }
    // A table holding tables lays out the page (its own markers may be the inner tables').
    if st.tables > 0 {
        return false;
    }
    if st.table_markers > 0 {
        return true;
    }
    let rows = st.rows;
    let cols = st.cells.checked_div(rows).unwrap_or(0);
    if rows == 1 || cols <= 1 {
        return false;
    }
    rows >= 10 || cols > 4 || rows * cols > 10
}

/// What an element is inside of (bits of `Attempt::context`).
mod ctx {
    pub const TABLE: u8 = 1;
    pub const CODE: u8 = 2;
    pub const FIGURE: u8 = 4;
    pub const DATA_TABLE: u8 = 8;
    /// The nearest enclosing table is a data table.
    pub const NEAREST_TABLE_IS_DATA: u8 = 16;
    pub const CAPTION: u8 = 32;
}

/// For each node, what its ancestors are (`ctx` bits), top-down in one pass. What a
/// parent passes down is worked out once, not once per child (a list's class was matched
/// against the caption hints for each of its items).
fn context(summary: &Summary) -> Vec<u8> {
    let nodes = &summary.nodes;
    let mut out = vec![0u8; nodes.len()];
    let mut passed: Vec<Option<u8>> = vec![None; nodes.len()];
    for i in 0..nodes.len() {
        let Some(p) = nodes[i].parent() else { continue };
        out[i] = *passed[p].get_or_insert_with(|| passed_down(summary, p, out[p]));
    }
    out
}

/// The `ctx` bits the children of `p` have, `p`'s own being `bits`.
fn passed_down(summary: &Summary, p: usize, mut bits: u8) -> u8 {
    let node = &summary.nodes[p];
    match node.tag {
        Tag::Table => {
            bits |= ctx::TABLE;
            if is_data_table(node) {
                bits |= ctx::DATA_TABLE | ctx::NEAREST_TABLE_IS_DATA;
            } else {
                bits &= !ctx::NEAREST_TABLE_IS_DATA;
            }
        }
        Tag::Code | Tag::Pre => bits |= ctx::CODE,
        Tag::Figure => bits |= ctx::FIGURE,
        Tag::Figcaption | Tag::Caption => bits |= ctx::CAPTION,
        _ => {}
    }
    if rules::mentions(summary.class(node), rules::CAPTION_HINTS) {
        bits |= ctx::CAPTION;
    }
    bits
}
