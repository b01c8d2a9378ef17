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

/// An open element: its tag and what the pass attached to it (a node index, an output tag…).
#[derive(Debug, Clone)]
pub struct Open<T> {
    pub tag: Tag,
    pub data: T,
}

/// Tags the implied-end rules search the stack for; their open counts let a search that
/// cannot succeed skip the walk (deeply nested pages would make every walk long).
const TRACKED: [Tag; 15] = [
    Tag::P,
    Tag::Li,
    Tag::Dd,
    Tag::Dt,
    Tag::Tr,
    Tag::Td,
    Tag::Th,
    Tag::Thead,
    Tag::Tbody,
    Tag::Tfoot,
    Tag::Option,
    Tag::Optgroup,
    Tag::A,
    Tag::Svg,
    Tag::Math,
];

fn tracked(tag: Tag) -> Option<usize> {
    TRACKED.iter().position(|&t| t == tag)
}

/// The stack of open elements, innermost last.
#[derive(Debug)]
pub struct OpenElements<T> {
    items: Vec<Open<T>>,
    open: [u32; TRACKED.len()],
}

impl<T> Default for OpenElements<T> {
    fn default() -> Self {
        Self { items: Vec::new(), open: [0; TRACKED.len()] }
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

    pub fn push(&mut self, tag: Tag, data: T) {
        if let Some(t) = tracked(tag) {
            self.open[t] += 1;
        }
        self.items.push(Open { tag, data });
    }

    fn any_open(&self, tags: &[Tag]) -> bool {
        tags.iter().any(|&t| tracked(t).is_some_and(|i| self.open[i] > 0))
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
        if let Some(t) = tracked(open.tag) {
            self.open[t] -= 1;
        }
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

    /// The position of the element carrying `data`, if it is still open.
    pub fn position(&self, pred: impl Fn(&T) -> bool) -> Option<usize> {
        self.items.iter().rposition(|o| pred(&o.data))
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
        s.push(Tag::from_name("div"), 0);
        s.push(Tag::from_name("p"), 1);
        s.push(Tag::from_name("b"), 2);
        let mut closed = vec![];
        s.close_implied_by(Tag::from_name("div"), |o| closed.push(o.data));
        assert_eq!(closed, vec![2, 1]);
        assert_eq!(names(&s), ["div"]);
    }

    #[test]
    fn list_item_closes_sibling_item_not_outer_list_item() {
        let mut s = OpenElements::default();
        s.push(Tag::from_name("ul"), 0);
        s.push(Tag::from_name("li"), 1);
        s.push(Tag::from_name("ul"), 2);
        s.push(Tag::from_name("li"), 3);
        s.close_implied_by(Tag::from_name("li"), |_| {});
        assert_eq!(names(&s), ["ul", "li", "ul"]);
        let mut s2 = OpenElements::default();
        s2.push(Tag::from_name("ul"), 0);
        s2.push(Tag::from_name("li"), 1);
        s2.push(Tag::from_name("ul"), 2);
        s2.close_implied_by(Tag::from_name("li"), |_| {});
        assert_eq!(names(&s2), ["ul", "li", "ul"]);
    }

    #[test]
    fn body_content_closes_unclosed_head() {
        let mut s = OpenElements::default();
        s.push(Tag::Html, 0);
        s.push(Tag::Head, 1);
        s.close_implied_by(Tag::Meta, |_| {});
        assert_eq!(names(&s), ["html", "head"]);
        s.close_implied_by(Tag::Body, |_| {});
        assert_eq!(names(&s), ["html"]);
    }

    #[test]
    fn html_block_leaves_unclosed_svg() {
        let mut s = OpenElements::default();
        s.push(Tag::Div, 0);
        s.push(Tag::Svg, 1);
        s.push(Tag::Other, 2);
        s.close_implied_by(Tag::P, |_| {});
        assert_eq!(names(&s), ["div"]);
        s.push(Tag::Svg, 3);
        s.push(Tag::ForeignObject, 4);
        s.close_implied_by(Tag::P, |_| {});
        assert_eq!(names(&s), ["div", "svg", "foreignobject"]);
    }

    #[test]
    fn paragraph_inside_table_cell_is_not_closed_from_outside() {
        let mut s = OpenElements::default();
        s.push(Tag::from_name("p"), 0);
        s.push(Tag::from_name("table"), 1);
        s.push(Tag::from_name("td"), 2);
        s.close_implied_by(Tag::from_name("p"), |_| {});
        assert_eq!(names(&s), ["p", "table", "td"]);
    }
}
