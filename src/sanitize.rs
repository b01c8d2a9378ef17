//! What may appear in reader HTML: allow-listed tags and attributes, and URLs that
//! cannot run script.
//!
//! Reader output is set as `innerHTML` in an extension page, so it is treated as if an
//! attacker wrote the page. The rewrite builds the output itself (it never copies
//! source markup), escapes all text and attribute values, and asks this module what
//! each tag becomes and which URLs survive.

use url::Url;

use crate::html::Tag;

/// What the rewrite does with a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Write it, under this name.
    Keep(&'static str),
    /// Leave the tag out but keep its content.
    Unwrap,
    /// Leave it out with everything inside.
    Drop,
}

pub fn policy(tag: Tag) -> Policy {
    use Tag::*;
    match tag {
        // Never content, or able to run or load things.
        Script | Style | Template | Head | Title | Meta | Link | Base | Svg | Canvas | Object | Applet | Embed | Frame | Frameset
        | Input | Button | Select | Textarea | Option | Optgroup | Datalist | Output | Progress | Meter | Map | Area | Dialog | Noembed
        | Noframes | Xmp | Plaintext | AnnotationXml | Annotation | Slot | Portal | Audio | Video | Iframe | Noscript | Source
        | Marquee => Policy::Drop,
        // Wrappers whose structure means nothing in a reader view.
        Html | Body | Span | Font | Label | Legend | Big | Nobr | Picture | Other | Data | Tt | Strike => Policy::Unwrap,
        H1 => Policy::Keep("h2"),
        // Blocks become plain blocks: their bounds still separate the text around them
        // ("the<article>harbour" is two words).
        Section | Div | Article | Main | Header | Footer | Nav | Aside | Form | Fieldset | Address | Center | Hgroup | Search => {
            Policy::Keep("div")
        }
        Menu | Dir => Policy::Keep("ul"),
        Listing => Policy::Keep("pre"),
        Wbr => Policy::Unwrap,
        t => Policy::Keep(t.name()),
    }
}

/// Attributes kept as they are (after escaping) on a kept tag; URL attributes are
/// handled by the rewrite through `link_url` / `image_url`.
pub fn plain_attribute(tag: Tag, name: &str) -> bool {
    use Tag::*;
    match name {
        "lang" | "dir" => true,
        "title" => matches!(tag, Abbr | A | Img | Dfn),
        "alt" => tag == Img,
        "colspan" | "rowspan" | "scope" | "headers" => matches!(tag, Td | Th),
        "span" => matches!(tag, Col | Colgroup),
        "start" | "reversed" => tag == Ol,
        "type" => matches!(tag, Ol | Li),
        "value" => tag == Li,
        "datetime" => matches!(tag, Time | Del | Ins),
        "open" => tag == Details,
        _ => tag.is_mathml() && MATHML_ATTRIBUTES.contains(&name),
    }
}

/// Presentation attributes of MathML that carry meaning for the formula.
const MATHML_ATTRIBUTES: &[&str] = &[
    "display",
    "mathvariant",
    "stretchy",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "linethickness",
    "accent",
    "accentunder",
    "columnalign",
    "rowalign",
    "displaystyle",
    "scriptlevel",
    "open",
    "close",
    "separators",
    "notation",
    "width",
    "height",
    "depth",
    "columnspan",
    "largeop",
    "movablelimits",
    "symmetric",
    "maxsize",
    "minsize",
];

/// Whether an attribute value is safe to keep: no markup characters, bounded length.
pub fn plain_value_ok(value: &str) -> bool {
    value.len() <= 512
}

/// The prefix of every `id` in reader output: in-page links keep working (footnotes,
/// tables of contents) while the article cannot clobber the page's ids, nor take one of
/// the extension's own (`lectern-notice`, `lectern-settings`…: none starts with this).
pub const ID_PREFIX: &str = "lectern-a-";

/// An element id for reader output: the page's id behind `ID_PREFIX`.
pub fn anchor_id(raw: &str) -> Option<String> {
    let id = crate::text::decode_attribute(raw);
    let id = id.trim();
    (!id.is_empty() && id.len() <= 100 && !id.contains(char::is_whitespace)).then(|| format!("{ID_PREFIX}{id}"))
}

/// Keeps `language-*` / `lang-*` tokens of a code block's class (for syntax highlighting).
pub fn code_class(class: &str) -> Option<String> {
    let kept: Vec<&str> = class
        .split_ascii_whitespace()
        .filter(|t| {
            (t.starts_with("language-") || t.starts_with("lang-"))
                && t.len() < 40
                && t.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'#' | b'.'))
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// The base URL links resolve against: `<base href>` resolved against the page URL.
pub fn base_url(page: Option<&Url>, base_href: Option<&str>) -> Option<Url> {
    let href = base_href.map(|h| crate::text::decode_attribute(h).trim().to_string()).filter(|h| !h.is_empty());
    match (page, href) {
        (Some(p), Some(h)) => p.join(&h).ok().filter(is_web).or_else(|| Some(p.clone())),
        (None, Some(h)) => Url::parse(&h).ok().filter(is_web),
        (Some(p), None) => Some(p.clone()),
        (None, None) => None,
    }
}

pub fn is_web(u: &Url) -> bool {
    matches!(u.scheme(), "http" | "https")
}

/// Resolves `raw` (an attribute value, entities still encoded) against `base`.
/// Relative URLs stay relative when there is no base; anything with a scheme must be
/// one of `schemes`.
fn resolve(raw: &str, base: Option<&Url>, schemes: &[&str]) -> Option<String> {
    let decoded = crate::text::decode_attribute(raw);
    // Browsers strip leading/trailing C0 controls and spaces, and tabs/newlines anywhere.
    let cleaned: String = decoded.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    if cleaned.is_empty() {
        return None;
    }
    let parsed = match base {
        Some(b) => b.join(&cleaned),
        None => Url::parse(&cleaned),
    };
    match parsed {
        Ok(u) if schemes.contains(&u.scheme()) => Some(u.to_string()),
        Ok(_) => None,
        // A relative URL (no base to resolve it): kept only if no colon could be read as a scheme.
        Err(url::ParseError::RelativeUrlWithoutBase) => match (cleaned.find(':'), cleaned.find(['/', '?', '#'])) {
            (None, _) => Some(cleaned),
            (Some(colon), Some(delimiter)) if delimiter < colon => Some(cleaned),
            _ => None,
        },
        Err(_) => None,
    }
}

/// A link target: web and mail links, and in-page `#anchors` (kept as they are so they
/// scroll within the reader view).
pub fn link_url(raw: &str, base: Option<&Url>) -> Option<String> {
    let decoded = crate::text::decode_attribute(raw);
    let t = decoded.trim();
    if let Some(fragment) = t.strip_prefix('#') {
        // Ids are prefixed in reader output (`anchor_id`); the links follow.
        return (!fragment.is_empty() && !fragment.contains(['<', '>', '"'])).then(|| format!("#{ID_PREFIX}{fragment}"));
    }
    resolve(raw, base, &["http", "https", "mailto"])
}

/// Data-URL image types that render as pictures and cannot carry script.
const DATA_IMAGE_TYPES: &[&str] =
    &["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp", "data:image/avif"];

/// An image source: http(s), or an inline raster `data:` image. Placeholders are not sources.
pub fn image_url(raw: &str, base: Option<&Url>) -> Option<String> {
    let decoded = crate::text::decode_attribute(raw);
    let t = decoded.trim();
    let lower = t.get(..24).unwrap_or(t).to_ascii_lowercase();
    if lower.starts_with("data:") {
        return (DATA_IMAGE_TYPES.iter().any(|p| lower.starts_with(p)) && !is_placeholder(t) && !t.contains(['"', '<', '>']))
            .then(|| t.to_string());
    }
    let u = resolve(raw, base, &["http", "https"])?;
    (!is_placeholder(&u)).then_some(u)
}

/// Tiny inline GIFs/SVGs and "blank"/"spacer" files lazy loaders put in `src`.
pub fn is_placeholder(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("data:") {
        // Readability's rule: a base64 image under ~100 bytes is a placeholder.
        return lower.starts_with("data:image/svg") || lower.len() < 133 + 22;
    }
    let file = lower.rsplit('/').next().unwrap_or("");
    ["blank.", "spacer.", "pixel.", "transparent.", "placeholder", "lazy-load", "lazyload", "loading.gif", "1x1.", "grey.gif", "gray.gif"]
        .iter()
        .any(|p| file.contains(p))
}

/// A `srcset`: each candidate URL resolved, `data:` candidates dropped.
pub fn srcset(raw: &str, base: Option<&Url>) -> Option<String> {
    let decoded = crate::text::decode_attribute(raw);
    let mut out: Vec<String> = vec![];
    for candidate in decoded.split(", ").flat_map(|c| c.split(",\n")) {
        let mut parts = candidate.split_whitespace();
        let Some(u) = parts.next() else { continue };
        if u.to_ascii_lowercase().starts_with("data:") {
            continue;
        }
        let descriptor: Vec<&str> =
            parts.filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'w' || b == b'x')).collect();
        let Some(resolved) = resolve(u, base, &["http", "https"]) else { continue };
        if resolved.contains(',') || is_placeholder(&resolved) {
            continue;
        }
        out.push(if descriptor.is_empty() { resolved } else { format!("{resolved} {}", descriptor.join(" ")) });
    }
    (!out.is_empty()).then(|| out.join(", "))
}

/// The first URL of a srcset (for an image that has only a srcset).
pub fn first_srcset_url(srcset: &str) -> Option<&str> {
    srcset.split(", ").next()?.split_whitespace().next()
}

/// The label for a known embed host ("Video", "Post"…), for the link that replaces an iframe.
pub fn embed_label(url: &str) -> Option<(&'static str, String)> {
    let u = Url::parse(url).ok()?;
    let host = u.host_str()?.trim_start_matches("www.").to_string();
    crate::rules::EMBED_HOSTS.iter().find(|(h, _)| host == *h || host.ends_with(&format!(".{h}"))).map(|(_, label)| (*label, host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example/2025/story.html").unwrap()
    }

    #[test]
    fn script_urls_are_dropped() {
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "&#106;avascript:alert(1)",
            "vbscript:x",
            "data:text/html,<script>",
        ] {
            assert_eq!(link_url(bad, Some(&base())), None, "{bad}");
            assert_eq!(link_url(bad, None), None, "{bad}");
        }
    }

    #[test]
    fn relative_links_resolve() {
        assert_eq!(link_url("../about?a=1&amp;b=2", Some(&base())).as_deref(), Some("https://news.example/about?a=1&b=2"));
        assert_eq!(link_url("#fn1", Some(&base())).as_deref(), Some("#lectern-a-fn1"));
        assert_eq!(anchor_id(" fn1 ").as_deref(), Some("lectern-a-fn1"));
        assert_eq!(anchor_id("two words"), None);
        assert_eq!(link_url("/x", None).as_deref(), Some("/x"));
    }

    #[test]
    fn images() {
        assert_eq!(image_url("img/a.jpg", Some(&base())).as_deref(), Some("https://news.example/2025/img/a.jpg"));
        assert_eq!(image_url("data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", None), None);
        assert_eq!(image_url("data:image/svg+xml,%3Csvg%3E%3Cscript%3E", None), None);
        assert_eq!(
            srcset("a.jpg 1x, data:image/gif;base64,xx 2x, b.jpg 2x", Some(&base())).as_deref(),
            Some("https://news.example/2025/a.jpg 1x, https://news.example/2025/b.jpg 2x")
        );
    }

    #[test]
    fn base_href_must_be_web() {
        assert_eq!(base_url(Some(&base()), Some("javascript:alert(1)//")).unwrap().as_str(), base().as_str());
        assert_eq!(base_url(Some(&base()), Some("/cdn/")).unwrap().as_str(), "https://news.example/cdn/");
    }
}
