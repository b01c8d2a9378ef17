//! Pass 2 of 3, on the summary only: which element is the article, and which blocks
//! inside it are clutter.
//!
//! Choosing the root follows Readability's scoring (paragraphs score their ancestors;
//! link-heavy and furniture-classed blocks score low; siblings that look alike join),
//! because that is what readers' expectations were trained on. Inside the root every
//! removal is a `Removal` with a category from `rules` and a reason a reader can read.

use std::borrow::Cow;

use crate::html::Tag;
use crate::rules::{self, hint, Category};
use crate::scan::{flag, Node, Stats, Summary, NONE};
use crate::text::source_text;
use crate::{Options, Removed};

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
    pub reason: Cow<'static, str>,
}

/// Where clutter is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Inside the article: what the reader view leaves out.
    Article,
    /// Also around it, for decluttering the page in place.
    Page,
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
    /// The removals as the public `Removed` list, in document order.
    pub fn removed_list(&self, summary: &Summary, source: &str) -> Vec<Removed> {
        let mut list: Vec<&Removal> = self.removals.iter().collect();
        list.sort_by_key(|r| r.node);
        list.into_iter()
            .map(|r| Removed {
                category: r.category,
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
    /// distinct string is matched once.
    seen: std::cell::RefCell<std::collections::HashMap<&'a str, u16>>,
}

impl<'a> Hints<'a> {
    const UNKNOWN: u32 = u32::MAX;

    fn new(summary: &'a Summary, source: &'a str) -> Self {
        Hints { summary, source, bits: vec![std::cell::Cell::new(Self::UNKNOWN); summary.nodes.len()], seen: Default::default() }
    }

    /// (class bits, id bits).
    fn get(&self, i: usize) -> (u16, u16) {
        let mut b = self.bits[i].get();
        if b == Self::UNKNOWN {
            let n = &self.summary.nodes[i];
            b = u32::from(self.matched(self.summary.class(n))) << 16 | u32::from(rules::hints(own_id(self.summary, self.source, i)));
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

    /// Bits found in the class or the id.
    fn either(&self, i: usize) -> u16 {
        let (c, id) = self.get(i);
        c | id
    }
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

pub fn decide(summary: &Summary, source: &str, title: Option<&str>, options: &Options, scope: Scope) -> Decision {
    let ladder = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    if summary.nodes.is_empty() {
        return empty(summary);
    }
    // Class and id hints are read once; every attempt of the ladder uses them.
    let hints = Hints::new(summary, source);
    let context = context(summary);
    let mut best: Option<Decision> = None;
    for flags in ladder {
        let d = Attempt::new(summary, source, title, options, flags, &hints, &context).run(scope);
        if d.text_len >= MIN_ARTICLE_CHARS {
            return d;
        }
        if best.as_ref().is_none_or(|b| d.text_len > b.text_len) {
            best = Some(d);
        }
    }
    best.unwrap_or_else(|| empty(summary))
}

fn empty(summary: &Summary) -> Decision {
    Decision { root: 0, range: (0, 0), marks: vec![Mark::Keep; summary.nodes.len()], removals: vec![], byline: None, text_len: 0 }
}

/// The lowercase id of `i` as the rules read it: none when it spells the heading the
/// element opens with. Such an id is that heading's anchor, made from the author's words
/// (Sphinx's `<div class="section" id="shared-state-between-workers">`), not a class name.
fn own_id<'s>(summary: &'s Summary, source: &str, i: usize) -> &'s str {
    let id = summary.id(&summary.nodes[i]);
    let heading = summary.nodes.get(i + 1).filter(|h| h.parent as usize == i && h.tag.is_heading());
    if !id.is_empty() && heading.is_some_and(|_| slug(&node_text(summary, source, i + 1, id.len() + 40)) == id) {
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
    options: &'a Options,
    flags: Flags,
    /// `rules::hint` bits of each node's class and id.
    hints: &'a Hints<'a>,
    /// `ctx` bits: what each node is inside of.
    context: &'a [u8],
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
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Exclusion {
    Hidden,
    Unlikely,
    NonContent,
}

impl<'a> Attempt<'a> {
    fn new(
        summary: &'a Summary,
        source: &'a str,
        title: Option<&'a str>,
        options: &'a Options,
        flags: Flags,
        hints: &'a Hints<'a>,
        context: &'a [u8],
    ) -> Self {
        let n = summary.nodes.len();
        Attempt {
            summary,
            nodes: &summary.nodes,
            source,
            title,
            options,
            flags,
            hints,
            context,
            stats: summary.nodes.iter().map(|n| n.stats).collect(),
            excluded: vec![false; n],
            own_exclusion: vec![None; n],
            live_children: summary.nodes.iter().map(|n| n.children).collect(),
            score: vec![0.0; n],
            scored: vec![false; n],
            bylines: Vec::new(),
            title_heading: None,
        }
    }

    fn run(mut self, scope: Scope) -> Decision {
        self.exclude();
        self.score_paragraphs();
        let (root, article, best) = self.choose_article();
        self.mark(root, &article, best, scope)
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

    fn is_unlikely(&self, i: usize) -> bool {
        let n = &self.nodes[i];
        if matches!(n.tag, Tag::Body | Tag::A | Tag::Html) {
            return false;
        }
        let role = self.summary.role(n);
        if matches!(role, "menu" | "menubar" | "complementary" | "navigation" | "alert" | "alertdialog" | "dialog") {
            return true;
        }
        let bits = self.hints.either(i);
        hint::unlikely(bits) && self.context[i] & (ctx::TABLE | ctx::CODE) == 0 && !self.is_embed(i)
    }

    /// Marks what scoring ignores, top-down, and finds the byline and the title heading.
    fn exclude(&mut self) {
        for i in 0..self.nodes.len() {
            let n = &self.nodes[i];
            if let Some(p) = n.parent() {
                if self.excluded[p] {
                    self.excluded[i] = true;
                    continue;
                }
            }
            let own = if n.tag.is_non_content() {
                Some(Exclusion::NonContent)
            } else if n.has(flag::HIDDEN)
                || (n.has(flag::ARIA_HIDDEN) && !self.summary.class(n).contains("fallback-image") && !holds_prose(n))
            {
                Some(Exclusion::Hidden)
            } else {
                None
            };
            if own.is_none() && self.is_byline(i) {
                continue;
            }
            if own.is_none() && self.title_heading.is_none() && matches!(n.tag, Tag::H1 | Tag::H2) && self.repeats_title(i) {
                self.title_heading = Some(i);
                self.exclude_subtree(i, Exclusion::NonContent);
                continue;
            }
            let own = own.or_else(|| (self.flags.strip_unlikely && self.is_unlikely(i)).then_some(Exclusion::Unlikely));
            if let Some(why) = own {
                self.exclude_subtree(i, why);
            }
        }
    }

    fn exclude_subtree(&mut self, i: usize, why: Exclusion) {
        self.excluded[i] = true;
        self.own_exclusion[i] = Some(why);
        self.take_out(i);
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

    fn is_byline(&mut self, i: usize) -> bool {
        let n = &self.nodes[i];
        let matches = n.has(flag::AUTHOR) || self.hints.either(i) & hint::BYLINE != 0;
        if !matches || n.stats.text == 0 || n.stats.text >= 100 {
            return false;
        }
        // Prefer an itemprop=name inside an author item.
        let name_node = (i + 1..self.nodes.len())
            .take_while(|&j| self.nodes[j].start < n.end)
            .find(|&j| self.nodes[j].has(flag::ITEM_NAME) && self.nodes[j].stats.text > 0);
        let text = node_text(self.summary, self.source, name_node.unwrap_or(i), 120);
        let Some(name) = crate::metadata::clean_byline(&text) else { return false };
        self.bylines.push((i, name));
        true
    }

    /// The byline: one heading the article (inside the root, in its first quarter), else the
    /// nearest one before the root in its neighbourhood (a header beside the body), else the
    /// first nearby, else the first on the page. Teaser bylines in a rail before the article
    /// are farther from it than its own.
    fn choose_byline(&self, root: usize) -> Option<&(usize, String)> {
        let region = self.parent(root).filter(|&p| !matches!(self.nodes[p].tag, Tag::Body | Tag::Html)).unwrap_or(root);
        let r = &self.nodes[root];
        let head_end = r.start + (r.end - r.start) / 4;
        let within = |c: &&(usize, String), of: usize| self.summary.is_within(c.0, of);
        let start = |c: &&(usize, String)| self.nodes[c.0].start;
        let candidates = || self.bylines.iter();
        candidates()
            .find(|c| within(c, root) && start(c) < head_end)
            .or_else(|| candidates().rev().find(|c| within(c, region) && start(c) < r.start))
            .or_else(|| candidates().find(|c| within(c, region)))
            .or(self.bylines.first())
    }

    fn repeats_title(&self, i: usize) -> bool {
        let Some(title) = self.title else { return false };
        if self.nodes[i].stats.text == 0 || self.nodes[i].stats.text > 400 {
            return false;
        }
        let heading = node_text(self.summary, self.source, i, 400);
        similarity(title, &heading) > 0.75
    }

    fn initialize(&mut self, i: usize) {
        if self.scored[i] {
            return;
        }
        self.scored[i] = true;
        let base = match self.nodes[i].tag {
            Tag::Div => 5.0,
            Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
            Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th => -5.0,
            _ => 0.0,
        };
        self.score[i] += base + self.class_weight(i);
    }

    /// Each paragraph scores its parent fully, its grandparent half, and further ancestors less.
    fn score_paragraphs(&mut self) {
        for i in 0..self.nodes.len() {
            if self.excluded[i] {
                continue;
            }
            let n = &self.nodes[i];
            let s = &self.stats[i];
            // A div without block children counts as a paragraph, as Readability turns it into one.
            let (len, commas, first) = if n.tag.is_scored() || (n.tag == Tag::Div && s.blocks == 0) {
                (s.text, s.commas, self.scored_parent(i))
            } else if n.tag == Tag::Div && s.flow_text >= 25 {
                let commas = if s.text == 0 { 0 } else { (u64::from(s.commas) * u64::from(s.flow_text) / u64::from(s.text)) as u32 };
                (s.flow_text, commas, Some(i))
            } else {
                continue;
            };
            if len < 25 {
                continue;
            }
            // A block whose own class names it clutter (a newsletter prompt, a share bar)
            // does not vote for the article: hundreds of them under one wrapper would
            // outvote it.
            if self.flags.weight_classes && n.attrs[0] != n.attrs[2] {
                let tokens = || self.tokens(i);
                if rules::token_rule(tokens()).is_some() && !tokens().any(rules::is_content_token) {
                    continue;
                }
            }
            let content = 1.0 + f64::from(commas) + f64::from((len / 100).min(3));
            let mut level = 0;
            let mut a = first;
            while let Some(anc) = a {
                if level >= 5 || self.nodes[anc].parent == NONE {
                    break;
                }
                self.initialize(anc);
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => f64::from(l) * 3.0,
                };
                self.score[anc] += content / divider;
                level += 1;
                a = self.parent(anc);
            }
        }
        for i in 0..self.nodes.len() {
            if self.scored[i] {
                self.score[i] *= 1.0 - self.stats[i].link_density();
            }
        }
    }

    /// The element a paragraph scores first: its parent, unless that is a div wrapping this
    /// paragraph alone, which Readability replaces by the paragraph.
    fn scored_parent(&self, i: usize) -> Option<usize> {
        let parent = self.parent(i)?;
        let wrapper = self.nodes[i].tag == Tag::P
            && self.nodes[parent].tag == Tag::Div
            && self.live_children[parent] == 1
            // Only whitespace of its own: a run before the paragraph and one after.
            && self.stats[parent].flow_text <= 2
            && self.stats[parent].link_density() < 0.25;
        if wrapper {
            self.parent(parent)
        } else {
            Some(parent)
        }
    }

    /// Picks the top candidate and the siblings that join it. Returns the root whose range
    /// is rewritten, the article's top-level elements, and the best-scoring element.
    fn choose_article(&mut self) -> (usize, Vec<usize>, usize) {
        let body = self.nodes.iter().position(|n| n.tag == Tag::Body).unwrap_or(0);
        let mut top: Vec<usize> = (0..self.nodes.len()).filter(|&i| self.scored[i] && !self.excluded[i]).collect();
        top.sort_by(|&a, &b| self.score[b].total_cmp(&self.score[a]).then(a.cmp(&b)));
        top.truncate(5);
        let Some(&first) = top.first() else {
            return (body, vec![body], body);
        };
        if matches!(self.nodes[first].tag, Tag::Body | Tag::Html) {
            return (body, vec![body], body);
        }
        let mut candidate = first;
        // Several near-equal candidates under one ancestor: the ancestor is the article.
        let alternatives: Vec<Vec<usize>> = top[1..]
            .iter()
            .filter(|&&c| self.score[c] / self.score[first] >= 0.75)
            .map(|&c| {
                let mut list: Vec<usize> = self.ancestors(c).collect();
                list.sort_unstable();
                list
            })
            .collect();
        if alternatives.len() >= 3 {
            let mut p = self.parent(candidate);
            while let Some(anc) = p {
                if self.nodes[anc].tag == Tag::Body {
                    break;
                }
                if alternatives.iter().filter(|list| list.binary_search(&anc).is_ok()).count() >= 3 {
                    candidate = anc;
                    break;
                }
                p = self.parent(anc);
            }
        }
        self.initialize(candidate);
        // Climb while the parent scores higher.
        let mut last = self.score[candidate];
        let threshold = last / 3.0;
        let mut p = self.parent(candidate);
        while let Some(anc) = p {
            if self.nodes[anc].tag == Tag::Body {
                break;
            }
            if !self.scored[anc] {
                p = self.parent(anc);
                continue;
            }
            let s = self.score[anc];
            if s < threshold {
                break;
            }
            if s > last {
                candidate = anc;
                break;
            }
            last = s;
            p = self.parent(anc);
        }
        // An only child stands for its parent.
        while let Some(anc) = self.parent(candidate) {
            if self.nodes[anc].tag == Tag::Body || self.nodes[anc].tag == Tag::Html || self.live_children[anc] != 1 {
                break;
            }
            candidate = anc;
        }
        self.initialize(candidate);
        let Some(parent) = self.parent(candidate) else {
            return (candidate, vec![candidate], first);
        };
        let top_score = self.score[candidate];
        let threshold = (top_score * 0.2).max(10.0);
        let class = self.summary.class(&self.nodes[candidate]);
        let mut article = vec![];
        let end = self.nodes[parent].end;
        let mut j = parent + 1;
        while j < self.nodes.len() && self.nodes[j].start < end {
            let s = &self.nodes[j];
            if s.parent as usize != parent {
                j += 1;
                continue;
            }
            let footnotes = self.summary.mentions(s, rules::FOOTNOTE_HINTS) || rules::mentions(self.summary.role(s), rules::FOOTNOTE_HINTS);
            // A sibling carrying a clutter class (a share bar, legal text…) never joins.
            let furniture = rules::token_rule(self.tokens(j)).is_some();
            let join = j == candidate
                || (!self.excluded[j] && footnotes)
                || (!self.excluded[j] && !furniture && {
                    let bonus = if !class.is_empty() && self.summary.class(s) == class { top_score * 0.2 } else { 0.0 };
                    let st = &self.stats[j];
                    (self.scored[j] && self.score[j] + bonus >= threshold)
                        || (s.tag == Tag::P && {
                            let ld = st.link_density();
                            (ld < 0.25 && st.text > 80)
                                || (st.text < 80
                                    && st.text > 0
                                    && ld == 0.0
                                    && ends_sentence(&node_text(self.summary, self.source, j, 200)))
                        })
                });
            if join {
                article.push(j);
            }
            j = self.subtree_end(j);
        }
        // Text standing loose in the parent beside the chosen blocks is a paragraph to
        // Readability (it wraps such runs in <p>), and would join as a sibling: the parent
        // is then the article, or that text would be lost.
        let loose = self.stats[parent].flow_text;
        if loose > 80 && !matches!(self.nodes[parent].tag, Tag::Body | Tag::Html) && !self.excluded[parent] {
            return (parent, vec![parent], first);
        }
        if article.len() == 1 {
            (candidate, article, first)
        } else {
            (parent, article, first)
        }
    }

    /// The index just past `i`'s subtree.
    fn subtree_end(&self, i: usize) -> usize {
        // In document order, a node's descendants are the nodes after it that are deeper.
        let depth = self.nodes[i].depth;
        i + 1 + self.nodes[i + 1..].iter().take_while(|n| n.depth > depth).count()
    }

    /// Marks the clutter inside the article.
    fn mark(mut self, root: usize, article: &[usize], best: usize, scope: Scope) -> Decision {
        let n = self.nodes.len();
        let mut marks = vec![Mark::Keep; n];
        let mut removals: Vec<Removal> = vec![];
        let first = article[0];
        let last = *article.last().unwrap_or(&first);
        let range = (self.nodes[first].start, self.nodes[last].end);
        let end_index = self.subtree_end(last);
        // Siblings between the chosen ones are not part of the article.
        if root != first || article.len() > 1 {
            for (j, mark) in marks.iter_mut().enumerate().take(end_index).skip(first) {
                if self.nodes[j].parent as usize == root && article.binary_search(&j).is_err() {
                    *mark = Mark::Drop;
                }
            }
        }
        let article_text: u32 = article.iter().map(|&a| self.stats[a].text).sum();
        // The article's top-level elements, the best-scoring element, and their ancestors
        // are never clutter.
        let mut protected = vec![false; n];
        for &top in article.iter().chain([&best]) {
            let mut a = Some(top);
            while let Some(p) = a {
                if protected[p] {
                    break;
                }
                protected[p] = true;
                a = self.parent(p);
            }
        }
        let byline = self.choose_byline(root).cloned();
        let byline_node = byline.as_ref().map(|(b, _)| *b);
        let mut dead = vec![false; n];
        for i in first..end_index {
            if let Some(p) = self.parent(i) {
                if p >= first && dead[p] {
                    dead[i] = true;
                    continue;
                }
            }
            if marks[i] != Mark::Keep {
                dead[i] = true;
                continue;
            }
            if byline_node == Some(i) || self.title_heading == Some(i) {
                marks[i] = Mark::Drop;
                dead[i] = true;
                continue;
            }
            let verdict = if protected[i] { None } else { self.judge(i, root, article_text) };
            if let Some((category, reason)) = verdict {
                if self.options.removes(category) {
                    let index = removals.len() as u32;
                    removals.push(Removal { node: i as u32, category, reason });
                    marks[i] = Mark::Removed(index);
                    dead[i] = true;
                    if self.own_exclusion[i].is_none() {
                        self.take_out(i);
                    }
                    if let Some(extra) = self.section_after_label(i, root, &marks) {
                        for j in extra {
                            // A block with a rule of its own (a newsletter box after a
                            // "Related" list) is reported as what it is.
                            let (category, reason) = self
                                .judge(j, root, article_text)
                                .filter(|(c, _)| self.options.removes(*c))
                                .unwrap_or((category, Cow::Borrowed("part of a section headed by a clutter label")));
                            removals.push(Removal { node: j as u32, category, reason });
                            marks[j] = Mark::Removed(removals.len() as u32 - 1);
                            self.take_out(j);
                        }
                    }
                }
            }
        }
        // Readability's conditional cleaning, innermost first, on the stats left after removals.
        if self.flags.clean_conditionally && self.options.removes(Category::LowContent) {
            for i in (first..end_index).rev() {
                if dead[i] || marks[i] != Mark::Keep {
                    continue;
                }
                if protected[i] {
                    continue;
                }
                // A wrapper left empty by the removals inside it stays: it shows nothing,
                // and a reader who keeps what was removed from it gets it back in place.
                let st = &self.stats[i];
                if st.text == 0 && st.images == 0 && st.embeds == 0 && self.stats[i] != self.nodes[i].stats {
                    continue;
                }
                if let Some(reason) = self.clean_conditionally(i) {
                    let index = removals.len() as u32;
                    removals.push(Removal { node: i as u32, category: Category::LowContent, reason });
                    marks[i] = Mark::Removed(index);
                    dead[i] = true;
                    self.take_out(i);
                }
            }
        }
        if scope == Scope::Page {
            self.mark_around(root, article, article_text, &protected, &marks, &mut removals);
        }
        for (mark, node) in marks.iter_mut().zip(self.nodes).take(end_index).skip(first) {
            if node.tag == Tag::Table && *mark == Mark::Keep && !is_data_table(node) {
                *mark = Mark::Layout;
            }
        }
        let text_len =
            article.iter().map(|&a| if marks[a] == Mark::Keep || marks[a] == Mark::Layout { self.stats[a].text } else { 0 }).sum();
        Decision { root, range, marks, removals, byline: byline.map(|(_, t)| t), text_len }
    }

    /// The clutter around the article (outside its chosen elements, never holding them),
    /// for decluttering in place. Only `Category::declutters` blocks hide what is inside
    /// them: inside a site header or a sidebar (navigation) an ad slot is still found.
    fn mark_around(
        &self,
        root: usize,
        article: &[usize],
        article_text: u32,
        protected: &[bool],
        marks: &[Mark],
        removals: &mut Vec<Removal>,
    ) {
        let n = self.nodes.len();
        // skip: inside a block listed already, or not shown; judged: inside the article and
        // not inside a removed block, so `mark` judged it already.
        let mut skip = vec![false; n];
        let mut judged = vec![false; n];
        for i in 0..n {
            let parent = self.parent(i);
            if parent.is_some_and(|p| skip[p]) {
                skip[i] = true;
                continue;
            }
            if let Mark::Removed(k) = marks[i] {
                skip[i] = removals[k as usize].category.declutters();
                continue;
            }
            judged[i] = article.binary_search(&i).is_ok() || parent.is_some_and(|p| judged[p] && !matches!(marks[p], Mark::Removed(_)));
            if judged[i] || protected[i] {
                continue;
            }
            if matches!(self.own_exclusion[i], Some(Exclusion::Hidden | Exclusion::NonContent)) {
                skip[i] = true; // hidden already, or not content (<template>, <svg>…)
                continue;
            }
            if let Some((category, reason)) = self.judge(i, root, article_text) {
                if category.declutters() {
                    removals.push(Removal { node: i as u32, category, reason });
                    skip[i] = true;
                }
            }
        }
    }

    /// Why node `i` is clutter, if it is.
    fn judge(&self, i: usize, root: usize, article_text: u32) -> Option<(Category, Cow<'static, str>)> {
        let n = &self.nodes[i];
        match self.own_exclusion[i] {
            Some(Exclusion::Hidden) => return Some((Category::Hidden, Cow::Borrowed("hidden by the page"))),
            Some(Exclusion::NonContent) => return None,
            Some(Exclusion::Unlikely) | None => {}
        }
        if let Some(hit) = self.token_rule(i, article_text) {
            return Some(hit);
        }
        let role = self.summary.role(n);
        if let Some((_, c, why)) = rules::ROLE_RULES.iter().find(|(r, _, _)| *r == role) {
            return Some((*c, Cow::Borrowed(why)));
        }
        if let Some((_, c, why)) = rules::TAG_RULES.iter().find(|(t, _, _)| *t == n.tag.name()) {
            return Some((*c, Cow::Borrowed(why)));
        }
        if self.own_exclusion[i] == Some(Exclusion::Unlikely) {
            let what = format!("page furniture (class/id \"{} {}\")", self.summary.class(n), self.summary.id(n));
            return Some((Category::LowContent, Cow::Owned(what.replace(" \")", "\")").replace("\" ", "\""))));
        }
        if matches!(n.tag, Tag::H1 | Tag::H2 | Tag::H3) && self.class_weight(i) < 0.0 {
            return Some((Category::LowContent, Cow::Borrowed("a heading marked as page furniture")));
        }
        if let Some(hit) = self.text_rule(i, root) {
            return Some(hit);
        }
        // A paragraph that is one link and nothing else points to another story.
        let st = &self.stats[i];
        if n.tag == Tag::P && (20..=150).contains(&st.text) && st.link_density() >= 0.9 && st.images == 0 {
            return Some((Category::Related, Cow::Borrowed("a paragraph that is only a link to another story")));
        }
        if self.is_bio(i, root) {
            return Some((Category::AuthorBio, Cow::Borrowed("an author bio (\"… is a writer for …\")")));
        }
        None
    }

    /// `i`'s class and id tokens for the token rules.
    fn tokens(&self, i: usize) -> impl Iterator<Item = &'a str> + use<'a> {
        let summary: &'a Summary = self.summary;
        summary.class(&summary.nodes[i]).split_ascii_whitespace().chain(own_id(summary, self.source, i).split_ascii_whitespace())
    }

    fn token_rule(&self, i: usize, article_text: u32) -> Option<(Category, Cow<'static, str>)> {
        let n = &self.nodes[i];
        if n.attrs[0] == n.attrs[2] {
            return None;
        }
        let rule = rules::token_rule(self.tokens(i))?;
        if !rule.in_captions && (self.context[i] & ctx::CAPTION != 0 || matches!(n.tag, Tag::Figcaption | Tag::Caption)) {
            return None;
        }
        if rule.category == Category::Share && self.is_embed(i) {
            return None;
        }
        let content_marked = self.tokens(i).any(rules::is_content_token);
        if content_marked && !rules::FURNITURE_WINS.contains(&rule.category) {
            return None;
        }
        // A block holding most of the article's prose is the article, whatever one of its
        // classes says ("entry-content share-enabled") — unless its classes lean negative
        // on balance ("legal-notice").
        let st = &self.stats[i];
        let prose = st.text.saturating_sub(st.link_text);
        if prose > 200 && u64::from(prose) * 2 >= u64::from(article_text) && self.class_weight(i) >= 0.0 {
            return None;
        }
        Some((rule.category, Cow::Borrowed(rule.reason)))
    }

    /// The start of a label's text, lowercased, if node `i` can be a label: a block of its
    /// own (a block element, or an element standing directly in a container) of at most
    /// `max` characters. Inline pieces of a paragraph are read as part of it, and a child
    /// with the same text as its block parent is read once, as the parent.
    fn label_text(&self, i: usize, root: usize, max: u32) -> Option<String> {
        let st = &self.stats[i];
        if st.text < 3 || st.text > max {
            return None;
        }
        let parent = self.parent(i)?;
        let tag = self.nodes[i].tag;
        if !(tag.is_block() || tag.is_heading() || parent == root || self.nodes[parent].tag.is_container()) {
            return None;
        }
        if parent != root && self.nodes[parent].tag.is_block() && self.stats[parent].text == st.text {
            return None;
        }
        let mut text = node_text(self.summary, self.source, i, LABEL_PREFIX);
        text.make_ascii_lowercase();
        // A count before a label is part of it: "15 comments", "3 replies".
        let label = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        Some(if label.len() < text.len() { label.to_string() } else { text })
    }

    fn text_rule(&self, i: usize, root: usize) -> Option<(Category, Cow<'static, str>)> {
        let longest = rules::TEXT_RULES.iter().map(|r| r.max_len).max().unwrap_or(0);
        let text = self.label_text(i, root, longest)?;
        let st = &self.stats[i];
        let len = st.text;
        let in_caption = self.context[i] & ctx::CAPTION != 0 || matches!(self.nodes[i].tag, Tag::Figcaption | Tag::Caption);
        rules::TEXT_RULES
            .iter()
            .find(|r| {
                len <= r.max_len
                    && st.link_density() >= r.min_link_density
                    && (r.in_captions || !in_caption)
                    && (r.with_images || st.images == 0)
                    && r.phrases.iter().any(|p| rules::opens_with(&text, p))
            })
            .map(|r| (r.category, Cow::Borrowed(r.reason)))
    }

    /// After a clutter label that heads a section ("Related articles"), the rest of the
    /// section: the label's link-heavy container, or its link-heavy following siblings.
    fn section_after_label(&self, i: usize, root: usize, marks: &[Mark]) -> Option<Vec<usize>> {
        let Some(Mark::Removed(_)) = marks.get(i) else { return None };
        let n = &self.nodes[i];
        let text = self.label_text(i, root, 60)?;
        // "See also:" alone heads a list; "See also: New Zealand place names" is the whole
        // of it (a hatnote), and what follows is the article again.
        let heads = rules::TEXT_RULES.iter().any(|r| {
            r.heads_section
                && r.phrases.iter().any(|p| rules::opens_with(&text, p) && (!p.ends_with(':') || text[p.len()..].trim().is_empty()))
        });
        if !heads {
            return None;
        }
        let parent = self.parent(i)?;
        let mut extra = vec![];
        let parent_is_section = parent != root && {
            let ps = &self.stats[parent];
            ps.link_density() > 0.25 || ps.text < n.stats.text + 200
        };
        if parent_is_section && !matches!(self.nodes[parent].tag, Tag::Body | Tag::Html) {
            // The label's container goes with it: report the container.
            for (j, mark) in marks.iter().enumerate().take(self.subtree_end(parent)).skip(i + 1) {
                if self.nodes[j].parent as usize == parent && *mark == Mark::Keep {
                    extra.push(j);
                }
            }
            return Some(extra);
        }
        let mut j = self.subtree_end(i);
        while j < self.nodes.len() && self.nodes[j].parent as usize == parent {
            let s = &self.nodes[j];
            let st = &self.stats[j];
            if s.tag.is_heading() || marks[j] != Mark::Keep {
                break;
            }
            if st.link_density() > 0.25 || matches!(s.tag, Tag::Ul | Tag::Ol) || st.text < 200 {
                extra.push(j);
            } else {
                break;
            }
            j = self.subtree_end(j);
        }
        Some(extra)
    }

    fn is_bio(&self, i: usize, root: usize) -> bool {
        let n = &self.nodes[i];
        let st = &self.stats[i];
        if !(60..=800).contains(&st.text) || !matches!(n.tag, Tag::P | Tag::Div | Tag::Section | Tag::Aside | Tag::Span | Tag::Footer) {
            return false;
        }
        let r = &self.nodes[root];
        let span = u64::from(r.end.saturating_sub(r.start)).max(1);
        if u64::from(n.start.saturating_sub(r.start)) * 2 < span {
            return false;
        }
        let text = node_text(self.summary, self.source, i, 160);
        looks_like_bio(&text)
    }

    /// Readability's `_cleanConditionally`: forms, tables, lists and divs that look like
    /// boilerplate by their shape.
    fn clean_conditionally(&self, i: usize) -> Option<Cow<'static, str>> {
        let n = &self.nodes[i];
        // Cells of a layout table are containers like divs.
        let within = self.context[i];
        let layout_cell = matches!(n.tag, Tag::Td | Tag::Th) && within & ctx::TABLE != 0 && within & ctx::NEAREST_TABLE_IS_DATA == 0;
        if !matches!(n.tag, Tag::Form | Tag::Fieldset | Tag::Table | Tag::Ul | Tag::Ol | Tag::Div) && !layout_cell {
            return None;
        }
        if n.tag == Tag::Table && is_data_table(n) {
            return None;
        }
        // Code, data tables and embedded posts are content whatever their shape.
        if within & (ctx::CODE | ctx::DATA_TABLE) != 0 || self.is_embed(i) {
            return None;
        }
        let weight = self.class_weight(i);
        let score = if self.scored[i] { self.score[i] } else { 0.0 };
        // An image's wrapper ("media__image") is the picture, whatever its class says.
        let st = &self.stats[i];
        let image_block = st.images > 0 && (within & ctx::FIGURE != 0 || st.text < 100) && st.link_density() < 0.5;
        if weight + score < 0.0 && !image_block {
            return Some(Cow::Borrowed("marked as page furniture by its class"));
        }
        let st = &self.stats[i];
        if st.commas >= 10 || st.code_blocks > 0 {
            return None;
        }
        let is_list = matches!(n.tag, Tag::Ul | Tag::Ol);
        let p = f64::from(st.paragraphs);
        let img = f64::from(st.images);
        let li = f64::from(st.list_items) - 100.0;
        let input = f64::from(st.inputs);
        let heading_density = if st.text == 0 { 0.0 } else { f64::from(st.heading_text) / f64::from(st.text) };
        let in_figure = within & ctx::FIGURE != 0;
        let ld = st.link_density();
        let len = st.text;
        let embeds = st.embeds;
        let why: Option<&'static str> = if img > 1.0 && p / img < 0.5 && !in_figure {
            Some("more images than paragraphs")
        } else if !is_list && li > p {
            Some("more list items than paragraphs")
        } else if input > (p / 3.0).floor() {
            Some("a form: more inputs than paragraphs")
        } else if !is_list && heading_density < 0.9 && len < 25 && (img == 0.0 || img > 2.0) && !in_figure {
            Some("almost no text")
        } else if (!is_list && weight < 25.0 && ld > 0.2) || (weight >= 25.0 && ld > 0.5) {
            Some("mostly links")
        } else if (embeds == 1 && len < 75) || embeds > 1 {
            Some("an embed with little text")
        } else {
            None
        };
        // A list of images (a gallery) stays.
        if why.is_some() && is_list && st.images > 0 && st.images == st.list_items {
            return None;
        }
        why.map(Cow::Borrowed)
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

/// For each node, what its ancestors are (`ctx` bits), top-down in one pass.
fn context(summary: &Summary) -> Vec<u8> {
    let nodes = &summary.nodes;
    let mut out = vec![0u8; nodes.len()];
    for i in 0..nodes.len() {
        let Some(p) = nodes[i].parent() else { continue };
        let mut bits = out[p];
        match nodes[p].tag {
            Tag::Table => {
                bits |= ctx::TABLE;
                if is_data_table(&nodes[p]) {
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
        if rules::mentions(summary.class(&nodes[p]), rules::CAPTION_HINTS) {
            bits |= ctx::CAPTION;
        }
        out[i] = bits;
    }
    out
}

/// `aria-hidden` on a block of several paragraphs is a modal dialog hiding the page from
/// screen readers while it is open (cookie walls do this), not content hidden from readers.
fn holds_prose(n: &Node) -> bool {
    n.stats.paragraphs >= 3 || n.stats.text >= 1000
}

fn ends_sentence(text: &str) -> bool {
    text.contains(". ") || text.ends_with('.')
}

/// "Ann Lee is a news writer for …": a capitalized name, a linking verb, a writer's role.
pub fn looks_like_bio(text: &str) -> bool {
    let lower = text.to_lowercase();
    rules::BIO_VERBS.iter().any(|verb| {
        let Some(at) = lower.find(verb) else { return false };
        // Lowercasing can change byte lengths outside ASCII: no name then.
        let Some(name) = text.get(..at) else { return false };
        let words: Vec<&str> = name.split_whitespace().collect();
        let named = (1..=5).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let after: String = lower[at + verb.len()..].chars().take(80).collect();
        named && rules::BIO_ROLES.iter().any(|r| after.contains(r))
    })
}

/// Share of the words of `a` found in `b`, Readability's title-similarity measure.
fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&String> = tb.iter().filter(|w| !ta.contains(w)).collect();
    let total: usize = tb.iter().map(|w| w.len()).sum::<usize>() + tb.len().saturating_sub(1);
    let diff: usize = unique_b.iter().map(|w| w.len()).sum::<usize>() + unique_b.len().saturating_sub(1);
    1.0 - diff as f64 / total.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bios() {
        assert!(looks_like_bio("Lisa Holden is a news writer for LinkDaddy News. She writes health, sport, tech."));
        assert!(looks_like_bio("Charles Rollet is a senior reporter at TechCrunch. His investigative reporting…"));
        assert!(!looks_like_bio("The company is a major employer for the region, a reporter said."));
    }

    #[test]
    fn title_similarity() {
        assert!(
            similarity("Scale AI’s Alexandr Wang has published an open letter", "Scale AI’s Alexandr Wang has published an open letter")
                > 0.99
        );
        assert!(similarity("Related articles", "Scale AI’s Alexandr Wang has published an open letter") < 0.2);
    }
}
