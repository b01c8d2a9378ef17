// Lectern's background: turns the reader view on and off in a tab, and runs the wasm
// extraction core for the content script. The core runs here and not in the page because
// Chrome refuses wasm in content scripts on pages whose CSP forbids it.
//
// The "readerable" badge (a page looks like an article) is opt-in, from the options page:
// checking pages as they load needs host permissions, which Lectern asks for only then.
// Without them it reads a page only when the user asks (activeTab).

// A namespace import, so that __wbg_reset_state (emitted by wasm-bindgen's
// --experimental-reset-state-function) is optional rather than a link error.
import * as lectern from './pkg/lectern.js';
import './settings.js';
import './reports.js';

const api = globalThis.browser ?? globalThis.chrome;
const t = (key) => api.i18n.getMessage(key);

// The wasm module is fetched and instantiated on the first extraction only.
let ready;
function load() {
  ready ??= lectern.default().catch((e) => {
    ready = undefined;
    throw e;
  });
  return ready;
}

// Runs `call` on the core. A panic (panic = "abort": a trap) or a stack overflow stops the
// module mid-call, leaving its memory inconsistent; the next call gets a fresh instance.
// Errors the core returns itself leave it sound. Either way the error is returned, not thrown.
async function useCore(call) {
  try {
    await load();
    return { ok: true, value: call() };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      lectern.__wbg_reset_state?.();
    }
    return { ok: false, error: String(e) };
  }
}

// The reader view's structure (reader.html), read once.
let template;
function readerTemplate() {
  template ??= fetch(api.runtime.getURL('reader.html')).then((r) => r.text());
  return template;
}

// Every removed block comes marked in the content: the reader view shows or hides them
// itself, so switching a category costs no second extraction.
async function extractArticle(html, url, images) {
  const { ok, value, error } = await useCore(() => lectern.extract(html, { url, images, markRemoved: true }));
  return ok ? { ok, article: value, template: await readerTemplate() } : { ok, error };
}

async function findClutter(html, url) {
  const { ok, value, error } = await useCore(() => lectern.declutter(html, { url }));
  return ok ? { ok, removed: value } : { ok, error };
}

// Keeps a problem report, and sends it to the reader's own endpoint if they set one (and
// granted Lectern that origin then). The local copy stays either way.
async function saveReport(report) {
  const id = await lecternReports.save(report);
  const { reportEndpoint } = lecternSettings(await api.storage.sync.get('reportEndpoint'));
  const pattern = lecternOriginPattern(reportEndpoint);
  if (!pattern) return { ok: true, id };
  const host = new URL(reportEndpoint).host;
  if (!(await api.permissions.contains({ origins: [pattern] }))) {
    return { ok: true, id, host, error: t('reportNotAllowed') };
  }
  return { ok: true, id, host, error: await lecternReports.send(report, reportEndpoint) };
}

// The cheap check for the badge: false when the core cannot tell.
async function probablyReaderable(html) {
  const { ok, value } = await useCore(() => lectern.isProbablyReaderable(html));
  return ok && value;
}

// Shows in the toolbar whether a page that has just loaded looks like an article, when the
// user turned that on and granted Lectern the page's origin.
async function updateReaderableBadge(tabId, tab) {
  if (!tab.url) return; // known only with host permission for the page
  const url = new URL(tab.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  const { readerableBadge } = lecternSettings(await api.storage.sync.get('readerableBadge'));
  if (!readerableBadge) return;
  if (!(await api.permissions.contains({ origins: [`${url.origin}/*`] }))) return;
  let html;
  try {
    // Nothing while the reader view is on: the badge belongs to it then.
    [{ result: html }] = await api.scripting.executeScript({
      target: { tabId },
      func: () => (Object.hasOwn(globalThis, '__lectern') && globalThis.__lectern.saved ? null : document.documentElement.outerHTML),
    });
  } catch {
    return; // a page that refuses scripts, or a tab closed meanwhile
  }
  if (typeof html !== 'string') return;
  const readerable = await probablyReaderable(html);
  await Promise.all(
    readerable
      ? [
          api.action.setBadgeText({ tabId, text: '✓' }),
          api.action.setBadgeBackgroundColor({ tabId, color: '#2e7d32' }),
          api.action.setTitle({ tabId, title: t('badgeTitle') }),
        ]
      : [
          api.action.setBadgeText({ tabId, text: '' }),
          api.action.setTitle({ tabId, title: t('actionTitle') }),
        ],
  );
}

// Sends `type` ('toggle' or 'declutter') to the tab's content script, injecting it first.
async function send(type, tab) {
  // The wasm compiles while the content script is injected and captures the page.
  load().catch(() => {});
  try {
    tab ??= (await api.tabs.query({ active: true, currentWindow: true }))[0];
    const target = { tabId: tab.id };
    // The scripts and stylesheet last as long as the document: inject them on first use only.
    const [{ result: loaded }] = await api.scripting.executeScript({
      target,
      // Own: a page element named __lectern shows through to window (DOM clobbering).
      func: () => Object.hasOwn(globalThis, '__lectern'),
    });
    if (!loaded) {
      await api.scripting.insertCSS({ target, files: ['reader.css'] });
      await api.scripting.executeScript({ target, files: ['settings.js', 'content.js'] });
    }
    const reply = await api.tabs.sendMessage(tab.id, { type });
    if (reply?.on) await api.action.setBadgeText({ tabId: tab.id, text: '' });
    return reply;
  } catch (e) {
    // Browser pages, extension stores and built-in viewers refuse scripts: the badge is
    // the only place left to say so.
    if (tab) api.action.setBadgeText({ tabId: tab.id, text: '!' }).catch(() => {});
    return { on: false, error: String(e) };
  }
}

// ---------------------------------------------------------------------------------------
// Always-reader sites (options page: add, remove; reader view: "Always on this site").
// Each listed origin is also a granted host permission: the content scripts below run there
// from document_start, and in Firefox the response itself is rewritten.

const firefox = api.runtime.getURL('').startsWith('moz-extension:');

/** alwaysSites and neverPages, kept here so a request can be decided at once. */
let lists = { alwaysSites: [], neverPages: [] };
const listsReady = api.storage.sync
  .get(['alwaysSites', 'neverPages'])
  .then((stored) => (lists = lecternSettings(stored)))
  .catch(() => {});
/** Pages to show as the site sent them once ("Show original"): "tabId url". */
const originalOnce = new Set();
/** Firefox: the article of each tab's streamed page, for its content script: tabId → {url, article, html}. */
const streamed = new Map();

/** Whether `url` opens as the reader view by itself (a listed origin, not a never page). */
function alwaysApplies(url) {
  const origin = lecternOrigin(url);
  return Boolean(origin && lists.alwaysSites.includes(origin) && !lists.neverPages.includes(lecternPageKey(url)));
}

// The content scripts for the listed, granted origins; registered again whenever the list
// or the permissions change (and when the background starts), one update at a time.
let syncing = Promise.resolve();
function syncAlwaysScripts() {
  syncing = syncing.then(async () => {
    await listsReady;
    lists = lecternSettings(await api.storage.sync.get(['alwaysSites', 'neverPages']));
    const patterns = [];
    for (const origin of lists.alwaysSites) {
      const pattern = lecternOriginPattern(origin);
      if (!patterns.includes(pattern) && (await api.permissions.contains({ origins: [pattern] }))) patterns.push(pattern);
    }
    const id = 'lectern-always';
    const [current] = await api.scripting.getRegisteredContentScripts({ ids: [id] });
    if (current && JSON.stringify([...current.matches].sort()) === JSON.stringify([...patterns].sort())) return;
    if (current) await api.scripting.unregisterContentScripts({ ids: [id] });
    if (!patterns.length) return;
    await api.scripting.registerContentScripts([
      {
        id,
        matches: patterns,
        js: ['settings.js', 'content.js', 'always.js'],
        css: firefox ? ['reader.css'] : ['reader.css', 'always-hide.css'],
        runAt: 'document_start',
        allFrames: false,
      },
    ]);
  }).catch((e) => console.warn('Lectern: always-reader scripts', e));
  return syncing;
}

api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'sync' || !(changes.alwaysSites || changes.neverPages)) return;
  const next = {};
  for (const name of ['alwaysSites', 'neverPages']) if (changes[name]) next[name] = changes[name].newValue;
  lists = lecternSettings({ ...lists, ...next });
  if (changes.alwaysSites) syncAlwaysScripts();
});
api.permissions.onAdded?.addListener(() => syncAlwaysScripts());
api.permissions.onRemoved?.addListener(() => syncAlwaysScripts());
api.runtime.onStartup?.addListener(() => syncAlwaysScripts());
api.tabs.onRemoved.addListener((tabId) => streamed.delete(tabId));
syncAlwaysScripts();

async function addNeverPage(url) {
  const key = lecternPageKey(url);
  if (!key) return { ok: false };
  const { neverPages } = lecternSettings(await api.storage.sync.get('neverPages'));
  if (!neverPages.includes(key)) await api.storage.sync.set({ neverPages: [...neverPages, key].slice(-LECTERN_LIST_LIMITS.neverPages) });
  return { ok: true };
}

// Firefox: rewrite an article's response into the reader page as its bytes arrive.
//
// Left alone: anything but a GET for a tab's main frame; a status other than 200 (so
// redirects and errors); a content type other than text/html; a download (Content-
// Disposition: attachment); an origin not listed, or a never page; the one load after "Show
// original"; and a response with neither a server address nor a cache hit behind it, which
// is what a service worker's own answer looks like here. Not detectable from the request's
// details, so not excluded: a worker that passes a network response through (it still shows
// the server's address) is streamed like any other; and view-source: carries no flag of its
// own (untested: WebDriver cannot navigate to view-source:).
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
  const once = `${details.tabId} ${lecternPageKey(details.url)}`;
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
  let extractor = null;
  let failed = false;
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
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) lectern.__wbg_reset_state?.();
    try {
      extractor?.free();
    } catch {
      // a reset instance: nothing to free
    }
    extractor = null;
  };
  const settingsRead = api.storage.sync.get(null).then(lecternSettings, () => lecternSettings());
  const started = load()
    .then(async () => {
      const { images } = await settingsRead;
      extractor = new lectern.Extractor({ url, charset, markRemoved: true, images });
      for (const chunk of chunks) feed(chunk);
    })
    .catch(fail);
  filter.ondata = ({ data }) => {
    chunks.push(data);
    feed(data);
  };
  filter.onstop = async () => {
    let page = null;
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
          streamed.set(tabId, { url: lecternPageKey(url), article, html: original });
        }
      }
    } catch (e) {
      fail(e);
      page = null;
    }
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

if (firefox && api.webRequest?.filterResponseData) {
  api.webRequest.onHeadersReceived.addListener(onAlwaysHeaders, { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] }, [
    'blocking',
    'responseHeaders',
  ]);
}

const escapeHtml = (text) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * The article for the streamed page's first paint: without its removed blocks, which the
 * page would otherwise render hidden and fetch their images for. always.js builds the full
 * reader view (removed blocks kept aside) from the article itself.
 */
function prerenderedContent(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const block of doc.querySelectorAll('[data-lectern-removed]')) block.remove();
  return doc.body.innerHTML;
}

/**
 * The streamed reader page: complete, UTF-8 (a BOM first: it outranks the charset of the
 * response's Content-Type header, which still names the site's encoding), no script allowed
 * (a meta CSP: the headers left before the body was known), the article as the reader view
 * shows it minus its toolbar, which always.js adds. reader.css comes with the content script
 * registration, so no extension file needs to be web-accessible.
 */
function readerPage(article, settings) {
  const minutes = Math.max(1, Math.round(article.reading_minutes || 0));
  let date = '';
  const published = new Date(article.published_time ?? '');
  if (!Number.isNaN(published.getTime())) {
    const options = { year: 'numeric', month: 'long', day: 'numeric' };
    if (/^\d{4}-\d\d-\d\d$/.test(article.published_time)) options.timeZone = 'UTC';
    try {
      date = published.toLocaleDateString(article.lang || undefined, options);
    } catch {
      date = published.toLocaleDateString(undefined, options);
    }
  }
  const meta = [article.byline, date, api.i18n.getMessage('minutesRead', [String(minutes)])].filter(Boolean).join(' · ');
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const dir = article.dir ? ` dir="${escapeHtml(article.dir)}"` : '';
  const style = `--lectern-size:${settings.fontSize}px;--lectern-width:${settings.lineWidth}ch;--lectern-leading:${settings.lineHeight}`;
  return `\ufeff<!doctype html>
<html data-lectern-streamed class="lectern-active"${lang}${dir}><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title></head>
<body style="margin:0"><div id="lectern-reader" data-lectern-prerender data-theme="${escapeHtml(settings.theme)}" data-font="${escapeHtml(settings.font)}" data-align="${escapeHtml(settings.align)}" style="${style}" lang="${escapeHtml(t('locale'))}" dir="${escapeHtml(t('@@bidi_dir'))}">
<main class="lectern-page"${lang}${dir}><header class="lectern-header">
${article.site_name ? `<p class="lectern-site">${escapeHtml(article.site_name)}</p>` : ''}
<h1 class="lectern-title">${escapeHtml(article.title)}</h1>
<p class="lectern-meta">${escapeHtml(meta)}</p></header>
<article class="lectern-content">${prerenderedContent(article.content)}</article></main></div></body></html>
`;
}

const ACTIONS = { 'toggle-reader': 'toggle', 'declutter-page': 'declutter' };

api.runtime.onInstalled.addListener(() => {
  // An update keeps the old items: recreating them under the same ids would fail.
  api.contextMenus.removeAll().then(() => {
    api.contextMenus.create({ id: 'toggle-reader', title: t('menuReader'), contexts: ['page'] });
    api.contextMenus.create({ id: 'declutter-page', title: t('menuDeclutter'), contexts: ['page'] });
  });
});

api.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
  if (changeInfo.status === 'complete') updateReaderableBadge(tabId, tab).catch(() => {});
});

api.action.onClicked.addListener((tab) => send('toggle', tab));
api.commands.onCommand.addListener((command, tab) => {
  if (ACTIONS[command]) send(ACTIONS[command], tab);
});
api.contextMenus.onClicked.addListener((info, tab) => {
  if (ACTIONS[info.menuItemId]) send(ACTIONS[info.menuItemId], tab);
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const answer = (promise) => {
    promise.then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
    return true; // the answer comes asynchronously
  };
  switch (message?.type) {
    case 'extract':
      return answer(extractArticle(message.html, message.url, message.images !== false));
    case 'declutter':
      return answer(findClutter(message.html, message.url));
    case 'report':
      return answer(saveReport(message.report));
    case 'always-check': // Chrome's fast path, at document_start
      return answer(
        listsReady.then(async () => ({
          go: alwaysApplies(message.url),
          settings: await api.storage.sync.get(null),
        })),
      );
    case 'always-streamed': {
      const entry = streamed.get(sender.tab?.id);
      if (!entry || entry.url !== lecternPageKey(message.url)) return answer(Promise.resolve({ ok: false }));
      return answer(
        Promise.all([readerTemplate(), api.storage.sync.get(null)]).then(([template, settings]) => ({
          ok: true,
          article: entry.article,
          html: entry.html,
          template,
          settings,
        })),
      );
    }
    case 'always-original':
      if (sender.tab) originalOnce.add(`${sender.tab.id} ${lecternPageKey(message.url)}`);
      return answer(Promise.resolve({ ok: true }));
    case 'always-never':
      return answer(addNeverPage(message.url));
    case 'always-ask': {
      const origin = lecternOrigin(message.origin);
      if (!origin) return false;
      return answer(api.tabs.create({ url: api.runtime.getURL(`options.html#always=${encodeURIComponent(origin)}`) }).then(() => ({ ok: true })));
    }
    default:
      return false;
  }
});

// For tests: the same entries as the toolbar button and the "Declutter page" command.
globalThis.lecternToggle = (tab) => send('toggle', tab);
globalThis.lecternDeclutter = (tab) => send('declutter', tab);
// For tests: wait until the always-reader content scripts match the stored list.
globalThis.lecternSyncAlways = () => syncAlwaysScripts();
