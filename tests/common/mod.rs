//! The article page the sanitizer, CLI and bad-input tests wrap their payloads in.
#![allow(dead_code)] // each test binary uses part of it

pub mod fixture;
pub mod unsafe_markup;

/// The article's title (its `<title>` and `<h1>`).
pub const TITLE: &str = "The Quiet Return of the River Otters";

pub const PARAGRAPHS: [&str; 6] = [
    "The river otters returned to the valley in early spring, after an absence of nearly forty years. Local naturalists first noticed their tracks along the muddy banks below the old mill, and within weeks a family of five had been photographed fishing in the shallow pools near the bridge.",
    "Biologists from the regional university spent the summer documenting the animals and their habits. They counted dens, measured the water quality at a dozen sampling points, and interviewed farmers who had lived beside the river for their whole lives and remembered the last otters seen there.",
    "The recovery did not happen by accident. Two decades of careful work by volunteers removed old weirs, replanted willows along the banks, and persuaded the upstream factories to treat their waste water before releasing it, which slowly brought the fish and then the otters back.",
    "Not everyone welcomed the newcomers at first. A few anglers complained that the otters were taking trout from the stocked ponds, and one fish farm installed electric fencing after losing a season of young fish, but most residents seemed delighted to share the river again.",
    "Schools in the valley have since adopted the otters as an unofficial mascot. Children draw them in art classes, write stories about their adventures, and take part in guided walks where rangers explain how to read the signs the animals leave on rocks and fallen logs.",
    "The rangers hope the population will keep growing over the coming decade. If the water stays clean and the banks remain wild, they believe the otters could spread into the neighbouring valleys, where the same rivers once supported thriving colonies before the industrial age began.",
];

/// A realistic article page as bytes, with `payload` (raw bytes) between paragraphs 3 and 4
/// and `head` (raw bytes) right at the start of `<head>`.
pub fn page_bytes(head: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"<!DOCTYPE html>\n<html lang=\"en\"><head>");
    out.extend_from_slice(head);
    out.extend_from_slice(
        b"<title>The Quiet Return of the River Otters</title><meta name=\"author\" content=\"Jane Marsh\"><script>window.tracker = 1;</script></head>\n<body><header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>\n<main><article class=\"post\"><h1 class=\"entry-title\">The Quiet Return of the River Otters</h1>\n<p class=\"byline\">By Jane Marsh</p>\n<div class=\"entry-content\">\n",
    );
    for (i, p) in PARAGRAPHS.iter().enumerate() {
        out.extend_from_slice(b"<p>");
        out.extend_from_slice(p.as_bytes());
        out.extend_from_slice(b"</p>\n");
        if i == 2 {
            out.extend_from_slice(payload);
            out.push(b'\n');
        }
    }
    out.extend_from_slice(
        b"</div></article></main>\n<footer class=\"site-footer\"><p>Copyright 2025 Valley News</p></footer></body></html>\n",
    );
    out
}

/// The same page as text, UTF-8, with `payload` between paragraphs 3 and 4.
pub fn page(payload: &str) -> String {
    String::from_utf8(page_bytes(b"<meta charset=\"utf-8\">", payload.as_bytes())).expect("the page is UTF-8")
}

pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
