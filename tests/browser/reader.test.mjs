// The reader view's own features in headless Chromium (Debian's), driven by playwright-core:
// the text and theme settings (toolbar panel, keyboard, every tab, storage.sync), the
// removed blocks and their categories, declutter in place, accessibility (axe-core, focus,
// landmarks), screenshots of each theme, the German strings, right-to-left articles and
// print. Like chromium.test.mjs, the tests dispatch the toolbar action from the service
// worker and load a test copy of dist/test-chrome that grants the test server's origin.
// Requests to any other host are aborted: fixtures link to images and scripts on the web.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { charactersPerLine, inView, widths } from './in-page.mjs';
import { startServer, testCopyOfExtension, PARAGRAPHS, DECLUTTER, ARABIC, SECTIONS } from './server.mjs';

const SCREENSHOTS = join('target', 'screenshots');
const AXE = readFileSync(join('node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const NEWS = '/fixtures/wordpress-news-clone/';
const BIO = 'is a news writer for';

let server, base, extension;
/** The browser of most tests: {context, worker, profile}. */
let main;

/** A headless Chromium with the test copy of the extension (and `extensions`), requests kept local. */
async function launch({ args = [], env = {}, extensions = [] } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'lectern-reader-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, ...env },
    viewport: { width: 1000, height: 800 },
    args: [
      `--disable-extensions-except=${[extension, ...extensions].join(',')}`,
      `--load-extension=${[extension, ...extensions].join(',')}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...args,
    ],
  });
  await context.route((url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => route.abort());
  const worker = await workerOf(context, 'background.js');
  return { context, worker, profile };
}

/** The service worker of the extension whose worker is `file` (Lectern's, or a stand-in's). */
async function workerOf(context, file) {
  const ours = (worker) => worker.url().endsWith(`/${file}`);
  return context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
}

async function close(browser) {
  await browser?.context.close();
  if (browser) rmSync(browser.profile, { recursive: true, force: true });
}

before(async () => {
  server = await startServer();
  base = `http://127.0.0.1:${server.address().port}`;
  extension = testCopyOfExtension('chrome', (manifest, dir) => {
    // Test-only: the page hears (a DOM event, which its own scripts see at once) that the
    // background has answered, before Lectern acts on the answer.
    writeFileSync(
      join(dir, 'test-hook.js'),
      `if (!Object.hasOwn(globalThis, '__lectern')) {
  const send = chrome.runtime.sendMessage.bind(chrome.runtime);
  chrome.runtime.sendMessage = async (message) => {
    const reply = await send(message);
    document.dispatchEvent(new CustomEvent('lectern-test-answer', { detail: message.type }));
    return reply;
  };
}
`,
    );
    const background = join(dir, 'background.js');
    const source = readFileSync(background, 'utf8');
    const files = 'files: ["content.js"]';
    assert.ok(source.includes(files), 'background.js injects content.js');
    writeFileSync(background, source.replace(files, 'files: ["test-hook.js", "content.js"]'));
  });
  main = await launch();
});

after(async () => {
  await close(main);
  server?.close();
  rmSync(extension, { recursive: true, force: true });
});

/** Runs the background's `name` (lecternToggle, lecternDeclutter) for the page's tab. */
async function dispatch(page, name, worker = main.worker) {
  await page.bringToFront();
  return worker.evaluate(async (name) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return globalThis[name](tab);
  }, name);
}

/** A new tab on `path` in the reader view. */
async function openReader(path, browser = main) {
  const page = await browser.context.newPage();
  await page.goto(`${base}${path}`);
  const reply = await dispatch(page, 'lecternToggle', browser.worker);
  assert.equal(reply?.on, true, `the reader view opens on ${path}: ${JSON.stringify(reply)}`);
  await page.waitForSelector('#lectern-reader .lectern-content');
  return page;
}

const stored = () => main.worker.evaluate(() => chrome.storage.sync.get(null));
const clearStorage = () => main.worker.evaluate(() => chrome.storage.sync.clear());

/** Waits until storage.sync holds every value in `want`, and returns what it holds. */
async function storedBecomes(want) {
  let values;
  for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
    values = await stored();
    if (Object.entries(want).every(([name, value]) => JSON.stringify(values[name]) === JSON.stringify(value))) return values;
    await new Promise((r) => setTimeout(r, 50));
  }
  return values;
}

/** What a reader sees of the article column: the font size, the colours, the attributes. */
function looks(page) {
  return page.evaluate(() => {
    const reader = document.getElementById('lectern-reader');
    const p = reader.querySelector('.lectern-content p');
    return {
      theme: reader.dataset.theme,
      fontSize: parseFloat(getComputedStyle(p).fontSize),
      fontFamily: getComputedStyle(p).fontFamily,
      textAlign: getComputedStyle(p).textAlign,
      background: getComputedStyle(reader).backgroundColor,
      color: getComputedStyle(p).color,
    };
  });
}

/**
 * The focused element, in the controls' shadow root too (open in the test build; Playwright's
 * selectors reach into it, document.activeElement is its host).
 */
const focused = (page) =>
  page.evaluateHandle(() => {
    let node = document.activeElement;
    while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
    return node;
  });

/** Tabs until `selector` has the focus (at most `max` presses); returns the presses. */
async function tabTo(page, selector, max = 6) {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await (await focused(page)).evaluate((node, s) => node?.matches(s), selector)) return presses;
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** The visible paragraphs of the reader's article, as text. */
function paragraphs(page) {
  return page.$$eval('#lectern-reader .lectern-content p', (ps) =>
    ps.filter((p) => p.checkVisibility()).map((p) => p.innerText.trim()).filter(Boolean),
  );
}

test('settings: chosen by keyboard in the panel, applied at once, saved, and shown in every tab', async () => {
  const page = await openReader('/article');
  const other = await openReader('/article');
  try {
    await page.bringToFront();
    const initial = await looks(page);
    assert.equal(initial.fontSize, 19, 'the default text size');

    // Keyboard: Tab from the reader to the "Aa" button, Enter opens its panel.
    await tabTo(page, '.lectern-open-settings');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#lectern-settings', { state: 'visible' });
    assert.equal(await page.getAttribute('.lectern-open-settings', 'aria-expanded'), 'true');
    assert.ok(await (await focused(page)).evaluate((node) => Boolean(node.closest('#lectern-settings'))), 'focus moves into the panel');

    // Theme by arrow keys within its radio group (system → light → sepia), font and
    // alignment by clicking their labels, then + twice with the focus still on a radio.
    await page.focus('#lectern-settings input[name=theme]:checked');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.click('#lectern-settings label:has(input[name=font][value=sans])');
    await page.click('#lectern-settings label:has(input[name=align][value=justify])');
    await page.keyboard.press('+');
    await page.keyboard.press('+');

    const changed = await looks(page);
    assert.equal(changed.theme, 'sepia');
    assert.equal(changed.fontSize, initial.fontSize + 2, 'two steps of + make the text 2px larger');
    assert.notEqual(changed.background, initial.background, 'the background changes with the theme');
    assert.equal(changed.background, 'rgb(244, 236, 216)', 'the sepia background');
    assert.notEqual(changed.fontFamily, initial.fontFamily, 'the font changes');
    assert.equal(changed.textAlign, 'justify');
    assert.equal(await page.textContent('#lectern-settings output[name=fontSizeValue]'), '21px', 'the panel shows the size');

    const values = await storedBecomes({ theme: 'sepia', font: 'sans', align: 'justify', fontSize: 21 });
    assert.deepEqual(
      { theme: values.theme, font: values.font, align: values.align, fontSize: values.fontSize },
      { theme: 'sepia', font: 'sans', align: 'justify', fontSize: 21 },
      'storage.sync holds the new settings',
    );

    // The other tab, in the reader view all along, follows without a reload.
    await other.waitForFunction(() => document.getElementById('lectern-reader').dataset.theme === 'sepia');
    await other.waitForFunction(() => parseFloat(getComputedStyle(document.querySelector('#lectern-reader .lectern-content p')).fontSize) === 21);
    assert.deepEqual(await looks(other), changed, 'the other tab looks the same');

    // A reader opened later starts with the saved settings.
    await dispatch(page, 'lecternToggle');
    await page.waitForSelector('#lectern-reader', { state: 'detached' });
    await dispatch(page, 'lecternToggle');
    await page.waitForSelector('#lectern-reader .lectern-content');
    assert.deepEqual(await looks(page), changed, 'reopened with the saved settings');
    assert.equal(await page.isChecked('#lectern-settings input[name=theme][value=sepia]'), true, 'the panel shows them');

    // The rest of the panel: the monospace font, the line width and spacing, and - for a
    // smaller text.
    const column = () =>
      page.evaluate(() => {
        const reader = document.getElementById('lectern-reader');
        const p = reader.querySelector('.lectern-content p');
        // The line width in characters (the test "line length" measures what it gives).
        const width = parseFloat(reader.style.getPropertyValue('--lectern-width'));
        return { width, leading: parseFloat(getComputedStyle(p).lineHeight), family: getComputedStyle(p).fontFamily };
      });
    const start = await column();
    await page.click('.lectern-open-settings');
    await page.waitForSelector('#lectern-settings', { state: 'visible' });
    await page.click('#lectern-settings label:has(input[name=font][value=mono])');
    await page.focus('#lectern-settings input[name=lineWidth]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.focus('#lectern-settings input[name=lineHeight]');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('-');
    const narrower = await column();
    assert.match(narrower.family, /mono/i, 'the monospace font');
    assert.ok(narrower.width < start.width, `a narrower column: ${start.width} → ${narrower.width}`);
    assert.ok(narrower.leading / 20 > start.leading / 21, `more space between lines: ${start.leading} → ${narrower.leading}`);
    assert.equal((await looks(page)).fontSize, 20, '- makes the text 1px smaller');
    const saved = await storedBecomes({ font: 'mono', fontSize: 20 });
    assert.ok(saved.lineWidth < 66 && saved.lineHeight > 1.6, `saved: ${JSON.stringify(saved)}`);

    // + and − typed into a field of the panels (in the controls' shadow root) are text.
    await page.click('.lectern-open-report');
    await page.click('#lectern-report [name=comment]');
    await page.keyboard.type('1+1-1');
    assert.equal(await page.inputValue('#lectern-report [name=comment]'), '1+1-1');
    assert.equal((await looks(page)).fontSize, 20, 'the text size is as it was');

    // The options page has the same settings: a change there reaches the open reader view.
    const options = await main.context.newPage();
    await options.goto(`chrome-extension://${new URL(main.worker.url()).host}/options.html`);
    await options.waitForFunction(() => document.querySelector('input[name=font][value=mono]')?.checked);
    await options.click('label:has(input[name=theme][value=dark])');
    await options.close();
    await page.waitForFunction(() => document.getElementById('lectern-reader').dataset.theme === 'dark');
  } finally {
    await clearStorage();
    await page.close();
    await other.close();
  }
});

/** Waits until `selector` is in the window, clear of the toolbar: scrolled to. */
const scrolledTo = (page, selector) => page.waitForFunction(inView, selector);

test('contents: a navigation landmark links the sections, beside the text when wide, a disclosure when narrow; the section read is marked', async () => {
  const page = await openReader('/sections');
  const short = await openReader('/article');
  try {
    assert.equal(await short.getByRole('navigation', { name: 'Contents' }).count(), 0, 'an article without sections has none');

    await page.bringToFront();
    await page.setViewportSize({ width: 1280, height: 800 });
    const nav = page.getByRole('navigation', { name: 'Contents' });
    const toggle = nav.getByRole('button', { name: 'Contents' });
    await nav.getByRole('button', { name: 'Contents', expanded: true }).waitFor(); // open beside the text
    const links = nav.getByRole('link');
    assert.deepEqual(await links.allInnerTexts(), SECTIONS, 'a link to each section heading, in order');
    const ids = await page.$$eval('#lectern-reader .lectern-content :is(h2, h3)', (headings) => headings.map((h) => h.id));
    assert.equal(ids[1], 'lectern-a-storm', 'a heading keeps its own id');
    assert.ok(!ids.includes('lectern-toc-1'), 'the page\'s own id is not taken');
    for (const id of ids) assert.equal(await page.evaluate((id) => document.querySelectorAll(`[id="${id}"]`).length, id), 1, `${id} is unique`);
    const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ids.map((id) => `#${id}`));

    // Wide: beside the text, open, and in view wherever the article is scrolled.
    const text = await page.locator('#lectern-reader .lectern-content').boundingBox();
    const list = await nav.boundingBox();
    assert.ok(list.x + list.width <= text.x, `beside the text: ${JSON.stringify({ list, text })}`);
    assert.equal(await page.locator('[aria-current]').count(), 0, 'no section is current above the first');

    // A link scrolls within the reader view, and marks its section as the current one.
    const url = page.url();
    await links.nth(2).click();
    await scrolledTo(page, '#lectern-reader .lectern-content h3');
    assert.equal(page.url(), url, 'the link does not leave the page or change its URL');
    await page.waitForFunction(() => document.querySelector('.lectern-toc [aria-current]')?.textContent === 'What the water took');
    assert.equal(await links.nth(2).getAttribute('aria-current'), 'location');
    assert.ok(await links.first().isVisible(), 'the list is still in view');
    // Scrolling on marks the next section.
    await page.evaluate(() => document.querySelectorAll('#lectern-reader .lectern-content h2')[2].scrollIntoView());
    await page.waitForFunction(() => document.querySelector('.lectern-toc [aria-current]')?.textContent === 'The new wall');

    // Narrow: a collapsed disclosure above the article; a link chosen closes it again.
    await page.setViewportSize({ width: 400, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await nav.getByRole('button', { name: 'Contents', expanded: false }).waitFor();
    assert.equal(await links.first().isVisible(), false);
    const title = await page.locator('#lectern-reader .lectern-title').boundingBox();
    assert.ok((await toggle.boundingBox()).y < title.y, 'above the article');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await links.nth(1).click();
    await scrolledTo(page, '#lectern-a-storm');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(page.url(), url);
  } finally {
    await page.close();
    await short.close();
  }
});

test('footnotes: a reference and its back-link scroll within the reader view, which stays open', async () => {
  const page = await openReader('/sections');
  try {
    const url = page.url();
    await page.locator('#lectern-reader sup').getByRole('link', { name: '1', exact: true }).click();
    await scrolledTo(page, '#lectern-a-fn1');
    await page.getByRole('link', { name: 'Back to the text' }).click();
    await scrolledTo(page, '#lectern-a-fnref1');
    assert.equal(page.url(), url, 'the page\'s URL and history are left alone');
    assert.ok(await page.isVisible('#lectern-reader .lectern-content'), 'still in the reader view');
  } finally {
    await page.close();
  }
});

test('line length: about 66 characters a line in every font (serif, sans-serif, monospace)', async (t) => {
  const page = await openReader('/sections');
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const font of ['serif', 'sans', 'mono']) {
      await main.worker.evaluate((font) => chrome.storage.sync.set({ font }), font);
      await page.waitForFunction((font) => document.getElementById('lectern-reader').dataset.font === font, font);
      const counts = await page.evaluate(charactersPerLine);
      const average = counts.reduce((a, b) => a + b, 0) / counts.length;
      t.diagnostic(`${font}: ${average.toFixed(1)} characters a line on average, at most ${Math.max(...counts)}`);
      assert.ok(counts.length > 20, `${font}: enough full lines to measure (${counts.length})`);
      assert.ok(average >= 58 && average <= 74, `${font}: ${average.toFixed(1)} characters a line on average`);
      assert.ok(Math.max(...counts) <= 80, `${font}: no line longer than 80 characters (${Math.max(...counts)})`);
    }
  } finally {
    await clearStorage();
    await page.close();
  }
});

test('Esc closes the open panel first, then leaves the reader view; the page comes back exactly', async () => {
  const page = await main.context.newPage();
  try {
    await page.goto(`${base}/article`);
    await page.fill('#q', 'tide tables');
    await page.evaluate(() => window.scrollTo(0, 400));
    const snapshot = () =>
      page.evaluate(() => ({
        html: document.documentElement.outerHTML,
        focus: document.activeElement.id,
        value: document.getElementById('q').value,
        scroll: window.scrollY,
        color: getComputedStyle(document.body).color,
      }));
    const before = await snapshot();
    await dispatch(page, 'lecternToggle');
    await page.waitForSelector('#lectern-reader .lectern-content');

    await page.click('.lectern-open-clutter');
    await page.waitForSelector('#lectern-clutter', { state: 'visible' });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#lectern-clutter', { state: 'hidden' });
    assert.ok(await page.isVisible('#lectern-reader'), 'the first Esc leaves the reader view open');
    assert.equal(await (await focused(page)).evaluate((node) => node.className), 'lectern-open-clutter', 'focus returns to the panel\'s button');
    assert.equal(await page.getAttribute('.lectern-open-clutter', 'aria-expanded'), 'false');

    await page.keyboard.press('Escape');
    await page.waitForSelector('#lectern-reader', { state: 'detached' });
    assert.deepEqual(await snapshot(), before, 'the page is back as it was: same HTML, focus, typed value, scroll');
  } finally {
    await page.close();
  }
});

test('what the page adds while the reader view is up (an overlay, a stylesheet) stays out of it, and comes back with the page', async () => {
  const page = await openReader('/article');
  try {
    const before = await looks(page);
    await page.evaluate(() => {
      const overlay = Object.assign(document.createElement('div'), { id: 'late-overlay', textContent: 'Subscribe now!' });
      overlay.setAttribute('style', 'position: fixed; inset: 0; z-index: 2147483647; background: white');
      document.documentElement.append(overlay);
      const style = Object.assign(document.createElement('style'), { id: 'late-style' });
      style.textContent = '#lectern-reader, #lectern-reader * { color: rgb(255, 0, 0) !important; font-size: 5px !important }';
      document.head.append(style);
    });
    await page.waitForFunction(() => document.getElementById('late-style').sheet?.disabled);
    assert.equal(await page.isVisible('#late-overlay'), false, 'the overlay is kept out of the reader view');
    assert.deepEqual(await looks(page), before, 'the stylesheet does not restyle the reader view');
    await dispatch(page, 'lecternToggle');
    await page.waitForSelector('#lectern-reader', { state: 'detached' });
    assert.equal(await page.isVisible('#late-overlay'), true, 'the overlay comes back with the page');
    assert.equal(await page.getAttribute('#late-overlay', 'style'), 'position: fixed; inset: 0; z-index: 2147483647; background: white');
    assert.equal(await page.evaluate(() => document.getElementById('late-style').sheet.disabled), false, 'and the stylesheet');
  } finally {
    await page.close();
  }
});

test('removed blocks: categories switch them into the article, "show what was removed" shows them dimmed, nothing is lost', async () => {
  const page = await openReader(NEWS);
  try {
    const initial = await paragraphs(page);
    assert.ok(initial.length >= 10, `the article has its paragraphs (${initial.length})`);
    const readerText = () => page.locator('#lectern-reader .lectern-content').innerText();
    assert.ok(!(await readerText()).includes(BIO), 'the author bio is removed');
    /** Every paragraph there was at first is still shown. */
    const nothingLost = async (step) => {
      const now = await paragraphs(page);
      for (const p of initial) assert.ok(now.includes(p), `${step}: lost "${p.slice(0, 60)}"`);
    };

    await page.click('.lectern-open-clutter');
    const switches = await page.$$eval('#lectern-clutter .lectern-categories label', (labels) => labels.map((l) => l.textContent));
    assert.ok(switches.includes('Author bio (1)'), `an author bio switch: ${switches}`);

    // The author bio category: its text becomes article text (not dimmed, no label).
    await page.check('#lectern-clutter input[value=author_bio]');
    assert.ok((await readerText()).includes(BIO), 'the author bio shows once its category is on');
    const bio = page.locator('#lectern-reader .lectern-content [data-lectern-removed]', { hasText: BIO }).last();
    assert.equal(await bio.isVisible(), true);
    assert.equal(await page.locator('#lectern-reader .lectern-removed-label').count(), 0, 'kept blocks have no label');
    assert.equal(await page.locator('#lectern-reader .lectern-removed-shown').count(), 0, 'nor the dimmed look');
    await nothingLost('author bio on');
    await page.uncheck('#lectern-clutter input[value=author_bio]');
    assert.ok(!(await readerText()).includes(BIO), 'and goes again when it is off');

    // Show what was removed: every removed block dimmed, labelled with its category.
    await page.check('#lectern-clutter input[name=showRemoved]');
    assert.ok((await readerText()).includes(BIO));
    const shown = await page.$$eval('#lectern-reader .lectern-content [data-lectern-removed]', (nodes) =>
      nodes.map((n) => ({ visible: n.checkVisibility(), dimmed: n.classList.contains('lectern-removed-shown') })),
    );
    assert.ok(shown.every((b) => b.visible && b.dimmed), `every removed block is shown dimmed: ${JSON.stringify(shown)}`);
    const labels = await page.$$eval('#lectern-reader .lectern-removed-label', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(labels.some((l) => l.startsWith('Removed · Author bio:')), `labels name the category: ${labels}`);
    // and say why in a reader's words, not the rule's ("class token", "link density").
    const plain = JSON.parse(readFileSync('extension/_locales/en/messages.json', 'utf8'));
    const whys = Object.entries(plain).filter(([key]) => key.startsWith('why_')).map(([, m]) => m.message);
    for (const label of labels) assert.ok(whys.some((why) => label.endsWith(`: ${why}`)), `a plain reason: ${label}`);
    const source = page.locator('#lectern-reader .lectern-content [data-lectern-removed]', { hasText: 'Source link' });
    const colours = await source.evaluate((node) => {
      const p = node.closest('.lectern-content').querySelector('p:not([data-lectern-removed])');
      return { block: getComputedStyle(node).color, text: getComputedStyle(p).color, blockBg: getComputedStyle(node).backgroundColor };
    });
    assert.notEqual(colours.block, colours.text, `a removed block is dimmed: ${JSON.stringify(colours)}`);
    assert.notEqual(colours.blockBg, 'rgba(0, 0, 0, 0)', 'and set apart by its background');
    await nothingLost('show removed on');

    // Clicking a block's label keeps that block, as article text, even with "show" off.
    const label = source.locator('.lectern-removed-label');
    assert.match(await label.textContent(), /^Removed · Navigation: /);
    await label.click();
    assert.equal(await source.evaluate((n) => n.classList.contains('lectern-removed-shown')), false, 'the clicked block is no longer dimmed');
    assert.equal(await source.locator('.lectern-removed-label').count(), 0, 'nor labelled');
    await page.uncheck('#lectern-clutter input[name=showRemoved]');
    assert.equal(await source.isVisible(), true, 'the kept block stays with "show" off');
    assert.ok(!(await readerText()).includes(BIO), 'the other removed blocks are hidden again');
    await nothingLost('everything off');
    assert.deepEqual(
      (await paragraphs(page)).filter((p) => !p.includes('Source link')),
      initial,
      'after all the switching, the same paragraphs in the same order (plus the one kept)',
    );

    // Save as default: storage.sync keeps the category; a new reader view keeps it too.
    await page.check('#lectern-clutter input[value=author_bio]');
    await page.click('#lectern-clutter .lectern-save-default');
    await page.locator('#lectern-clutter .lectern-status:not(:empty)').waitFor();
    assert.equal(await page.textContent('#lectern-clutter .lectern-status'), 'Saved: new pages keep the same categories.');
    assert.deepEqual((await storedBecomes({ keep: ['author_bio'] })).keep, ['author_bio']);
    const later = await openReader(NEWS);
    try {
      assert.ok((await later.locator('#lectern-reader .lectern-content').innerText()).includes(BIO), 'a new reader view keeps the saved category');
      assert.equal(await later.isChecked('#lectern-clutter input[value=author_bio]'), true);
    } finally {
      await later.close();
    }
  } finally {
    await clearStorage();
    await page.close();
  }
});

test('removed blocks: the related list on a simple article is shown dimmed, labelled "Related"', async () => {
  const page = await openReader('/article');
  try {
    const related = page.locator('#lectern-reader .lectern-content [data-lectern-removed]', { hasText: 'Related articles' });
    assert.equal(await related.isVisible(), false);
    await page.click('.lectern-open-clutter');
    await page.check('#lectern-clutter input[name=showRemoved]');
    assert.equal(await related.isVisible(), true);
    assert.equal(await related.evaluate((n) => n.classList.contains('lectern-removed-shown')), true);
    assert.match(await related.locator('.lectern-removed-label').textContent(), /^Removed · Related and recent lists: /);
  } finally {
    await page.close();
  }
});

test('declutter hides the clutter on the live page, whatever its scripts do meanwhile, and undo gives back every style', async () => {
  const page = await main.context.newPage();
  try {
    await page.goto(`${base}/cluttered`);
    assert.ok(await page.isVisible('#top-ad'), 'the page script added its ad before the load event');
    // A script that keeps adding to the top of the body (element numbers shift), started
    // before declutter and running through it.
    await page.evaluate(() => {
      let n = 0;
      window.churn = setInterval(() => {
        const tick = document.createElement('div');
        tick.className = 'churn';
        tick.textContent = `tick ${++n}`;
        document.body.prepend(tick);
      }, 50);
    });
    await page.waitForSelector('.churn');
    // And one more at the worst moment: after Lectern read the page, before it hides
    // anything (every element after it is numbered one more than the core saw).
    await page.evaluate(() =>
      document.addEventListener('lectern-test-answer', ({ detail }) => {
        if (detail !== 'declutter' || window.late) return;
        window.late = Object.assign(document.createElement('div'), { className: 'churn', textContent: 'late' });
        document.body.prepend(window.late);
      }),
    );
    /** The body's HTML without the churn, and every style attribute as written. */
    const snapshot = () =>
      page.evaluate(() => {
        const body = document.body.cloneNode(true);
        for (const node of body.querySelectorAll('.churn')) node.remove();
        return {
          html: body.outerHTML,
          styles: [...document.querySelectorAll('[style]')].filter((n) => !n.closest('.churn')).map((n) => `${n.id}: ${n.getAttribute('style')}`),
        };
      });
    const before = await snapshot();
    assert.deepEqual(before.styles, ['top-ad: min-height:90px ;  background: #eee', 'sidebar-ad: DISPLAY: block; border: 1px solid #ccc', 'newsletter: padding: 8px', 'cookie-banner: position: fixed !important']);
    const visible = async () => {
      const out = {};
      for (const selector of [...Object.keys(DECLUTTER), '#masthead', '#site-nav']) out[selector] = await page.isVisible(selector);
      for (const p of PARAGRAPHS) out[p.slice(0, 30)] = await page.getByText(p).isVisible();
      return out;
    };
    const all = await visible();
    assert.ok(Object.values(all).every(Boolean), `everything shows at first: ${JSON.stringify(all)}`);

    const reply = await dispatch(page, 'lecternDeclutter');
    assert.deepEqual(reply, { on: true, hidden: Object.keys(DECLUTTER).length });
    await page.waitForSelector('#lectern-declutter-notice');
    assert.match(await page.textContent('#lectern-declutter-notice'), /Lectern hid 5 clutter blocks on this page\./);
    const after = await visible();
    for (const selector of Object.keys(DECLUTTER)) assert.equal(after[selector], false, `${selector} (${DECLUTTER[selector]}) is hidden`);
    for (const [what, shown] of Object.entries(after)) if (!(what in DECLUTTER)) assert.equal(shown, true, `${what} stays`);
    const hidden = await page.$$eval('body *', (nodes) => nodes.filter((n) => n.style.display === 'none').map((n) => n.id || n.className));
    assert.deepEqual(hidden.sort(), Object.keys(DECLUTTER).map((s) => s.slice(1)).sort(), 'only the clutter is hidden, no churn and nothing else');
    assert.equal(await page.evaluate(() => window.late?.isConnected), true, 'the page changed while Lectern worked');
    const ticks = await page.$$eval('.churn', (nodes) => nodes.length);

    await page.click('#lectern-declutter-notice .lectern-undo');
    await page.waitForSelector('#lectern-declutter-notice', { state: 'detached' });
    await page.waitForFunction((ticks) => document.querySelectorAll('.churn').length > ticks, ticks);
    await page.evaluate(() => clearInterval(window.churn));
    assert.deepEqual(await snapshot(), before, 'undo gives back the page exactly, style attributes as written');
    assert.ok(Object.values(await visible()).every(Boolean), 'everything shows again');

    // From the reader view, "Declutter page instead" turns the reader off and declutters.
    await dispatch(page, 'lecternToggle');
    await page.waitForSelector('#lectern-reader .lectern-content');
    await page.click('#lectern-reader .lectern-declutter');
    await page.waitForSelector('#lectern-declutter-notice');
    assert.equal(await page.locator('#lectern-reader').count(), 0, 'the reader view is gone');
    const switched = await visible();
    for (const [what, shown] of Object.entries(switched)) assert.equal(shown, !(what in DECLUTTER), `after switching, ${what}`);
    // Declutter again: undone.
    assert.deepEqual(await dispatch(page, 'lecternDeclutter'), { on: false });
    assert.equal(await page.locator('#lectern-declutter-notice').count(), 0);
    assert.deepEqual(await snapshot(), before, 'undone from the toolbar too, exactly');

    // The reader view from the decluttered page is the reader view of the page as built
    // (declutter is undone first), and closing it leaves the page as it was.
    const categories = () => page.$$eval('#lectern-clutter .lectern-categories input', (inputs) => inputs.map((i) => i.value));
    await dispatch(page, 'lecternToggle');
    await page.waitForSelector('#lectern-reader .lectern-content');
    const fromPage = { categories: await categories(), text: await page.textContent('#lectern-reader .lectern-content') };
    await dispatch(page, 'lecternToggle');
    await dispatch(page, 'lecternDeclutter');
    await page.waitForSelector('#lectern-declutter-notice');
    assert.deepEqual(await dispatch(page, 'lecternToggle'), { on: true });
    await page.waitForSelector('#lectern-reader .lectern-content');
    assert.deepEqual({ categories: await categories(), text: await page.textContent('#lectern-reader .lectern-content') }, fromPage);
    await dispatch(page, 'lecternToggle');
    assert.equal(await page.locator('#lectern-declutter-notice').count(), 0);
    assert.deepEqual(await snapshot(), before, 'the page is back as built, not decluttered');
  } finally {
    await page.close();
  }
});

/** Injects axe-core (once) and returns the serious and critical violations. */
async function axe(page) {
  if (!(await page.evaluate(() => Boolean(globalThis.axe)))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
}

/** Fails with every violation of every state, if there are any. */
function assertNoViolations(found) {
  const failing = Object.entries(found).filter(([, violations]) => violations.length);
  assert.ok(!failing.length, failing.map(([state, violations]) => `${state}: ${JSON.stringify(violations, null, 2)}`).join('\n'));
}

test('accessibility: no serious axe violations in any theme, with either panel open; one main, the title as h1, focus visible', async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const page = await openReader(NEWS);
  try {
    // Landmarks and heading.
    const landmarks = await page.evaluate(() => ({
      mains: [...document.querySelectorAll('main, [role=main]')].filter((n) => n.checkVisibility()).map((n) => n.className),
      h1s: [...document.querySelectorAll('h1')].filter((n) => n.checkVisibility()).map((n) => n.textContent),
    }));
    assert.deepEqual(landmarks.mains, ['lectern-page'], 'one main landmark: the reader\'s');
    assert.deepEqual(landmarks.h1s, ['Scale AI’s Alexandr Wang has published an open letter lobbying Trump to invest in AI'], 'one h1: the title');

    // A keyboard focus ring on the toolbar's buttons.
    await tabTo(page, '.lectern-close');
    const ring = await (await focused(page)).evaluate((node) => {
      const style = getComputedStyle(node);
      return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow };
    });
    assert.ok(ring.outline !== 'none' || ring.shadow !== 'none', `a visible focus ring: ${JSON.stringify(ring)}`);

    /** Violations by state: all of them are reported at once. */
    const found = {};
    const backgrounds = {};
    for (const [theme, colorScheme] of [['light', 'light'], ['sepia', 'light'], ['dark', 'light'], ['system', 'dark']]) {
      await page.emulateMedia({ colorScheme });
      await main.worker.evaluate((theme) => chrome.storage.sync.set({ theme }), theme);
      await page.waitForFunction((theme) => document.getElementById('lectern-reader').dataset.theme === theme, theme);
      const name = theme === 'system' ? 'system-dark' : theme;
      backgrounds[name] = (await looks(page)).background;

      // The settings panel open.
      await page.click('.lectern-open-settings');
      await page.waitForSelector('#lectern-settings', { state: 'visible' });
      found[`${theme}, settings panel open`] = await axe(page);
      if (theme === 'light' || theme === 'dark') await page.screenshot({ path: join(SCREENSHOTS, `${name}-settings.png`) });

      // The removed panel open, removed blocks shown.
      await page.click('.lectern-open-clutter');
      await page.waitForSelector('#lectern-clutter', { state: 'visible' });
      await page.check('#lectern-clutter input[name=showRemoved]');
      found[`${theme}, removed panel open, removed blocks shown`] = await axe(page);
      if (theme === 'sepia') await page.screenshot({ path: join(SCREENSHOTS, `${name}-removed.png`) });

      // The reader alone, removed blocks still shown, scrolled to the first of them.
      await page.click('.lectern-open-clutter');
      await page.locator('#lectern-reader .lectern-removed-shown').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click('.lectern-open-clutter');
      await page.uncheck('#lectern-clutter input[name=showRemoved]');
      await page.click('.lectern-open-clutter');
    }
    assert.equal(new Set(Object.values(backgrounds)).size, 3, `light, sepia and dark differ: ${JSON.stringify(backgrounds)}`);
    assert.equal(backgrounds['system-dark'], backgrounds.dark, '"system" follows a dark system');
    assertNoViolations(found);
  } finally {
    await clearStorage();
    await page.emulateMedia({ colorScheme: null });
    await page.close();
  }
});

test('accessibility: no serious axe violations on the options page, light and dark', async () => {
  const id = new URL(main.worker.url()).host;
  const page = await main.context.newPage();
  try {
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent);
    const found = {};
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      found[`options page, ${colorScheme}`] = await axe(page);
      await page.screenshot({ path: join(SCREENSHOTS, `options-${colorScheme}.png`), fullPage: true });
    }
    assertNoViolations(found);
  } finally {
    await page.close();
  }
});

test('small windows: from 320 px, no sideways scrolling, every toolbar button in view and clickable, panels as sheets below the text; axe clean at 400 px', async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const page = await openReader('/sections');
  try {
    const toolbar = page.getByRole('group', { name: 'Reader view controls' });
    const found = {};
    for (const width of [320, 400]) {
      await page.setViewportSize({ width, height: 720 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const { scrollWidth, clientWidth } = await page.evaluate(widths);
      assert.ok(scrollWidth <= clientWidth, `${width} px: no sideways scrolling (${scrollWidth} > ${clientWidth})`);
      const bar = await toolbar.boundingBox();
      const buttons = await toolbar.getByRole('button').all();
      assert.ok(buttons.length >= 5, `${width} px: the toolbar's buttons (${buttons.length})`);
      for (const button of buttons) {
        const name = await button.getAttribute('aria-label') ?? await button.textContent();
        const box = await button.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${width} px: "${name}" is within the window: ${JSON.stringify(box)}`);
        await button.click({ trial: true, timeout: 2000 }); // visible, enabled, not covered
      }
      // Each panel: a sheet along the bottom, clear of the toolbar, the article in view above it.
      for (const name of ['Text and theme', /^Removed/, 'Report a problem', 'Save', 'Read aloud']) {
        const opener = toolbar.getByRole('button', { name });
        await opener.click();
        const panel = page.locator(`[id="${await opener.getAttribute('aria-controls')}"]`);
        await panel.waitFor();
        const sheet = await panel.boundingBox();
        assert.ok(sheet.y >= bar.y + bar.height + 100, `${width} px: the article shows between the toolbar and the panel: ${JSON.stringify({ bar, sheet })}`);
        assert.ok(Math.abs(sheet.y + sheet.height - 720) < 2 && sheet.width <= width, `${width} px: a sheet along the bottom: ${JSON.stringify(sheet)}`);
        if (width === 400) {
          for (const colorScheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme });
            found[`400 px, ${colorScheme}, ${name} open`] = await axe(page);
          }
          await page.emulateMedia({ colorScheme: null });
        }
        await opener.click();
        await panel.waitFor({ state: 'hidden' });
      }
      if (width === 400) {
        for (const colorScheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme });
          found[`400 px, ${colorScheme}`] = await axe(page);
        }
        await page.emulateMedia({ colorScheme: null });
      }
      await page.mouse.move(width / 2, 600); // no button hovered in the screenshot
      await page.screenshot({ path: join(SCREENSHOTS, `reader-${width}.png`) });
    }
    // docs/reader-400.png and docs/reader-1280.png are these (README).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => document.getElementById('lectern-a-storm').scrollIntoView());
    await page.waitForSelector('.lectern-toc [aria-current]');
    await page.screenshot({ path: join(SCREENSHOTS, 'reader-1280.png') });
    assertNoViolations(found);
  } finally {
    await page.close();
  }
});

test('a right-to-left article reads right to left under the toolbar of the extension\'s language', async () => {
  const page = await openReader('/rtl');
  try {
    const layout = await page.evaluate(() => {
      const reader = document.getElementById('lectern-reader');
      const controls = document.getElementById('lectern-controls').shadowRoot;
      const article = reader.querySelector('.lectern-document');
      const title = reader.querySelector('.lectern-title');
      const range = document.createRange();
      range.selectNodeContents(title);
      const text = range.getBoundingClientRect();
      const box = title.getBoundingClientRect();
      return {
        direction: getComputedStyle(article).direction,
        lang: article.lang,
        toolbar: getComputedStyle(controls.querySelector('.lectern-bar')).direction,
        paragraph: getComputedStyle(reader.querySelector('.lectern-content p')).direction,
        gapRight: box.right - text.right,
        gapLeft: text.left - box.left,
        close: controls.querySelector('.lectern-close').getBoundingClientRect().left,
        declutter: controls.querySelector('.lectern-declutter').getBoundingClientRect().left,
      };
    });
    assert.equal(layout.direction, 'rtl');
    assert.equal(layout.paragraph, 'rtl');
    assert.equal(layout.lang, 'ar');
    assert.ok(Math.abs(layout.gapRight) < 1 && layout.gapLeft > 50, `the title sits on the right: ${JSON.stringify(layout)}`);
    assert.equal(layout.toolbar, 'ltr', 'the English toolbar stays left to right');
    assert.ok(layout.close < layout.declutter, 'the close button is at the toolbar\'s start');
    const text = await page.locator('#lectern-reader .lectern-content').innerText();
    for (const p of ARABIC) assert.ok(text.includes(p), `reader view lacks: ${p.slice(0, 30)}`);
  } finally {
    await page.close();
  }
});

test('save: the article as a web page of its own (styles inlined, no script) and as Markdown, named after its title', async () => {
  const page = await openReader('/sections');
  try {
    // What the page's scripts put into the article meanwhile is not saved.
    await page.evaluate(() => {
      const script = Object.assign(document.createElement('script'), { textContent: 'document.title += "";' });
      const meta = Object.assign(document.createElement('meta'), { httpEquiv: 'refresh', content: '3600; url=https://attacker.example/' });
      document.querySelector('#lectern-reader .lectern-content').append(script, meta);
    });
    const toolbar = page.getByRole('group', { name: 'Reader view controls' });
    await toolbar.getByRole('button', { name: 'Save' }).click();
    const save = async (name) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { name: file.suggestedFilename(), path: await file.path() };
    };

    const html = await save('As a web page (HTML)');
    assert.equal(html.name, 'The harbour wall a guide.html', 'named after the title, without the colon');
    const source = readFileSync(html.path, 'utf8');
    assert.ok(!/<script/i.test(source) && !source.includes('attacker.example'), 'no script, nothing the page added');
    assert.match(source, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.ok(source.includes('<h1 class="lectern-title">The harbour wall: a guide</h1>'), 'the title');
    for (const p of PARAGRAPHS) assert.ok(source.includes(p), `the paragraph: ${p.slice(0, 30)}`);
    assert.ok(!source.includes('lectern-controls') && !source.includes('Report a problem'), 'no controls');
    // It reads as the reader view does, offline: the styles are in it.
    const folder = mkdtempSync(join(tmpdir(), 'lectern-saved-'));
    const file = join(folder, html.name);
    writeFileSync(file, source);
    const saved = await main.context.newPage();
    try {
      await saved.goto(pathToFileURL(file).href);
      assert.equal(await saved.evaluate(() => getComputedStyle(document.getElementById('lectern-reader')).backgroundColor), 'rgb(251, 250, 246)');
      assert.deepEqual(await saved.getByRole('navigation', { name: 'Contents' }).getByRole('link').allInnerTexts(), SECTIONS);
    } finally {
      await saved.close();
      rmSync(folder, { recursive: true, force: true });
    }

    const markdown = await save('As Markdown');
    assert.equal(markdown.name, 'The harbour wall a guide.md');
    const text = readFileSync(markdown.path, 'utf8');
    assert.match(text, /^# The harbour wall: a guide$/m);
    assert.match(text, /^## The old wall$/m);
    for (const p of PARAGRAPHS) assert.ok(text.includes(p), `the paragraph: ${p.slice(0, 30)}`);
    assert.ok(!/<script/i.test(text), 'no script');
  } finally {
    await page.close();
  }
});

/**
 * A stand-in voice: headless Chromium has none. A text-to-speech engine extension whose
 * voice "takes" 300 ms a block, and keeps what it was asked to say (globalThis.said) and
 * to do (globalThis.asked: pause, resume, stop).
 */
function testVoice() {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-voice-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Test voice',
      version: '1.0',
      permissions: ['ttsEngine'],
      tts_engine: { voices: [{ voice_name: 'Test voice', lang: 'en-US', event_types: ['start', 'end'] }] },
      background: { service_worker: 'worker.js' },
    }),
  );
  writeFileSync(
    join(dir, 'worker.js'),
    `globalThis.said = [];
globalThis.asked = [];
let timer, finish;
chrome.ttsEngine.onSpeak.addListener((text, options, send) => {
  said.push({ text, voiceName: options.voiceName, rate: Math.round(options.rate * 100) / 100 });
  send({ type: 'start', charIndex: 0 });
  finish = () => (timer = setTimeout(() => send({ type: 'end', charIndex: text.length }), 300));
  finish();
});
for (const name of ['stop', 'pause', 'resume']) {
  chrome.ttsEngine['on' + name[0].toUpperCase() + name.slice(1)].addListener(() => {
    asked.push(name);
    clearTimeout(timer);
    if (name === 'resume') finish();
  });
}
`,
  );
  return dir;
}

test('read aloud: play speaks the article a block at a time, the block spoken highlighted, with the voice and speed chosen; pause and stop', async () => {
  const voice = testVoice();
  const browser = await launch({ extensions: [voice] });
  try {
    const page = await openReader('/sections', browser);
    await page.waitForFunction(() => speechSynthesis.getVoices().some((v) => v.name === 'Test voice'));
    const toolbar = page.getByRole('group', { name: 'Reader view controls' });

    // The voice and the speed, in the settings panel, by keyboard.
    await toolbar.getByRole('button', { name: 'Text and theme' }).click();
    await page.getByRole('combobox', { name: 'Voice' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('slider', { name: 'Reading speed' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('lectern-controls').shadowRoot.querySelector('select').selectedOptions[0]?.label === 'Test voice (en-US)');

    await toolbar.getByRole('button', { name: 'Read aloud' }).click();
    const speaking = () => page.evaluate(() => [...document.querySelectorAll('.lectern-speaking')].map((n) => n.textContent));
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => speechSynthesis.speaking);
    assert.deepEqual(await speaking(), ['The harbour wall: a guide'], 'the title first, highlighted');
    await page.waitForFunction(() => document.querySelector('.lectern-speaking')?.textContent.startsWith('The wall was long in coming.'));
    const engine = await workerOf(browser.context, 'worker.js'); // woken by the first block
    const said = await engine.evaluate(() => globalThis.said);
    assert.deepEqual(said[0], { text: 'The harbour wall: a guide', voiceName: 'Test voice', rate: 1.2 });
    /** Waits until the voice was asked to `name` (pause, resume, stop). */
    const asked = (name) => engine.evaluate((name) => new Promise((resolve) => {
      const check = () => (globalThis.asked.includes(name) ? resolve() : setTimeout(check, 50));
      check();
    }), name);

    await page.getByRole('button', { name: 'Pause' }).click();
    await asked('pause');
    const paused = await speaking();
    await page.waitForTimeout(700);
    assert.deepEqual(await speaking(), paused, 'paused, the same block stays highlighted');
    assert.equal(await page.getByRole('button', { name: 'Pause' }).isDisabled(), true);
    await page.getByRole('button', { name: 'Resume' }).click();
    await asked('resume');
    await page.waitForFunction((paused) => document.querySelector('.lectern-speaking')?.textContent !== paused, paused[0]);

    await page.getByRole('button', { name: 'Stop' }).click();
    await asked('stop');
    await page.waitForFunction(() => !speechSynthesis.speaking);
    assert.deepEqual(await speaking(), [], 'no block is highlighted once stopped');
    assert.equal(await page.getByRole('button', { name: 'Play' }).isEnabled(), true);
  } finally {
    await close(browser);
    rmSync(voice, { recursive: true, force: true });
  }
});

test('read aloud without a voice (headless Chromium has none): says so, and is ready to play again', async () => {
  const page = await openReader('/sections');
  try {
    await page.getByRole('group', { name: 'Reader view controls' }).getByRole('button', { name: 'Read aloud' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('status').filter({ hasText: 'No voice could read this' }).waitFor();
    assert.equal(await page.locator('.lectern-speaking').count(), 0, 'nothing highlighted');
    assert.equal(await page.getByRole('button', { name: 'Play' }).isEnabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Stop' }).isDisabled(), true);
  } finally {
    await page.close();
  }
});

test('print: the article alone, without the toolbar, panels, contents or footer', async () => {
  const page = await openReader('/sections');
  try {
    await page.click('.lectern-open-settings');
    await page.waitForSelector('#lectern-settings', { state: 'visible' });
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.lectern-bar', '#lectern-settings', '.lectern-toc', '.lectern-footer']) {
      assert.equal(await page.isVisible(`#lectern-reader ${selector}`), false, `${selector} is not printed`);
    }
    for (const selector of ['.lectern-title', '.lectern-content']) {
      assert.equal(await page.isVisible(`#lectern-reader ${selector}`), true, `${selector} is printed`);
    }
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('lectern-reader')).backgroundColor), 'rgb(255, 255, 255)', 'on white');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.isVisible('#lectern-reader .lectern-bar'), true, 'the toolbar is back on screen');
  } finally {
    await page.close();
  }
});

test('German: with the browser in German, the reader view speaks German', async () => {
  const german = await launch({ args: ['--lang=de'], env: { LANGUAGE: 'de' } });
  try {
    const page = await openReader('/article', german);
    assert.equal(await page.getAttribute('.lectern-open-settings', 'aria-label'), 'Text und Farben');
    assert.equal(await page.textContent('.lectern-open-clutter'), 'Entfernt: 3');
    await page.click('.lectern-open-settings');
    const legends = await page.$$eval('#lectern-settings legend', (nodes) => nodes.map((n) => n.textContent));
    assert.equal(legends[0], 'Farbschema');
    assert.equal(await page.textContent('#lectern-reader .lectern-declutter'), 'Stattdessen Seite entrümpeln');
    assert.match(await page.locator('#lectern-reader .lectern-meta').innerText(), /\d+ Min\. Lesezeit/);
  } finally {
    await close(german);
  }
});
