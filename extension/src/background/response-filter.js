// Firefox: rewrite an article's response into the reader page as its bytes arrive
// (webRequest.filterResponseData; only the Firefox package has the permissions).
//
// Left alone: anything but a GET for a tab's main frame; a status other than 200 (so
// redirects and errors); a content type other than text/html; a download (Content-
// Disposition: attachment); an origin not listed, or a never page; the one load after "Show
// original"; and a response with neither a server address nor a cache hit behind it, which
// is what a service worker's own answer looks like here. Given up on (its bytes handed on
// as they came, the rest let through, a warning in the console): a response over
// MAX_BYTES, and one not decided within DECIDE_MS of its first byte, so that a large or
// slow page does not stay blank until its end. Not detectable from the request's details,
// so not excluded: a worker that passes a network response through (it still shows the
// server's address) is streamed like any other; and view-source: carries no flag of its
// own (untested: WebDriver cannot navigate to view-source:).
import { api } from '../common/api.js';
import { headerWords } from '../common/article.js';
import { pageKey } from '../common/urls.js';
import { settingsFrom, storedSettings } from '../common/settings.js';
import { load, newExtractor, resetAfterTrap } from './core.js';
import { alwaysApplies, listsReady, originalOnce } from './always-sites.js';
import { readerPage } from './streamed-page.js';

/** The article of each tab's streamed page, for its content script: tabId → {url, article, html}. */
export const streamed = new Map();

/** The largest response rewritten: all of it is held until the decision. */
const MAX_BYTES = 8 * 1024 * 1024;
/** The longest wait for the decision, from the response's first byte, in milliseconds. */
const DECIDE_MS = 1500;

const htmlType = /^\s*text\/html\s*(;|$)/i;

function header(details, name) {
  return details.responseHeaders?.find((h) => h.name.toLowerCase() === name)?.value ?? '';
}

function streamable(details) {
  if (details.method !== 'GET' || details.type !== 'main_frame' || details.tabId < 0) return false;
  if (details.statusCode !== 200) return false;
  if (!htmlType.test(header(details, 'content-type'))) return false;
  if (/^\s*attachment/i.test(header(details, 'content-disposition'))) return false;
  if (!details.ip && !details.fromCache) return false; // a service worker's response
  if (!alwaysApplies(details.url)) return false;
  const once = `${details.tabId} ${pageKey(details.url)}`;
  if (originalOnce.delete(once)) return false;
  return true;
}

/** The charset parameter of a Content-Type header, or undefined. */
function charsetOf(contentType) {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

async function onAlwaysHeaders(details) {
  await listsReady;
  if (!streamable(details)) return {};
  const charset = charsetOf(header(details, 'content-type'));
  const { url, tabId } = details;
  const filter = api.webRequest.filterResponseData(details.requestId);
  /** The original bytes, every one of them, until the decision. */
  const chunks = [];
  let bytes = 0;
  let extractor = null;
  let failed = false;
  /** Whether the response is written (rewritten or given up on); `stopped`: all of it arrived. */
  let settled = false;
  let stopped = false;
  let timer;
  const feed = (chunk) => {
    if (failed || !extractor) return;
    try {
      extractor.write(new Uint8Array(chunk));
    } catch (e) {
      fail(e);
    }
  };
  const fail = (e) => {
    failed = true;
    resetAfterTrap(e);
    try {
      extractor?.free();
    } catch {
      // a reset instance: nothing to free
    }
    extractor = null;
  };
  const settingsRead = storedSettings().catch(() => settingsFrom());
  const started = load()
    .then(async () => {
      const { images } = await settingsRead;
      extractor = newExtractor({ url, charset, markRemoved: true, images, words: headerWords() });
      for (const chunk of chunks) feed(chunk);
    })
    .catch(fail);
  /** Hands on the original bytes as they came, and lets the rest of the response through. */
  const giveUp = (reason) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    console.warn(`Lectern: ${url} is shown as the site sent it: ${reason}`);
    fail(new Error(reason));
    for (const chunk of chunks) filter.write(chunk);
    chunks.length = 0;
    if (stopped) filter.close();
    else filter.disconnect();
  };
  filter.ondata = ({ data }) => {
    timer ??= setTimeout(() => giveUp(`not decided within ${DECIDE_MS} ms of its first byte`), DECIDE_MS);
    chunks.push(data);
    bytes += data.byteLength;
    if (bytes > MAX_BYTES) giveUp(`larger than ${MAX_BYTES / 1024 / 1024} MiB`);
    else feed(data);
  };
  filter.onstop = async () => {
    stopped = true;
    if (settled) return;
    let page = null;
    let entry = null;
    try {
      await started;
      if (!failed && extractor) {
        const done = extractor;
        extractor = null;
        let article;
        try {
          article = done.end();
        } finally {
          try {
            done.free();
          } catch {
            // a reset instance: nothing to free
          }
        }
        if (article.readerable && article.text?.trim()) {
          const settings = await settingsRead;
          // The page as the site sent it, for a problem report (by the header's charset only).
          let original = null;
          try {
            original = new TextDecoder(charset || 'utf-8').decode(await new Blob(chunks).arrayBuffer());
          } catch {
            // a charset TextDecoder does not know
          }
          page = readerPage(article, settings);
          entry = { url: pageKey(url), article, html: original };
        }
      }
    } catch (e) {
      fail(e);
      page = null;
    }
    // Given up on meanwhile: the original is written already.
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (page) streamed.set(tabId, entry);
    try {
      if (page) filter.write(new TextEncoder().encode(page));
      else for (const chunk of chunks) filter.write(chunk);
    } finally {
      filter.close();
    }
  };
  filter.onerror = () => fail(new Error(filter.error));
  return {};
}

/** Streams the always-reader sites' articles from now on, where the browser can. */
export function filterAlwaysResponses() {
  if (!api.webRequest?.filterResponseData) return;
  api.webRequest.onHeadersReceived.addListener(onAlwaysHeaders, { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] }, [
    'blocking',
    'responseHeaders',
  ]);
}
