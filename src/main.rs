//! `lectern`: the extractor on the command line.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use lectern::report::{Replay, Report};
use lectern::{extract, render, Article, Options};

/// `println!` for the run_* functions: ends quietly when the reader of the output has gone
/// (`lectern explain page.html | head`), and reports other write errors, never panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            return Err(format!("cannot write the output: {e}"));
        }
    }};
}

#[derive(Parser)]
#[command(name = "lectern", version, about = "Reader-mode article extraction")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the article from a page (a file, or - for standard input).
    Extract {
        file: String,
        /// The page's URL, to resolve relative links and images.
        #[arg(long)]
        url: Option<String>,
        /// The charset the page was served with.
        #[arg(long)]
        charset: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Html)]
        format: Format,
    },
    /// Extract every case of a corpus (CORPUS/<id>/source.html) into OUT/<id>.txt.
    Batch {
        corpus: PathBuf,
        out: PathBuf,
        /// Also write a JSON map id → {title, byline}.
        #[arg(long)]
        meta: Option<PathBuf>,
    },
    /// List every block removed from the article, with its category and reason.
    Explain {
        file: String,
        #[arg(long)]
        url: Option<String>,
        /// List what "declutter page" hides instead: clutter around the article too.
        #[arg(long)]
        page: bool,
    },
    /// Re-run today's extractor on a problem report's page and show what changed.
    Replay {
        report: PathBuf,
        #[arg(long, value_enum, default_value_t = ReplayFormat::Text)]
        format: ReplayFormat,
    },
    /// Turn a problem report into a regression fixture (DIR/source.html, DIR/expected.json).
    Fixture {
        report: PathBuf,
        /// The fixture's folder, e.g. tests/fixtures/<slug>.
        dir: PathBuf,
        /// Replace the folder's files if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the vocabulary the extension and the playground share with the core (JSON):
    /// categories, the report's schema and limits, the settings' defaults.
    Vocabulary,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReplayFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Html,
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { file, url, charset, format } => run_extract(&file, url, charset, format),
        Command::Batch { corpus, out, meta } => run_batch(&corpus, &out, meta.as_deref()),
        Command::Explain { file, url, page } => run_explain(&file, url, page),
        Command::Replay { report, format } => run_replay(&report, format),
        Command::Fixture { report, dir, force } => run_fixture(&report, &dir, force),
        Command::Vocabulary => run_vocabulary(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lectern: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read_input(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut buf = vec![];
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))
    }
}

fn options(url: Option<String>, charset: Option<String>) -> Options {
    let mut o = Options::new();
    if let Some(u) = url {
        o = o.url(u);
    }
    if let Some(c) = charset {
        o = o.charset(c);
    }
    o
}

fn run_extract(file: &str, url: Option<String>, charset: Option<String>, format: Format) -> Result<(), String> {
    let html = read_input(file)?;
    let article = extract(&html, &options(url, charset)).map_err(|e| e.to_string())?;
    let out = match format {
        Format::Text => article.text.clone() + "\n",
        Format::Json => serde_json::to_string_pretty(&article).map_err(|e| e.to_string())? + "\n",
        Format::Html => standalone_page(&article),
    };
    say!("{}", out.trim_end_matches('\n'));
    Ok(())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A readable page on its own: the reader document under the reader view's own
/// stylesheet (its "system" theme follows the system's light or dark).
fn standalone_page(a: &Article) -> String {
    let title = escape(a.title.as_deref().unwrap_or("Untitled"));
    let document = a.document.clone().unwrap_or_else(|| render::reader_document(a, &render::Words::default()));
    format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'\">\
<title>{title}</title><style>{READER_CSS}</style></head>\n<body style=\"margin:0\"><div id=\"lectern-reader\"><main class=\"lectern-page\">{document}</main></div></body></html>\n"
    )
}

/// The reader view's stylesheet, the one the extension, its streamed page and the
/// playground use.
const READER_CSS: &str = include_str!("../extension/reader.css");

fn run_vocabulary() -> Result<(), String> {
    let json = serde_json::to_string_pretty(&lectern::vocabulary::vocabulary()).map_err(|e| e.to_string())?;
    say!("{json}");
    Ok(())
}

fn run_explain(file: &str, url: Option<String>, page: bool) -> Result<(), String> {
    let html = read_input(file)?;
    let options = options(url, None);
    let removed = if page { lectern::declutter(&html, &options) } else { extract(&html, &options).map(|a| a.removed) };
    let removed = removed.map_err(|e| e.to_string())?;
    if removed.is_empty() {
        say!("nothing removed");
    }
    for r in &removed {
        let words: Vec<&str> = r.text.split_whitespace().take(12).collect();
        say!("{:<12} {:<8} {:<45} {}", r.category.name(), r.tag, r.reason, words.join(" "));
    }
    Ok(())
}

/// Reads a report and re-extracts its page.
fn replayed(path: &Path) -> Result<(Report, Article), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let report = Report::parse(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let html = report.html().map_err(|e| format!("{}: {e}", path.display()))?;
    let today = extract(html.as_bytes(), &report.extraction_options()).map_err(|e| e.to_string())?;
    Ok((report, today))
}

fn run_replay(path: &Path, format: ReplayFormat) -> Result<(), String> {
    let (report, today) = replayed(path)?;
    let replay = Replay::compare(&report, &today);
    if let ReplayFormat::Json = format {
        let out = serde_json::json!({ "replay": replay, "article": today });
        say!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let about: Vec<&str> =
        [report.kind.as_deref(), report.created.as_deref(), report.extension_version.as_deref()].into_iter().flatten().collect();
    say!("report: {} ({})", report.url, about.join(", "));
    say!("title: {}", today.title.as_deref().or(report.page_title.as_deref()).unwrap_or("(none)"));
    if let Some(comment) = report.comment.as_deref().filter(|c| !c.trim().is_empty()) {
        say!("comment: {comment}");
    }
    if let Some(kept) = report.kept() {
        say!("kept by the reader: {kept}");
    }
    let short = |s: &str| s.chars().take(100).collect::<String>();
    match (&report.article, replay.unchanged()) {
        (None, _) => say!("article: not recorded in the report; today: {} words", today.word_count),
        (Some(_), true) => say!("article: unchanged ({} words)", today.word_count),
        (Some(then), false) => {
            say!("article: changed ({} → {} words)", then.word_count, today.word_count);
            for (field, a, b) in &replay.metadata {
                say!("  {field}: {a:?} → {b:?}");
            }
            for p in &replay.gone {
                say!("  - {}", short(p));
            }
            for p in &replay.new {
                say!("  + {}", short(p));
            }
        }
    }
    if !replay.marks.is_empty() {
        let honoured = replay.marks.iter().filter(|(_, ok)| *ok).count();
        say!("marks: {honoured} of {} as the reader wants", replay.marks.len());
        for (mark, ok) in &replay.marks {
            say!("  {} should be {}: {}", if *ok { "ok  " } else { "FAIL" }, mark.should, short(&mark.text));
        }
    }
    Ok(())
}

fn run_fixture(path: &Path, dir: &Path, force: bool) -> Result<(), String> {
    let (report, today) = replayed(path)?;
    if dir.join("source.html").exists() && !force {
        return Err(format!("{} already holds a fixture (--force replaces it)", dir.display()));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let expected = report.fixture_expectations(&today);
    let json = serde_json::to_string_pretty(&expected).map_err(|e| e.to_string())? + "\n";
    let html = report.html().map_err(|e| e.to_string())?;
    for (name, text) in [("source.html", html), ("expected.json", json.as_str())] {
        let file = dir.join(name);
        std::fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }
    say!(
        "wrote {}: {} marks, metadata {}; `cargo test --test fixtures` now checks it",
        dir.display(),
        report.marks.len(),
        if report.corrections.title.is_some() || report.corrections.byline.is_some() || report.corrections.published_time.is_some() {
            "as the reader corrected it"
        } else {
            "as recorded (check it)"
        }
    );
    Ok(())
}

/// What `batch --meta` writes per case, named as the corpora's meta.json names it.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct CaseMeta {
    title: Option<String>,
    byline: Option<String>,
    published_time: Option<String>,
    /// The extract's verdict, and the quick check's (they must agree).
    readerable: bool,
    quick_readerable: bool,
}

fn run_batch(corpus: &Path, out: &Path, meta: Option<&Path>) -> Result<(), String> {
    let mut ids: Vec<String> = std::fs::read_dir(corpus)
        .map_err(|e| format!("cannot read {}: {e}", corpus.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().join("source.html").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    ids.sort();
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut metas = BTreeMap::new();
    let mut spent = Duration::ZERO;
    let mut bytes = 0usize;
    for id in &ids {
        let case = corpus.join(id);
        let html = std::fs::read(case.join("source.html")).map_err(|e| format!("cannot read {id}: {e}"))?;
        let url = std::fs::read_to_string(case.join("meta.json"))
            .ok()
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .and_then(|v| v.get("url").and_then(|u| u.as_str()).map(str::to_string));
        let started = Instant::now();
        let article = extract(&html, &options(url, None));
        spent += started.elapsed();
        bytes += html.len();
        let article = article.unwrap_or_else(|e| {
            eprintln!("lectern: {id}: {e}");
            Article::default()
        });
        std::fs::write(out.join(format!("{id}.txt")), &article.text).map_err(|e| format!("cannot write {id}.txt: {e}"))?;
        if meta.is_some() {
            let quick_readerable = lectern::is_probably_readerable(&html);
            metas.insert(
                id.clone(),
                CaseMeta {
                    title: article.title,
                    byline: article.byline,
                    published_time: article.published_time,
                    readerable: article.readerable,
                    quick_readerable,
                },
            );
        }
    }
    if let Some(path) = meta {
        let json = serde_json::to_string_pretty(&metas).map_err(|e| e.to_string())?;
        std::fs::write(path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let secs = spent.as_secs_f64().max(1e-9);
    say!("{} pages in {:.3} s: {:.1} pages/s, {:.1} MB/s", ids.len(), secs, ids.len() as f64 / secs, bytes as f64 / 1e6 / secs);
    Ok(())
}
