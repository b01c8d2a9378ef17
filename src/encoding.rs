//! Turning the page's bytes into UTF-8, as a browser would pick the encoding.
//!
//! Both passes work on UTF-8 (byte offsets from the scan index the same buffer the
//! rewrite reads), so the page is decoded once as it streams in. The encoding is,
//! in order: a byte-order mark, the caller's (the HTTP `Content-Type` charset), a
//! `<meta charset>` / `http-equiv` declaration in the first 1024 bytes, else UTF-8.
//!
//! The decoders are encoding_rs's, except in the wasm module, which has the browser's
//! `TextDecoder` behind the same API (wasm/encoding-browser): the choice is made here either way.

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_8};

/// How many bytes a `<meta charset>` may be looked for in (the HTML prescan's limit).
const PRESCAN: usize = 1024;
/// How far to look for non-ASCII bytes that confirm or refute a declared legacy charset.
const EVIDENCE: usize = 64 * 1024;
/// How many bytes from the first non-ASCII one are judged (one byte alone proves nothing).
const EVIDENCE_AFTER_FIRST: usize = 64;

/// Whether `bytes` are valid UTF-8, allowing a sequence cut off at the end.
fn is_utf8_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Decodes a page streamed in chunks.
pub struct StreamDecoder {
    declared: Option<&'static Encoding>,
    pending: Vec<u8>,
    decoder: Option<Decoder>,
}

impl StreamDecoder {
    /// `declared` is the caller's charset label (e.g. from `Content-Type`), if any.
    pub fn new(declared: Option<&str>) -> Self {
        let declared = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
        StreamDecoder { declared, pending: Vec::new(), decoder: None }
    }

    /// Decodes `chunk`, appending UTF-8 to `out`. Bytes are held back until the encoding
    /// is known (1024 bytes, or the end).
    pub fn write(&mut self, chunk: &[u8], out: &mut String) {
        if self.decoder.is_none() {
            self.pending.extend_from_slice(chunk);
            if self.pending.len() < PRESCAN || self.awaiting_evidence() {
                return;
            }
            self.start();
            let pending = std::mem::take(&mut self.pending);
            self.decode(&pending, false, out);
        } else {
            self.decode(chunk, false, out);
        }
    }

    /// Decodes what is left.
    pub fn end(&mut self, out: &mut String) {
        if self.decoder.is_none() {
            self.start();
        }
        let pending = std::mem::take(&mut self.pending);
        self.decode(&pending, true, out);
    }

    /// The encoding a `<meta>` declares, when neither a BOM nor the caller decided.
    fn meta_declared(&self) -> Option<&'static Encoding> {
        if Encoding::for_bom(&self.pending).is_some() || self.declared.is_some() {
            return None;
        }
        prescan(&self.pending[..self.pending.len().min(PRESCAN)])
    }

    /// A legacy charset from `<meta>` is checked against the bytes (see `start`): wait for
    /// the first non-ASCII byte and some bytes after it, up to 64 KB.
    fn awaiting_evidence(&self) -> bool {
        if self.pending.len() >= EVIDENCE || !self.meta_declared().is_some_and(|e| e != UTF_8) {
            return false;
        }
        match self.pending.iter().position(|b| !b.is_ascii()) {
            None => true,
            Some(first) => self.pending.len() - first < EVIDENCE_AFTER_FIRST,
        }
    }

    fn start(&mut self) {
        let meta = self.meta_declared();
        let mut encoding = Encoding::for_bom(&self.pending).map(|(e, _)| e).or(self.declared).or(meta).unwrap_or(UTF_8);
        // Pages saved or re-served as UTF-8 often keep their old `<meta charset>`. Text in a
        // legacy charset almost never forms valid multi-byte UTF-8, so valid UTF-8 wins.
        if meta == Some(encoding) && encoding != UTF_8 && !self.pending.is_ascii() && is_utf8_prefix(&self.pending) {
            encoding = UTF_8;
        }
        self.decoder = Some(encoding.new_decoder_with_bom_removal());
    }

    fn decode(&mut self, mut input: &[u8], last: bool, out: &mut String) {
        let Some(decoder) = self.decoder.as_mut() else { return };
        loop {
            let need = decoder.max_utf8_buffer_length(input.len()).unwrap_or(input.len() * 3 + 16);
            out.reserve(need);
            let (result, read, _) = decoder.decode_to_string(input, out, last);
            input = &input[read..];
            if result == CoderResult::InputEmpty {
                break;
            }
        }
    }
}

/// A whole page's bytes as text, decoded as the extractor decodes them.
pub fn decode(html: &[u8], declared: Option<&str>) -> String {
    if let Some(text) = as_utf8(html, declared) {
        return text.to_string();
    }
    let mut decoder = StreamDecoder::new(declared);
    let mut out = String::with_capacity(html.len());
    decoder.write(html, &mut out);
    decoder.end(&mut out);
    out
}

/// The page as UTF-8 text without copying, when it is UTF-8: the same choice `StreamDecoder`
/// makes for the whole input, taken only when decoding would change nothing but a BOM.
pub fn as_utf8<'a>(html: &'a [u8], declared: Option<&str>) -> Option<&'a str> {
    let text = std::str::from_utf8(html).ok()?;
    let mut decoder = StreamDecoder::new(declared);
    decoder.pending = html[..html.len().min(EVIDENCE)].to_vec();
    decoder.start();
    if decoder.decoder.as_ref().map(Decoder::encoding) != Some(UTF_8) {
        return None;
    }
    Some(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Finds a charset declared by `<meta charset=…>` or `<meta http-equiv content="…charset=…">`.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let tag_start = from + pos;
        let tag_end = lower[tag_start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.iter().skip_while(|b| b.is_ascii_whitespace()).copied().collect::<Vec<u8>>();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = rest
                    .iter()
                    .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
                    .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'"' | b'\'' | b';' | b'/' | b'>'))
                    .copied()
                    .collect();
                if let Some(e) = Encoding::for_label(&value) {
                    // The HTML standard reads a declared UTF-16 as UTF-8, and x-user-defined as windows-1252.
                    return Some(if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE { UTF_8 } else { e });
                }
            }
        }
        from = tag_end.max(tag_start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes a whole page through the stream decoder alone.
#[cfg(test)]
fn decode_streamed(html: &[u8], declared: Option<&str>) -> Vec<u8> {
    let mut d = StreamDecoder::new(declared);
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    d.write(html, &mut out);
    d.end(&mut out);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_windows_1251() {
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body><p>".to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"
        page.extend_from_slice(b"</p>");
        let out = decode_streamed(&page, None);
        assert!(String::from_utf8(out).unwrap().contains("<p>Привет</p>"));
    }

    #[test]
    fn caller_charset_wins_over_meta() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("<meta charset=utf-8><p>日本語</p>");
        let out = decode_streamed(&bytes, Some("shift_jis"));
        assert!(String::from_utf8(out).unwrap().contains("日本語"));
    }

    #[test]
    fn utf8_bytes_under_a_stale_legacy_meta_stay_utf8() {
        let page = "<meta charset=gb2312><title>人工智能</title><p>迈上新台阶</p>";
        assert_eq!(decode_streamed(page.as_bytes(), None), page.as_bytes());
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        assert_eq!(String::from_utf8(decode_streamed(&gbk, None)).unwrap(), page);
    }

    #[test]
    fn in_place_utf8_matches_the_decoder() {
        for (page, declared) in [
            ("\u{feff}<p>héllo</p>", None),
            ("<meta charset=gb2312><p>迈上新台阶</p>", None),
            ("<meta charset=windows-1252><p>plain</p>", None),
            ("<p>héllo</p>", Some("iso-8859-1")),
        ] {
            let copied = decode_streamed(page.as_bytes(), declared);
            if let Some(text) = as_utf8(page.as_bytes(), declared) {
                assert_eq!(text.as_bytes(), copied, "{page}");
            }
        }
        assert!(as_utf8("<p>héllo</p>".as_bytes(), None).is_some());
        assert!(as_utf8("<p>héllo</p>".as_bytes(), Some("iso-8859-1")).is_none());
    }

    #[test]
    fn legacy_charset_decided_the_same_at_any_chunking() {
        let mut page = b"<meta charset=windows-1251><p>".to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, b',', b' ', 0xec, 0xe8, 0xf0, b'!']);
        page.extend_from_slice(b"</p>");
        let whole = decode_streamed(&page, None);
        let mut d = StreamDecoder::new(None);
        let mut out = String::new();
        for b in &page {
            d.write(std::slice::from_ref(b), &mut out);
        }
        d.end(&mut out);
        assert_eq!(out.as_bytes(), whole);
        assert!(out.contains("Привет, мир!"));
    }

    #[test]
    fn utf16_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "<p>héllo</p>".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_streamed(&bytes, None), "<p>héllo</p>".as_bytes());
    }

    #[test]
    fn invalid_utf8_becomes_replacement_characters() {
        let out = decode_streamed(b"<p>a\xff\xfeb</p>", None);
        assert_eq!(String::from_utf8(out).unwrap(), "<p>a\u{fffd}\u{fffd}b</p>");
    }
}
