// Always-reader sites (options page: add, remove; reader view: "Always on this site").
// Each listed origin is also a granted host permission: the content scripts below run there
// from document_start, and in Firefox the response itself is rewritten (response-filter.js).
import { api } from '../common/api.js';
import { LIST_LIMITS, settingsFrom, storedSettings } from '../common/settings.js';
import { originOf, originPattern, pageKey } from '../common/urls.js';

/** alwaysSites and neverPages, kept here so a request can be decided at once. */
let lists = { alwaysSites: [], neverPages: [] };
export const listsReady = storedSettings(['alwaysSites', 'neverPages'])
  .then((stored) => (lists = stored))
  .catch(() => {});

/** Pages to show as the site sent them once ("Show original"): "tabId url". */
export const originalOnce = new Set();

/** Whether `url`'s origin is an always-reader site. */
export function alwaysListed(url) {
  const origin = originOf(url);
  return Boolean(origin && lists.alwaysSites.includes(origin));
}

/** Whether `url` opens as the reader view by itself (a listed origin, not a never page). */
export function alwaysApplies(url) {
  return alwaysListed(url) && !lists.neverPages.includes(pageKey(url));
}

// The content scripts for the listed, granted origins; registered again whenever the list
// or the permissions change (and when the background starts), one update at a time.
let syncing = Promise.resolve();
export function syncAlwaysScripts() {
  syncing = syncing.then(async () => {
    await listsReady;
    lists = await storedSettings(['alwaysSites', 'neverPages']);
    const patterns = [];
    for (const origin of lists.alwaysSites) {
      const pattern = originPattern(origin);
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
        js: ['content.js', 'always.js'],
        // Firefox streams the reader page itself: nothing of the site's page to keep unpainted.
        css: FIREFOX ? ['reader.css'] : ['reader.css', 'always-hide.css'],
        runAt: 'document_start',
        allFrames: false,
      },
    ]);
  }).catch((e) => console.warn('Lectern: always-reader scripts', e));
  return syncing;
}

/** storage.onChanged: the lists follow the options page and the never button at once. */
export function onListsChanged(changes, area) {
  if (area !== 'sync' || !(changes.alwaysSites || changes.neverPages)) return;
  const next = {};
  for (const name of ['alwaysSites', 'neverPages']) if (changes[name]) next[name] = changes[name].newValue;
  lists = settingsFrom({ ...lists, ...next });
  if (changes.alwaysSites) syncAlwaysScripts();
}

/** Adds `url` to the never pages; only a page of an always-reader site has a place there. */
export async function addNeverPage(url) {
  await listsReady;
  const key = pageKey(url);
  if (!key || !alwaysListed(url)) return { ok: false };
  const { neverPages } = await storedSettings('neverPages');
  if (!neverPages.includes(key)) await api.storage.sync.set({ neverPages: [...neverPages, key].slice(-LIST_LIMITS.neverPages) });
  return { ok: true };
}

/**
 * Chrome's fast path is done with a page (always.js): the page shows again. always-hide.css
 * keeps it unpainted; a user stylesheet in that one document outranks it, and leaves nothing
 * on the page that would tell the site's scripts it is on the list.
 */
export async function revealPage(sender) {
  await api.scripting.insertCSS({
    target: { tabId: sender.tab.id, documentIds: [sender.documentId] },
    origin: 'USER',
    css: 'html { visibility: visible !important; }',
  });
  return { ok: true };
}
