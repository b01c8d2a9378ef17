//! What goes into an extraction and what comes out: the `Options` a caller sets, the
//! `Article` it gets back, and each `Removed` block with its reason. Every stage reads
//! these; they live here rather than in the crate's root so that no module imports back
//! from `lib.rs`.

use serde::{Deserialize, Serialize};

use crate::{decide, render, Category};

/// Settings for one extraction.
#[must_use]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// The page's URL: relative links and images are resolved against it (and `<base>`).
    /// A URL that is empty, not absolute or not http(s) (a `file:` page) resolves nothing:
    /// the page still extracts, with its relative links kept relative.
    pub url: Option<String>,
    /// The charset the page was served with (the `Content-Type` header's), if known.
    pub charset: Option<String>,
    /// Clutter categories to keep in the article instead of removing.
    pub keep: Vec<Category>,
    /// Whether images are kept in the reader HTML.
    pub images: bool,
    /// Whether removed blocks are written into `Article::content` too, each marked with
    /// `data-lectern-removed="<element>"`, so a reader view can show them on demand without
    /// extracting again. Their text stays out of `Article::text`.
    pub mark_removed: bool,
    /// The reader header's words: given, the article comes with its reader document
    /// (`Article::document`) rendered in them.
    pub words: Option<render::Words>,
}

impl Default for Options {
    fn default() -> Self {
        Options { url: None, charset: None, keep: Vec::new(), images: true, mark_removed: false, words: None }
    }
}

impl Options {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the page URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the charset the page was served with.
    pub fn charset(mut self, charset: impl Into<String>) -> Self {
        self.charset = Some(charset.into());
        self
    }

    /// Keeps blocks of `category` in the article (e.g. the author bio).
    pub fn keep(mut self, category: Category) -> Self {
        if !self.keep.contains(&category) {
            self.keep.push(category);
        }
        self
    }

    /// Keeps or drops images.
    pub fn images(mut self, images: bool) -> Self {
        self.images = images;
        self
    }

    /// Writes removed blocks into the content, marked (see the field).
    pub fn mark_removed(mut self, mark: bool) -> Self {
        self.mark_removed = mark;
        self
    }

    /// Renders the reader document with the header in these words.
    pub fn words(mut self, words: render::Words) -> Self {
        self.words = Some(words);
        self
    }

    pub(crate) fn removes(&self, category: Category) -> bool {
        !self.keep.contains(&category)
    }
}

/// Why a block was taken out, in the terms a reader is shown: each has a locale message
/// `why_<id>` (the extension's Removed panel); `Removed::reason` keeps the rule's own words
/// for `lectern explain` and problem reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// The page's own markup calls it so: its class, id, role or tag.
    #[default]
    Named,
    /// Its words say what it is: "Related articles", "Advertisement", "Share this".
    Worded,
    /// It is mostly links.
    Links,
    /// It has almost no text.
    Short,
    /// The page hides it from its readers.
    Hidden,
    /// It has the shape of one: teaser cards, a sign-up box, a bio, a form, a gallery.
    Shaped,
    /// It is part of a section that was taken out, or its heading.
    InSection,
}

/// A block the extractor took out of the article, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    pub category: Category,
    /// Why, for a reader.
    #[serde(default)]
    pub why: Why,
    /// The rule that matched, in words.
    pub reason: String,
    /// The block's first words.
    pub text: String,
    /// The element's position among the page's elements in document order (0 is `<html>`).
    pub element: u32,
    /// The element's tag name, lowercase: lets a caller holding the page's DOM check that
    /// `element` points where it should.
    #[serde(default)]
    pub tag: String,
}

/// The article Lectern extracted from a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    pub title: Option<String>,
    /// The author's name (several joined with ", "), never a bio.
    pub byline: Option<String>,
    pub published_time: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
    /// Sanitized reader HTML, safe to set as `innerHTML` in an extension page.
    pub content: String,
    /// The body as plain text, paragraphs separated by blank lines.
    pub text: String,
    pub word_count: usize,
    pub reading_minutes: usize,
    /// Whether the page looks like an article.
    pub readerable: bool,
    pub removed: Vec<Removed>,
    /// The reader document (`render::reader_document`): header and body as every reader
    /// view shows them; present when `Options::words` asked for it.
    pub document: Option<String>,
}

impl Article {
    /// What the metadata read so far tells the decide stage.
    pub(crate) fn stated(&self) -> decide::Stated<'_> {
        decide::Stated { title: self.title.as_deref(), author: self.byline.as_deref() }
    }
}
