// Lectern's wasm extraction against Readability.js in headless Chromium, on the live
// documents of ../shared/corpus/scrapinghub-dev (issue 6), then the extension end to end:
// trigger → reader view painted.
//
//   node benches/browser/run.mjs [--pages N] [--runs N] [--warmup N] [--cold] [--e2e N] [--profile]
//                              [--only ID-PREFIX] [--json FILE] [--pkg DIR]
//
//   --pages N    only the first N pages (by id); default all 91
//   --runs N     timed runs per page and library, interleaved; default 5
//   --warmup N   untimed runs of each per page first; default 3 (1 with --cold)
//   --cold       Chromium's own wasm tiering rather than the steady state (see STEADY)
//   --js-flags F more V8 flags for the extraction part
//   --e2e N      trigger → painted on the N largest pages (0 skips it); default 10
//   --first N    the first extraction in a fresh browser context, on N pages spread over
//                the corpus, against Readability.js's first parse (0 skips it); default 0
//   --wake N     the service worker stopped and restarted before each of N pages spread over
//                the corpus (Chrome stops it after 30 s idle, so a toggle often starts it):
//                its first extraction and the toggle it gets, against Readability.js's first
//                parse; and the same in a worker that started 1.5 s earlier (0 skips it)
//   --ext-b DIR  with --wake: a second build's scripts (e.g. before a change), loaded beside
//                --ext's (or dist/test-chrome's) and measured alternately, page by page
//   --wake-ways  with --wake: only these of extract-wake,extract-warm,toggle-wake,toggle-warm
//   --no-steady  skip the extraction part (for --first, --wake or --e2e alone)
//   --ext DIR    the extension to measure in --e2e; default dist/test-chrome
//   --profile    also a V8 CPU profile of Lectern's runs alone: where its time goes
//   --json FILE  the per-page figures as JSON
//   --pkg DIR    the wasm-bindgen output to measure; default target/pkg
//
// Needs ./build.sh build (target/pkg, dist/chrome), node_modules/@mozilla/readability and
// /usr/bin/chromium (or $CHROMIUM). The corpus lives beside the project (../shared, or
// $SHARED_DIR), never in it; without it this skips. Exits 1 when Lectern is less than 2×
// as fast as Readability.js (the median of the per-page ratios): the floor of issue 6.
//
// How it measures. Each page is loaded top-level at its own URL (meta.json), answered from
// memory by request interception; every other request is refused at once, so nothing waits
// on the network, and the page's inline scripts run as on their site. (Served from another
// origin, some pages redirect themselves to their own.) A page's own navigations elsewhere
// are answered "204 No Content", so it stays. Both libraries are then injected into the
// page and run on the live document, as the extension would:
//   Lectern:      document.documentElement.outerHTML, then lectern.extract(html, {url,
//                 markRemoved: true}): serialization counts, as the extension must serialize.
//   Readability:  document.cloneNode(true), then new Readability(clone).parse(): the clone
//                 counts, as Readability mutates the document it is given.
// Per page: --warmup untimed runs of each, then --runs runs of each, alternating which goes
// first, each after a forced GC; per-page medians. See STEADY for the wasm's compilation.
// The pages are sent with COOP/COEP headers: cross-origin isolated, performance.now() has
// 5 µs steps rather than 100 µs (they load nothing from other origins here anyway).
import { cpSync, mkdtempSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const PAGES = Number(option('--pages', Infinity));
const RUNS = Number(option('--runs', 5));
const COLD = args.includes('--cold');
const WARMUP = Number(option('--warmup', COLD ? 1 : 3));
const E2E = Number(option('--e2e', 10));
const FIRST = Number(option('--first', 0));
const WAKE = Number(option('--wake', 0));
const STEADY_PART = !args.includes('--no-steady');
const WARM_ROUNDS = Number(option('--warm-rounds', 2));
const WARM_PAUSE = Number(option('--warm-pause', 100));
const RACE_DELAY = Number(option('--race-delay', 25));
const ONLY = option('--only', '');
const PROFILE = args.includes('--profile');
const JSON_OUT = option('--json', null);
const FLOOR = 2;
const GOAL = 5;

const shared = process.env.SHARED_DIR ?? join(root, '..', 'shared');
const corpus = join(shared, 'corpus', 'scrapinghub-dev');
if (!existsSync(corpus)) {
  console.log(`bench: no corpus at ${corpus}; skipping`);
  process.exit(0);
}

// The bench's own files, served under every page's origin at this path.
const ASSETS = '/__lectern_bench__/';
const PKG = option('--pkg', 'target/pkg');
const assetFiles = {
  'lectern.js': [join(PKG, 'lectern.js'), 'text/javascript'],
  'lectern_bg.wasm': [join(PKG, 'lectern_bg.wasm'), 'application/wasm'],
  'Readability.js': ['node_modules/@mozilla/readability/Readability.js', 'text/javascript'],
  'warm-up.js': ['extension/src/background/warm-up.js', 'text/javascript'],
};
for (const [file] of Object.values(assetFiles)) {
  if (!existsSync(file)) {
    console.error(`bench: ${file} is missing (./build.sh build; npm i)`);
    process.exit(2);
  }
}
// Read once: a rebuild during the run must not hand the browser half a file.
const assets = new Map(Object.entries(assetFiles).map(([name, [file, type]]) => [name, { body: readFileSync(file), type }]));

const cases = readdirSync(corpus)
  .filter((id) => id.startsWith(ONLY) && existsSync(join(corpus, id, 'source.html')))
  .sort()
  .slice(0, PAGES)
  .map((id) => {
    const dir = join(corpus, id);
    let url;
    try {
      url = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')).url;
    } catch {
      // no meta.json: the made-up URL below
    }
    url = new URL(url ?? `https://lectern-bench.invalid/${id}/`);
    url.hash = '';
    // Loaded over https even when the page was not: cross-origin isolation needs a secure
    // context. Lectern still gets the page's own URL.
    const load = new URL(url);
    load.protocol = 'https:';
    return { id, url: url.href, load: load.href, html: readFileSync(join(dir, 'source.html')) };
  });

const isolation = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cache-control': 'no-store',
};

/**
 * Answers the pages (at their own URLs) and the bench's files from memory and refuses every
 * other http(s) request. `isolate`: send the cross-origin isolation headers.
 */
async function serve(context, { isolate }) {
  const pages = new Map(cases.map((c) => [c.load, c]));
  await context.route(
    (u) => u.protocol === 'http:' || u.protocol === 'https:',
    (route) => {
      const request = route.request();
      const u = new URL(request.url());
      const headers = isolate ? isolation : { 'cache-control': 'no-store' };
      if (u.pathname.startsWith(ASSETS) && assets.has(u.pathname.slice(ASSETS.length))) {
        const { body, type } = assets.get(u.pathname.slice(ASSETS.length));
        return route.fulfill({ status: 200, headers: { ...headers, 'content-type': type }, body });
      }
      u.hash = '';
      const page = request.isNavigationRequest() && request.frame().parentFrame() === null && pages.get(u.href);
      if (page) {
        return route.fulfill({ status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: page.html });
      }
      // A navigation answered "204 No Content" goes nowhere: the page stays (some pages
      // redirect themselves once their scripts cannot load; refused, they would land on an
      // error page).
      if (request.isNavigationRequest() && request.frame().parentFrame() === null) return route.fulfill({ status: 204, headers });
      return route.abort();
    },
  );
}

// Injected into each page: both libraries and the measuring functions, on window.__bench.
const BENCH_MODULE = `
import init, * as lectern from '${ASSETS}lectern.js';
await init({ module_or_path: '${ASSETS}lectern_bg.wasm' });
const Readability = window.Readability;
const gc = window.gc ?? (() => {});
const now = performance.now.bind(performance);

// Separate functions, so that a CPU profile tells serialization from extraction.
function serialize(doc) { return doc.documentElement.outerHTML; }
function extract(html, url) { return lectern.extract(html, { url, markRemoved: true }); }
function clone(doc) { return doc.cloneNode(true); }
function parse(doc) { return new Readability(doc).parse(); }

function runLectern(url) {
  const t0 = now();
  const html = serialize(document);
  const t1 = now();
  const article = extract(html, url);
  const t2 = now();
  return { ms: t2 - t0, serialize: t1 - t0, extract: t2 - t1, chars: html.length, words: article.word_count,
           readerable: article.readerable, removed: article.removed.length, contentChars: article.content.length };
}
function runReadability() {
  const t0 = now();
  const copy = clone(document);
  const t1 = now();
  const article = parse(copy);
  const t2 = now();
  return { ms: t2 - t0, clone: t1 - t0, parse: t2 - t1, found: Boolean(article), textChars: article?.textContent?.length ?? 0 };
}

window.__bench = {
  isolated: crossOriginIsolated,
  measure(url, runs, warmup) {
    const lectern = [], readability = [], errors = [];
    const one = (list, f) => {
      gc();
      try { list.push(f()); } catch (e) { errors.push(String(e)); }
    };
    const L = () => runLectern(url), R = () => runReadability();
    for (let i = 0; i < warmup; i++) { one([], L); one([], R); }
    for (let i = 0; i < runs; i++) {
      if (i % 2) { one(readability, R); one(lectern, L); } else { one(lectern, L); one(readability, R); }
    }
    return { lectern, readability, errors };
  },
  /** Lectern alone, for the CPU profile. */
  lecternOnly(url, runs) {
    for (let i = 0; i < runs; i++) runLectern(url);
  },
};
`;

/**
 * A page in a new context of `browser`, its requests answered from memory (`serve`) and its
 * dialogs dismissed. The caller closes the context.
 */
async function servedPage(browser, isolate) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  try {
    await serve(context, { isolate });
    const page = await context.newPage();
    page.on('dialog', (d) => d.dismiss().catch(() => {}));
    return { context, page };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/** Readability.js's first parse of case `c` in a fresh context of `browser`: its ms, and whether it found an article. */
async function readabilityFirst(browser, c, isolate) {
  const { context, page } = await servedPage(browser, isolate);
  try {
    await load(page, c.load);
    await page.addScriptTag({ url: `${ASSETS}Readability.js` });
    return await page.evaluate(() => {
      const t0 = performance.now();
      const article = new window.Readability(document.cloneNode(true)).parse();
      return { ms: performance.now() - t0, found: Boolean(article) };
    });
  } finally {
    await context.close();
  }
}

/**
 * Loads `url` and waits for its load event, or for 5 s after the document is parsed (one
 * page never fires it, all its requests refused). Not page.goto's own wait: a page that
 * starts a navigation of its own (answered 204) leaves that waiting for ever.
 */
async function load(page, url) {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit', timeout: 20000 });
  await page.waitForFunction(() => document.readyState !== 'loading', null, { timeout: 20000 });
  await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 5000 }).catch(() => {});
}

// V8 compiles wasm lazily, function by function, with its baseline compiler (Liftoff) and
// moves hot functions to TurboFan in the background: Lectern's first run on a page takes
// ~15× its steady time, and it reaches that only after ~10 runs. The extension's background
// keeps its instance while it is used, so by default the bench measures the steady state:
// everything compiled by TurboFan up front (these flags change when, not what, V8 compiles),
// and --warmup 3 for the JIT of Readability.js. --cold: Chromium's own tiering, 1 warm-up.
const STEADY = '--no-liftoff --no-wasm-lazy-compilation';
// Run in the page before a toggle: window.__lecternPainted resolves, with the times, two frames
// after the reader view (or its "no article" notice) is in the document: painted then.
const PAINTED = `void (window.__lecternPainted = new Promise((resolve) => {
  const found = () => document.querySelector('#lectern-reader .lectern-content, #lectern-reader .lectern-empty');
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    const appended = performance.timeOrigin + performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve({ appended, painted: performance.timeOrigin + performance.now() })));
  });
  observer.observe(document.documentElement, { childList: true });
}))`;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const median = (xs) => quantile(xs, 0.5);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const progress = (what, i, n) => process.stderr.isTTY && process.stderr.write(`\r${what} ${i}/${n} `);
const started = performance.now();
let failed = false;

// ------------------------------------------------------------------------------------------
// 1. Extraction: Lectern (serialize + wasm) against Readability.js (clone + parse).

let chromeVersion, medianRatio, sumRatio;
const rows = [];
const skipped = [];
// Self time (ms) per category and per function over the CPU profiles (--profile).
const selfByCategory = new Map();
const selfByFunction = new Map();
if (STEADY_PART) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', `--js-flags=--expose-gc ${COLD ? '' : STEADY} ${option('--js-flags', '')}`.trim(), '--disable-background-networking', '--disable-component-update'],
  });
  chromeVersion = browser.version();
  const { context, page } = await servedPage(browser, true);
  const cdp = PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  }

  let notIsolated = 0;
  let profiled = 0;
  for (const [i, c] of cases.entries()) {
    progress('extraction', i + 1, cases.length);
    const short = c.id.slice(0, 12);
    try {
      await load(page, c.load);
      await page.addScriptTag({ url: `${ASSETS}Readability.js` });
      await page.addScriptTag({ type: 'module', content: BENCH_MODULE });
      await page.waitForFunction(() => window.__bench, null, { timeout: 20000 });
      if (!(await page.evaluate(() => window.__bench.isolated))) notIsolated++;
      const { lectern, readability, errors } = await page.evaluate(([u, n, w]) => window.__bench.measure(u, n, w), [c.url, RUNS, WARMUP]);
      if (errors.length) console.error(`\nbench: ${short}: ${errors[0]}`);
      if (page.url() !== c.load) throw new Error(`the page went to ${page.url()}`);
      if (lectern.length < RUNS || readability.length < RUNS) throw new Error('failed runs');
      if (cdp) {
        await cdp.send('Profiler.start');
        await page.evaluate(([u, n]) => window.__bench.lecternOnly(u, n), [c.url, RUNS]);
        const { profile } = await cdp.send('Profiler.stop');
        profiled += accumulate(profile);
      }
      const m = (list, key) => median(list.map((r) => r[key]));
      rows.push({
        id: c.id,
        bytes: c.html.length,
        chars: lectern[0].chars,
        lectern: m(lectern, 'ms'),
        serialize: m(lectern, 'serialize'),
        extract: m(lectern, 'extract'),
        readability: m(readability, 'ms'),
        clone: m(readability, 'clone'),
        parse: m(readability, 'parse'),
        ratio: m(readability, 'ms') / m(lectern, 'ms'),
        lecternWords: lectern[0].words,
        lecternRemoved: lectern[0].removed,
        readabilityFound: readability[0].found,
        lecternRuns: lectern.map((r) => r.ms),
        readabilityRuns: readability.map((r) => r.ms),
      });
    } catch (e) {
      skipped.push(short);
      console.error(`\nbench: ${short} skipped: ${e.message.split('\n')[0]}`);
    }
  }
  await browser.close();

  const col = (key) => rows.map((r) => r[key]);
  const ratios = col('ratio');
  medianRatio = median(ratios);
  sumRatio = sum(col('readability')) / sum(col('lectern'));
  console.log(
    `\nExtraction in Chromium ${chromeVersion}, headless: ${rows.length} pages of scrapinghub-dev` +
      `${skipped.length ? ` (${skipped.length} skipped)` : ''}, ${WARMUP} warm-up + ${RUNS} interleaved runs each; per-page medians; ` +
      `${COLD ? "Chromium's own wasm tiering (--cold)" : 'wasm compiled by TurboFan up front (steady state)'}` +
      `${notIsolated ? `; ${notIsolated} pages NOT cross-origin isolated (100 µs timer steps)` : ''}`,
  );
  console.log('ms per page                                   median     p90    mean');
  const line = (label, xs) =>
    console.log(`${label.padEnd(44)} ${f(median(xs)).padStart(7)} ${f(quantile(xs, 0.9)).padStart(7)} ${f(sum(xs) / xs.length).padStart(7)}`);
  line('Lectern: outerHTML + extract', col('lectern'));
  line('  of which outerHTML', col('serialize'));
  line('  of which lectern.extract (copy, wasm, JS)', col('extract'));
  line('Readability.js: cloneNode + parse', col('readability'));
  line('  of which cloneNode(true)', col('clone'));
  line('  of which parse()', col('parse'));
  console.log(
    `Readability.js / Lectern, per page: median ${f(medianRatio)}×, p10 ${f(quantile(ratios, 0.1))}×, p90 ${f(quantile(ratios, 0.9))}×, ` +
      `min ${f(Math.min(...ratios))}×, pages under 1×: ${ratios.filter((r) => r < 1).length}`,
  );
  console.log(`Readability.js / Lectern, ratio of sums (${f(sum(col('readability')), 0)} ms / ${f(sum(col('lectern')), 0)} ms): ${f(sumRatio)}×`);
  console.log(`Readability.js / lectern.extract alone (no outerHTML), median per page: ${f(median(rows.map((r) => r.readability / r.extract)))}×`);
  const lowest = [...rows].sort((a, b) => a.ratio - b.ratio).slice(0, 5);
  console.log(`lowest ratios: ${lowest.map((r) => `${r.id.slice(0, 8)} ${f(r.ratio)}× (${f(r.lectern)} vs ${f(r.readability)} ms, ${Math.round(r.bytes / 1024)} KB)`).join('; ')}`);
  if (!(medianRatio >= FLOOR)) {
    console.log(`FAIL: the median ratio ${f(medianRatio)}× is below the ${FLOOR}× floor`);
    failed = true;
  } else {
    console.log(`floor ${FLOOR}×: met; goal ${GOAL}×: ${medianRatio >= GOAL ? 'met' : 'not met'}`);
  }
  if (PROFILE) report(profiled);
}

// ------------------------------------------------------------------------------------------
// Where Lectern's time goes: self time per category over the CPU profiles (--profile).

function accumulate(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const ancestor = (id, names) => {
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const name = nodes.get(x).callFrame.functionName;
      if (names.includes(name)) return name;
    }
    return null;
  };
  let total = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000; // ms: a sample lasts until the next one
    const n = nodes.get(samples[i]);
    const { functionName: name, url } = n.callFrame;
    let category;
    if (name === '(garbage collector)') category = 'GC';
    else if (!ancestor(samples[i], ['runLectern'])) continue; // the page's or the bench's own work
    else if (ancestor(samples[i], ['serialize'])) category = 'outerHTML (serialize)';
    else if (ancestor(samples[i], ['passStringToWasm0'])) category = 'string copy into wasm (passStringToWasm0: ASCII loop + encodeInto)';
    else if (url.startsWith('wasm://') || url.endsWith('.wasm') || /^(\$|wasm-function|js-to-wasm|wasm-to-js)/.test(name)) category = 'wasm (the core, and serde inside wasm)';
    else if (url.endsWith('/lectern.js') || ['decode', 'get', 'set'].includes(name)) category = 'JS glue called from wasm (result objects, strings out)';
    else category = `other: ${name || '(anonymous)'}`;
    add(selfByCategory, category, dt);
    add(selfByFunction, `${name || '(anonymous)'} ${url.split('/').pop()}`.trim(), dt);
    total += dt;
  }
  return total;
}
function add(map, key, v) {
  map.set(key, (map.get(key) ?? 0) + v);
}
function report(total) {
  console.log(`\nWhere Lectern's time goes (V8 CPU profile, 50 µs sampling, ${rows.length} pages × ${RUNS} runs after the timed ones, ${f(total, 0)} ms sampled):`);
  for (const [k, v] of [...selfByCategory].sort((a, b) => b[1] - a[1])) console.log(`  ${f((100 * v) / total, 1).padStart(5)} %  ${k}`);
  // With a name section (a build through wasm-opt -g), wasm functions are Rust paths: by crate.
  const byCrate = new Map();
  for (const [k, v] of selfByFunction) {
    const crate = k.endsWith('.wasm') && !k.startsWith('wasm-function[') ? k.replace(/^[<&\s]*(dyn\s+)?/, '').split('::')[0] : null;
    if (crate) add(byCrate, crate, v);
  }
  if (byCrate.size) {
    console.log('  wasm self time by crate:');
    for (const [k, v] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${f((100 * v) / total, 1).padStart(5)} %  ${k}`);
  }
  console.log('  top functions by self time:');
  for (const [k, v] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${f((100 * v) / total, 1).padStart(5)} %  ${k}`);
}

// ------------------------------------------------------------------------------------------
// 1b. The first extraction in a fresh browser context (--first): what a reader's first toggle
// after the background started costs, against Readability.js's first parse of the same page
// in a fresh context of its own. Each run is a new browser context (its own renderer
// process: nothing compiled is shared), Chromium's own tiering (no flags). Lectern's ways:
//   lazy: the module instantiated first (as the background does when the toggle arrives),
//         then the extraction: the wasm compiles function by function as it runs;
//   warm: instantiated, then the warm-up the background runs when it starts
//         (extension/src/background/warm-up.js: --warm-rounds extractions of a made-up
//         page), a pause for the optimizing compiler's background jobs, then the extraction;
//   race: the toggle that starts the background (Chrome stops its service worker after 30 s
//         idle): the warm-up starts, and the page's extraction is asked for --race-delay ms
//         later (the content script's injection and capture), timed from then.

const FIRST_MODULE = `
import init, * as lectern from '${ASSETS}lectern.js';
import { samplePage } from '${ASSETS}warm-up.js';
const now = performance.now.bind(performance);
window.__first = {
  async init() { const t0 = now(); await init({ module_or_path: '${ASSETS}lectern_bg.wasm' }); return now() - t0; },
  warm(rounds) {
    const t0 = now();
    const page = samplePage();
    for (let i = 0; i < rounds; i++) lectern.extract(page, { url: 'https://example.com/a', markRemoved: true });
    return now() - t0;
  },
  extract(url) {
    const t0 = now();
    const html = document.documentElement.outerHTML;
    const article = lectern.extract(html, { url, markRemoved: true });
    return { ms: now() - t0, words: article.word_count };
  },
  // The warm-up as background/core.js runs it, and the page's extraction asked for 'delay' ms
  // later: its time counts from then, a warm-up round still running included.
  race(url, delay, rounds) {
    return new Promise((resolve) => {
      let extracted = false;
      const asked = now() + delay;
      const page = samplePage();
      (async () => {
        for (let round = 0; round < rounds && !extracted; round++) {
          await new Promise((r) => setTimeout(r, 0));
          if (!extracted) lectern.extract(page, { url: 'https://example.com/a', markRemoved: true });
        }
      })();
      setTimeout(() => {
        extracted = true;
        const html = document.documentElement.outerHTML;
        const article = lectern.extract(html, { url, markRemoved: true });
        resolve({ ms: now() - asked, words: article.word_count });
      }, delay);
    });
  },
};
`;

async function firstExtractions(n) {
  const step = Math.max(1, cases.length / n);
  const picked = Array.from({ length: Math.min(n, cases.length) }, (_, i) => cases[Math.floor(i * step)]);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', `--js-flags=${option('--js-flags', '')}`, '--disable-background-networking', '--disable-component-update'],
  });
  const ways = ['readability', 'lazy', 'warm', 'race'];
  const results = [];
  /** One way on one page, in a fresh context: ms of the first extraction (and the set-up). */
  async function once(c, way) {
    if (way === 'readability') return readabilityFirst(browser, c, true);
    const { context, page } = await servedPage(browser, true);
    try {
      await load(page, c.load);
      await page.addScriptTag({ type: 'module', content: FIRST_MODULE });
      await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
      const init = await page.evaluate(() => window.__first.init());
      if (way === 'race') {
        const { ms, words } = await page.evaluate(([u, d, k]) => window.__first.race(u, d, k), [c.url, RACE_DELAY, WARM_ROUNDS]);
        return { ms, init, words };
      }
      let warm = 0;
      if (way === 'warm') {
        warm = await page.evaluate((k) => window.__first.warm(k), WARM_ROUNDS);
        await page.waitForTimeout(WARM_PAUSE);
      }
      const { ms, words } = await page.evaluate((u) => window.__first.extract(u), c.url);
      return { ms, init, warm, words };
    } finally {
      await context.close();
    }
  }
  for (const [i, c] of picked.entries()) {
    progress('first extraction', i + 1, picked.length);
    const row = { id: c.id, bytes: c.html.length };
    try {
      // Each way in turn, the order rotated per page.
      for (let k = 0; k < ways.length; k++) {
        const way = ways[(i + k) % ways.length];
        row[way] = await once(c, way);
      }
      results.push(row);
    } catch (e) {
      console.error(`\nbench: ${c.id.slice(0, 12)} (first extraction) skipped: ${e.message.split('\n')[0]}`);
    }
  }
  await browser.close();
  const ms = (way) => results.map((r) => r[way].ms);
  console.log(`\nFirst extraction in a fresh browser context (Chromium ${browser.version()}, its own tiering), ${results.length} pages spread over scrapinghub-dev, one run per way and page:`);
  console.log('ms                                                  median     p90');
  const row = (label, xs) => console.log(`${label.padEnd(50)} ${f(median(xs)).padStart(7)} ${f(quantile(xs, 0.9)).padStart(7)}`);
  row('Readability.js: cloneNode + parse, first call', ms('readability'));
  row('Lectern lazy: outerHTML + extract, first call', ms('lazy'));
  row('  its instantiation before (fetch + compile)', results.map((r) => r.lazy.init));
  row(`Lectern warm: the same after the warm-up`, ms('warm'));
  row(`  the warm-up before (${WARM_ROUNDS} extractions of the made-up page)`, results.map((r) => r.warm.warm));
  row(`Lectern race: asked ${RACE_DELAY} ms into the warm-up`, ms('race'));
  for (const way of ['lazy', 'warm', 'race']) {
    const ratios = results.map((r) => r.readability.ms / r[way].ms);
    console.log(
      `Readability.js / Lectern ${way}, per page: median ${f(median(ratios))}×, p10 ${f(quantile(ratios, 0.1))}×, p90 ${f(quantile(ratios, 0.9))}×, pages under 1×: ${ratios.filter((x) => x < 1).length}`,
    );
  }
  return results;
}

let first = null;
if (FIRST > 0) first = await firstExtractions(FIRST);

// ------------------------------------------------------------------------------------------
// 1c. A toggle that wakes the service worker (--wake N). Chrome stops an extension's worker
// after 30 s idle: "open an article, read a minute, press the button" meets a stopped worker,
// which the click starts. Here the worker is stopped and started again (CDP's ServiceWorker
// domain; Playwright does not follow a restarted worker, so it is driven over CDP), and then:
//   extract, wake:  the test build's lecternCore: what a click starts (wantCore: load() —
//                   fetch, compile, instantiate — and the reader template) first, then
//                   extractArticle() of the page's outerHTML, timed alone, plus the page's
//                   own first outerHTML;
//   extract, warm:  the same in a worker started 1.5 s before (its warm-up has run);
//   toggle, wake:   the click dispatched in the just-started worker → reader view painted;
//   toggle, warm:   the click in a worker started 1.5 s before → painted.
// Against Readability.js's first cloneNode + parse of the page in a fresh browser context.

async function wakeRuns(n) {
  const step = Math.max(1, cases.length / n);
  const picked = Array.from({ length: Math.min(n, cases.length) }, (_, i) => cases[Math.floor(i * step)]);
  const { testCopyOfExtension } = await import('../../tests/browser/server.mjs');
  const { createHash } = await import('node:crypto');
  const copy = (scripts) =>
    testCopyOfExtension('chrome', (manifest, dir) => {
      manifest.host_permissions = ['<all_urls>'];
      if (scripts) cpSync(scripts, dir, { recursive: true, filter: (file) => !file.endsWith('manifest.json') });
    });
  // Each build in an extension of its own; Chrome names an unpacked one after its path.
  const builds = [['', copy(option('--ext', null))]];
  if (option('--ext-b', null)) builds.push([' B', copy(option('--ext-b'))]);
  const idOf = (dir) => [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
  const scopes = Object.fromEntries(builds.map(([suffix, dir]) => [suffix, `chrome-extension://${idOf(dir)}/`]));
  const extension = builds.map(([, dir]) => dir).join(',');
  const profile = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
  const flags = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...flags],
  });
  const peer = await chromium.launch({ executablePath, headless: true, args: flags });
  const results = [];
  try {
    await serve(context, { isolate: false });
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (d) => d.dismiss().catch(() => {}));
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    // The worker over CDP: attached through the page's session, messages relayed.
    let worker = null;
    let messageId = 0;
    const replies = new Map();
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      const m = JSON.parse(message);
      if (sessionId === worker?.sessionId && replies.has(m.id)) replies.get(m.id)(m);
    });
    const toWorker = (method, params) =>
      new Promise((resolve) => {
        const id = ++messageId;
        replies.set(id, resolve);
        cdp.send('Target.sendMessageToTarget', { sessionId: worker.sessionId, message: JSON.stringify({ id, method, params }) });
      });
    async function evaluate(expression) {
      const { result, error } = await toWorker('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (error || result.exceptionDetails) throw new Error(JSON.stringify(error ?? result.exceptionDetails).slice(0, 300));
      return result.result.value;
    }
    async function restart(scope) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.send('ServiceWorker.startWorker', { scopeURL: scope });
      for (let i = 0; i < 500; i++) {
        const { targetInfos } = await cdp.send('Target.getTargets');
        const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(scope));
        if (target) {
          const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
          worker = { sessionId };
          // Until the background's module has run.
          for (let k = 0; k < 500; k++) {
            if (await evaluate('typeof lecternCore').then((t) => t === 'object', () => false)) return performance.now();
            await new Promise((r) => setTimeout(r, 5));
          }
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('the service worker did not start again');
    }
    const CLICK = `(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const at = performance.timeOrigin + performance.now();
      chrome.action.onClicked.dispatch(tab);
      return at;
    })()`;
    async function toggle(c, warm, scope) {
      await load(page, c.load);
      await page.bringToFront();
      await page.evaluate(PAINTED);
      await restart(scope);
      if (warm) await page.waitForTimeout(1500);
      const clicked = await evaluate(CLICK);
      const shown = await page.evaluate(() => Promise.race([window.__lecternPainted, new Promise((r) => setTimeout(() => r(null), 15000))]));
      if (shown === null) throw new Error('no reader view within 15 s');
      return { ms: shown.painted - clicked, appended: shown.appended - clicked };
    }
    async function extract(c, warm, scope) {
      await load(page, c.load);
      await page.bringToFront();
      const serialize = await page.evaluate(() => {
        const t0 = performance.now();
        document.documentElement.outerHTML;
        return performance.now() - t0;
      });
      await restart(scope);
      if (warm) await page.waitForTimeout(1500);
      // The page's HTML reaches the worker as the toggle's does: from the page, not over CDP.
      const r = await evaluate(`(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        const [{ result: html }] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.documentElement.outerHTML });
        // As a click does (wantCore, where the build has it), then the page's HTML.
        const t0 = performance.now();
        lecternCore.wantCore?.();
        await lecternCore.load();
        await lecternCore.readerTemplate();
        await new Promise((resolve) => setTimeout(resolve, 0));
        const t1 = performance.now();
        const reply = await lecternCore.extractArticle(html, ${JSON.stringify(c.url)}, true);
        return { load: t1 - t0, extract: performance.now() - t1, ok: reply.ok };
      })()`);
      if (!r.ok) throw new Error('extraction failed');
      return { ms: serialize + r.extract, serialize, ...r };
    }
    const ways = { readability: (c) => readabilityFirst(peer, c, false) };
    for (const [suffix] of builds) {
      const scope = scopes[suffix];
      Object.assign(ways, {
        [`extract-wake${suffix}`]: (c) => extract(c, false, scope),
        [`extract-warm${suffix}`]: (c) => extract(c, true, scope),
        [`toggle-wake${suffix}`]: (c) => toggle(c, false, scope),
        [`toggle-warm${suffix}`]: (c) => toggle(c, true, scope),
      });
    }
    const only = option('--wake-ways', null)?.split(',');
    const names = Object.keys(ways).filter((way) => way === 'readability' || !only || only.includes(way.replace(/ B$/, '')));
    for (const [i, c] of picked.entries()) {
      progress('wake', i + 1, picked.length);
      const row = { id: c.id, bytes: c.html.length };
      try {
        for (let k = 0; k < names.length; k++) {
          const way = names[(i + k) % names.length];
          row[way] = await ways[way](c);
        }
        results.push(row);
      } catch (e) {
        console.error(`\nbench: ${c.id.slice(0, 12)} (wake) skipped: ${e.message.split('\n')[0]}`);
      }
    }
  } finally {
    await context.close();
    await peer.close();
    rmSync(profile, { recursive: true, force: true });
    for (const [, dir] of builds) rmSync(dir, { recursive: true, force: true });
  }
  const ms = (way, key = 'ms') => results.map((r) => r[way]?.[key] ?? NaN);
  console.log(`\nThe service worker restarted before each page (--wake), ${results.length} pages spread over scrapinghub-dev, one run per way and page:`);
  console.log('ms                                                           median     p90');
  const row = (label, xs) => console.log(`${label.padEnd(59)} ${f(median(xs)).padStart(7)} ${f(quantile(xs, 0.9)).padStart(7)}`);
  row("Readability.js: cloneNode + parse, first call, fresh context", ms('readability'));
  for (const [suffix, dir] of builds) {
    if (builds.length > 1) console.log(`build${suffix || ' A'}: ${suffix ? option('--ext-b') : option('--ext', 'dist/test-chrome')} (${dir})`);
    row(`Lectern${suffix}, worker just started: outerHTML + extractArticle`, ms(`extract-wake${suffix}`));
    row('  of which outerHTML (the page\'s first)', ms(`extract-wake${suffix}`, 'serialize'));
    row('  load() and the template before it (not counted)', ms(`extract-wake${suffix}`, 'load'));
    row(`Lectern${suffix}, worker started 1.5 s before: outerHTML + extract`, ms(`extract-warm${suffix}`));
    row(`toggle → painted${suffix}, the click starts the worker`, ms(`toggle-wake${suffix}`));
    row('  → reader view in the page', ms(`toggle-wake${suffix}`, 'appended'));
    row(`toggle → painted${suffix}, worker started 1.5 s before`, ms(`toggle-warm${suffix}`));
  }
  for (const way of builds.flatMap(([suffix]) => [`extract-wake${suffix}`, `extract-warm${suffix}`]).filter((way) => results[0]?.[way])) {
    const ratios = results.map((r) => r.readability.ms / r[way].ms);
    console.log(`Readability.js / Lectern ${way}, per page: median ${f(median(ratios))}×, p10 ${f(quantile(ratios, 0.1))}×, p90 ${f(quantile(ratios, 0.9))}×, pages under 1×: ${ratios.filter((x) => x < 1).length}`);
  }
  return results;
}

let wake = null;
if (WAKE > 0) wake = await wakeRuns(WAKE);

// ------------------------------------------------------------------------------------------
// 2. The extension: trigger → reader view painted, on the largest pages.

let e2e = null;
if (E2E > 0) {
  if (!existsSync(join(root, 'dist', 'chrome', 'manifest.json'))) {
    console.error('bench: dist/chrome is missing (./build.sh build); skipping the end-to-end part');
  } else {
    e2e = await endToEnd(E2E);
  }
}

async function endToEnd(n) {
  const { testCopyOfExtension } = await import('../../tests/browser/server.mjs');
  // The pages are at their own URLs here: grant them all (a dispatched click does not
  // grant activeTab).
  const extension = testCopyOfExtension('chrome', (manifest, dir) => {
    manifest.host_permissions = ['<all_urls>'];
    // Another build's scripts and wasm (--ext), e.g. an older commit's, in the same run.
    if (option('--ext', null)) cpSync(option('--ext'), dir, { recursive: true, filter: (file) => !file.endsWith('manifest.json') });
  });
  const profile = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    await serve(context, { isolate: false });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (d) => d.dismiss().catch(() => {}));
    const largest = [...cases].sort((a, b) => b.html.length - a.html.length).slice(0, n);
    /** One trigger on a freshly loaded page: [in-browser ms, node-side ms]. */
    async function once(c) {
      await load(page, c.load);
      await page.bringToFront();
      await page.evaluate(PAINTED);
      const t0 = performance.now();
      const clicked = await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        const at = performance.timeOrigin + performance.now();
        chrome.action.onClicked.dispatch(tab);
        return at;
      });
      const shown = await page.evaluate(() => Promise.race([window.__lecternPainted, new Promise((r) => setTimeout(() => r(null), 15000))]));
      const t1 = performance.now();
      if (shown === null) throw new Error(`no reader view on ${c.id.slice(0, 12)} within 15 s`);
      return [shown.painted - clicked, t1 - t0, shown.appended - clicked];
    }
    // The first trigger starts the wasm module (fetch, compile, instantiate): cold.
    const cold = await once(largest[largest.length - 1]).catch(() => [NaN, NaN, NaN]);
    const perPage = [];
    for (const [i, c] of largest.entries()) {
      progress('extension', i + 1, largest.length);
      const runs = [];
      try {
        for (let k = 0; k < 3; k++) runs.push(await once(c));
      } catch (e) {
        console.error(`\nbench: ${c.id.slice(0, 12)} (extension) skipped: ${e.message.split('\n')[0]}`);
        continue;
      }
      perPage.push({ id: c.id, bytes: c.html.length, browser: median(runs.map((r) => r[0])), appended: median(runs.map((r) => r[2])), node: median(runs.map((r) => r[1])), runs });
    }
    const all = perPage.flatMap((p) => p.runs);
    console.log(`\nExtension (dist/chrome): trigger → reader view painted (two frames after it is in the page), a fresh load of the page each time, the ${perPage.length} largest pages × 3:`);
    for (const p of perPage) {
      console.log(`  ${p.id.slice(0, 12)} ${String(Math.round(p.bytes / 1024)).padStart(5)} KB  ${f(p.browser, 1).padStart(6)} ms  (in the page after ${f(p.appended, 1)} ms)`);
    }
    console.log(`median ${f(median(all.map((r) => r[0])), 1)} ms, p90 ${f(quantile(all.map((r) => r[0]), 0.9), 1)} ms (browser clocks: service worker dispatches the click → page painted)`);
    console.log(`  of which trigger → reader view in the page: median ${f(median(all.map((r) => r[2])), 1)} ms; → painted: median ${f(median(all.map((r) => r[0] - r[2])), 1)} ms`);
    console.log(`median ${f(median(all.map((r) => r[1])), 1)} ms seen from node (adds the CDP round trips)`);
    console.log(`the first trigger of the session (the worker started with the browser; the wasm module fetched, compiled, instantiated): ${f(cold[0], 1)} ms`);
    return { cold: cold[0], median: median(all.map((r) => r[0])), medianAppended: median(all.map((r) => r[2])), perPage };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  }
}

if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ chrome: chromeVersion, runs: RUNS, warmup: WARMUP, medianRatio, sumRatio, skipped, rows, first, wake, e2e }, null, 1));
console.log(`\n(${f((performance.now() - started) / 1000, 0)} s)`);
process.exit(failed ? 1 : 0);
