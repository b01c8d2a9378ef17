//! The part of encoding_rs's API that lol_html and Lectern call, for the wasm module, with
//! the browser doing the work for every encoding but UTF-8.
//!
//! encoding_rs carries the decoders and encoders of every WHATWG encoding, and lol_html
//! links all of them (it takes an encoding chosen at run time): 132 KB of the module's
//! gzipped size, mostly CJK tables. A browser's `TextDecoder` knows the same encodings and
//! labels, so here UTF-8 (nearly every page, and all the text lol_html sees from Lectern)
//! is decoded in Rust, and labels and every other encoding go to `TextDecoder`. Which
//! encoding a page is in is still decided by Lectern's `encoding` module alone.
//!
//! Two things differ from encoding_rs, neither reachable from Lectern:
//! - the labels of the replacement encoding (`iso-2022-kr`, `hz-gb-2312`, …) are unknown
//!   here, as to `for_label_no_replacement`: `TextDecoder` refuses them;
//! - browsers have no encoder for legacy encodings, so one here writes ASCII as it is and
//!   every other character as a numeric character reference (`&#1234;`), which is what
//!   encoding_rs writes for a character its encoding lacks: the same HTML, larger. Lectern
//!   only writes UTF-8.

use std::borrow::Cow;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type TextDecoder;

    /// Throws a RangeError for a label the browser does not know.
    #[wasm_bindgen(constructor, catch)]
    fn new(label: &str, options: &js_sys::Object) -> Result<TextDecoder, JsValue>;

    /// The encoding's name, lowercase (`shift_jis`).
    #[wasm_bindgen(method, getter)]
    fn encoding(this: &TextDecoder) -> String;

    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, input: &[u8], options: &js_sys::Object) -> String;
}

/// A plain object with one boolean field, for `TextDecoder`'s options.
fn flag(name: &str, value: bool) -> js_sys::Object {
    let object = js_sys::Object::new();
    // Setting a field of a new plain object cannot fail.
    let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), &JsValue::from_bool(value));
    object
}

/// An encoding of the WHATWG Encoding Standard.
pub struct Encoding {
    name: &'static str,
}

/// The encodings `TextDecoder` may name, by encoding_rs's spelling of their names.
static ENCODINGS: [Encoding; 39] = {
    const fn e(name: &'static str) -> Encoding {
        Encoding { name }
    }
    [
        e("UTF-8"),
        e("UTF-16LE"),
        e("UTF-16BE"),
        e("windows-1252"),
        e("Big5"),
        e("EUC-JP"),
        e("EUC-KR"),
        e("GBK"),
        e("IBM866"),
        e("ISO-2022-JP"),
        e("ISO-8859-2"),
        e("ISO-8859-3"),
        e("ISO-8859-4"),
        e("ISO-8859-5"),
        e("ISO-8859-6"),
        e("ISO-8859-7"),
        e("ISO-8859-8"),
        e("ISO-8859-8-I"),
        e("ISO-8859-10"),
        e("ISO-8859-13"),
        e("ISO-8859-14"),
        e("ISO-8859-15"),
        e("ISO-8859-16"),
        e("KOI8-R"),
        e("KOI8-U"),
        e("Shift_JIS"),
        e("gb18030"),
        e("macintosh"),
        e("windows-874"),
        e("windows-1250"),
        e("windows-1251"),
        e("windows-1253"),
        e("windows-1254"),
        e("windows-1255"),
        e("windows-1256"),
        e("windows-1257"),
        e("windows-1258"),
        e("x-mac-cyrillic"),
        e("x-user-defined"),
    ]
};

pub static UTF_8: &Encoding = &ENCODINGS[0];
pub static UTF_16LE: &Encoding = &ENCODINGS[1];
pub static UTF_16BE: &Encoding = &ENCODINGS[2];
pub static WINDOWS_1252: &Encoding = &ENCODINGS[3];
static ISO_2022_JP: &Encoding = &ENCODINGS[9];

impl PartialEq for Encoding {
    fn eq(&self, other: &Encoding) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Encoding {}

impl std::hash::Hash for Encoding {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self, state);
    }
}

impl std::fmt::Debug for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Encoding {{ {} }}", self.name)
    }
}

impl Encoding {
    /// The encoding a label names, as the browser reads labels (trimmed, any case).
    pub fn for_label(label: &[u8]) -> Option<&'static Encoding> {
        let decoder = TextDecoder::new(std::str::from_utf8(label).ok()?, &js_sys::Object::new()).ok()?;
        let name = decoder.encoding();
        ENCODINGS.iter().find(|e| e.name.eq_ignore_ascii_case(&name))
    }

    /// The same as `for_label`: the replacement encoding's labels are unknown here.
    pub fn for_label_no_replacement(label: &[u8]) -> Option<&'static Encoding> {
        Encoding::for_label(label)
    }

    /// The encoding a byte-order mark at the start of `buffer` names, and the mark's length.
    pub fn for_bom(buffer: &[u8]) -> Option<(&'static Encoding, usize)> {
        match buffer {
            [0xef, 0xbb, 0xbf, ..] => Some((UTF_8, 3)),
            [0xff, 0xfe, ..] => Some((UTF_16LE, 2)),
            [0xfe, 0xff, ..] => Some((UTF_16BE, 2)),
            _ => None,
        }
    }

    pub fn name(&'static self) -> &'static str {
        self.name
    }

    /// Whether ASCII bytes mean ASCII characters in this encoding (not in UTF-16 and ISO-2022-JP).
    pub fn is_ascii_compatible(&'static self) -> bool {
        !(self == UTF_16LE || self == UTF_16BE || self == ISO_2022_JP)
    }

    /// The length of the ASCII prefix of `bytes`.
    pub fn ascii_valid_up_to(bytes: &[u8]) -> usize {
        bytes.iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len())
    }

    pub fn new_decoder_with_bom_removal(&'static self) -> Decoder {
        Decoder::new(self, true)
    }

    pub fn new_decoder_without_bom_handling(&'static self) -> Decoder {
        Decoder::new(self, false)
    }

    pub fn new_encoder(&'static self) -> Encoder {
        Encoder { encoding: self.output_encoding() }
    }

    /// Decodes a whole buffer, by its byte-order mark if it has one, else in this encoding.
    pub fn decode<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, &'static Encoding, bool) {
        let (encoding, bom) = Encoding::for_bom(bytes).unwrap_or((self, 0));
        let (text, replaced) = encoding.decode_without_bom_handling(&bytes[bom..]);
        (text, encoding, replaced)
    }

    /// Decodes a whole buffer in this encoding, borrowing it when it is UTF-8 (or ASCII in
    /// an ASCII-compatible encoding) already.
    pub fn decode_without_bom_handling<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        if self == UTF_8 || (self.is_ascii_compatible() && bytes.is_ascii()) {
            if let Ok(text) = std::str::from_utf8(bytes) {
                return (Cow::Borrowed(text), false);
            }
        }
        let mut text = String::new();
        let replaced = self.new_decoder_without_bom_handling().decode_all(bytes, true, &mut text);
        (Cow::Owned(text), replaced)
    }

    /// The encoding text in this one is written in: UTF-8 for UTF-16, as in encoding_rs.
    pub fn output_encoding(&'static self) -> &'static Encoding {
        if self == UTF_16LE || self == UTF_16BE {
            UTF_8
        } else {
            self
        }
    }

    /// Encodes a whole string in the output encoding; the flag tells whether any character
    /// was written as a character reference.
    pub fn encode<'a>(&'static self, string: &'a str) -> (Cow<'a, [u8]>, &'static Encoding, bool) {
        let encoding = self.output_encoding();
        if encoding == UTF_8 || string.is_ascii() {
            return (Cow::Borrowed(string.as_bytes()), encoding, false);
        }
        let mut bytes = Vec::with_capacity(string.len());
        for c in string.chars() {
            push_referenced(c, &mut bytes);
        }
        (Cow::Owned(bytes), encoding, true)
    }
}

/// Writes `c` as itself if ASCII, else as a numeric character reference.
fn push_referenced(c: char, bytes: &mut Vec<u8>) {
    if c.is_ascii() {
        bytes.push(c as u8);
    } else {
        bytes.extend_from_slice(format!("&#{};", u32::from(c)).as_bytes());
    }
}

/// Why a decoding or encoding call returned.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum CoderResult {
    /// All of the input was consumed.
    InputEmpty,
    /// The output buffer is full: call again with the rest of the input.
    OutputFull,
}

/// A streaming decoder.
pub struct Decoder {
    encoding: &'static Encoding,
    backend: Backend,
    /// Whether a byte-order mark may still be removed from the start of the output.
    remove_bom: bool,
    /// Text decoded but not yet handed out (it did not fit the caller's buffer).
    pending: String,
}

enum Backend {
    /// Decoded here; the bytes of a sequence cut off at the end of the last input.
    Utf8 { partial: Vec<u8> },
    /// Decoded by the browser.
    Browser(TextDecoder),
}

impl Decoder {
    fn new(encoding: &'static Encoding, remove_bom: bool) -> Decoder {
        let backend = if encoding == UTF_8 {
            Backend::Utf8 { partial: Vec::new() }
        } else {
            // The encoding came from the browser's own list, so the browser knows it.
            let decoder = TextDecoder::new(encoding.name, &flag("ignoreBOM", !remove_bom)).expect("an encoding TextDecoder named");
            Backend::Browser(decoder)
        };
        Decoder { encoding, backend, remove_bom: remove_bom && encoding == UTF_8, pending: String::new() }
    }

    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// An upper bound on the UTF-8 that `byte_length` more bytes decode to: no byte of any
    /// encoding becomes more than 3 bytes, and a held-back sequence at most a U+FFFD.
    pub fn max_utf8_buffer_length(&self, byte_length: usize) -> Option<usize> {
        byte_length.checked_mul(3)?.checked_add(self.pending.len() + 3)
    }

    /// Decodes all of `src` onto `dst`, growing it as needed (where encoding_rs would stop
    /// at its capacity with `OutputFull`, which callers loop on either way).
    pub fn decode_to_string(&mut self, src: &[u8], dst: &mut String, last: bool) -> (CoderResult, usize, bool) {
        dst.push_str(&std::mem::take(&mut self.pending));
        let replaced = self.decode_all(src, last, dst);
        (CoderResult::InputEmpty, src.len(), replaced)
    }

    /// Decodes `src` into `dst`, as much as fits: the rest is handed out by the next calls.
    pub fn decode_to_str(&mut self, src: &[u8], dst: &mut str, last: bool) -> (CoderResult, usize, usize, bool) {
        let mut decoded = std::mem::take(&mut self.pending);
        let replaced = self.decode_all(src, last, &mut decoded);
        let mut written = decoded.len().min(dst.len());
        while !decoded.is_char_boundary(written) {
            written -= 1;
        }
        // SAFETY: whole characters are copied over the start of `dst`, and the rest of a
        // character they cut into is zeroed (as encoding_rs does), so `dst` stays UTF-8.
        unsafe {
            let bytes = dst.as_bytes_mut();
            bytes[..written].copy_from_slice(&decoded.as_bytes()[..written]);
            for byte in bytes[written..].iter_mut().take_while(|b| (0x80..0xc0).contains(*b)) {
                *byte = 0;
            }
        }
        self.pending = decoded.split_off(written);
        let result = if self.pending.is_empty() { CoderResult::InputEmpty } else { CoderResult::OutputFull };
        (result, src.len(), written, replaced)
    }

    /// Decodes all of `src` onto `out`; whether any bytes were replaced by U+FFFD (for the
    /// browser's decoders: whether the text has one).
    fn decode_all(&mut self, src: &[u8], last: bool, out: &mut String) -> bool {
        let start = out.len();
        let replaced = match &mut self.backend {
            Backend::Utf8 { partial } => decode_utf8(partial, src, last, out),
            Backend::Browser(decoder) => {
                let text = decoder.decode(src, &flag("stream", !last));
                out.push_str(&text);
                text.contains('\u{fffd}')
            }
        };
        if self.remove_bom && out.len() > start {
            self.remove_bom = false;
            if out[start..].starts_with('\u{feff}') {
                out.replace_range(start..start + 3, "");
            }
        }
        replaced
    }
}

/// Decodes UTF-8 as the WHATWG decoder does (each maximal invalid subpart becomes one
/// U+FFFD), holding back in `partial` a sequence cut off at the end of `src` unless `last`.
fn decode_utf8(partial: &mut Vec<u8>, src: &[u8], last: bool, out: &mut String) -> bool {
    let mut replaced = false;
    let mut i = 0;
    // Complete the sequence the last input cut off, a byte at a time.
    while !partial.is_empty() && i < src.len() {
        partial.push(src[i]);
        match std::str::from_utf8(partial) {
            Ok(c) => {
                out.push_str(c);
                partial.clear();
                i += 1;
            }
            Err(e) if e.error_len().is_none() => i += 1,
            // This byte cannot continue the sequence: the sequence is one U+FFFD, and the
            // byte is read again as the start of what follows.
            Err(_) => {
                out.push('\u{fffd}');
                replaced = true;
                partial.clear();
            }
        }
    }
    let mut rest = &src[i..];
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                break;
            }
            Err(e) => {
                let (valid, invalid) = rest.split_at(e.valid_up_to());
                // SAFETY: from_utf8 found these bytes valid.
                out.push_str(unsafe { std::str::from_utf8_unchecked(valid) });
                match e.error_len() {
                    Some(len) => {
                        out.push('\u{fffd}');
                        replaced = true;
                        rest = &invalid[len..];
                    }
                    None => {
                        partial.extend_from_slice(invalid);
                        break;
                    }
                }
            }
        }
    }
    if last && !partial.is_empty() {
        out.push('\u{fffd}');
        partial.clear();
        replaced = true;
    }
    replaced
}

/// A streaming encoder: UTF-8 as it is, other encodings as ASCII and character references.
pub struct Encoder {
    encoding: &'static Encoding,
}

impl Encoder {
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Never: no encoding here keeps state between characters.
    pub fn has_pending_state(&self) -> bool {
        false
    }

    /// Encodes as much of `src` as fits in `dst`; the flag tells whether any character was
    /// written as a character reference.
    pub fn encode_from_utf8(&mut self, src: &str, dst: &mut [u8], _last: bool) -> (CoderResult, usize, usize, bool) {
        let (mut read, mut written, mut referenced) = (0, 0, false);
        let mut bytes = Vec::with_capacity(12);
        for c in src.chars() {
            bytes.clear();
            if self.encoding == UTF_8 {
                bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            } else {
                push_referenced(c, &mut bytes);
                referenced |= !c.is_ascii();
            }
            let Some(to) = dst.get_mut(written..written + bytes.len()) else {
                return (CoderResult::OutputFull, read, written, referenced);
            };
            to.copy_from_slice(&bytes);
            read += c.len_utf8();
            written += bytes.len();
        }
        (CoderResult::InputEmpty, read, written, referenced)
    }
}
