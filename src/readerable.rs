//! "Does this page look like an article?" — Readability's `isProbablyReaderable`
//! measure, computed two ways: cheaply from the raw page (for the toolbar icon, with an
//! early exit), and from a scan's summary (for the `Article`'s verdict).

use std::cell::Cell;
use std::rc::Rc;

use lol_html::html_content::{Element, EndTag};
use lol_html::{element, text, HtmlRewriter, Settings};

use crate::html::Tag;
use crate::rules;
use crate::scan::{flag, Summary};

/// Paragraphs shorter than this add nothing.
const MIN_CONTENT_LENGTH: u32 = 140;
/// The score a page needs.
const MIN_SCORE: f64 = 20.0;

/// What one paragraph of `len` characters adds to the page's score.
fn weight(len: u32) -> f64 {
    if len < MIN_CONTENT_LENGTH {
        0.0
    } else {
        f64::from(len - MIN_CONTENT_LENGTH).sqrt()
    }
}

fn is_unlikely(class: &str, id: &str) -> bool {
    rules::hint::unlikely(rules::hints(class) | rules::hints(id))
}

/// The verdict from a scan's summary.
pub fn summary_is_readerable(summary: &Summary) -> bool {
    let mut score = 0.0;
    // Whether each node is inside a list item, top-down (parents come first).
    let mut in_list_item = vec![false; summary.nodes.len()];
    for (i, n) in summary.nodes.iter().enumerate() {
        if let Some(p) = n.parent() {
            in_list_item[i] = in_list_item[p] || summary.nodes[p].tag == Tag::Li;
        }
        if !matches!(n.tag, Tag::P | Tag::Pre | Tag::Article) || n.has(flag::HIDDEN) || n.has(flag::ARIA_HIDDEN) {
            continue;
        }
        // Paragraphs and cards inside list items are teasers of other pages (result lists,
        // card grids), not an article.
        if is_unlikely(summary.class(n), summary.id(n)) || in_list_item[i] {
            continue;
        }
        score += weight(n.stats.raw_text);
        if score > MIN_SCORE {
            return true;
        }
    }
    false
}

/// A fast check for the toolbar icon: one pass over the page that looks only at
/// `<p>`, `<pre>` and `<article>` and stops as soon as the page qualifies.
pub fn is_probably_readerable(html: &[u8]) -> bool {
    let score = Rc::new(Cell::new(0.0f64));
    // Open candidate elements: (characters so far, counts?) innermost last.
    let open: Rc<std::cell::RefCell<Vec<(u32, bool, bool)>>> = Rc::default();
    let in_li_p: Rc<Cell<Option<usize>>> = Rc::default();
    let (o1, o2, s1) = (Rc::clone(&open), Rc::clone(&open), Rc::clone(&score));
    let li_flag = Rc::clone(&in_li_p);
    let li_flag2 = Rc::clone(&in_li_p);
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler(element!("li p, li pre, li article", move |el| {
            li_flag.set(Some(el.source_location().bytes().start));
            Ok(())
        }))
        .append_element_content_handler(element!("p, pre, article", move |el: &mut Element<'_, '_>| {
            let counts = !is_hidden(el)
                && !is_unlikely(
                    &el.get_attribute("class").unwrap_or_default().to_ascii_lowercase(),
                    &el.get_attribute("id").unwrap_or_default().to_ascii_lowercase(),
                )
                && li_flag2.get() != Some(el.source_location().bytes().start);
            let mut open = o1.borrow_mut();
            // A new paragraph, <pre> or <article> closes an open paragraph (an implied end tag).
            if open.last().is_some_and(|&(_, _, is_p)| is_p) {
                if let Some((len, counts, _)) = open.pop() {
                    if counts {
                        s1.set(s1.get() + weight(len));
                    }
                }
            }
            open.push((0, counts, el.tag_name() == "p"));
            drop(open);
            if let Some(handlers) = el.end_tag_handlers() {
                let (open, score) = (Rc::clone(&o1), Rc::clone(&s1));
                handlers.push(Box::new(move |_: &mut EndTag<'_>| {
                    if let Some((len, counts, _)) = open.borrow_mut().pop() {
                        if counts {
                            score.set(score.get() + weight(len));
                        }
                    }
                    if score.get() > MIN_SCORE {
                        return Err("readerable".into());
                    }
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_element_content_handler(text!("p, pre, article", move |t| {
            let n = t.as_str().chars().count() as u32;
            // Text counts for the innermost few candidates: deeper nesting is tag soup, and
            // counting it everywhere would be quadratic.
            for entry in o2.borrow_mut().iter_mut().rev().take(4) {
                entry.0 += n;
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, crate::scan::discard as fn(&[u8]));
    if rewriter.write(html).is_err() {
        return score.get() > MIN_SCORE;
    }
    if rewriter.end().is_err() {
        return score.get() > MIN_SCORE;
    }
    // Paragraphs never closed (tag soup) still count.
    let remaining: f64 = open.borrow().iter().filter(|(_, c, _)| *c).map(|(l, _, _)| weight(*l)).sum();
    score.get() + remaining > MIN_SCORE
}

fn is_hidden(el: &Element<'_, '_>) -> bool {
    let style = el.get_attribute("style").unwrap_or_default().to_ascii_lowercase().replace(' ', "");
    (el.has_attribute("hidden") && !crate::scan::is_streamed_boundary(&el.get_attribute("id").unwrap_or_default()))
        || style.contains("display:none")
        || style.contains("visibility:hidden")
        || el.get_attribute("aria-hidden").is_some_and(|v| v.trim() == "true")
}
