// Lectern's content script: captures the page for extraction (done in the background) and
// shows the article in the page's own tab, over the hidden page, so that turning the reader
// off gives back the very same page: same nodes, scroll position, typed values, playing media.
// Injected on demand and possibly more than once: it sets itself up once, with its state in
// globalThis.__lectern.
'use strict';

if (!globalThis.__lectern) {
  const api = globalThis.browser ?? globalThis.chrome;
  // saved: what show() changed, for restore(); null while the page itself is shown.
  const state = (globalThis.__lectern = { saved: null, busy: false });

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    switch (message?.type) {
      case 'toggle':
        toggle().then(sendResponse);
        return true; // the answer comes asynchronously
      default:
        return false;
    }
  });

  // Resolves to {on} (and {error} when the page could not be read); never rejects.
  async function toggle() {
    if (state.busy) return { on: false };
    if (state.saved) {
      restore();
      return { on: false };
    }
    state.busy = true;
    document.getElementById('lectern-notice')?.remove();
    try {
      const reply = await api.runtime.sendMessage({
        type: 'extract',
        html: document.documentElement.outerHTML,
        url: location.href,
      });
      if (!reply?.ok) return fail(reply?.error ?? 'no answer from the extension');
      show(reply.article, reply.template);
      return { on: true };
    } catch (e) {
      return fail(String(e));
    } finally {
      state.busy = false;
    }
  }

  function show(article, template) {
    // Built first: should it throw, the page has not been touched yet.
    const reader = buildReader(article, template);
    const root = document.documentElement;
    const saved = {
      reader,
      x: window.scrollX,
      y: window.scrollY,
      focus: document.activeElement,
      hadClass: root.classList.contains('lectern-active'),
      classAttribute: root.getAttribute('class'),
      classes: [...root.classList].join(' '),
      // Page CSS must not restyle the reader; constructed sheets count too.
      sheets: [...document.styleSheets, ...(document.adoptedStyleSheets ?? [])].map((sheet) => [
        sheet,
        sheet.disabled,
      ]),
      // display: none drops inner scroll offsets (pages that scroll a container, not the window).
      scrolled: [...root.querySelectorAll('*')]
        .filter((node) => node.scrollTop || node.scrollLeft)
        .map((node) => [node, node.scrollLeft, node.scrollTop]),
      // The body, and whatever scripts put beside it (overlays, other extensions' widgets).
      hidden: [...root.children]
        .filter((node) => node !== document.head)
        .map((node) => [
          node,
          node.style.getPropertyValue('display'),
          node.style.getPropertyPriority('display'),
          node.getAttribute('style'),
          node.style.cssText,
        ]),
    };
    for (const [sheet] of saved.sheets) sheet.disabled = true;
    for (const [node] of saved.hidden) node.style.setProperty('display', 'none', 'important');
    root.classList.add('lectern-active');
    root.append(reader);
    state.saved = saved;
    document.addEventListener('keydown', onKeyDown, true);
    window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
    // Focus, so the keyboard scrolls the reader and screen readers start at the article.
    reader.focus({ preventScroll: true });
  }

  function restore() {
    const { saved } = state;
    state.saved = null;
    document.removeEventListener('keydown', onKeyDown, true);
    saved.reader.remove();
    for (const [sheet, disabled] of saved.sheets) sheet.disabled = disabled;
    // Editing style and classList rewrites the attributes' text: put the exact text back,
    // unless the page itself changed them in the meantime.
    for (const [node, display, priority, attribute, cssText] of saved.hidden) {
      if (display) node.style.setProperty('display', display, priority);
      else node.style.removeProperty('display');
      if (node.style.cssText === cssText) setAttribute(node, 'style', attribute);
    }
    const root = document.documentElement;
    if (!saved.hadClass) root.classList.remove('lectern-active');
    if ([...root.classList].join(' ') === saved.classes) setAttribute(root, 'class', saved.classAttribute);
    if (saved.focus && saved.focus !== document.body && saved.focus !== root) {
      saved.focus.focus({ preventScroll: true });
    }
    // 'instant': the page's own CSS may ask for smooth scrolling.
    for (const [node, left, top] of saved.scrolled) node.scrollTo({ left, top, behavior: 'instant' });
    window.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' });
  }

  // Fills reader.html (parsed in an inert document, then adopted: no innerHTML) with the
  // article. The core has sanitized the content the same way.
  function buildReader(article, template) {
    const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
    const reader = document.adoptNode(parse(template).getElementById('lectern-reader'));
    const slot = (name) => reader.querySelector(`.lectern-${name}`);
    if (article.lang) reader.lang = article.lang;
    if (article.dir) reader.dir = article.dir;
    const found = Boolean(article.text?.trim());
    if (found) {
      const title = article.title || document.title;
      const minutes = Math.max(1, Math.round(article.reading_minutes || 0));
      const meta = [article.byline, formatDate(article.published_time, article.lang), `${minutes} min read`];
      fill(slot('site'), article.site_name);
      fill(slot('title'), title);
      fill(slot('meta'), meta.filter(Boolean).join(' · '));
      slot('content').append(...parse(article.content).body.childNodes);
    } else {
      slot('header').remove();
      slot('content').remove();
    }
    if (found && article.readerable) {
      slot('empty').remove();
    } else if (found) {
      // Not an article (a home page, a result list, a form): say so, and let the reader
      // look at what the extractor kept anyway.
      slot('header').hidden = true;
      slot('content').hidden = true;
      slot('show-anyway').addEventListener('click', () => {
        slot('header').hidden = false;
        slot('content').hidden = false;
        slot('empty').remove();
      });
    } else {
      slot('show-anyway').remove();
    }
    slot('original').href = location.href;
    reader.addEventListener('click', onClick);
    return reader;
  }

  // Sets a slot's text, or removes the slot when there is nothing to say.
  function fill(node, text) {
    if (text) node.textContent = text;
    else node.remove();
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

  function onKeyDown(event) {
    if (event.key !== 'Escape' || event.isComposing || !state.saved) return;
    event.preventDefault();
    event.stopPropagation();
    restore();
  }

  function fail(message) {
    const notice = element(
      'div',
      { id: 'lectern-notice', role: 'alert' },
      `Lectern could not read this page: ${message.replace(/^Error: /, '')}`,
    );
    const close = element('button', { type: 'button', title: 'Dismiss', 'aria-label': 'Dismiss' }, '×');
    close.addEventListener('click', () => notice.remove());
    notice.append(close);
    document.documentElement.append(notice);
    return { on: false, error: message };
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

  function decodeFragment(fragment) {
    try {
      return decodeURIComponent(fragment);
    } catch {
      return fragment;
    }
  }

  function setAttribute(node, name, value) {
    if (value === null) node.removeAttribute(name);
    else node.setAttribute(name, value);
  }

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }
}
