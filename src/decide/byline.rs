//! The byline found in the page: candidates met while excluding, and the one that
//! belongs to the chosen article.

use crate::html::Tag;
use crate::rules::{self, hint};
use crate::scan::flag;

use super::{node_text, Attempt};

impl<'a> Attempt<'a> {
    /// Whether node `i` is a byline by its markup (`rel=author`, `itemprop=author`, a
    /// byline class); one by its text alone ("By Ann Lee" under the headline) is noted as
    /// a candidate too, but scored like any other block.
    pub(super) fn is_byline(&mut self, i: usize) -> bool {
        let n = &self.nodes[i];
        let matches = n.has(flag::AUTHOR) || self.hints.either(i) & hint::BYLINE != 0;
        if !matches {
            self.note_written_byline(i);
            return false;
        }
        if n.stats.text == 0 || n.stats.text >= 100 {
            return false;
        }
        // Prefer an itemprop=name inside an author item.
        let name_node = (i + 1..self.subtree_end(i)).find(|&j| self.nodes[j].has(flag::ITEM_NAME) && self.nodes[j].stats.text > 0);
        let text = node_text(self.summary, self.source, name_node.unwrap_or(i), 120);
        let Some(name) = crate::metadata::clean_byline(&text) else { return false };
        let name = if name_node.is_some() { name } else { self.first_element_name(i, name) };
        self.bylines.push((i, name));
        true
    }

    /// A short block near the headline whose text is a byline by its words: a
    /// `BYLINE_PREFIXES` word and a capitalised name ("By Ann Lee", "Written by Ann Lee",
    /// "Von Jan Berg"). The innermost such block counts, not its wrappers.
    fn note_written_byline(&mut self, i: usize) {
        let n = &self.nodes[i];
        let Some(h) = self.headline else { return };
        let at = self.nodes[h].start as usize;
        let start = n.start as usize;
        if n.stats.text == 0
            || n.stats.text >= rules::WRITTEN_BYLINE_MAX_CHARS
            || !(at.saturating_sub(rules::WRITTEN_BYLINE_BEFORE_HEADING)..at + rules::WRITTEN_BYLINE_AFTER_HEADING).contains(&start)
            || !matches!(
                n.tag,
                Tag::P | Tag::Div | Tag::Span | Tag::Li | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Address | Tag::Section
            )
        {
            return;
        }
        // A wrapper of one block with all its text: that block is the candidate.
        if i + 1 < self.subtree_end(i) && self.nodes[i + 1].stats.text == n.stats.text {
            return;
        }
        let text = node_text(self.summary, self.source, i, 120);
        if let Some(name) = written_byline(&text) {
            let name = self.first_element_name(i, name);
            self.bylines.push((i, name));
        }
    }

    /// The name alone when its element is followed by others: "Ann Lee" of `<p>Ann
    /// Lee</p><p>Tech Reporter</p>` or of `By <a>Ann Lee</a> · Review Editor`. The first
    /// element inside `i` that starts the name and holds less than all of it, when it holds
    /// two words or more and what follows joins no second name ("and", ",", "&").
    fn first_element_name(&self, i: usize, name: String) -> String {
        for j in i + 1..self.subtree_end(i) {
            if self.nodes[j].stats.text == 0 {
                continue;
            }
            let Some(part) = crate::metadata::clean_byline(&node_text(self.summary, self.source, j, 120)) else { continue };
            if part == name {
                continue;
            }
            let Some(rest) = name.strip_prefix(part.as_str()) else { continue };
            let rest = rest.trim_start().to_lowercase();
            let joins = rules::NAME_JOINERS.iter().any(|w| rest.starts_with(w));
            if part.split_whitespace().count() >= 2 && !joins {
                return part;
            }
            break;
        }
        name
    }

    /// The byline: one heading the article (inside the root, in its first quarter), else the
    /// nearest one before the root in its neighbourhood (a header beside the body), else the
    /// first nearby, else the first on the page. Teaser bylines in a rail before the article
    /// are farther from it than its own.
    pub(super) fn choose_byline(&self, root: usize) -> Option<&(usize, String)> {
        let region = self.parent(root).filter(|&p| !matches!(self.nodes[p].tag, Tag::Body | Tag::Html)).unwrap_or(root);
        let r = &self.nodes[root];
        let head_end = r.start + (r.end - r.start) / 4;
        let within = |c: &&(usize, String), of: usize| self.within(c.0, of);
        let start = |c: &&(usize, String)| self.nodes[c.0].start;
        let candidates = || self.bylines.iter();
        candidates()
            .find(|c| within(c, root) && start(c) < head_end)
            .or_else(|| candidates().rev().find(|c| within(c, region) && start(c) < r.start))
            .or_else(|| candidates().find(|c| within(c, region)))
            .or(self.bylines.first())
    }
}

/// The name in a line that reads as a byline: a prefix word, then a name of capitalised
/// words ("By Ann Lee, March 3, 2024" → "Ann Lee").
pub(crate) fn written_byline(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.to_lowercase();
    let prefix = rules::BYLINE_PREFIXES.iter().find(|p| lower.starts_with(*p))?;
    let rest = text.get(prefix.len()..)?.trim_start();
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let name = crate::metadata::clean_byline(text)?;
    let words = name.split_whitespace().count();
    (name.chars().next().is_some_and(char::is_uppercase) && words <= rules::WRITTEN_BYLINE_MAX_WORDS).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::written_byline;

    /// The byline of a page without metadata.
    fn byline(body: &str) -> Option<String> {
        let html = format!(
            "<html><body><main><h1>Rail yard to become a park</h1>{body}<p>{}</p><p>{}</p></main></body></html>",
            "The city council voted on Tuesday to turn the old rail yard into a park, ending a decade of debate. ".repeat(4),
            "Work starts next spring and the first paths open within two years, the council said. ".repeat(4)
        );
        crate::extract(html.as_bytes(), &crate::Options::default()).unwrap().byline
    }

    #[test]
    fn byline_written_under_the_headline() {
        assert_eq!(byline("<p>By <strong>Ann Lee</strong></p>").as_deref(), Some("Ann Lee"));
        assert_eq!(byline("<div><div>Written by <span>Meg Noor</span></div></div>").as_deref(), Some("Meg Noor"));
        assert_eq!(byline("<p>By the river, work has begun.</p>"), None);
    }

    #[test]
    fn site_stated_as_author_loses_to_the_shown_byline() {
        let html = |author: &str| {
            format!(
                r#"<html><head><meta property="og:site_name" content="Rail News"><meta name="author" content="{author}"></head>
                <body><h1>Rail yard to become a park</h1><p>By Ann Lee</p><p>{}</p></body></html>"#,
                "The council voted to turn the old rail yard into a park. ".repeat(8)
            )
        };
        let byline = |author: &str| crate::extract(html(author).as_bytes(), &crate::Options::default()).unwrap().byline;
        assert_eq!(byline("Rail News").as_deref(), Some("Ann Lee"));
        assert_eq!(byline("Bo Chen").as_deref(), Some("Bo Chen"));
    }

    #[test]
    fn role_in_its_own_element_is_cut() {
        let html = r#"<div class="author"><p>Ann Lee</p><p>Tech Reporter</p></div>"#;
        assert_eq!(byline(html).as_deref(), Some("Ann Lee"));
        let html = r#"<p class="byline">By <a href="/a">Ann Lee</a> &sdot; Review Editor</p>"#;
        assert_eq!(byline(html).as_deref(), Some("Ann Lee"));
        // A second name in its own element stays.
        let html = r#"<p class="byline">By <a href="/a">Ann Lee</a> and <a href="/b">Bo Chen</a></p>"#;
        assert_eq!(byline(html).as_deref(), Some("Ann Lee and Bo Chen"));
        // A name split over elements is whole.
        let html = r#"<p class="author"><span>Ann</span> <span>Lee</span></p>"#;
        assert_eq!(byline(html).as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn written_bylines() {
        let cases = [
            ("By Ann Lee", "Ann Lee"),
            ("by: Bo Chen, Dec 17, 2025", "Bo Chen"),
            ("Written by Meg Noor", "Meg Noor"),
            ("Von Jan Berg", "Jan Berg"),
            ("Par Marie Dupont", "Marie Dupont"),
        ];
        for (text, name) in cases {
            assert_eq!(written_byline(text).as_deref(), Some(name), "{text}");
        }
        for text in ["By the way, this is no byline", "by 2025 prices rose", "Bylines Matter", "Posted by admin"] {
            assert_eq!(written_byline(text), None, "{text}");
        }
    }
}
