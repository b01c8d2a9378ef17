// Lectern's content script: captures the page for extraction (done in the background) and
// shows the article in the page's own tab, over the hidden page, so that turning the reader
// off gives back the very same page: same nodes, scroll position, typed values, playing media.
// Its second mode, "declutter", hides only the clutter on the live page, also reversibly.
// Injected on demand (after settings.js) and possibly more than once: it sets itself up
// once, with its state in globalThis.__lectern. An own property: a page's element named or
// with the id __lectern shows through to window here too, and must not pass for it.
'use strict';

if (!Object.hasOwn(globalThis, '__lectern')) {
  const api = globalThis.browser ?? globalThis.chrome;
  const state = (globalThis.__lectern = {
    /** What show() changed, for restore(); null while the page itself is shown. */
    saved: null,
    /** What declutter() hid, for undoing it; null when nothing is hidden. */
    hidden: null,
    busy: false,
    /**
     * How the reader view opened by itself on an always-reader site: null (the reader
     * asked), 'fast' (Chrome: over the hidden page) or 'streamed' (Firefox: the response
     * itself was rewritten, so the original page is only a reload away).
     */
    always: null,
    /** Shows an article extracted elsewhere (always.js); `html` is the page as captured. */
    present(article, template, settings, html, always) {
      state.always = always;
      const prerender = document.querySelector('#lectern-reader[data-lectern-prerender]');
      show(article, template, settings, html);
      // The streamed page's first paint was the same reader view, without its toolbar.
      prerender?.remove();
    },
  });

  /** Elements that carry a stylesheet of the page's (each has `disabled`). */
  const STYLESHEETS = 'style, link[rel~="stylesheet" i]';

  /** A localized string (the key itself if it is missing, so a gap shows rather than hides). */
  const t = (key, substitutions) => api.i18n.getMessage(key, substitutions) || key;

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    switch (message?.type) {
      case 'toggle':
        run(toggle).then(sendResponse);
        return true; // the answer comes asynchronously
      case 'declutter':
        run(toggleDeclutter).then(sendResponse);
        return true;
      default:
        return false;
    }
  });

  /** One action at a time; resolves to {on} (and {error}), never rejects. */
  async function run(action) {
    if (state.busy) return { on: Boolean(state.saved || state.hidden) };
    state.busy = true;
    document.getElementById('lectern-notice')?.remove();
    try {
      return await action();
    } catch (e) {
      return fail(String(e?.message ?? e));
    } finally {
      state.busy = false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // The reader view

  async function toggle() {
    if (state.saved) {
      restore();
      return { on: false };
    }
    // One mode at a time: the reader view reads the page as the site built it, not with
    // its clutter hidden by "declutter page" (hidden blocks would lose their category).
    if (state.hidden) undoDeclutter();
    const settings = lecternSettings(await api.storage.sync.get(null));
    const html = document.documentElement.outerHTML;
    const reply = await api.runtime.sendMessage({ type: 'extract', html, url: location.href, images: settings.images });
    if (!reply?.ok) return fail(reply?.error ?? t('noAnswer'));
    show(reply.article, reply.template, settings, html);
    return { on: true };
  }

  /** Shows the reader view; `html` is the page as captured, for a problem report. */
  function show(article, template, settings, html) {
    // Built first: should it throw, the page has not been touched yet.
    const view = buildReader(article, template, settings, html);
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
      hidden: [...root.children].filter((node) => node !== document.head).map(hideNode),
    };
    for (const [sheet] of saved.sheets) sheet.disabled = true;
    root.classList.add('lectern-active');
    root.append(reader);
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
    window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
    // Focus, so the keyboard scrolls the reader and screen readers start at the article.
    reader.focus({ preventScroll: true });
  }

  function restore() {
    // A streamed page holds the reader view only: the original is the site's response.
    if (state.always === 'streamed') return showOriginal();
    state.always = null;
    const { saved } = state;
    state.saved = null;
    document.removeEventListener('keydown', onKeyDown, true);
    api.storage.onChanged.removeListener(onStorageChanged);
    saved.view.flush();
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

  /**
   * Fills reader.html (parsed in an inert document, then adopted: no innerHTML) with the
   * article, and wires its toolbar. The core has sanitized the content the same way.
   * Returns the view: {reader, apply(settings), flush()}.
   */
  function buildReader(article, template, settings, html) {
    const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
    const reader = document.adoptNode(parse(template).getElementById('lectern-reader'));
    const slot = (name) => reader.querySelector(`.lectern-${name}`);
    localize(reader);
    // The toolbar speaks the extension's language; the article keeps its own (an Arabic
    // article reads right to left under an English toolbar).
    reader.lang = t('locale');
    reader.dir = t('@@bidi_dir');
    const page = reader.querySelector('.lectern-page');
    if (article.lang) page.lang = article.lang;
    if (article.dir) page.dir = article.dir;
    const found = Boolean(article.text?.trim());
    if (found) {
      const title = article.title || document.title;
      const minutes = Math.max(1, Math.round(article.reading_minutes || 0));
      const meta = [article.byline, formatDate(article.published_time, article.lang), t('minutesRead', [String(minutes)])];
      fill(slot('site'), article.site_name);
      fill(slot('title'), title);
      fill(slot('meta'), meta.filter(Boolean).join(' · '));
      const content = parse(article.content).body;
      // Images of removed blocks load only once their block is shown: hidden, they would
      // still be fetched (the inert parse above fetches nothing).
      for (const image of content.querySelectorAll('[data-lectern-removed] img')) {
        for (const name of ['src', 'srcset']) {
          if (image.hasAttribute(name)) image.setAttribute(`data-lectern-${name}`, image.getAttribute(name));
          image.removeAttribute(name);
        }
      }
      slot('content').append(...content.childNodes);
    } else {
      slot('header').remove();
      slot('content').replaceChildren();
      slot('content').hidden = true;
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
    alwaysControls(reader, settings);

    const settingsPanel = settingsControls(reader, settings);
    const clutterPanel = clutterControls(reader, article, settings);
    reportControls(reader, article, settings, html, clutterPanel);
    const panels = disclosures(reader);
    slot('close').addEventListener('click', () => restore());
    slot('declutter').addEventListener('click', () => {
      restore();
      run(toggleDeclutter);
    });
    return {
      reader,
      panels,
      settingsPanel,
      clutterPanel,
      /** Applies settings changed elsewhere (another tab, the options page). */
      apply(changed) {
        settingsPanel.apply(changed);
        if ('keep' in changed) clutterPanel.keepDefault(changed.keep);
      },
      /** Writes pending setting changes now. */
      flush() {
        settingsPanel.flush();
      },
    };
  }

  /**
   * The always-reader buttons: "Always on this site" opens the options page's confirmation
   * (the permission needs a click in an extension page); where the view opened by itself,
   * "Show original" and "Never on this page" (which also shows the original).
   */
  function alwaysControls(reader, settings) {
    const slot = (name) => reader.querySelector(`.lectern-${name}`);
    const origin = lecternOrigin(location.href);
    const always = slot('always');
    // The reader's own clicks only: the page's scripts can dispatch clicks on these buttons
    // too, and must not open tabs or put themselves on the never list.
    const onTrustedClick = (button, action) =>
      button.addEventListener('click', (event) => {
        if (event.isTrusted) action();
      });
    if (!origin || settings.alwaysSites.includes(origin)) always.remove();
    else {
      always.title = t('alwaysButtonTitle');
      onTrustedClick(always, () => api.runtime.sendMessage({ type: 'always-ask', origin }).catch(() => {}));
    }
    if (!state.always) return;
    // Declutter works on the page under the reader view; a streamed page has none.
    if (state.always === 'streamed') slot('declutter').hidden = true;
    slot('show-original').hidden = false;
    slot('never').hidden = false;
    onTrustedClick(slot('show-original'), () => showOriginal());
    onTrustedClick(slot('never'), async () => {
      await api.runtime.sendMessage({ type: 'always-never', url: location.href }).catch(() => {});
      showOriginal();
    });
  }

  /** The page as the site built it: under a fast-path view it is right here; else reloaded, once. */
  function showOriginal() {
    if (state.always !== 'streamed') return restore();
    api.runtime.sendMessage({ type: 'always-original', url: location.href }).then(
      () => location.reload(),
      () => location.reload(),
    );
  }

  /** The toolbar's two panels: one open at a time; Esc closes the open one first. */
  function disclosures(reader) {
    const buttons = [...reader.querySelectorAll('.lectern-bar [aria-controls]')];
    const panelOf = (button) => reader.querySelector(`#${button.getAttribute('aria-controls')}`);
    const close = (button) => {
      button.setAttribute('aria-expanded', 'false');
      panelOf(button).hidden = true;
    };
    for (const button of buttons) {
      button.addEventListener('click', () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        for (const other of buttons) close(other);
        if (!open) return;
        button.setAttribute('aria-expanded', 'true');
        const panel = panelOf(button);
        panel.hidden = false;
        panel.querySelector('input, button')?.focus();
      });
    }
    return {
      /** Closes the open panel and focuses its button; false when none was open. */
      closeOpen() {
        const button = buttons.find((b) => b.getAttribute('aria-expanded') === 'true');
        if (!button) return false;
        close(button);
        button.focus();
        return true;
      },
    };
  }

  /**
   * The "text and theme" panel: shows the settings, applies a change at once to this
   * reader, and saves it to storage.sync (which applies it in every other tab). Sliders
   * save when let go; storage.sync allows only so many writes a minute.
   */
  function settingsControls(reader, initial) {
    const form = reader.querySelector('#lectern-settings');
    const current = { ...initial };
    let pending = {};
    let timer;
    for (const [name, [min, max, step]] of Object.entries(LECTERN_LIMITS)) {
      const input = form.elements[name];
      if (input) Object.assign(input, { min, max, step });
    }
    const show = () => {
      reader.dataset.theme = current.theme;
      reader.dataset.font = current.font;
      reader.dataset.align = current.align;
      reader.style.setProperty('--lectern-size', `${current.fontSize}px`);
      reader.style.setProperty('--lectern-width', `${current.lineWidth}ch`);
      reader.style.setProperty('--lectern-leading', String(current.lineHeight));
      for (const name of ['theme', 'font', 'align']) form.elements[name].value = current[name];
      form.elements.lineWidth.value = current.lineWidth;
      form.elements.lineHeight.value = current.lineHeight;
      form.elements.fontSizeValue.value = `${current.fontSize}px`;
    };
    const flush = () => {
      clearTimeout(timer);
      if (Object.keys(pending).length) api.storage.sync.set(pending).catch(() => {});
      pending = {};
    };
    const change = (name, value, { later = false } = {}) => {
      Object.assign(current, lecternSettings({ ...current, [name]: value }));
      pending[name] = current[name];
      show();
      clearTimeout(timer);
      if (later) timer = setTimeout(flush, 500);
      else flush();
    };
    const step = (direction) => change('fontSize', current.fontSize + direction * LECTERN_LIMITS.fontSize[2], { later: true });
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', (event) => {
      const { name, value, type } = event.target;
      if (name in LECTERN_CHOICES) change(name, value);
      else if (type === 'range') change(name, Number(value));
    });
    // Sliders show their effect while dragged.
    form.addEventListener('input', (event) => {
      const { name, value, type } = event.target;
      if (type === 'range') change(name, Number(value), { later: true });
    });
    form.querySelector('.lectern-smaller').addEventListener('click', () => step(-1));
    form.querySelector('.lectern-larger').addEventListener('click', () => step(1));
    show();
    return {
      step,
      flush,
      apply(changed) {
        const own = Object.fromEntries(Object.entries(changed).filter(([name]) => !(name in pending)));
        Object.assign(current, lecternSettings({ ...current, ...own }));
        show();
      },
    };
  }

  /**
   * The "removed" panel, and the removed blocks in the content. The core writes every
   * removed block into the content, marked data-lectern-removed="<element>"; each is
   * hidden, shown dimmed with its category and reason ("show what was removed"), or kept
   * as article text (its category switched on, or the block clicked). Nothing is ever
   * taken out of the content, so no switching loses text.
   */
  function clutterControls(reader, article, settings) {
    const panel = reader.querySelector('#lectern-clutter');
    const button = reader.querySelector('.lectern-open-clutter');
    const byElement = new Map(article.removed.map((r) => [String(r.element), r]));
    const blocks = [...reader.querySelectorAll('.lectern-content [data-lectern-removed]')]
      .map((node) => ({ node, removed: byElement.get(node.dataset.lecternRemoved), label: null }))
      .filter((block) => block.removed);
    // Removed blocks can nest (a wrapper removed as boilerplate around an author box): one
    // around a block in the article must show, or hiding it would hide that block too.
    for (const block of blocks) block.inner = blocks.filter((other) => other !== block && block.node.contains(other.node));
    const counts = new Map();
    for (const { removed } of blocks) counts.set(removed.category, (counts.get(removed.category) ?? 0) + 1);
    let keep = new Set(settings.keep);
    let showRemoved = false;
    const kept = new Set(); // blocks clicked back in, on this page only

    const categoryName = (category) => t(`category_${category}`);
    const list = panel.querySelector('.lectern-categories');
    const switches = LECTERN_CATEGORIES.filter((c) => counts.has(c)).map((category) => {
      const input = Object.assign(document.createElement('input'), { type: 'checkbox', value: category });
      const label = document.createElement('label');
      label.append(input, document.createTextNode(t('categoryCount', [categoryName(category), String(counts.get(category))])));
      list.append(label);
      return input;
    });
    button.textContent = t('removedButton', [String(blocks.length)]);
    if (blocks.length) panel.querySelector('.lectern-nothing-removed').remove();
    else for (const node of panel.querySelectorAll('.lectern-toggle, .lectern-categories, .lectern-save-default')) node.remove();

    const update = () => {
      for (const input of switches) input.checked = keep.has(input.value);
      const own = (block) => keep.has(block.removed.category) || kept.has(block.node);
      for (const block of blocks) {
        const inArticle = own(block) || block.inner.some(own);
        block.node.hidden = !inArticle && !showRemoved;
        block.node.classList.toggle('lectern-removed-shown', !inArticle && showRemoved);
        if (!inArticle && showRemoved) block.label ??= addLabel(block);
        else if (block.label) {
          block.label.remove();
          block.label = null;
        }
      }
      for (const image of reader.querySelectorAll('.lectern-content img[data-lectern-src], .lectern-content img[data-lectern-srcset]')) {
        if (image.closest('[data-lectern-removed][hidden]')) continue;
        for (const name of ['srcset', 'src']) {
          const value = image.getAttribute(`data-lectern-${name}`);
          if (value !== null) image.setAttribute(name, value);
          image.removeAttribute(`data-lectern-${name}`);
        }
      }
    };
    const addLabel = (block) => {
      const { category, reason } = block.removed;
      const label = Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'lectern-removed-label',
        textContent: t('removedLabel', [categoryName(category), reason]),
        title: t('keepBlock'),
      });
      label.addEventListener('click', () => {
        kept.add(block.node);
        update();
      });
      placeLabel(block.node, label);
      return label;
    };
    panel.querySelector('[name=showRemoved]')?.addEventListener('change', (event) => {
      showRemoved = event.target.checked;
      update();
    });
    list.addEventListener('change', (event) => {
      if (event.target.checked) keep.add(event.target.value);
      else keep.delete(event.target.value);
      update();
    });
    panel.querySelector('.lectern-save-default')?.addEventListener('click', () => {
      const status = panel.querySelector('.lectern-status');
      api.storage.sync.set({ keep: LECTERN_CATEGORIES.filter((c) => keep.has(c)) }).then(
        () => (status.textContent = t('savedDefault')),
        (e) => (status.textContent = String(e?.message ?? e)),
      );
    });
    update();
    return {
      /** The categories kept on this page, for a report's options. */
      kept: () => LECTERN_CATEGORIES.filter((c) => keep.has(c)),
      keepDefault(categories) {
        keep = new Set(lecternSettings({ keep: categories }).keep);
        update();
      },
    };
  }

  /**
   * The "report a problem" panel: what is wrong, a comment, corrected metadata, blocks the
   * reader marks in the article, and the page's HTML if they agree. Sending saves the
   * report in the extension (the background also POSTs it to the reader's own endpoint,
   * if they set one); nothing else leaves the browser.
   */
  function reportControls(reader, article, settings, html, clutterPanel) {
    const form = reader.querySelector('#lectern-report');
    const content = reader.querySelector('.lectern-content');
    const markButton = form.querySelector('.lectern-mark');
    const status = form.querySelector('.lectern-status');
    const corrections = form.querySelector('.lectern-corrections');
    /** Marked blocks: node → {should, text, element?}. */
    const marks = new Map();
    for (const name of ['title', 'byline', 'published_time']) form.elements[name].value = article[name] ?? '';
    form.addEventListener('change', () => {
      corrections.hidden = form.elements.kind.value !== 'wrong_metadata';
    });
    markButton.addEventListener('click', () => {
      const on = markButton.getAttribute('aria-pressed') !== 'true';
      markButton.setAttribute('aria-pressed', String(on));
      reader.classList.toggle('lectern-marking', on);
    });
    const showCount = () => {
      form.querySelector('.lectern-mark-count').textContent = marks.size ? t('reportMarked', [String(marks.size)]) : '';
    };
    // Capture: while marking, a click marks a block instead of following a link or keeping
    // a removed block.
    content.addEventListener(
      'click',
      (event) => {
        if (!reader.classList.contains('lectern-marking') || form.hidden) return;
        const removed = event.target.closest('.lectern-removed-shown');
        const block =
          removed ?? event.target.closest('p, li, blockquote, figure, pre, table, h2, h3, h4, h5, h6, dd, dt, [data-lectern-removed]');
        if (!block || !content.contains(block)) return;
        event.preventDefault();
        event.stopPropagation();
        if (marks.delete(block)) {
          block.classList.remove('lectern-marked');
        } else {
          const text = [...block.childNodes]
            .filter((node) => !node.classList?.contains('lectern-removed-label'))
            .map((node) => node.textContent)
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 300);
          const element = removed ? Number(removed.dataset.lecternRemoved) : undefined;
          marks.set(block, { should: removed ? 'present' : 'absent', text, element });
          block.classList.add('lectern-marked');
        }
        showCount();
      },
      true,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const kind = form.elements.kind.value;
      const corrected = {};
      if (kind === 'wrong_metadata') {
        for (const name of ['title', 'byline', 'published_time']) {
          const value = form.elements[name].value.trim();
          if (value !== (article[name] ?? '')) corrected[name] = value;
        }
      }
      const report = {
        schema: 'lectern-report/1',
        extensionVersion: api.runtime.getManifest().version,
        browser: navigator.userAgent,
        created: new Date().toISOString(),
        url: location.href,
        pageTitle: document.title,
        kind,
        comment: form.elements.comment.value,
        marks: [...marks.values()],
        corrections: corrected,
        options: { keep: clutterPanel.kept(), images: settings.images },
        article,
        html: form.elements.includeHtml.checked ? html : null,
      };
      status.textContent = '';
      const reply = await api.runtime.sendMessage({ type: 'report', report }).catch((e) => ({ ok: false, error: String(e) }));
      if (!reply?.ok) {
        status.textContent = t('reportFailed', [String(reply?.error ?? t('noAnswer'))]);
        return;
      }
      const parts = [t('reportSaved')];
      if (reply.host) parts.push(reply.error ? t('reportNotSent', [reply.host, reply.error]) : t('reportSent', [reply.host]));
      status.textContent = parts.join(' ');
      for (const node of marks.keys()) node.classList.remove('lectern-marked');
      marks.clear();
      showCount();
      markButton.setAttribute('aria-pressed', 'false');
      reader.classList.remove('lectern-marking');
    });
  }

  /** Puts a removed block's label where it reads as its first line. */
  function placeLabel(node, label) {
    const cell = node.localName === 'tr' ? node.cells[0] : null;
    if (cell) cell.prepend(label);
    else if (/^(img|hr|br|input|video|audio|iframe|table|tbody|thead|tfoot|ul|ol|dl)$/.test(node.localName)) node.before(label);
    else node.prepend(label);
  }

  function onStorageChanged(changes, area) {
    if (area !== 'sync' || !state.saved) return;
    state.saved.view.apply(Object.fromEntries(Object.entries(changes).map(([name, { newValue }]) => [name, newValue])));
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
    if (!state.saved || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    const { view } = state.saved;
    if (event.key === 'Escape') {
      if (!view.panels.closeOpen()) restore();
    } else if ((event.key === '+' || event.key === '=' || event.key === '-') && !isTyping(event.target)) {
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

  // ---------------------------------------------------------------------------------------
  // Declutter: the page keeps its layout; only clutter elements are hidden.

  async function toggleDeclutter() {
    if (state.hidden) {
      undoDeclutter();
      return { on: false };
    }
    // A streamed page holds the reader view alone: no site page here to declutter.
    if (state.always === 'streamed') {
      document.documentElement.append(noticeBox('lectern-notice', 'status', t('declutterStreamed')));
      return { on: Boolean(state.saved) };
    }
    if (state.saved) restore();
    // The elements and the HTML are taken in the same task, so the core's element numbers
    // (document order, as serialized) refer to these very nodes, whatever the page's
    // scripts do to the DOM while the core works.
    const elements = pageElements();
    const html = document.documentElement.outerHTML;
    const reply = await api.runtime.sendMessage({ type: 'declutter', html, url: location.href });
    if (!reply?.ok) return fail(reply?.error ?? t('noAnswer'));
    const targets = reply.removed
      .map((r) => elements[r.element])
      // A node that is not what the core saw (a mismatch would hide the wrong thing) is left.
      .filter((node, i) => node?.localName === reply.removed[i].tag && node !== document.body && node.isConnected);
    state.hidden = targets.map(hideNode);
    declutterNotice(targets.length);
    return { on: true, hidden: targets.length };
  }

  function undoDeclutter() {
    for (const hidden of state.hidden) unhideNode(hidden);
    state.hidden = null;
    document.getElementById('lectern-declutter-notice')?.remove();
  }

  /** Every element in document order as the page serializes, <template> contents included. */
  function pageElements() {
    const out = [];
    const stack = [document.documentElement];
    while (stack.length) {
      const node = stack.pop();
      out.push(node);
      const parent = node instanceof HTMLTemplateElement ? node.content : node;
      for (let child = parent.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
    }
    return out;
  }

  function declutterNotice(count) {
    document.getElementById('lectern-declutter-notice')?.remove();
    const undo = element('button', { type: 'button', class: 'lectern-undo' }, t('undo'));
    undo.addEventListener('click', () => undoDeclutter());
    const notice = noticeBox('lectern-declutter-notice', 'status', count ? t('declutterDone', [String(count)]) : t('declutterNone'), undo);
    document.documentElement.append(notice);
  }

  // ---------------------------------------------------------------------------------------
  // Shared pieces

  /** Hides a node with an inline style, remembering how to put back its exact style text. */
  function hideNode(node) {
    const saved = [
      node,
      node.style.getPropertyValue('display'),
      node.style.getPropertyPriority('display'),
      node.getAttribute('style'),
    ];
    node.style.setProperty('display', 'none', 'important');
    saved.push(node.style.cssText);
    return saved;
  }

  function unhideNode([node, display, priority, attribute, cssText]) {
    if (node.style.cssText === cssText) {
      // Untouched by the page: the attribute as it was. Chromium writes node.style's edits
      // into the attribute lazily, and a write still pending brings back style="" after
      // removeAttribute('style'); reading the attribute first makes it happen now.
      node.getAttribute('style');
      return setAttribute(node, 'style', attribute);
    }
    if (display) node.style.setProperty('display', display, priority);
    else node.style.removeProperty('display');
  }

  function fail(message) {
    const notice = noticeBox('lectern-notice', 'alert', t('couldNotRead', [message.replace(/^Error: /, '')]));
    document.documentElement.append(notice);
    return { on: false, error: message };
  }

  /** A small notice over the page, with a close button after `extra`. */
  function noticeBox(id, role, text, ...extra) {
    const close = element('button', { type: 'button', title: t('dismiss'), 'aria-label': t('dismiss') }, '×');
    const notice = element('div', { id, role }, element('span', {}, text), ...extra, close);
    close.addEventListener('click', () => notice.remove());
    return notice;
  }

  /** Fills data-i18n (text) and data-i18n-label (aria-label and title) from _locales. */
  function localize(root) {
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of root.querySelectorAll('[data-i18n-label]')) {
      const text = t(node.dataset.i18nLabel);
      node.setAttribute('aria-label', text);
      node.title = text;
    }
  }

  /** Sets a slot's text, or removes the slot when there is nothing to say. */
  function fill(node, text) {
    if (text) node.textContent = text;
    else node.remove();
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
