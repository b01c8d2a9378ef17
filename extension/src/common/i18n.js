// The extension's strings (_locales), for every script and page.
import { api } from './api.js';

/** A localized string (the key itself if it is missing, so a gap shows rather than hides). */
export const t = (key, ...substitutions) => api.i18n.getMessage(key, substitutions) || key;

/**
 * Fills `root`'s data-i18n (text) and data-i18n-label (aria-label and title) elements, and
 * gives `root` the strings' language and direction: the toolbar speaks the extension's
 * language while the article keeps its own (an Arabic article reads right to left under an
 * English toolbar), and the options page follows its strings, not the browser.
 */
export function localize(root) {
  root.lang = t('locale');
  root.dir = t('@@bidi_dir');
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-label]')) {
    const text = t(node.dataset.i18nLabel);
    node.setAttribute('aria-label', text);
    node.title = text;
  }
}
