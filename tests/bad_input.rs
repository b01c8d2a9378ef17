//! Hostile, broken, huge and oddly encoded input: every case finishes without a panic
//! and gives `Ok` (with what a reader should see) or a clear `Err`.

use std::time::{Duration, Instant};

use lectern::{extract, is_probably_readerable, Article, Extractor, Options};

mod common;
use common::{fold, page_bytes, PARAGRAPHS};

fn page(payload: &str) -> Vec<u8> {
    common::page(payload).into_bytes()
}

fn assert_paragraphs(article: &Article, what: &str) {
    let text = fold(&article.text);
    for (i, p) in PARAGRAPHS.iter().enumerate() {
        assert!(
            text.contains(p),
            "[{what}] paragraph {} missing; text starts: {:?}",
            i + 1,
            &article.text.chars().take(400).collect::<String>()
        );
    }
}

/// Runs `extract` and `is_probably_readerable`; both must return (no panic). An `Err`
/// must have a message.
fn try_extract(html: &[u8], options: &Options) -> Result<Article, lectern::Error> {
    let _ = is_probably_readerable(html);
    let result = extract(html, options);
    if let Err(e) = &result {
        assert!(!e.to_string().trim().is_empty(), "an error without a message: {e:?}");
    }
    result
}

/// Runs `is_probably_readerable` and `extract` on a large page, each within `limit`
/// (generous for a debug build: linear work on these pages takes well under a second).
/// They run on a worker thread so a runaway case fails at the limit instead of hanging.
fn timed_extract(what: &str, html: &[u8], options: &Options, limit: Duration) -> Result<Article, lectern::Error> {
    let (tx, rx) = std::sync::mpsc::channel();
    let (html, options) = (html.to_vec(), options.clone());
    std::thread::spawn(move || {
        let started = Instant::now();
        let _ = is_probably_readerable(&html);
        let _ = tx.send(Err(started.elapsed()));
        let started = Instant::now();
        let result = extract(&html, &options);
        let _ = tx.send(Ok((result, started.elapsed())));
    });
    let readerable_took = match rx.recv_timeout(limit) {
        Ok(Err(took)) => took,
        Ok(Ok(_)) => unreachable!(),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("[{what}] too slow: is_probably_readerable still running after {limit:?}")
        }
        Err(e) => panic!("[{what}] is_probably_readerable panicked ({e})"),
    };
    let (result, extract_took) = match rx.recv_timeout(limit) {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => unreachable!(),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("[{what}] too slow: extract still running after {limit:?} (is_probably_readerable took {readerable_took:?})")
        }
        Err(e) => panic!("[{what}] extract panicked ({e})"),
    };
    assert!(
        readerable_took < limit && extract_took < limit,
        "[{what}] too slow: is_probably_readerable took {readerable_took:?}, extract took {extract_took:?} (limit {limit:?} each)"
    );
    if let Err(e) = &result {
        assert!(!e.to_string().trim().is_empty(), "an error without a message: {e:?}");
    }
    result
}

/// Feeds `html` to the streaming extractor in chunks of `size` bytes.
fn stream(html: &[u8], options: &Options, size: usize) -> Result<Article, lectern::Error> {
    let mut ex = Extractor::new(options.clone());
    for chunk in html.chunks(size.max(1)) {
        ex.write(chunk)?;
    }
    ex.end()
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        let v = seed.wrapping_mul(0x2545_f491_4f6c_dd1d);
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.truncate(len);
    out
}

#[test]
fn empty_input() {
    // An empty article, not an error: the extension says "no article found".
    let a = try_extract(b"", &Options::new()).expect("an empty page is an empty article");
    assert_eq!((a.text.as_str(), a.content.as_str(), a.title.as_deref()), ("", "", None));
    assert_eq!((a.word_count, a.reading_minutes, a.readerable), (0, 0, false));
    assert!(!is_probably_readerable(b""));
    // The streaming extractor with no writes at all, and with empty writes.
    let _ = Extractor::new(Options::new()).end();
    let mut ex = Extractor::new(Options::new());
    ex.write(b"").unwrap();
    ex.write(b"").unwrap();
    let _ = ex.end();
}

#[test]
fn only_whitespace() {
    let ws = b" \t\r\n\x0c   \n\n\t ".repeat(1000);
    match try_extract(&ws, &Options::new()) {
        Ok(a) => {
            assert!(a.text.trim().is_empty(), "text from whitespace: {:?}", a.text);
            assert_eq!(a.word_count, 0);
            assert!(!a.readerable);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

#[test]
fn binary_garbage() {
    let bytes = garbage(1 << 20, 0x9e37_79b9_7f4a_7c15);
    let started = Instant::now();
    let whole = try_extract(&bytes, &Options::new());
    let streamed = stream(&bytes, &Options::new(), 4093);
    assert!(started.elapsed() < Duration::from_secs(60), "1 MB of garbage took {:?}", started.elapsed());
    if let (Ok(a), Ok(b)) = (&whole, &streamed) {
        assert_eq!(a, b, "streaming gave a different article for the same garbage");
        assert!(!a.content.to_ascii_lowercase().contains("<script"));
    }
    // Garbage with a few angle brackets and NULs mixed in.
    let mut soup = garbage(1 << 18, 42);
    for (i, b) in soup.iter_mut().enumerate() {
        match i % 97 {
            0 => *b = b'<',
            13 => *b = b'>',
            29 => *b = 0,
            _ => {}
        }
    }
    let _ = try_extract(&soup, &Options::new());
}

#[test]
fn garbage_bytes_around_a_real_article() {
    let mut html = garbage(50_000, 7);
    html.retain(|b| *b != b'<');
    html.extend_from_slice(&page(""));
    html.extend_from_slice(&garbage(50_000, 8));
    let a = try_extract(&html, &Options::new()).expect("a page with noise around it still extracts");
    assert_paragraphs(&a, "garbage around article");
}

#[test]
fn invalid_utf8_inside_article() {
    let payload: &[u8] = b"<p>Broken bytes \xff\xfe\xc3\x28 and \xe2\x82 in the middle of this note about the otters and their young.</p>";
    let html = page_bytes(b"<meta charset=\"utf-8\">", payload);
    let a = try_extract(&html, &Options::new()).expect("invalid UTF-8 is replaced, not an error");
    assert_paragraphs(&a, "invalid utf-8");
    assert!(a.text.contains("Broken bytes"), "the broken paragraph's valid part is lost: {}", a.text);
    assert!(a.text.contains('\u{fffd}'), "invalid bytes should become U+FFFD: {}", a.text);
    // Streamed byte by byte, the invalid sequences split across writes give the same result.
    let b = stream(&html, &Options::new(), 1).unwrap();
    assert_eq!(a, b);
}

#[test]
fn utf16_with_bom() {
    let source = String::from_utf8(page("<p>Вода чистая — 川のカワウソ — ÿ.</p>")).unwrap().replace("<meta charset=\"utf-8\">", "");
    let mut bytes = vec![0xff, 0xfe];
    for unit in source.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let a = try_extract(&bytes, &Options::new()).expect("a UTF-16LE page");
    assert_paragraphs(&a, "utf-16le");
    assert!(a.text.contains("Вода чистая — 川のカワウソ — ÿ."), "non-ASCII paragraph lost: {}", a.text);
    assert_eq!(a.title.as_deref(), Some("The Quiet Return of the River Otters"));
    // Odd chunk sizes split code units across writes.
    let b = stream(&bytes, &Options::new(), 3).unwrap();
    assert_eq!(a, b);
    // Big-endian, by its own BOM: the same article.
    let mut big = vec![0xfe, 0xff];
    for unit in source.encode_utf16() {
        big.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(try_extract(&big, &Options::new()).expect("a UTF-16BE page"), a);
}

/// "Привет, мир! Это статья о реке." in windows-1251.
const CP1251_SENTENCE: &[u8] = &[
    0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x21, 0x20, 0xdd, 0xf2, 0xee, 0x20, 0xf1, 0xf2, 0xe0, 0xf2, 0xfc,
    0xff, 0x20, 0xee, 0x20, 0xf0, 0xe5, 0xea, 0xe5, 0x2e,
];
const CP1251_TEXT: &str = "Привет, мир! Это статья о реке.";

/// "日本語の記事です。川のカワウソが戻ってきました。" in Shift_JIS.
const SJIS_SENTENCE: &[u8] = &[
    0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x8b, 0x4c, 0x8e, 0x96, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42, 0x90, 0xec, 0x82, 0xcc,
    0x83, 0x4a, 0x83, 0x8f, 0x83, 0x45, 0x83, 0x5c, 0x82, 0xaa, 0x96, 0xdf, 0x82, 0xc1, 0x82, 0xc4, 0x82, 0xab, 0x82, 0xdc, 0x82, 0xb5,
    0x82, 0xbd, 0x81, 0x42,
];
const SJIS_TEXT: &str = "日本語の記事です。川のカワウソが戻ってきました。";

/// "中文文章内容，水獭回到了河边。" in GB18030.
const GB_SENTENCE: &[u8] = &[
    0xd6, 0xd0, 0xce, 0xc4, 0xce, 0xc4, 0xd5, 0xc2, 0xc4, 0xda, 0xc8, 0xdd, 0xa3, 0xac, 0xcb, 0xae, 0xcc, 0xa1, 0xbb, 0xd8, 0xb5, 0xbd,
    0xc1, 0xcb, 0xba, 0xd3, 0xb1, 0xdf, 0xa1, 0xa3,
];
const GB_TEXT: &str = "中文文章内容，水獭回到了河边。";

/// A paragraph of the encoded sentence, repeated so it is a real paragraph.
fn encoded_paragraph(sentence: &[u8]) -> Vec<u8> {
    let mut p = b"<p>".to_vec();
    for _ in 0..6 {
        p.extend_from_slice(sentence);
        p.push(b' ');
    }
    p.extend_from_slice(b"</p>");
    p
}

fn check_legacy(what: &str, head: &[u8], options: &Options, sentence: &[u8], expected: &str) {
    let html = page_bytes(head, &encoded_paragraph(sentence));
    let a = try_extract(&html, options).unwrap_or_else(|e| panic!("[{what}] {e}"));
    assert_paragraphs(&a, what);
    assert!(a.text.contains(expected), "[{what}] {expected:?} not decoded; text: {}", a.text);
    assert!(!a.text.contains('\u{fffd}'), "[{what}] replacement characters in text: {}", a.text);
    for size in [1, 7, 1000] {
        let b = stream(&html, options, size).unwrap();
        if a != b {
            let diff = |x: &Article| {
                x.text.lines().find(|l| l.contains(expected) || l.contains('\u{fffd}')).map(|l| l.chars().take(80).collect::<String>())
            };
            panic!("[{what}] streaming in {size}-byte chunks differs from extract(): whole {:?}, streamed {:?}", diff(&a), diff(&b));
        }
    }
}

#[test]
fn windows_1251_by_meta() {
    check_legacy("windows-1251 meta", b"<meta charset=\"windows-1251\">", &Options::new(), CP1251_SENTENCE, CP1251_TEXT);
}

#[test]
fn windows_1251_by_http_equiv() {
    check_legacy(
        "windows-1251 http-equiv",
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
        &Options::new(),
        CP1251_SENTENCE,
        CP1251_TEXT,
    );
}

#[test]
fn legacy_charsets_by_caller() {
    for (label, sentence, text) in
        [("windows-1251", CP1251_SENTENCE, CP1251_TEXT), ("Shift_JIS", SJIS_SENTENCE, SJIS_TEXT), ("GB18030", GB_SENTENCE, GB_TEXT)]
    {
        check_legacy(&format!("{label} caller"), b"", &Options::new().charset(label), sentence, text);
        // The caller's charset (the Content-Type header's) wins over a wrong meta.
        check_legacy(&format!("{label} caller over meta"), b"<meta charset=\"utf-8\">", &Options::new().charset(label), sentence, text);
    }
}

#[test]
fn shift_jis_by_meta() {
    check_legacy("shift_jis meta", b"<meta charset=\"Shift_JIS\">", &Options::new(), SJIS_SENTENCE, SJIS_TEXT);
}

#[test]
fn gb18030_by_meta() {
    check_legacy("gb18030 meta", b"<meta charset=\"gb18030\">", &Options::new(), GB_SENTENCE, GB_TEXT);
    // gb2312 is a label of the same decoder.
    check_legacy("gb2312 meta", b"<meta charset=\"gb2312\">", &Options::new(), GB_SENTENCE, GB_TEXT);
}

#[test]
fn unknown_charset_label() {
    let html = page_bytes(b"<meta charset=\"x-no-such-charset\">", b"");
    let a = try_extract(&html, &Options::new().charset("also-not-a-charset")).expect("unknown labels fall back");
    assert_paragraphs(&a, "unknown charset");
}

#[test]
fn frameset_only() {
    let html = b"<!DOCTYPE html><html><head><title>Frames</title></head><frameset cols=\"50%,50%\"><frame src=\"left.html\"><frame src=\"javascript:alert(1)\"><noframes><p>Your browser does not support frames.</p></noframes></frameset></html>";
    let a = try_extract(html, &Options::new().url("https://example.com/")).expect("a frameset page is read");
    assert!(!a.readerable, "a frameset is not an article");
    assert_eq!(a.title.as_deref(), Some("Frames"));
    let lower = a.content.to_ascii_lowercase();
    assert!(!lower.contains("<frame") && !lower.contains("javascript:"), "{}", a.content);
}

#[test]
fn template_heavy_page() {
    let mut payload = String::new();
    for i in 0..2000 {
        payload.push_str(&format!(
            "<template id=\"t{i}\"><div class=\"card\"><p>TEMPLATE-ONLY card {i} with enough words to look like a real paragraph of prose in a page about otters and rivers.</p><script>alert({i})</script></div></template>"
        ));
    }
    // Templates in the head and after the article too.
    let html = page_bytes(
        b"<meta charset=\"utf-8\"><template><p>TEMPLATE-ONLY in head</p></template>",
        format!("{payload}<template><template><p>TEMPLATE-ONLY nested</p></template></template>").as_bytes(),
    );
    let a = try_extract(&html, &Options::new()).expect("a template-heavy page");
    assert_paragraphs(&a, "templates");
    assert!(
        !a.text.contains("TEMPLATE-ONLY") && !a.content.contains("TEMPLATE-ONLY"),
        "template content in output: {}",
        &a.text.chars().take(500).collect::<String>()
    );
    assert!(!a.content.contains("<template") && !a.content.contains("<script"));
}

#[test]
fn deeply_nested_divs() {
    let depth = 100_000;
    let mut html =
        b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>The Quiet Return of the River Otters</title></head><body>".to_vec();
    html.extend_from_slice(&b"<div>".repeat(depth));
    let article = page("");
    let start = article.windows(6).position(|w| w == b"<main>").unwrap();
    let end = article.windows(7).position(|w| w == b"</main>").unwrap() + 7;
    html.extend_from_slice(&article[start..end]);
    html.extend_from_slice(&b"</div>".repeat(depth));
    html.extend_from_slice(b"</body></html>");
    let a = timed_extract("100 000 nested divs", &html, &Options::new(), Duration::from_secs(20)).expect("deep nesting is not an error");
    assert_paragraphs(&a, "100 000 nested divs");
}

#[test]
fn many_streamed_parts_that_hold_each_other() {
    // 20 000 placeholders and parts, each part holding the next one's placeholder and its
    // own (a cycle), and nested templates: the splice stays linear and ends.
    let n = 20_000;
    let mut payload = String::from("<template id=\"B:0\"></template><div>Loading</div>");
    for k in 0..n {
        payload.push_str(&format!("<div hidden id=\"S:{k:x}\"><p>Part {k}</p><template id=\"P:{:x}\"></template><template id=\"B:{k:x}\"><template id=\"P:{k:x}\"></template></template></div>", k + 1));
    }
    let html = page(&payload);
    let options = Options::new().mark_removed(true);
    let a = timed_extract("20 000 streamed parts", &html, &options, Duration::from_secs(20)).expect("streamed parts are not an error");
    assert_paragraphs(&a, "20 000 streamed parts");
}

#[test]
fn deeply_nested_unclosed_inline_and_blocks() {
    // Unclosed <b>/<span>/<div> around the article, never closed at all.
    let mut payload = String::new();
    for _ in 0..10_000 {
        payload.push_str("<span><b><div>");
    }
    payload.push_str("<p>Deep inside the unclosed wrappers there is still a sentence about otters.</p>");
    let html = page(&payload);
    let a = timed_extract("10 000 x <span><b><div> unclosed", &html, &Options::new(), Duration::from_secs(5)).expect("unclosed nesting");
    let text = fold(&a.text);
    for p in &PARAGRAPHS[..3] {
        assert!(text.contains(p), "paragraph before the wrappers lost: {p}");
    }
}

#[test]
fn enormous_text_node() {
    let words = 1_000_000;
    let mut payload = String::with_capacity(words * 5 + 10);
    payload.push_str("<p>");
    for i in 0..words {
        payload.push_str(if i % 2 == 0 { "otter " } else { "river " });
    }
    payload.push_str("</p>");
    assert!(payload.len() > 5_000_000);
    let html = page(&payload);
    let a = timed_extract("5 MB text node", &html, &Options::new(), Duration::from_secs(30)).expect("a 5 MB paragraph");
    assert_paragraphs(&a, "5 MB text node");
    assert!(a.word_count >= words, "the huge paragraph should be in the article: word_count {}", a.word_count);
}

#[test]
fn enormous_single_token() {
    // 5 MB without a single space or tag.
    let payload = format!("<p>{}</p>", "x".repeat(5 << 20));
    let html = page(&payload);
    let a = try_extract(&html, &Options::new()).expect("a 5 MB token");
    assert_paragraphs(&a, "5 MB token");
}

#[test]
fn a_million_attributes() {
    let mut payload = String::from("<p");
    for i in 0..1_000_000 {
        payload.push_str(&format!(" data-a{i}=\"v{i}\""));
    }
    payload.push_str(" onclick=\"alert(1)\">ATTRIBUTE-HEAVY paragraph text about the otters.</p>");
    let html = page(&payload);
    let a = timed_extract("1 000 000 attributes", &html, &Options::new(), Duration::from_secs(60)).expect("a million attributes");
    assert_paragraphs(&a, "1 000 000 attributes");
    assert!(a.text.contains("ATTRIBUTE-HEAVY"), "the paragraph with many attributes is lost");
    assert!(!a.content.contains("data-a") && !a.content.contains("onclick"), "attributes leaked into content");
}

#[test]
fn fifty_megabyte_page() {
    // The article, then 50 MB of teaser cards (an endless "more stories" feed).
    let card = "<div class=\"card\"><a href=\"/story\"><img src=\"/t.jpg\" alt=\"\"><h3>Another story about the valley</h3></a>\
                <p>A short teaser for another story, with a few words about what happened next.</p></div>";
    let mut html = page("");
    let end = html.windows(7).rposition(|w| w == b"</body>").unwrap();
    let mut feed = Vec::with_capacity(50 << 20);
    feed.extend_from_slice(b"<section class=\"feed\">");
    while feed.len() < 50 << 20 {
        feed.extend_from_slice(card.as_bytes());
    }
    feed.extend_from_slice(b"</section>");
    html.splice(end..end, feed);
    assert!(html.len() >= 50 << 20);
    let a = timed_extract("50 MB page", &html, &Options::new(), Duration::from_secs(120)).expect("a 50 MB page");
    assert_paragraphs(&a, "50 MB page");
    assert!(!a.text.contains("A short teaser"), "the feed is not the article");
}

#[test]
fn duplicate_attributes() {
    let payload = "<p><a href=\"https://example.com/ok\" href=\"javascript:alert(1)\" onclick=1 onclick=2>dup</a></p><p class=a class=b id=x id=y>dups</p>";
    let a = try_extract(&page(payload), &Options::new()).unwrap();
    assert_paragraphs(&a, "duplicate attributes");
    assert!(!a.content.to_ascii_lowercase().contains("javascript:"), "{}", a.content);
}

#[test]
fn two_hundred_thousand_unclosed_paragraphs() {
    let mut body = String::with_capacity(200_000 * 40);
    body.push_str("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Many paragraphs</title></head><body><article><div class=\"entry-content\">");
    for i in 0..200_000 {
        body.push_str(&format!("<p>Paragraph {i} about otters"));
    }
    body.push_str("</div></article></body></html>");
    let a = timed_extract("200 000 unclosed <p>", body.as_bytes(), &Options::new(), Duration::from_secs(20)).expect("200 000 unclosed <p>");
    assert!(a.text.contains("Paragraph 0 about otters"), "first paragraph lost: {:?}", &a.text.chars().take(200).collect::<String>());
    assert!(a.text.contains("Paragraph 199999 about otters"), "last paragraph lost");
    // Each <p> closes the previous one: they are separate paragraphs, not nested.
    assert!(
        a.text.contains("Paragraph 1 about otters\n\nParagraph 2 about otters"),
        "paragraphs not separated: {:?}",
        &a.text.chars().take(300).collect::<String>()
    );
}

#[test]
fn non_article_page() {
    let mut html =
        String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Valley News — Home</title></head><body><header><nav><ul>");
    for s in ["News", "Sport", "Weather", "Opinion", "Culture", "Travel"] {
        html.push_str(&format!("<li><a href=\"/{s}\">{s}</a></li>"));
    }
    html.push_str("</ul></nav></header><main><h1>Latest</h1><ul class=\"headlines\">");
    for i in 0..40 {
        html.push_str(&format!(
            "<li><a href=\"/story/{i}\">Headline number {i} about the valley</a> <span class=\"time\">{i} min ago</span></li>"
        ));
    }
    html.push_str("</ul><form action=\"/search\"><input name=q><button>Search</button></form></main><footer><p>Copyright 2025 Valley News</p></footer></body></html>");
    assert!(!is_probably_readerable(html.as_bytes()), "a link list is not readerable");
    let a = try_extract(html.as_bytes(), &Options::new().url("https://valley.example/")).expect("a non-article page still extracts");
    assert!(!a.readerable, "readerable should be false for a link list");
    assert!(!a.content.to_ascii_lowercase().contains("<form"), "{}", a.content);
}

#[test]
fn any_page_url_extracts() {
    let links = "<p>Read the <a href=\"notes/otters.html\">field notes</a> and see <img src=\"img/otter.jpg\" alt=\"An otter\">.</p>";
    // No usable base: the article still comes out, its relative links kept relative.
    for url in [
        None,
        Some(""),
        Some("   "),
        Some("not a url"),
        Some("/relative/path"),
        Some("file:///home/ann/saved.html"),
        Some("data:text/html,hi"),
    ] {
        let options = url.map_or_else(Options::new, |u| Options::new().url(u));
        let a = try_extract(&page(links), &options).unwrap_or_else(|e| panic!("{url:?}: {e}"));
        assert_paragraphs(&a, "a page without a web URL");
        assert!(a.content.contains("href=\"notes/otters.html\""), "{url:?}: {}", a.content);
        assert!(a.content.contains("src=\"img/otter.jpg\""), "{url:?}: {}", a.content);
        let streamed = stream(&page(links), &options, 7).unwrap();
        assert_eq!(streamed.content, a.content, "{url:?}: streaming differs");
    }
    // An internationalised host: browsers hand it over as punycode, and it resolves; spelt
    // in Unicode (no IDNA tables in the module) it extracts with links kept relative.
    let a = try_extract(&page(links), &Options::new().url("https://xn--bcher-kva.example/reise/artikel.html")).unwrap();
    assert!(a.content.contains("href=\"https://xn--bcher-kva.example/reise/notes/otters.html\""), "{}", a.content);
    let a = try_extract(&page(links), &Options::new().url("https://bücher.example/reise/artikel.html")).unwrap();
    assert_paragraphs(&a, "a Unicode host");
    assert!(a.content.contains("href=\"notes/otters.html\""), "{}", a.content);
}

#[test]
fn truncated_page() {
    let full = page("");
    for cut in [1, 10, 100, 500, full.len() / 2, full.len() - 10] {
        let a = try_extract(&full[..cut], &Options::new());
        if let Ok(a) = a {
            assert!(!a.content.to_ascii_lowercase().contains("<script"));
        }
    }
    // Cut in the middle of a tag, attribute and comment.
    for tail in ["<p class=\"a", "<p class=\"a\" data-x=", "<!-- never closed", "<script>var x = 1;", "<![CDATA[ x", "<p>&#x6A", "</"] {
        let mut html = page("");
        html.truncate(html.len() - 60);
        html.extend_from_slice(tail.as_bytes());
        let _ = try_extract(&html, &Options::new());
    }
}

#[test]
fn nul_and_control_characters() {
    let payload = "<p>Nul\u{0}byte and \u{1}\u{7}\u{1b}[31m controls \u{feff} BOM \u{202e}reversed\u{202c} text about otters.</p>";
    let a = try_extract(&page(payload), &Options::new()).unwrap();
    assert_paragraphs(&a, "control characters");
    assert!(!a.content.contains('\u{0}'), "NUL in content");
}

#[test]
fn thousands_of_clutter_blocks_do_not_outvote_the_article() {
    // 2 500 newsletter prompts and share bars in one wrapper after the article: each is a
    // short text block, and together they scored far above the article (0 words came out).
    let prompts = "<div class=\"newsletter\">Subscribe to our newsletter <form><input type=\"email\"><button>Sign up</button></form></div>\
                   <div class=\"share-bar\">Share this story <a href=\"#\">Facebook</a> <a href=\"#\">X</a></div>"
        .repeat(2_500);
    let mut html = page("");
    let end = html.windows(7).rposition(|w| w == b"</body>").unwrap();
    html.splice(end..end, format!("<div class=\"below\">{prompts}</div>").into_bytes());
    let a = timed_extract("2 500 prompts", &html, &Options::new(), Duration::from_secs(20)).expect("a page of prompts");
    assert_paragraphs(&a, "2 500 prompts");
    assert!(!a.text.contains("Subscribe to our newsletter"));
}
