// Lectern's playground: runs the extraction core (wasm, through wasm-bindgen's classic-script
// glue: the global `wasm_bindgen`) on pasted HTML, an HTML file or a problem report, and shows
// the reader output beside the original page.
//
// A classic script with no fetch and no module: the page must work from file://. The wasm
// comes as base64 in LECTERN_WASM (lectern-wasm.js), Turndown as the global TurndownService.
//
// Untrusted HTML goes to two places only: the original page's frame (srcdoc, sandboxed
// without scripts) and the reader pane, which shows the content the core has sanitized,
// parsed in an inert document (DOMParser) and adopted, never through innerHTML.
(() => {
  'use strict';

  /** The core's vocabulary (src/vocabulary.rs, written by build_www into vocabulary.js),
   *  with the English names of categories and kinds (extension/_locales/en). */
  const VOCABULARY = globalThis.LECTERN_VOCABULARY ?? { categories: [], report: { kinds: [] }, words: {} };
  /** The largest report the playground reads, as the core does. */
  const MAX_REPORT = VOCABULARY.report.maxBytes;
  /** The largest HTML file it opens: the page is copied into the frame and the core. */
  const MAX_PAGE = 64 * 1024 * 1024;

  /** The clutter categories in the order the extension lists them, with their names. */
  const CATEGORIES = new Map(VOCABULARY.categories.map((c) => [c.id, VOCABULARY.words[c.localeKey]]));

  /** A report's `kind`, in words. */
  const KINDS = Object.fromEntries(VOCABULARY.report.kinds.map((k) => [k, VOCABULARY.words[`kind_${k}`]]));

  const $ = (id) => document.getElementById(id);
  const ui = {
    form: $('paste-form'),
    html: $('html'),
    url: $('url'),
    file: $('file'),
    sample: $('sample'),
    error: $('error'),
    report: $('report'),
    result: $('result'),
    summary: $('summary'),
    showRemoved: $('show-removed'),
    images: $('images'),
    keep: $('keep'),
    nothingRemoved: $('nothing-removed'),
    original: $('original'),
    reader: $('reader'),
    document: $('document'),
    table: $('removed-table').tBodies[0],
    fields: $('fields'),
    copyStatus: $('copy-status'),
    copyFallback: $('copy-fallback'),
    copyText: $('copy-text'),
    drop: $('drop'),
  };

  // ---------------------------------------------------------------------------------------
  // The core

  let core = null; // resolves once the wasm is instantiated
  let broken = false; // a trap left the module unusable

  function loadCore() {
    core ??= (async () => {
      if (typeof wasm_bindgen === 'undefined' || typeof globalThis.LECTERN_WASM !== 'string') {
        throw new Error('The extractor is missing: lectern.js and lectern-wasm.js come from ./build.sh (dist/www).');
      }
      // No fetch (file://): the bytes are in the page already.
      await wasm_bindgen({ module_or_path: base64Bytes(globalThis.LECTERN_WASM) });
    })();
    return core;
  }

  function base64Bytes(text) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /**
   * Runs the core: {ok: true, article, ms} or {ok: false, error}. A panic (a trap: the wasm
   * is built with panic = "abort") or a stack overflow leaves the module's memory
   * inconsistent, and the classic-script glue cannot start a fresh instance, so the page
   * says to reload it.
   */
  async function extract(html, options) {
    if (broken) return { ok: false, error: 'The extractor stopped after an internal error. Reload the playground to use it again.' };
    try {
      await loadCore();
    } catch (e) {
      return { ok: false, error: sentence(e) };
    }
    const start = performance.now();
    try {
      const article = wasm_bindgen.extract(html, { ...options, markRemoved: true, words: {} });
      return { ok: true, article, ms: performance.now() - start };
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        broken = true;
        return {
          ok: false,
          error: `Lectern’s extractor failed on this page with an internal error (${e.message}): a bug worth reporting with the page. Reload the playground to use it again.`,
        };
      }
      return { ok: false, error: `Lectern could not extract this page: ${lowerFirst(sentence(e))}` };
    }
  }

  function sentence(e) {
    const text = String(e?.message ?? e).trim();
    const upper = text.charAt(0).toUpperCase() + text.slice(1);
    return /[.!?]$/.test(upper) ? upper : `${upper}.`;
  }

  function lowerFirst(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
  }

  // ---------------------------------------------------------------------------------------
  // State: what is shown, and how

  /** The page shown: {html, url, name, report}; null before the first success. */
  let current = null;
  /** The last extraction shown. */
  let article = null;
  /** Categories kept in the article: the core extracts again with them (options.keep). */
  let keep = new Set();
  /** Whether the article shown has its images (options.images). */
  let images = true;
  /** Removed blocks the reader clicked back in (element numbers), for this page only. */
  let keptBlocks = new Set();
  /** Removed blocks in the reader pane: [{node, removed, label}]. */
  let blocks = [];
  /** The frame's document for the page shown, once loaded (same origin, no scripts). */
  let originalDoc = null;
  /** Its elements in document order, <template> contents included: the numbering of the
   *  core's `element` (extension/src/content/declutter.js pageElements counts the same way). */
  let originalElements = null;

  /**
   * Extracts `page` with the options in force and shows the result. On failure nothing
   * shown changes and the error says why. `fresh`: a new page (the frame reloads, the
   * per-block choices reset); otherwise a switch changed.
   */
  async function show(page, { fresh, options }) {
    const nextKeep = new Set(options.keep);
    const result = await extract(page.html, {
      url: page.url || undefined,
      keep: [...CATEGORIES.keys()].filter((c) => nextKeep.has(c)),
      images: options.images,
    });
    if (!result.ok) {
      fail(result.error);
      return false;
    }
    clearError();
    const scroll = fresh ? 0 : ui.reader.scrollTop;
    keep = nextKeep;
    images = options.images;
    current = page;
    article = result.article;
    if (fresh) {
      keptBlocks = new Set();
      ui.showRemoved.checked = false;
      loadOriginal(page.html);
      if (page.report) {
        // Judged as `lectern replay` judges it: on the article as the reader view extracts
        // it; the categories the reader kept were their view of it.
        const asMade = nextKeep.size ? await extract(page.html, { url: page.url || undefined, images: options.images }) : result;
        renderReport(page.report, asMade.ok ? asMade.article : article);
      }
      ui.report.hidden = !page.report;
    }
    ui.images.checked = images;
    renderReader();
    ui.reader.scrollTop = scroll;
    renderSwitches();
    renderTable();
    renderFields();
    outlineOriginal();
    update();
    const words = article.word_count === 1 ? '1 word' : `${article.word_count} words`;
    const removed = article.removed.length === 1 ? '1 block removed' : `${article.removed.length} blocks removed`;
    ui.summary.textContent = `${page.name}: ${words}, ${removed}, extracted in ${Math.max(1, Math.round(result.ms))} ms.`;
    ui.result.hidden = false;
    return true;
  }

  /** Extracts the page shown again, after a switch changed. */
  async function reshow() {
    if (!current) return;
    const nextKeep = new Set([...ui.keep.querySelectorAll('input:checked')].map((input) => input.value));
    if (!(await show(current, { fresh: false, options: { keep: nextKeep, images: ui.images.checked } }))) {
      // The switches go back to what is shown.
      renderSwitches();
      ui.images.checked = images;
    }
  }

  function fail(message) {
    ui.error.replaceChildren(el('p', {}, message));
    ui.error.hidden = false;
  }

  function clearError() {
    ui.error.replaceChildren();
    ui.error.hidden = true;
  }

  // ---------------------------------------------------------------------------------------
  // The reader pane

  function renderReader() {
    const a = article;
    const found = Boolean(a.text?.trim());
    $('empty').hidden = found;
    $('not-readerable').hidden = !found || a.readerable;
    const parsed = new DOMParser().parseFromString(found ? a.document : '', 'text/html');
    ui.document.replaceChildren(...[...parsed.body.childNodes].map((node) => document.adoptNode(node)));
    const byElement = new Map(a.removed.map((r) => [String(r.element), r]));
    blocks = [...ui.document.querySelectorAll('[data-lectern-removed]')]
      .map((node) => ({ node, removed: byElement.get(node.dataset.lecternRemoved), label: null }))
      .filter((block) => block.removed);
  }

  /** Shows, dims or hides each removed block, as the extension's reader view does. */
  function update() {
    const showRemoved = ui.showRemoved.checked;
    for (const block of blocks) {
      const inArticle = keptBlocks.has(block.removed.element);
      block.node.hidden = !inArticle && !showRemoved;
      block.node.classList.toggle('removed-shown', !inArticle && showRemoved);
      block.node.classList.toggle('removed-kept', inArticle);
      if (!inArticle && showRemoved) block.label ??= addLabel(block);
      else if (block.label) {
        block.label.remove();
        block.label = null;
      }
    }
    for (const row of ui.table.rows) {
      const element = Number(row.dataset.element);
      row.classList.toggle('kept', keptBlocks.has(element));
    }
  }

  function addLabel(block) {
    const { category, reason } = block.removed;
    const label = el('button', { type: 'button', class: 'removed-label', title: 'Keep this block' }, `Removed · ${categoryName(category)}: ${reason}`);
    label.addEventListener('click', () => {
      keptBlocks.add(block.removed.element);
      update();
      block.node.tabIndex = -1;
      block.node.focus();
    });
    placeLabel(block.node, label);
    return label;
  }

  /** Puts a removed block's label where it reads as its first line. */
  function placeLabel(node, label) {
    const cell = node.localName === 'tr' ? node.cells[0] : null;
    if (cell) cell.prepend(label);
    else if (/^(img|hr|br|input|video|audio|iframe|table|tbody|thead|tfoot|ul|ol|dl|picture|svg)$/.test(node.localName)) node.before(label);
    else node.prepend(label);
  }

  // ---------------------------------------------------------------------------------------
  // Switches and the table of removed blocks

  /** One switch per category that has removed blocks or is kept; the others are hidden. */
  function renderSwitches() {
    const counts = new Map();
    for (const r of article.removed) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
    let inputs = [...ui.keep.querySelectorAll('input')];
    if (!inputs.length) {
      // Made once, so that the one being clicked keeps the focus when the article changes.
      for (const category of CATEGORIES.keys()) {
        const input = el('input', { type: 'checkbox', value: category });
        ui.keep.append(el('label', { class: 'toggle', 'data-category': category }, input, el('span', {})));
      }
      inputs = [...ui.keep.querySelectorAll('input')];
    }
    for (const input of inputs) {
      const category = input.value;
      const count = counts.get(category) ?? 0;
      input.checked = keep.has(category);
      input.closest('label').hidden = count === 0 && !keep.has(category);
      input.nextElementSibling.textContent = `${categoryName(category)} (${keep.has(category) ? 'kept' : count})`;
    }
    ui.nothingRemoved.hidden = article.removed.length > 0 || keep.size > 0;
  }

  function renderTable() {
    const inContent = new Set(blocks.map((b) => b.removed.element));
    ui.table.replaceChildren(
      ...article.removed.map((r) => {
        const words = r.text.split(/\s+/).filter(Boolean).slice(0, 14).join(' ');
        const go = el('button', { type: 'button', class: 'link' }, words || '(no text)');
        go.addEventListener('click', () => reveal(r));
        const where = inContent.has(r.element) ? '' : ' (outside the article)';
        const row = el(
          'tr',
          { 'data-element': String(r.element), 'data-category': r.category },
          el('td', {}, categoryName(r.category)),
          el('td', {}, r.reason),
          el('td', {}, el('code', {}, `<${r.tag || '?'}>`), ` #${r.element}${where}`),
          el('td', {}, go),
        );
        return row;
      }),
    );
    if (!article.removed.length) {
      ui.table.append(el('tr', {}, el('td', { colspan: '4' }, keep.size ? 'Nothing else was removed.' : 'Nothing was removed.')));
    }
  }

  /** Scrolls both panes to a removed block and highlights it a moment. */
  function reveal(removed) {
    const block = blocks.find((b) => b.removed.element === removed.element);
    if (block) {
      if (block.node.closest('[hidden]')) {
        ui.showRemoved.checked = true;
        update();
      }
      flash(block.node);
      block.node.scrollIntoView({ block: 'center', behavior: 'instant' });
      const target = block.label ?? block.node;
      if (target === block.node) block.node.tabIndex = -1;
      target.focus({ preventScroll: true });
    }
    const node = originalDoc && originalElement(removed);
    if (node) {
      node.scrollIntoView({ block: 'center', behavior: 'instant' });
      flash(node);
    }
  }

  function flash(node) {
    node.classList.remove('lectern-flash');
    void node.getBoundingClientRect();
    node.classList.add('lectern-flash');
    setTimeout(() => node.classList.remove('lectern-flash'), 1600);
  }

  function renderFields() {
    const a = article;
    const rows = [
      ['title', a.title],
      ['byline', a.byline],
      ['published_time', a.published_time],
      ['site_name', a.site_name],
      ['lang', a.lang],
      ['dir', a.dir],
      ['excerpt', a.excerpt],
      ['lead_image', a.lead_image],
      ['word_count', a.word_count],
      ['reading_minutes', a.reading_minutes],
      ['readerable', a.readerable],
    ];
    ui.fields.replaceChildren(...rows.flatMap(([name, value]) => [el('dt', {}, el('code', {}, name)), el('dd', {}, value == null ? '—' : String(value))]));
  }

  // ---------------------------------------------------------------------------------------
  // The original page

  function loadOriginal(html) {
    const before = frameDocument();
    originalDoc = null;
    originalElements = null;
    ui.original.srcdoc = html;
    // Outlined as soon as the page is parsed, not at its load event (which waits for its
    // images and style sheets from the network).
    const serial = ++originalSerial;
    const started = performance.now();
    const poll = () => {
      if (serial !== originalSerial) return;
      const doc = frameDocument();
      if (doc && doc !== before && doc.URL === 'about:srcdoc' && doc.readyState !== 'loading') originalReady(doc);
      else if (performance.now() - started < 60000) setTimeout(poll, 30);
    };
    poll();
  }

  let originalSerial = 0;

  /** The frame's document: same origin (allow-same-origin, never allow-scripts), so the
   *  parent can outline the removed elements; null if the browser isolates it anyway. */
  function frameDocument() {
    try {
      return ui.original.contentDocument;
    } catch {
      return null;
    }
  }

  function originalReady(doc) {
    if (doc === originalDoc || !doc.documentElement) return;
    originalDoc = doc;
    doc.addEventListener('click', onLinkClick);
    originalElements = null;
    // The page's elements are counted before this style is added (at the end: no index moves).
    originalElement({ element: 0, tag: '' });
    const style = doc.createElement('style');
    style.textContent = ORIGINAL_CSS;
    doc.documentElement.append(style);
    outlineOriginal();
  }

  /** Links in the panes open in a new tab: the playground keeps its page, and the frame
   *  (whose policy forbids loading other pages) its original. In-page links still scroll. */
  function onLinkClick(event) {
    const link = event.target.closest?.('a[href]');
    if (!link || event.defaultPrevented) return;
    const href = link.getAttribute('href').trim();
    if (href.startsWith('#')) return;
    event.preventDefault();
    let url;
    try {
      url = new URL(link.href);
    } catch {
      return;
    }
    if (/^(https?|ftp|mailto):$/.test(url.protocol)) window.open(url.href, '_blank', 'noopener,noreferrer');
  }

  ui.document.addEventListener('click', onLinkClick);

  ui.original.addEventListener('load', () => {
    const doc = frameDocument();
    if (doc?.URL === 'about:srcdoc') originalReady(doc);
  });

  const ORIGINAL_CSS = `
    [data-lectern-outline] { outline: 2px dashed #b3261e !important; outline-offset: -2px !important; }
    [data-lectern-outline].lectern-flash { outline: 4px solid #b3261e !important; }
  `;

  /** The frame's element the core numbered `removed.element`, if it is what the core saw. */
  function originalElement(removed) {
    if (!originalDoc) return null;
    if (!originalElements) {
      originalElements = [];
      const stack = [originalDoc.documentElement];
      while (stack.length) {
        const node = stack.pop();
        if (!node) continue;
        originalElements.push(node);
        const parent = node instanceof originalDoc.defaultView.HTMLTemplateElement ? node.content : node;
        for (let child = parent.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
      }
    }
    const node = originalElements[removed.element];
    // Parsed here, the page may differ from what the core read: a node that is not what
    // the core saw is left alone.
    return node?.localName === removed.tag ? node : null;
  }

  function outlineOriginal() {
    if (!originalDoc || !article) return;
    for (const node of originalDoc.querySelectorAll('[data-lectern-outline]')) {
      node.removeAttribute('data-lectern-outline');
      node.removeAttribute('title');
    }
    for (const r of article.removed) {
      const node = originalElement(r);
      if (!node || node === originalDoc.body || node === originalDoc.documentElement) continue;
      node.setAttribute('data-lectern-outline', r.category);
      node.setAttribute('title', `Removed · ${categoryName(r.category)}: ${r.reason}`);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Problem reports

  /** Reads a report's text with the core, as `lectern replay` does: {report} or {error}. */
  async function readReport(text, name) {
    try {
      await loadCore();
      return { report: wasm_bindgen.readReport(text) };
    } catch (e) {
      return { error: `“${name}” cannot be used: ${lowerFirst(sentence(e))} Nothing was changed.` };
    }
  }

  /** The report's URL if it is one the core accepts (src/report.rs extraction_options). */
  function reportUrl(url) {
    try {
      return new URL(url).href && url;
    } catch {
      return '';
    }
  }

  function renderReport(report, today) {
    const replay = wasm_bindgen.compareReport(report, today);
    const facts = [
      ['Page', report.url],
      ['Page title', report.pageTitle],
      ['Problem', report.kind ? KINDS[report.kind] ?? report.kind : null],
      ['Comment', report.comment],
      ['Reported', report.created],
      ['Extension', [report.extensionVersion, report.browser].filter(Boolean).join(', ')],
      [
        'Options',
        `${report.options.keep.length ? `kept ${report.options.keep.map(categoryName).join(', ')}` : 'no category kept'}; images ${report.options.images ? 'on' : 'off'}`,
      ],
    ].filter(([, value]) => value);
    $('report-facts').replaceChildren(...facts.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));

    const corrections = report.corrections && typeof report.corrections === 'object' ? report.corrections : {};
    const fixes = ['title', 'byline', 'published_time']
      .filter((f) => typeof corrections[f] === 'string')
      .map((f) => el('li', {}, `${f}: the reader says ${quote(corrections[f])}; today ${quote(today[f])}${corrections[f] === today[f] ? ' (now right)' : ''}`));
    $('report-corrections').replaceChildren(...(fixes.length ? [el('h3', {}, 'Corrections'), el('ul', {}, ...fixes)] : []));

    const held = replay.marks.filter(([, ok]) => ok).length;
    $('marks-summary').textContent = replay.marks.length
      ? `${held} of ${replay.marks.length} as the reader wants.`
      : 'The reader marked no blocks.';
    $('marks').replaceChildren(
      ...replay.marks.map(([m, ok]) =>
        el(
          'li',
          { class: ok ? 'ok' : 'fail', 'data-should': m.should, 'data-holds': String(ok) },
          el('strong', { class: 'verdict' }, ok ? 'Holds' : 'Fails'),
          ` should be ${m.should}: `,
          el('q', {}, short(m.text, 160)),
        ),
      ),
    );

    const diff = $('diff');
    const then = report.article;
    if (!then) {
      diff.replaceChildren(el('p', {}, `The report holds no recorded article; today: ${today.word_count} words.`));
    } else if (!replay.metadata.length && !replay.gone.length && !replay.new.length) {
      diff.replaceChildren(el('p', { class: 'unchanged' }, `Unchanged since the report (${today.word_count} words).`));
    } else {
      const list = el('ul', { class: 'changes' });
      for (const [field, a, b] of replay.metadata) list.append(el('li', { class: 'meta' }, el('code', {}, field), `: ${quote(a)} → ${quote(b)}`));
      for (const p of replay.gone) list.append(el('li', { class: 'gone' }, el('span', { class: 'sign', 'aria-label': 'gone:' }, '−'), ' ', short(p, 200)));
      for (const p of replay.new) list.append(el('li', { class: 'new' }, el('span', { class: 'sign', 'aria-label': 'new:' }, '+'), ' ', short(p, 200)));
      diff.replaceChildren(el('p', {}, `Changed since the report (${then.word_count ?? '?'} → ${today.word_count} words):`), list);
    }
    ui.report.hidden = false;
  }

  const quote = (value) => (value == null ? 'none' : `“${value}”`);
  const short = (text, n) => (text.length > n ? `${text.slice(0, n)}…` : text);

  // ---------------------------------------------------------------------------------------
  // Inputs: paste, file, drop

  async function openPasted() {
    const html = ui.html.value;
    if (!html.trim()) {
      fail('Paste a page’s HTML first, or open a file.');
      ui.html.focus();
      return;
    }
    const url = ui.url.value.trim();
    await show({ html, url, name: 'Pasted HTML', report: null }, { fresh: true, options: { keep: [], images: ui.images.checked } });
  }

  async function openFile(file) {
    const name = file.name || 'the file';
    const isReport = /\.json$/i.test(file.name) || file.type === 'application/json';
    const isPage = /\.x?html?$/i.test(file.name) || /^(text\/html|application\/xhtml\+xml)$/.test(file.type);
    if (!isReport && !isPage) {
      fail(`“${name}” is neither an HTML page (.html, .htm) nor a problem report (.json). Nothing was changed.`);
      return;
    }
    const limit = isReport ? MAX_REPORT : MAX_PAGE;
    if (file.size > limit) {
      const what = isReport ? 'a Lectern report is at most' : 'the playground opens pages of up to';
      fail(`“${name}” is ${megabytes(file.size)}: too large, ${what} ${megabytes(limit)}. Nothing was changed.`);
      return;
    }
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      fail(`“${name}” could not be read (${e.message}). Nothing was changed.`);
      return;
    }
    if (isReport) await openReport(new TextDecoder().decode(bytes), name);
    else {
      // Decoded as the core decodes a page: its BOM, else its <meta charset>, else UTF-8.
      await loadCore();
      const page = { html: wasm_bindgen.decodePage(bytes), url: '', name, report: null };
      await show(page, { fresh: true, options: { keep: [], images: ui.images.checked } });
    }
  }

  async function openReport(text, name) {
    const { report, error } = await readReport(text, name);
    if (error) {
      fail(error);
      return;
    }
    await show({ html: report.html, url: reportUrl(report.url), name, report }, { fresh: true, options: report.options });
  }

  const megabytes = (n) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

  // ---------------------------------------------------------------------------------------
  // Copy

  /** The article as shown: kept blocks in, removed ones out, no labels or marks. */
  function shownContent() {
    const copy = ui.document.querySelector('.lectern-content')?.cloneNode(true) ?? document.createElement('article');
    for (const label of copy.querySelectorAll('.removed-label')) label.remove();
    for (const node of copy.querySelectorAll('[data-lectern-removed]')) {
      if (!keptBlocks.has(Number(node.dataset.lecternRemoved))) node.remove();
    }
    for (const node of copy.querySelectorAll('[data-lectern-removed], .removed-shown, .removed-kept, .lectern-flash, [tabindex]')) {
      node.removeAttribute('data-lectern-removed');
      node.removeAttribute('tabindex');
      node.removeAttribute('hidden');
      node.classList.remove('removed-shown', 'removed-kept', 'lectern-flash');
      if (!node.classList.length) node.removeAttribute('class');
    }
    return copy;
  }

  async function copy(kind) {
    if (!article) return;
    const content = shownContent();
    let text;
    if (kind === 'html') text = content.innerHTML.trim();
    else {
      const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
      text = turndown.turndown(content);
    }
    const done = kind === 'html' ? 'Copied the HTML.' : 'Copied the Markdown.';
    ui.copyFallback.hidden = true;
    try {
      await navigator.clipboard.writeText(text);
      copied(done);
      return;
    } catch {
      // file:// may have no clipboard permission: the old way, through a selection.
    }
    ui.copyText.value = text;
    ui.copyFallback.hidden = false;
    ui.copyText.focus();
    ui.copyText.select();
    let ok;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    if (ok) {
      ui.copyFallback.hidden = true;
      copied(done);
    } else {
      copied('');
    }
  }

  let copiedTimer;
  function copied(message) {
    ui.copyStatus.textContent = message;
    clearTimeout(copiedTimer);
    if (message) copiedTimer = setTimeout(() => (ui.copyStatus.textContent = ''), 4000);
  }

  // ---------------------------------------------------------------------------------------
  // Helpers

  function categoryName(category) {
    return CATEGORIES.get(category) ?? category;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  // ---------------------------------------------------------------------------------------
  // Wiring

  /** Runs an input's task; then tells whoever drives the page (the browser tests) that it
   *  is done, shown or refused, with a "lectern-playground-done" event on the document. */
  function attempt(task) {
    task()
      .catch((e) => fail(sentence(e)))
      .finally(() => document.dispatchEvent(new CustomEvent('lectern-playground-done')));
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(openPasted);
  });
  ui.file.addEventListener('change', () => {
    const [file] = ui.file.files;
    ui.file.value = ''; // the same file can be opened again
    if (file) attempt(() => openFile(file));
  });
  ui.sample.addEventListener('click', () => {
    ui.html.value = SAMPLE;
    ui.url.value = 'https://harbour-gazette.example/news/sea-wall-opens';
    attempt(openPasted);
  });
  ui.showRemoved.addEventListener('change', update);
  ui.images.addEventListener('change', () => attempt(reshow));
  ui.keep.addEventListener('change', () => attempt(reshow));
  $('copy-html').addEventListener('click', () => copy('html'));
  $('copy-markdown').addEventListener('click', () => copy('markdown'));

  // Drop a file anywhere on the page.
  let dragDepth = 0;
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    dragDepth++;
    ui.drop.hidden = false;
  });
  document.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) ui.drop.hidden = true;
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    ui.drop.hidden = true;
    const [file] = event.dataTransfer.files;
    if (file) attempt(() => openFile(file));
  });

  clearError();
  // Compiles the wasm while the reader pastes.
  loadCore().catch((e) => fail(sentence(e)));

  /** A small cluttered article for "Try an example". */
  const SAMPLE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sea wall opens after three years - Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Mara Quist">
<meta property="article:published_time" content="2025-03-03T09:00:00Z">
<style>body { font-family: Georgia, serif; max-width: 60rem; margin: auto; } .cookie { background: #333; color: #fff; padding: 1em; }</style>
</head>
<body>
<div class="cookie cookie-banner" id="cookie-notice">We use cookies to improve your experience. <button>Accept</button></div>
<header><nav class="main-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main>
<article>
<h1>Sea wall opens after three years</h1>
<p class="byline">By <a rel="author" href="/authors/mara-quist">Mara Quist</a></p>
<div class="share-buttons social-share"><a href="https://twitter.com/share">Share on X</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
<p>The harbour master opened the new sea wall on Monday morning, three years after the storm that flooded half of the old town and left the fishing fleet stranded on the quay for a week.</p>
<p>Engineers designed the wall to withstand a once-in-a-century surge, and the town council paid for it with a mix of national grants, a local levy and a loan that will take twenty years to repay.</p>
<div class="ad advertisement"><span>Advertisement</span> <a href="https://ads.example/boats">Boats for every harbour</a></div>
<p>Fishermen who had campaigned for the wall said they finally felt safe leaving their boats in the harbour overnight, although some still worry about the narrow channel at the mouth of the river.</p>
<p>The council plans to open a footpath along the top of the wall next spring, with benches, lights and a small museum about the history of the harbour and the families who worked there.</p>
<div class="newsletter-signup"><h3>Subscribe to our newsletter</h3><p>The week's harbour news in your inbox every Friday.</p><form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>
<div class="author-bio"><p><strong>Mara Quist</strong> is the Gazette's harbour correspondent. She has covered the coast for twelve years.</p></div>
</article>
<aside class="related-posts"><h2>Related articles</h2><ul><li><a href="/news/storm">The storm, one year on</a></li><li><a href="/news/levy">Council agrees harbour levy</a></li><li><a href="/news/fleet">Fishing fleet returns</a></li></ul></aside>
<section id="comments" class="comments"><h2>3 comments</h2><div class="comment"><p>About time too. - Pete</p></div><div class="comment"><p>Will the footpath be open in winter? - Ann</p></div></section>
</main>
<footer><p>© 2025 Harbour Gazette. All rights reserved.</p> <a href="/privacy">Privacy policy</a></footer>
</body>
</html>
`;
})();
