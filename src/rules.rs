//! Every pattern the extractor judges by, in one place.
//!
//! Rules are data: the class/id tokens and text phrases that mark clutter or content,
//! each with the reason a reader sees in "why was this removed". The code in
//! `decide` applies them; it never names a pattern itself.

use serde::{Deserialize, Serialize};

/// What kind of clutter a removed block is. Each one can be switched off in `Options`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Ad slots, sponsored boxes, "Advertisement" labels.
    Ads,
    /// "Related articles", "Recent posts", "More stories", "Up next" lists.
    Related,
    /// The author's box with their bio, photo and links.
    AuthorBio,
    /// Share and follow bars.
    Share,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Comment threads and comment forms.
    Comments,
    /// Cookie and consent banners.
    Consent,
    /// Navigation, breadcrumbs, pagination, site headers and footers, tag lists.
    Navigation,
    /// Elements the page hides from its readers.
    Hidden,
    /// Blocks that look like boilerplate by their shape: mostly links, forms or images without text.
    LowContent,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Ads,
        Category::Related,
        Category::AuthorBio,
        Category::Share,
        Category::Newsletter,
        Category::Comments,
        Category::Consent,
        Category::Navigation,
        Category::Hidden,
        Category::LowContent,
    ];

    /// Whether a reader view lists blocks of this category found beside the article, to be
    /// brought back: what a reader may want to read (related stories, the comments, the
    /// author's bio). Ads, prompts, bars and banners beside it are only the page's furniture.
    pub fn read_beside(self) -> bool {
        matches!(self, Category::Related | Category::Comments | Category::AuthorBio)
    }

    /// Whether "declutter page" hides blocks of this category on the live page. Navigation,
    /// hidden and boilerplate-shaped blocks stay: hiding them breaks a site's own layout.
    pub fn declutters(self) -> bool {
        !matches!(self, Category::Navigation | Category::Hidden | Category::LowContent)
    }

    /// The name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Category::Ads => "ads",
            Category::Related => "related",
            Category::AuthorBio => "author_bio",
            Category::Share => "share",
            Category::Newsletter => "newsletter",
            Category::Comments => "comments",
            Category::Consent => "consent",
            Category::Navigation => "navigation",
            Category::Hidden => "hidden",
            Category::LowContent => "low_content",
        }
    }
}

/// How a token rule compares with one class or id token (lowercased).
#[derive(Debug, Clone, Copy)]
pub enum TokenMatch {
    /// The token is exactly this.
    Exact(&'static str),
    /// The token starts with this.
    Prefix(&'static str),
    /// The token ends with this.
    Suffix(&'static str),
    /// The token contains this anywhere.
    Contains(&'static str),
}

impl TokenMatch {
    pub fn matches(self, token: &str) -> bool {
        match self {
            TokenMatch::Exact(p) => token == p,
            TokenMatch::Prefix(p) => token.starts_with(p),
            TokenMatch::Suffix(p) => token.ends_with(p),
            TokenMatch::Contains(p) => contains(token, p),
        }
    }
}

/// A clutter rule on class and id tokens.
#[derive(Debug, Clone, Copy)]
pub struct TokenRule {
    pub category: Category,
    pub pattern: TokenMatch,
    /// Why a block matching this rule is clutter, in words a reader understands.
    pub reason: &'static str,
    /// Whether the rule also applies inside a caption (`figcaption`, table `caption`).
    pub in_captions: bool,
    /// Whether the rule takes only link-heavy blocks (a table of contents is a list of
    /// links; a section the contents link to is not).
    pub links_only: bool,
}

use Category::*;
use TokenMatch::*;

const fn tok(category: Category, pattern: TokenMatch, reason: &'static str) -> TokenRule {
    TokenRule { category, pattern, reason, in_captions: true, links_only: false }
}

/// A rule for what only belongs in a caption: matched outside captions only.
const fn outside_captions(category: Category, pattern: TokenMatch, reason: &'static str) -> TokenRule {
    TokenRule { category, pattern, reason, in_captions: false, links_only: false }
}

/// A rule for lists of links only: its name also marks what the links point to.
const fn links(category: Category, pattern: TokenMatch, reason: &'static str) -> TokenRule {
    TokenRule { category, pattern, reason, in_captions: true, links_only: true }
}

/// Class/id tokens that mark a block as clutter. A block matches when one of its tokens
/// matches; `CONTENT_TOKENS` and prose-heavy blocks protect real content (see `decide`).
pub const TOKEN_RULES: &[TokenRule] = &[
    // Ad containers: "ad", "ads", "ad-slot", "adsbygoogle", "advert…", DFP/GPT slots.
    tok(Ads, Exact("ad"), "an ad slot (class \"ad\")"),
    tok(Ads, Exact("ads"), "an ad slot (class \"ads\")"),
    tok(Ads, Prefix("ad-"), "an ad slot (class \"ad-…\")"),
    tok(Ads, Prefix("ads-"), "an ad slot (class \"ads-…\")"),
    tok(Ads, Prefix("ad_"), "an ad slot (class \"ad_…\")"),
    tok(Ads, Contains("-ad-"), "an ad slot (class \"…-ad-…\")"),
    tok(Ads, Contains("_ad_"), "an ad slot (class \"…_ad_…\")"),
    tok(Ads, Contains("-ads-"), "an ad slot (class \"…-ads-…\")"),
    tok(Ads, Contains("advert"), "an advertisement container"),
    tok(Ads, Contains("adsbygoogle"), "a Google AdSense slot"),
    tok(Ads, Prefix("dfp"), "a DoubleClick ad slot"),
    tok(Ads, Prefix("gpt-ad"), "a Google Publisher Tag ad slot"),
    tok(Ads, Contains("sponsor"), "a sponsored block"),
    tok(Ads, Contains("promoted"), "a promoted block"),
    tok(Ads, Contains("outbrain"), "an Outbrain recommendation widget"),
    tok(Ads, Contains("taboola"), "a Taboola recommendation widget"),
    tok(Ads, Suffix("-ad"), "an ad slot (class \"…-ad\")"),
    tok(Ads, Suffix("_ad"), "an ad slot (class \"…_ad\")"),
    // Related and recent lists.
    tok(Related, Contains("related"), "a related-articles list"),
    tok(Related, Contains("recent-post"), "a recent-posts list"),
    tok(Related, Contains("recent_post"), "a recent-posts list"),
    tok(Related, Contains("recentpost"), "a recent-posts list"),
    tok(Related, Contains("widget_recent"), "a recent-posts widget"),
    tok(Related, Contains("more-stories"), "a more-stories list"),
    tok(Related, Contains("morestories"), "a more-stories list"),
    tok(Related, Contains("read-more"), "a read-more teaser"),
    tok(Related, Contains("readmore"), "a read-more teaser"),
    tok(Related, Contains("read-next"), "a read-next teaser"),
    tok(Related, Contains("up-next"), "an up-next teaser"),
    tok(Related, Contains("recommend"), "a recommendations list"),
    tok(Related, Contains("trending"), "a trending list"),
    tok(Related, Contains("popular"), "a most-popular list"),
    tok(Related, Contains("most-read"), "a most-read list"),
    tok(Related, Exact("yarpp"), "a related-posts plugin block"),
    tok(Related, Prefix("yarpp-"), "a related-posts plugin block"),
    tok(Related, Contains("post-navigation"), "links to the previous and next posts"),
    tok(Related, Contains("nav-links"), "links to the previous and next posts"),
    // Author boxes.
    tok(AuthorBio, Contains("author-box"), "the author's bio box"),
    tok(AuthorBio, Contains("authorbox"), "the author's bio box"),
    tok(AuthorBio, Contains("author-bio"), "the author's bio box"),
    tok(AuthorBio, Contains("author_bio"), "the author's bio box"),
    tok(AuthorBio, Contains("author-info"), "the author's bio box"),
    tok(AuthorBio, Contains("about-author"), "the author's bio box"),
    tok(AuthorBio, Contains("about-the-author"), "the author's bio box"),
    tok(AuthorBio, Contains("author-card"), "the author's bio box"),
    tok(AuthorBio, Contains("author-profile"), "the author's bio box"),
    tok(AuthorBio, Contains("author-description"), "the author's bio box"),
    tok(AuthorBio, Contains("authorbio"), "the author's bio box"),
    tok(AuthorBio, Contains("contributor-bio"), "the author's bio box"),
    // Share and follow bars.
    tok(Share, Contains("share"), "a share bar"),
    tok(Share, Contains("social"), "social-media links"),
    tok(Share, Contains("sharedaddy"), "a share bar"),
    tok(Share, Contains("addtoany"), "a share bar"),
    tok(Share, Contains("addthis"), "a share bar"),
    tok(Share, Contains("follow-us"), "a follow-us bar"),
    // Newsletter and subscription prompts.
    tok(Newsletter, Contains("newsletter"), "a newsletter sign-up"),
    tok(Newsletter, Contains("subscribe"), "a subscription prompt"),
    tok(Newsletter, Contains("signup"), "a sign-up prompt"),
    tok(Newsletter, Contains("sign-up"), "a sign-up prompt"),
    tok(Newsletter, Contains("mailchimp"), "a newsletter sign-up"),
    tok(Newsletter, Contains("optin"), "a newsletter sign-up"),
    tok(Newsletter, Contains("paywall"), "a paywall prompt"),
    tok(Newsletter, Contains("donat"), "a donation appeal"),
    tok(Newsletter, Contains("support-us"), "a donation appeal"),
    // Comments.
    tok(Comments, Contains("comment"), "the comments"),
    tok(Comments, Contains("disqus"), "the comments"),
    tok(Comments, Exact("respond"), "the comment form"),
    tok(Comments, Contains("replies"), "the comments"),
    tok(Comments, Contains("discussion"), "the comments"),
    // Cookie and consent banners.
    tok(Consent, Contains("cookie"), "a cookie banner"),
    tok(Consent, Contains("consent"), "a consent banner"),
    tok(Consent, Contains("gdpr"), "a consent banner"),
    // Consent-management tools by their own names ("cmp-" alone is also Adobe's content
    // components: "cmp-text", "cmp-container").
    tok(Consent, Contains("qc-cmp"), "a consent banner"),
    tok(Consent, Contains("onetrust"), "a consent banner"),
    tok(Consent, Contains("didomi"), "a consent banner"),
    tok(Consent, Prefix("sp_message"), "a consent banner"),
    tok(Consent, Prefix("cmp-banner"), "a consent banner"),
    tok(Consent, Prefix("cmp-modal"), "a consent banner"),
    // Navigation and page furniture.
    tok(Navigation, Contains("breadcrumb"), "breadcrumbs"),
    tok(Navigation, Contains("pagination"), "pagination"),
    tok(Navigation, Exact("pager"), "pagination"),
    tok(Navigation, Contains("menu"), "a menu"),
    tok(Navigation, Exact("nav"), "navigation"),
    tok(Navigation, Prefix("nav-"), "navigation"),
    tok(Navigation, Contains("navbar"), "navigation"),
    tok(Navigation, Contains("navigation"), "navigation"),
    tok(Navigation, Contains("sidebar"), "a sidebar"),
    tok(Navigation, Contains("footer"), "a footer"),
    tok(Navigation, Contains("masthead"), "the site header"),
    tok(Navigation, Exact("tags"), "a tag list"),
    tok(Navigation, Contains("tag-list"), "a tag list"),
    tok(Navigation, Contains("tags-list"), "a tag list"),
    tok(Navigation, Contains("post-tags"), "a tag list"),
    tok(Navigation, Contains("tagcloud"), "a tag list"),
    // The category links above or below a post ("cat-links", "entry-categories").
    tok(Navigation, Exact("cat-links"), "the article's categories"),
    tok(Navigation, Suffix("categories"), "the article's categories"),
    tok(Navigation, Contains("skip-link"), "a skip link"),
    // A table of contents ("toc", "ez-toc-container", "table-of-contents"; not "stock").
    links(Navigation, Exact("toc"), "a table of contents (the reader view has its own)"),
    links(Navigation, Prefix("toc-"), "a table of contents (the reader view has its own)"),
    links(Navigation, Prefix("toc_"), "a table of contents (the reader view has its own)"),
    links(Navigation, Contains("-toc-"), "a table of contents (the reader view has its own)"),
    links(Navigation, Suffix("-toc"), "a table of contents (the reader view has its own)"),
    links(Navigation, Contains("table-of-contents"), "a table of contents (the reader view has its own)"),
    // The row of date, author, reading time and comment count under a headline
    // ("post-meta", "entry-meta", "meta-info"): the reader's header shows what matters of it.
    tok(Navigation, Exact("meta"), "the date and author line (the reader view's header shows them)"),
    tok(Navigation, Suffix("-meta"), "the date and author line (the reader view's header shows them)"),
    tok(Navigation, Suffix("_meta"), "the date and author line (the reader view's header shows them)"),
    tok(Navigation, Prefix("meta-"), "the date and author line (the reader view's header shows them)"),
    tok(Navigation, Contains("editsection"), "an edit link"),
    // The "¶" or "#" link beside a heading (Sphinx, VuePress, Docusaurus, AnchorJS): a link
    // to the heading itself, which a reader does not need in the text.
    tok(Navigation, Exact("headerlink"), "a permalink beside a heading"),
    tok(Navigation, Exact("header-anchor"), "a permalink beside a heading"),
    tok(Navigation, Exact("hash-link"), "a permalink beside a heading"),
    tok(Navigation, Exact("anchorjs-link"), "a permalink beside a heading"),
    tok(Navigation, Contains("legal"), "legal text (terms, disclaimers)"),
    tok(Navigation, Contains("terms-of"), "legal text (terms, disclaimers)"),
    tok(Navigation, Exact("terms"), "legal text (terms, disclaimers)"),
    tok(Navigation, Contains("disclaimer"), "legal text (terms, disclaimers)"),
    // A photo credit laid over the image repeats the one in its caption.
    outside_captions(LowContent, Contains("credit"), "a photo credit outside the caption"),
    tok(Navigation, Contains("print-only"), "print-only furniture"),
    // The toolbar a web archive puts above the page it replays (the Wayback Machine's).
    tok(Navigation, Prefix("wm-ipp"), "a web archive's toolbar"),
    tok(Navigation, Contains("screen-reader-text"), "text for screen readers only"),
    tok(Navigation, Contains("visually-hidden"), "text for screen readers only"),
    tok(Navigation, Contains("sr-only"), "text for screen readers only"),
];

/// Tokens that mark the article itself; a block carrying one is never removed by a token
/// rule (e.g. "article-content share-enabled").
pub const CONTENT_TOKENS: &[TokenMatch] = &[
    Contains("article"),
    Contains("content"),
    Contains("entry"),
    Contains("story"),
    Contains("post-body"),
    Contains("postbody"),
    Contains("main"),
    Exact("body"),
    Contains("text"),
    Contains("blog"),
    // A formula typeset by MathJax ("MathJax CtxtMenu_Attached_0": the hook for its context
    // menu, not a menu).
    Contains("mathjax"),
];

/// Tokens that only page furniture uses: they win over `CONTENT_TOKENS`
/// ("article-related", "story-share", "content-ad").
pub const FURNITURE_WINS: &[Category] = &[Ads, Related, Share, Newsletter, Comments, Consent, AuthorBio];

/// Class/id substrings of an embedded post (a tweet, an Instagram post): content that
/// share-bar rules ("social") must not take for a share bar.
pub const EMBED_HINTS: &[&str] = &["embed", "tweet", "twitter-", "instagram-media"];

/// ARIA roles that mark page furniture.
pub const ROLE_RULES: &[(&str, Category, &str)] = &[
    ("navigation", Navigation, "navigation (role=navigation)"),
    ("menu", Navigation, "a menu (role=menu)"),
    ("menubar", Navigation, "a menu (role=menubar)"),
    ("banner", Navigation, "the site header (role=banner)"),
    ("contentinfo", Navigation, "the site footer (role=contentinfo)"),
    ("complementary", Related, "complementary content (role=complementary)"),
    ("alertdialog", Consent, "a dialog (role=alertdialog)"),
    ("dialog", Consent, "a dialog (role=dialog)"),
    ("search", Navigation, "a search box (role=search)"),
];

/// Tags that are page furniture inside an article.
pub const TAG_RULES: &[(&str, Category, &str)] = &[
    ("nav", Navigation, "navigation (<nav>)"),
    ("aside", Related, "an aside (<aside>)"),
    ("footer", Navigation, "a footer (<footer>)"),
    ("form", LowContent, "a form"),
    ("dialog", Consent, "a dialog (<dialog>)"),
];

/// A text rule: a short block whose text starts with one of the phrases is clutter.
#[derive(Debug, Clone, Copy)]
pub struct TextRule {
    pub category: Category,
    /// Lowercase phrases; the block's lowercased text must start with one.
    pub phrases: &'static [&'static str],
    /// The longest block (in characters) the rule applies to: labels are short.
    pub max_len: u32,
    /// The least share of the block's text in links ("Read more: <a>…</a>").
    pub min_link_density: f64,
    /// Whether the rule also applies inside a caption.
    pub in_captions: bool,
    /// Whether the rule may take out a block that holds an image (a credit may not).
    pub with_images: bool,
    /// Whether the label stands for its whole section: the container it heads, or the
    /// siblings that follow it, go too ("Related articles" followed by a list).
    pub heads_section: bool,
    pub reason: &'static str,
}

/// Labels and prompts recognized by their words.
pub const TEXT_RULES: &[TextRule] = &[
    TextRule {
        category: Related,
        phrases: &[
            "related articles",
            "related posts",
            "related stories",
            "related content",
            "related reading",
            "related:",
            "recent posts",
            "recent articles",
            "recent stories",
            "latest posts",
            "latest news",
            "latest stories",
            "more stories",
            "more from",
            "more news",
            "more articles",
            "you may also like",
            "you might also like",
            "you may have missed",
            "also read",
            "read more:",
            "read next",
            "read also",
            "see also:",
            "up next",
            "most popular",
            "most read",
            "trending now",
            "recommended for you",
            "don't miss",
            "don’t miss",
            "popular posts",
            // The same in German, French, Spanish, Italian, Portuguese, Dutch, Polish, Czech.
            "mehr zum thema",
            "lesen sie auch",
            "das könnte sie auch interessieren",
            "à lire aussi",
            "a lire aussi",
            "lire aussi",
            "sur le même sujet",
            "lea también",
            "lee también",
            "te puede interesar",
            "noticias relacionadas",
            "leggi anche",
            "potrebbe interessarti",
            "articoli correlati",
            "leia também",
            "leia mais",
            "veja também",
            "lees ook",
            "gerelateerde artikelen",
            "czytaj też",
            "czytaj także",
            "zobacz też",
            "čtěte také",
            "přečtěte si také",
            "související články",
        ],
        max_len: 60,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: true,
        reason: "a related or recent-posts list",
    },
    TextRule {
        category: Related,
        phrases: &[
            "read more:",
            "related:",
            "see also:",
            "also read:",
            "read also:",
            "more:",
            "recommended:",
            "read:",
            "watch:",
            "listen:",
            "further reading:",
            "read more",
            "click here",
            "mehr zum thema:",
            "lesen sie auch:",
            "lire aussi :",
            "lire aussi:",
            "à lire aussi :",
            "lea también:",
            "lee también:",
            "leggi anche:",
            "leia também:",
            "lees ook:",
            "czytaj też:",
            "czytaj także:",
            "čtěte také:",
        ],
        max_len: 250,
        min_link_density: 0.3,
        in_captions: true,
        with_images: true,
        heads_section: false,
        reason: "an inline link to another story",
    },
    TextRule {
        category: Share,
        phrases: &["share post", "share this", "share on", "share:", "share the", "share article", "follow us"],
        max_len: 60,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: false,
        reason: "a share bar",
    },
    TextRule {
        category: Ads,
        phrases: &[
            "article ad",
            "advertisement",
            "advertisment",
            "sponsored content",
            "ad feedback",
            "- advertisement -",
            "story continues below advertisement",
        ],
        max_len: 60,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: false,
        reason: "an ad label",
    },
    TextRule {
        category: Navigation,
        phrases: &[
            "source link",
            "tags:",
            "schlagwörter:",
            "schlagworte:",
            "étiquettes :",
            "étiquettes:",
            "mots-clés :",
            "etiquetas:",
            "tag:",
            "tagi:",
            "štítky:",
            "tagged:",
            "filed under",
            "categories:",
            "posted in",
            "skip to content",
            "skip to main content",
            "back to top",
            "edit this page",
            "edit on github",
            "improve this page",
            "suggest an edit",
            "view page source",
        ],
        max_len: 80,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: false,
        reason: "page furniture (source link, tags, categories)",
    },
    TextRule {
        category: Newsletter,
        phrases: &[
            "subscribe for",
            "subscribe to",
            "sign up for",
            "sign up to",
            "get the newsletter",
            "join our newsletter",
            "newsletter",
            "get our newsletter",
            "enter your email",
            "join our mailing list",
            "abonnieren sie",
            "abonnez-vous",
            "inscrivez-vous",
            "suscríbete",
            "iscriviti",
            "assine",
            "inschrijven",
            "zapisz się",
            "přihlaste se",
        ],
        max_len: 160,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: false,
        reason: "a newsletter or subscription prompt",
    },
    TextRule {
        category: Newsletter,
        phrases: &[
            "before you go",
            "support us",
            "support our journalism",
            "support independent",
            "support our work",
            "become a member",
            "become a supporter",
            "make a contribution",
            "donate",
        ],
        max_len: 60,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: true,
        reason: "a donation or membership appeal",
    },
    TextRule {
        category: Navigation,
        phrases: &[
            "updated:",
            "updated ",
            "published:",
            "published ",
            "posted:",
            "posted on",
            "last updated",
            "last modified",
            "veröffentlicht",
            "aktualisiert",
            "publié le",
            "mis à jour",
            "publicado",
            "actualizado",
            "pubblicato",
            "aggiornato",
            "atualizado",
            "gepubliceerd",
            "bijgewerkt",
            "opublikowano",
            "zaktualizowano",
            "publikováno",
            "aktualizováno",
        ],
        max_len: 80,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: false,
        reason: "a date line (the date is in the reader view's header)",
    },
    TextRule {
        category: LowContent,
        phrases: &["photo:", "photos:", "photograph:", "photo by", "photo credit", "image:", "credit:", "illustration:"],
        max_len: 80,
        min_link_density: 0.0,
        in_captions: false,
        with_images: false,
        heads_section: false,
        reason: "a photo credit outside its caption",
    },
    TextRule {
        category: Navigation,
        phrases: &["this document is subject to copyright", "citation:", "all rights reserved", "copyright ©", "© copyright"],
        max_len: 400,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: false,
        reason: "copyright or citation boilerplate",
    },
    TextRule {
        category: Navigation,
        phrases: &[
            "table of contents",
            "contents",
            "in this article",
            "on this page",
            "jump to",
            "inhaltsverzeichnis",
            "inhalt",
            "sommaire",
            "índice",
            "indice",
            "inhoud",
            "inhoudsopgave",
            "spis treści",
            "obsah",
        ],
        max_len: 40,
        min_link_density: 0.0,
        in_captions: false,
        with_images: false,
        // Its list goes with it when they share a container ("toc" token rules below);
        // the blocks after a bare heading are the article's.
        heads_section: false,
        reason: "a table of contents (the reader view has its own)",
    },
    TextRule {
        category: Ads,
        phrases: &[
            "learn more",
            "read our full review",
            "read full review",
            "read the full review",
            "book now",
            "buy now",
            "shop now",
            "order now",
            "get started",
            "get a quote",
            "get a free quote",
            "check price",
            "check prices",
            "see price",
            "view deal",
            "see deal",
            "start course",
            "request a demo",
            "book a demo",
            "try it free",
            "try for free",
            "download now",
            "contact us",
        ],
        max_len: 40,
        min_link_density: 0.0,
        in_captions: false,
        with_images: true,
        heads_section: false,
        reason: "a call to action (\"Learn more\", \"Buy now\")",
    },
    TextRule {
        category: Ads,
        phrases: &[
            "this post may contain affiliate links",
            "this article may contain affiliate links",
            "this post contains affiliate links",
            "this article contains affiliate links",
            "this page contains affiliate links",
            "we may earn a commission",
            "we may receive a commission",
            "as an amazon associate",
            "affiliate disclosure",
            "advertiser disclosure",
            "disclosure:",
            "dieser artikel enthält affiliate",
            "dieser beitrag enthält affiliate",
            "enthält affiliate",
            "cet article contient des liens",
            "este artículo contiene enlaces de afiliado",
            "questo articolo contiene link di affiliazione",
            "dit artikel bevat affiliate",
        ],
        max_len: 400,
        min_link_density: 0.0,
        in_captions: false,
        with_images: false,
        heads_section: false,
        reason: "an affiliate disclosure",
    },
    TextRule {
        category: AuthorBio,
        phrases: &["email the author", "e-mail the author", "contact the author", "you can reach", "reach the author", "follow the author"],
        max_len: 200,
        min_link_density: 0.0,
        in_captions: false,
        with_images: false,
        heads_section: false,
        reason: "a line about the author (\"Email the author at …\")",
    },
    TextRule {
        category: Share,
        phrases: &[
            "follow",
            "folgen sie",
            "folge uns",
            "suivez",
            "síguenos",
            "seguici",
            "siga",
            "volg ons",
            "obserwuj",
            "sledujte",
            "teilen",
            "partager",
            "compartir",
            "condividi",
            "compartilhar",
            "compartilhe",
            "delen",
            "udostępnij",
            "sdílet",
        ],
        max_len: 100,
        min_link_density: 0.2,
        in_captions: false,
        with_images: true,
        heads_section: false,
        reason: "a follow or share line",
    },
    // "Follow me on Instagram: @handle", "Join us on TikTok": a call to follow elsewhere,
    // its handle plain text rather than a link.
    TextRule {
        category: Share,
        phrases: &[
            "follow me on",
            "follow us on",
            "join me on",
            "join us on",
            "find us on",
            "find me on",
            "like us on",
            "connect with us on",
            "connect with me on",
            "join the facebook group",
            "join our facebook group",
        ],
        max_len: 80,
        min_link_density: 0.0,
        in_captions: false,
        with_images: false,
        heads_section: false,
        reason: "a line asking readers to follow elsewhere",
    },
    TextRule {
        category: Comments,
        phrases: &[
            "leave a reply",
            "leave a comment",
            "comments",
            "comment",
            "responses",
            "replies",
            "post a comment",
            "join the conversation",
            "join the discussion",
            "add comment",
        ],
        max_len: 40,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: true,
        reason: "the comments",
    },
    TextRule {
        category: Consent,
        phrases: &["we use cookies", "this website uses cookies", "this site uses cookies", "by continuing to use"],
        max_len: 400,
        min_link_density: 0.0,
        in_captions: true,
        with_images: true,
        heads_section: false,
        reason: "a cookie banner",
    },
];

/// Words of a sign-up pitch: a short block holding a form field and one of these is a
/// newsletter box (English, German, French, Spanish, Italian, Portuguese, Dutch, Polish, Czech).
pub const SIGNUP_WORDS: &[&str] = &[
    "newsletter",
    "subscribe",
    "sign up",
    "signup",
    "inbox",
    "e-mail",
    "email address",
    "join",
    "abonn",
    "anmelden",
    "inscri",
    "suscrib",
    "iscriv",
    "assine",
    "inschrijv",
    "zapisz",
    "odebír",
];

/// Sentences that open an author bio: "<Name> is a news writer for …", "… is a senior
/// reporter at …". A short block whose text has one of these after a capitalized name,
/// near the end of the article, is the author's bio.
pub const BIO_ROLES: &[&str] =
    &["writer", "reporter", "editor", "journalist", "correspondent", "columnist", "contributor", "author", "producer", "blogger"];

/// The words that join a name to a role in a bio sentence.
pub const BIO_VERBS: &[&str] = &[" is a ", " is an ", " is the ", " was a ", " has been a ", " covers ", " writes about ", " writes for "];

/// Class/id token patterns that make a block a likely article (Readability's "positive" list).
pub const POSITIVE_HINTS: &[TokenMatch] = &[
    Contains("article"),
    Contains("body"),
    Contains("content"),
    Contains("entry"),
    Contains("hentry"),
    Contains("h-entry"),
    Contains("main"),
    Contains("page"),
    Contains("pagination"),
    Contains("post"),
    Contains("text"),
    Contains("blog"),
    Contains("story"),
];

/// Class/id token patterns that make a block unlikely to be the article (Readability's
/// "negative" list). "hidden" and "scroll" and "widget" must open the token: `overflow_hidden` and
/// `field--label-hidden` are drawn, `elementor-widget` and `hs_cos_wrapper_widget` are a page
/// builder's wrappers around the article's own text, `table-scroll` lets a table scroll;
/// `widget_recent_entries` is a widget, `scroller` a carousel.
pub const NEGATIVE_HINTS: &[TokenMatch] = &[
    Contains("-ad-"),
    Prefix("hidden"),
    Contains("banner"),
    Contains("combx"),
    Contains("comment"),
    Contains("com-"),
    Contains("contact"),
    Contains("footer"),
    Contains("gdpr"),
    Contains("masthead"),
    Contains("media"),
    Contains("meta"),
    Contains("outbrain"),
    Contains("promo"),
    Contains("related"),
    Prefix("scroll"),
    Contains("share"),
    Contains("shoutbox"),
    Contains("sidebar"),
    Contains("skyscraper"),
    Contains("sponsor"),
    Contains("shopping"),
    Contains("tags"),
    Prefix("widget"),
    // Beyond Readability's list: terms of service and disclaimers outscore short articles.
    Contains("legal"),
    Contains("disclaimer"),
    Contains("terms"),
];

/// Class/id token patterns of blocks never worth scoring (Readability's "unlikely candidates").
pub const UNLIKELY_HINTS: &[TokenMatch] = &[
    Contains("-ad-"),
    Contains("ai2html"),
    Contains("banner"),
    Contains("breadcrumbs"),
    Contains("combx"),
    Contains("comment"),
    Contains("community"),
    Contains("cover-wrap"),
    Contains("disqus"),
    Contains("extra"),
    Contains("footer"),
    Contains("gdpr"),
    Contains("header"),
    Contains("legends"),
    Contains("menu"),
    Contains("related"),
    Contains("remark"),
    Contains("replies"),
    Contains("rss"),
    Contains("shoutbox"),
    Contains("sidebar"),
    Contains("skyscraper"),
    Contains("social"),
    Contains("sponsor"),
    Contains("supplemental"),
    Contains("ad-break"),
    Contains("agegate"),
    Contains("pagination"),
    Contains("pager"),
    Contains("popup"),
    Contains("yom-remote"),
];

/// Class/id token patterns that rescue an unlikely-looking block (Readability's "maybe candidate").
pub const MAYBE_HINTS: &[TokenMatch] = &[
    Contains("and"),
    Contains("article"),
    Contains("body"),
    Contains("column"),
    Contains("content"),
    Contains("main"),
    Contains("mathjax"),
    Contains("shadow"),
];

/// Class substrings of an image caption (besides `figcaption`): "caption", "wp-caption-text".
pub const CAPTION_HINTS: &[&str] = &["caption"];

/// Class/id/role substrings of a footnote list: it belongs to the article beside it.
pub const FOOTNOTE_HINTS: &[&str] = &["footnote", "endnote", "doc-endnotes"];

/// Class/id token patterns every `Comments` token rule needs (see `hint::COMMENTS`).
pub const COMMENT_HINTS: &[TokenMatch] =
    &[Contains("comment"), Contains("disqus"), Contains("respond"), Contains("replies"), Contains("discussion")];

/// Class/id token patterns of bylines.
pub const BYLINE_HINTS: &[TokenMatch] = &[Contains("byline"), Contains("author"), Contains("writtenby"), Contains("p-author")];

/// Class/id substrings of share bars that Readability drops when short.
pub const SHARE_HINTS: &[&str] = &["share", "sharedaddy"];

/// Hosts whose iframes are embeds worth a link in the reader view (video, audio, posts).
pub const EMBED_HOSTS: &[(&str, &str)] = &[
    ("youtube.com", "Video"),
    ("youtube-nocookie.com", "Video"),
    ("youtu.be", "Video"),
    ("vimeo.com", "Video"),
    ("dailymotion.com", "Video"),
    ("twitch.tv", "Video"),
    ("ted.com", "Video"),
    ("twitter.com", "Post"),
    ("x.com", "Post"),
    ("instagram.com", "Post"),
    ("facebook.com", "Post"),
    ("tiktok.com", "Video"),
    ("soundcloud.com", "Audio"),
    ("spotify.com", "Audio"),
    ("codepen.io", "Code"),
    ("gist.github.com", "Code"),
];

/// Words that open a byline before the name.
pub const BYLINE_PREFIXES: &[&str] = &[
    "written by: ",
    "written by ",
    "words by ",
    "posted by: ",
    "posted by ",
    "story by ",
    "text by ",
    "recipe by ",
    "authors: ",
    "author: ",
    "by: ",
    "by ",
    "par ",
    "von ",
    "por ",
    "door ",
];

/// A byline written as text, not marked up ("By Ann Lee" in a plain `<p>`): shorter than
/// this many characters...
pub const WRITTEN_BYLINE_MAX_CHARS: u32 = 80;

/// ...starting at most this many bytes before the headline's `<h1>`...
pub const WRITTEN_BYLINE_BEFORE_HEADING: usize = 1500;

/// ...or this many after it...
pub const WRITTEN_BYLINE_AFTER_HEADING: usize = 4000;

/// ...and naming at most this many words after its prefix.
pub const WRITTEN_BYLINE_MAX_WORDS: usize = 8;

/// How a byline joins a second name to the first (lowercase): what follows a name's own
/// element and starts so is more names, not the first one's role.
pub const NAME_JOINERS: &[&str] = &["and ", ",", "&", "und ", "et ", "y ", "e ", "en "];

/// Where a byline's name ends: separators and the notes that follow names (lowercase).
pub const BYLINE_STOPS: &[&str] =
    &[" | ", " • ", " · ", " — ", " , ", " updated", " last updated", " published", " edited by", " posted on", " on "];

/// How a date or a time note starts; a "byline" that starts so names nobody (lowercase).
pub const NOT_A_NAME: &[&str] = &[
    "updated",
    "last updated",
    "published",
    "posted on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "follow",
    "share",
    "about the author",
    "how we reviewed",
];

/// Labels that stand where a byline's name would (lowercase, the whole byline).
pub const BYLINE_LABELS: &[&str] = &["written by", "posted by", "author", "authors", "admin", "administrator", "webmaster"];

/// Month names (lowercase, English); a byline word that begins one, next to a number, starts a date.
pub const MONTHS: &[&str] =
    &["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// `<meta>` names whose content is the author (after JSON-LD).
pub const AUTHOR_META: &[&str] =
    &["dc:creator", "dcterm:creator", "author", "parsely-author", "article:author_name", "sailthru.author", "byl"];

/// `twitter:labelN` values whose `twitter:dataN` is the author (WordPress SEO plugins).
pub const AUTHOR_LABELS: &[&str] = &["written by", "author", "von", "geschrieben von", "écrit par", "escrito por"];

/// JSON-LD `@type`s of an author that is no person: the publisher credited as author.
pub const NOT_PERSON_TYPES: &[&str] = &["Organization", "NewsMediaOrganization", "Corporation", "WebSite", "LocalBusiness"];

/// Month names and abbreviations in the languages of the pages met (lowercase), with the
/// month's number: visible dates ("September 4, 2025", "4. September 2025", "4 de
/// septiembre de 2025") become ISO days.
#[rustfmt::skip]
pub const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("januar", 1), ("jän", 1), ("janvier", 1), ("janv", 1), ("enero", 1), ("gennaio", 1), ("januari", 1), ("janeiro", 1),
    ("february", 2), ("feb", 2), ("februar", 2), ("février", 2), ("fevrier", 2), ("févr", 2), ("febrero", 2), ("febbraio", 2), ("februari", 2), ("fevereiro", 2),
    ("march", 3), ("mar", 3), ("märz", 3), ("maerz", 3), ("mrz", 3), ("mars", 3), ("marzo", 3), ("maart", 3), ("março", 3),
    ("april", 4), ("apr", 4), ("avril", 4), ("avr", 4), ("abril", 4), ("aprile", 4),
    ("may", 5), ("mai", 5), ("mayo", 5), ("maggio", 5), ("mei", 5), ("maio", 5),
    ("june", 6), ("jun", 6), ("juni", 6), ("juin", 6), ("junio", 6), ("giugno", 6), ("junho", 6),
    ("july", 7), ("jul", 7), ("juli", 7), ("juillet", 7), ("juil", 7), ("julio", 7), ("luglio", 7), ("julho", 7),
    ("august", 8), ("aug", 8), ("août", 8), ("aout", 8), ("agosto", 8), ("augustus", 8),
    ("september", 9), ("sep", 9), ("sept", 9), ("septembre", 9), ("septiembre", 9), ("setiembre", 9), ("settembre", 9), ("setembro", 9),
    ("october", 10), ("oct", 10), ("oktober", 10), ("okt", 10), ("octobre", 10), ("octubre", 10), ("ottobre", 10), ("outubro", 10),
    ("november", 11), ("nov", 11), ("novembre", 11), ("noviembre", 11), ("novembro", 11),
    ("december", 12), ("dec", 12), ("dezember", 12), ("dez", 12), ("décembre", 12), ("decembre", 12), ("déc", 12), ("diciembre", 12), ("dicembre", 12), ("dezembro", 12),
];

/// Words that label a date as a revision, not the publication (lowercase prefixes):
/// "Updated", "Last modified", "Aktualisiert", "Mis à jour", "Actualizado".
pub const REVISION_LABELS: &[&str] = &["updated", "modified", "revised", "reviewed", "aktualisiert", "jour", "actualizado", "bijgewerkt"];

/// How many words before a date are searched for a `REVISION_LABELS` word.
pub const REVISION_LABEL_WORDS: usize = 3;

/// A date written within this many bytes after the visible `<h1>` is the one the page
/// shows, and beats a different day in the metadata unless labelled a revision.
pub const SHOWN_DATE_AFTER_HEADING: usize = 6000;

/// Words between a visible date's parts that are no part ("4 de septiembre de 2025").
pub const DATE_FILLERS: &[&str] = &["de", "del", "of", "the"];

/// How many bytes after the start of the page's `<h1>` (and before it) a visible date or
/// a `<time>` is looked for when the metadata states none.
pub const DATE_AFTER_HEADING: usize = 6000;
pub const DATE_BEFORE_HEADING: usize = 2000;

/// `<meta>` names whose content is the title (after JSON-LD).
pub const TITLE_META: &[&str] =
    &["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"];

/// Share of the visible `<h1>`'s words that `og:title` or `<title>` must repeat for the
/// `<h1>` to be the title (more than a third): SEO titles reword the headline yet keep
/// its key words; a section name or a slogan in the `<h1>` shares one word or none.
pub const HEADING_AGREES: f64 = 0.34;

/// Separators (with a space on each side) after which a stated title (`og:title`,
/// JSON-LD) names its section or site: "Headline | Site", "Headline – Site Name Blog";
/// strongest kind first.
pub const TITLE_SITE_SEPARATORS: &[&[char]] = &[&['|'], &['•', '·', '⋆'], &['–', '—', '-']];

/// Most words a section or site name after a title's separator has ("| Opinion",
/// "– Strength Training"); more make a subtitle that belongs to the headline.
pub const SECTION_MAX_WORDS: usize = 4;

/// A block of at least this many paragraphs whose text an earlier block of the article
/// repeats is a copy: page builders write one version of the article per screen size and
/// let CSS show one. A repeated paragraph or two (a refrain, an API field described in two
/// places, the same recipe in two menus) is the text itself.
pub const COPY_MIN_PARAGRAPHS: u32 = 3;

/// `<meta>` names whose content is the excerpt (after JSON-LD).
pub const EXCERPT_META: &[&str] = &[
    "dc:description",
    "dcterm:description",
    "og:description",
    "weibo:article:description",
    "weibo:webpage:description",
    "description",
    "twitter:description",
];

/// `<meta>` names whose content is the publication time (after JSON-LD).
pub const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "parsely-pub-date",
    "datepublished",
    "dc.date.issued",
    "dcterms.created",
    "date",
    "publish-date",
    "pubdate",
];

/// `<meta>` names whose content is the site's name.
pub const SITE_NAME_META: &[&str] = &["og:site_name", "application-name", "twitter:site"];

/// `<meta>` names whose content is the lead image.
pub const IMAGE_META: &[&str] = &["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"];

/// Lazy-loading attributes that carry an image's real URL, most specific first.
pub const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-file",
    "data-lazyload",
];

/// Lazy-loading attributes that carry an image's real `srcset`.
pub const LAZY_SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset", "data-original-set"];

/// Whether any hint in `hints` occurs in a token of the lowercase class/id string
/// (utility tokens skipped: `[&_figcaption]:mt-2` styles captions, it is not one).
pub fn mentions(attrs: &str, hints: &[&str]) -> bool {
    // Most strings mention none: one scan of the whole string settles those.
    hints.iter().any(|h| contains(attrs, h))
        && attrs.split_ascii_whitespace().filter(|t| !is_utility_token(t)).any(|t| hints.iter().any(|h| contains(t, h)))
}

/// Whether a label's text opens with a text rule's phrase as whole words, or its plural:
/// "newsletters" and "comment (3)" open with a phrase, "commentary" does not.
pub fn opens_with(text: &str, phrase: &str) -> bool {
    // The first byte settles most pairs without a call to memcmp (the text rules try every
    // phrase on every short block: 1.5 % of `lectern batch` on wcxb-dev).
    if text.as_bytes().first() != phrase.as_bytes().first() {
        return phrase.is_empty();
    }
    let Some(rest) = text.strip_prefix(phrase) else { return false };
    let rest = rest.strip_prefix('s').unwrap_or(rest);
    !phrase.ends_with(char::is_alphanumeric) || !rest.starts_with(char::is_alphanumeric)
}

/// Substring search for the short strings class names are: memchr finds each place the
/// needle's first byte is, which beats building a two-way searcher per call (and a byte
/// by byte scan: 1 % of `lectern batch`).
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// Where `needle` first is in `hay`, as `str::find` says, searched as [`contains`] does.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else { return Some(0) };
    let mut at = 0;
    while let Some(i) = memchr::memchr(first, &hay[at..]) {
        if hay[at + i + 1..].starts_with(rest) {
            return Some(at + i);
        }
        at += i + 1;
    }
    None
}

/// Many patterns matched in one pass over a string: at each position only the patterns
/// starting with that byte are tried.
pub struct Matcher {
    by_first_byte: Vec<Vec<(u16, TokenMatch)>>,
    /// For each first byte, the second bytes of its patterns as a 256-bit set, and in the
    /// fifth word whether one of them is a single byte: most places in a class string
    /// start no pattern, and one lookup tells so (1 % of `lectern batch`).
    seconds: Vec<[u64; 5]>,
}

impl Matcher {
    pub fn new(patterns: impl IntoIterator<Item = (u16, TokenMatch)>) -> Matcher {
        let mut by_first_byte = vec![Vec::new(); 256];
        let mut seconds = vec![[0u64; 5]; 256];
        for (id, pattern) in patterns {
            let (TokenMatch::Exact(p) | TokenMatch::Prefix(p) | TokenMatch::Suffix(p) | TokenMatch::Contains(p)) = pattern;
            if let Some(&b) = p.as_bytes().first() {
                by_first_byte[usize::from(b)].push((id, pattern));
                let set = &mut seconds[usize::from(b)];
                match p.as_bytes().get(1) {
                    Some(&n) => set[usize::from(n >> 6)] |= 1 << (n & 63),
                    None => set[4] = 1,
                }
            }
        }
        Matcher { by_first_byte, seconds }
    }

    /// Calls `hit` with the id of every pattern found in `s`.
    pub fn for_each(&self, s: &str, mut hit: impl FnMut(u16)) {
        let bytes = s.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let next = bytes.get(i + 1).copied();
            let set = &self.seconds[usize::from(b)];
            if set[4] == 0 && next.is_none_or(|n| set[usize::from(n >> 6)] & (1 << (n & 63)) == 0) {
                continue;
            }
            for &(id, pattern) in &self.by_first_byte[usize::from(b)] {
                let (TokenMatch::Exact(p) | TokenMatch::Prefix(p) | TokenMatch::Suffix(p) | TokenMatch::Contains(p)) = pattern;
                // Most candidates fail on the second byte: check it before a full compare.
                if let Some(&second) = p.as_bytes().get(1) {
                    if next != Some(second) {
                        continue;
                    }
                }
                let found = match pattern {
                    TokenMatch::Exact(p) => i == 0 && s == p,
                    TokenMatch::Prefix(p) => i == 0 && s.starts_with(p),
                    TokenMatch::Suffix(p) => bytes.len() >= p.len() && i == bytes.len() - p.len() && bytes[i..] == *p.as_bytes(),
                    TokenMatch::Contains(p) => bytes[i..].starts_with(p.as_bytes()),
                };
                if found {
                    hit(id);
                }
            }
        }
    }
}

/// Bits for the hint lists a class or id string mentions.
pub mod hint {
    pub const UNLIKELY: u16 = 1;
    pub const MAYBE: u16 = 2;
    pub const NEGATIVE: u16 = 4;
    pub const POSITIVE: u16 = 8;
    pub const BYLINE: u16 = 16;
    /// A word the comments' token rules look for: only such nodes need them matched.
    pub const COMMENTS: u16 = 32;

    /// Readability's "unlikely candidate": an unlikely hint not rescued by a "maybe" one.
    pub fn unlikely(bits: u16) -> bool {
        bits & UNLIKELY != 0 && bits & MAYBE == 0
    }
}

/// A utility class that says how an element is drawn, not what it is: a responsive or
/// state variant (`md:hidden`, `hover:bg-white`), an arbitrary value (`max-w-[645px]`), an
/// overflow setting (`overflow-hidden`).
fn is_utility_token(token: &str) -> bool {
    token.contains([':', '[']) || token.starts_with("overflow")
}

/// Which hint lists (`hint::*` bits) a lowercase class or id string mentions, token by
/// token (utility tokens skipped).
pub fn hints(s: &str) -> u16 {
    static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    let matcher = MATCHER.get_or_init(|| {
        let lists: [(u16, &[TokenMatch]); 6] = [
            (hint::UNLIKELY, UNLIKELY_HINTS),
            (hint::MAYBE, MAYBE_HINTS),
            (hint::NEGATIVE, NEGATIVE_HINTS),
            (hint::POSITIVE, POSITIVE_HINTS),
            (hint::BYLINE, BYLINE_HINTS),
            (hint::COMMENTS, COMMENT_HINTS),
        ];
        Matcher::new(lists.into_iter().flat_map(|(bit, list)| list.iter().map(move |&h| (bit, h))))
    });
    let mut bits = 0;
    for token in s.split_ascii_whitespace().filter(|t| !is_utility_token(t)) {
        matcher.for_each(token, |bit| bits |= bit);
    }
    bits
}

/// The index in `TOKEN_RULES` of the first (highest-priority) rule any of the tokens matches.
pub fn token_rule_index<'t>(tokens: impl Iterator<Item = &'t str>) -> Option<usize> {
    static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    let matcher = MATCHER.get_or_init(|| Matcher::new(TOKEN_RULES.iter().enumerate().map(|(i, r)| (i as u16, r.pattern))));
    let mut best: Option<u16> = None;
    for token in tokens {
        matcher.for_each(token, |i| best = Some(best.map_or(i, |b| b.min(i))));
    }
    best.map(usize::from)
}

/// Whether a token marks the article itself (`CONTENT_TOKENS`).
pub fn is_content_token(token: &str) -> bool {
    static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    let matcher = MATCHER.get_or_init(|| Matcher::new(CONTENT_TOKENS.iter().map(|&p| (0, p))));
    let mut found = false;
    matcher.for_each(token, |_| found = true);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_rules_by_priority() {
        assert_eq!(token_rule_index(["entry-content", "ad-slot"].into_iter()).map(|i| TOKEN_RULES[i].category), Some(Ads));
        assert_eq!(token_rule_index(["top-ad"].into_iter()).map(|i| TOKEN_RULES[i].category), Some(Ads));
        assert_eq!(token_rule_index(["header"].into_iter()).map(|i| TOKEN_RULES[i].category), None);
        assert_eq!(token_rule_index(["jp-relatedposts"].into_iter()).map(|i| TOKEN_RULES[i].category), Some(Related));
        assert_eq!(token_rule_index(["td-author-box"].into_iter()).map(|i| TOKEN_RULES[i].category), Some(AuthorBio));
    }

    #[test]
    fn phrases_open_labels_as_whole_words() {
        assert!(opens_with("comments (3)", "comments"));
        assert!(opens_with("newsletters", "newsletter"));
        assert!(opens_with("see also: other lists", "see also:"));
        assert!(!opens_with("commentary", "comment"));
        assert!(!opens_with("donated by readers", "donate"));
    }

    #[test]
    fn hint_bits() {
        assert_eq!(hints("sidebar widget"), hint::UNLIKELY | hint::NEGATIVE);
        assert_eq!(hints("post-body"), hint::POSITIVE | hint::MAYBE);
        assert_eq!(hints(""), 0);
        // A page builder's wrapper and drawing utilities are not furniture.
        assert_eq!(hints("elementor-widget elementor-widget-text-editor"), hint::POSITIVE);
        assert_eq!(hints("hs_cos_wrapper hs_cos_wrapper_widget"), 0);
        assert_eq!(hints("flex-col overflow-hidden md:hidden max-w-[645px]"), 0);
        assert_eq!(hints("widget_recent_entries"), hint::NEGATIVE);
        assert_eq!(hints("hidden"), hint::NEGATIVE);
    }
}
