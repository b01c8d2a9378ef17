// The reader document comes rendered by the core (src/render.rs): header and body, the
// same in the reader view, Firefox's streamed page and the playground. The extension hands
// it the header's words in the reader's language, and writes the date out in the page's.
import { t } from './i18n.js';

/** The header's words for the core (`Options::words`): "$1 min read" in this locale. */
export const headerWords = () => ({ readingTime: t('minutesRead', '$1') });

/**
 * Writes the document's dates out in its language (`lang`), from their `datetime`: the
 * core writes them in English. `written`: dates already written out (writtenDates), by their
 * `datetime`.
 */
export function localizeDates(root, lang, written = {}) {
  for (const time of root.querySelectorAll('time.lectern-date[datetime]')) {
    const value = time.getAttribute('datetime');
    const text = Object.hasOwn(written, value) ? written[value] : dateText(value, lang);
    if (text !== null) time.textContent = text;
  }
}

/**
 * The dates of a rendered document (`article.document`) written out in its language, by their
 * `datetime`, for localizeDates. The background writes them: the first date a JS context
 * writes out costs it 13–22 ms (Intl's locale data), which a content script, new on every
 * page, would pay on each toggle, and the background once. The document's one date is the
 * header's, which the core renders from the published time (src/render.rs), its `datetime`
 * the time trimmed: read from there, not searched for in the rendered document.
 */
export function writtenDates(article) {
  const value = article.published_time?.trim();
  const text = value ? dateText(value, article.lang) : null;
  return text === null ? {} : { [value]: text };
}

/** A `datetime` value written out in `lang`; null for what is not a date. */
export function dateText(value, lang) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  // A bare date is midnight UTC: shown in local time it could be the day before.
  return dateFormat(lang, /^\d{4}-\d\d-\d\d$/.test(value)).format(date);
}

// The formats made so far, by language and time zone: making one costs ~1–3 ms.
const formats = new Map();
function dateFormat(lang, utc) {
  const key = `${lang ?? ''} ${utc}`;
  let format = formats.get(key);
  if (!format) {
    const options = { year: 'numeric', month: 'long', day: 'numeric', timeZone: utc ? 'UTC' : undefined };
    try {
      format = new Intl.DateTimeFormat(lang || undefined, options);
    } catch {
      format = new Intl.DateTimeFormat(undefined, options); // the page's lang is not a valid tag
    }
    formats.set(key, format);
  }
  return format;
}
