//! What a reader's settings change, and the content kinds the reader view must keep.

use lectern::{extract, is_probably_readerable, Category, Options};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}/source.html", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// An article page with `extra` between its paragraphs.
fn article_with(extra: &str) -> Vec<u8> {
    let p = "The committee met on Tuesday to discuss the budget, and after a long debate the members agreed \
             to fund the new library wing, the bridge repairs and the summer programme for the town's children.";
    format!(
        "<!doctype html><html><head><title>Budget approved</title></head><body><nav><a href=/>Home</a></nav>\
         <article><h1>Budget approved</h1><p>{p}</p><p>{p}</p>{extra}<p>{p}</p><p>{p}</p></article></body></html>"
    )
    .into_bytes()
}

#[test]
fn keeping_a_category_brings_its_blocks_back() {
    let page = fixture("wordpress-news-clone");
    let options = Options::new().url("https://linkdaddynews.example/2025/01/scale-ai-letter/");
    let default = extract(&page, &options).unwrap();
    assert!(!default.text.contains("is a news writer for"), "the bio is clutter by default");
    assert!(default.removed.iter().any(|r| r.category == Category::AuthorBio));

    let with_bio = extract(&page, &options.clone().keep(Category::AuthorBio)).unwrap();
    assert!(with_bio.text.contains("is a news writer for"), "kept on request:\n{}", with_bio.text);
    assert!(!with_bio.removed.iter().any(|r| r.category == Category::AuthorBio));
    // The other clutter stays out.
    assert!(!with_bio.text.contains("Related articles"));
}

#[test]
fn images_can_be_turned_off() {
    let page = fixture("lazy-images");
    let on = extract(&page, &Options::new()).unwrap();
    let off = extract(&page, &Options::new().images(false)).unwrap();
    assert!(on.content.contains("<img"));
    assert!(!off.content.contains("<img"));
    assert_eq!(on.text, off.text);
}

#[test]
fn fast_readerable_check_agrees_with_the_article() {
    for (name, expected) in [("wordpress-news-clone", true), ("news-site-article", true), ("code-blocks", true), ("non-article", false)] {
        let page = fixture(name);
        assert_eq!(is_probably_readerable(&page), expected, "{name}");
        assert_eq!(extract(&page, &Options::new()).unwrap().readerable, expected, "{name}");
    }
}

#[test]
fn mathml_is_kept() {
    let page =
        article_with("<p>The formula <math display=\"block\"><mi>x</mi><mo>=</mo><msup><mi>y</mi><mn>2</mn></msup></math> holds.</p>");
    let article = extract(&page, &Options::new()).unwrap();
    assert!(
        article.content.contains(r#"<math display="block"><mi>x</mi><mo>=</mo><msup><mi>y</mi><mn>2</mn></msup></math>"#),
        "{}",
        article.content
    );
}

#[test]
fn video_embeds_become_links() {
    let page = article_with(r#"<iframe src="https://www.youtube.com/embed/abc123" width=560></iframe>"#);
    let article = extract(&page, &Options::new().url("https://town.example/news/budget")).unwrap();
    assert!(article.content.contains(r#"<a href="https://www.youtube.com/embed/abc123">Video: youtube.com</a>"#), "{}", article.content);
    assert!(!article.content.contains("<iframe"));
}

#[test]
fn heading_that_repeats_the_title_is_dropped() {
    let article = extract(&article_with(""), &Options::new()).unwrap();
    assert_eq!(article.title.as_deref(), Some("Budget approved"));
    assert!(!article.text.contains("Budget approved"), "{}", article.text);
}

#[test]
fn word_count_and_reading_time() {
    let article = extract(&article_with(""), &Options::new()).unwrap();
    // Four paragraphs of 34 words.
    assert_eq!(article.word_count, 4 * 34);
    assert_eq!(article.reading_minutes, 1);
}
