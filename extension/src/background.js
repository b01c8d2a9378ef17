// Lectern's background: turns the reader view on and off in a tab, and runs the wasm
// extraction core for the content scripts. Every listener is added here, at once, as a
// service worker's must be; the work is in background/.
import { api } from './common/api.js';
import { originOf, pageKey } from './common/urls.js';
import { ACTIONS, createMenus, send } from './background/actions.js';
import { addNeverPage, alwaysApplies, listsReady, onListsChanged, originalOnce, syncAlwaysScripts } from './background/always-sites.js';
import { updateReaderableBadge } from './background/badge.js';
import { extractArticle, findClutter, readerTemplate } from './background/core.js';
import { saveReport } from './background/report.js';
import { filterAlwaysResponses, streamed } from './background/response-filter.js';

api.storage.onChanged.addListener(onListsChanged);
api.permissions.onAdded?.addListener(() => syncAlwaysScripts());
api.permissions.onRemoved?.addListener(() => syncAlwaysScripts());
api.runtime.onStartup?.addListener(() => syncAlwaysScripts());
api.tabs.onRemoved.addListener((tabId) => streamed.delete(tabId));
syncAlwaysScripts();
if (FIREFOX) filterAlwaysResponses();

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
      if (!entry || entry.url !== pageKey(message.url)) return answer(Promise.resolve({ ok: false }));
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
      if (sender.tab) originalOnce.add(`${sender.tab.id} ${pageKey(message.url)}`);
      return answer(Promise.resolve({ ok: true }));
    case 'always-never':
      return answer(addNeverPage(message.url));
    case 'always-ask': {
      const origin = originOf(message.origin);
      if (!origin) return false;
      return answer(api.tabs.create({ url: api.runtime.getURL(`options.html#always=${encodeURIComponent(origin)}`) }).then(() => ({ ok: true })));
    }
    default:
      return false;
  }
});
