// How an article's header reads, the same in the reader view and in Firefox's streamed
// first paint of it.
import { t } from './i18n.js';

/** "Byline · date · N min read", leaving out what the article does not say. */
export function articleMeta(article) {
  const minutes = Math.max(1, Math.round(article.reading_minutes || 0));
  return [article.byline, formatDate(article.published_time, article.lang), t('minutesRead', String(minutes))].filter(Boolean).join(' · ');
}

function formatDate(value, lang) {
  const date = new Date(value ?? '');
  if (Number.isNaN(date.getTime())) return '';
  // A bare date is midnight UTC: shown in local time it could be the day before.
  const options = { year: 'numeric', month: 'long', day: 'numeric' };
  if (/^\d{4}-\d\d-\d\d$/.test(value)) options.timeZone = 'UTC';
  try {
    return date.toLocaleDateString(lang || undefined, options);
  } catch {
    return date.toLocaleDateString(undefined, options); // the page's lang is not a valid tag
  }
}
