// The "save" panel: the article as a file of its own, named after its title. A web page
// (the reader view as shown, with the reader's styles inlined, no script, a policy that
// would stop any, and its images linked where they are), or Markdown (turndown). Print
// needs nothing here: the reader view prints the article alone (reader.css).
import TurndownService from 'turndown';
import READER_CSS from '../../reader.css';
import { download } from '../common/download.js';
import { onUserClick } from '../common/user-input.js';

/** What the saved page may load: its images and media where they are, its own styles; no script. */
const SAVED_POLICY = "default-src 'none'; img-src http: https: data:; media-src http: https:; style-src 'unsafe-inline'";

/**
 * The reader view's parts that are no article (its controls, the removed blocks not kept),
 * and what the page's scripts may have put into it since (the core's article has none).
 */
const NOT_SAVED = [
  '#lectern-controls',
  '.lectern-empty',
  '.lectern-removed-label',
  '[data-lectern-removed]:is([hidden], .lectern-removed-shown)',
  'script, meta, base',
].join(', ');

/** The longest file name made of a title, before its extension. */
const NAME_LENGTH = 100;

/** Wires the panel's two buttons (in the controls' shadow root). */
export function wireSavePanel(controls, reader, article) {
  const panel = controls.getElementById('lectern-save');
  const name = (extension) => `${fileName(article.title)}.${extension}`;
  onUserClick(panel.querySelector('.lectern-save-html'), () =>
    download(name('html'), savedPage(reader, article), 'text/html', controls),
  );
  onUserClick(panel.querySelector('.lectern-save-markdown'), () =>
    download(name('md'), markdown(reader), 'text/markdown', controls),
  );
}

/** The reader view as it reads now, without its controls or what was removed. */
function articleCopy(reader) {
  const copy = reader.cloneNode(true);
  for (const node of copy.querySelectorAll(NOT_SAVED)) node.remove();
  // Without script the contents stay open, under their name instead of their button.
  const toggle = copy.querySelector('.lectern-toc-toggle');
  if (toggle) {
    const title = Object.assign(document.createElement('p'), { id: toggle.id, className: 'lectern-toc-title', textContent: toggle.textContent });
    toggle.replaceWith(title);
    copy.querySelector('.lectern-toc-list').hidden = false;
  }
  copy.classList.remove('lectern-marking');
  for (const node of copy.querySelectorAll('.lectern-marked')) node.classList.remove('lectern-marked');
  return copy;
}

/** A self-contained HTML document of the reader view. */
function savedPage(reader, article) {
  const page = document.implementation.createHTMLDocument(article.title || location.hostname);
  page.documentElement.lang = article.lang || '';
  const meta = (attributes) => {
    const node = page.createElement('meta');
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  };
  page.head.prepend(
    meta({ charset: 'utf-8' }),
    meta({ 'http-equiv': 'Content-Security-Policy', content: SAVED_POLICY }),
    meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' }),
  );
  const style = page.createElement('style');
  // The reader sits in <body> here, not beside it: the page's margin goes.
  style.textContent = `${READER_CSS}\nbody { margin: 0; }\n`;
  page.head.append(style);
  page.body.append(page.importNode(articleCopy(reader), true));
  return `<!doctype html>\n${page.documentElement.outerHTML}\n`;
}

/** The article (header, text and the link to the original) as Markdown. */
function markdown(reader) {
  const copy = articleCopy(reader);
  const article = document.createElement('div');
  article.append(...copy.querySelectorAll('.lectern-document, .lectern-footer'));
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  return `${turndown.turndown(article)}\n`;
}

/** A file name of the title: no characters a file system refuses, one line, not too long. */
function fileName(title) {
  const name = (title ?? '')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, NAME_LENGTH)
    .trim();
  return name || location.hostname || 'article';
}
