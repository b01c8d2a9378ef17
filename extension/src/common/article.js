// The reader document comes rendered by the core (src/render.rs): header and body, the
// same in the reader view, Firefox's streamed page and the playground. The extension hands
// it the header's words in the reader's language, and writes the date out in the page's.
import { t } from './i18n.js';

/** The header's words for the core (`Options::words`): "$1 min read" in this locale. */
export const headerWords = () => ({ readingTime: t('minutesRead', '$1') });

/**
 * Writes the document's dates out in its language (`lang`), from their `datetime`: the
 * core writes them in English.
 */
export function localizeDates(root, lang) {
  for (const time of root.querySelectorAll('time.lectern-date[datetime]')) {
    const value = time.getAttribute('datetime');
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) continue;
    // A bare date is midnight UTC: shown in local time it could be the day before.
    const options = { year: 'numeric', month: 'long', day: 'numeric' };
    if (/^\d{4}-\d\d-\d\d$/.test(value)) options.timeZone = 'UTC';
    try {
      time.textContent = date.toLocaleDateString(lang || undefined, options);
    } catch {
      time.textContent = date.toLocaleDateString(undefined, options); // the page's lang is not a valid tag
    }
  }
}
