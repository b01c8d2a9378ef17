// The extension in headless Firefox ESR (Debian's), driven by puppeteer-core over WebDriver
// BiDi: install the test build (dist/test-firefox) as a temporary add-on; toggle the reader
// view on and off, use its toolbar, declutter a page and undo it. Tests cannot click the
// toolbar button here, so they load a copy of it with two test-only additions: the local
// test server's origin as a host permission (a real click grants activeTab instead), and a
// content script that forwards page events to the background's toggle and declutter (the
// same functions the button and the command call) and to a storage reset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer, testCopyOfExtension, PARAGRAPHS, CLUTTER } from './server.mjs';

let server, browser, base, extension;

/**
 * The test copy, plus a content script that forwards page events to the background: toggle
 * and declutter (the same functions the button and the command call), and a storage reset.
 * Each answers with a "-done" event once the background is done.
 */
function firefoxTestCopy() {
  return testCopyOfExtension('firefox', (manifest, dir) => {
    manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['test-trigger.js'] }];
    writeFileSync(
      join(dir, 'test-trigger.js'),
      `for (const type of ['toggle', 'declutter', 'reset']) {
  document.addEventListener('lectern-test-' + type, async () => {
    await browser.runtime.sendMessage({ type: 'test-' + type });
    document.dispatchEvent(new Event('lectern-test-' + type + '-done'));
  });
}
`,
    );
    appendFileSync(
      join(dir, 'background.js'),
      `
browser.runtime.onMessage.addListener((m, sender) => {
  if (m.type === 'test-toggle') return globalThis.lecternToggle(sender.tab);
  if (m.type === 'test-declutter') return globalThis.lecternDeclutter(sender.tab);
  if (m.type === 'test-reset') return browser.storage.sync.clear();
});
`,
    );
  });
}

before(async () => {
  server = await startServer();
  base = `http://127.0.0.1:${server.address().port}`;
  extension = firefoxTestCopy();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
  });
  await browser.installExtension(extension);
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(extension, { recursive: true, force: true });
});

/** Sends the test content script `type` (toggle, declutter, reset); resolves once it is done. */
function trigger(page, type) {
  return page.evaluate(
    (type) =>
      new Promise((resolve) => {
        document.addEventListener(`lectern-test-${type}-done`, resolve, { once: true });
        document.dispatchEvent(new Event(`lectern-test-${type}`));
      }),
    type,
  );
}

const toggle = (page) => trigger(page, 'toggle');

test('Firefox: the reader view toggles on and off, and the page comes back', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/article`);
  await page.type('#q', 'tide tables');
  const before = await page.evaluate(() => document.body.innerText);

  await toggle(page);
  await page.waitForSelector('#lectern-reader .lectern-content', { timeout: 15000 });
  const text = await page.$eval('#lectern-reader', (el) => el.innerText);
  for (const p of PARAGRAPHS) assert.ok(text.includes(p), `reader view lacks: ${p}`);
  for (const c of CLUTTER) assert.ok(!text.includes(c), `reader view shows clutter: ${c}`);

  await toggle(page);
  await page.waitForSelector('#lectern-reader', { hidden: true, timeout: 15000 });
  assert.equal(await page.evaluate(() => document.body.innerText), before);
  assert.equal(await page.$eval('#q', (el) => el.value), 'tide tables');
  await page.close();
});

test('Firefox: the toolbar\'s settings apply, and removed blocks can be shown', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/article`);
    await toggle(page);
    await page.waitForSelector('#lectern-reader >>> .lectern-bar button.lectern-open-settings', { visible: true, timeout: 15000 });
    const looks = () =>
      page.$eval('#lectern-reader', (reader) => ({
        theme: reader.dataset.theme,
        background: getComputedStyle(reader).backgroundColor,
        fontSize: getComputedStyle(reader.querySelector('.lectern-content p')).fontSize,
      }));
    const initial = await looks();
    assert.equal(initial.fontSize, '19px');

    await page.click('#lectern-reader >>> .lectern-open-settings');
    await page.waitForSelector('#lectern-reader >>> #lectern-settings', { visible: true });
    await page.click('#lectern-reader >>> #lectern-settings input[name=theme][value=sepia]');
    await page.click('#lectern-reader >>> #lectern-settings .lectern-larger');
    assert.deepEqual(await looks(), { theme: 'sepia', background: 'rgb(244, 236, 216)', fontSize: '20px' });

    const related = '#lectern-reader .lectern-content [data-lectern-removed]:has(h3)';
    assert.equal(await page.$eval(related, (n) => n.checkVisibility()), false, 'the related list is removed');
    await page.click('#lectern-reader >>> .lectern-open-clutter');
    await page.waitForSelector('#lectern-reader >>> #lectern-clutter', { visible: true });
    await page.click('#lectern-reader >>> #lectern-clutter input[name=showRemoved]');
    assert.deepEqual(
      await page.$eval(related, (n) => [n.checkVisibility(), n.classList.contains('lectern-removed-shown')]),
      [true, true],
      'shown, dimmed',
    );
    assert.match(await page.$eval(`${related} .lectern-removed-label`, (n) => n.textContent), /^Removed · Related and recent lists: /);
    await toggle(page); // writes the pending size change
    await page.waitForSelector('#lectern-reader', { hidden: true, timeout: 15000 });
  } finally {
    await trigger(page, 'reset');
    await page.close();
  }
});

test('Firefox: declutter hides the clutter on the page, and undo restores it exactly', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/article`);
    const before = await page.evaluate(() => document.body.outerHTML);
    const shown = () =>
      page.evaluate((clutter) => {
        const texts = [...document.querySelectorAll('article > *')].filter((n) => n.checkVisibility()).map((n) => n.textContent);
        return { clutter: clutter.filter((c) => texts.some((t) => t.includes(c))), paragraphs: texts.filter((t) => t.length > 100).length };
      }, CLUTTER);
    assert.deepEqual(await shown(), { clutter: CLUTTER, paragraphs: PARAGRAPHS.length });

    await trigger(page, 'declutter');
    await page.waitForSelector('#lectern-declutter-notice', { timeout: 15000 });
    assert.deepEqual(await shown(), { clutter: [], paragraphs: PARAGRAPHS.length }, 'the clutter is hidden, the article is not');

    await page.click('#lectern-declutter-notice .lectern-undo');
    await page.waitForSelector('#lectern-declutter-notice', { hidden: true });
    assert.deepEqual(await shown(), { clutter: CLUTTER, paragraphs: PARAGRAPHS.length });
    assert.equal(await page.evaluate(() => document.body.outerHTML), before, 'the page is as it was');
  } finally {
    await page.close();
  }
});
