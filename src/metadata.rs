//! The article's metadata, chosen among what the page states: JSON-LD first (it is
//! written for machines), then OpenGraph, Twitter, Dublin Core and `<meta>` tags, then
//! the document itself (`<title>`, `<h1>`, `<time>`).

use serde_json::Value;
use url::Url;

use crate::article::Article;
use crate::rules;
use crate::sanitize;
use crate::scan::Summary;
use crate::text::{decode_entities, fold_whitespace};

/// What an article's JSON-LD says.
#[derive(Debug, Default)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    /// An organisation credited as the author: a byline only when the page shows none.
    organisation: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    image: Option<String>,
}

/// The article's metadata fields, as the page states them (the body fields stay empty).
pub fn read(summary: &Summary, base: Option<&Url>) -> Article {
    let meta = &summary.meta;
    let doc_title = fold_whitespace(&decode_twice(&meta.title));
    let ld = meta.json_ld.iter().find_map(|s| json_ld(s, &doc_title)).unwrap_or_default();
    let value = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            meta.metas.iter().find(|(key, v)| key == k && !v.trim().is_empty()).map(|(_, v)| fold_whitespace(&decode_twice(v)))
        })
    };
    let site_name = ld.site_name.or_else(|| value(rules::SITE_NAME_META).filter(|s| !s.starts_with('@')));
    // Documentation generators end headings with a permalink sign ("Quick Start¶").
    let h1s: Vec<String> = summary
        .meta
        .h1
        .iter()
        .map(|(_, t)| fold_whitespace(&decode_twice(t)).trim_end_matches(['¶', '#']).trim_end().to_string())
        .collect();
    let headline_of =
        |t: &str| headline_part(t, &h1s, site_name.as_deref()).or_else(|| without_site(t, site_name.as_deref())).unwrap_or(t.to_string());
    // A page of several <h1>s may give the first to its own name ("Houstonia Magazine")
    // and the next to the headline.
    let is_site_name = |h: &str| {
        site_name.as_deref().is_some_and(|s| same_words(s.trim(), h))
            || title_parts(&doc_title, SEPARATORS).split_first().is_some_and(|(_, rest)| rest.last().is_some_and(|p| same_words(p, h)))
    };
    let shown = visible_h1(summary, &h1s).or_else(|| {
        let mut shown = visible_h1s(summary, &h1s).map(|k| h1s[k].as_str());
        shown.next().filter(|h| is_site_name(h))?;
        let mut headlines = shown.filter(|h| !is_site_name(h));
        headlines.next().filter(|_| headlines.next().is_none())
    });
    let stated = match (ld.title, value(rules::TITLE_META)) {
        // JSON-LD headlines are cut for search engines ("… (Including") and now and then
        // hold a description: a meta title that completes it, or that the visible <h1>
        // repeats, is the page's own word.
        (Some(ld), Some(meta)) if meta.len() > ld.len() && meta.starts_with(&ld) && !h1s.iter().any(|h| same_words(h, &ld)) => Some(meta),
        (Some(ld), Some(meta)) if shown.is_some_and(|h| same_words(h, &headline_of(&meta)) && !same_words(h, &headline_of(&ld))) => {
            Some(meta)
        }
        (ld, meta) => ld.or(meta),
    };
    let title = stated.as_deref().map(headline_of).or_else(|| document_title(&h1s, &doc_title, site_name.as_deref()));
    let title = match (title, shown) {
        (Some(t), Some(h)) if prefer_heading(h, &t, stated.as_deref(), &doc_title, site_name.as_deref()) => Some(h.to_string()),
        (t, _) => t,
    };
    let lead_image = ld.image.or_else(|| value(rules::IMAGE_META)).and_then(|u| sanitize::image_url(&u, base));
    Article {
        title,
        byline: ld
            .byline
            .or_else(|| value(rules::AUTHOR_META))
            .or_else(|| labelled(&meta.metas, rules::AUTHOR_LABELS))
            .and_then(|b| clean_byline(&b)),
        published_time: ld.published.or_else(|| value(rules::PUBLISHED_META)),
        site_name,
        lang: meta.lang.as_ref().map(|l| l.trim().to_string()),
        dir: meta.dir.as_ref().map(|d| d.trim().to_ascii_lowercase()).filter(|d| matches!(d.as_str(), "ltr" | "rtl" | "auto")),
        excerpt: ld.excerpt.or_else(|| value(rules::EXCERPT_META)),
        lead_image,
        ..Article::default()
    }
}

/// Text with its character references decoded, twice when the page escaped them twice
/// ("And finally&amp;#8230;" → "And finally…").
fn decode_twice(raw: &str) -> String {
    let once = decode_entities(raw);
    if once.contains("&#") || once.contains("&amp;") || once.contains("&quot;") {
        decode_entities(&once).into_owned()
    } else {
        once.into_owned()
    }
}

/// The page's one visible `<h1>`, if it has exactly one with text.
fn visible_h1<'h>(summary: &Summary, h1s: &'h [String]) -> Option<&'h str> {
    visible_h1_at(summary, h1s).map(|k| h1s[k].as_str())
}

/// Where the page's one visible `<h1>` is in `summary.meta.h1` (`h1s` are their texts).
fn visible_h1_at(summary: &Summary, h1s: &[String]) -> Option<usize> {
    let mut shown = visible_h1s(summary, h1s);
    let k = shown.next()?;
    shown.next().is_none().then_some(k)
}

/// Where the page's visible `<h1>`s with text are in `summary.meta.h1`.
fn visible_h1s<'a>(summary: &'a Summary, h1s: &'a [String]) -> impl Iterator<Item = usize> + 'a {
    summary
        .meta
        .h1
        .iter()
        .zip(h1s)
        .enumerate()
        .filter(|(_, ((node, _), text))| !text.is_empty() && !hidden(summary, *node as usize))
        .map(|(k, _)| k)
}

/// Whether node `i` or an element around it is hidden by the page.
fn hidden(summary: &Summary, i: usize) -> bool {
    std::iter::successors(Some(i), |&j| summary.nodes[j].parent()).any(|j| summary.nodes[j].has(crate::scan::flag::HIDDEN))
}

/// `i` moved forward to a character boundary of `source`, at most its end.
fn char_end(source: &str, mut i: usize) -> usize {
    i = i.min(source.len());
    while !source.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether the page's visible headline beats the title the metadata states: it must
/// differ from it by more than the quote marks' style, share more than a third of its words
/// with what the page calls itself (`og:title`, JSON-LD, `<title>`), and not be the
/// site's name (`og:site_name`, or a part of `<title>` that the stated title leaves out:
/// "Blog Name: Headline" with `og:title` "Headline") nor the title plus a section.
fn prefer_heading(heading: &str, title: &str, stated: Option<&str>, doc_title: &str, site_name: Option<&str>) -> bool {
    // A heading in capitals is styled so; the stated title keeps the words' own case.
    let shouted = heading.chars().any(char::is_alphabetic) && !heading.chars().any(char::is_lowercase);
    if same_words(heading, title) || (shouted && same_letters(heading, title)) || heading.chars().count() > 200 {
        return false;
    }
    let lower = heading.to_lowercase();
    if site_name.is_some_and(|name| name.trim().to_lowercase() == lower) {
        return false;
    }
    // "Headline | Opinion" in the <h1>, "Headline" stated: a short addition after a
    // separator names the section (a longer one is a subtitle).
    let added = heading.strip_prefix(title).map(str::trim_start).and_then(|a| {
        let mut chars = a.chars();
        chars.next().filter(|c| rules::TITLE_SITE_SEPARATORS.iter().any(|set| set.contains(c))).map(|_| chars.as_str())
    });
    // Its first part only: "| Patient Education | City Hospital" adds a section and a site.
    let added = added.map(|a| a.split(|c| rules::TITLE_SITE_SEPARATORS.iter().any(|set| set.contains(&c))).next().unwrap_or(a));
    if added.is_some_and(|a| word_count(a) <= rules::SECTION_MAX_WORDS) {
        return false;
    }
    // The title with its date beside it ("Dec 18 2025 Preparing a transition"), or after a
    // section's label ("Blog: Best agencies of 2025").
    let (h, t) = (straightened(heading), straightened(title));
    if let Some(rest) = h.strip_suffix(&t).or_else(|| h.strip_prefix(&t)).map(str::trim).filter(|r| !r.is_empty()) {
        let label = rest.strip_suffix(':').is_some_and(|l| h.ends_with(&t) && word_count(l) <= rules::SECTION_MAX_WORDS);
        if label || (word_count(rest) <= rules::SECTION_MAX_WORDS && !find_dates(rest).is_empty()) {
            return false;
        }
    }
    let is_part =
        |reference: &str| title_parts(reference, SEPARATORS).iter().flat_map(|p| p.split(": ")).any(|p| p.trim().to_lowercase() == lower);
    // The <title> names the site beside the headline: the heading is its site part only
    // when the stated title is its other part ("Blog Name: Headline", og:title "Headline");
    // a heading that is the <title>'s headline beats a stated title the <title> does not
    // repeat.
    let doc_repeats_stated = stated.is_none_or(|s| doc_title.to_lowercase().contains(&s.to_lowercase()));
    if !stated.is_some_and(|s| s.to_lowercase().contains(&lower))
        && (stated.is_some_and(is_part) || (doc_repeats_stated && is_part(doc_title)))
    {
        return false;
    }
    [stated.unwrap_or(""), doc_title].iter().any(|r| coverage(heading, r) >= rules::HEADING_AGREES)
}

/// Whether two titles say the same, whatever their quote marks' style and letter case.
fn same_words(a: &str, b: &str) -> bool {
    straightened(a) == straightened(b)
}

/// A title in lower case with straight quote marks, to compare titles by their words.
fn straightened(s: &str) -> String {
    s.replace(['’', '‘'], "'").replace(['“', '”'], "\"").to_lowercase()
}

/// Whether two titles are the same letters, whatever their case and spacing: an `<h1>`
/// broken over lines ("WEEKEND<br>CODING AGENT") against the `<title>`.
fn same_letters(a: &str, b: &str) -> bool {
    let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    same_words(&squeezed(a), &squeezed(b))
}

/// Share of `a`'s words that occur in `b`.
fn coverage(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    wa.iter().filter(|w| wb.contains(w)).count() as f64 / wa.len() as f64
}

/// The organisation the JSON-LD credits as the article's author, for a page that shows
/// no byline of a person.
pub fn organisation_author(summary: &Summary) -> Option<String> {
    let doc_title = fold_whitespace(&decode_twice(&summary.meta.title));
    summary.meta.json_ld.iter().find_map(|s| json_ld(s, &doc_title)).and_then(|ld| ld.organisation).and_then(|b| clean_byline(&b))
}

/// The value of a `twitter:dataN` whose `twitter:labelN` is one of `labels` ("Written by").
fn labelled(metas: &[(String, String)], labels: &[&str]) -> Option<String> {
    metas.iter().find_map(|(key, label)| {
        let n = key.strip_prefix("twitter:label")?;
        labels.iter().any(|l| label.trim().eq_ignore_ascii_case(l)).then_some(())?;
        let data = format!("twitter:data{n}");
        metas.iter().find(|(k, v)| *k == data && !v.trim().is_empty()).map(|(_, v)| fold_whitespace(&decode_twice(v)))
    })
}

/// A published time as the page states it, or as an ISO day when the page writes it for
/// people ("Oct 31, 2025" → "2025-10-31").
pub fn normalize_date(t: String) -> String {
    if starts_iso(&t) {
        return t;
    }
    find_dates(&t).into_iter().next().unwrap_or(t)
}

fn starts_iso(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// The ISO days ("YYYY-MM-DD") of the dates written in `text`, in order: ISO, "September
/// 4, 2025", "Sep. 4th, 2025", "4 September 2025", "4. September 2025", "4 de septiembre
/// de 2025", "04.09.2025", "9/4/2025" (month first unless the first number cannot be one).
pub fn find_dates(text: &str) -> Vec<String> {
    dates_with_labels(text).into_iter().map(|(d, _)| d).collect()
}

/// The dates of `text` as `find_dates` finds them, each with whether the words just
/// before it label it as a revision ("Updated", "Last modified"), not a publication.
fn dates_with_labels(text: &str) -> Vec<(String, bool)> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !rules::DATE_FILLERS.contains(&w.as_str()))
        .collect();
    // Slices, not copies: each word is tried as a day, a month and a year at three places.
    fn trim(w: &str) -> &str {
        w.trim_end_matches(['.', ')', ';', ':'])
    }
    let month = |w: &str| {
        let w = trim(w);
        rules::MONTH_NAMES.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
    };
    let day = |w: &str| {
        let w = trim(w);
        let w = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s)).unwrap_or(w);
        w.parse::<u32>().ok().filter(|d| (1..=31).contains(d) && w.len() <= 2)
    };
    let year = |w: &str| {
        let w = trim(w);
        w.parse::<u32>().ok().filter(|y| w.len() == 4 && (1900..=2100).contains(y))
    };
    let mut found = vec![];
    for k in 0..words.len() {
        let at = |j: usize| words.get(k + j).map_or("", String::as_str);
        let date = numeric_date(trim(at(0)))
            .or_else(|| Some((year(at(2))?, month(at(0))?, day(at(1))?)))
            .or_else(|| Some((year(at(2))?, month(at(1))?, day(at(0))?)));
        if let Some((y, m, d)) = date {
            let before = &words[k.saturating_sub(rules::REVISION_LABEL_WORDS)..k];
            let revised = before.iter().any(|w| rules::REVISION_LABELS.iter().any(|l| w.trim_end_matches(':').starts_with(l)));
            found.push((format!("{y:04}-{m:02}-{d:02}"), revised));
        }
    }
    found
}

/// A date written in digits: "2025-09-04…", "04.09.2025", "9/4/2025", "2025/09/04".
fn numeric_date(w: &str) -> Option<(u32, u32, u32)> {
    let valid =
        |y: u32, m: u32, d: u32| ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d));
    if starts_iso(w) {
        let n = |r: std::ops::Range<usize>| w[r].parse::<u32>().ok();
        return valid(n(0..4)?, n(5..7)?, n(8..10)?);
    }
    for sep in ['.', '/'] {
        let parts: Vec<&str> = w.split(sep).collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
            continue;
        }
        let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if parts[0].len() == 4 {
            return valid(n[0], n[1], n[2]);
        }
        if parts[2].len() != 4 {
            return None;
        }
        // Day first with dots (Europe); month first with slashes unless it cannot be one.
        return if sep == '.' || n[0] > 12 { valid(n[2], n[1], n[0]) } else { valid(n[2], n[0], n[1]) };
    }
    None
}

/// Where the page's headline starts: its one visible `<h1>`, else (a page of several)
/// the first visible `<h1>` that reads as the article's title.
fn headline_start(summary: &Summary, title: Option<&str>) -> Option<usize> {
    let h1s: Vec<String> = summary.meta.h1.iter().map(|(_, t)| t.clone()).collect();
    let node = match visible_h1_at(summary, &h1s) {
        Some(k) => summary.meta.h1[k].0,
        None => {
            let title = title?.to_lowercase();
            summary
                .meta
                .h1
                .iter()
                .find(|(n, t)| fold_whitespace(&decode_twice(t)).to_lowercase() == title && !hidden(summary, *n as usize))?
                .0
        }
    };
    Some(summary.nodes[node as usize].start as usize)
}

/// A date shown near the page's headline when the metadata states none: a `<time
/// datetime>` just after the visible `<h1>` (or just before it), else a date written in
/// the text right after it (or right before it: a dateline above the headline).
pub fn date_near_heading(summary: &Summary, source: &str, title: Option<&str>) -> Option<String> {
    let start = headline_start(summary, title)?;
    let node_start = |n: u32| summary.nodes[n as usize].start as usize;
    let times = &summary.meta.times;
    let time = times
        .iter()
        .find(|(n, _)| (start..start + rules::DATE_AFTER_HEADING).contains(&node_start(*n)))
        .or_else(|| times.iter().rev().find(|(n, _)| node_start(*n) < start && node_start(*n) + rules::DATE_BEFORE_HEADING >= start));
    if let Some((_, t)) = time.filter(|(_, t)| !find_dates(t).is_empty()) {
        return Some(t.trim().to_string());
    }
    let after = source.get(start..char_end(source, start + rules::DATE_AFTER_HEADING)).unwrap_or("");
    if let Some(d) = find_dates(&crate::text::source_text(after, 400)).into_iter().next() {
        return Some(d);
    }
    let from = char_end(source, start.saturating_sub(rules::DATE_BEFORE_HEADING));
    let before = source.get(from..start).unwrap_or("");
    let before = before.find('<').map_or("", |lt| &before[lt..]);
    let text = crate::text::source_text(before, rules::DATE_BEFORE_HEADING);
    let tail: String = text.chars().rev().take(300).collect::<Vec<_>>().into_iter().rev().collect();
    find_dates(&tail).pop()
}

/// The publication day written in the text just after the visible `<h1>`: the first
/// date there that no "Updated" label precedes.
pub fn shown_date(summary: &Summary, source: &str, title: Option<&str>) -> Option<String> {
    let start = headline_start(summary, title)?;
    let after = source.get(start..char_end(source, start + rules::SHOWN_DATE_AFTER_HEADING))?;
    dates_with_labels(&crate::text::source_text(after, 400)).into_iter().find(|(_, revised)| !revised).map(|(d, _)| d)
}

/// The first `<time datetime>` inside the article root.
pub fn time_in(summary: &Summary, root: usize) -> Option<String> {
    summary.meta.times.iter().find(|(node, _)| summary.is_within(*node as usize, root)).map(|(_, t)| t.trim().to_string())
}

/// A byline as names: "By Ann Lee and Bo Chen | March 3, 2024" → "Ann Lee and Bo Chen".
/// The prefix, what follows a separator, and a trailing date go; several authors stay
/// joined as the page writes them. Empty or overlong text, or a label, is no byline.
pub fn clean_byline(raw: &str) -> Option<String> {
    let mut b = fold_whitespace(&decode_twice(raw));
    let lower = b.to_ascii_lowercase();
    if rules::NOT_A_NAME.iter().any(|w| lower.starts_with(w)) {
        return None;
    }
    // What follows a separator or an "Updated"/"Edited by" note is not the name.
    if let Some(cut) = rules::BYLINE_STOPS.iter().filter_map(|stop| rules::find(&lower, stop).filter(|&i| i > 0)).min() {
        b.truncate(cut);
    }
    let b = strip_prefix_ignore_case(b.trim(), rules::BYLINE_PREFIXES);
    let b = cut_trailing_date(b);
    let joined = b.trim_matches(|c: char| c == '|' || c == ',' || c == '-' || c == '·' || c == ':' || c.is_whitespace());
    let lower = joined.to_lowercase();
    if rules::BYLINE_LABELS.iter().any(|w| lower == *w) || lower.contains(" min read") || lower.contains(" mins read") {
        return None;
    }
    (!joined.is_empty() && joined.chars().count() < 100).then(|| joined.to_string())
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefixes: &[&str]) -> &'a str {
    for prefix in prefixes {
        if s.len() > prefix.len() && s.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix)) {
            return s[prefix.len()..].trim_start();
        }
    }
    s
}

/// Cuts a date that ends a byline ("Ann Lee March 3, 2024", "Ann Lee 22 Dec 2016").
fn cut_trailing_date(s: &str) -> &str {
    let words: Vec<(usize, &str)> = s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    let has_digit = |k: usize| words.get(k).is_some_and(|(_, w)| w.chars().any(|c| c.is_ascii_digit()));
    let is_date_word = |k: usize| {
        let w = words[k].1.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        // A month name counts next to a number ("March 3", "22 Dec"), not as a name ("Marc", "May Li").
        let month = w.len() >= 3 && rules::MONTHS.iter().any(|m| m.starts_with(&w)) && (has_digit(k + 1) || (k > 0 && has_digit(k - 1)));
        month
            || (w.len() >= 4 && w.chars().take(4).all(|c| c.is_ascii_digit()))
            || (w.contains(['/', ':']) && w.chars().any(|c| c.is_ascii_digit()))
    };
    match (0..words.len()).find(|&k| is_date_word(k)) {
        // A day number before the month belongs to the date too ("22 Dec 2016").
        Some(k) => {
            let before = s[..words[k].0].trim_end();
            let day = before.rsplit(' ').next().filter(|d| {
                let n = ["st", "nd", "rd", "th"].iter().find_map(|x| d.strip_suffix(x)).unwrap_or(d);
                !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
            });
            day.map_or(before, |d| before[..before.len() - d.len()].trim_end())
        }
        None => s,
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || matches!(t, "Report" | "APIReference")
}

fn has_article_type(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => is_article_type(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(is_article_type)),
        _ => false,
    }
}

/// Reads an article out of one JSON-LD block (a single item, an array, or an `@graph`).
fn json_ld(raw: &str, doc_title: &str) -> Option<JsonLd> {
    // Pages wrap JSON-LD in CDATA markers or HTML comments now and then.
    let cleaned = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim_start_matches("<!--").trim_end_matches("-->");
    let parsed: Value = serde_json::from_str(cleaned.trim()).ok()?;
    let items: Vec<&Value> = match &parsed {
        Value::Array(a) => a.iter().collect(),
        v => vec![v],
    };
    let article = items.iter().find_map(|item| {
        if has_article_type(item) {
            return Some(*item);
        }
        item.get("@graph")?.as_array()?.iter().find(|g| has_article_type(g))
    })?;
    let graph: Vec<&Value> = items
        .iter()
        .flat_map(|i| i.get("@graph").and_then(Value::as_array).map(|g| g.iter().collect::<Vec<_>>()).unwrap_or_default())
        .collect();
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(|s| fold_whitespace(&decode_twice(s))).filter(|s| !s.is_empty());
    let name = text(article.get("name"));
    let headline = text(article.get("headline"));
    let title = match (name, headline) {
        (Some(n), Some(h)) if n != h => Some(if similarity(&n, doc_title) > similarity(&h, doc_title) { n } else { h }),
        (n, h) => h.or(n),
    };
    // An `@id` reference is resolved against the @graph ("author": {"@id": "…#person"}).
    fn resolve_item<'v>(v: &'v Value, graph: &[&'v Value]) -> Option<&'v Value> {
        match v.get("name") {
            Some(_) => Some(v),
            None => {
                let id = v.get("@id")?.as_str()?;
                graph.iter().copied().find(|g| g.get("@id").and_then(Value::as_str) == Some(id))
            }
        }
    }
    let resolve = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Object(_) => resolve_item(v, &graph)?.get("name")?.as_str().map(str::to_string),
            _ => None,
        }
    };
    // An organisation is the publisher, not a byline.
    let person = |v: &Value| -> Option<String> {
        let organisation = |t: &str| rules::NOT_PERSON_TYPES.contains(&t);
        let is_org = resolve_item(v, &graph).and_then(|i| i.get("@type")).is_some_and(|t| match t {
            Value::String(t) => organisation(t),
            Value::Array(ts) => ts.iter().any(|t| t.as_str().is_some_and(organisation)),
            _ => false,
        });
        if is_org {
            None
        } else {
            resolve(v)
        }
    };
    let authors: Vec<&Value> = match article.get("author") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => vec![],
    };
    let names = |pick: &dyn Fn(&Value) -> Option<String>| -> Option<String> {
        let names: Vec<String> = authors.iter().filter_map(|v| pick(v)).map(|n| fold_whitespace(&n)).filter(|n| !n.is_empty()).collect();
        (!names.is_empty()).then(|| names.join(", "))
    };
    let byline = names(&person);
    let organisation = if byline.is_none() { names(&resolve) } else { None };
    let image = match article.get("image") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Array(a)) => {
            a.first().and_then(|i| i.as_str().map(str::to_string).or_else(|| i.get("url")?.as_str().map(str::to_string)))
        }
        Some(v) => v.get("url").and_then(Value::as_str).map(str::to_string),
        None => None,
    };
    Some(JsonLd {
        title,
        byline,
        organisation,
        excerpt: text(article.get("description")),
        site_name: article.get("publisher").and_then(&resolve).map(|s| fold_whitespace(&s)).filter(|s| !s.is_empty()),
        published: text(article.get("datePublished")),
        image,
    })
}

/// Share of `a`'s words found in `b` (Readability's text similarity, roughly).
fn similarity(a: &str, b: &str) -> f64 {
    let words =
        |s: &str| s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared as f64 / wa.len().max(wb.len()) as f64
}

const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
const HIERARCHICAL: &[char] = &['\\', '/', '>', '»'];

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Positions of " X " separators in the title.
fn separator_positions(t: &str, set: &[char]) -> Vec<usize> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    chars.windows(3).filter(|w| w[0].1 == ' ' && w[2].1 == ' ' && set.contains(&w[1].1)).map(|w| w[1].0).collect()
}

/// The parts of a title between " X " separators of `set`.
fn title_parts<'t>(title: &'t str, set: &[char]) -> Vec<&'t str> {
    let mut parts = vec![];
    let mut from = 0;
    for at in separator_positions(title, set) {
        parts.push(title[from..at].trim());
        from = at + title[at..].chars().next().map_or(1, char::len_utf8);
    }
    parts.push(title[from..].trim());
    parts
}

/// "Headline - Site": the part the page's `<h1>` repeats, or the part that is not the
/// site's name, is the headline.
fn headline_part<'a>(title: &'a str, h1s: &[String], site_name: Option<&str>) -> Option<String> {
    let parts = title_parts(title, SEPARATORS);
    // "Blog Name: Headline" splits at its colon too, when an <h1> repeats what follows it
    // ("Headline: Subtitle" keeps its subtitle).
    let after_colon =
        |p: &'a str| p.split_once(": ").filter(|(before, after)| word_count(before) <= word_count(after)).map(|(_, after)| after);
    let mut candidates = parts.iter().flat_map(|p| std::iter::once(*p).chain(after_colon(p)));
    if let Some(part) = candidates.find(|p| p.len() < title.len() && h1s.iter().any(|h| same_letters(h, p))) {
        return Some(part.trim().to_string());
    }
    if parts.len() < 2 {
        return None;
    }
    let site = site_name?;
    (parts.len() == 2 && parts.contains(&site)).then(|| parts.iter().find(|p| **p != site).map(|p| p.to_string()))?
}

/// A stated title cut from what its separators add ("Headline | Section | Site",
/// "Headline – Site Name Blog"): the first part, unless it is the site's name or a
/// single word before a longer rest ("Site | Headline"). Only the strongest kind of
/// separator present splits: "Headline - Subtitle | Site" keeps its subtitle.
fn without_site(title: &str, site_name: Option<&str>) -> Option<String> {
    let set = rules::TITLE_SITE_SEPARATORS.iter().find(|set| !separator_positions(title, set).is_empty())?;
    let parts = title_parts(title, set);
    let (first, second) = (parts[0], *parts.get(1)?);
    let site = site_name.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
    let is_site = |p: &str| site.as_deref().is_some_and(|s| s == p.to_lowercase());
    let headline = if is_site(first) || (word_count(first) == 1 && word_count(second) > 3) { second } else { first };
    (!headline.is_empty()).then(|| headline.to_string())
}

/// The title from `<title>`, cut from its site-name suffix the way Readability does.
fn document_title(h1s: &[String], orig: &str, site_name: Option<&str>) -> Option<String> {
    if orig.is_empty() {
        return h1s.first().filter(|h| !h.is_empty()).cloned();
    }
    if let Some(part) = headline_part(orig, h1s, site_name) {
        return Some(part);
    }
    // "Headline | Section | Site": the headline before both.
    if rules::TITLE_SITE_SEPARATORS.iter().any(|set| separator_positions(orig, set).len() >= 2) {
        if let Some(headline) = without_site(orig, site_name).filter(|h| word_count(h) >= 3) {
            return Some(headline);
        }
    }
    // A short title keeps its suffix (Readability's caution) unless that is plainly the
    // site: its name, or a host name ("GAME CHANGER | Newegg.com").
    let site_suffix = title_parts(orig, SEPARATORS).last().is_some_and(|p| {
        site_name.is_some_and(|s| same_words(s.trim(), p))
            || (!p.contains(' ') && url::Host::parse(p).is_ok_and(|h| matches!(h, url::Host::Domain(d) if d.contains('.'))))
    });
    let seps = separator_positions(orig, SEPARATORS);
    let mut hierarchical = false;
    let mut title = orig.to_string();
    if let Some(&last) = seps.last() {
        hierarchical = !separator_positions(orig, HIERARCHICAL).is_empty();
        title = orig[..last].trim().to_string();
        if word_count(&title) < 3 && !site_suffix {
            let first = seps[0];
            let sep_len = orig[first..].chars().next().map_or(1, char::len_utf8);
            title = orig[first + sep_len..].trim().to_string();
        }
    } else if orig.contains(": ") {
        if !h1s.iter().any(|h| h == orig) {
            let after_last = orig.rsplit(": ").next().unwrap_or(orig).trim().to_string();
            title = after_last;
            if word_count(&title) < 3 {
                title = orig.split_once(": ").map_or(orig, |(_, r)| r).trim().to_string();
            } else if orig.split(": ").next().map_or(0, word_count) > 5 {
                title = orig.to_string();
            }
        }
    } else if (orig.chars().count() > 150 || orig.chars().count() < 15) && h1s.len() == 1 {
        title = h1s[0].clone();
    }
    let title = fold_whitespace(&title);
    let without_seps: String = orig.chars().filter(|c| !SEPARATORS.contains(c)).collect();
    if word_count(&title) <= 4 && !site_suffix && (!hierarchical || word_count(&title) != word_count(&without_seps).saturating_sub(1)) {
        return Some(orig.to_string());
    }
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metadata of a whole page.
    fn page(html: &str) -> Article {
        let (summary, _) = crate::scan_page(html.as_bytes(), None).unwrap();
        read(&summary, None)
    }

    #[test]
    fn visible_h1_beats_a_reworded_seo_title() {
        let html = r#"<html><head><title>Health And Nutrition Trends For 2026 - Tastebud</title>
            <meta property="og:title" content="Health And Nutrition Trends For 2026 - Tastebud"></head>
            <body><header><a href="/">Tastebud</a></header><h1>Top 10 Health and Nutrition Trends to Watch</h1><p>Text.</p></body></html>"#;
        assert_eq!(page(html).title.as_deref(), Some("Top 10 Health and Nutrition Trends to Watch"));
        // The <h1> is the <title>'s headline, and og:title drops a word of it.
        let shortened = r#"<title>Your Car Maintenance Checklist - Road Tests</title>
            <meta property="og:title" content="Your Maintenance Checklist - Road Tests"><h1>Your Car Maintenance Checklist</h1>"#;
        assert_eq!(page(shortened).title.as_deref(), Some("Your Car Maintenance Checklist"));
    }

    #[test]
    fn h1_that_is_no_headline_loses() {
        // The blog's name in the <h1>, the headline in og:title.
        let blog = r#"<title>Silicon Notes: Open Verilog flow for small logic devices</title>
            <meta property="og:title" content="Open Verilog flow for small logic devices"><h1>Silicon Notes</h1>"#;
        assert_eq!(page(blog).title.as_deref(), Some("Open Verilog flow for small logic devices"));
        // A section name sharing one word with the headline.
        let section = r#"<title>What Superbugs Are and How You Get Them</title><h1>Information and Resources</h1>"#;
        assert_eq!(page(section).title.as_deref(), Some("What Superbugs Are and How You Get Them"));
        // Two headlines: none is the page's own.
        let two = r#"<meta property="og:title" content="Rail yard to become a park"><h1>Rail yard park</h1><h1>Rail yard news</h1>"#;
        assert_eq!(page(two).title.as_deref(), Some("Rail yard to become a park"));
        // A hidden <h1> is not seen.
        let hidden = r#"<meta property="og:title" content="Rail yard to become a park"><div hidden><h1>Rail yard park plan</h1></div>"#;
        assert_eq!(page(hidden).title.as_deref(), Some("Rail yard to become a park"));
    }

    #[test]
    fn stated_title_loses_its_site_and_section() {
        let cases = [
            ("How to Make a Good Game: 5 Mistakes and Tips to Avoid | GameKit", "How to Make a Good Game: 5 Mistakes and Tips to Avoid"),
            (
                "How to help babies sleep through the night | Patient Education | City Hospital",
                "How to help babies sleep through the night",
            ),
            ("A brief intro to git • Ann Lee", "A brief intro to git"),
            ("Best Moving Companies in New York (2025) – Top Local Movers - Freight News", "Best Moving Companies in New York (2025)"),
            // Only the strongest separator splits: the dash is the headline's own.
            ("Friday Facts #282 - 0.17 in sight | Factory Game", "Friday Facts #282 - 0.17 in sight"),
            // A lone word before a longer rest is the site.
            ("Leadbird | State of SEO in 2026: Trends and Predictions", "State of SEO in 2026: Trends and Predictions"),
            ("GAME CHANGER | Shop.com", "GAME CHANGER"),
        ];
        for (stated, headline) in cases {
            assert_eq!(without_site(stated, None).as_deref(), Some(headline), "{stated}");
        }
        assert_eq!(
            without_site("Egg Digest | The best egg recipes of 2025", Some("Egg Digest")).as_deref(),
            Some("The best egg recipes of 2025")
        );
        assert_eq!(without_site("Post-Production Review and Approval", None), None);
    }

    #[test]
    fn h1_adding_a_section_keeps_the_title() {
        let html = r#"<meta property="og:title" content="How meditation rewires brains | Opinion">
            <h1>How meditation rewires brains | Opinion</h1>"#;
        assert_eq!(page(html).title.as_deref(), Some("How meditation rewires brains"));
        // A section and the site after it, in the <h1> and in a <title> that is all the page states.
        let sections = r#"<title>How to help babies sleep through the night | Patient Education | City Hospital</title>
            <h1>How to help babies sleep through the night | Patient Education | City Hospital</h1>"#;
        assert_eq!(page(sections).title.as_deref(), Some("How to help babies sleep through the night"));
        // A section's label before it, or the date beside it.
        let label = r#"<meta property="og:title" content="Best Ad Agencies of 2025 (Ranked) | Ad Notes">
            <h1>Blog: Best Ad Agencies of 2025 (Ranked)</h1>"#;
        assert_eq!(page(label).title.as_deref(), Some("Best Ad Agencies of 2025 (Ranked)"));
        let dated = r#"<meta property="og:title" content="Preparing a transition in Debusine">
            <h1><a href="/p"><time datetime="2025-12-18">Dec 18 2025</time> Preparing a transition in Debusine</a></h1>"#;
        assert_eq!(page(dated).title.as_deref(), Some("Preparing a transition in Debusine"));
        // A longer addition is the headline's subtitle.
        let html = r#"<meta property="og:title" content="Machine Learning in Shops | Shopwise">
            <h1>Machine Learning in Shops – 10 Benefits, Use Cases and Best Practices</h1>"#;
        assert_eq!(page(html).title.as_deref(), Some("Machine Learning in Shops – 10 Benefits, Use Cases and Best Practices"));
    }

    #[test]
    fn doubly_escaped_title() {
        let html = r#"<meta property="og:title" content="And finally&amp;#8230; trouble brewing">"#;
        assert_eq!(page(html).title.as_deref(), Some("And finally… trouble brewing"));
    }

    #[test]
    fn h1_differing_only_in_quote_style_keeps_the_stated_title() {
        let html = r#"<meta property="og:title" content="Why Hasn't Tutoring Been More Effective?"><h1>Why Hasn’t Tutoring Been More Effective?</h1>"#;
        assert_eq!(page(html).title.as_deref(), Some("Why Hasn't Tutoring Been More Effective?"));
        // Other punctuation is the page's own: the <h1> keeps its question mark.
        let html = r#"<meta property="og:title" content="Cloud Innovations: What's Next in 2025"><h1>Cloud Innovations: What's Next in 2025?</h1>"#;
        assert_eq!(page(html).title.as_deref(), Some("Cloud Innovations: What's Next in 2025?"));
    }

    #[test]
    fn json_ld_headline_cut_short_or_describing_loses_to_the_meta_title() {
        let ld = |headline: &str| format!(r#"<script type="application/ld+json">{{"@type":"Article","headline":"{headline}"}}</script>"#);
        let html = format!(
            r#"<title>Fix It Friday: We Help 4 Readers (Including One Trick) - Emily</title><meta property="og:title" content="Fix It Friday: We Help 4 Readers (Including One Trick)">{}<div><h1 hidden>x</h1></div>"#,
            ld("Fix It Friday: We Help 4 Readers (Including")
        );
        assert_eq!(page(&html).title.as_deref(), Some("Fix It Friday: We Help 4 Readers (Including One Trick)"));
        let html = format!(
            r#"<meta property="og:title" content="Top 24 tools for data analysis">{}<h1>Top 24 tools for data analysis</h1>"#,
            ld("Take a look at the top tools for data analysis and learn how to choose one.")
        );
        assert_eq!(page(&html).title.as_deref(), Some("Top 24 tools for data analysis"));
    }

    #[test]
    fn capitals_heading_broken_over_lines_takes_the_stated_case() {
        let html = r#"<title>Weekend Coding Agent | Focus Labs</title><h1>WEEKEND<br>CODING AGENT</h1>"#;
        assert_eq!(page(html).title.as_deref(), Some("Weekend Coding Agent"));
    }

    #[test]
    fn heading_beside_an_h1_naming_the_site() {
        let html = r#"<meta property="og:site_name" content="Houstonia Magazine"><title>Hottest New Restaurants, December | Houstonia Magazine</title>
            <h1>Houstonia Magazine</h1><h1>Hottest New Restaurants</h1>"#;
        assert_eq!(page(html).title.as_deref(), Some("Hottest New Restaurants"));
    }

    #[test]
    fn site_name_before_a_colon_or_as_a_host_is_cut() {
        let html = r#"<meta property="og:title" content="Garnix Blog: Hardware-Attested Nix Builds"><h1>Hardware-Attested Nix Builds</h1><h1>What is attestation</h1>"#;
        assert_eq!(page(html).title.as_deref(), Some("Hardware-Attested Nix Builds"));
        // A headline and its subtitle stay together.
        let html = r#"<meta property="og:title" content="Index Funds: How to Invest | Vanguard"><h1>Index funds</h1><h1>Why</h1>"#;
        assert_eq!(page(html).title.as_deref(), Some("Index Funds: How to Invest"));
        assert_eq!(page("<title>GAME CHANGER | Newegg.com</title>").title.as_deref(), Some("GAME CHANGER"));
    }

    #[test]
    fn byline_prefix_removed() {
        assert_eq!(clean_byline("  By   Ann Lee "), Some("Ann Lee".to_string()));
        assert_eq!(clean_byline("Bylines Matter"), Some("Bylines Matter".to_string()));
        assert_eq!(clean_byline("   "), None);
        // JSON-LD names escaped as HTML.
        assert_eq!(clean_byline("Maria &amp; Katerina"), Some("Maria & Katerina".to_string()));
    }

    #[test]
    fn byline_is_names_only() {
        let cases = [
            ("By Ann Lee and Bo Chen", "Ann Lee and Bo Chen"),
            ("Text by Hunter Dukes", "Hunter Dukes"),
            ("Recipe by PJ Hamel", "PJ Hamel"),
            ("Posted by: Idle Cartulary", "Idle Cartulary"),
            ("Written By: Cazzy Magennis Last updated: May 2, 2025", "Cazzy Magennis"),
            ("Author: Ashley Biancuzzo , Associate Editor, PCWorld", "Ashley Biancuzzo"),
            ("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"),
            ("by Lucas Nolan 22 Dec 2016 651", "Lucas Nolan"),
            ("by Ann Lee 18th Dec 2025", "Ann Lee"),
            ("By Nathan Willis March 25, 2015", "Nathan Willis"),
            ("Written by Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"),
            ("James Akinaka • 8h", "James Akinaka"),
            ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", "GILLIAN MOHNEY"),
            ("Stella Kim, Jennifer Jett", "Stella Kim, Jennifer Jett"),
            ("Ann Lee | Updated 2 hours ago", "Ann Lee"),
            ("Mac & i", "Mac & i"),
            ("By John Maynard", "John Maynard"),
            ("By Marc Ambinder", "Marc Ambinder"),
            ("May Li, 3 May 2024", "May Li"),
        ];
        for (raw, name) in cases {
            assert_eq!(clean_byline(raw).as_deref(), Some(name), "{raw}");
        }
        for not_a_name in ["Last Updated: January 7, 2025", "Sunday, 5 May", "April 28, 2019 at 6:01 am", "About the Author", "Written By"]
        {
            assert_eq!(clean_byline(not_a_name), None, "{not_a_name}");
        }
    }

    #[test]
    fn json_ld_graph_with_author_reference() {
        let raw = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://x.test/#site","name":"X News"},
            {"@type":"NewsArticle","headline":"Big &amp; Small","datePublished":"2025-01-22T10:00:00Z",
             "author":{"@id":"https://x.test/#ann"},"publisher":{"@id":"https://x.test/#org"}},
            {"@type":"Person","@id":"https://x.test/#ann","name":"Ann Lee"},
            {"@type":"Organization","@id":"https://x.test/#org","name":"X News Inc"}]}"##;
        let ld = json_ld(raw, "").unwrap();
        assert_eq!(ld.title.as_deref(), Some("Big & Small"));
        assert_eq!(ld.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(ld.site_name.as_deref(), Some("X News Inc"));
        assert_eq!(ld.published.as_deref(), Some("2025-01-22T10:00:00Z"));
    }

    #[test]
    fn written_by_label_names_the_author() {
        let html = r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Albert Swann">
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">"#;
        assert_eq!(page(html).byline.as_deref(), Some("Albert Swann"));
        let html = r#"<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">"#;
        assert_eq!(page(html).byline, None);
    }

    #[test]
    fn labels_are_no_bylines() {
        for label in ["admin", "Written By", "Author", "5 mins read", "About the Author"] {
            assert_eq!(clean_byline(label), None, "{label}");
        }
        // A name that starts like a label is still a name.
        assert_eq!(clean_byline("adminn").as_deref(), Some("adminn"));
        assert_eq!(clean_byline("Staff Clinician").as_deref(), Some("Staff Clinician"));
    }

    #[test]
    fn organisation_author_is_a_last_resort() {
        let raw = r#"{"@type":"BlogPosting","headline":"Hi","author":{"@type":"Organization","name":"Rapid Nine"}}"#;
        let ld = json_ld(raw, "").unwrap();
        assert_eq!(ld.byline, None);
        assert_eq!(ld.organisation.as_deref(), Some("Rapid Nine"));
        let raw = r#"{"@type":"BlogPosting","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Organization","name":"Rapid Nine"}]}"#;
        assert_eq!(json_ld(raw, "").unwrap().byline.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn visible_dates_become_iso_days() {
        let cases = [
            ("September 4, 2025", "2025-09-04"),
            ("Published Sep. 4th, 2025 by Ann", "2025-09-04"),
            ("Posted on 4 September 2025", "2025-09-04"),
            ("Veröffentlicht am 4. September 2025", "2025-09-04"),
            ("4 de septiembre de 2025", "2025-09-04"),
            ("le 4 septembre 2025", "2025-09-04"),
            ("04.09.2025", "2025-09-04"),
            ("9/4/2025", "2025-09-04"),
            ("31/12/2024", "2024-12-31"),
            ("2025-09-04T12:50:36+00:00", "2025-09-04"),
        ];
        for (text, day) in cases {
            assert_eq!(find_dates(text).first().map(String::as_str), Some(day), "{text}");
        }
        for text in ["May Li wrote 3 posts", "Top 10 picks for 2025", "01/07/16", "version 1.2.2025a"] {
            assert_eq!(find_dates(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(normalize_date("Oct 31, 2025".to_string()), "2025-10-31");
        assert_eq!(normalize_date("2025-10-31T08:00:00Z".to_string()), "2025-10-31T08:00:00Z");
    }

    #[test]
    fn date_shown_under_the_headline() {
        let (summary, source) = crate::scan_page(
            br#"<body><h1>Rail yard to become a park</h1><p class="meta">By Ann Lee &middot; March 3, 2024</p><p>Text from 1 May 2020.</p></body>"#,
            None,
        )
        .unwrap();
        assert_eq!(date_near_heading(&summary, &source, None).as_deref(), Some("2024-03-03"));
        let (summary, source) =
            crate::scan_page(br#"<body><h1>Rail yard</h1><div><time datetime="2024-03-03T10:00:00Z">Sunday</time></div></body>"#, None)
                .unwrap();
        assert_eq!(date_near_heading(&summary, &source, None).as_deref(), Some("2024-03-03T10:00:00Z"));
    }

    #[test]
    fn date_under_the_title_among_several_h1s() {
        let (summary, source) = crate::scan_page(
            br#"<body><header><h1>Rail News</h1><p>Sunday, 5 May 2024</p></header><h1>Rail yard to become a park</h1>
            <p>By Ann Lee, March 3, 2024</p><p>Text.</p></body>"#,
            None,
        )
        .unwrap();
        let title = Some("Rail yard to become a park");
        assert_eq!(date_near_heading(&summary, &source, title).as_deref(), Some("2024-03-03"));
        assert_eq!(shown_date(&summary, &source, title).as_deref(), Some("2024-03-03"));
        // Without a title to tell them apart, no heading is the article's.
        assert_eq!(date_near_heading(&summary, &source, None), None);
    }

    #[test]
    fn shown_date_skips_revisions() {
        let (summary, source) =
            crate::scan_page(br#"<body><h1>Rail yard</h1><p>Last updated: May 2, 2025</p><p>By Ann Lee, March 3, 2024</p></body>"#, None)
                .unwrap();
        assert_eq!(shown_date(&summary, &source, None).as_deref(), Some("2024-03-03"));
        let (summary, source) = crate::scan_page(br#"<body><h1>Rail yard</h1><p>Updated on May 2, 2025</p></body>"#, None).unwrap();
        assert_eq!(shown_date(&summary, &source, None), None);
        assert_eq!(dates_with_labels("Aktualisiert am 4. September 2025"), vec![("2025-09-04".to_string(), true)]);
    }

    #[test]
    fn shown_date_beats_a_contradicting_stated_one() {
        let page = |stated: &str| {
            let html = format!(
                r#"<html><head><meta property="article:published_time" content="{stated}"></head><body><h1>Rail yard</h1>
                <p>March 3, 2024</p><p>{}</p></body></html>"#,
                "The council voted to turn the old rail yard into a park. ".repeat(8)
            );
            crate::extract(html.as_bytes(), &crate::Options::default()).unwrap().published_time
        };
        assert_eq!(page("2021-01-01T10:00:00Z").as_deref(), Some("2024-03-03"));
        assert_eq!(page("2024-03-03T10:00:00Z").as_deref(), Some("2024-03-03T10:00:00Z"));
    }

    #[test]
    fn microdata_date_published_on_any_element() {
        let html = r#"<article><span itemprop="datePublished" content="2024-03-03">3 March</span><h1>Rail yard</h1></article>"#;
        assert_eq!(page(html).published_time.as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn json_ld_several_authors() {
        let raw = r#"[{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}]}]"#;
        assert_eq!(json_ld(raw, "").unwrap().byline.as_deref(), Some("Ann Lee, Bo Chen"));
    }

    #[test]
    fn title_separator() {
        let s: Vec<String> = vec![];
        assert_eq!(document_title(&s, "A long article headline here | Site Name", None).as_deref(), Some("A long article headline here"));
        assert_eq!(document_title(&s, "Site Name - A long article headline here", None).as_deref(), Some("A long article headline here"));
    }
}
