//! An independent check of reader HTML (it shares no code with the sanitizer): every
//! start tag and attribute is read back and judged against what must never reach a page
//! that renders the output. Used by the sanitizer tests and the fuzz targets.

/// A tiny tag scanner over the reader HTML: each start tag's name and its attributes
/// (name, raw value). Text between tags is skipped, so escaped text cannot confuse it.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let b = html.as_bytes();
    let mut out = vec![];
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if i < b.len() && (b[i] == b'/' || b[i] == b'!' || b[i] == b'?') {
            // End tag, comment or declaration: skip to '>'.
            while i < b.len() && b[i] != b'>' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attrs = vec![];
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let ns = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let attr = html[ns..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    i += 1;
                    let vs = i;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    value = html[vs..i.min(b.len())].to_string();
                    i += 1;
                } else {
                    let vs = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[vs..i].to_string();
                }
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

/// Decodes the character references a browser would decode in an attribute value
/// (numeric ones and the few named ones used to hide schemes), then removes what
/// browsers ignore in a URL scheme (whitespace and control characters) and lowercases.
fn normalized_url(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| {
            let body = &rest[1..e];
            let c = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = body.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match body {
                    "Tab" => Some('\t'),
                    "NewLine" => Some('\n'),
                    "colon" => Some(':'),
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    _ => None,
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase()
}

const FORBIDDEN_TAGS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "form",
    "object",
    "embed",
    "svg",
    "base",
    "meta",
    "link",
    "template",
    "input",
    "button",
    "textarea",
    "select",
    "noscript",
    "applet",
    "math-annotation-xml",
    "annotation-xml",
    "foreignobject",
];

/// Everything unsafe in reader HTML, strictly: also any mention of a script scheme or a
/// dangerous attribute name, even in (escaped, harmless) text. For payload tests, whose
/// pages never mention them in their prose.
pub fn unsafe_parts(content: &str, name: &str) -> Vec<String> {
    let mut errors = vec![];
    let lower = content.to_ascii_lowercase();
    for needle in ["javascript:", "vbscript:", "data:text", "srcdoc", "formaction", "style="] {
        if lower.contains(needle) {
            errors.push(format!("[{name}] content contains {needle:?}"));
        }
    }
    errors.extend(unsafe_markup(content, name));
    errors
}

/// Every unsafe tag, attribute or URL in reader HTML, read as a browser would read its
/// markup (text is escaped by the rewrite, so words in it are not judged). For generated
/// and fuzzed pages, whose text can say anything.
pub fn unsafe_markup(content: &str, name: &str) -> Vec<String> {
    let mut errors = vec![];
    let lower = content.to_ascii_lowercase();
    // A raw '<' only starts markup: the rewrite escapes it in text.
    for needle in ["<script", "<style", "<iframe", "<form", "<object", "<embed", "<svg", "<base", "<meta", "<link"] {
        if lower.contains(needle) {
            errors.push(format!("[{name}] content contains {needle:?}"));
        }
    }
    for (tag, attrs) in tags(content) {
        if FORBIDDEN_TAGS.contains(&tag.as_str()) {
            errors.push(format!("[{name}] content has a <{tag}> element"));
        }
        if !tag.bytes().all(|c| c.is_ascii_alphanumeric()) {
            errors.push(format!("[{name}] content has a strange tag name {tag:?}"));
        }
        for (attr, value) in attrs {
            if attr.len() > 2 && attr.starts_with("on") && attr[2..].bytes().all(|c| c.is_ascii_alphabetic()) {
                errors.push(format!("[{name}] <{tag}> has an event handler {attr}={value:?}"));
            }
            if matches!(
                attr.as_str(),
                "style" | "srcdoc" | "formaction" | "action" | "xlink:href" | "autofocus" | "background" | "dynsrc" | "lowsrc" | "ping"
            ) {
                errors.push(format!("[{name}] <{tag}> has attribute {attr}={value:?}"));
            }
            if !attr.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b':') {
                errors.push(format!("[{name}] <{tag}> has a strange attribute name {attr:?}"));
            }
            let url = normalized_url(&value);
            // A scheme runs only at the start of a value ("https://site/javascript:x" is a path).
            for scheme in ["javascript:", "vbscript:", "data:text", "livescript:", "data:application", "data:image/svg"] {
                if url.starts_with(scheme) {
                    errors.push(format!("[{name}] <{tag} {attr}> carries {scheme} ({value:?})"));
                }
            }
            // The only attributes that may hold a URL: resolved absolute web URLs, mail links,
            // in-page anchors and raster data images.
            if matches!(attr.as_str(), "href" | "src") {
                let ok = url.starts_with("https://")
                    || url.starts_with("http://")
                    || url.starts_with("mailto:")
                    || url.starts_with('#')
                    || url.starts_with("data:image/");
                if !ok {
                    errors.push(format!("[{name}] <{tag} {attr}> has an unexpected URL {value:?}"));
                }
            }
        }
    }
    errors
}
