// Lectern on always-reader sites: registered by the background (scripting.
// registerContentScripts) for the listed origins, at document_start, after content.js, with
// reader.css (and in Chrome always-hide.css, which keeps the page unpainted).
//
// - Firefox: the background rewrote an article's response into the reader page already
//   (<html data-lectern-streamed>); here it gets its toolbar. Any other page arrived as the
//   site sent it, and is left alone.
// - Chrome: the page is hidden before its first paint; as soon as the document is parsed it
//   is captured and extracted (in the background), and an article is shown as the reader
//   view. Anything else (not an article, a failure, more than EXTRACT_MS) reveals the page.
import { api } from './common/api.js';
import { readerSettings, settingsFrom } from './common/settings.js';

/** Longest wait for the extraction once the document is parsed. */
const EXTRACT_MS = 1000;
/** Longest time the page stays hidden at all (a page that takes long to arrive). */
const HIDDEN_MS = 5000;

/** content.js's state (its own property: see there), shared across the two scripts. */
const state = Object.hasOwn(globalThis, '__lectern') ? globalThis.__lectern : null;

// Done with the page (shown as the reader view, or given up): the background lifts
// always-hide.css. Should it not answer, an inline style does, so that no page stays blank.
const reveal = () =>
  api.runtime
    .sendMessage({ type: 'always-reveal' })
    .then((reply) => {
      if (!reply?.ok) throw new Error(reply?.error);
    })
    .catch(() => document.documentElement?.style.setProperty('visibility', 'visible', 'important'));
const parsed = () =>
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();

async function showStreamed() {
  await parsed();
  if (!document.documentElement.hasAttribute('data-lectern-streamed')) return;
  let reply = await api.runtime.sendMessage({ type: 'always-streamed' });
  const settings = reply?.settings ? settingsFrom(reply.settings) : await readerSettings();
  if (!reply?.ok) {
    // The background lost the article (it was suspended meanwhile): extract the
    // streamed page itself, which holds the article only.
    const html = document.documentElement.outerHTML;
    reply = await api.runtime.sendMessage({ type: 'extract', html, url: location.href, images: settings.images });
    if (!reply?.ok) return;
    reply.html = null;
  }
  state.present(reply.article, reply.template, settings, reply.html, 'streamed');
}

function showFast() {
  let done = false;
  const giveUp = () => {
    if (!done) reveal();
    done = true;
  };
  const guard = setTimeout(giveUp, HIDDEN_MS);
  (async () => {
    const [check, settings] = await Promise.all([api.runtime.sendMessage({ type: 'always-check' }), readerSettings()]);
    if (!check?.go || done) return giveUp();
    await parsed();
    if (done) return;
    const timer = setTimeout(giveUp, EXTRACT_MS);
    const html = document.documentElement.outerHTML;
    const reply = await api.runtime.sendMessage({ type: 'extract', html, url: location.href, images: settings.images });
    clearTimeout(timer);
    if (done || !reply?.ok || !reply.article.readerable || state.saved || state.busy) return giveUp();
    state.present(reply.article, reply.template, settings, html, 'fast');
    giveUp();
  })()
    .catch(giveUp)
    .finally(() => clearTimeout(guard));
}

if (state && window === window.top && !Object.hasOwn(globalThis, '__lecternAlways')) {
  globalThis.__lecternAlways = true;
  if (FIREFOX) showStreamed();
  else showFast();
}
