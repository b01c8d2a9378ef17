//! What the passes know about HTML tags.
//!
//! Tags are a small enum so the summary stays compact and the passes compare tags
//! without allocating; every tag the extractor does not treat specially is `Other`.

macro_rules! tags {
    ($($variant:ident = $name:literal),* $(,)?) => {
        /// A known HTML (or MathML) tag; `Other` for the rest.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Tag { $($variant,)* Other }

        /// Every named tag, for the lookup table.
        const NAMED: &[(&str, Tag)] = &[$(($name, Tag::$variant),)*];

        impl Tag {
            /// How many tags there are, `Other` included: `tag as usize` is below it.
            pub const COUNT: usize = NAMED.len() + 1;

            /// The lowercase tag name (`"*"` for `Other`).
            pub fn name(self) -> &'static str {
                match self { $(Tag::$variant => $name,)* Tag::Other => "*" }
            }
        }
    };
}

/// A name of at most 15 bytes, ASCII-lowercased, as one number: its bytes, zero-padded,
/// and its length in the last byte. Names compare as integers, not through memcmp.
fn key(name: &[u8]) -> Option<u128> {
    if name.len() > 15 {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (k, b) in bytes.iter_mut().zip(name) {
        *k = b.to_ascii_lowercase();
    }
    bytes[15] = name.len() as u8;
    Some(u128::from_le_bytes(bytes))
}

tags! {
    A = "a", Abbr = "abbr", Address = "address", Article = "article", Aside = "aside", Audio = "audio",
    B = "b", Base = "base", Bdi = "bdi", Bdo = "bdo", Blockquote = "blockquote", Body = "body", Br = "br",
    Button = "button", Canvas = "canvas", Caption = "caption", Center = "center", Cite = "cite", Code = "code",
    Col = "col", Colgroup = "colgroup", Dd = "dd", Del = "del", Details = "details", Dfn = "dfn", Dialog = "dialog",
    Div = "div", Dl = "dl", Dt = "dt", Em = "em", Embed = "embed", Fieldset = "fieldset", Figcaption = "figcaption",
    Figure = "figure", Font = "font", Footer = "footer", Form = "form", Frame = "frame", Frameset = "frameset",
    H1 = "h1", H2 = "h2", H3 = "h3", H4 = "h4", H5 = "h5", H6 = "h6", Head = "head", Header = "header",
    Hgroup = "hgroup", Hr = "hr", Html = "html", I = "i", Iframe = "iframe", Img = "img", Input = "input",
    Ins = "ins", Kbd = "kbd", Label = "label", Legend = "legend", Li = "li", Link = "link", Main = "main",
    Mark = "mark", Math = "math", Menu = "menu", Meta = "meta", Nav = "nav", Noscript = "noscript",
    Object = "object", Ol = "ol", Optgroup = "optgroup", Option = "option", P = "p", Picture = "picture",
    Pre = "pre", Q = "q", Rp = "rp", Rt = "rt", Ruby = "ruby", S = "s", Samp = "samp", Script = "script",
    Section = "section", Select = "select", Small = "small", Source = "source", Span = "span", Strike = "strike",
    Strong = "strong", Style = "style", Sub = "sub", Summary = "summary", Sup = "sup", Svg = "svg",
    Table = "table", Tbody = "tbody", Td = "td", Template = "template", Textarea = "textarea", Tfoot = "tfoot",
    Th = "th", Thead = "thead", Time = "time", Title = "title", Tr = "tr", Tt = "tt", U = "u", Ul = "ul",
    Var = "var", Video = "video", Wbr = "wbr", Xmp = "xmp", Noembed = "noembed", Noframes = "noframes",
    Plaintext = "plaintext", Applet = "applet", Marquee = "marquee", Search = "search", Listing = "listing",
    Dir = "dir", Datalist = "datalist", Map = "map", Area = "area", Output = "output", Progress = "progress",
    Meter = "meter", Slot = "slot", Portal = "portal", Big = "big", Nobr = "nobr", Data = "data",
    // MathML
    Mi = "mi", Mn = "mn", Mo = "mo", Ms = "ms", Mtext = "mtext", Mrow = "mrow", Mfrac = "mfrac", Msqrt = "msqrt",
    Mroot = "mroot", Msup = "msup", Msub = "msub", Msubsup = "msubsup", Munder = "munder", Mover = "mover",
    Munderover = "munderover", Mtable = "mtable", Mtr = "mtr", Mtd = "mtd", Mspace = "mspace", Mstyle = "mstyle",
    Mpadded = "mpadded", Mphantom = "mphantom", Menclose = "menclose", Mfenced = "mfenced", Semantics = "semantics",
    Annotation = "annotation", AnnotationXml = "annotation-xml", Mmultiscripts = "mmultiscripts",
    Mprescripts = "mprescripts", None = "none", Merror = "merror",
    // SVG elements that hold HTML
    ForeignObject = "foreignobject", Desc = "desc",
}

impl Tag {
    /// The tag for a tag name as written in the source, in any case. Tags are bucketed by
    /// length and first byte, so a lookup compares against one or two names instead of
    /// walking every name (the scan looks up every start and end tag).
    pub fn from_bytes(name: &[u8]) -> Tag {
        static TABLE: std::sync::OnceLock<Vec<Vec<(u128, Tag)>>> = std::sync::OnceLock::new();
        let bucket = |name: &[u8]| name.len() * 256 + usize::from(name[0].to_ascii_lowercase());
        let table = TABLE.get_or_init(|| {
            let mut table = vec![Vec::new(); 16 * 256];
            for &(n, tag) in NAMED {
                table[bucket(n.as_bytes())].extend(key(n.as_bytes()).map(|k| (k, tag)));
            }
            table
        });
        let Some(k) = key(name).filter(|_| !name.is_empty()) else { return Tag::Other };
        table[bucket(name)].iter().find(|&&(n, _)| n == k).map_or(Tag::Other, |&(_, tag)| tag)
    }

    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    /// Elements whose presence inside a `div` stops Readability from treating the div as
    /// a paragraph (its `DIV_TO_P_ELEMS`), and whose text does not flow into the parent's
    /// paragraph text.
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Blockquote
                | Dl
                | Div
                | Img
                | Ol
                | P
                | Pre
                | Table
                | Ul
                | Section
                | Article
                | Main
                | Header
                | Footer
                | Nav
                | Aside
                | Figure
                | Figcaption
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Li
                | Dd
                | Dt
                | Tr
                | Td
                | Th
                | Form
                | Fieldset
                | Address
                | Hr
                | Details
                | Summary
                | Caption
                | Tbody
                | Thead
                | Tfoot
                | Center
                | Hgroup
                | Menu
                | Dialog
                | Search
                | Listing
        )
    }

    /// Elements that group blocks rather than hold a run of text: an inline element directly
    /// inside one stands on its own (a lone link, a label), not inside a sentence.
    pub fn is_container(self) -> bool {
        use Tag::*;
        matches!(self, Div | Article | Section | Main | Header | Footer | Aside | Nav | Body | Form | Figure | Center)
    }

    /// The parts of a table, which mean something only inside one.
    pub fn is_table_part(self) -> bool {
        use Tag::*;
        matches!(self, Tr | Td | Th | Tbody | Thead | Tfoot | Caption | Colgroup | Col)
    }

    /// Elements that start a new paragraph of plain text.
    pub fn breaks_text(self) -> bool {
        self.is_block() || matches!(self, Tag::Br | Tag::Tr | Tag::Li | Tag::Math | Tag::Video | Tag::Audio)
    }

    /// Elements whose content the tokenizer reads as text, not markup (outside SVG and
    /// MathML): what lol_html switches to raw text, RCDATA, script data or plaintext for.
    pub fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(self, Textarea | Title | Plaintext | Script | Style | Iframe | Xmp | Noembed | Noframes | Noscript)
    }

    /// Elements whose content is never article text (and whose text the scan ignores).
    pub fn is_non_content(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script
                | Style
                | Template
                | Noscript
                | Head
                | Title
                | Textarea
                | Select
                | Option
                | Optgroup
                | Datalist
                | Iframe
                | Object
                | Applet
                | Embed
                | Svg
                | Canvas
                | Noembed
                | Noframes
                | Frameset
                | Button
                | Map
        )
    }

    /// Elements counted as embeds by the conditional cleaner.
    pub fn is_embed(self) -> bool {
        matches!(self, Tag::Iframe | Tag::Embed | Tag::Object | Tag::Video | Tag::Audio)
    }

    /// MathML elements kept in the reader output.
    pub fn is_mathml(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Math | Mi
                | Mn
                | Mo
                | Ms
                | Mtext
                | Mrow
                | Mfrac
                | Msqrt
                | Mroot
                | Msup
                | Msub
                | Msubsup
                | Munder
                | Mover
                | Munderover
                | Mtable
                | Mtr
                | Mtd
                | Mspace
                | Mstyle
                | Mpadded
                | Mphantom
                | Menclose
                | Mfenced
                | Semantics
                | Annotation
                | Mmultiscripts
                | Mprescripts
                | None
                | Merror
        )
    }

    /// HTML start tags that end SVG or MathML content ("breaks out of foreign content").
    pub fn leaves_foreign_content(self) -> bool {
        use Tag::*;
        matches!(
            self,
            B | Big
                | Blockquote
                | Body
                | Br
                | Center
                | Code
                | Dd
                | Div
                | Dl
                | Dt
                | Em
                | Embed
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Head
                | Hr
                | I
                | Img
                | Li
                | Listing
                | Menu
                | Meta
                | Nobr
                | Ol
                | P
                | Pre
                | Ruby
                | S
                | Small
                | Span
                | Strong
                | Strike
                | Sub
                | Sup
                | Table
                | Tt
                | U
                | Ul
                | Var
        )
    }

    /// Elements inside SVG or MathML whose content is HTML again.
    pub fn is_integration_point(self) -> bool {
        matches!(
            self,
            Tag::ForeignObject | Tag::Desc | Tag::Title | Tag::Mi | Tag::Mo | Tag::Mn | Tag::Ms | Tag::Mtext | Tag::AnnotationXml
        )
    }

    /// The elements Readability scores as paragraphs (`DEFAULT_TAGS_TO_SCORE`).
    pub fn is_scored(self) -> bool {
        matches!(self, Tag::P | Tag::Pre | Tag::Td | Tag::Section | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_name_round_trips() {
        for &(name, tag) in NAMED {
            assert_eq!(Tag::from_bytes(name.as_bytes()), tag, "{name}");
            assert_eq!(tag.name(), name);
        }
        assert_eq!(Tag::from_bytes(b"my-widget"), Tag::Other);
        assert_eq!(Tag::from_bytes(b""), Tag::Other);
        assert_eq!(Tag::from_bytes(b"a-very-long-custom-element"), Tag::Other);
        assert_eq!(Tag::from_bytes(b"DiV"), Tag::Div);
        assert_eq!(Tag::from_bytes(b"div\0"), Tag::Other);
        assert_eq!(Tag::from_bytes(b"foreignObject"), Tag::ForeignObject);
    }
}
