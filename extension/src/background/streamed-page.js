// The page Firefox's response filter writes in place of an article's response.
import { localizeDates } from '../common/article.js';
import { t } from '../common/i18n.js';

const escapeHtml = (text) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * The reader document for the streamed page's first paint: without its removed blocks,
 * which the page would otherwise render hidden and fetch their images for, and with its
 * dates in the page's language. always.js builds the full reader view (removed blocks kept
 * aside) from the article itself.
 */
function prerenderedDocument(article) {
  const doc = new DOMParser().parseFromString(article.document, 'text/html');
  for (const block of doc.querySelectorAll('[data-lectern-removed]')) block.remove();
  localizeDates(doc.body, article.lang);
  return doc.body.innerHTML;
}

/**
 * The streamed reader page: complete, UTF-8 (a BOM first: it outranks the charset of the
 * response's Content-Type header, which still names the site's encoding), no script allowed
 * (a meta CSP: the headers left before the body was known), the article as the reader view
 * shows it minus its toolbar, which always.js adds. reader.css comes with the content script
 * registration, so no extension file needs to be web-accessible.
 */
export function readerPage(article, settings) {
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const dir = article.dir ? ` dir="${escapeHtml(article.dir)}"` : '';
  const style = `--lectern-size:${settings.fontSize}px;--lectern-width:${settings.lineWidth}ch;--lectern-leading:${settings.lineHeight}`;
  return `\ufeff<!doctype html>
<html data-lectern-streamed class="lectern-active"${lang}${dir}><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title></head>
<body style="margin:0"><div id="lectern-reader" data-lectern-prerender data-theme="${escapeHtml(settings.theme)}" data-font="${escapeHtml(settings.font)}" data-align="${escapeHtml(settings.align)}" style="${style}" lang="${escapeHtml(t('locale'))}" dir="${escapeHtml(t('@@bidi_dir'))}">
<main class="lectern-page">${prerenderedDocument(article)}</main></div></body></html>
`;
}
