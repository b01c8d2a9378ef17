//! The byline found in the page: candidates met while excluding, and the one that
//! belongs to the chosen article.

use crate::html::Tag;
use crate::rules::hint;
use crate::scan::flag;

use super::{node_text, Attempt};

impl<'a> Attempt<'a> {
    pub(super) fn is_byline(&mut self, i: usize) -> bool {
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
    pub(super) fn choose_byline(&self, root: usize) -> Option<&(usize, String)> {
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
}
