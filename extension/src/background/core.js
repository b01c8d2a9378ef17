// The wasm extraction core, run here and not in the page because Chrome refuses wasm in
// content scripts on pages whose CSP forbids it.
//
// A namespace import, so that __wbg_reset_state (emitted by wasm-bindgen's
// --experimental-reset-state-function) is optional rather than a link error. Not bundled:
// the glue stays pkg/lectern.js in the package, where it finds pkg/lectern_bg.wasm beside
// itself (import.meta.url); '/' is the package's root.
import * as lectern from '/pkg/lectern.js';
import { api } from '../common/api.js';
import { dateText, headerWords, writtenDates } from '../common/article.js';
import { samplePage } from './warm-up.js';

// The wasm module is fetched and instantiated when the background starts (warmUpSoon) or on
// the first extraction.
let ready;
export function load() {
  ready ??= lectern.default().catch((e) => {
    ready = undefined;
    throw e;
  });
  return ready;
}

// How many times warmUp extracts its made-up page. V8 compiles a wasm function on its first
// call with its baseline compiler, whose code runs the core ~15× slower than the optimized
// code it moves a function to once the function has run a while: a core that has never run
// spends ~50 ms on a reader's first page, one warmed up ~10 ms, Readability.js's first
// parse ~20 ms (benches/browser/run.mjs --first). The first round costs most (~35 ms); the
// second lets the hot functions reach the optimizing compiler.
const WARM_ROUNDS = 2;
// The background waits this long before warming up: a service worker that a toolbar click
// started gets the click in this time, and then the warm-up would only delay the page.
const WARM_DELAY_MS = 200;
// Set once a toggle or declutter has asked for the core: its own extraction warms it.
let wanted = false;
let warming;

/**
 * Instantiates the core and runs it on a made-up page, so that the reader's first toggle
 * finds it compiled. Called when the background starts: Chrome starts its service worker
 * for any event it listens to (a page's load among them), and stops it after 30 s idle, so
 * a toggle often meets a background that has just started. Not when the background started
 * for the toggle itself: a warm-up round (~35 ms) in front of the page's extraction costs
 * more than it saves (--first's "race"). Never fails.
 */
export function warmUpSoon() {
  setTimeout(() => {
    if (wanted) return;
    prepareReaderView();
    warming ??= (async () => {
      await load();
      const page = samplePage();
      const options = { url: 'https://example.com/2026/01/article', images: true, markRemoved: true, words: headerWords() };
      for (let round = 0; round < WARM_ROUNDS && !wanted; round++) {
        // A turn of the event loop between rounds: a message that arrived goes first.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!wanted) lectern.extract(page, options);
      }
    })().catch(resetAfterTrap);
  }, WARM_DELAY_MS);
}

/**
 * A toggle or declutter has started: the core is fetched and instantiated now, and the reader
 * view's template read, while the content script is injected and captures the page. Read after
 * the extraction, the template cost 20–45 ms more on a toggle (benches/browser/run.mjs --wake).
 */
export function wantCore() {
  wanted = true;
  load().catch(() => {});
  prepareReaderView();
}

/**
 * What a reader view needs from the background besides the core, ready before the article
 * is: the template (reader.html) and Intl's locale data (writtenDates), the latter after a
 * turn of the event loop so that a message that arrived goes first.
 */
function prepareReaderView() {
  readerTemplate().catch(() => {});
  setTimeout(() => dateText('2026-01-02'), 0);
}

/**
 * After a panic (panic = "abort": a trap) or a stack overflow the module stopped mid-call,
 * its memory inconsistent: the next call gets a fresh instance. Errors the core returns
 * itself leave it sound.
 */
export function resetAfterTrap(e) {
  if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) lectern.__wbg_reset_state?.();
}

// Runs `call` on the core; the error is returned, not thrown.
async function useCore(call) {
  try {
    await load();
    return { ok: true, value: call() };
  } catch (e) {
    resetAfterTrap(e);
    return { ok: false, error: String(e) };
  }
}

// The reader view's structure (reader.html), read once.
let template;
export function readerTemplate() {
  template ??= fetch(api.runtime.getURL('reader.html'))
    .then((r) => r.text())
    .catch((e) => {
      template = undefined;
      throw e;
    });
  return template;
}

// Every removed block comes marked in the content: the reader view shows or hides them
// itself, so switching a category costs no second extraction.
export async function extractArticle(html, url, images) {
  wanted = true;
  const { ok, value, error } = await useCore(() => lectern.extract(html, { url, images, markRemoved: true, words: headerWords() }));
  // The article's dates written out here, where Intl is ready, not in the content script.
  return ok ? { ok, article: value, template: await readerTemplate(), dates: writtenDates(value) } : { ok, error };
}

export async function findClutter(html, url) {
  wanted = true;
  const { ok, value, error } = await useCore(() => lectern.declutter(html, { url }));
  return ok ? { ok, removed: value } : { ok, error };
}

/** A streaming extraction (write chunks, then end), for Firefox's response filter. */
export function newExtractor(options) {
  return new lectern.Extractor(options);
}

// The cheap check for the badge: false when the core cannot tell.
export async function probablyReaderable(html) {
  const { ok, value } = await useCore(() => lectern.isProbablyReaderable(html));
  return ok && value;
}
