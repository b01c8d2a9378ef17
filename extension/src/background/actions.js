// The reader's two actions, from the toolbar button, the shortcuts and the page's context
// menu: the reader view and "declutter page", carried out by the tab's content script.
import { api } from '../common/api.js';
import { t } from '../common/i18n.js';
import { wantCore } from './core.js';

/** Command and menu item ids → the content script's message type. */
export const ACTIONS = { 'toggle-reader': 'toggle', 'declutter-page': 'declutter' };

export function createMenus() {
  // An update keeps the old items: recreating them under the same ids would fail.
  api.contextMenus.removeAll().then(() => {
    api.contextMenus.create({ id: 'toggle-reader', title: t('menuReader'), contexts: ['page'] });
    api.contextMenus.create({ id: 'declutter-page', title: t('menuDeclutter'), contexts: ['page'] });
  });
}

// Sends `type` ('toggle' or 'declutter') to the tab's content script, injecting it first.
export async function send(type, tab) {
  // The wasm compiles while the content script is injected and captures the page.
  wantCore();
  try {
    tab ??= (await api.tabs.query({ active: true, currentWindow: true }))[0];
    const target = { tabId: tab.id };
    // The script and stylesheet last as long as the document: inject them on first use only.
    const [{ result: loaded }] = await api.scripting.executeScript({
      target,
      // Own: a page element named __lectern shows through to window (DOM clobbering).
      func: () => Object.hasOwn(globalThis, '__lectern'),
    });
    // Both at once: one round trip to the tab fewer. The stylesheet is in before the message
    // below, and the reader view is shown only after it.
    if (!loaded) {
      await Promise.all([
        api.scripting.insertCSS({ target, files: ['reader.css'] }),
        api.scripting.executeScript({ target, files: ['content.js'] }),
      ]);
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
