//! The open-element stack both streaming passes keep.
//!
//! lol_html tokenizes but builds no tree, and it calls end-tag handlers only for
//! elements closed by their own end tag. Browsers close many elements implicitly
//! (`<p>` before a block, `<li>` before the next `<li>`, table cells, options…).
//! Both passes run the same rules here, so the element tree the scan summarizes is
//! the tree the rewrite walks, and both match what a browser builds closely enough
//! for tag soup.

use crate::html::Tag;

/// Elements whose start tag closes an open `<p>` (the HTML "closes a p element" set).
fn closes_p(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Address
            | Article
            | Aside
            | Blockquote
            | Center
            | Details
            | Dialog
            | Dir
            | Div
            | Dl
            | Fieldset
            | Figcaption
            | Figure
            | Footer
            | Form
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | Header
            | Hgroup
            | Hr
            | Main
            | Menu
            | Nav
            | Ol
            | P
            | Pre
            | Listing
            | Search
            | Section
            | Summary
            | Table
            | Ul
            | Li
            | Dd
            | Dt
            | Xmp
            | Plaintext
    )
}

/// Elements that stop the search for an element to close implicitly (the HTML scope markers).
fn is_scope_boundary(tag: Tag) -> bool {
    use Tag::*;
    matches!(tag, Html | Table | Td | Th | Caption | Template | Object | Marquee | Applet | Button | Svg | Math)
}

/// An open element: its tag, where its start tag is in the source, and what the pass
/// attached to it (a node index, an output tag…).
#[derive(Debug, Clone)]
pub struct Open<T> {
    pub tag: Tag,
    pub start: u32,
    pub data: T,
}

/// The stack of open elements, innermost last.
#[derive(Debug)]
pub struct OpenElements<T> {
    items: Vec<Open<T>>,
    /// How many elements of each tag are open: a search for a tag that is not open skips
    /// the walk (deeply nested pages would make every walk long).
    open: [u32; Tag::COUNT],
    /// The elements as lol_html's own stack holds them, (tag, start): start tags push, end
    /// tags pop, nothing closes implicitly. End tags are matched here, as lol_html matched
    /// them when it reported end tags: `<a><div><a>…</div>` closes the first `<a>` early in
    /// `items`, but its `</div>` still ends that inner `<div>`, not an outer one.
    tokens: Vec<(Tag, u32)>,
    /// How many elements of each tag `tokens` holds.
    token_counts: [u32; Tag::COUNT],
}

impl<T> Default for OpenElements<T> {
    fn default() -> Self {
        Self { items: Vec::new(), open: [0; Tag::COUNT], tokens: Vec::new(), token_counts: [0; Tag::COUNT] }
    }
}

impl<T> OpenElements<T> {
    pub fn items(&self) -> &[Open<T>] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn current(&self) -> Option<&Open<T>> {
        self.items.last()
    }

    /// Opens an element whose start tag begins at `start`.
    pub fn push(&mut self, tag: Tag, start: u32, data: T) {
        self.open[tag as usize] += 1;
        self.items.push(Open { tag, start, data });
        self.push_token(tag, start);
    }

    /// A start tag that opens no element here (a repeated `<body>`), but that an end tag
    /// can still match.
    pub fn push_token(&mut self, tag: Tag, start: u32) {
        self.token_counts[tag as usize] += 1;
        self.tokens.push((tag, start));
    }

    /// Whether an element of `tag` is open.
    pub fn is_open(&self, tag: Tag) -> bool {
        self.open[tag as usize] > 0
    }

    /// Whether an `<svg>` or `<math>` is open (their tags do not switch to raw text).
    pub fn in_foreign_content(&self) -> bool {
        self.any_open(&[Tag::Svg, Tag::Math])
    }

    fn any_open(&self, tags: &[Tag]) -> bool {
        tags.iter().any(|&t| self.open[t as usize] > 0)
    }

    /// Closes what the start tag `tag` implies, innermost first, calling `close` for each.
    pub fn close_implied_by(&mut self, tag: Tag, mut close: impl FnMut(Open<T>)) {
        use Tag::*;
        let target: &[Tag] = match tag {
            Li => &[Li],
            Dd | Dt => &[Dd, Dt],
            Tr => &[Tr, Td, Th],
            Td | Th => &[Td, Th],
            Thead | Tbody | Tfoot => &[Thead, Tbody, Tfoot, Tr, Td, Th],
            Option => &[Option],
            Optgroup => &[Option, Optgroup],
            A => &[A],
            _ => &[],
        };
        // A list item closes the previous item of the same list, not one of an outer list.
        let list_stop: &[Tag] = match tag {
            Li => &[Ul, Ol, Menu],
            Dd | Dt => &[Dl],
            Tr | Thead | Tbody | Tfoot => &[Table],
            Td | Th => &[Tr, Table],
            Option | Optgroup => &[Select, Datalist],
            _ => &[],
        };
        if self.any_open(&[Svg, Math]) && tag.leaves_foreign_content() {
            // The innermost foreign root, unless an integration point (HTML inside SVG or
            // MathML) is open inside it.
            if let Some(pos) = self.find(|t| matches!(t, Svg | Math), |t| t.is_integration_point()) {
                self.pop_to(pos, &mut close);
            }
        }
        if self.any_open(target) {
            if let Some(pos) = self.find(|t| target.contains(&t), |t| list_stop.contains(&t) || is_scope_boundary(t)) {
                self.pop_to(pos, &mut close);
            }
        }
        if closes_p(tag) && self.any_open(&[P]) {
            if let Some(pos) = self.find(|t| t == P, is_scope_boundary) {
                self.pop_to(pos, &mut close);
            }
        }
        // Body content closes an unclosed <head> (it sits first or second: <html><head>).
        if !matches!(tag, Meta | Link | Title | Script | Style | Base | Noscript | Template) {
            if let Some(pos) = self.items.iter().take(2).position(|o| o.tag == Head) {
                self.pop_to(pos, &mut close);
            }
        }
        if tag.is_heading() && self.current().is_some_and(|c| c.tag.is_heading()) {
            let pos = self.items.len() - 1;
            self.pop_to(pos, &mut close);
        }
    }

    pub fn pop(&mut self) -> Option<Open<T>> {
        let open = self.items.pop()?;
        self.open[open.tag as usize] -= 1;
        Some(open)
    }

    /// Pops up to and including the element at `pos`.
    pub fn pop_to(&mut self, pos: usize, mut close: impl FnMut(Open<T>)) {
        while self.items.len() > pos {
            if let Some(open) = self.pop() {
                close(open);
            }
        }
    }

    /// Pops everything (end of input).
    pub fn pop_all(&mut self, close: impl FnMut(Open<T>)) {
        self.pop_to(0, close);
    }

    /// The position of the innermost element matching `want`, searching outwards until `stop`.
    fn find(&self, want: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for (i, open) in self.items.iter().enumerate().rev() {
            if want(open.tag) {
                return Some(i);
            }
            if stop(open.tag) {
                return None;
            }
        }
        None
    }

    /// Closes what the end tag `</name>` ends, calling `close` for each element, innermost
    /// first: the element it matches in `tokens` (the innermost of that name) and whatever
    /// is open inside it, if it is still open. An end tag that matches nothing is ignored.
    /// `named` tells whether the start tag at an offset has the name, for tags this crate
    /// does not know (`Tag::Other`).
    pub fn close_by_end_tag(&mut self, name: &[u8], named: impl Fn(u32) -> bool, close: impl FnMut(Open<T>)) {
        let tag = Tag::from_bytes(name);
        if self.token_counts[tag as usize] == 0 {
            return;
        }
        // A search that can fail (an end tag of an unknown name) looks no deeper than this.
        const OTHER_DEPTH: usize = 512;
        let found = if tag == Tag::Other {
            let from_top = self.tokens.iter().rev().take(OTHER_DEPTH).position(|&(t, start)| t == tag && named(start));
            from_top.map(|i| self.tokens.len() - 1 - i)
        } else {
            self.tokens.iter().rposition(|&(t, _)| t == tag)
        };
        let Some(pos) = found else { return };
        let start = self.tokens[pos].1;
        for (t, _) in self.tokens.drain(pos..) {
            self.token_counts[t as usize] -= 1;
        }
        if let Some(item) = self.items.iter().rposition(|o| o.start == start) {
            self.pop_to(item, close);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &OpenElements<u32>) -> Vec<&str> {
        s.items().iter().map(|o| o.tag.name()).collect()
    }

    #[test]
    fn block_start_closes_open_paragraph() {
        let mut s = OpenElements::default();
        s.push(Tag::Div, 0, 0);
        s.push(Tag::P, 1, 1);
        s.push(Tag::B, 2, 2);
        let mut closed = vec![];
        s.close_implied_by(Tag::Div, |o| closed.push(o.data));
        assert_eq!(closed, vec![2, 1]);
        assert_eq!(names(&s), ["div"]);
    }

    #[test]
    fn list_item_closes_sibling_item_not_outer_list_item() {
        let mut s = OpenElements::default();
        s.push(Tag::Ul, 0, 0);
        s.push(Tag::Li, 1, 1);
        s.push(Tag::Ul, 2, 2);
        s.push(Tag::Li, 3, 3);
        s.close_implied_by(Tag::Li, |_| {});
        assert_eq!(names(&s), ["ul", "li", "ul"]);
        let mut s2 = OpenElements::default();
        s2.push(Tag::Ul, 0, 0);
        s2.push(Tag::Li, 1, 1);
        s2.push(Tag::Ul, 2, 2);
        s2.close_implied_by(Tag::Li, |_| {});
        assert_eq!(names(&s2), ["ul", "li", "ul"]);
    }

    #[test]
    fn body_content_closes_unclosed_head() {
        let mut s = OpenElements::default();
        s.push(Tag::Html, 0, 0);
        s.push(Tag::Head, 1, 1);
        s.close_implied_by(Tag::Meta, |_| {});
        assert_eq!(names(&s), ["html", "head"]);
        s.close_implied_by(Tag::Body, |_| {});
        assert_eq!(names(&s), ["html"]);
    }

    #[test]
    fn html_block_leaves_unclosed_svg() {
        let mut s = OpenElements::default();
        s.push(Tag::Div, 0, 0);
        s.push(Tag::Svg, 1, 1);
        s.push(Tag::Other, 2, 2);
        s.close_implied_by(Tag::P, |_| {});
        assert_eq!(names(&s), ["div"]);
        s.push(Tag::Svg, 3, 3);
        s.push(Tag::ForeignObject, 4, 4);
        s.close_implied_by(Tag::P, |_| {});
        assert_eq!(names(&s), ["div", "svg", "foreignobject"]);
    }

    #[test]
    fn paragraph_inside_table_cell_is_not_closed_from_outside() {
        let mut s = OpenElements::default();
        s.push(Tag::P, 0, 0);
        s.push(Tag::Table, 1, 1);
        s.push(Tag::Td, 2, 2);
        s.close_implied_by(Tag::P, |_| {});
        assert_eq!(names(&s), ["p", "table", "td"]);
    }

    #[test]
    fn end_tag_ends_the_element_it_was_written_for() {
        // <div id=0><a id=1><div id=2><a id=3>…</a></div></a></div>: the second <a> closes
        // the first (and the inner <div>) early; </div> then ends nothing, not the outer <div>.
        let mut s = OpenElements::default();
        s.push(Tag::Div, 0, 0);
        s.push(Tag::A, 1, 1);
        s.push(Tag::Div, 2, 2);
        s.close_implied_by(Tag::A, |_| {});
        s.push(Tag::A, 3, 3);
        let mut closed = vec![];
        for name in ["a", "div", "a"] {
            s.close_by_end_tag(name.as_bytes(), |_| false, |o| closed.push(o.data));
        }
        assert_eq!(closed, [3]);
        assert_eq!(names(&s), ["div"]);
        s.close_by_end_tag(b"DIV", |_| false, |o| closed.push(o.data));
        assert_eq!(closed, [3, 0]);
        // Unknown tags match by name.
        s.push(Tag::Other, 10, 10);
        s.push(Tag::Other, 20, 20);
        s.close_by_end_tag(b"x-outer", |start| start == 10, |o| closed.push(o.data));
        assert_eq!(closed, [3, 0, 20, 10]);
    }
}
