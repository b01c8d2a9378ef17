// The reader view: shown in the page's own tab, over the hidden page, so that turning it
// off gives back the very same page: same nodes, scroll position, typed values, playing
// media.
import { api } from '../common/api.js';
import { localizeDates } from '../common/article.js';
import { localize, t } from '../common/i18n.js';
import { addChoices, READER_SETTINGS, readerSettings } from '../common/settings.js';
import { wireContents } from './contents.js';
import { attachControls } from './controls.js';
import { undoDeclutter } from './declutter.js';
import { enterReaderEntry, leaveReaderEntry } from './history.js';
import { hideNode, setAttribute, unhideNode } from './page.js';
import { wireReadAloud } from './read-aloud.js';
import { wireRemovedPanel } from './removed-panel.js';
import { wireReportPanel } from './report-panel.js';
import { fail } from './run.js';
import { wireSavePanel } from './save-panel.js';
import { wireSettingsPanel } from './settings-panel.js';
import { state } from './state.js';
import { wireToolbar } from './toolbar.js';

/** Elements that carry a stylesheet of the page's (each has `disabled`). */
const STYLESHEETS = 'style, link[rel~="stylesheet" i]';

export async function toggle() {
  if (state.saved) {
    restore();
    return { on: false };
  }
  // One mode at a time: the reader view reads the page as the site built it, not with
  // its clutter hidden by "declutter page" (hidden blocks would lose their category).
  if (state.hidden) undoDeclutter();
  const settings = await readerSettings();
  const html = document.documentElement.outerHTML;
  const reply = await api.runtime.sendMessage({ type: 'extract', html, url: location.href, images: settings.images });
  if (!reply?.ok) return fail(reply?.error ?? t('noAnswer'));
  state.listed = reply.listed;
  show(reply.article, reply.template, settings, html, reply.dates);
  return { on: true };
}

/** Shows an article extracted elsewhere (always.js); `html` is the page as captured. */
export function present(article, template, settings, html, always) {
  state.always = always;
  const prerender = document.querySelector('#lectern-reader[data-lectern-prerender]');
  show(article, template, settings, html);
  // The streamed page's first paint was the same reader view, without its toolbar.
  prerender?.remove();
}

/**
 * Shows the reader view; `html` is the page as captured, for a problem report; `dates` the
 * article's dates written out by the background (localizeDates).
 */
function show(article, template, settings, html, dates) {
  // Built first: should it throw, the page has not been touched yet.
  const view = buildReader(article, template, settings, html, dates);
  const { reader } = view;
  const root = document.documentElement;
  const saved = {
    view,
    x: window.scrollX,
    y: window.scrollY,
    focus: document.activeElement,
    hadClass: root.classList.contains('lectern-active'),
    classAttribute: root.getAttribute('class'),
    classes: [...root.classList].join(' '),
    // Page CSS must not restyle the reader; constructed sheets count too. Array.from, not a
    // spread: a Firefox content script sees the page's adoptedStyleSheets as an array with
    // no iterator and no length (Firefox 140 ESR throws "is not iterable"), so there they
    // are out of reach.
    sheets: [...document.styleSheets, ...Array.from(document.adoptedStyleSheets ?? [])].map((sheet) => [
      sheet,
      sheet.disabled,
    ]),
    // display: none drops inner scroll offsets (pages that scroll a container, not the window).
    scrolled: [...root.querySelectorAll('*')]
      .filter((node) => node.scrollTop || node.scrollLeft)
      .map((node) => [node, node.scrollLeft, node.scrollTop]),
    // The body, and whatever scripts put beside it (overlays, other extensions' widgets).
    hidden: [...root.children].filter((node) => node !== document.head).map(hideNode),
  };
  for (const [sheet] of saved.sheets) sheet.disabled = true;
  root.classList.add('lectern-active');
  root.append(reader);
  view.settingsPanel.measure();
  // What the page adds while the reader view is up (a late overlay, a cookie banner, a
  // stylesheet) stays out of it, and comes back with the page.
  saved.observer = new MutationObserver((records) => {
    for (const { addedNodes } of records) {
      for (const node of addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE || node.id?.startsWith('lectern-') || reader.contains(node)) continue;
        if (node.parentNode === root && node !== document.head) saved.hidden.push(hideNode(node));
        const sheets = node.matches(STYLESHEETS) ? [node] : [...node.querySelectorAll(STYLESHEETS)];
        for (const sheet of sheets) {
          saved.sheets.push([sheet, sheet.disabled]);
          sheet.disabled = true;
        }
      }
    }
  });
  saved.observer.observe(root, { childList: true, subtree: true });
  state.saved = saved;
  document.addEventListener('keydown', onKeyDown, true);
  api.storage.onChanged.addListener(onStorageChanged);
  // A streamed page is the reader view alone: Back leaves it like any page. Entered before
  // scrolling: the browser keeps the page's scroll position with the entry it leaves.
  if (state.always !== 'streamed') enterReaderEntry();
  window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
  // Focus, so the keyboard scrolls the reader and screen readers start at the article.
  reader.focus({ preventScroll: true });
}

/** Gives the page back; `byHistory`: Back did, so its history entry is left already. */
export function restore({ byHistory = false } = {}) {
  // A streamed page holds the reader view only: the original is the site's response.
  if (state.always === 'streamed') return showOriginal();
  if (!byHistory) leaveReaderEntry();
  state.always = null;
  const { saved } = state;
  state.saved = null;
  document.removeEventListener('keydown', onKeyDown, true);
  api.storage.onChanged.removeListener(onStorageChanged);
  saved.view.close();
  saved.view.reader.remove();
  saved.observer.disconnect();
  for (const [sheet, disabled] of saved.sheets) sheet.disabled = disabled;
  for (const hidden of saved.hidden) unhideNode(hidden);
  const root = document.documentElement;
  if (!saved.hadClass) root.classList.remove('lectern-active');
  // Editing classList rewrites the attribute's text: put the exact text back, unless the
  // page itself changed the classes in the meantime.
  if ([...root.classList].join(' ') === saved.classes) setAttribute(root, 'class', saved.classAttribute);
  if (saved.focus && saved.focus !== document.body && saved.focus !== root) {
    saved.focus.focus({ preventScroll: true });
  }
  // 'instant': the page's own CSS may ask for smooth scrolling.
  for (const [node, left, top] of saved.scrolled) node.scrollTo({ left, top, behavior: 'instant' });
  window.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' });
}

/** The page as the site built it: under a fast-path view it is right here; else reloaded, once. */
export function showOriginal() {
  if (state.always !== 'streamed') return restore();
  api.runtime.sendMessage({ type: 'always-original', url: location.href }).then(
    () => location.reload(),
    () => location.reload(),
  );
}

/**
 * Fills reader.html (parsed in an inert document, then adopted: no innerHTML) with the
 * article, and wires its toolbar. The core has sanitized the content the same way.
 * Returns the view: {reader, controls, panels, settingsPanel, apply(settings), close()}.
 */
function buildReader(article, template, settings, html, dates) {
  const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
  const reader = document.adoptNode(parse(template).getElementById('lectern-reader'));
  const slot = (name) => reader.querySelector(`.lectern-${name}`);
  addChoices(reader); // before localize(), which names them
  localize(reader);
  const found = Boolean(article.text?.trim());
  if (found) {
    // The core rendered the document, header and body.
    const rendered = document.adoptNode(parse(article.document).body.firstElementChild);
    localizeDates(rendered, article.lang, dates);
    // Images of removed blocks load only once their block is shown: hidden, they would
    // still be fetched (the inert parse above fetches nothing).
    for (const image of rendered.querySelectorAll('[data-lectern-removed] img')) {
      for (const name of ['src', 'srcset']) {
        if (image.hasAttribute(name)) image.setAttribute(`data-lectern-${name}`, image.getAttribute(name));
        image.removeAttribute(name);
      }
    }
    slot('document').replaceWith(rendered);
  } else {
    slot('document').remove();
  }
  if (found && article.readerable) {
    slot('empty').remove();
  } else if (found) {
    // Not an article (a home page, a result list, a form): say so, and let the reader
    // look at what the extractor kept anyway.
    slot('document').hidden = true;
    slot('toc').hidden = true;
    slot('show-anyway').addEventListener('click', () => {
      slot('document').hidden = false;
      // The contents, unless the article has too few sections for them (contents.js).
      if (slot('toc')) slot('toc').hidden = false;
      slot('empty').remove();
    });
  } else {
    slot('show-anyway').remove();
  }
  slot('original').href = location.href;
  reader.addEventListener('click', onClick);
  const contents = wireContents(reader);

  const controls = attachControls(reader);
  const settingsPanel = wireSettingsPanel(controls, reader, settings);
  const removedPanel = wireRemovedPanel(controls, reader, article, settings);
  wireReportPanel(controls, reader, article, settings, html, removedPanel);
  wireSavePanel(controls, reader, article);
  const readAloud = wireReadAloud(controls, reader, article, settingsPanel);
  const panels = wireToolbar(controls);
  return {
    reader,
    controls,
    panels,
    settingsPanel,
    /** Applies settings changed elsewhere (another tab, the options page). */
    apply(changed) {
      settingsPanel.apply(changed);
      if ('keep' in changed) removedPanel.keepDefault(changed.keep);
    },
    /** Writes pending setting changes now, stops reading aloud and following the scroll. */
    close() {
      settingsPanel.close();
      readAloud.stop();
      contents.disconnect();
    },
  };
}

function onStorageChanged(changes, area) {
  if (area !== 'sync' || !state.saved) return;
  const changed = Object.entries(changes).filter(([name]) => READER_SETTINGS.includes(name));
  if (changed.length) state.saved.view.apply(Object.fromEntries(changed.map(([name, { newValue }]) => [name, newValue])));
}

function onClick(event) {
  const link = event.target.closest?.('a[href]:not(svg a)');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  // Back to the page as it was, rather than reloading it.
  if (link.classList.contains('lectern-original')) {
    event.preventDefault();
    restore();
    return;
  }
  // In-page links: the core makes URLs absolute, so "#id" may arrive as this page's URL.
  const samePage =
    link.getAttribute('href').startsWith('#') ||
    (link.hash && link.href.split('#')[0] === location.href.split('#')[0]);
  if (!samePage) return;
  // Scroll within the reader; changing location.hash would wake the page's router.
  event.preventDefault();
  const id = decodeFragment(link.hash.slice(1));
  const reader = event.currentTarget;
  const target = id
    ? [...reader.querySelectorAll('[id], a[name]')].find((node) => node.id === id || node.getAttribute('name') === id)
    : reader;
  target?.scrollIntoView({ block: 'start' });
}

// The person's own keys only: a page's synthetic ones (not trusted) do nothing.
function onKeyDown(event) {
  if (!state.saved || !event.isTrusted || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
  const { view } = state.saved;
  // Seen from the document, a key in the controls' (closed) shadow root is the host's.
  const target = view.controls.activeElement ?? event.target;
  if (event.key === 'Escape') {
    if (!view.panels.closeOpen()) restore();
  } else if ((event.key === '+' || event.key === '=' || event.key === '-') && !isTyping(target)) {
    view.settingsPanel.step(event.key === '-' ? -1 : 1);
  } else {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
}

/** Whether keys go into a field (the panels' radios, checkboxes and sliders take no text). */
function isTyping(target) {
  if (target?.localName === 'input') return !/^(radio|checkbox|range|button|submit|reset|image|color|file)$/.test(target.type);
  return target?.isContentEditable || /^(textarea|select)$/.test(target?.localName ?? '');
}

function decodeFragment(fragment) {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
