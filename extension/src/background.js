// Lectern's background: turns the reader view on and off in a tab, and runs the wasm
// extraction core for the content scripts. Every listener is added here, at once, as a
// service worker's must be; the work is in background/.
import { api } from './common/api.js';
import { readerSettings } from './common/settings.js';
import { originOf, pageKey } from './common/urls.js';
import { ACTIONS, createMenus, send } from './background/actions.js';
import { addNeverPage, alwaysApplies, alwaysListed, listsReady, onListsChanged, originalOnce, revealPage, syncAlwaysScripts } from './background/always-sites.js';
import { updateReaderableBadge } from './background/badge.js';
import { extractArticle, findClutter, readerTemplate, warmUpSoon } from './background/core.js';
import { saveReport } from './background/report.js';
import { filterAlwaysResponses, streamed } from './background/response-filter.js';

api.storage.onChanged.addListener(onListsChanged);
api.permissions.onAdded?.addListener(() => syncAlwaysScripts());
api.permissions.onRemoved?.addListener(() => syncAlwaysScripts());
api.runtime.onStartup?.addListener(() => syncAlwaysScripts());
api.tabs.onRemoved.addListener((tabId) => streamed.delete(tabId));
syncAlwaysScripts();
if (FIREFOX) filterAlwaysResponses();
// The core compiles and warms up now, not on the reader's first toggle (background/core.js).
warmUpSoon();

api.runtime.onInstalled.addListener(createMenus);
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

// Messages come from Lectern's content scripts only, each in a tab's page: whatever a
// message acts on is the sender's own tab and page (sender.tab, sender.url), never one it
// names; and it gets back only what it needs, never the lists, the report address or reports.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id || !sender.tab || !sender.url) return false;
  const answer = (promise) => {
    promise.then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
    return true; // the answer comes asynchronously
  };
  // The always-reader scripts run in the top frame only.
  if (message?.type?.startsWith('always-') && sender.frameId !== 0) return false;
  switch (message?.type) {
    case 'extract':
      // listed: the toolbar offers "Always on this site" where it is not.
      return answer(
        Promise.all([extractArticle(message.html, message.url, message.images !== false), listsReady]).then(([reply]) => ({
          ...reply,
          listed: alwaysListed(sender.url),
        })),
      );
    case 'declutter':
      return answer(findClutter(message.html, message.url));
    case 'report':
      return answer(saveReport(message.report, sender.url));
    case 'open-reports':
      return answer(api.tabs.create({ url: api.runtime.getURL('options.html#reports') }).then(() => ({ ok: true })));
    case 'always-check': // Chrome's fast path, at document_start
      return answer(listsReady.then(() => ({ go: alwaysApplies(sender.url) })));
    case 'always-reveal': // Chrome's fast path is done: the page shows (always-hide.css)
      return answer(revealPage(sender));
    case 'always-streamed': {
      const entry = streamed.get(sender.tab.id);
      if (!entry || entry.url !== pageKey(sender.url)) return answer(Promise.resolve({ ok: false }));
      return answer(
        Promise.all([readerTemplate(), readerSettings()]).then(([template, settings]) => ({
          ok: true,
          article: entry.article,
          html: entry.html,
          template,
          settings,
        })),
      );
    }
    case 'always-original':
      originalOnce.add(`${sender.tab.id} ${pageKey(sender.url)}`);
      return answer(Promise.resolve({ ok: true }));
    case 'always-never':
      return answer(addNeverPage(sender.url));
    case 'always-ask': {
      const origin = originOf(sender.url);
      if (!origin) return false;
      return answer(api.tabs.create({ url: api.runtime.getURL(`options.html#always=${encodeURIComponent(origin)}`) }).then(() => ({ ok: true })));
    }
    default:
      return false;
  }
});
