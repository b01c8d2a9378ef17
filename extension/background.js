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

const api = globalThis.browser ?? globalThis.chrome;
const MENU_ID = 'lectern-reader-view';

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

async function extractArticle(html, url) {
  const { ok, value, error } = await useCore(() => lectern.extract(html, { url }));
  return ok ? { ok, article: value, template: await readerTemplate() } : { ok, error };
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
  const { readerableBadge } = await api.storage.sync.get('readerableBadge');
  if (readerableBadge !== true) return;
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
          api.action.setTitle({ tabId, title: 'Reader view available (Alt+Shift+R)' }),
        ]
      : [
          api.action.setBadgeText({ tabId, text: '' }),
          api.action.setTitle({ tabId, title: api.runtime.getManifest().action.default_title }),
        ],
  );
}

async function toggle(tab) {
  try {
    tab ??= (await api.tabs.query({ active: true, currentWindow: true }))[0];
    const target = { tabId: tab.id };
    // The script and stylesheet last as long as the document: inject them on first use only.
    const [{ result: loaded }] = await api.scripting.executeScript({
      target,
      func: () => Boolean(globalThis.__lectern),
    });
    if (!loaded) {
      await api.scripting.insertCSS({ target, files: ['reader.css'] });
      await api.scripting.executeScript({ target, files: ['content.js'] });
    }
    const reply = await api.tabs.sendMessage(tab.id, { type: 'toggle' });
    if (reply?.on) await api.action.setBadgeText({ tabId: tab.id, text: '' });
    return reply;
  } catch (e) {
    // Browser pages, extension stores and built-in viewers refuse scripts: the badge is
    // the only place left to say so.
    if (tab) api.action.setBadgeText({ tabId: tab.id, text: '!' }).catch(() => {});
    return { on: false, error: String(e) };
  }
}

api.runtime.onInstalled.addListener(() => {
  // An update keeps the old item: recreating it under the same id would fail.
  api.contextMenus
    .removeAll()
    .then(() => api.contextMenus.create({ id: MENU_ID, title: 'Reader view', contexts: ['page'] }));
});

api.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
  if (changeInfo.status === 'complete') updateReaderableBadge(tabId, tab).catch(() => {});
});

api.action.onClicked.addListener((tab) => toggle(tab));
api.commands.onCommand.addListener((command, tab) => {
  if (command === 'toggle-reader') toggle(tab);
});
api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) toggle(tab);
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  switch (message?.type) {
    case 'extract':
      extractArticle(message.html, message.url).then(sendResponse, (e) =>
        sendResponse({ ok: false, error: String(e) }),
      );
      return true; // the answer comes asynchronously
    default:
      return false;
  }
});

// For tests: the same entry as the toolbar button.
globalThis.lecternToggle = (tab) => toggle(tab);
