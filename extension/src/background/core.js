// The wasm extraction core, run here and not in the page because Chrome refuses wasm in
// content scripts on pages whose CSP forbids it.
//
// A namespace import, so that __wbg_reset_state (emitted by wasm-bindgen's
// --experimental-reset-state-function) is optional rather than a link error. Not bundled:
// the glue stays pkg/lectern.js in the package, where it finds pkg/lectern_bg.wasm beside
// itself (import.meta.url); '/' is the package's root.
import * as lectern from '/pkg/lectern.js';
import { api } from '../common/api.js';
import { headerWords } from '../common/article.js';

// The wasm module is fetched and instantiated on the first extraction only.
let ready;
export function load() {
  ready ??= lectern.default().catch((e) => {
    ready = undefined;
    throw e;
  });
  return ready;
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
  template ??= fetch(api.runtime.getURL('reader.html')).then((r) => r.text());
  return template;
}

// Every removed block comes marked in the content: the reader view shows or hides them
// itself, so switching a category costs no second extraction.
export async function extractArticle(html, url, images) {
  const { ok, value, error } = await useCore(() => lectern.extract(html, { url, images, markRemoved: true, words: headerWords() }));
  return ok ? { ok, article: value, template: await readerTemplate() } : { ok, error };
}

export async function findClutter(html, url) {
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
