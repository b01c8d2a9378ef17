//! The words every part of Lectern shares — the clutter categories (their ids, order and
//! locale keys), the reasons a block is removed, the problem report's schema, kinds and
//! limits, and the reader's settings
//! (defaults, ranges, choices) — defined once, here, and handed to JavaScript: the build
//! writes `lectern vocabulary` into the extension's bundle (`extension/src/common/
//! vocabulary.js`, generated), and the playground asks the wasm module (`vocabulary()`).
//! The locale files name each category and kind by the keys given here; a test checks that
//! every locale has them all.

use serde::Serialize;

use crate::report::{MAX_REPORT, SCHEMA};
use crate::{Category, Why};

/// Everything the JavaScript side reads from the core's vocabulary.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vocabulary {
    /// The categories in the order the reader's switches list them.
    pub categories: Vec<CategoryWords>,
    /// Why a block was removed, in a reader's terms (`Why`): each has a locale message
    /// `why_<id>`.
    pub whys: Vec<Why>,
    pub report: ReportWords,
    pub settings: Settings,
}

/// One clutter category as the reader sees it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryWords {
    pub id: Category,
    /// The locale message naming it ("category_author_bio").
    pub locale_key: String,
    /// Whether "declutter page" hides it on the live page.
    pub declutters: bool,
}

/// What a problem report is.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportWords {
    pub schema: &'static str,
    /// What went wrong, as the report's `kind` says it; each has a locale message
    /// `kind_<id>`.
    pub kinds: &'static [&'static str],
    /// The largest report file read back (bytes).
    pub max_bytes: usize,
    /// The most characters a report's comment, each corrected field and the page's HTML
    /// may have: storage.local is unlimited, and a report is read back whole.
    pub limits: ReportLimits,
    /// How many reports the extension keeps at most; a new one waits until the reader
    /// deletes some.
    pub max_stored: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportLimits {
    pub comment: usize,
    pub field: usize,
    pub html: usize,
}

/// The reader's settings: defaults, the range of each number, the values of each choice,
/// and how long the site lists may grow.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub defaults: SettingDefaults,
    /// `[min, max, step]` of the numeric settings.
    pub limits: Limits,
    pub choices: Choices,
    /// How many always-reader sites and never pages are kept (storage.sync holds 8 KB an
    /// item).
    pub list_limits: ListLimits,
}

/// The value of each setting on a fresh install.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingDefaults {
    /// 'system' (follow the system's light or dark), 'light', 'sepia' or 'dark'.
    pub theme: &'static str,
    /// 'serif', 'sans' or 'mono': system fonts only, nothing is downloaded.
    pub font: &'static str,
    /// Text size in CSS pixels.
    pub font_size: u32,
    /// Line width in characters (ch): about 66 reads best.
    pub line_width: u32,
    /// Line height, a multiple of the text size.
    pub line_height: f64,
    /// 'start' (ragged, the language's own side) or 'justify'.
    pub align: &'static str,
    /// Clutter categories shown as part of the article.
    pub keep: Vec<Category>,
    /// Whether the reader view loads the article's images (off: no request at all).
    pub images: bool,
    /// Read aloud: the voice (its `voiceURI` in the Web Speech API; '' is the browser's
    /// default voice for the article's language).
    pub voice: &'static str,
    /// Read aloud: the speed, a multiple of the voice's usual one.
    pub speech_rate: f64,
    /// The toolbar badge on pages that look like articles (needs every site's permission).
    pub readerable_badge: bool,
    /// Where problem reports are also POSTed ('' keeps them in the browser only).
    pub report_endpoint: &'static str,
    /// Origins ("https://example.com") whose article pages open as the reader view at once.
    pub always_sites: Vec<String>,
    /// Page URLs (no fragment) on those sites that are always shown as the site sent them.
    pub never_pages: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    pub font_size: [f64; 3],
    pub line_width: [f64; 3],
    pub line_height: [f64; 3],
    pub speech_rate: [f64; 3],
}

#[derive(Debug, Clone, Serialize)]
pub struct Choices {
    pub theme: &'static [&'static str],
    pub font: &'static [&'static str],
    pub align: &'static [&'static str],
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListLimits {
    pub always_sites: usize,
    pub never_pages: usize,
}

/// The vocabulary of this version of Lectern.
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        categories: Category::ALL
            .iter()
            .map(|&id| CategoryWords { id, locale_key: format!("category_{}", id.name()), declutters: id.declutters() })
            .collect(),
        whys: vec![Why::Named, Why::Worded, Why::Links, Why::Short, Why::Hidden, Why::Shaped, Why::InSection],
        report: ReportWords {
            schema: SCHEMA,
            kinds: &["content_missing", "clutter_left", "wrong_metadata", "images_missing", "other"],
            max_bytes: MAX_REPORT,
            limits: ReportLimits { comment: 5000, field: 500, html: 16 << 20 },
            max_stored: 50,
        },
        settings: Settings {
            defaults: SettingDefaults {
                theme: "system",
                font: "serif",
                font_size: 19,
                line_width: 66,
                line_height: 1.6,
                align: "start",
                keep: vec![],
                images: true,
                voice: "",
                speech_rate: 1.0,
                readerable_badge: false,
                report_endpoint: "",
                always_sites: vec![],
                never_pages: vec![],
            },
            limits: Limits {
                font_size: [12.0, 40.0, 1.0],
                line_width: [40.0, 100.0, 2.0],
                line_height: [1.2, 2.2, 0.1],
                speech_rate: [0.5, 2.0, 0.1],
            },
            choices: Choices {
                theme: &["system", "light", "sepia", "dark"],
                font: &["serif", "sans", "mono"],
                align: &["start", "justify"],
            },
            list_limits: ListLimits { always_sites: 200, never_pages: 60 },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every locale of the extension names every category, report kind, reason and
    /// setting choice ("themeSepia": the setting, then the value capitalized).
    #[test]
    fn every_locale_has_every_key() {
        let words = vocabulary();
        let c = &words.settings.choices;
        let choices = [("theme", c.theme), ("font", c.font), ("align", c.align)];
        let choice_keys =
            choices.iter().flat_map(|(name, values)| values.iter().map(move |v| format!("{name}{}{}", v[..1].to_uppercase(), &v[1..])));
        let keys: Vec<String> = words
            .categories
            .iter()
            .map(|c| c.locale_key.clone())
            .chain(words.report.kinds.iter().map(|k| format!("kind_{k}")))
            .chain(choice_keys)
            .collect();
        let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("extension/_locales");
        let mut seen = 0;
        for entry in std::fs::read_dir(&locales).expect("the extension's locales") {
            let path = entry.unwrap().path().join("messages.json");
            let messages: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for key in &keys {
                assert!(messages.get(key).is_some(), "{} lacks {key}", path.display());
            }
            seen += 1;
        }
        assert!(seen >= 2, "expected the extension's locales at {}", locales.display());
    }
}
