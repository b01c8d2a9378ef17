//! Small text helpers shared by the passes: entity decoding, whitespace folding,
//! and reading a short element's text straight from the source bytes.

use std::borrow::Cow;

/// Decodes HTML character references (`&amp;`, `&rsquo;`, `&#8217;`…) in text.
pub fn decode_entities(raw: &str) -> Cow<'_, str> {
    if raw.contains('&') {
        htmlize::unescape(raw)
    } else {
        Cow::Borrowed(raw)
    }
}

/// Decodes character references in an attribute value (stricter about `&` before `=`).
pub fn decode_attribute(raw: &str) -> Cow<'_, str> {
    if raw.contains('&') {
        htmlize::unescape_attribute(raw)
    } else {
        Cow::Borrowed(raw)
    }
}

/// Folds whitespace runs to one space and trims.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text of a stretch of HTML source, tags stripped, entities decoded, whitespace
/// folded, at most `limit` characters. Script and style contents are skipped. Meant for
/// short elements (labels, bylines, bio boxes) the decision reads; the article's text
/// comes from the rewrite pass. One pass, one allocation in the common case.
pub fn source_text(html: &str, limit: usize) -> String {
    let mut out = String::with_capacity(limit.min(html.len()) + 8);
    let mut chars = 0;
    let mut space = false;
    let mut entities = false;
    let mut rest = html;
    while chars < limit && !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        for c in rest[..lt].chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
                chars += 1;
            }
            space = false;
            entities |= c == '&';
            out.push(c);
            chars += 1;
            if chars >= limit && !entities {
                break;
            }
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        // A tag separates words like whitespace would (block tags do; inline ones rarely matter here).
        space = true;
        let skipped = ["script", "style", "noscript", "template"]
            .iter()
            .find(|t| rest.get(1..1 + t.len()).is_some_and(|name| name.eq_ignore_ascii_case(t)));
        rest = match skipped {
            Some(t) => {
                let close = format!("</{t}");
                let lower = rest.to_ascii_lowercase();
                lower.find(&close).map_or("", |i| &rest[i + close.len()..])
            }
            None => rest,
        };
        rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
    }
    if entities {
        out = fold_whitespace(&decode_entities(&out));
    }
    match out.char_indices().nth(limit) {
        Some((i, _)) => out[..i].to_string(),
        None => out,
    }
}

/// Escapes text for HTML element content; with `fold`, whitespace runs become one space.
/// Runs of ordinary bytes are copied whole: this is on the path of every text in the article.
pub fn escape_text(s: &str, fold: bool, out: &mut String) {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, len): (&str, usize) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            // Browsers drop NUL from text; so does the reader view.
            0 => ("", 1),
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => ("&nbsp;", 2),
            b if fold && b.is_ascii_whitespace() => (" ", bytes[i..].iter().take_while(|b| b.is_ascii_whitespace()).count()),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[run..i]);
        out.push_str(replacement);
        i += len;
        run = i;
    }
    out.push_str(&s[run..]);
}

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_attribute(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => {}
            c => out.push(c),
        }
    }
}

/// Counts words: runs of letters/digits; each CJK ideograph or kana counts as one.
pub fn count_words(s: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in s.chars() {
        if is_cjk(c) {
            words += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else if c != '\'' && c != '’' && c != '-' {
            in_word = false;
        }
    }
    words
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0xac00..=0xd7af)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_text_strips_tags_and_scripts() {
        let t = source_text("<div>By <a href=x>Ann&nbsp;Lee</a><script>var x='<b>';</script>  today</div>", 100);
        assert_eq!(t, "By Ann Lee today");
    }

    #[test]
    fn source_text_limit() {
        assert_eq!(source_text("<p>abcdef</p>", 3), "abc");
    }

    #[test]
    fn escaping() {
        let mut out = String::new();
        escape_text("a <b> & \u{a0}c\0  \n d", true, &mut out);
        assert_eq!(out, "a &lt;b&gt; &amp; &nbsp;c d");
        out.clear();
        escape_text("  x\n  y", false, &mut out);
        assert_eq!(out, "  x\n  y");
    }

    #[test]
    fn words() {
        assert_eq!(count_words("It’s a well-known fact, 42 times."), 6);
        assert_eq!(count_words("日本語の文"), 5);
    }
}
