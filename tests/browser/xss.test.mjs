// Script injection through the reader view, in headless Chromium (Debian's) with a test
// copy of dist/test-chrome. Every vector of xss-vectors.mjs (event handlers, javascript: and
// data: URLs, SVG and MathML, mutation XSS, broken markup, CSS, srcdoc, formaction, <base>,
// character references) is put inside an article; the real extension extracts it and
// builds the reader view in the page, and the test then fires every event on every element
// of the article, focuses, scrolls, clicks the links. If a payload ran it would call
// window.__xss(ID) and request http://127.0.0.1:PORT/attacker/PHASE/ID: the test asserts
// that neither happens (the hook, the server's request log and the browser's request
// events), that the reader makes no request but the article's images, and, independently
// of the core, that the reader DOM holds no script-capable element, attribute or URL.
//
// How the vectors reach the extension without running first: the test page holds them
// inert (in a <meta> attribute) and a test-only hook in the content script hands them to
// the background instead of the page's own HTML; everything after that (the wasm core,
// reader.html, content.js's DOMParser and adoption into the page) is the extension's own.
// Each batch goes twice: as written ("raw"), and as Chromium serializes it after parsing
// the page with scripting on ("ser", what document.documentElement.outerHTML gives the
// content script on a real page). Vectors that change how the rest of a page parses
// ("solo") get a page each. A last pass loads all the other vectors live in a hostile page,
// lets them fire, and checks that turning the reader view on fires nothing more.
// A control test first puts payloads into the reader view itself, to show that every
// detector sees them. Also: pages cannot keep the reader view from starting by naming
// elements after its globals (DOM clobbering), and the extension pages' CSP forbids inline
// script (the manifest's, and in the browser). The reader view itself lives in the page,
// under the page's CSP, not the extension's: the sanitizer is what keeps script out of it.
// Run with: node --test tests/browser/xss.test.mjs (after ./build.sh build).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { testCopyOfExtension, PARAGRAPHS } from './server.mjs';
import { VECTORS, byGroup, expand } from './xss-vectors.mjs';

const BATCH = 40;
/** How long to wait after the interactions for late effects (frames, network). */
const SETTLE = 150;
/** How long one reader view may take, from the HTML to closed again. */
const RENDER_LIMIT = 30000;

const FILLER = [
  'The harbour office keeps a log of every vessel that comes in, and the new entries are typed up each evening by a volunteer who used to be a ferry captain.',
  'Tide tables for the coming month are pinned to the board outside the chandlery, where the fishermen stop to read them before the early boats go out.',
  'Visitors who came for the opening walked the length of the wall and stopped to watch the gulls settle on the new railings along the outer edge.',
  'Older residents still remember the storm of the winter before last, when the water reached the steps of the church at the top of the high street.',
  'The council says the wall has already paid for itself in the insurance claims it prevented during the autumn gales that followed its completion.',
  'Children from the primary school painted a mural on the landward side, showing the boats, the lighthouse and the families who built the harbour.',
];

// ---------------------------------------------------------------------------------------
// The test server: pages registered by the tests, and a log of every request.

/** Every request the server saw: {path, referer}, in order. */
const log = [];
/** Pages by path: {html, headers}. */
const pages = new Map();
let server, origin, extension, profile, context, worker;
/** Every request the browser made: {url, type, page}, in order. */
const requests = [];
/** Every dialog (alert, confirm, prompt) any page opened. */
const dialogs = [];

function startServer() {
  const srv = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push({ path: url.pathname + url.search, referer: req.headers.referer ?? '' });
    if (url.pathname.startsWith('/attacker/')) {
      // No content: a navigation to it (a refresh, a form) leaves the page where it is.
      res.writeHead(204, { 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
      res.end(page.html);
      return;
    }
    res.writeHead(404, { 'cache-control': 'no-store' }).end();
  });
  return new Promise((done) => srv.listen(0, '127.0.0.1', () => done(srv)));
}

// ---------------------------------------------------------------------------------------
// Pages

/**
 * The page hook: window.__xss records a payload's report, with where the running handler
 * sits (its event's currentTarget inside the reader view, elsewhere in the page, or no
 * event at all); a click guard keeps links from navigating away, but for javascript: ones,
 * so that one that survived would run (other schemes run nothing in Chromium, and unknown
 * ones such as vbscript: would ask for an external handler and stall the page's input);
 * a submit guard keeps forms from reloading the page, but for javascript: and attacker
 * actions (the attacker answers 204: no navigation).
 */
const HOOK = `<script>
window.__hits = [];
window.__xss = function (id) {
  var e = window.event, r = Document.prototype.getElementById.call(document, 'lectern-reader'), c = e && e.currentTarget;
  var where = !e ? 'unknown' : c instanceof Node && r && r.contains(c) ? 'reader' : 'page';
  window.__hits.push({ id: String(id), where: where, event: e ? e.type : null, t: performance.now() });
};
addEventListener('click', function (e) {
  var a = e.target && e.target.closest && e.target.closest('a, area');
  var href = a && (a.getAttribute('href') || a.getAttribute('xlink:href'));
  if (href == null) return;
  try { if (new URL(href, document.baseURI).protocol !== 'javascript:') e.preventDefault(); } catch (x) {}
}, true);
addEventListener('submit', function (e) {
  var action = e.submitter && e.submitter.formAction || e.target.action;
  try { var u = new URL(action, document.baseURI); } catch (x) { return; }
  if (u.protocol !== 'javascript:' && u.pathname.indexOf('/attacker/') !== 0) e.preventDefault();
}, true);
</script>`;

/** The text that marks a vector's block in the article: found in the reader, the vector was in the article. */
const marker = (id) => `Harbour note ${id} was filed by the desk.`;

/** An article page holding `list`, each vector in its own block between real paragraphs. */
function vectorPage(list, phase, { hook = false } = {}) {
  const expanded = list.map((v) => expand(v, { origin, phase }));
  const head = expanded.map((v) => v.head).filter(Boolean).join('\n');
  const block = (v) => `<div class="note"><p>${marker(v.id)}</p>\n${v.html}`;
  const blocks = expanded.map((v, i) => `<p>${FILLER[i % FILLER.length]}</p>${v.html ? `\n${block(v)}${v.eof ? '' : '\n</div>'}` : ''}`);
  const start = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour notes</title>${hook ? HOOK : ''}
${head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Harbour notes</h1><p class="byline">By Mara Quist</p>
<p>${PARAGRAPHS[0]}</p>
<p>${PARAGRAPHS[1]}</p>
${blocks.join('\n')}`;
  // An eof vector ends the file: nothing after it, not even its own closing tags.
  if (expanded.some((v) => v.eof)) return start;
  return `${start}
<p>${PARAGRAPHS[2]}</p>
<p>${PARAGRAPHS[3]}</p>
</article></main>
<form id="search"><input id="q" name="q"></form>
<footer>Copyright 2025 Harbour Gazette</footer></body></html>`;
}

/** The page the raw and serialized passes render in: no CSP, the hook, an inert slot for the HTML. */
function renderPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Render</title>
<meta name="lectern-test-html" content="">${HOOK}</head>
<body><main><article><h1>Render page</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article></main>
<form id="search"><input id="q" name="q"></form></body></html>`;
}

/** Scripts off, requests off, but parsed as a live page is (scripting on: <noscript> is raw text). */
const SOURCE_CSP =
  "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; media-src 'none'; frame-src 'none'; object-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'";

// ---------------------------------------------------------------------------------------
// Setup

before(async () => {
  const dist = resolve('dist', 'test-chrome');
  assert.ok(existsSync(join(dist, 'manifest.json')) && existsSync(join(dist, 'pkg', 'lectern_bg.wasm')), 'dist/test-chrome is built (./build.sh build)');
  server = await startServer();
  origin = `http://127.0.0.1:${server.address().port}`;
  extension = testCopyOfExtension('chrome', (manifest, dir) => {
    // Test-only, in the content script's world: when the page holds
    // <meta name="lectern-test-html" content="...">, that HTML is extracted instead of the
    // page's own. The page hears the answer's content (a DOM event) for diagnostics.
    writeFileSync(
      join(dir, 'test-hook.js'),
      `if (!Object.hasOwn(globalThis, '__lectern')) {
  const send = chrome.runtime.sendMessage.bind(chrome.runtime);
  chrome.runtime.sendMessage = async (message) => {
    const hostile = Document.prototype.querySelector.call(document, 'meta[name="lectern-test-html"]');
    if (message?.type === 'extract' && hostile) message = { ...message, html: hostile.getAttribute('content') };
    const reply = await send(message);
    const detail = JSON.stringify({ type: message?.type, ok: reply?.ok, error: reply?.error ?? null, content: reply?.article?.content ?? null });
    EventTarget.prototype.dispatchEvent.call(document, new CustomEvent('lectern-test-answer', { detail }));
    return reply;
  };
}
`,
    );
    const background = join(dir, 'background.js');
    const source = readFileSync(background, 'utf8');
    const files = 'files: ["content.js"]';
    assert.ok(source.includes(files), 'background.js injects content.js');
    writeFileSync(background, source.replace(files, 'files: ["test-hook.js", "content.js"]'));
  });
  profile = mkdtempSync(join(tmpdir(), 'lectern-xss-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  context.on('request', (request) => {
    let page = null;
    try {
      page = request.frame().page();
    } catch {
      // a service worker's request
    }
    requests.push({ url: request.url(), type: request.resourceType(), page });
  });
  context.on('page', (page) => page.on('dialog', (dialog) => {
    dialogs.push({ url: page.url(), message: dialog.message() });
    dialog.dismiss().catch(() => {});
  }));
  // Nothing leaves the machine (the request events above still see it).
  await context.route((url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => route.abort());
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (extension) rmSync(extension, { recursive: true, force: true });
});

/** The toolbar button, for the tab showing `page` (as chromium.test.mjs dispatches it). */
async function toggle(page) {
  await page.bringToFront();
  return worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    return globalThis.lecternToggle(tab);
  }, page.url());
}

/**
 * "Show what was removed", pressed by the keyboard (trusted input, as a person's; a page's
 * own click would not count): whatever an article puts over the toolbar, the keys reach it.
 */
async function showRemoved(page) {
  const box = page.locator('#lectern-clutter input[name=showRemoved]');
  if (!(await box.count())) return; // nothing was removed
  const button = page.locator('#lectern-reader .lectern-open-clutter');
  await button.focus();
  await page.keyboard.press('Enter');
  await box.focus();
  await page.keyboard.press('Space');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await box.isChecked(), true, 'the removed blocks are shown');
}

// ---------------------------------------------------------------------------------------
// In the page (page.evaluate)

/** Every event type to fire: the ones the vectors name, and the usual ones. */
const EVENT_TYPES = [
  ...new Set([
    ...VECTORS.flatMap((v) => [...`${v.html} ${v.head ?? ''}`.matchAll(/\bon([a-z]+)\s*=/gi)].map((m) => m[1].toLowerCase())),
    ...'click dblclick mousedown mouseup mouseover mouseenter mousemove mouseout mouseleave pointerover pointerenter pointerdown pointerup pointermove pointerleave pointercancel focus focusin blur focusout keydown keyup keypress contextmenu auxclick wheel scroll scrollend copy cut paste drag dragstart dragenter dragover dragleave dragend drop selectstart selectionchange beforeinput input change touchstart touchend animationstart animationend animationiteration transitionrun transitionstart transitionend gotpointercapture lostpointercapture load error abort toggle beforetoggle submit reset invalid select search play playing pause canplay loadeddata loadstart timeupdate ended begin end repeat start finish bounce show close cancel beforematch contentvisibilityautostatechange message hashchange popstate pageshow resize'.split(' '),
  ]),
];

/**
 * Shows everything the reader holds (showRemoved() has shown the removed blocks), then
 * fires every event type on every element of the article, focuses each, clicks the links
 * (the page's guard keeps web links from navigating), and scrolls the reader through.
 */
async function interactInPage({ types, original = false }) {
  // Document methods through the prototype: the hostile page names elements after them.
  const reader = Document.prototype.getElementById.call(document, 'lectern-reader');
  // original: the page itself, before the reader view (to see which vectors are live).
  const content = original ? Document.prototype.querySelector.call(document, 'main') : reader.querySelector('.lectern-content');
  if (!original && content.hidden) reader.querySelector('.lectern-show-anyway')?.click();
  const make = (type) => {
    // Fired at each element itself: bubbling would add nothing (every element gets every
    // event) but the page's own listeners on <html> and window hearing each one again.
    const init = { bubbles: false, cancelable: true, composed: true };
    if (/^(click|dblclick|mouse|contextmenu|auxclick)/.test(type)) return new MouseEvent(type, init);
    if (/^(pointer|gotpointer|lostpointer)/.test(type)) return new PointerEvent(type, init);
    if (/^key/.test(type)) return new KeyboardEvent(type, init);
    if (/^(focus|blur)/.test(type)) return new FocusEvent(type, init);
    if (/^(drag|drop)/.test(type)) return new DragEvent(type, init);
    if (type === 'wheel') return new WheelEvent(type, init);
    return new Event(type, init);
  };
  const elements = [content, ...content.querySelectorAll('*')];
  for (const element of elements) {
    for (const type of types) {
      try {
        element.dispatchEvent(make(type));
      } catch {
        // not every constructor is there for every type
      }
    }
    try {
      element.focus?.({ preventScroll: true });
    } catch {
      // not focusable
    }
  }
  // A real click's path: it bubbles to content.js's listener on the reader (SVG links have no click()).
  for (const link of content.querySelectorAll('a, area')) link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  // Scrolled through (the reader's lazy content); the hostile page itself renders too slowly for that.
  for (let y = 0; !original && y < document.documentElement.scrollHeight; y += innerHeight) {
    scrollTo({ left: 0, top: y, behavior: 'instant' });
    // A frame, or a moment: a page that is not being painted gets no frames.
    await new Promise((done) => (requestAnimationFrame(done), setTimeout(done, 100)));
  }
  scrollTo({ left: 0, top: 0, behavior: 'instant' });
  return elements.length;
}

/**
 * An independent check of the reader view's DOM (it shares nothing with the core): no
 * element, attribute or URL that can run script or load anything but an image. Also reads
 * which vectors' markers made it into the reader, and the URLs of its images.
 */
function inspectInPage() {
  const reader = Document.prototype.getElementById.call(document, 'lectern-reader');
  const HTML = 'http://www.w3.org/1999/xhtml';
  const MATHML = 'http://www.w3.org/1998/Math/MathML';
  const FORBIDDEN = new Set(
    'script style iframe frame frameset form object embed applet base meta link template input button textarea select option noscript svg math-annotation-xml annotation-xml annotation foreignobject portal fencedframe dialog video audio source track marquee isindex keygen bgsound plaintext xmp noembed noframes image canvas slot'.split(' '),
  );
  const FORBIDDEN_ATTRIBUTES = new Set(
    'style srcdoc formaction action autofocus background dynsrc lowsrc ping poster data codebase code contenteditable popover popovertarget shadowrootmode form usemap'.split(' '),
  );
  const SCHEMES = ['javascript:', 'vbscript:', 'livescript:', 'data:text', 'data:application', 'data:image/svg'];
  const RASTER = /^data:image\/(png|jpe?g|gif|webp|avif)[;,]/;
  // eslint-disable-next-line no-control-regex -- the controls browsers drop from a URL are the point
  const normal = (value) => value.replace(/[\s\u0000-\u001f\u007f-\u009f]/g, '').toLowerCase();
  const problems = [];
  const vectorOf = (node) => {
    for (let n = node; n && n !== reader; n = n.parentElement) {
      const m = n.firstElementChild?.textContent?.match(/Harbour note (\S+) was filed/);
      if (m && n.localName === 'div') return m[1];
    }
    return '?';
  };
  const protocol = (value) => {
    try {
      return new URL(value, document.baseURI).protocol;
    } catch {
      return 'invalid:';
    }
  };
  const images = [];
  const roots = [reader.querySelector('.lectern-content'), reader.querySelector('.lectern-header')].filter(Boolean);
  for (const root of roots) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      // Lectern's own labels on the shown removed blocks (the core keeps neither a button
      // nor a class attribute, so none of the article's can pass for one).
      if (el.closest('button.lectern-removed-label')) continue;
      const tag = el.localName;
      const where = () => vectorOf(el);
      const say = (what) => problems.push({ id: where(), what: `<${tag}> ${what}` });
      if (el.namespaceURI !== HTML && el.namespaceURI !== MATHML) say(`in namespace ${el.namespaceURI}`);
      if (FORBIDDEN.has(tag.toLowerCase())) say('is a forbidden element');
      if (el.shadowRoot) say('has a shadow root');
      for (const { name, value } of el.attributes) {
        const n = name.toLowerCase();
        if (/^on/.test(n)) say(`has a handler ${n}=${JSON.stringify(value)}`);
        if (FORBIDDEN_ATTRIBUTES.has(n)) say(`has ${n}=${JSON.stringify(value)}`);
        if (n.includes(':') || el.getAttributeNode(name).namespaceURI) say(`has a namespaced attribute ${name}`);
        const v = normal(value);
        for (const scheme of SCHEMES) if (v.includes(scheme)) say(`${n} carries ${scheme} (${JSON.stringify(value.slice(0, 80))})`);
        if (n === 'href') {
          if (tag !== 'a') say(`has href on a non-link`);
          else if (!/^(https?|mailto):$/.test(protocol(value)) && !value.startsWith('#')) say(`links to ${JSON.stringify(value.slice(0, 80))}`);
        }
        if (n === 'src') {
          if (tag !== 'img') say('has src on a non-image');
          else if (!/^https?:$/.test(protocol(value)) && !RASTER.test(v)) say(`loads ${JSON.stringify(value.slice(0, 80))}`);
        }
        if (n === 'srcset') {
          if (tag !== 'img') say('has srcset on a non-image');
          for (const candidate of value.split(/,\s+/)) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url && !/^https?:$/.test(protocol(url))) say(`srcset candidate ${JSON.stringify(url.slice(0, 80))}`);
          }
        }
      }
      if (tag === 'img') {
        for (const url of [el.currentSrc, el.src, ...(el.getAttribute('srcset') ?? '').split(/,\s+/).map((c) => c.trim().split(/\s+/)[0])]) {
          if (url) images.push(new URL(url, document.baseURI).href);
        }
      }
    }
  }
  // The page around the reader: nothing added that loads or runs.
  if (document.baseURI !== location.href) problems.push({ id: '?', what: `the page's base URL became ${document.baseURI}` });
  const text = reader.querySelector('.lectern-content')?.textContent ?? '';
  const markers = [...text.matchAll(/Harbour note (\S+) was filed by the desk\./g)].map((m) => m[1]);
  return { problems, images, markers, counts: pageCounts() };

  function pageCounts() {
    const outside = (selector) => [...Document.prototype.querySelectorAll.call(document, selector)].filter((n) => !reader.contains(n)).length;
    return { script: outside('script'), style: outside('style'), link: outside('link'), meta: outside('meta'), base: outside('base'), iframe: outside('iframe') };
  }
}

// ---------------------------------------------------------------------------------------
// The passes

/** The vector id of a request to the attacker URL (on the test server, under /attacker/), or null. */
function attackerId(url) {
  try {
    const u = new URL(url, origin);
    return u.origin === origin && u.pathname.startsWith('/attacker/') ? u.pathname.split('/').pop() : null;
  } catch {
    return null;
  }
}

/** Where the current render is: a render that hangs says where. */
let stage = '';

/** `promise`, or an error naming `what()` and the stage reached after `ms`. */
function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what()} did not finish in ${ms} ms: stuck at ${stage}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What went wrong, over all the vectors: {mode, id, kind, detail}. */
const findings = [];
const stats = { elements: 0, images: 0, covered: new Set() };

/**
 * Builds the reader view of `html` (given to the extension instead of the page's own) in
 * `page`, interacts with it, checks it, and closes it again. `expected` are the vectors
 * whose markers should be in the reader. `inject` (for the control test only) is markup
 * put into the reader's article the way content.js puts the core's, as if the core had let
 * it through. Returns what went wrong.
 */
async function render(page, html, mode, expected, { inject = null } = {}) {
  const findings = [];
  stage = 'setting the HTML';
  const logStart = log.length;
  const requestStart = requests.length;
  const hitStart = await page.evaluate((html) => {
    document.querySelector('meta[name="lectern-test-html"]').setAttribute('content', html);
    return window.__hits.length;
  }, html);
  const countsBefore = await page.evaluate(() => ({
    script: document.querySelectorAll('script').length,
    style: document.querySelectorAll('style').length,
    link: document.querySelectorAll('link').length,
    meta: document.querySelectorAll('meta').length,
    base: document.querySelectorAll('base').length,
    iframe: document.querySelectorAll('iframe').length,
  }));
  const ids = expected.map((v) => v.id).join(', ');
  stage = 'turning the reader view on';
  const on = await toggle(page);
  if (!on?.on) {
    findings.push({ mode, id: ids, kind: 'reader did not open', detail: JSON.stringify(on) });
    return findings;
  }
  stage = 'waiting for the reader view';
  await page.waitForSelector('#lectern-reader .lectern-content', { state: 'attached' });
  if (inject) {
    await page.evaluate((html) => {
      const content = document.querySelector('#lectern-reader .lectern-content');
      content.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
    }, inject);
  }
  stage = 'interacting';
  await showRemoved(page);
  stats.elements += await page.evaluate(interactInPage, { types: EVENT_TYPES });
  await page.waitForTimeout(SETTLE);
  stage = 'inspecting';
  const seen = await page.evaluate(inspectInPage);
  const hits = await page.evaluate((start) => window.__hits.slice(start), hitStart);
  stage = 'turning the reader view off';
  const off = await toggle(page);
  if (off?.on !== false) findings.push({ mode, id: ids, kind: 'reader did not close', detail: JSON.stringify(off) });
  await page.waitForSelector('#lectern-reader', { state: 'detached' });
  stage = 'done';

  for (const hit of hits) findings.push({ mode, id: hit.id, kind: 'executed', detail: `__xss called (${hit.event ?? 'no event'}, ${hit.where})` });
  for (const problem of seen.problems) findings.push({ mode, id: problem.id, kind: 'unsafe DOM', detail: problem.what });
  for (const [name, count] of Object.entries(seen.counts)) {
    if (count !== countsBefore[name]) findings.push({ mode, id: ids, kind: 'page changed', detail: `${name} elements ${countsBefore[name]} → ${count}` });
  }
  const images = new Set(seen.images);
  stats.images += images.size;
  for (const entry of log.slice(logStart)) {
    if (attackerId(entry.path)) findings.push({ mode, id: attackerId(entry.path), kind: 'attacker request (server)', detail: entry.path });
    else if (!images.has(`${origin}${entry.path}`)) findings.push({ mode, id: ids, kind: 'request that is not an article image (server)', detail: entry.path });
  }
  for (const request of requests.slice(requestStart)) {
    if (request.page !== page || !/^https?:/.test(request.url)) continue;
    if (attackerId(request.url)) findings.push({ mode, id: attackerId(request.url), kind: 'attacker request (browser)', detail: `${request.type} ${request.url}` });
    else if (request.type !== 'image' || !images.has(request.url)) findings.push({ mode, id: ids, kind: 'request that is not an article image (browser)', detail: `${request.type} ${request.url}` });
  }
  const markers = new Set(seen.markers);
  for (const v of expected) {
    if (!v.html) continue;
    if (markers.has(v.id)) stats.covered.add(`${mode}:${v.id}`);
    else findings.push({ mode, id: v.id, kind: 'not in the reader', detail: 'its block was not extracted, so the vector was not tested' });
  }
  return findings;
}

/** Chromium's serialization of `path` (an article page) parsed with scripting on, scripts and requests refused by CSP. */
async function serialized(page, path) {
  return page.evaluate(async (path) => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
    frame.src = path;
    document.body.append(frame);
    await loaded;
    const html = frame.contentDocument.documentElement.outerHTML;
    frame.remove();
    return html;
  }, path);
}

/** Pages of vectors: up to `BATCH` at a time, a tail one last in each, solo ones alone. */
function batches() {
  const shared = VECTORS.filter((v) => !v.solo && !v.tail);
  const tails = VECTORS.filter((v) => v.tail && !v.solo);
  const count = Math.max(Math.ceil(shared.length / BATCH), tails.length);
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push([...shared.slice(Math.floor((i * shared.length) / count), Math.floor(((i + 1) * shared.length) / count)), ...tails.slice(i, i + 1)]);
  }
  for (const v of VECTORS.filter((v) => v.solo)) out.push([v]);
  return out;
}

function report(list) {
  const lines = list.slice(0, 60).map((f) => `  [${f.mode}] ${f.id}: ${f.kind}: ${f.detail}`);
  if (list.length > 60) lines.push(`  … and ${list.length - 60} more`);
  return lines.join('\n');
}

test('the vectors are many, distinct, and each says what it tries', () => {
  const groups = byGroup();
  assert.ok(VECTORS.length >= 300, `at least 300 vectors (${VECTORS.length})`);
  assert.equal(new Set(VECTORS.map((v) => v.id)).size, VECTORS.length, 'ids are unique');
  assert.equal(new Set(VECTORS.map((v) => `${v.html}\u0000${v.head ?? ''}`)).size, VECTORS.length, 'no two vectors are the same markup');
  for (const v of VECTORS) {
    assert.ok(v.why?.length > 5, `${v.id} says why`);
    assert.match(v.id, /^[a-z0-9-]+$/, `${v.id}: ids go into URLs and scripts as they are`);
    const e = expand(v, { origin: 'http://127.0.0.1:1', phase: 'check' });
    assert.doesNotMatch(`${e.html}${e.head ?? ''}`, /\{\{/, `${v.id}: every placeholder is filled`);
  }
  console.log(`# xss vectors by group: ${Object.entries(groups).map(([g, list]) => `${g} ${list.length}`).join(', ')}`);
});

test('control: the detectors see a payload that does get into the reader view', { timeout: 60000 }, async () => {
  // Put into the reader's article as content.js puts the core's output (DOMParser, then
  // appended), as if the core had let them through: each must be seen.
  const controls = [
    ['img-onerror', '<img src=x onerror={{JS}}>', ['executed', 'request', 'dom']],
    ['p-onclick', '<p onclick={{JS}}>click</p>', ['executed', 'request', 'dom']],
    ['a-javascript', '<p><a href="javascript:{{JS}}">link</a></p>', ['executed', 'request', 'dom']],
    ['iframe-srcdoc', '<iframe srcdoc="<script>{{JS}}</script>"></iframe>', ['executed', 'request', 'dom']],
    ['button-formaction', '<form><button formaction="javascript:{{JS}}">go</button></form>', ['executed', 'request', 'dom']],
    ['details-ontoggle', '<details open ontoggle={{JS}}><summary>s</summary>d</details>', ['executed', 'request', 'dom']],
    ['svg-onload', '<svg onload={{JS}}></svg>', ['executed', 'request', 'dom']],
    ['css-background', '<p style="background:url({{URL}})">background</p>', ['request', 'dom']],
    ['link-stylesheet', '<link rel=stylesheet href="{{URL}}">', ['request', 'dom']],
    // A script element from DOMParser never runs: only the DOM check can see it.
    ['script', '<script>{{JS}}</script>', ['dom']],
  ];
  const vectors = controls.map(([id, html]) => ({ id: `control-${id}`, group: 'control', html, why: 'control' }));
  const inject = vectors
    .map((v) => `<div><p>${marker(v.id)}</p>${expand(v, { origin, phase: 'control' }).html}</div>`)
    .join('\n');
  pages.set('/render-control', { html: renderPage() });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/render-control`);
    const found = await render(page, vectorPage([], 'control'), 'control', [], { inject });
    const kind = (f) => (f.kind === 'executed' ? 'executed' : f.kind.startsWith('attacker request') ? 'request' : f.kind === 'unsafe DOM' ? 'dom' : f.kind);
    for (const [id, , expected] of controls) {
      const seen = [...new Set(found.filter((f) => f.id === `control-${id}`).map(kind))].filter((k) => expected.includes(k)).sort();
      assert.deepEqual(seen, [...expected].sort(), `control-${id} is seen by every detector that can see it`);
    }
  } finally {
    await page.close();
  }
});

// Timeouts: a hang (a page that stops rendering, say) fails the test instead of stalling it.
test('no vector runs or loads anything in the reader view, as written or as the browser serializes it', { timeout: 240000 }, async () => {
  const started = Date.now();
  const page = await context.newPage();
  pages.set('/render', { html: renderPage() });
  await page.goto(`${origin}/render`);
  const list = batches();
  let scriptingOn = false;
  try {
    for (const [n, batch] of list.entries()) {
      // As written.
      const what = (mode) => () => `the ${mode} reader view of page ${n} (${batch.map((v) => v.id).join(', ')})`;
      findings.push(...(await within(RENDER_LIMIT, render(page, vectorPage(batch, 'raw'), 'raw', batch), what('raw'))));
      // As Chromium serializes the parsed page: what content.js sends from a live page.
      pages.set(`/source/${n}`, { html: vectorPage(batch, 'ser'), headers: { 'content-security-policy': SOURCE_CSP } });
      stage = 'serializing';
      const html = await within(RENDER_LIMIT, serialized(page, `/source/${n}`), what('serialized source'));
      // Parsed with scripting on, as a live page is: <noscript> is raw text there.
      if (batch.some((v) => v.id === 'mxss-noscript-title')) scriptingOn = html.includes('<noscript><p title="</noscript><img src="x" onerror=');
      findings.push(...(await within(RENDER_LIMIT, render(page, html, 'ser', batch), what('ser'))));
    }
    // Late effects of any render (timers, frames): reported by the same hook and log.
    await page.waitForTimeout(500);
    const late = await page.evaluate(() => window.__hits.length);
    assert.equal(late, findings.filter((f) => f.kind === 'executed').length, 'no payload ran after its render was checked');
  } finally {
    await page.close();
  }
  const attackerRequests = log.filter((e) => /^\/attacker\/(raw|ser)\//.test(e.path)).length;
  const executed = new Set(findings.filter((f) => f.kind === 'executed').map((f) => f.id));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `# xss: ${VECTORS.length} vectors (${VECTORS.filter((v) => v.solo).length} on pages of their own, ${VECTORS.filter((v) => v.tail).length} last in theirs) × 2 passes (raw, serialized) in ${list.length * 2} reader views, ` +
      `${stats.elements} elements × ${EVENT_TYPES.length} event types fired, ${stats.covered.size} vector blocks found in the reader, ${stats.images} article image URLs, ${seconds} s`,
  );
  console.log(`# xss: ${VECTORS.length} vectors, ${executed.size} executed, ${attackerRequests} attacker requests`);
  assert.ok(scriptingOn, 'the serialized pass saw the page as a live page parses it (scripting on)');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(findings.length, 0, `${findings.length} finding(s):\n${report(findings)}`);
});

test('a hostile page whose vectors all ran: turning the reader view on runs none of them again', { timeout: 180000 }, async () => {
  const live = VECTORS.filter((v) => !v.solo && !v.tail && v.live !== false);
  pages.set('/live', { html: vectorPage(live, 'live', { hook: true }) });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/live`, { waitUntil: 'load' });
    // The page's own vectors fire: on load, and on the same events the reader view gets.
    await page.evaluate(interactInPage, { types: EVENT_TYPES, original: true });
    // Until nothing new for a second.
    const count = () => page.evaluate(() => window.__hits.length).then((hits) => hits + log.length);
    let last = -1;
    for (const deadline = Date.now() + 10000; Date.now() < deadline; ) {
      const now = await count();
      if (now === last) break;
      last = now;
      await page.waitForTimeout(1000);
    }
    const before = await page.evaluate(() => window.__hits.map((h) => h.id));
    const ranInPage = new Set([...before, ...log.filter((e) => e.path.startsWith('/attacker/live/')).map((e) => attackerId(e.path))]);
    const logStart = log.length;
    const requestStart = requests.length;
    const hitStart = before.length;

    assert.equal(page.url(), `${origin}/live`, 'the hostile page is still the one loaded');
    const on = await toggle(page);
    assert.equal(on?.on, true, `the reader view opens: ${JSON.stringify(on)}`);
    await page.waitForSelector('#lectern-reader .lectern-content', { state: 'attached' });
    await showRemoved(page);
    const elements = await page.evaluate(interactInPage, { types: EVENT_TYPES });
    // Real input too: the mouse over the whole reader, Tab through it, links clicked.
    for (let y = 0, height = await page.evaluate(() => document.documentElement.scrollHeight); y < height; y += 800) {
      await page.evaluate((y) => scrollTo({ left: 0, top: y, behavior: 'instant' }), y);
      // Across the text column, top to bottom (each move passes over what lies between).
      for (const [x, py] of [[150, 10], [850, 790]]) await page.mouse.move(x, py);
    }
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    const links = await page.locator('#lectern-reader .lectern-content a').all();
    for (const link of links.slice(0, 60)) await link.click({ timeout: 1000, force: true }).catch(() => {});
    await page.waitForTimeout(1000);
    const seen = await page.evaluate(inspectInPage);
    const hits = await page.evaluate((start) => window.__hits.slice(start), hitStart);
    const attacker = log.slice(logStart).filter((e) => e.path.startsWith('/attacker/')).map((e) => e.path);
    const browserAttacker = requests.slice(requestStart).filter((r) => attackerId(r.url)).map((r) => r.url);
    const off = await toggle(page);
    assert.equal(off?.on, false, 'the reader view closes');

    // The reader view is in the page: the page's own handlers on <html>, the body (window's
    // events) and window hear the reader's events as they hear any. Those ran before the
    // reader view too; what must not happen is a handler inside the reader view, or a
    // script with no event behind it (a javascript: URL, a frame).
    const own = hits.filter((h) => h.where === 'page');
    const rearmed = hits.filter((h) => h.where !== 'page');
    const ownIds = new Set(own.map((h) => h.id));
    const unexplained = (urls) => urls.filter((u) => !ownIds.has(attackerId(u)));
    const groupOf = new Map(live.map((v) => [v.id, v.group]));
    const firedByGroup = {};
    for (const id of ranInPage) firedByGroup[groupOf.get(id)] = (firedByGroup[groupOf.get(id)] ?? 0) + 1;
    console.log(`# xss live: ran in the page itself, by group: ${Object.entries(firedByGroup).map(([g, n]) => `${g} ${n}`).join(', ')}`);
    console.log(
      `# xss live: ${live.length} vectors live in a hostile page, ${ranInPage.size} ran there before the reader view (on load and on the same events); ` +
        `after turning it on (${elements} elements, events, mouse, Tab, ${Math.min(links.length, 60)} link clicks): ${rearmed.length} executed in the reader view, ` +
        `${unexplained(attacker).length} attacker requests from it; the page's own handlers outside it heard its events ${own.length} times (${[...ownIds].join(', ') || 'none'})`,
    );
    for (const h of own) assert.ok(ranInPage.has(h.id) || /^auto-(html|body)-/.test(h.id), `${h.id} is a handler of the page itself`);
    assert.deepEqual(rearmed, [], 'no payload ran in the reader view');
    assert.deepEqual(unexplained(attacker), [], 'no attacker request from the reader view (server log)');
    assert.deepEqual(unexplained(browserAttacker), [], 'no attacker request from the reader view (browser)');
    assert.deepEqual(seen.problems, [], 'the reader DOM is clean');
    const markers = new Set(seen.markers);
    const missing = live.filter((v) => v.html && !markers.has(v.id)).map((v) => v.id);
    assert.deepEqual(missing, [], 'every vector\'s block is in the reader view');
  } finally {
    await page.close();
  }
});

test('a page cannot keep the reader view from opening by naming its elements (DOM clobbering)', { timeout: 60000 }, async () => {
  // Named elements show through to the content script's isolated world as window
  // properties: a check of globalThis.__lectern sees the page's element, not Lectern's state.
  const cases = {
    'a id=__lectern': '<a id="__lectern" href="/elsewhere">elsewhere</a>',
    'img name=__lectern': '<img name="__lectern" src="/nothing.png" alt="">',
    'form name=__lectern': '<form name="__lectern"></form>',
    'iframe name=__lectern': '<iframe name="__lectern"></iframe>',
    // Document's named properties override its methods in the page's world: the content
    // script must not trip over them either.
    'img name=getElementById': '<img name="getElementById" src="/nothing.png" alt="">',
    'form name=createElement': '<form name="createElement"></form>',
    'embed name=adoptNode': '<embed name="adoptNode">',
    'img name=documentElement': '<img name="documentElement" src="/nothing.png" alt="">',
  };
  const failures = [];
  for (const [i, [name, html]] of Object.entries(cases).entries()) {
    pages.set(`/clobber/${i}`, {
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clobbered</title></head><body><main><article><h1>Sea wall opens</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}${html}</article></main></body></html>`,
    });
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/clobber/${i}`);
      const on = await toggle(page);
      const shown = on?.on === true && (await page.evaluate(() => Document.prototype.querySelector.call(document, '#lectern-reader .lectern-content')?.checkVisibility() ?? false));
      if (!shown) failures.push(`${name}: ${JSON.stringify(on)}${on?.on ? ', but the reader view is not shown' : ''}`);
      else if ((await toggle(page))?.on !== false) failures.push(`${name}: the reader view did not close`);
    } finally {
      await page.close();
    }
  }
  assert.deepEqual(failures, [], 'the reader view opens and closes on every page');
});

test('an article cannot take the ids of Lectern\'s own interface (the notice, the panels)', { timeout: 60000 }, async () => {
  // The core prefixes article ids with lectern-, the prefix of the reader's own ids: an
  // article's id="notice" would come out as Lectern's notice, styled as it is (fixed, on top).
  const own = new Set([
    ...[...readFileSync(join('dist', 'chrome', 'reader.html'), 'utf8').matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]),
    ...[...readFileSync(join('dist', 'chrome', 'content.js'), 'utf8').matchAll(/"(lectern-[a-z-]*notice)"/g)].map((m) => m[1]),
  ]);
  const ids = [...own].map((id) => id.replace(/^lectern-/, ''));
  const article = ids.map((id) => `<p id="${id}">Lectern says: your session has ended, sign in again at the link below (${id}).</p>`).join('\n');
  pages.set('/render-ids', { html: renderPage() });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/render-ids`);
    const html = vectorPage([{ id: 'ids', group: 'ids', html: article, why: 'ids' }], 'ids');
    await page.evaluate((html) => document.querySelector('meta[name="lectern-test-html"]').setAttribute('content', html), html);
    assert.equal((await toggle(page))?.on, true, 'the reader view opens');
    await page.waitForSelector('#lectern-reader .lectern-content');
    const taken = await page.evaluate((own) => {
      const content = document.querySelector('#lectern-reader .lectern-content');
      return [...content.querySelectorAll('[id]')]
        .filter((node) => own.includes(node.id))
        .map((node) => `#${node.id} (${getComputedStyle(node).position})`);
    }, [...own]);
    assert.equal((await toggle(page))?.on, false, 'the reader view closes');
    assert.deepEqual(taken, [], `no article element takes one of Lectern's ids (${[...own].join(', ')})`);
  } finally {
    await page.close();
  }
});

/** Directives of a CSP string: name → [sources]. */
function directives(csp) {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

test('the extension pages\' CSP forbids inline script, in the manifest and in the browser', { timeout: 60000 }, async () => {
  for (const browser of ['chrome', 'firefox']) {
    const file = join('dist', browser, 'manifest.json');
    if (!existsSync(file)) continue;
    const csp = JSON.parse(readFileSync(file, 'utf8')).content_security_policy?.extension_pages;
    assert.ok(csp, `${browser}: the manifest sets content_security_policy.extension_pages`);
    const d = directives(csp);
    const scripts = d['script-src'] ?? d['default-src'];
    assert.ok(scripts, `${browser}: the CSP restricts scripts: ${csp}`);
    assert.ok(scripts.includes("'self'"), `${browser}: script-src has 'self': ${csp}`);
    const allowed = new Set(["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(scripts.filter((s) => !allowed.has(s)), [], `${browser}: script-src allows only 'self' (and wasm): ${csp}`);
    for (const name of ['script-src-elem', 'script-src-attr']) assert.ok(!(name in d), `${browser}: no ${name} loosening it: ${csp}`);
  }

  /** Injects an inline script, an inline handler and a javascript: link; says which ran. */
  const probe = (page) =>
    page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScript = true';
      document.head.append(script);
      const handler = document.createElement('div');
      handler.setAttribute('onclick', 'window.__inlineHandler = true');
      document.body.append(handler);
      handler.click();
      const link = document.createElement('a');
      link.href = 'javascript:window.__javascriptUrl = true; void 0';
      document.body.append(link);
      link.click();
      await new Promise((done) => setTimeout(done, 200));
      return { ran: [window.__inlineScript, window.__inlineHandler, window.__javascriptUrl].map(Boolean), violations: [...new Set(violations)].sort() };
    });

  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  try {
    // The probe works: in a page without a CSP, all three run.
    pages.set('/plain', { html: '<!doctype html><html><head><title>plain</title></head><body><p>plain</p></body></html>' });
    await page.goto(`${origin}/plain`);
    assert.deepEqual((await probe(page)).ran, [true, true, true], 'without a CSP the probe\'s scripts run');
    for (const file of ['options.html', 'reader.html']) {
      await page.goto(`chrome-extension://${id}/${file}`);
      const { ran, violations } = await probe(page);
      assert.deepEqual(ran, [false, false, false], `${file}: no inline script, handler or javascript: URL runs`);
      assert.ok(violations.includes('script-src-elem') && violations.includes('script-src-attr'), `${file}: the CSP refused them: ${violations}`);
    }
  } finally {
    await page.close();
  }
});
