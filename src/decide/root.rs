//! Which element is the article: Readability's paragraph scoring, the retry ladder's
//! exclusions, and the siblings that join the top candidate.

use crate::html::Tag;
use crate::rules::{self, hint};
use crate::scan::{flag, Node, Summary, NONE};

use super::{ctx, node_text, Attempt, Exclusion};

/// How many single-child levels a wrapper may have above the block it wraps.
const WRAPPER_DEPTH: usize = 3;

impl<'a> Attempt<'a> {
    pub(super) fn is_unlikely(&self, i: usize) -> bool {
        let n = &self.nodes[i];
        if matches!(n.tag, Tag::Body | Tag::A | Tag::Html) {
            return false;
        }
        let role = self.summary.role(n);
        if matches!(role, "menu" | "menubar" | "complementary" | "navigation" | "alert" | "alertdialog" | "dialog") {
            return true;
        }
        let bits = self.hints.either(i);
        hint::unlikely(bits) && self.context[i] & (ctx::TABLE | ctx::CODE) == 0 && !self.is_embed(i) && !self.holds_the_headline(i)
    }

    /// Whether `i` is a comment thread or one comment, by its class or id ("comments",
    /// "comment-list", `#comment-123`), and does not hold the headline.
    fn is_comment_thread(&self, i: usize) -> bool {
        let n = &self.nodes[i];
        n.attrs[0] != n.attrs[2]
            && !matches!(n.tag, Tag::Body | Tag::Html)
            && self.context[i] & ctx::CODE == 0
            && self.hints.either(i) & hint::COMMENTS != 0
            && self.hints.rule(i).is_some_and(|r| r.category == rules::Category::Comments)
            && !self.tokens(i).any(rules::is_content_token)
            && !self.wraps_content(i)
            && !self.holds_the_headline(i)
    }

    /// Whether `i` only wraps a block named as the article ("commentOnSelection" around
    /// `#postContent`: the hook for commenting on a passage, not a thread), through a
    /// chain of single children.
    fn wraps_content(&self, i: usize) -> bool {
        let mut j = i;
        for _ in 0..WRAPPER_DEPTH {
            if self.nodes[j].children != 1 || j + 1 >= self.nodes.len() {
                return false;
            }
            j += 1; // the only child comes next in document order
            if self.tokens(j).any(rules::is_content_token) {
                return true;
            }
        }
        false
    }

    /// Whether `i` holds the article's headline: then it is the article's header, the
    /// article or a wrapper of it, whatever its class says ("entry-header",
    /// "template-with-sidebar").
    fn holds_the_headline(&self, i: usize) -> bool {
        self.headline.is_some_and(|h| h > i && self.within(h, i))
    }

    /// Marks what scoring ignores, top-down, and finds the byline and the title heading.
    pub(super) fn exclude(&mut self) {
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
            // A comment thread is never the article, on any rung of the ladder: under a short
            // post it holds more text than the post.
            let unlikely = (self.flags.strip_unlikely && self.is_unlikely(i)) || self.is_comment_thread(i);
            let own = own.or_else(|| unlikely.then_some(Exclusion::Unlikely));
            if let Some(why) = own {
                self.exclude_subtree(i, why);
            }
        }
    }

    pub(super) fn exclude_subtree(&mut self, i: usize, why: Exclusion) {
        self.excluded[i] = true;
        self.own_exclusion[i] = Some(why);
        self.take_out(i);
    }

    pub(super) fn repeats_title(&self, i: usize) -> bool {
        self.title.is_some_and(|title| repeats(self.summary, self.source, title, i))
    }

    pub(super) fn initialize(&mut self, i: usize) {
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
    pub(super) fn score_paragraphs(&mut self) {
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
                if self.hints.rule(i).is_some() && !tokens().any(rules::is_content_token) {
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
    pub(super) fn scored_parent(&self, i: usize) -> Option<usize> {
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

    /// A page builder splits one article into modules of one kind ("rich-text", "textblock",
    /// "cmp-text"), each a section of the body under headings or images of its own: when
    /// other elements of the best one's class score near it, their common ancestor is the
    /// article. Copies of the same text (a block repeated for small screens) do not count.
    fn modules_of(&self, best: usize) -> Option<usize> {
        let class = self.summary.class(&self.nodes[best]);
        if class.is_empty() {
            return None;
        }
        let text = self.stats[best].text;
        let floor = self.score[best] * 0.3;
        let mut common = best;
        let mut found = false;
        for i in 0..self.nodes.len() {
            let peer = i != best
                && self.scored[i]
                && !self.excluded[i]
                && self.score[i] >= floor
                && self.summary.class(&self.nodes[i]) == class
                && !self.within(i, best)
                && !self.within(best, i)
                && self.stats[i].text.abs_diff(text) * 50 > text;
            if peer {
                found = true;
                while !self.within(i, common) {
                    common = self.parent(common)?;
                }
            }
        }
        (found && !matches!(self.nodes[common].tag, Tag::Body | Tag::Html)).then_some(common)
    }

    /// Picks the top candidate and the siblings that join it. Returns the root whose range
    /// is rewritten, the article's top-level elements, and the best-scoring element.
    pub(super) fn choose_article(&mut self) -> (usize, Vec<usize>, usize) {
        let body = self.body;
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
        if let Some(common) = self.modules_of(first) {
            if self.within(candidate, common) {
                candidate = common;
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
        for j in self.children(parent) {
            let s = &self.nodes[j];
            let footnotes = self.summary.mentions(s, rules::FOOTNOTE_HINTS) || rules::mentions(self.summary.role(s), rules::FOOTNOTE_HINTS);
            // A sibling carrying a clutter class (a share bar, legal text…) never joins.
            let furniture = self.hints.rule(j).is_some();
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
}

/// The `<h1>` that carries the title: the first whose words are the title's, else the
/// page's only `<h1>` when there is no title to compare with.
pub(super) fn headline(summary: &Summary, source: &str, title: Option<&str>) -> Option<usize> {
    let h1s = &summary.meta.h1;
    match title {
        Some(title) => h1s.iter().map(|&(h, _)| h as usize).find(|&h| repeats(summary, source, title, h)),
        None => (h1s.len() == 1).then(|| h1s[0].0 as usize),
    }
}

/// Whether heading `i`'s words are the title's (Readability's similarity above 0.75).
fn repeats(summary: &Summary, source: &str, title: &str, i: usize) -> bool {
    let text = summary.nodes[i].stats.text;
    text > 0 && text <= 400 && similarity(title, &node_text(summary, source, i, 400)) > 0.75
}

/// `aria-hidden` on a block of several paragraphs is a modal dialog hiding the page from
/// screen readers while it is open (cookie walls do this), not content hidden from readers.
fn holds_prose(n: &Node) -> bool {
    n.stats.paragraphs >= 3 || n.stats.text >= 1000
}

fn ends_sentence(text: &str) -> bool {
    text.contains(". ") || text.ends_with('.')
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
    fn title_similarity() {
        assert!(
            similarity("Scale AI’s Alexandr Wang has published an open letter", "Scale AI’s Alexandr Wang has published an open letter")
                > 0.99
        );
        assert!(similarity("Related articles", "Scale AI’s Alexandr Wang has published an open letter") < 0.2);
    }
}
