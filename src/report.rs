//! Problem reports: what the extension's "Report a problem" dialog saves, and what a
//! maintainer does with one — replay it against today's extractor, or turn it into a
//! regression fixture under `tests/fixtures/`.
//!
//! The format is versioned (`schema`); README.md documents it field by field. Readers of a
//! report are lenient about what they do not need (unknown fields are ignored, most fields
//! are optional) and strict about what they do: the page's HTML and a known schema.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::article::{Article, Options};
use crate::Category;

/// The schema this version writes and reads.
pub const SCHEMA: &str = "lectern-report/1";

/// The largest report accepted: a page's HTML is rarely over a few megabytes.
pub const MAX_REPORT: usize = 64 << 20;

/// Why a report cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The file is larger than any report Lectern writes.
    #[error("the report is larger than {limit} bytes")]
    TooLarge { limit: usize },
    /// The file is not JSON, or not a report (a field of the wrong type).
    #[error("the report is not valid: {0}")]
    Invalid(String),
    /// The report was written by a format this version does not know.
    #[error("the report's schema {0:?} is not {SCHEMA:?}")]
    Schema(String),
    /// The reader chose not to include the page's HTML, so there is nothing to re-run.
    #[error("the report does not include the page's HTML (the reader did not share it)")]
    NoHtml,
}

/// One problem report, as the extension writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema: String,
    #[serde(default)]
    pub extension_version: Option<String>,
    #[serde(default)]
    pub browser: Option<String>,
    /// When the report was made (RFC 3339).
    #[serde(default)]
    pub created: Option<String>,
    pub url: String,
    #[serde(default)]
    pub page_title: Option<String>,
    /// content_missing, clutter_left, wrong_metadata, images_missing or other.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    /// Blocks the reader marked.
    #[serde(default)]
    pub marks: Vec<Mark>,
    /// Metadata as the reader says it should be (for wrong title/byline/date).
    #[serde(default)]
    pub corrections: Corrections,
    /// The options in force when the article was made.
    #[serde(default)]
    pub options: ReportOptions,
    /// The article Lectern produced.
    #[serde(default)]
    pub article: Option<Article>,
    /// The page's HTML as captured (the live DOM, serialized), if the reader shared it.
    #[serde(default)]
    pub html: Option<String>,
}

/// A block the reader marked: text that should not be in the article, or removed text
/// that should.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mark {
    /// "absent" or "present".
    pub should: String,
    /// The block's text (its start, when it is long).
    pub text: String,
    /// The element number, for a removed block.
    #[serde(default)]
    pub element: Option<u32>,
}

/// Metadata the reader corrected; `None` where they did not.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corrections {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub byline: Option<String>,
    #[serde(default)]
    pub published_time: Option<String>,
}

/// The options a report records: how the reader was viewing the article.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportOptions {
    /// The categories the reader kept in the article.
    #[serde(default)]
    pub keep: Vec<Category>,
    /// The removed blocks the reader brought back one by one (their element numbers).
    #[serde(default)]
    pub kept_blocks: Vec<u32>,
    #[serde(default = "yes")]
    pub images: bool,
}

fn yes() -> bool {
    true
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions { keep: vec![], kept_blocks: vec![], images: true }
    }
}

impl Report {
    /// Reads a report file.
    pub fn parse(bytes: &[u8]) -> Result<Report, ReportError> {
        if bytes.len() > MAX_REPORT {
            return Err(ReportError::TooLarge { limit: MAX_REPORT });
        }
        // The schema first: a report from a future version gets that message, not a type error.
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            ReportError::Invalid(if e.is_eof() {
                "it ends too early: it may have been cut short".into()
            } else {
                format!("it is not JSON ({e})")
            })
        })?;
        if !value.is_object() {
            return Err(ReportError::Invalid("it is not a JSON object".into()));
        }
        match value.get("schema").and_then(Value::as_str) {
            Some(SCHEMA) => {}
            Some(other) => return Err(ReportError::Schema(other.to_string())),
            None => return Err(ReportError::Invalid("it has no \"schema\" field".into())),
        }
        serde_json::from_value(value).map_err(|e| ReportError::Invalid(e.to_string()))
    }

    /// The page's HTML, if the reader shared it.
    pub fn html(&self) -> Result<&str, ReportError> {
        self.html.as_deref().ok_or(ReportError::NoHtml)
    }

    /// The options the recorded article was made with, for the same page URL. The reader
    /// view extracts with every removed block marked and shows the kept categories and
    /// blocks itself, so what the reader kept is not an extraction option: today's article
    /// is compared with the recorded one as made, and a category switched on is no change.
    pub fn extraction_options(&self) -> Options {
        let options = Options::new().images(self.options.images).mark_removed(true);
        if url::Url::parse(&self.url).is_ok() {
            options.url(self.url.clone())
        } else {
            options
        }
    }

    /// The categories and blocks the reader kept, in words: "comments, share; 2 blocks".
    pub fn kept(&self) -> Option<String> {
        let mut parts: Vec<String> = vec![];
        if !self.options.keep.is_empty() {
            parts.push(self.options.keep.iter().map(|c| c.name()).collect::<Vec<_>>().join(", "));
        }
        match self.options.kept_blocks.len() {
            0 => {}
            1 => parts.push("1 block".into()),
            n => parts.push(format!("{n} blocks")),
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// `expected.json` for a regression fixture made from this report: the page URL, the
    /// metadata (the reader's corrections, else what Lectern found), the readerable verdict,
    /// and the marked blocks as text that must be `absent` or `present`.
    pub fn fixture_expectations(&self, today: &Article) -> Value {
        let recorded = self.article.as_ref().unwrap_or(today);
        let mut expected = Map::new();
        expected.insert("url".into(), json!(self.url));
        let c = &self.corrections;
        for (key, corrected, found) in [
            ("title", &c.title, &recorded.title),
            ("byline", &c.byline, &recorded.byline),
            ("published_time", &c.published_time, &recorded.published_time),
        ] {
            if let Some(v) = corrected.as_ref().or(found.as_ref()) {
                expected.insert(key.into(), json!(v));
            }
        }
        expected.insert("readerable".into(), json!(recorded.readerable));
        for (key, should) in [("absent", "absent"), ("present", "present")] {
            let texts: Vec<&str> =
                self.marks.iter().filter(|m| m.should == should).map(|m| m.text.trim()).filter(|t| !t.is_empty()).collect();
            if !texts.is_empty() {
                expected.insert(key.into(), json!(texts));
            }
        }
        if let Some(comment) = self.comment.as_deref().filter(|c| !c.trim().is_empty()) {
            expected.insert("comment".into(), json!(comment));
        }
        Value::Object(expected)
    }
}

/// What changed between the article a report recorded and today's extraction of its page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Replay {
    /// Metadata fields that differ: (field, recorded, today).
    pub metadata: Vec<(String, Option<String>, Option<String>)>,
    /// Paragraphs only in the recorded article.
    pub gone: Vec<String>,
    /// Paragraphs only in today's.
    pub new: Vec<String>,
    /// The reader's marks, each with whether today's article honours it.
    pub marks: Vec<(Mark, bool)>,
}

impl Replay {
    /// Compares the recorded article (if any) with `today`.
    pub fn compare(report: &Report, today: &Article) -> Replay {
        let mut replay = Replay::default();
        if let Some(then) = &report.article {
            for (field, a, b) in [
                ("title", &then.title, &today.title),
                ("byline", &then.byline, &today.byline),
                ("published_time", &then.published_time, &today.published_time),
                ("site_name", &then.site_name, &today.site_name),
            ] {
                if a != b {
                    replay.metadata.push((field.to_string(), a.clone(), b.clone()));
                }
            }
            let paragraphs = |a: &Article| -> Vec<String> {
                a.text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
            };
            let (before, after) = (paragraphs(then), paragraphs(today));
            replay.gone = before.iter().filter(|p| !after.contains(p)).cloned().collect();
            replay.new = after.iter().filter(|p| !before.contains(p)).cloned().collect();
        }
        let text = crate::text::fold_whitespace(&today.text);
        replay.marks = report
            .marks
            .iter()
            .map(|m| {
                let found = text.contains(&crate::text::fold_whitespace(&m.text));
                (m.clone(), found == (m.should == "present"))
            })
            .collect();
        replay
    }

    /// Whether today's article is the recorded one.
    pub fn unchanged(&self) -> bool {
        self.metadata.is_empty() && self.gone.is_empty() && self.new.is_empty()
    }
}
