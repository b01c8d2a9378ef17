//! The reader document: the article's header (site, title, byline, date, reading time)
//! and its body, as every reader view shows it — the extension's in-page reader, Firefox's
//! streamed page, the playground and `lectern extract`'s standalone page all mount this one
//! string and add only their own controls around it. The class names are stable: the
//! shared stylesheet (`extension/reader.css`) and the scripts find the parts by them.
//!
//! ```html
//! <div class="lectern-document" lang="…" dir="…">
//!   <header class="lectern-header">
//!     <p class="lectern-site">…</p>
//!     <h1 class="lectern-title">…</h1>
//!     <p class="lectern-meta"><span class="lectern-byline">…</span> · <time class="lectern-date" datetime="…">…</time> · <span class="lectern-reading-time">…</span></p>
//!   </header>
//!   <article class="lectern-content">…</article>
//! </div>
//! ```

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::rules;
use crate::text::{escape_attribute, escape_text};

/// The header's own words, in the reader's language (the extension passes its locale's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Words {
    /// The reading time, `$1` standing for the minutes: "$1 min read".
    pub reading_time: String,
}

impl Default for Words {
    fn default() -> Self {
        Words { reading_time: "$1 min read".into() }
    }
}

/// The article as a reader document (see the module's documentation).
pub fn reader_document(article: &Article, words: &Words) -> String {
    let present = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    let mut out = String::with_capacity(article.content.len() + 512);
    out.push_str("<div class=\"lectern-document\"");
    for (name, value) in [("lang", &article.lang), ("dir", &article.dir)] {
        if let Some(value) = present(value) {
            out.push_str(&format!(" {name}=\""));
            escape_attribute(&value, &mut out);
            out.push('"');
        }
    }
    out.push_str("><header class=\"lectern-header\">");
    let element = |out: &mut String, open: &str, text: &str, close: &str| {
        out.push_str(open);
        escape_text(text, true, out);
        out.push_str(close);
    };
    if let Some(site) = present(&article.site_name) {
        element(&mut out, "<p class=\"lectern-site\">", &site, "</p>");
    }
    if let Some(title) = present(&article.title) {
        element(&mut out, "<h1 class=\"lectern-title\">", &title, "</h1>");
    }
    out.push_str("<p class=\"lectern-meta\">");
    if let Some(byline) = present(&article.byline) {
        element(&mut out, "<span class=\"lectern-byline\">", &byline, "</span> · ");
    }
    if let Some((datetime, shown)) = article.published_time.as_deref().and_then(date) {
        out.push_str("<time class=\"lectern-date\" datetime=\"");
        escape_attribute(datetime, &mut out);
        element(&mut out, "\">", &shown, "</time> · ");
    }
    let minutes = article.reading_minutes.max(1).to_string();
    element(&mut out, "<span class=\"lectern-reading-time\">", &words.reading_time.replace("$1", &minutes), "</span>");
    out.push_str("</p></header><article class=\"lectern-content\">");
    out.push_str(&article.content);
    out.push_str("</article></div>");
    out
}

/// A published time ("2025-03-04", "2025-03-04T09:00:00Z") as its `datetime` value and
/// the day written out ("March 4, 2025"); none for what is not an ISO date.
fn date(value: &str) -> Option<(&str, String)> {
    let value = value.trim();
    let day = value.get(..10)?;
    let mut parts = day.split('-').map(str::parse::<usize>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else { return None };
    // In English (`rules::MONTHS`, capitalized): a browser writes the day out again in the
    // reader's language from `datetime` (`Intl`), which the core does not carry.
    let name = rules::MONTHS.get(month.checked_sub(1)?)?;
    // ASCII words: `char::to_uppercase` would link Unicode's uppercase table (12 KB) into
    // the wasm module for them.
    let name = format!("{}{}", name.get(..1)?.to_ascii_uppercase(), &name[1..]);
    (1..=31).contains(&d).then(|| (value, format!("{name} {d}, {year}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            title: Some("Tides <rise>".into()),
            byline: Some("Mara Quist".into()),
            published_time: Some("2025-03-04T09:00:00Z".into()),
            site_name: Some("Harbour Gazette".into()),
            lang: Some("en".into()),
            content: "<p>Body.</p>".into(),
            reading_minutes: 3,
            ..Article::default()
        }
    }

    #[test]
    fn header_says_who_when_and_how_long() {
        let html = reader_document(&article(), &Words::default());
        assert!(html.starts_with("<div class=\"lectern-document\" lang=\"en\"><header class=\"lectern-header\">"));
        assert!(html.contains("<p class=\"lectern-site\">Harbour Gazette</p><h1 class=\"lectern-title\">Tides &lt;rise&gt;</h1>"));
        assert!(html.contains(
            "<span class=\"lectern-byline\">Mara Quist</span> · <time class=\"lectern-date\" datetime=\"2025-03-04T09:00:00Z\">March 4, 2025</time> · <span class=\"lectern-reading-time\">3 min read</span>"
        ));
        assert!(html.ends_with("<article class=\"lectern-content\"><p>Body.</p></article></div>"));
    }

    #[test]
    fn missing_facts_leave_no_gap() {
        let bare = Article { content: "<p>x</p>".into(), ..Article::default() };
        let words = Words { reading_time: "$1 Min. Lesezeit".into() };
        let html = reader_document(&bare, &words);
        assert!(!html.contains("lectern-site") && !html.contains("lectern-title") && !html.contains("<time"));
        assert!(html.contains("<p class=\"lectern-meta\"><span class=\"lectern-reading-time\">1 Min. Lesezeit</span></p>"));
        // A date the core could not read as a day is left out, not shown raw.
        let odd = Article { published_time: Some("yesterday".into()), ..bare };
        assert!(!reader_document(&odd, &words).contains("<time"));
    }
}
