// The "readerable" badge (a page looks like an article) is opt-in, from the options page:
// checking pages as they load needs host permissions, which Lectern asks for only then.
// Without them it reads a page only when the user asks (activeTab).
import { api } from '../common/api.js';
import { t } from '../common/i18n.js';
import { storedSettings } from '../common/settings.js';
import { probablyReaderable } from './core.js';

// Shows in the toolbar whether a page that has just loaded looks like an article, when the
// user turned that on and granted Lectern the page's origin.
export async function updateReaderableBadge(tabId, tab) {
  if (!tab.url) return; // known only with host permission for the page
  const url = new URL(tab.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  const { readerableBadge } = await storedSettings('readerableBadge');
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
