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
  const origin = lecternReports.endpointOrigin(reportEndpoint);
  if (!origin) return { ok: true, id };
  const host = new URL(reportEndpoint).host;
  if (!(await api.permissions.contains({ origins: [origin] }))) {
    return { ok: true, id, host, error: 'Lectern is not allowed to send there' };
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
      func: () => (globalThis.__lectern?.saved ? null : document.documentElement.outerHTML),
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
  try {
    tab ??= (await api.tabs.query({ active: true, currentWindow: true }))[0];
    const target = { tabId: tab.id };
    // The scripts and stylesheet last as long as the document: inject them on first use only.
    const [{ result: loaded }] = await api.scripting.executeScript({
      target,
      func: () => Boolean(globalThis.__lectern),
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
    default:
      return false;
  }
});

// For tests: the same entries as the toolbar button and the "Declutter page" command.
globalThis.lecternToggle = (tab) => send('toggle', tab);
globalThis.lecternDeclutter = (tab) => send('declutter', tab);
