// Always-reader sites (issue 9), in both browsers, with the test server's origin listed.
//
// Granting: tests cannot click the options page's "Allow and add" inside a browser-modal
// permission prompt, so the test copies carry the test server's origin as a host permission
// (testCopyOfExtension, as every browser test does) and a test-only hook stores alwaysSites
// and waits for the background to register the content scripts. The user's path, the
// options page's permissions.request, is the same list and the same registration.
//
// Firefox (puppeteer-core over BiDi): the article's response is rewritten as it arrives: no
// page script runs (inline or external), no beacon is requested, the page carries the CSP;
// the home page (not an article) arrives byte for byte as sent (the bytes the filter handed
// on, recorded by a test-only wrapper, against the server's; and the same document as from
// an unlisted origin); a windows-1251 page (charset in the header) and a Shift_JIS one
// (charset in its <meta> alone: the core chooses, the browser's TextDecoder decodes) read right; "Show
// original" loads the page as the site built it, once; "Never on this page" sticks.
// Chromium (playwright-core): the article opens as the reader view and a page script that
// checks every frame never sees the original content visible; a failed extraction, a slow
// one and a home page all show the page as it is.
//
// LECTERN_TIMINGS=1 also measures, on the largest fixture (fm12-long-wiki), the time from
// navigation start to the reader view painted (median of 5) for the streamed page
// (Firefox), the fast path (Chromium) and the on-demand toggle after load (both), with the
// page scripts run and the requests the page made; it prints them as a table.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromium } from 'playwright-core';
import { startServer, testCopyOfExtension, BIG_PAGE, PARAGRAPHS, CYRILLIC, JAPANESE, REQUESTS, alwaysHome } from './server.mjs';

const TIMINGS = Boolean(process.env.LECTERN_TIMINGS);
const RUNS = 5;
const FIXTURE = '/always/fixture/fm12-long-wiki';
const timings = [];

let server, base;

before(async () => {
  server = await startServer();
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server?.close();
  if (timings.length) {
    console.log('\nnavigation start → reader view painted, fm12-long-wiki (536 KB), median of %d', RUNS);
    console.table(timings);
  }
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const beacons = () => REQUESTS.filter((r) => r.path.startsWith('/beacon'));
const pageRequests = (from, path) => REQUESTS.slice(from).filter((r) => r.path !== path && !r.path.startsWith('/always/fixture/'));

/**
 * Test-only content script: records when the reader view (with or without its toolbar)
 * is first painted, in performance.now() of the page (navigation start is 0), as
 * data-test-painted on <html>. Firefox's streamed page paints the reader from the parser.
 */
const PAINT_PROBE = `(() => {
  const seen = () => document.querySelector('#lectern-reader .lectern-content p');
  const mark = () => requestAnimationFrame(() => document.documentElement.setAttribute('data-test-painted', String(performance.now())));
  if (seen()) return mark();
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    mark();
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

test('settings: alwaysSites are http(s) origins, neverPages http(s) URLs without a fragment', async () => {
  const { settingsFrom, LIST_LIMITS } = await import('../../extension/src/common/settings.js');
  const { alwaysSites, neverPages } = settingsFrom({
    alwaysSites: ['https://example.org', 'https://example.org', 'https://example.org/path', 'http://127.0.0.1:8080', 'ftp://example.org', 'javascript:alert(1)', 7],
    neverPages: ['https://example.org/a', 'https://example.org/b#c', 'file:///etc/passwd', 'https://example.org/a', null],
  });
  assert.deepEqual(alwaysSites, ['https://example.org', 'http://127.0.0.1:8080']);
  assert.deepEqual(neverPages, ['https://example.org/a']);
  assert.deepEqual(settingsFrom({ alwaysSites: 'https://example.org' }).alwaysSites, []);
  const many = Array.from({ length: 500 }, (_, i) => `https://site${i}.example`);
  assert.equal(settingsFrom({ alwaysSites: many }).alwaysSites.length, LIST_LIMITS.alwaysSites);
});

describe('Firefox: always-reader site, the response rewritten as it arrives', () => {
  let browser, extension;

  before(async () => {
    extension = testCopyOfExtension('firefox', (manifest, dir) => {
      manifest.content_scripts = [
        { matches: ['http://127.0.0.1/*'], js: ['test-trigger.js', 'test-paint.js'], run_at: 'document_start' },
      ];
      writeFileSync(join(dir, 'test-paint.js'), PAINT_PROBE);
      writeFileSync(
        join(dir, 'test-trigger.js'),
        `for (const type of ['set', 'written', 'toggle', 'declutter']) {
  document.addEventListener('lectern-test-' + type, async (event) => {
    const reply = await browser.runtime.sendMessage({ type: 'test-' + type, detail: event.detail });
    document.documentElement.setAttribute('data-test-reply', JSON.stringify(reply ?? null));
    document.dispatchEvent(new Event('lectern-test-' + type + '-done'));
  });
}
`,
      );
      // Records the bytes each response filter hands to the browser, by URL.
      const background = join(dir, 'background.js');
      const source = readFileSync(background, 'utf8');
      const call = 'api.webRequest.filterResponseData(details.requestId)';
      assert.ok(source.includes(call), 'background.js creates the response filter');
      writeFileSync(background, source.replace(call, `testRecord(${call}, details.url)`));
      appendFileSync(
        background,
        `
const testWritten = new Map();
function testRecord(filter, url) {
  const chunks = [];
  testWritten.set(url, chunks);
  const write = filter.write.bind(filter);
  filter.write = (data) => {
    chunks.push(new Uint8Array(data instanceof ArrayBuffer ? data : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)));
    return write(data);
  };
  return filter;
}
browser.runtime.onMessage.addListener((m, sender) => {
  if (m.type === 'test-set') {
    const values = JSON.parse(m.detail);
    return browser.storage.sync.set(values).then(async () => {
      await globalThis.lecternSyncAlways();
      return true;
    });
  }
  if (m.type === 'test-written') {
    const chunks = testWritten.get(m.detail);
    if (!chunks) return Promise.resolve(null);
    let text = '';
    for (const chunk of chunks) for (const byte of chunk) text += String.fromCharCode(byte);
    return Promise.resolve(btoa(text));
  }
  if (m.type === 'test-toggle') return globalThis.lecternToggle(sender.tab);
  if (m.type === 'test-declutter') return globalThis.lecternDeclutter(sender.tab);
  return false;
});
`,
      );
    });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      headless: true,
    });
    await browser.installExtension(extension);
    const page = await browser.newPage();
    await page.goto(`${base}/always/none`);
    await set(page, { alwaysSites: [base] });
    await page.close();
  });

  after(async () => {
    await browser?.close();
    rmSync(extension, { recursive: true, force: true });
  });

  /** Asks the test content script for `type`; resolves to the background's reply. */
  async function ask(page, type, detail) {
    return page.evaluate(
      (type, detail) =>
        new Promise((resolve) => {
          document.addEventListener(
            `lectern-test-${type}-done`,
            () => {
              const root = document.documentElement;
              resolve(JSON.parse(root.getAttribute('data-test-reply')));
              root.removeAttribute('data-test-reply');
            },
            { once: true },
          );
          document.dispatchEvent(new CustomEvent(`lectern-test-${type}`, { detail }));
        }),
      type,
      detail,
    );
  }
  const set = (page, values) => ask(page, 'set', JSON.stringify(values));

  test('an article arrives as the reader view: no page script, no beacon, a CSP, the toolbar', async () => {
    const page = await browser.newPage();
    try {
      const from = REQUESTS.length;
      await page.goto(`${base}/always/article`);
      await page.waitForSelector('#lectern-reader >>> .lectern-show-original', { visible: true, timeout: 15000 });
      const text = await page.$eval('#lectern-reader', (el) => el.innerText);
      for (const p of PARAGRAPHS) assert.ok(text.includes(p), `reader view lacks: ${p}`);
      assert.ok(!text.includes('Share this story'), 'the clutter is removed');
      const seen = await page.evaluate(() => ({
        streamed: document.documentElement.hasAttribute('data-lectern-streamed'),
        readers: document.querySelectorAll('#lectern-reader').length,
        inline: document.documentElement.dataset.inline ?? null,
        external: document.documentElement.dataset.external ?? null,
        frames: document.documentElement.dataset.frames ?? null,
        scripts: document.scripts.length,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
        charset: document.characterSet,
      }));
      assert.deepEqual(seen, {
        streamed: true,
        readers: 1,
        inline: null,
        external: null,
        frames: null,
        scripts: 0,
        csp: "script-src 'none'; object-src 'none'",
        charset: 'UTF-8',
      });
      // The CSP holds: a script the page would add now does not run.
      const leaked = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.documentElement.dataset.leak = "ran"';
        document.head.append(script);
        return document.documentElement.dataset.leak ?? null;
      });
      assert.equal(leaked, null, 'an inline script ran in the reader page');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Nothing at all: not the related list's thumbnail either (removed blocks are left
      // out of the streamed page, and kept aside by the reader view).
      assert.deepEqual(pageRequests(from, '/always/article').map((r) => r.path), [], 'the page requested nothing');
      assert.equal(beacons().length, 0, 'no beacon');
      // The toolbar works as in any reader view.
      await page.click('#lectern-reader >>> .lectern-open-settings');
      await page.waitForSelector('#lectern-reader >>> #lectern-settings', { visible: true });
      // "Declutter page" (its shortcut) has no site page to work on here: it says so, and
      // the reader view stays (no reload).
      await page.evaluate(() => (window.stays = true));
      assert.deepEqual(await ask(page, 'declutter'), { on: true });
      assert.match(await page.$eval('#lectern-notice', (el) => el.textContent), /Show original/);
      assert.equal(await page.evaluate(() => window.stays), true, 'the page was not reloaded');
    } finally {
      await page.close();
    }
  });

  test('a page that is not an article arrives byte for byte as the site sent it', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/always/home`);
      await page.waitForFunction(() => document.documentElement.dataset.inline === 'ran');
      const written = await ask(page, 'written', `${base}/always/home`);
      assert.ok(written, 'the response went through the filter');
      assert.ok(Buffer.from(written, 'base64').equals(Buffer.from(alwaysHome())), 'the bytes handed on are the bytes sent');
      const dom = () => page.evaluate(() => document.documentElement.outerHTML.replace(/ data-(frames|flashed)="[^"]*"/g, ''));
      const listed = await dom();
      assert.ok(!(await page.$('#lectern-reader')));
      // The same page from an origin not on the list, untouched by Lectern.
      await page.goto(`${base.replace('127.0.0.1', 'localhost')}/always/home`);
      await page.waitForFunction(() => document.documentElement.dataset.inline === 'ran');
      assert.equal(listed, await dom(), 'the same document');
    } finally {
      await page.close();
    }
  });

  // Legacy encodings, decoded by the browser's TextDecoder for the core (wasm/encoding-browser).
  const LEGACY = [
    { name: 'a windows-1251 page (the charset in the header)', path: 'cyrillic', paragraphs: CYRILLIC, title: 'Морская стена открыта' },
    { name: 'a Shift_JIS page (the charset in its <meta> alone)', path: 'japanese', paragraphs: JAPANESE, title: '新しい防波堤が開通' },
  ];
  for (const { name, path, paragraphs, title } of LEGACY) {
    test(`${name} reads right`, async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${base}/always/${path}`);
        await page.waitForSelector('#lectern-reader >>> .lectern-bar', { timeout: 15000 });
        const text = await page.$eval('#lectern-reader', (el) => el.innerText);
        for (const p of paragraphs) assert.ok(text.includes(p), `reader view lacks: ${p}`);
        assert.equal(await page.$eval('#lectern-reader .lectern-title', (el) => el.textContent), title);
        assert.equal(await page.evaluate(() => document.characterSet), 'UTF-8');
      } finally {
        await page.close();
      }
    });
  }

  test('"Show original" loads the page as the site built it, once; "Never on this page" sticks', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/always/article`);
      await page.waitForSelector('#lectern-reader >>> .lectern-show-original', { visible: true, timeout: 15000 });
      const from = REQUESTS.length;
      await Promise.all([page.waitForNavigation(), page.click('#lectern-reader >>> .lectern-show-original')]);
      await page.waitForFunction(() => document.documentElement.dataset.external === 'ran', { timeout: 15000 });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.inline), 'ran');
      assert.ok(!(await page.$('#lectern-reader')), 'no reader view');
      await page.waitForFunction(() => true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(REQUESTS.slice(from).some((r) => r.path === '/beacon?external'), 'the page is live: its beacon went out');
      // Once only: the next load is the reader view again.
      await page.reload();
      await page.waitForSelector('#lectern-reader >>> .lectern-never', { visible: true, timeout: 15000 });
      await Promise.all([page.waitForNavigation(), page.click('#lectern-reader >>> .lectern-never')]);
      await page.waitForFunction(() => document.documentElement.dataset.inline === 'ran', { timeout: 15000 });
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.inline === 'ran', { timeout: 15000 });
      assert.ok(!(await page.$('#lectern-reader')), 'never again on this page');
      await set(page, { neverPages: [] });
    } finally {
      await page.close();
    }
  });

  test('a redirect is not rewritten; the page it leads to is', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/always/moved`);
      await page.waitForSelector('#lectern-reader >>> .lectern-bar', { timeout: 15000 });
      assert.equal(page.url(), `${base}/always/article`);
      assert.equal(await ask(page, 'written', `${base}/always/moved`), null, 'no filter on the redirect');
    } finally {
      await page.close();
    }
  });

  test('a 20 MB page, trickling or not, is handed on as sent once it is over 8 MiB or 1.5 s old', { timeout: 120000 }, async () => {
    const sent = Buffer.concat([Buffer.from(BIG_PAGE.head), Buffer.alloc(BIG_PAGE.filler, 'x'), Buffer.from(BIG_PAGE.tail)]);
    for (const path of ['/always/trickle', '/always/large']) {
      const page = await browser.newPage();
      try {
        // The load event comes with the response's end; the page shows long before.
        const loaded = page.goto(`${base}${path}`, { timeout: 60000 });
        loaded.catch(() => {}); // awaited below, unless the test fails first
        await page.waitForSelector('#content', { timeout: 15000 });
        if (path.endsWith('trickle')) assert.ok(!BIG_PAGE.sent.has(path), `${path}: the page shows while it still arrives`);
        await loaded;
        await page.waitForSelector('#end', { timeout: 30000 });
        assert.equal(await page.$('#lectern-reader'), null, `${path}: no reader view`);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.inline), 'ran', `${path}: the page is live, its scripts ran`);
        // What the filter wrote before it let the rest through: the bytes sent, untouched.
        const written = Buffer.from(await ask(page, 'written', `${base}${path}`), 'base64');
        assert.ok(written.length > 0 && written.length < sent.length, `${path}: handed on in part (${written.length} bytes), then let through`);
        assert.ok(written.equals(sent.subarray(0, written.length)), `${path}: the bytes handed on are the bytes sent`);
        // Which limit let it through: the trickle's time (1.5 s: some 6 MB), the other's size.
        const overSize = written.length > 8 * 1024 * 1024;
        assert.equal(overSize, path.endsWith('large'), `${path}: given up on at ${written.length} bytes`);
      } finally {
        await page.close();
      }
    }
  });

  test('timings: streamed, and the on-demand toggle after load', { skip: !TIMINGS }, async () => {
    for (const mode of ['streamed', 'toggle']) {
      const page = await browser.newPage();
      const times = [];
      let scripts, requests, resources;
      try {
        if (mode === 'toggle') {
          await page.goto(`${base}/always/none`);
          await set(page, { alwaysSites: [] });
        }
        for (let i = 0; i <= RUNS; i++) {
          const from = REQUESTS.length;
          await page.goto(`${base}${FIXTURE}?run=${i}`, { waitUntil: 'load' });
          if (mode === 'toggle') await ask(page, 'toggle');
          await page.waitForSelector('html[data-test-painted]', { timeout: 20000 });
          const painted = Number(await page.$eval('html', (el) => el.dataset.testPainted));
          if (i > 0) times.push(painted); // the first run warms up
          scripts = Number((await page.$eval('html', (el) => el.dataset.scripts)) ?? 0);
          requests = pageRequests(from, FIXTURE).length;
          resources = await page.evaluate(() => performance.getEntriesByType('resource').length);
        }
      } finally {
        if (mode === 'toggle') await set(page, { alwaysSites: [base] });
        await page.close();
      }
      timings.push({ browser: 'Firefox', mode, 'median ms': Math.round(median(times)), runs: times.map(Math.round).join(' '), 'page scripts run': scripts, 'page requests (local)': requests, 'resource entries': resources });
    }
  });
});

describe('Chromium: always-reader site, the fast path', () => {
  let context, worker, profile, extension;

  before(async () => {
    extension = testCopyOfExtension('chrome', (manifest, dir) => {
      manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['test-paint.js'], run_at: 'document_start' }];
      writeFileSync(join(dir, 'test-paint.js'), PAINT_PROBE);
      // Test-only: the extraction fails for article-fail, and takes 2 s for article-slow.
      const background = join(dir, 'background.js');
      const source = readFileSync(background, 'utf8');
      const call = 'case "extract":\n';
      assert.ok(source.includes(call), 'background.js answers extract');
      writeFileSync(
        background,
        source.replace(
          call,
          `${call}      if (message.url.includes('article-fail')) return answer(Promise.resolve({ ok: false, error: 'forced to fail' }));
      if (message.url.includes('article-slow')) return answer(new Promise((r) => setTimeout(r, 2000)).then(() => extractArticle(message.html, message.url, true)));
`,
        ),
      );
    });
    profile = mkdtempSync(join(tmpdir(), 'lectern-always-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1000, height: 800 },
      args: [
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    // Fixtures link to the web: those requests are aborted, and counted.
    context.external = 0;
    await context.route(
      (url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1',
      (route) => {
        context.external++;
        route.abort();
      },
    );
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await setLists({ alwaysSites: [base] });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (extension) rmSync(extension, { recursive: true, force: true });
  });

  const setLists = (values) =>
    worker.evaluate(async (values) => {
      await chrome.storage.sync.set(values);
      await globalThis.lecternSyncAlways();
    }, values);

  /** The page probe's record: frames seen, and when the original content was first visible. */
  const probe = (page) =>
    page.evaluate(() => ({
      frames: Number(document.documentElement.dataset.frames ?? 0),
      flashed: document.documentElement.dataset.flashed ?? null,
    }));

  test('an article opens as the reader view, the original never visible', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${base}/always/article`);
      await page.waitForSelector('#lectern-reader .lectern-show-original', { timeout: 15000 });
      const text = await page.locator('#lectern-reader').innerText();
      for (const p of PARAGRAPHS) assert.ok(text.includes(p), `reader view lacks: ${p}`);
      await page.waitForTimeout(200);
      const seen = await probe(page);
      assert.ok(seen.frames > 0, 'the probe ran while the page loaded');
      assert.equal(seen.flashed, null, 'the original content was never visible in a frame');
      await page.screenshot({ path: join('target', 'screenshots', 'always-chromium.png') });
      // "Show original": the page is right under the reader view.
      await page.click('#lectern-reader .lectern-show-original');
      await page.waitForSelector('#lectern-reader', { state: 'detached' });
      assert.equal(await page.locator('#content').isVisible(), true);
    } finally {
      await page.close();
    }
  });

  test('a failed extraction, a slow one and a page that is not an article show the page as it is, with no mark on it', async () => {
    for (const path of ['/always/article-fail', '/always/article-slow', '/always/home']) {
      const page = await context.newPage();
      try {
        const start = Date.now();
        await page.goto(`${base}${path}`);
        await page.waitForFunction(() => getComputedStyle(document.documentElement).visibility === 'visible', null, { timeout: 15000 });
        const waited = Date.now() - start;
        // Shown by a user stylesheet: nothing on the page tells its scripts the site is listed.
        assert.deepEqual(
          await page.evaluate(() => [document.documentElement, document.body].flatMap((node) => node.getAttributeNames()).filter((name) => /lectern|^style$/.test(name))),
          [],
          `${path}: no mark on the page`,
        );
        await page.waitForTimeout(path.endsWith('slow') ? 2500 : 300);
        assert.equal(await page.locator('#content').isVisible(), true, `${path}: the page is shown`);
        assert.equal(await page.locator('#lectern-reader').count(), 0, `${path}: no reader view`);
        assert.ok((await probe(page)).flashed, `${path}: the probe saw the page`);
        if (path.endsWith('slow')) assert.ok(waited < 2000, `${path}: revealed after the 1 s limit, not the 2 s extraction (${waited} ms)`);
      } finally {
        await page.close();
      }
    }
  });

  test('"Always on this site" in the toolbar: one click on the options page grants and adds; Remove takes it off', async () => {
    await setLists({ alwaysSites: [] });
    const page = await context.newPage();
    let options;
    try {
      await page.goto(`${base}/article`);
      await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return globalThis.lecternToggle(tab);
      });
      await page.waitForSelector('#lectern-reader .lectern-always', { timeout: 15000 });
      assert.equal(await page.locator('#lectern-reader .lectern-show-original').isVisible(), false, 'opened by the reader: no "Show original"');
      [options] = await Promise.all([context.waitForEvent('page'), page.click('#lectern-reader .lectern-always')]);
      await options.waitForSelector('#always-confirm', { state: 'visible' });
      assert.ok(options.url().endsWith(`options.html#always=${encodeURIComponent(base)}`), options.url());
      assert.match(await options.locator('#always-question').innerText(), new RegExp(base.replace(/[.]/g, '\\.')));
      // Cancel has the focus (a stray Enter grants nothing), and a script's click on
      // "Allow and add" is no one's press.
      assert.equal(await options.evaluate(() => document.activeElement.id), 'always-no');
      await options.evaluate(() => document.getElementById('always-yes').click());
      await options.waitForTimeout(300);
      assert.deepEqual(await worker.evaluate(() => chrome.storage.sync.get('alwaysSites')), { alwaysSites: [] }, 'not added by a script');
      await options.click('#always-yes');
      await options.waitForSelector('#always-list li');
      assert.deepEqual(await worker.evaluate(() => chrome.storage.sync.get('alwaysSites')), { alwaysSites: [base] });
      await worker.evaluate(() => globalThis.lecternSyncAlways());
      await page.goto(`${base}/always/article`);
      await page.waitForSelector('#lectern-reader .lectern-show-original', { timeout: 15000 });
      assert.equal(await page.locator('#lectern-reader .lectern-always').count(), 0, 'listed already');
      await options.click('#always-list li button');
      await options.waitForSelector('#no-always', { state: 'visible' });
      assert.deepEqual(await worker.evaluate(() => chrome.storage.sync.get('alwaysSites')), { alwaysSites: [] });
      await worker.evaluate(() => globalThis.lecternSyncAlways());
      await page.goto(`${base}/always/article`);
      await page.waitForTimeout(500);
      assert.equal(await page.locator('#lectern-reader').count(), 0, 'off the list: the page as it is');
      assert.equal(await page.locator('#content').isVisible(), true);
    } finally {
      await options?.close();
      await page.close();
      await setLists({ alwaysSites: [base] });
    }
  });

  test('timings: the fast path, and the on-demand toggle after load', { skip: !TIMINGS }, async () => {
    for (const mode of ['fast', 'toggle']) {
      const page = await context.newPage();
      const times = [];
      let scripts, requests, external, resources;
      try {
        if (mode === 'toggle') await setLists({ alwaysSites: [] });
        for (let i = 0; i <= RUNS; i++) {
          const from = REQUESTS.length;
          const abortedBefore = context.external;
          await page.goto(`${base}${FIXTURE}?run=${i}`, { waitUntil: 'load' });
          if (mode === 'toggle') {
            await worker.evaluate(async () => {
              const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
              return globalThis.lecternToggle(tab);
            });
          }
          await page.waitForSelector('html[data-test-painted]', { timeout: 20000, state: 'attached' });
          const painted = Number(await page.locator('html').getAttribute('data-test-painted'));
          if (i > 0) times.push(painted);
          scripts = Number((await page.locator('html').getAttribute('data-scripts')) ?? 0);
          requests = pageRequests(from, FIXTURE).length;
          external = context.external - abortedBefore;
          resources = await page.evaluate(() => performance.getEntriesByType('resource').length);
        }
      } finally {
        if (mode === 'toggle') await setLists({ alwaysSites: [base] });
        await page.close();
      }
      timings.push({ browser: 'Chromium', mode, 'median ms': Math.round(median(times)), runs: times.map(Math.round).join(' '), 'page scripts run': scripts, 'page requests (local)': requests, 'external (aborted)': external, 'resource entries': resources });
    }
  });
});
