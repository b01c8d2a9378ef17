//! React's streamed rendering, put in place as the page's own script would.
//!
//! A server that streams a page sends each slow part (a Suspense boundary) later, at the
//! end of the document, as `<div hidden id="S:3">…</div>`; where the part belongs it left
//! `<template id="B:3"></template>` and a fallback ("Loading paragraph…"), or for a part
//! without fallback only `<template id="P:3"></template>`. A script then swaps the
//! placeholder for the part. Read as sent, an article streamed this way is a column
//! of "Loading…" lines followed by its paragraphs in the order they finished, in a dozen
//! separate blocks. Spliced here, it is one article in its own order again.

use std::collections::HashMap;

use crate::html::Tag;
use crate::scan::{is_streamed_boundary, Summary};

/// How deep boundaries may sit inside boundaries before the rest are left where they are.
const MAX_NESTING: usize = 64;

/// One change to the source: a placeholder (template and fallback) replaced by a
/// boundary's content, or a boundary taken from where it was sent.
struct Edit {
    start: usize,
    end: usize,
    /// The content to put here (a byte range), or none to drop the range.
    content: Option<(usize, usize)>,
}

/// The page with every streamed boundary in its placeholder, if it has any to move.
pub fn splice(summary: &Summary, source: &str) -> Option<String> {
    let nodes = &summary.nodes;
    // Boundaries by their number (the summary keeps ids lowercased: "s:3").
    let boundaries: Vec<(usize, &str)> = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == Tag::Div)
        .filter_map(|(i, n)| Some(summary.id(n)).filter(|id| is_streamed_boundary(id)).map(|id| (i, &id[2..])))
        .collect();
    if boundaries.is_empty() {
        return None;
    }
    let number_of: HashMap<&str, usize> = boundaries.iter().enumerate().map(|(k, &(_, number))| (number, k)).collect();
    let mut placed = vec![false; boundaries.len()];
    // Placeholders in page order, then the boundaries they took, in page order: both lists
    // sorted by where they start, merged below.
    let mut placeholders = Vec::new();
    for (t, node) in nodes.iter().enumerate().filter(|(_, n)| n.tag == Tag::Template) {
        // A boundary's placeholder ("B:") is followed by its fallback; a segment's ("P:")
        // stands alone.
        let id = summary.id(node);
        let (with_fallback, number) = match id.split_at_checked(2) {
            Some(("b:", number)) => (true, number),
            Some(("p:", number)) => (false, number),
            _ => continue,
        };
        // A second placeholder for a boundary already placed stays as it is.
        let Some(&k) = number_of.get(number).filter(|&&k| !placed[k]) else { continue };
        placed[k] = true;
        let boundary = &nodes[boundaries[k].0];
        let content = inner(source, boundary.start as usize, boundary.end as usize);
        // The fallback is the element right after the template, in the same parent.
        let next = nodes.get(nodes.partition_point(|n| n.start < node.end).max(t + 1));
        let fallback = next.filter(|n| {
            with_fallback
                && n.parent == node.parent
                && n.tag != Tag::Template
                && source.get(node.end as usize..n.start as usize).is_some_and(|gap| gap.trim().is_empty())
        });
        let end = fallback.map_or(node.end, |f| f.end) as usize;
        placeholders.push(Edit { start: node.start as usize, end, content: Some(content) });
    }
    if placeholders.is_empty() {
        return None;
    }
    let taken = boundaries.iter().zip(&placed).filter(|(_, &p)| p).map(|(&(b, _), _)| &nodes[b]);
    let mut taken = taken.map(|n| Edit { start: n.start as usize, end: n.end as usize, content: None }).peekable();
    let mut placeholders = placeholders.into_iter().peekable();
    let mut edits = Vec::new();
    while let Some(next) = match (placeholders.peek(), taken.peek()) {
        (Some(p), Some(b)) if b.start < p.start => taken.next(),
        (Some(_), _) => placeholders.next(),
        (None, _) => taken.next(),
    } {
        edits.push(next);
    }
    let mut out = String::with_capacity(source.len());
    emit(source, &edits, (0, source.len()), &mut Vec::new(), &mut out);
    Some(out)
}

/// Writes `source[lo..hi]` with the edits inside it applied; an edit that sits inside an
/// earlier one belongs to that one's content and is applied when that content is written.
/// `open` holds the contents being written around this one: a boundary inside its own
/// content (directly or through others) is left out rather than written forever.
fn emit(source: &str, edits: &[Edit], (lo, hi): (usize, usize), open: &mut Vec<(usize, usize)>, out: &mut String) {
    let mut pos = lo;
    let first = edits.partition_point(|e| e.start < lo);
    for edit in edits[first..].iter().take_while(|e| e.start < hi) {
        if edit.start < pos || edit.end > hi {
            continue;
        }
        out.push_str(&source[pos..edit.start]);
        if let Some(content) = edit.content.filter(|c| !open.contains(c) && open.len() < MAX_NESTING) {
            open.push(content);
            emit(source, edits, content, open, out);
            open.pop();
        }
        pos = edit.end;
    }
    out.push_str(&source[pos..hi]);
}

/// The byte range of an element's content: after its start tag, before its end tag.
fn inner(source: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = source.as_bytes();
    let mut quote = None;
    let mut from = end;
    for (i, &b) in bytes.iter().enumerate().take(end).skip(start) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => {
                from = i + 1;
                break;
            }
            _ => {}
        }
    }
    let close = b"</div>";
    let to = if end >= from + close.len() && bytes[end - close.len()..end].eq_ignore_ascii_case(close) { end - close.len() } else { end };
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spliced(html: &str) -> Option<String> {
        let mut scanner = crate::scan::Scanner::new();
        scanner.write(html).unwrap();
        let (summary, source) = scanner.end().unwrap();
        splice(&summary, &source)
    }

    #[test]
    fn boundaries_replace_their_fallbacks_in_page_order() {
        let page = concat!(
            "<body><main><template id=\"B:0\"></template><div>Loading…</div>",
            "<template id=\"B:1b\"></template><div>Loading…</div></main>",
            "<div hidden id=\"S:1b\"><p>Second</p></div><div hidden id=\"S:0\"><p>First</p></div></body>"
        );
        assert_eq!(spliced(page).unwrap(), "<body><main><p>First</p><p>Second</p></main></body>");
    }

    #[test]
    fn nested_boundaries_and_a_boundary_without_placeholder() {
        let page = concat!(
            "<body><template id=\"B:0\"></template><div>Loading…</div>",
            "<div hidden id=\"S:0\"><p>Outer</p><template id=\"P:1\"></template><span>Kept</span></div>",
            "<div hidden id=\"S:1\"><p>Inner</p></div><div hidden id=\"S:9\"><p>Orphan</p></div></body>"
        );
        assert_eq!(
            spliced(page).unwrap(),
            "<body><p>Outer</p><p>Inner</p><span>Kept</span><div hidden id=\"S:9\"><p>Orphan</p></div></body>"
        );
    }

    #[test]
    fn a_page_without_boundaries_is_left_alone() {
        assert_eq!(spliced("<body><div hidden id=\"S:x\">x</div><template id=\"B:0\"></template></body>"), None);
    }

    #[test]
    fn a_boundary_holding_its_own_placeholder_ends() {
        let page = "<body><div hidden id=\"S:0\"><template id=\"B:0\"></template><p>x</p></div></body>";
        assert!(spliced(page).is_some());
    }
}
#[cfg(test)]
mod tmpdebug {
    #[test]
    fn dump() {
        let html = std::fs::read_to_string("/work/shared/corpus/wcxb-dev/0384/source.html").unwrap();
        let mut scanner = crate::scan::Scanner::new();
        scanner.write(&html).unwrap();
        let (summary, source) = scanner.end().unwrap();
        std::fs::write("/tmp/spliced.html", super::splice(&summary, &source).unwrap()).unwrap();
    }
}
