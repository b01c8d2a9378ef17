//! The `lectern` command line: extract (json, text, html, stdin), errors, batch, explain.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

mod common;
use common::{fold, page, PARAGRAPHS, TITLE};

/// A fresh, empty directory under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let dir =
        std::env::temp_dir().join(format!("lectern-cli-{name}-{}-{nanos}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_page(dir: &Path, html: &str) -> PathBuf {
    let path = dir.join("page.html");
    std::fs::write(&path, html).unwrap();
    path
}

fn lectern(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern")).args(args).stdin(Stdio::null()).output().expect("the lectern binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_success(out: &Output, what: &str) {
    assert!(out.status.success(), "{what} failed with {:?}\nstderr: {}\nstdout: {}", out.status, stderr(out), stdout(out));
    assert!(!stderr(out).contains("panicked"), "{what} panicked: {}", stderr(out));
}

#[test]
fn extract_json_has_every_key() {
    let dir = temp_dir("json");
    let file = write_page(&dir, &page(""));
    let out = lectern(&["extract", file.to_str().unwrap(), "--format", "json"]);
    assert_success(&out, "extract --format json");
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(&out)));
    let obj = v.as_object().expect("a JSON object");
    for key in [
        "title",
        "byline",
        "published_time",
        "site_name",
        "lang",
        "dir",
        "excerpt",
        "content",
        "text",
        "word_count",
        "reading_minutes",
        "readerable",
        "removed",
    ] {
        assert!(obj.contains_key(key), "key {key:?} missing from {:?}", obj.keys().collect::<Vec<_>>());
    }
    assert_eq!(v["title"].as_str(), Some(TITLE));
    assert!(v["word_count"].as_u64().unwrap() > 200, "word_count: {}", v["word_count"]);
    assert!(v["reading_minutes"].as_u64().unwrap() >= 1);
    assert!(v["readerable"].is_boolean());
    assert!(v["removed"].is_array());
    let text = fold(v["text"].as_str().unwrap());
    for p in PARAGRAPHS {
        assert!(text.contains(p), "paragraph missing from JSON text: {p}");
    }
    assert!(!v["content"].as_str().unwrap().contains("<script"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_text_prints_paragraphs() {
    let dir = temp_dir("text");
    let file = write_page(&dir, &page(""));
    let out = lectern(&["extract", file.to_str().unwrap(), "--format", "text"]);
    assert_success(&out, "extract --format text");
    let s = stdout(&out);
    for p in PARAGRAPHS {
        assert!(fold(&s).contains(p), "paragraph missing from text output: {p}\noutput: {s}");
    }
    // Paragraphs are separated by blank lines.
    let blocks: Vec<&str> = s.split("\n\n").map(str::trim).filter(|b| !b.is_empty()).collect();
    for p in PARAGRAPHS {
        assert!(blocks.contains(&p), "paragraph is not its own block: {p}\noutput: {s}");
    }
    assert!(!s.contains('<'), "text output contains markup: {s}");
    assert!(!s.contains("window.tracker"), "script text in output: {s}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_html_is_a_standalone_page() {
    let dir = temp_dir("html");
    let file = write_page(&dir, &page("<script>alert(1)</script><img src=x onerror=alert(1)>"));
    let out = lectern(&["extract", file.to_str().unwrap(), "--format", "html"]);
    assert_success(&out, "extract --format html");
    let s = stdout(&out);
    let lower = s.to_ascii_lowercase();
    assert!(lower.starts_with("<!doctype html>"), "not a standalone page: {}", &s[..s.len().min(200)]);
    assert!(lower.contains("</html>"));
    assert!(s.contains(&format!("<h1 class=\"lectern-title\">{TITLE}</h1>")), "no <h1> with the title: {s}");
    assert!(!lower.contains("<script"), "script in the html output: {s}");
    assert!(!lower.contains("onerror"), "handler in the html output: {s}");
    for p in PARAGRAPHS {
        assert!(s.contains(p), "paragraph missing from html output: {p}");
    }
    // The default format is html.
    let default = lectern(&["extract", file.to_str().unwrap()]);
    assert_success(&default, "extract (default format)");
    assert_eq!(stdout(&default), s, "the default format should be html");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_title_is_escaped_in_html() {
    let dir = temp_dir("title-escape");
    let html = page("").replace(&format!("<title>{TITLE}</title>"), "<title>Otters &lt;script&gt;alert(1)&lt;/script&gt; return</title>");
    let file = write_page(&dir, &html);
    let out = lectern(&["extract", file.to_str().unwrap(), "--format", "html"]);
    assert_success(&out, "extract --format html");
    assert!(!stdout(&out).to_ascii_lowercase().contains("<script"), "unescaped title: {}", stdout(&out));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_reads_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["extract", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let html = page("");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(html.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert_success(&out, "extract -");
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["title"].as_str(), Some(TITLE));
    assert!(fold(v["text"].as_str().unwrap()).contains(PARAGRAPHS[5]));
}

#[test]
fn extract_url_resolves_links() {
    let dir = temp_dir("url");
    let file = write_page(&dir, &page("<p>See <a href=\"../y\">the earlier story</a>.</p>"));
    let out = lectern(&["extract", file.to_str().unwrap(), "--format", "json", "--url", "https://example.com/a/b.html"]);
    assert_success(&out, "extract --url");
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v["content"].as_str().unwrap().contains("href=\"https://example.com/y\""), "{}", v["content"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_missing_file_fails_cleanly() {
    let out = lectern(&["extract", "/no/such/file"]);
    assert!(!out.status.success(), "a missing file should fail");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "expected exactly one line on stderr, got: {err:?}");
    assert!(lines[0].starts_with("lectern:"), "stderr should start with 'lectern:': {err:?}");
    assert!(lines[0].contains("/no/such/file"), "the message should name the file: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty(), "nothing on stdout: {}", stdout(&out));
}

#[test]
fn extract_with_an_unusable_url_keeps_links_relative() {
    let dir = temp_dir("bad-url");
    let file = write_page(&dir, &page("<p>See the <a href=\"maps/river.html\">river map</a> for the route.</p>"));
    let out = lectern(&["extract", file.to_str().unwrap(), "--url", "not a url", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(article["content"].as_str().unwrap().contains("href=\"maps/river.html\""), "{article}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn batch_writes_text_and_meta() {
    let root = temp_dir("batch");
    let corpus = root.join("corpus");
    let out_dir = root.join("out");
    let meta_path = root.join("M.json");
    std::fs::create_dir_all(corpus.join("alpha")).unwrap();
    std::fs::create_dir_all(corpus.join("beta")).unwrap();
    std::fs::create_dir_all(corpus.join("not-a-case")).unwrap();
    std::fs::write(corpus.join("alpha/source.html"), page("<p>Read <a href=\"../y\">more</a> here.</p>")).unwrap();
    std::fs::write(corpus.join("alpha/meta.json"), r#"{"url": "https://example.com/a/b.html"}"#).unwrap();
    let beta = page("").replace(TITLE, "Beavers Build a New Dam").replace("Jane Marsh", "Tom Reed");
    std::fs::write(corpus.join("beta/source.html"), beta).unwrap();

    let out = lectern(&["batch", corpus.to_str().unwrap(), out_dir.to_str().unwrap(), "--meta", meta_path.to_str().unwrap()]);
    assert_success(&out, "batch");
    let s = stdout(&out);
    assert!(s.lines().any(|l| l.contains("pages/s")), "no pages/s line: {s}");

    for (id, title) in [("alpha", TITLE), ("beta", "Beavers Build a New Dam")] {
        let txt = std::fs::read_to_string(out_dir.join(format!("{id}.txt"))).unwrap_or_else(|e| panic!("{id}.txt: {e}"));
        for p in PARAGRAPHS {
            assert!(fold(&txt).contains(p), "{id}.txt is missing a paragraph: {p}");
        }
        let first = txt.lines().next().unwrap_or("").trim();
        assert_ne!(first, title, "{id}.txt should hold the body only, not start with the title");
        assert!(!first.starts_with(title), "{id}.txt starts with the title line: {first:?}");
    }
    assert!(!out_dir.join("not-a-case.txt").exists(), "a folder without source.html is not a case");

    let meta: Value = serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    for id in ["alpha", "beta"] {
        let m = meta.get(id).unwrap_or_else(|| panic!("meta has no {id}: {meta}"));
        assert!(m.get("title").is_some() && m.get("byline").is_some(), "meta {id} lacks title/byline: {m}");
    }
    assert_eq!(meta["alpha"]["title"].as_str(), Some(TITLE));
    assert_eq!(meta["beta"]["title"].as_str(), Some("Beavers Build a New Dam"));
    assert_eq!(meta["alpha"]["byline"].as_str(), Some("Jane Marsh"));
    assert_eq!(meta["beta"]["byline"].as_str(), Some("Tom Reed"));
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn batch_missing_corpus_fails_cleanly() {
    let root = temp_dir("batch-missing");
    let out = lectern(&["batch", root.join("nope").to_str().unwrap(), root.join("out").to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("lectern:"), "{err:?}");
    assert!(!err.contains("panicked"), "{err}");
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn explain_lists_removed_share_bar() {
    let dir = temp_dir("explain");
    let file = write_page(&dir, &page("<div class=\"share-buttons\">Share this</div>"));
    let out = lectern(&["explain", file.to_str().unwrap()]);
    assert_success(&out, "explain");
    let s = stdout(&out);
    let line = s.lines().find(|l| l.contains("Share this")).unwrap_or_else(|| panic!("the share bar is not listed: {s}"));
    assert_eq!(line.split_whitespace().next(), Some("share"), "wrong category: {line}");

    // And it is gone from the extracted text.
    let json = lectern(&["extract", file.to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(!v["text"].as_str().unwrap().contains("Share this"), "{}", v["text"]);
    assert!(v["removed"].as_array().unwrap().iter().any(|r| r["category"] == "share"), "{}", v["removed"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn explain_missing_file_fails_cleanly() {
    let out = lectern(&["explain", "/no/such/file"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("lectern:"), "{err:?}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A problem report as the extension writes it, for `page` with the given marks; the
/// recorded article has an older title and one paragraph today's extractor does not give.
fn report(html: Option<&str>, marks: Value) -> Value {
    serde_json::json!({
        "schema": "lectern-report/1",
        "extensionVersion": "0.1.0",
        "browser": "Chromium 142",
        "created": "2026-11-25T10:00:00Z",
        "url": "https://otters.example/news/river",
        "pageTitle": TITLE,
        "kind": "clutter_left",
        "comment": "The share bar is still there",
        "marks": marks,
        "options": { "keep": [], "images": true },
        "article": {
            "title": "An older title",
            "text": format!("{}\n\nAn old paragraph that is gone today.", PARAGRAPHS[0]),
            "word_count": 60,
            "readerable": true
        },
        "html": html,
    })
}

fn write_report(dir: &Path, report: &Value) -> PathBuf {
    let path = dir.join("report.json");
    std::fs::write(&path, serde_json::to_vec(report).unwrap()).unwrap();
    path
}

#[test]
fn replay_shows_what_changed_and_whether_the_marks_hold() {
    let dir = temp_dir("replay");
    let html = page("<div class=\"share-bar\">Share this story on Facebook</div>");
    let marks = serde_json::json!([
        { "should": "absent", "text": "Share this story on Facebook" },
        { "should": "present", "text": "A sentence the page never had." }
    ]);
    let file = write_report(&dir, &report(Some(&html), marks));
    let out = lectern(&["replay", file.to_str().unwrap()]);
    assert_success(&out, "replay");
    let text = stdout(&out);
    assert!(text.contains("report: https://otters.example/news/river (clutter_left"), "{text}");
    assert!(text.contains(&format!("\ntitle: {TITLE}\n")), "the page is named by its title: {text}");
    assert!(text.contains("comment: The share bar is still there"), "{text}");
    assert!(text.contains(&format!("title: Some(\"An older title\") → Some({TITLE:?})")), "{text}");
    assert!(text.contains("  - An old paragraph that is gone today."), "{text}");
    assert!(text.contains(&format!("  + {}", &PARAGRAPHS[1][..100])), "{text}");
    assert!(text.contains("marks: 1 of 2 as the reader wants"), "{text}");
    assert!(text.contains("ok   should be absent: Share this story on Facebook"), "{text}");
    assert!(text.contains("FAIL should be present: A sentence the page never had."), "{text}");

    // The JSON form carries today's article: the same one `extract` gives for the page.
    let json = lectern(&["replay", file.to_str().unwrap(), "--format", "json"]);
    assert_success(&json, "replay --format json");
    let v: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let page_file = write_page(&dir, &html);
    let extracted = lectern(&["extract", page_file.to_str().unwrap(), "--url", "https://otters.example/news/river", "--format", "json"]);
    let extracted: Value = serde_json::from_str(&stdout(&extracted)).unwrap();
    assert_eq!(v["article"]["text"], extracted["text"]);
    assert_eq!(v["replay"]["marks"][0][1], Value::Bool(true));
}

#[test]
fn replay_of_a_reader_who_kept_clutter_is_no_change() {
    let dir = temp_dir("replay-kept");
    let html = page("<div class=\"share-bar\">Share this story on Facebook</div>");
    let page_file = write_page(&dir, &html);
    let url = "https://otters.example/news/river";
    let today = lectern(&["extract", page_file.to_str().unwrap(), "--url", url, "--format", "json"]);
    let mut r = report(Some(&html), serde_json::json!([]));
    // The reader switched the share category on and brought one removed block back: the
    // article they were shown was extracted as today's is, the rest is their view of it.
    r["article"] = serde_json::from_str(&stdout(&today)).unwrap();
    r["options"] = serde_json::json!({ "keep": ["share"], "keptBlocks": [12], "images": true });
    let file = write_report(&dir, &r);
    let out = lectern(&["replay", file.to_str().unwrap()]);
    assert_success(&out, "replay");
    let text = stdout(&out);
    assert!(text.contains("\narticle: unchanged"), "{text}");
    assert!(text.contains("kept by the reader: share; 1 block"), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn fixture_from_a_report_is_a_test_case() {
    let dir = temp_dir("fixture");
    let html = page("<div class=\"share-bar\">Share this story on Facebook</div>");
    let mut r = report(
        Some(&html),
        serde_json::json!([{ "should": "absent", "text": "Share this story" }, { "should": "present", "text": PARAGRAPHS[2] }]),
    );
    r["corrections"] = serde_json::json!({ "byline": "Jo Banks" });
    let file = write_report(&dir, &r);
    let target = dir.join("fixtures/otters-share-bar");
    let out = lectern(&["fixture", file.to_str().unwrap(), target.to_str().unwrap()]);
    assert_success(&out, "fixture");
    assert!(stdout(&out).contains("2 marks, metadata as the reader corrected it"), "{}", stdout(&out));
    assert_eq!(std::fs::read_to_string(target.join("source.html")).unwrap(), html);
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(target.join("expected.json")).unwrap()).unwrap();
    assert_eq!(expected["url"], "https://otters.example/news/river");
    assert_eq!(expected["byline"], "Jo Banks", "the reader's correction wins");
    assert_eq!(expected["title"], "An older title", "uncorrected metadata is what was recorded");
    assert_eq!(expected["absent"], serde_json::json!(["Share this story"]));
    assert_eq!(expected["present"], serde_json::json!([PARAGRAPHS[2]]));
    // The fixture suite's own check reads it: today's extractor keeps the paragraph and drops
    // the share bar (both marks hold); the title recorded then and the reader's byline are
    // not what the page gives today, so the new case fails until the extractor is fixed.
    let (source, expected, options) = common::fixture::load(&target);
    let article = lectern::extract(&source, &options).unwrap();
    assert_eq!(
        common::fixture::check(&article, &expected),
        [
            r#"title: expected "An older title", got Some("The Quiet Return of the River Otters")"#,
            r#"byline: expected "Jo Banks", got Some("Jane Marsh")"#
        ]
    );

    // An existing fixture is not overwritten by accident.
    let again = lectern(&["fixture", file.to_str().unwrap(), target.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("already holds a fixture (--force replaces it)"), "{}", stderr(&again));
    assert_success(&lectern(&["fixture", file.to_str().unwrap(), target.to_str().unwrap(), "--force"]), "fixture --force");
}

#[test]
fn bad_reports_get_one_clear_line() {
    let dir = temp_dir("bad-reports");
    let good = serde_json::to_string(&report(Some(&page("")), serde_json::json!([]))).unwrap();
    let cases: [(&str, String, &str); 5] = [
        ("truncated", good[..good.len() / 2].to_string(), "the report is not valid: it ends too early: it may have been cut short"),
        ("not json", "<html>not a report</html>".into(), "the report is not valid: it is not JSON (expected value"),
        ("no schema", "{\"url\": \"https://a.example/\"}".into(), "the report is not valid: it has no \"schema\" field"),
        (
            "future",
            good.replace("lectern-report/1", "lectern-report/9"),
            "the report's schema \"lectern-report/9\" is not \"lectern-report/1\"",
        ),
        (
            "no html",
            serde_json::to_string(&report(None, serde_json::json!([]))).unwrap(),
            "the report does not include the page's HTML (the reader did not share it)",
        ),
    ];
    for (what, body, message) in cases {
        let file = dir.join(format!("{}.json", what.replace(' ', "-")));
        std::fs::write(&file, body).unwrap();
        for command in ["replay", "fixture"] {
            let mut args = vec![command, file.to_str().unwrap()];
            let target = dir.join("out");
            if command == "fixture" {
                args.push(target.to_str().unwrap());
            }
            let out = lectern(&args);
            assert!(!out.status.success(), "{command} {what} succeeded");
            let err = stderr(&out);
            assert!(err.contains(message), "{command} {what}: {err}");
            assert_eq!(err.trim().lines().count(), 1, "{command} {what}: one line: {err}");
            assert!(!target.exists(), "{command} {what} wrote a fixture");
        }
    }
}
