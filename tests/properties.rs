//! Properties over generated pages (proptest): tag soup built from real tags, clutter and
//! content class names, hostile attributes, entities and broken nesting; and plain articles.
//! - any chunking gives the same article as the whole page;
//! - extracting Lectern's own output again keeps its text;
//! - the output passes the independent unsafe-markup check the sanitizer tests use.
//!
//! `PROPTEST_CASES=n` runs more cases; a failure prints the smallest page found.

use lectern::{extract, Extractor, Options};
use proptest::prelude::*;

mod common;
use common::fold;
use common::unsafe_markup::unsafe_markup;

const TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "a",
    "article",
    "section",
    "aside",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "pre",
    "code",
    "table",
    "tr",
    "td",
    "b",
    "i",
    "blockquote",
    "figure",
    "figcaption",
    "nav",
    "footer",
    "header",
    "main",
    "form",
    "svg",
    "math",
    "template",
    "noscript",
    "script",
    "style",
    "iframe",
    "button",
    "select",
    "textarea",
];
const CLASSES: &[&str] = &[
    "content",
    "post-body",
    "entry",
    "article",
    "share",
    "related",
    "ad",
    "ad-slot",
    "comment",
    "sidebar",
    "author-bio",
    "newsletter",
    "cookie",
    "footer",
    "hidden",
    "caption",
    "byline",
    "",
];
const ATTRIBUTES: &[&str] = &[
    "",
    " onclick=\"alert(1)\"",
    " href=\"javascript:alert(1)\"",
    " href=\"/relative/link\"",
    " src=\"data:text/html,<script>alert(1)</script>\"",
    " src=\"/img.jpg\"",
    " style=\"background:url(javascript:alert(1))\"",
    " hidden",
    " aria-hidden=\"true\"",
    " role=\"complementary\"",
    " id=\"x\"",
    " srcdoc=\"<script>alert(1)</script>\"",
    " formaction=\"javascript:alert(1)\"",
];
const WORDS: &[&str] = &[
    "the",
    "harbour",
    "wall",
    "opened",
    "on",
    "Monday",
    "after",
    "storm,",
    "engineers",
    "said",
    "it",
    "will",
    "hold.",
    "Share",
    "Related",
    "articles",
    "Subscribe",
    "&amp;",
    "&lt;script&gt;",
    "&#x6A;ava",
    "caf\u{e9}",
    "\u{65e5}\u{672c}",
    "<",
    ">",
    "\"",
    "'",
];

/// Tag soup: a tree of elements `depth` deep, some end tags left out.
fn node(depth: u32) -> BoxedStrategy<String> {
    let text = prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "));
    if depth == 0 {
        return text.boxed();
    }
    (
        prop::sample::select(TAGS),
        prop::sample::select(CLASSES),
        prop::sample::select(ATTRIBUTES),
        prop::collection::vec(node(depth - 1), 0..5),
        any::<bool>(),
        text,
    )
        .prop_map(|(tag, class, attribute, children, closed, text)| {
            let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
            let close = if closed { format!("</{tag}>") } else { String::new() };
            format!("<{tag}{class}{attribute}>{text}{}{close}", children.concat())
        })
        .boxed()
}

fn page() -> impl Strategy<Value = String> {
    (prop::collection::vec(node(4), 1..6), prop::sample::select(&["", "<title>The harbour wall</title>"]))
        .prop_map(|(body, title)| format!("<!doctype html><html><head>{title}</head><body>{}</body></html>", body.concat()))
}

/// A sentence of plain words, sometimes with a link or emphasis in it.
fn sentence() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "the",
        "harbour",
        "wall",
        "opened",
        "on",
        "Monday",
        "after",
        "the",
        "storm,",
        "and",
        "engineers",
        "said",
        "it",
        "will",
        "hold",
        "caf\u{e9}",
        "&amp;",
    ];
    (prop::collection::vec(prop::sample::select(WORDS), 6..30), prop::sample::select(&["", "<a href=\"/more\">", "<b>", "<i>"])).prop_map(
        |(w, open)| {
            let close = match open {
                "" => "",
                "<b>" => "</b>",
                "<i>" => "</i>",
                _ => "</a>",
            };
            format!("{} {open}{}{close} {}.", w[..2].join(" "), w[2..4].join(" "), w[4..].join(" "))
        },
    )
}

/// An article page: paragraphs, headings, lists, quotes and code inside one <article>,
/// between a navigation bar and a footer.
fn article_page() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        4 => prop::collection::vec(sentence(), 2..6).prop_map(|s| format!("<p>{}</p>", s.join(" "))),
        1 => sentence().prop_map(|s| format!("<h2>{s}</h2>")),
        1 => prop::collection::vec(sentence(), 2..5).prop_map(|s| format!("<ul><li>{}</li></ul>", s.join("</li><li>"))),
        1 => sentence().prop_map(|s| format!("<blockquote><p>{s}</p></blockquote>")),
        1 => sentence().prop_map(|s| format!("<pre><code>{s}</code></pre>")),
    ];
    prop::collection::vec(block, 6..14).prop_map(|blocks| {
        format!(
            "<!doctype html><html><head><title>The harbour wall</title></head><body><nav><a href=\"/\">Home</a></nav>\
             <article><h1>The harbour wall</h1>{}</article><footer>Copyright</footer></body></html>",
            blocks.concat()
        )
    })
}

fn options() -> Options {
    Options::new().url("https://news.example/2026/harbour")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200), ..ProptestConfig::default() })]

    #[test]
    fn any_chunking_gives_the_same_article(html in page(), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8)) {
        let whole = extract(html.as_bytes(), &options()).unwrap();
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(html.len() + 1)).collect();
        at.sort_unstable();
        let mut extractor = Extractor::new(options());
        let mut from = 0;
        for to in at.into_iter().chain([html.len()]) {
            extractor.write(&html.as_bytes()[from..to]).unwrap();
            from = to;
        }
        prop_assert_eq!(extractor.end().unwrap(), whole);
    }

    #[test]
    fn output_passes_the_unsafe_markup_check(html in page(), marked in any::<bool>()) {
        let article = extract(html.as_bytes(), &options().mark_removed(marked)).unwrap();
        let problems = unsafe_markup(&article.content, "generated");
        prop_assert!(problems.is_empty(), "{:?}\n{}", problems, article.content);
    }

    /// On article pages (on tag soup a second pass may fairly read the reader's own,
    /// cleaner structure differently), the output's own extraction has the same text.
    #[test]
    fn extracting_the_output_again_keeps_its_text(html in article_page()) {
        let first = extract(html.as_bytes(), &options()).unwrap();
        prop_assume!(first.readerable, "too short to be an article");
        // As the reader view shows it: the title as the <h1>, then the content.
        let again = format!(
            "<!doctype html><html><head><title>The harbour wall</title></head><body><h1>The harbour wall</h1>{}</body></html>",
            first.content
        );
        let second = extract(again.as_bytes(), &options()).unwrap();
        prop_assert_eq!(fold(&second.text), fold(&first.text), "output:\n{}", first.content);
    }
}
