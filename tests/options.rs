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

#[test]
fn marked_removed_blocks_come_with_the_content_but_not_the_text() {
    let page = fixture("wordpress-news-clone");
    let options = Options::new().url("https://linkdaddynews.example/2025/01/scale-ai-letter/");
    let plain = extract(&page, &options).unwrap();
    let marked = extract(&page, &options.clone().mark_removed(true)).unwrap();
    // The article itself does not change: same text, the same removals inside it (and
    // what is beside it, see below).
    assert_eq!(marked.text, plain.text);
    assert!(plain.removed.iter().all(|r| marked.removed.contains(r)));
    assert!(!plain.content.contains("data-lectern-removed"));
    // Each removed block that has content is in the HTML once, under its element number.
    let bio = marked.removed.iter().find(|r| r.category == Category::AuthorBio).expect("a bio is removed");
    let mark = format!("data-lectern-removed=\"{}\"", bio.element);
    assert_eq!(marked.content.matches(&mark).count(), 1, "{mark} in:\n{}", marked.content);
    let after = &marked.content[marked.content.find(&mark).unwrap()..];
    assert!(after.contains("is a news writer for"), "the bio's text follows its mark");
    for r in &marked.removed {
        let m = format!("data-lectern-removed=\"{}\"", r.element);
        assert!(marked.content.matches(&m).count() <= 1, "{m} written twice");
    }
}

#[test]
fn a_page_cannot_forge_removed_marks() {
    let page = article_with("<div data-lectern-removed=\"3\"><p>A paragraph that claims to be removed clutter.</p></div>");
    let article = extract(&page, &Options::new().mark_removed(true)).unwrap();
    assert!(article.text.contains("claims to be removed clutter"));
    assert!(!article.content.contains("data-lectern-removed"), "{}", article.content);
}

#[test]
fn declutter_finds_clutter_around_the_article_and_never_the_article() {
    let p = "The committee met on Tuesday to discuss the budget, and after a long debate the members agreed \
             to fund the new library wing, the bridge repairs and the summer programme for the town's children.";
    let page = format!(
        "<!doctype html><html><head><title>Budget approved</title></head><body>\
         <div class=\"ad-slot leaderboard\"><a href=\"https://ads.example/\">Buy now</a></div>\
         <header class=\"site-header\"><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <div id=\"header-ad\" class=\"advertisement\">Advertisement</div></header>\
         <div class=\"layout\"><main><article class=\"post\"><h1>Budget approved</h1><p>{p}</p><p>{p}</p>\
         <div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>\
         <p>{p}</p><p>{p}</p></article></main>\
         <aside class=\"sidebar\"><div class=\"related-posts\"><h3>Related articles</h3><ul><li><a href=/a>Storm report</a></li>\
         <li><a href=/b>Harbour budget</a></li></ul></div></aside></div>\
         <div id=\"cookie-banner\" class=\"cookie-consent\">We use cookies to improve your experience. <button>Accept</button></div>\
         <footer><a href=/about>About us</a></footer></body></html>"
    );
    let removed = lectern::declutter(page.as_bytes(), &Options::new()).unwrap();
    let categories: Vec<(Category, &str)> = removed.iter().map(|r| (r.category, r.tag.as_str())).collect();
    for expected in [(Category::Ads, "div"), (Category::Share, "div"), (Category::Related, "div"), (Category::Consent, "div")] {
        assert!(categories.contains(&expected), "{expected:?} not found in {categories:?}");
    }
    // Inside the site header and the sidebar (navigation, left alone), the ad slot and the
    // related list are found.
    assert!(removed.iter().any(|r| r.text.starts_with("Related articles")), "{removed:?}");
    assert!(removed.iter().any(|r| r.text.contains("Advertisement")), "{removed:?}");
    assert!(!removed.iter().any(|r| matches!(r.tag.as_str(), "header" | "footer" | "nav" | "article" | "main" | "body")));
    assert!(!removed.iter().any(|r| r.text.contains("The committee met")), "the article is never clutter");
    // `element` counts start tags in document order, <html> first: the same numbering a
    // browser's `document.querySelectorAll('*')` gives on this (well-formed) page.
    let tags: Vec<String> = page
        .split('<')
        .skip(1)
        .filter(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()))
        .map(|t| t.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap().to_ascii_lowercase())
        .collect();
    for r in &removed {
        assert_eq!(tags[r.element as usize], r.tag, "element {} of {tags:?}", r.element);
    }
}

#[test]
fn declutter_never_hides_the_articles_own_header() {
    let p = "The harbour master opened the new sea wall on Monday morning, three years after the storm that \
             flooded half of the old town, and the fishing fleet was back on its moorings by the afternoon.";
    // The header block (headline, byline, lead photo) sits beside the body and carries the
    // class of its share buttons.
    let page = format!(
        "<!doctype html><html><head><title>Sea wall opens | Harbour Gazette</title></head><body>\
         <div class=\"story\"><div class=\"article-header social-share-container\"><h1>Sea wall opens</h1>\
         <p class=\"byline\">By Mara Quist</p><img src=\"https://img.example/wall.jpg\" alt=\"The wall\"></div>\
         <div class=\"article-body\"><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p></div></div></body></html>"
    );
    let removed = lectern::declutter(page.as_bytes(), &Options::new()).unwrap();
    assert!(!removed.iter().any(|r| r.text.contains("Sea wall opens") || r.text.contains("Mara Quist")), "{removed:?}");
}

#[test]
fn clutter_around_the_article_is_listed_and_can_be_shown() {
    // The WordPress page's "Recent posts" sidebar lies outside the article.
    let page = fixture("wordpress-news-clone");
    let options = Options::new().url("https://linkdaddynews.example/2025/01/scale-ai-letter/");
    let plain = extract(&page, &options).unwrap();
    let marked = extract(&page, &options.clone().mark_removed(true)).unwrap();
    assert_eq!(plain.text, marked.text, "what is around the article is not its text");
    assert!(!plain.content.contains("Recent posts"));
    let listed = marked.removed.iter().find(|r| r.text.starts_with("Recent posts")).expect("the sidebar is listed");
    assert_eq!(listed.category, Category::Related);
    let mark = format!("data-lectern-removed=\"{}\"", listed.element);
    let at = marked.content.find(&mark).expect("and it comes marked in the content");
    assert!(marked.content[at..].contains("Recent posts"));
    // Only what a reader may want back: not the cookie banner, nor the share bar beside it.
    let beside: Vec<_> = marked.removed.iter().filter(|r| !plain.removed.contains(r)).collect();
    assert!(beside.iter().all(|r| r.category.read_beside()), "{beside:?}");
}
