//! Throughput of Lectern on three large, synthetic but realistic pages.
//!
//! The pages are built in code, deterministically (a fixed-seed Xoshiro256++ and pure
//! functions; no files, no network):
//!
//! * `news`  (~300 KB): a news article page with a heavy `<head>` (meta, JSON-LD, inline
//!   scripts and styles), mega-menu navigation, a ~40-paragraph article with figures and
//!   a table, related posts, a comment section and a footer;
//! * `docs`  (~1 MB): a long documentation page with a big sidebar, many sections, code
//!   blocks, lists and tables;
//! * `forum` (~2 MB): an article at the top of a huge, deeply nested comment thread made
//!   of many small elements.
//!
//! For each page, in one Criterion group (`extract`), three functions are measured:
//!
//! * `scan_baseline`: a single lol_html pass with an `element!("*")` handler that
//!   counts elements and registers one counting end-tag handler per element, plus a
//!   document text handler that counts text bytes. This is the cost of one streaming
//!   scan with handlers on every element: the practical lower bound for any
//!   lol_html-based extractor.
//! * `extract`: the full `lectern::extract` (with a URL option).
//! * `readerable`: `lectern::is_probably_readerable`.
//!
//! Throughput is reported in bytes of input, so Criterion prints MB/s (or MiB/s). Read
//! the ratio `MB/s(scan_baseline) / MB/s(extract)` as "how many single-scan
//! equivalents extraction costs": close to 2 means a scan plus a rewrite pass with
//! little overhead on top. `readerable` watches only `p, pre, article` and stops as soon
//! as the page qualifies, so on these article pages it reads a prefix and its MB/s can
//! be far above `scan_baseline`; it is here to catch regressions, not as a ratio.
//!
//! Before measuring, one line per page is printed to stderr (size, element count,
//! whether it is readerable, extracted article size) as a sanity check.
//!
//! Run with:
//!
//! ```text
//! cargo bench --bench extract
//! cargo bench --bench extract -- --quick          # faster, rougher
//! cargo bench --bench extract -- 'extract/extract' # one function only
//! ```

use std::cell::Cell;
use std::fmt::Write as _;
use std::hint::black_box;
use std::rc::Rc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lol_html::html_content::{Element, EndTag, TextChunk};
use lol_html::{element, DocumentContentHandlers, HtmlRewriter, Settings};
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};

// ---------------------------------------------------------------------------
// Page generation
// ---------------------------------------------------------------------------

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "had",
    "they",
    "you",
    "were",
    "their",
    "one",
    "all",
    "we",
    "can",
    "her",
    "has",
    "there",
    "been",
    "if",
    "more",
    "when",
    "will",
    "would",
    "who",
    "so",
    "no",
    "council",
    "river",
    "budget",
    "election",
    "minister",
    "harbour",
    "winter",
    "research",
    "analysis",
    "students",
    "hospital",
    "village",
    "railway",
    "engineers",
    "committee",
    "proposal",
    "evidence",
    "historian",
    "archive",
    "festival",
    "drought",
    "farmers",
    "market",
    "inflation",
    "quarter",
    "report",
    "district",
    "museum",
    "bridge",
    "library",
    "orchestra",
    "season",
    "league",
    "coach",
    "striker",
    "veteran",
    "software",
    "compiler",
    "network",
    "protocol",
    "latency",
    "storage",
    "cluster",
    "migration",
    "release",
    "security",
    "patch",
    "vulnerability",
    "browser",
    "renderer",
    "parser",
    "stream",
    "buffer",
    "allocation",
    "decision",
    "measure",
    "statement",
    "interview",
    "spokesperson",
    "according",
    "announced",
    "confirmed",
    "reported",
    "suggested",
    "estimated",
    "described",
    "remained",
    "returned",
    "expected",
    "previously",
    "however",
    "although",
    "meanwhile",
    "nevertheless",
    "particularly",
    "significant",
    "substantial",
    "temporary",
    "regional",
    "national",
    "international",
    "municipal",
    "federal",
    "coastal",
    "northern",
    "southern",
    "eastern",
    "western",
    "ancient",
    "modern",
    "careful",
    "sudden",
    "gradual",
    "quiet",
    "bright",
    "narrow",
    "heavy",
    "fragile",
    "durable",
    "ordinary",
    "unusual",
    "familiar",
    "distant",
    "local",
    "public",
    "private",
    "annual",
    "weekly",
    "seventeen",
    "thousand",
    "million",
    "percent",
    "dozen",
    "several",
    "few",
    "many",
    "most",
    "under",
    "over",
    "between",
    "through",
    "during",
    "before",
    "after",
    "without",
    "within",
    "across",
    "against",
    "toward",
    "residents",
    "officials",
    "witnesses",
    "volunteers",
    "visitors",
    "workers",
    "teachers",
    "doctors",
    "scientists",
    "journalists",
    "lawyers",
    "judges",
    "voters",
    "drivers",
    "tenants",
    "landlords",
    "neighbours",
    "families",
    "children",
    "parents",
    "companies",
    "investors",
    "regulators",
    "agreement",
    "contract",
    "schedule",
    "deadline",
    "funding",
    "shortage",
    "surplus",
    "forecast",
    "outcome",
    "approach",
    "framework",
    "pipeline",
    "dataset",
    "benchmark",
    "throughput",
    "threshold",
    "baseline",
    "algorithm",
    "heuristic",
    "candidate",
    "paragraph",
    "summary",
    "fragment",
    "document",
    "element",
];

const NAMES: &[&str] = &[
    "Amara Okafor",
    "Bjørn Lindqvist",
    "Chen Wei",
    "Dolores Ruiz",
    "Elif Demir",
    "Farid Haddad",
    "Grace O'Neill",
    "Hiroshi Tanaka",
    "Ingrid Novak",
    "Jamal Carter",
    "Kavya Iyer",
    "Lukas Brandt",
    "María José Pérez",
    "Nadia Petrova",
    "Oisín Kelly",
    "Priya Raman",
    "Quentin Moreau",
    "Rosa Bianchi",
    "Sipho Ndlovu",
    "Tomás Silva",
    "Ursula Meier",
    "Viktor Horvat",
    "Wen Zhang",
    "Ximena Castro",
    "Yusuf Aydın",
    "Zofia Kowalska",
];

const TOPICS: &[&str] = &[
    "Politics",
    "World",
    "Business",
    "Technology",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Travel",
    "Opinion",
    "Climate",
    "Education",
    "Local",
    "Weather",
    "Podcasts",
    "Video",
];

struct Gen {
    rng: Xoshiro256PlusPlus,
    out: String,
}

impl Gen {
    fn new(seed: u64, capacity: usize) -> Self {
        Gen { rng: Xoshiro256PlusPlus::seed_from_u64(seed), out: String::with_capacity(capacity + 64 * 1024) }
    }

    fn len(&self) -> usize {
        self.out.len()
    }

    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn n(&mut self, lo: usize, hi: usize) -> usize {
        self.rng.random_range(lo..=hi)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    fn word(&mut self) -> &'static str {
        WORDS.choose(&mut self.rng).copied().unwrap_or("word")
    }

    fn name(&mut self) -> &'static str {
        NAMES.choose(&mut self.rng).copied().unwrap_or("Anonymous")
    }

    fn topic(&mut self) -> &'static str {
        TOPICS.choose(&mut self.rng).copied().unwrap_or("News")
    }

    /// Plain words, no markup, no trailing punctuation.
    fn words(&mut self, count: usize) -> String {
        let mut s = String::new();
        for i in 0..count {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.word());
        }
        s
    }

    fn title(&mut self, lo: usize, hi: usize) -> String {
        let n = self.n(lo, hi);
        let mut t = self.words(n);
        capitalize(&mut t);
        t
    }

    fn slug(&mut self, count: usize) -> String {
        self.words(count).replace(' ', "-")
    }

    /// One sentence of text, with the odd comma, number or entity.
    fn sentence(&mut self) -> String {
        let n = self.n(6, 24);
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push_str(if self.chance(0.08) { ", " } else { " " });
            }
            match self.n(0, 60) {
                0 => {
                    let v = self.n(2, 9_999);
                    let _ = write!(s, "{v}");
                }
                1 => s.push_str("&amp;"),
                2 => s.push_str("&ldquo;quoted&rdquo;"),
                _ => s.push_str(self.word()),
            }
        }
        capitalize(&mut s);
        s.push_str([".", ".", ".", "?", "!", ";"][self.n(0, 5)]);
        s
    }

    /// A paragraph body: sentences with occasional inline markup.
    fn inline_text(&mut self, lo: usize, hi: usize) {
        let n = self.n(lo, hi);
        for i in 0..n {
            if i > 0 {
                self.push(" ");
            }
            let s = self.sentence();
            match self.n(0, 12) {
                0 => {
                    let slug = self.slug(3);
                    let w = self.words(3);
                    let _ = write!(self.out, "{s} <a href=\"/news/{slug}\">{w}</a>");
                }
                1 => {
                    let w = self.words(2);
                    let _ = write!(self.out, "<em>{w}</em> {s}");
                }
                2 => {
                    let w = self.words(2);
                    let _ = write!(self.out, "{s} <strong>{w}</strong>.");
                }
                3 => {
                    let w = self.word();
                    let k = self.n(0, 99);
                    let _ = write!(self.out, "{s} <code>{w}_{k}</code>");
                }
                _ => self.push(&s),
            }
        }
    }

    fn paragraph(&mut self, lo: usize, hi: usize) {
        self.push("<p>");
        self.inline_text(lo, hi);
        self.push("</p>\n");
    }

    fn date(&mut self) -> String {
        format!("2024-{:02}-{:02}T{:02}:{:02}:00Z", self.n(1, 12), self.n(1, 28), self.n(0, 23), self.n(0, 59))
    }

    fn head(&mut self, title: &str, scripts: usize, css_rules: usize) {
        let desc = self.sentence();
        let author = self.name();
        let date = self.date();
        let section = self.topic();
        let _ = writeln!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"en\" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title} | The Daily Lectern</title>\n\
             <meta name=\"description\" content=\"{desc}\">\n<meta name=\"author\" content=\"{author}\">\n\
             <meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"{title}\">\n\
             <meta property=\"og:description\" content=\"{desc}\">\n\
             <meta property=\"og:image\" content=\"https://cdn.example.com/img/lead-1200.jpg\">\n\
             <meta property=\"og:site_name\" content=\"The Daily Lectern\">\n\
             <meta property=\"article:published_time\" content=\"{date}\">\n\
             <meta property=\"article:section\" content=\"{section}\">\n\
             <meta name=\"twitter:card\" content=\"summary_large_image\">\n\
             <meta name=\"twitter:title\" content=\"{title}\">\n\
             <link rel=\"canonical\" href=\"https://news.example.com/{section}/story\">\n\
             <link rel=\"preconnect\" href=\"https://cdn.example.com\">\n\
             <link rel=\"stylesheet\" href=\"/assets/main.8f3a2c.css\">\n\
             <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
             \"headline\":\"{title}\",\"description\":\"{desc}\",\"datePublished\":\"{date}\",\
             \"author\":[{{\"@type\":\"Person\",\"name\":\"{author}\"}}],\
             \"publisher\":{{\"@type\":\"Organization\",\"name\":\"The Daily Lectern\",\
             \"logo\":{{\"@type\":\"ImageObject\",\"url\":\"https://cdn.example.com/logo.png\"}}}}}}</script>"
        );
        for i in 0..scripts {
            let _ = write!(self.out, "<script>\n(function(w,d){{'use strict';var cfg{i}={{");
            for k in 0..self.n(20, 60) {
                let key = self.word();
                let v = self.n(0, 1 << 20);
                let _ = write!(self.out, "\"{key}_{k}\":{v},");
            }
            self.push("};\n");
            for k in 0..self.n(10, 30) {
                let a = self.word();
                let b = self.word();
                let _ = writeln!(
                    self.out,
                    "  function {a}{k}(x){{if(x<{k}&&x>0){{return d.querySelector('.{b}')||w['{a}'];}}\
                     for(var j=0;j<x.length;j++){{cfg{i}['{b}_'+j]=x[j]<'</'?1:0;}}return null;}}"
                );
            }
            self.push("})(window,document);\n</script>\n");
        }
        self.push("<style>\n");
        for k in 0..css_rules {
            let a = self.word();
            let b = self.word();
            let px = self.n(0, 64);
            let _ = writeln!(
                self.out,
                ".{a}-{b}-{k} > .{b}, #{a}{k}:hover {{ margin: {px}px auto; color: #{:06x}; display: flex; }}",
                self.rng.random_range(0..0xff_ffffu32)
            );
        }
        self.push("</style>\n</head>\n");
    }

    fn nav_menu(&mut self, sections: usize, links: usize) {
        self.push("<header class=\"site-header\" role=\"banner\"><div class=\"masthead\"><a class=\"logo\" href=\"/\"><img src=\"/logo.svg\" alt=\"The Daily Lectern\" width=\"180\" height=\"40\"></a></div>\n<nav class=\"main-nav menu\" aria-label=\"Main\"><ul class=\"nav-list\">\n");
        for _ in 0..sections {
            let t = self.topic();
            let _ = write!(self.out, "<li class=\"nav-item has-dropdown\"><a href=\"/{t}\">{t}</a><div class=\"dropdown\"><ul>");
            for _ in 0..links {
                let s = self.slug(2);
                let w = self.title(1, 3);
                let _ = write!(self.out, "<li><a class=\"nav-link\" href=\"/{t}/{s}\">{w}</a></li>");
            }
            self.push("</ul></div></li>\n");
        }
        self.push("</ul></nav>\n<div class=\"ad-slot leaderboard\" data-ad-unit=\"top\"><div id=\"ad-top\"></div></div></header>\n");
    }

    fn figure(&mut self, i: usize) {
        let cap = self.sentence();
        let alt = self.words(5);
        let credit = self.name();
        let _ = writeln!(
            self.out,
            "<figure class=\"image-block\"><picture><source type=\"image/webp\" srcset=\"https://cdn.example.com/img/{i}-480.webp 480w, https://cdn.example.com/img/{i}-960.webp 960w\">\
             <img src=\"https://cdn.example.com/img/{i}-960.jpg\" alt=\"{alt}\" width=\"960\" height=\"540\" loading=\"lazy\"></picture>\
             <figcaption>{cap} <span class=\"credit\">Photo: {credit}</span></figcaption></figure>"
        );
    }

    fn table(&mut self, rows: usize, cols: usize) {
        let cap = self.title(3, 7);
        let _ = write!(self.out, "<table class=\"data-table\"><caption>{cap}</caption><thead><tr>");
        for _ in 0..cols {
            let h = self.title(1, 2);
            let _ = write!(self.out, "<th scope=\"col\">{h}</th>");
        }
        self.push("</tr></thead><tbody>\n");
        for _ in 0..rows {
            let h = self.title(1, 3);
            let _ = write!(self.out, "<tr><th scope=\"row\">{h}</th>");
            for _ in 1..cols {
                let v = self.n(0, 100_000);
                let _ = write!(self.out, "<td>{}.{:02}</td>", v / 100, v % 100);
            }
            self.push("</tr>\n");
        }
        self.push("</tbody></table>\n");
    }

    fn list(&mut self, ordered: bool, items: usize) {
        let tag = if ordered { "ol" } else { "ul" };
        let _ = write!(self.out, "<{tag}>");
        for _ in 0..items {
            self.push("<li>");
            self.inline_text(1, 2);
            self.push("</li>");
        }
        let _ = writeln!(self.out, "</{tag}>");
    }

    fn code_block(&mut self, lines: usize) {
        self.push("<pre class=\"language-rust\"><code>");
        for l in 0..lines {
            let a = self.word();
            let b = self.word();
            let indent = "    ".repeat(self.n(0, 3));
            match l % 5 {
                0 => {
                    let _ = writeln!(self.out, "{indent}fn {a}_{b}(input: &amp;[u8]) -&gt; Result&lt;Vec&lt;u8&gt;, Error&gt; {{");
                }
                1 => {
                    let _ = writeln!(self.out, "{indent}let {a} = {b}.iter().filter(|x| **x &lt; {l}).count();");
                }
                2 => {
                    let comment = self.sentence();
                    let _ = writeln!(self.out, "{indent}// {comment}");
                }
                3 => {
                    let _ = writeln!(
                        self.out,
                        "{indent}if {a} &gt;= {l} &amp;&amp; !{b}.is_empty() {{ return Err(Error::{}); }}",
                        capitalized(b)
                    );
                }
                _ => {
                    let _ = writeln!(self.out, "{indent}}}");
                }
            }
        }
        self.push("</code></pre>\n");
    }

    fn footer(&mut self, columns: usize) {
        self.push("<footer class=\"site-footer\" role=\"contentinfo\"><div class=\"footer-columns\">\n");
        for _ in 0..columns {
            let t = self.topic();
            let _ = write!(self.out, "<div class=\"footer-col\"><h4>{t}</h4><ul>");
            for _ in 0..self.n(6, 12) {
                let s = self.slug(2);
                let w = self.title(1, 3);
                let _ = write!(self.out, "<li><a href=\"/{t}/{s}\">{w}</a></li>");
            }
            self.push("</ul></div>\n");
        }
        self.push("</div><p class=\"copyright\">&copy; 2024 The Daily Lectern. All rights reserved. <a href=\"/privacy\">Privacy</a> | <a href=\"/terms\">Terms</a> | <a href=\"/cookies\">Cookie settings</a></p></footer>\n<script src=\"/assets/app.4b1e.js\" defer></script>\n</body>\n</html>\n");
    }

    fn byline(&mut self) {
        let author = self.name();
        let date = self.date();
        let minutes = self.n(4, 30);
        let _ = writeln!(
            self.out,
            "<div class=\"byline\"><span class=\"author\" itemprop=\"author\">By <a rel=\"author\" href=\"/people/{}\">{author}</a></span> \
             <time datetime=\"{date}\">{}</time> <span class=\"reading-time\">{} min read</span></div>",
            author.to_lowercase().replace(' ', "-"),
            &date[..10],
            minutes
        );
    }

    fn share_bar(&mut self) {
        self.push("<div class=\"share-tools social\"><a class=\"share-twitter\" href=\"#\">Share on X</a><a class=\"share-facebook\" href=\"#\">Facebook</a><a class=\"share-email\" href=\"#\">Email</a><button class=\"bookmark\" type=\"button\">Save</button></div>\n");
    }

    /// One comment; `depth` > 0 nests replies inside.
    fn comment(&mut self, id: usize, depth: usize, max_depth: usize, budget: &mut usize) {
        let author = self.name();
        let date = self.date();
        let votes = self.n(0, 999);
        let _ = write!(
            self.out,
            "<div class=\"comment\" id=\"c{id}\" data-depth=\"{depth}\"><div class=\"comment-meta\">\
             <img class=\"avatar\" src=\"/avatars/{}.png\" alt=\"\" width=\"32\" height=\"32\">\
             <a class=\"comment-author\" href=\"/u/{}\">{author}</a> <span class=\"badge\">{}</span> \
             <time datetime=\"{date}\">{}</time></div><div class=\"comment-body\">",
            id % 97,
            id % 997,
            ["member", "subscriber", "moderator", "new"][id % 4],
            &date[..10]
        );
        if self.chance(0.2) {
            self.push("<blockquote><p>");
            self.inline_text(1, 2);
            self.push("</p></blockquote>");
        }
        for _ in 0..self.n(1, 3) {
            self.paragraph(1, 3);
        }
        let _ = write!(
            self.out,
            "</div><div class=\"comment-actions\"><button class=\"vote up\" type=\"button\"><span class=\"icon\">&#9650;</span><span class=\"count\">{votes}</span></button>\
             <button class=\"vote down\" type=\"button\"><span class=\"icon\">&#9660;</span></button>\
             <a class=\"reply\" href=\"#reply-{id}\">Reply</a> <a class=\"permalink\" href=\"#c{id}\">Link</a> <a class=\"report\" href=\"/report/{id}\">Report</a></div>"
        );
        if depth < max_depth && *budget > 0 {
            let replies = if depth == 0 { self.n(1, 4) } else { self.n(0, 2) };
            if replies > 0 {
                self.push("<div class=\"replies\">");
                for r in 0..replies {
                    if *budget == 0 {
                        break;
                    }
                    *budget -= 1;
                    self.comment(id * 7 + r + 1, depth + 1, max_depth, budget);
                }
                self.push("</div>");
            }
        }
        self.push("</div>\n");
    }

    fn article_body(&mut self, paragraphs: usize, figures_every: usize, subheads_every: usize) {
        for i in 0..paragraphs {
            if i > 0 && i % subheads_every == 0 {
                let h = self.title(3, 8);
                let _ = writeln!(self.out, "<h2>{h}</h2>");
            }
            if i > 0 && i % figures_every == 0 {
                self.figure(i);
            }
            if i == paragraphs / 2 {
                self.push("<aside class=\"inline-promo\"><a href=\"/newsletter\">Sign up for our morning briefing</a></aside>\n");
            }
            self.paragraph(3, 8);
        }
    }
}

fn capitalize(s: &mut String) {
    if let Some(c) = s.chars().next() {
        let upper: String = c.to_uppercase().collect();
        s.replace_range(..c.len_utf8(), &upper);
    }
}

fn capitalized(s: &str) -> String {
    let mut s = s.to_owned();
    capitalize(&mut s);
    s
}

/// ~300 KB news article page.
fn news_page() -> Vec<u8> {
    const TARGET: usize = 300 * 1024;
    let mut g = Gen::new(0x6e65_7773, TARGET);
    let title = g.title(6, 12);
    g.head(&title, 6, 400);
    g.push("<body class=\"article-page\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n");
    g.nav_menu(12, 18);
    g.push("<div class=\"page\"><main id=\"main\"><article class=\"story\" itemscope itemtype=\"https://schema.org/NewsArticle\">\n<header class=\"story-header\">");
    let t = g.topic();
    let _ = write!(g.out, "<a class=\"kicker\" href=\"/{t}\">{t}</a><h1 itemprop=\"headline\">{title}</h1><p class=\"standfirst\">");
    g.inline_text(1, 2);
    g.push("</p>");
    g.byline();
    g.share_bar();
    g.push("</header>\n");
    g.figure(0);
    g.push("<div class=\"story-body\" itemprop=\"articleBody\">\n");
    g.article_body(40, 9, 8);
    g.push("<h2>By the numbers</h2>\n");
    g.table(14, 5);
    g.paragraph(3, 6);
    g.push("</div>\n<div class=\"tags\"><ul>");
    for _ in 0..8 {
        let w = g.word();
        let _ = write!(g.out, "<li><a href=\"/tag/{w}\">{w}</a></li>");
    }
    g.push("</ul></div>\n</article>\n<section class=\"related-posts\"><h2>Related</h2><ul>\n");
    for i in 0..16 {
        let h = g.title(5, 10);
        let s = g.slug(4);
        let date = g.date();
        let _ = writeln!(
            g.out,
            "<li class=\"related-item\"><a href=\"/news/{s}\"><img src=\"/thumbs/{i}.jpg\" alt=\"\" width=\"120\" height=\"80\"><span class=\"related-title\">{h}</span></a><span class=\"related-date\">{}</span></li>",
            &date[..10]
        );
    }
    g.push("</ul></section>\n<section class=\"comments\" id=\"comments\"><h2>Comments</h2>\n");
    let mut id = 1;
    while g.len() < TARGET - 12 * 1024 {
        let mut budget = 6;
        g.comment(id, 0, 2, &mut budget);
        id += 1;
    }
    g.push("</section>\n</main>\n<aside class=\"sidebar\"><div class=\"most-read\"><h3>Most read</h3><ol>");
    for _ in 0..10 {
        let h = g.title(4, 9);
        let s = g.slug(3);
        let _ = write!(g.out, "<li><a href=\"/news/{s}\">{h}</a></li>");
    }
    g.push("</ol></div></aside></div>\n");
    g.footer(6);
    g.out.into_bytes()
}

/// ~1 MB documentation page.
fn docs_page() -> Vec<u8> {
    const TARGET: usize = 1024 * 1024;
    let mut g = Gen::new(0x646f_6373, TARGET);
    let title = g.title(4, 8);
    g.head(&title, 4, 600);
    g.push("<body class=\"docs\">\n");
    g.nav_menu(8, 10);
    g.push("<div class=\"docs-layout\"><nav class=\"sidebar toc\" aria-label=\"Table of contents\"><ul>\n");
    for c in 0..40 {
        let h = g.title(2, 5);
        let _ = write!(g.out, "<li class=\"toc-chapter\"><a href=\"#ch{c}\">{h}</a><ul>");
        for s in 0..g.n(4, 10) {
            let h = g.title(2, 5);
            let _ = write!(g.out, "<li><a href=\"#ch{c}-{s}\">{h}</a></li>");
        }
        g.push("</ul></li>\n");
    }
    g.push("</ul></nav>\n<main class=\"docs-content\"><article class=\"markdown-body\">\n");
    let _ = writeln!(g.out, "<h1>{title}</h1>");
    g.paragraph(4, 8);
    let mut section = 0;
    while g.len() < TARGET - 16 * 1024 {
        let h = g.title(2, 6);
        let _ = writeln!(g.out, "<section id=\"ch{section}\"><h2>{section}. {h}</h2>");
        for sub in 0..g.n(2, 5) {
            let h = g.title(2, 6);
            let _ = writeln!(g.out, "<h3 id=\"ch{section}-{sub}\">{h}</h3>");
            for _ in 0..g.n(1, 4) {
                g.paragraph(2, 6);
            }
            match g.n(0, 5) {
                0 | 1 => {
                    let lines = g.n(8, 40);
                    g.code_block(lines);
                }
                2 => {
                    let items = g.n(3, 9);
                    g.list(false, items);
                }
                3 => {
                    let items = g.n(3, 7);
                    g.list(true, items);
                }
                4 => {
                    let rows = g.n(4, 12);
                    let cols = g.n(2, 5);
                    g.table(rows, cols);
                }
                _ => {
                    g.push("<div class=\"admonition note\"><p class=\"admonition-title\">Note</p>");
                    g.paragraph(1, 3);
                    g.push("</div>\n");
                }
            }
            g.paragraph(1, 4);
        }
        g.push("</section>\n");
        section += 1;
    }
    g.push("<nav class=\"pager\"><a rel=\"prev\" href=\"/docs/prev\">Previous</a> <a rel=\"next\" href=\"/docs/next\">Next</a></nav>\n</article></main></div>\n");
    g.footer(5);
    g.out.into_bytes()
}

/// ~2 MB forum thread: an article at the top, then a huge deeply nested discussion.
fn forum_page() -> Vec<u8> {
    const TARGET: usize = 2 * 1024 * 1024;
    let mut g = Gen::new(0x666f_7275, TARGET);
    let title = g.title(6, 12);
    g.head(&title, 5, 300);
    g.push("<body class=\"thread\">\n");
    g.nav_menu(10, 12);
    g.push("<div class=\"layout\"><div class=\"breadcrumbs\"><a href=\"/\">Forums</a> &rsaquo; <a href=\"/f/general\">General</a></div>\n<main><article class=\"post original-post\">\n");
    let _ = write!(g.out, "<h1>{title}</h1>");
    g.byline();
    g.push("<div class=\"post-body\">\n");
    g.article_body(24, 8, 6);
    g.push("</div></article>\n<section class=\"discussion\" id=\"comments\"><h2>Discussion</h2><div class=\"comment-list\">\n");
    let mut id = 1;
    while g.len() < TARGET - 12 * 1024 {
        // Deep threads: up to 24 levels of replies.
        let mut budget = g.n(4, 40);
        let depth = g.n(4, 24);
        g.comment(id, 0, depth, &mut budget);
        id += 1;
    }
    g.push("</div><div class=\"pagination\"><a href=\"?page=2\">Next page</a></div></section>\n</main></div>\n");
    g.footer(4);
    g.out.into_bytes()
}

// ---------------------------------------------------------------------------
// Benchmarks
// ---------------------------------------------------------------------------

/// One lol_html pass with a handler on every element, every end tag and every text chunk.
fn scan_baseline(html: &[u8]) -> (usize, usize, usize) {
    let elements = Rc::new(Cell::new(0usize));
    let ends = Rc::new(Cell::new(0usize));
    let text = Rc::new(Cell::new(0usize));
    let (e, t) = (Rc::clone(&elements), Rc::clone(&text));
    let end_counter = Rc::clone(&ends);
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el: &mut Element<'_, '_>| {
            e.set(e.get() + 1);
            if let Some(h) = el.end_tag_handlers() {
                let ends = Rc::clone(&end_counter);
                h.push(Box::new(move |_end: &mut EndTag<'_>| {
                    ends.set(ends.get() + 1);
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_document_content_handler(DocumentContentHandlers::default().text(move |c: &mut TextChunk<'_>| {
            t.set(t.get() + c.as_str().len());
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html).expect("scan write");
    rewriter.end().expect("scan end");
    (elements.get(), ends.get(), text.get())
}

fn bench_pages(c: &mut Criterion) {
    let pages: [(&str, Vec<u8>); 3] = [("news", news_page()), ("docs", docs_page()), ("forum", forum_page())];
    let options = lectern::Options::new().url("https://news.example.com/world/story");

    for (label, html) in &pages {
        // Sanity: the pages must be usable, or the numbers mean nothing.
        let (elements, ends, text) = scan_baseline(html);
        let article = lectern::extract(html, &options).expect("extract failed on a generated page");
        eprintln!(
            "page {label}: {} bytes ({:.2} MiB), {elements} elements, {ends} end tags, {text} text bytes, \
             readerable = {}, article = {} bytes",
            html.len(),
            html.len() as f64 / (1024.0 * 1024.0),
            lectern::is_probably_readerable(html),
            article.content.len(),
        );
    }

    let mut group = c.benchmark_group("extract");
    group.sample_size(20).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    for (label, html) in &pages {
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("scan_baseline", label), html, |b, html| {
            b.iter(|| black_box(scan_baseline(black_box(html))));
        });
        group.bench_with_input(BenchmarkId::new("extract", label), html, |b, html| {
            b.iter(|| black_box(lectern::extract(black_box(html), &options)));
        });
        group.bench_with_input(BenchmarkId::new("readerable", label), html, |b, html| {
            b.iter(|| black_box(lectern::is_probably_readerable(black_box(html))));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_pages);
criterion_main!(benches);
