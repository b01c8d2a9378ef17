//! What lies in the source between two start tags.
//!
//! Both passes ask lol_html for start tags only: it tokenizes them with their attributes
//! and byte ranges. The text and the end tags between two start tags are read here, from
//! the source itself, as a browser's tokenizer would: asking lol_html for text chunks
//! costs a decoded copy of every chunk, and for end tags a boxed handler per element —
//! together about a third of the scan's time.

use crate::html::Tag;

/// One piece of the source between two start tags.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    /// Text, raw (entities not decoded), starting at byte `at` of the source.
    Text { text: &'a str, at: usize },
    /// The content of a raw-text element (`<script>`, `<style>`, `<title>`…): text, never
    /// markup.
    RawText { text: &'a str },
    /// An end tag, its name as written; `end` is the offset just past it.
    EndTag { name: &'a [u8], end: usize },
}

/// The pieces of `source[from..to]`, read in the context `raw`: the raw-text element
/// open where the gap starts (its content runs up to its own end tag), or `None`.
pub fn pieces(source: &str, from: usize, to: usize, raw: Option<Tag>) -> Gap<'_> {
    Gap { source, pos: from, to: to.min(source.len()), raw }
}

/// An iterator over the pieces of a gap (see [`pieces`]).
pub struct Gap<'a> {
    source: &'a str,
    pos: usize,
    to: usize,
    raw: Option<Tag>,
}

impl<'a> Iterator for Gap<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        while self.pos < self.to {
            let (from, bytes) = (self.pos, &self.source.as_bytes()[..self.to]);
            if let Some(tag) = self.raw {
                // Raw text runs to the element's own end tag; the rest is markup again.
                // (`<plaintext>` never ends.)
                let found = (tag != Tag::Plaintext).then(|| raw_text_end(&bytes[from..], tag.name().as_bytes())).flatten();
                let end = found.map_or(self.to, |i| from + i);
                if found.is_some() {
                    self.raw = None;
                }
                self.pos = end;
                if end > from {
                    return Some(Piece::RawText { text: &self.source[from..end] });
                }
                continue;
            }
            let mut at = from;
            while let Some(lt) = memchr::memchr(b'<', &bytes[at..]) {
                let lt = at + lt;
                let Some(len) = markup_len(&bytes[lt..]) else {
                    at = lt + 1;
                    continue;
                };
                let end = lt + len;
                if lt > from {
                    // The text first; the markup is read on the next call.
                    self.pos = lt;
                    return Some(Piece::Text { text: &self.source[from..lt], at: from });
                }
                self.pos = end;
                if bytes[lt + 1] == b'/' && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                    let name = &bytes[lt + 2..end];
                    let len = name.iter().position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>')).unwrap_or(name.len());
                    return Some(Piece::EndTag { name: &name[..len], end });
                }
                break;
            }
            if self.pos == from {
                self.pos = self.to;
                return Some(Piece::Text { text: &self.source[from..self.to], at: from });
            }
        }
        None
    }
}

/// Where the end tag `</name` of a raw-text element starts in `text`, if it is there.
fn raw_text_end(text: &[u8], name: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&text[at..], b"</") {
        let start = at + i;
        let after = start + 2 + name.len();
        if text.get(start + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && text.get(after).is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// The length of the markup that starts at `s[0] == b'<'` inside text, `None` when the
/// `<` is text. The HTML tokenizer's data state: comments, `<!…>` and `<?…>`, end tags,
/// and start tags lol_html did not report (none, unless the page ends inside one).
fn markup_len(s: &[u8]) -> Option<usize> {
    let until =
        |from: usize, end: &[u8]| s.get(from..).and_then(|rest| memchr::memmem::find(rest, end)).map_or(s.len(), |i| from + i + end.len());
    match s.get(1..)? {
        [b'!', b'-', b'-', b'>', ..] => Some(5),
        [b'!', b'-', b'-', b'-', b'>', ..] => Some(6),
        [b'!', b'-', b'-', ..] => Some(until(4, b"-->").min(until(4, b"--!>"))),
        [b'!' | b'?', ..] => Some(until(2, b">")),
        [b'/', b'>', ..] => Some(3),
        [b'/', ..] => Some(until(2, b">")),
        [c, ..] if c.is_ascii_alphabetic() => Some(until(1, b">")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str, raw: Option<Tag>) -> Vec<Piece<'_>> {
        pieces(source, 0, source.len(), raw).collect()
    }

    #[test]
    fn text_comments_and_end_tags() {
        let s = "a<!-- <b>x</b> -->b</SPAN >c<!---->d<?pi?>e < f</>g";
        assert_eq!(
            read(s, None),
            [
                Piece::Text { text: "a", at: 0 },
                Piece::Text { text: "b", at: 18 },
                Piece::EndTag { name: b"SPAN", end: 27 },
                Piece::Text { text: "c", at: 27 },
                Piece::Text { text: "d", at: 35 },
                Piece::Text { text: "e < f", at: 42 },
                Piece::Text { text: "g", at: 50 },
            ]
        );
    }

    #[test]
    fn raw_text_ends_at_its_own_end_tag() {
        let s = "if (a</b) x = '</scriptx>'; </SCRIPT>t</p>";
        assert_eq!(
            read(s, Some(Tag::Script)),
            [
                Piece::RawText { text: "if (a</b) x = '</scriptx>'; " },
                Piece::EndTag { name: b"SCRIPT", end: 37 },
                Piece::Text { text: "t", at: 37 },
                Piece::EndTag { name: b"p", end: 42 },
            ]
        );
        assert_eq!(read("x</plaintext>y", Some(Tag::Plaintext)), [Piece::RawText { text: "x</plaintext>y" }]);
    }

    #[test]
    fn unterminated_markup_runs_to_the_end() {
        assert_eq!(read("a<!-- never closed", None), [Piece::Text { text: "a", at: 0 }]);
        assert_eq!(read("a</div", None), [Piece::Text { text: "a", at: 0 }, Piece::EndTag { name: b"div", end: 6 }]);
    }
}
