//! Hostile markup placed inside a real article must come out neutralized, while the
//! article's own paragraphs survive. Each case wraps one payload between the third and
//! fourth paragraph of a realistic page, so the payload is inside the extracted article.

use lectern::{extract, Article, Options};

mod common;
use common::unsafe_markup::unsafe_parts;
use common::{fold, page, PARAGRAPHS};

const PAGE_URL: &str = "https://example.com/a/b.html";

fn run(payload: &str) -> Article {
    let html = page(payload);
    extract(html.as_bytes(), &Options::new().url(PAGE_URL)).unwrap_or_else(|e| panic!("extract failed for payload {payload:?}: {e}"))
}

/// Every real paragraph is in the plain text.
fn paragraphs_survive(article: &Article, name: &str) -> Vec<String> {
    let text = fold(&article.text);
    PARAGRAPHS
        .iter()
        .enumerate()
        .filter(|(_, p)| !text.contains(*p))
        .map(|(i, _)| format!("[{name}] paragraph {} missing from text", i + 1))
        .collect()
}

/// (name, payload, strings that must not appear anywhere in content or text)
type Case = (&'static str, &'static str, &'static [&'static str]);

fn check_cases(cases: &[Case]) {
    let mut errors = vec![];
    for (name, payload, absent) in cases {
        let article = run(payload);
        errors.extend(paragraphs_survive(&article, name));
        errors.extend(unsafe_parts(&article.content, name));
        for a in *absent {
            if article.content.contains(a) || article.text.contains(a) {
                errors.push(format!("[{name}] output contains {a:?}"));
            }
        }
    }
    assert!(errors.is_empty(), "{} problem(s):\n{}", errors.len(), errors.join("\n"));
}

/// The checker itself: it must flag unsafe markup and leave escaped text alone.
#[test]
fn checker_flags_unsafe_markup() {
    for bad in [
        "<p onclick=\"x\">a</p>",
        "<p ONMOUSEOVER=x>a</p>",
        "<a href=\"&#106;avascript:x\">a</a>",
        "<a href=\"java&#9;script:x\">a</a>",
        "<img src=\"x.jpg\">",
        "<p style=\"color:red\">a</p>",
        "<svg></svg>",
        "<iframe srcdoc=x></iframe>",
    ] {
        assert!(!unsafe_parts(bad, "self-test").is_empty(), "checker missed {bad}");
    }
    let fine = "<p>Text &lt;img src=x onerror=alert(1)&gt; and <a href=\"https://example.com/x\" title=\"on=1\">link</a></p>";
    assert_eq!(unsafe_parts(fine, "self-test"), Vec::<String>::new());
}

#[test]
fn baseline_page_extracts_all_paragraphs() {
    let article = run("");
    let errors = paragraphs_survive(&article, "baseline");
    assert!(errors.is_empty(), "{errors:?}\ntext: {}", article.text);
    assert!(!article.text.contains("Copyright 2025"), "footer leaked into the article: {}", article.text);
}

#[test]
fn script_elements() {
    check_cases(&[
        ("script", "<script>alert('xss-script')</script>", &["xss-script"]),
        ("script src", "<script src=\"https://evil.example/x.js\"></script>", &["evil.example"]),
        ("script uppercase", "<SCRIPT>alert('xss-upper')</SCRIPT>", &["xss-upper"]),
        ("script with attributes", "<script type=\"text/javascript\" async defer>document.write('xss-attr')</script>", &["xss-attr"]),
        ("script in paragraph", "<p>Some note <script>alert('xss-inline')</script> here.</p>", &["xss-inline"]),
        ("script unclosed end", "<p>Note</p><script>var a = '</scr' + 'ipt>'; alert('xss-split')</script>", &["xss-split"]),
        ("svg script", "<svg><script>alert('xss-svg')</script></svg>", &["xss-svg"]),
        ("svg script href", "<svg><script xlink:href=\"data:text/javascript,alert(1)\"></script></svg>", &[]),
    ]);
}

#[test]
fn event_handler_attributes() {
    check_cases(&[
        ("img onerror", "<img src=x onerror=alert(1)>", &["alert("]),
        ("img onerror quoted", "<p><img src=\"photo.jpg\" onerror=\"alert(1)\" alt=\"photo\"></p>", &["alert("]),
        ("onclick", "<p onclick=\"alert(1)\">Click me</p>", &["alert("]),
        ("onmouseover", "<a href=\"https://example.com/\" onmouseover=\"alert(1)\">hover</a>", &["alert("]),
        ("onload body", "<body onload=\"alert(1)\"><p>inner body</p></body>", &["alert("]),
        ("onfocus", "<div tabindex=1 onfocus=\"alert(1)\">Focus</div>", &["alert("]),
        ("onblur", "<p onblur=alert(1)>Blur</p>", &["alert("]),
        ("onanimationstart", "<p style=\"animation-name:x\" onanimationstart=\"alert(1)\">Anim</p>", &["alert("]),
        ("onpointerenter", "<b onpointerenter=alert(1)>Bold</b>", &["alert("]),
        ("uppercase ONCLICK", "<em ONCLICK=\"alert(1)\">Em</em>", &["alert("]),
        // The unquoted src value runs to the `>`: "x/onerror=alert(1)" is a (harmless) relative URL.
        ("slash separated", "<img/src=x/onerror=alert(1)>", &[]),
        ("onerror on table", "<table onmouseenter=alert(1)><tr><td onclick=alert(1)>cell</td></tr></table>", &["alert("]),
        ("svg onload", "<svg onload=alert(1)><circle r=5></circle></svg>", &["alert("]),
        ("svg animate onbegin", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></animate></svg>", &["alert("]),
        ("details ontoggle", "<details open ontoggle=alert(1)><summary>More</summary>Hidden text</details>", &["alert("]),
        ("input autofocus onfocus", "<input autofocus onfocus=alert(1)>", &["alert("]),
        ("video onerror", "<video><source onerror=\"alert(1)\"></video>", &["alert("]),
        ("marquee onstart", "<marquee onstart=alert(1)>scroll</marquee>", &["alert("]),
        ("body onpageshow", "<body onpageshow=alert(1)>", &["alert("]),
        ("audio src onerror", "<audio src=x onerror=alert(1)></audio>", &["alert("]),
    ]);
}

#[test]
fn javascript_links() {
    check_cases(&[
        ("javascript plain", "<p>See <a href=\"javascript:alert(1)\">this link</a>.</p>", &["alert("]),
        ("javascript mixed case", "<p><a href=\"JaVaScRiPt:alert(1)\">mixed</a></p>", &["alert("]),
        ("javascript decimal entity", "<p><a href=\"&#106;avascript:alert(1)\">dec</a></p>", &["alert("]),
        ("javascript decimal entity no semicolon", "<p><a href=\"&#106avascript&#58alert(1)\">dec2</a></p>", &[]),
        ("javascript padded decimal entities", "<p><a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">pad</a></p>", &[]),
        ("javascript hex entity", "<p><a href=\"&#x6A;avascript:alert(1)\">hex</a></p>", &["alert("]),
        ("javascript hex entity uppercase X", "<p><a href=\"&#X6A;avascript:alert(1)\">hex</a></p>", &["alert("]),
        ("javascript tab entity", "<p><a href=\"java&#9;script:alert(1)\">tab</a></p>", &["alert("]),
        ("javascript newline entity", "<p><a href=\"java&#10;script:alert(1)\">nl</a></p>", &["alert("]),
        ("javascript literal tab", "<p><a href=\"java\tscript:alert(1)\">tab2</a></p>", &["alert("]),
        ("javascript literal newline", "<p><a href=\"java\nscript:alert(1)\">nl2</a></p>", &["alert("]),
        ("javascript named Tab", "<p><a href=\"java&Tab;script:alert(1)\">tab3</a></p>", &[]),
        ("javascript colon entity", "<p><a href=\"javascript&colon;alert(1)\">colon</a></p>", &[]),
        ("javascript leading spaces", "<p><a href=\"   javascript:alert(1)\">lead</a></p>", &["alert("]),
        ("javascript leading control", "<p><a href=\"&#1;javascript:alert(1)\">ctl</a></p>", &["alert("]),
        ("javascript leading entity space", "<p><a href=\"&#32;javascript:alert(1)\">sp</a></p>", &["alert("]),
        ("javascript unquoted", "<p><a href=javascript:alert(1)>unq</a></p>", &["alert("]),
        ("javascript single quoted", "<p><a href='javascript:alert(1)'>sq</a></p>", &["alert("]),
        ("vbscript", "<p><a href=\"vbscript:msgbox(1)\">vb</a></p>", &["msgbox("]),
        ("vbscript upper", "<p><a href=\"VBSCRIPT:msgbox(1)\">vb</a></p>", &["msgbox("]),
        ("data text/html", "<p><a href=\"data:text/html,<script>alert(1)</script>\">data</a></p>", &["alert("]),
        ("data text/html base64", "<p><a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data64</a></p>", &["PHNjcmlwdD5"]),
        ("data mixed case", "<p><a href=\"DaTa:TeXt/html,<b>x</b>\">data2</a></p>", &[]),
        ("javascript in pre", "<pre><code>let x = 1;\n<a href=\"javascript:alert(1)\">run</a>\n</code></pre>", &["alert("]),
        ("javascript in area", "<map name=m><area shape=rect coords=0,0,9,9 href=\"javascript:alert(1)\"></map>", &["alert("]),
        ("javascript img src", "<img src=\"javascript:alert(1)\">", &["alert("]),
        ("javascript img lowsrc dynsrc", "<img lowsrc=\"javascript:alert(1)\" dynsrc=\"javascript:alert(1)\" src=\"https://example.com/p.jpg\">", &["alert("]),
        ("srcset javascript", "<img src=\"https://example.com/i.jpg\" srcset=\"javascript:alert(1) 1x, https://example.com/i2.jpg 2x\">", &["alert("]),
        ("srcset data text", "<img src=\"https://example.com/i.jpg\" srcset=\"data:text/html,x 1x\">", &[]),
        ("xlink href", "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", &["alert("]),
        ("math xlink href", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", &["alert("]),
        ("math href", "<math href=\"javascript:alert(1)\"><mi>x</mi></math>", &["alert("]),
        ("blockquote cite", "<blockquote cite=\"javascript:alert(1)\"><p>quote</p></blockquote>", &["alert("]),
        ("img data svg", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+\">", &[]),
    ]);
}

#[test]
fn dangerous_elements() {
    check_cases(&[
        ("style element", "<style>body{background:url(javascript:alert(1))}</style>", &["background:"]),
        ("style in body with import", "<style>@import 'https://evil.example/x.css';</style>", &["evil.example"]),
        ("style attr expression", "<p style=\"width: expression(alert(1))\">styled</p>", &["expression("]),
        ("style attr url javascript", "<div style=\"background-image:url(javascript:alert(1))\">bg</div>", &["alert("]),
        ("style attr position overlay", "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</div>", &[]),
        ("iframe src", "<iframe src=\"https://evil.example/frame\"></iframe>", &[]),
        ("iframe javascript", "<iframe src=\"javascript:alert(1)\"></iframe>", &["alert("]),
        ("iframe srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", &["alert("]),
        ("form action", "<form action=\"https://evil.example/steal\"><input name=q><button>Go</button></form>", &["evil.example"]),
        ("button formaction", "<button formaction=\"javascript:alert(1)\">Press</button>", &["alert("]),
        ("form javascript action", "<form action=\"javascript:alert(1)\"><input type=submit></form>", &["alert("]),
        ("object data", "<object data=\"javascript:alert(1)\"></object>", &["alert("]),
        ("object swf", "<object data=\"https://evil.example/x.swf\" type=\"application/x-shockwave-flash\"><param name=allowScriptAccess value=always></object>", &["allowScriptAccess"]),
        ("embed", "<embed src=\"https://evil.example/x.swf\">", &[]),
        ("embed javascript", "<embed src=\"javascript:alert(1)\">", &["alert("]),
        ("applet", "<applet code=\"Evil.class\"></applet>", &["Evil.class"]),
        ("base href javascript", "<base href=\"javascript:alert(1)//\"><p><a href=\"foo\">relative</a></p>", &["alert("]),
        ("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", &["alert("]),
        ("meta refresh data", "<meta http-equiv=\"refresh\" content=\"0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg\">", &[]),
        ("link import", "<link rel=\"import\" href=\"https://evil.example/x.html\">", &["evil.example"]),
        ("link stylesheet", "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">", &["alert("]),
        ("template", "<template><script>alert(1)</script><p>TEMPLATE-SECRET</p></template>", &["TEMPLATE-SECRET", "alert("]),
        ("frameset", "<frameset><frame src=\"javascript:alert(1)\"></frameset>", &["alert("]),
        ("textarea", "<textarea><img src=x onerror=alert(1)></textarea>", &[]),
        ("select", "<select><option>one</option><option>two</option></select>", &[]),
        ("dialog", "<dialog open onclose=alert(1)>DIALOG-TEXT</dialog>", &["alert("]),
        ("portal", "<portal src=\"https://evil.example/\"></portal>", &["evil.example"]),
        ("isindex", "<isindex action=\"javascript:alert(1)\" type=image>", &["alert("]),
        ("xmp", "<xmp><img src=x onerror=alert(1)></xmp>", &[]),
        ("plaintext-like noembed", "<noembed><img src=x onerror=alert(1)></noembed>", &[]),
        ("noframes", "<noframes><img src=x onerror=alert(1)></noframes>", &[]),
    ]);
}

#[test]
fn mutation_and_parser_confusion() {
    check_cases(&[
        ("noscript title breakout", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", &["alert("]),
        (
            "math mglyph style mxss",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            &["alert("],
        ),
        ("svg foreignObject", "<svg><foreignObject><iframe src=\"javascript:alert(1)\"></iframe></foreignObject></svg>", &["alert("]),
        (
            "math annotation-xml",
            "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(1)></annotation-xml></math>",
            &["alert("],
        ),
        // Browsers leave foreign content at `</p>` or `<p>`: the rest of the article is HTML again.
        ("unclosed svg", "<svg><circle r=5>", &[]),
        ("svg style img", "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">", &["alert("]),
        ("unclosed img tag", "<img src=\"x\" onerror=\"alert(1)\"", &["alert("]),
        ("unclosed attribute quote", "<p><a href=\"javascript:alert(1)>broken</a>\">text</a></p>", &["alert("]),
        ("comment", "<!--<img src=x onerror=alert(1)>-->", &["alert("]),
        ("conditional comment", "<!--[if IE]><img src=x onerror=alert(1)><![endif]-->", &["alert("]),
        ("bogus comment", "<! <img src=x onerror=alert(1)> >", &[]),
        ("cdata", "<![CDATA[<img src=x onerror=alert(1)>]]>", &[]),
        ("svg cdata", "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>", &[]),
        ("processing instruction", "<?xml-stylesheet href=\"javascript:alert(1)\"?>", &[]),
        ("nested quotes attribute", "<p title='\"><script>alert(1)</script>'>quoted</p>", &[]),
        ("null byte in tag", "<scr\0ipt>alert(1)</scr\0ipt>", &[]),
        ("double open tag", "<<script>alert(1)//<</script>", &[]),
        ("attribute without space", "<a href=\"https://example.com/\"onclick=\"alert(1)\">nospace</a>", &["alert("]),
        ("table breakout", "<table><tr><td>cell</td></tr><img src=x onerror=alert(1)></table>", &["alert("]),
        ("select breakout", "<select><template><style><img src=x onerror=alert(1)></style></template></select>", &["alert("]),
        ("entity in tag name", "<&#115;cript>alert(1)</&#115;cript>", &[]),
        ("title breakout", "<title><img src=x onerror=alert(1)></title>", &["alert("]),
        ("textarea breakout", "<textarea></textarea><img src=x onerror=alert(1)>", &["alert("]),
    ]);
}

#[test]
fn safe_links_survive_and_resolve() {
    let article = run(
        "<p>Read <a href=\"https://example.com/x\">the full report</a> and <a href=\"../y\">the earlier story</a> for more on this.</p>",
    );
    let errors = paragraphs_survive(&article, "safe links");
    assert!(errors.is_empty(), "{errors:?}");
    assert!(article.content.contains("href=\"https://example.com/x\""), "absolute link lost: {}", article.content);
    assert!(
        article.content.contains("href=\"https://example.com/y\""),
        "relative link ../y not resolved against {PAGE_URL}: {}",
        article.content
    );
    assert!(article.text.contains("the full report") && article.text.contains("the earlier story"), "link text lost: {}", article.text);
    let errors = unsafe_parts(&article.content, "safe links");
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn javascript_link_keeps_its_text() {
    let article = run("<p>Before <a href=\"javascript:alert(1)\">LINKWORD</a> after.</p>");
    assert!(article.text.contains("LINKWORD"), "the link's text should stay even if the href is dropped: {}", article.text);
    assert!(!article.content.to_ascii_lowercase().contains("javascript:"), "{}", article.content);
}

#[test]
fn base_href_javascript_does_not_hijack_links() {
    let html = page("<p>A <a href=\"nearby.html\">nearby page</a>.</p>").replace("<title>", "<base href=\"javascript:alert(1)//\"><title>");
    let article = extract(html.as_bytes(), &Options::new().url(PAGE_URL)).unwrap();
    assert!(
        article.content.contains("href=\"https://example.com/a/nearby.html\""),
        "relative link should resolve against the page URL: {}",
        article.content
    );
    let errors = unsafe_parts(&article.content, "base hijack");
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn all_payloads_at_once() {
    let payload = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<p><a href=\"&#x6A;avascript:alert(1)\">x</a></p>",
        "<svg onload=alert(1)></svg>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<form action=\"https://evil.example/\"><button formaction=\"javascript:alert(1)\">b</button></form>",
        "<object data=\"javascript:alert(1)\"></object><embed src=x>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
        "<p style=\"x:expression(alert(1))\">s</p>",
    ]
    .join("\n");
    let article = run(&payload);
    let mut errors = paragraphs_survive(&article, "all");
    errors.extend(unsafe_parts(&article.content, "all"));
    assert!(errors.is_empty(), "{errors:?}\ncontent: {}", article.content);
}

/// Sanitizing is idempotent: the reader HTML, put back into a page and extracted again,
/// keeps all its paragraphs and stays clean.
#[test]
fn re_extracting_content_keeps_paragraphs() {
    let payloads = [
        "",
        "<p>Read <a href=\"https://example.com/x\">the report</a>.</p>",
        "<img src=x onerror=alert(1)>",
        "<blockquote><p>A quoted line that someone said about the otters in the valley.</p></blockquote>",
        "<pre><code class=\"language-rust\">fn main() { println!(\"&lt;hi&gt;\"); }</code></pre>",
        "<ul><li>first item</li><li>second item</li></ul>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    ];
    let mut errors = vec![];
    for payload in payloads {
        let first = run(payload);
        let wrapped = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>The Quiet Return of the River Otters</title></head><body><article>{}</article></body></html>",
            first.content
        );
        let second = extract(wrapped.as_bytes(), &Options::new().url(PAGE_URL)).unwrap();
        let second_text = fold(&second.text);
        for p in first.text.split("\n\n").map(fold).filter(|p| !p.is_empty()) {
            if !second_text.contains(&p) {
                errors.push(format!("[{payload}] paragraph lost on re-extraction: {p:?}"));
            }
        }
        errors.extend(paragraphs_survive(&second, payload));
        errors.extend(unsafe_parts(&second.content, payload));
    }
    assert!(errors.is_empty(), "{} problem(s):\n{}", errors.len(), errors.join("\n"));
}
