// The extension in headless Firefox ESR (Debian's), driven by puppeteer-core over WebDriver
// BiDi: install the test build (dist/test-firefox) as a temporary add-on; toggle the reader
// view on and off, use its toolbar, declutter a page and undo it. Tests cannot click the
// toolbar button here, so they load a copy of it with two test-only additions: the local
// test server's origin as a host permission (a real click grants activeTab instead), and a
// content script that forwards page events to the background's toggle and declutter (the
// same functions the button and the command call) and to a storage reset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { charactersPerLine, inView, widths } from './in-page.mjs';
import { startServer, testCopyOfExtension, PARAGRAPHS, CLUTTER, SECTIONS } from './server.mjs';

let server, browser, base, extension;
/** Where Firefox saves downloads, without asking. */
const downloads = mkdtempSync(join(tmpdir(), 'lectern-downloads-'));

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
// A stand-in voice for Lectern's content script (this sandbox is its too): each utterance
// "takes" 300 ms; what it is asked is written on <html data-said>, for the test to read.
document.addEventListener('lectern-test-voice', () => {
  const said = [];
  let current, timer;
  const tell = (what) => {
    said.push(what);
    document.documentElement.dataset.said = JSON.stringify(said);
  };
  const finish = () => {
    timer = setTimeout(() => current?.dispatchEvent(new Event('end')), 300);
  };
  Object.assign(speechSynthesis, {
    speak(utterance) {
      tell(utterance.text);
      current = utterance;
      finish();
    },
    pause() {
      tell('pause');
      clearTimeout(timer);
    },
    resume() {
      tell('resume');
      finish();
    },
    cancel() {
      tell('cancel');
      clearTimeout(timer);
      current = null;
    },
  });
});
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
    extraPrefsFirefox: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  await browser.installExtension(extension);
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(extension, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
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

/** A new tab on `path` in the reader view, `width` px wide. */
async function openReader(path, width) {
  const page = await browser.newPage();
  // WebDriver BiDi's viewport, set directly: page.setViewport() also overrides the screen's
  // orientation, which Firefox ESR's BiDi does not know.
  await page.mainFrame().browsingContext.setViewport({ viewport: { width, height: 720 } });
  await page.goto(`${base}${path}`);
  await toggle(page);
  await page.waitForSelector('#lectern-reader .lectern-content', { timeout: 15000 });
  return page;
}

/** An element by its ARIA role and accessible name, in the page or in the controls' (open) root. */
const byRole = (page, role, name, scope = '') =>
  page.waitForSelector(`${scope}::-p-aria([name="${name}"][role="${role}"])`, { timeout: 5000 });

test('Firefox: the contents and a footnote\'s links scroll within the reader view; about 66 characters a line in every font', async (t) => {
  const page = await openReader('/sections', 1280);
  try {
    const url = page.url();
    const nav = await byRole(page, 'navigation', 'Contents');
    assert.deepEqual(await nav.$$eval('a', (links) => links.map((a) => a.textContent)), SECTIONS);
    await (await byRole(page, 'link', 'What the water took')).click();
    await page.waitForFunction(inView, {}, '#lectern-reader .lectern-content h3');
    await page.waitForFunction(() => document.querySelector('.lectern-toc [aria-current]')?.textContent === 'What the water took');
    await (await byRole(page, 'link', 'Back to the text')).click();
    await page.waitForFunction(inView, {}, '#lectern-a-fnref1');
    await page.$eval('#lectern-reader sup a', (a) => a.scrollIntoView({ block: 'center' }));
    await page.click('#lectern-reader sup a');
    await page.waitForFunction(inView, {}, '#lectern-a-fn1');
    assert.equal(page.url(), url, 'the reader view stays, at the same URL');

    await page.click('#lectern-reader >>> .lectern-open-settings');
    for (const font of ['serif', 'sans', 'mono']) {
      await page.click(`#lectern-reader >>> #lectern-settings input[name=font][value=${font}]`);
      const counts = await page.evaluate(charactersPerLine);
      const average = counts.reduce((a, b) => a + b, 0) / counts.length;
      t.diagnostic(`${font}: ${average.toFixed(1)} characters a line on average, at most ${Math.max(...counts)}`);
      assert.ok(average >= 58 && average <= 74 && Math.max(...counts) <= 80, `${font}: ${average.toFixed(1)} characters a line`);
    }
  } finally {
    await trigger(page, 'reset');
    await page.close();
  }
});

test('Firefox: at 320 and 400 px, no sideways scrolling, every toolbar button in the window, panels as sheets below the text', async () => {
  for (const width of [320, 400]) {
    const page = await openReader('/sections', width);
    try {
      const { scrollWidth, clientWidth } = await page.evaluate(widths);
      assert.ok(scrollWidth <= clientWidth, `${width} px: no sideways scrolling (${scrollWidth} > ${clientWidth})`);
      const bar = await (await page.$('#lectern-reader >>> .lectern-bar')).boundingBox();
      const buttons = await page.$$('#lectern-reader >>> .lectern-bar button:not([hidden])');
      assert.ok(buttons.length >= 5);
      for (const button of buttons) {
        const box = await button.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width && box.y + box.height <= bar.y + bar.height, `${width} px: a button in the window: ${JSON.stringify(box)}`);
        // The button itself is what a press there meets.
        assert.ok(await button.evaluate((node, x, y) => node.getRootNode().elementFromPoint(x, y) === node || node.contains(node.getRootNode().elementFromPoint(x, y)), box.x + box.width / 2, box.y + box.height / 2));
      }
      for (const name of ['settings', 'clutter', 'report', 'save', 'speech']) {
        await page.click(`#lectern-reader >>> .lectern-open-${name}`);
        const panel = await page.waitForSelector(`#lectern-reader >>> #lectern-${name}`, { visible: true });
        const sheet = await panel.boundingBox();
        assert.ok(sheet.y >= bar.y + bar.height + 100 && Math.abs(sheet.y + sheet.height - 720) < 2, `${width} px: ${name} is a sheet below the text: ${JSON.stringify({ bar, sheet })}`);
        await page.click(`#lectern-reader >>> .lectern-open-${name}`);
      }
    } finally {
      await page.close();
    }
  }
});

test('Firefox: "Save" downloads the article as a web page without script and as Markdown, named after its title', async () => {
  const page = await openReader('/sections', 1280);
  try {
    await (await byRole(page, 'button', 'Save', '#lectern-reader >>> ')).click();
    const saved = async (button, name) => {
      await (await byRole(page, 'button', button, '#lectern-reader >>> ')).click();
      const file = join(downloads, name);
      for (const deadline = Date.now() + 10000; !existsSync(file) || !readFileSync(file, 'utf8').length; ) {
        assert.ok(Date.now() < deadline, `${name} is saved`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return readFileSync(file, 'utf8');
    };
    const html = await saved('As a web page (HTML)', 'The harbour wall a guide.html');
    assert.ok(!/<script/i.test(html), 'no script');
    assert.ok(html.includes('<h1 class="lectern-title">The harbour wall: a guide</h1>'));
    for (const p of PARAGRAPHS) assert.ok(html.includes(p), `the paragraph: ${p.slice(0, 30)}`);
    const markdown = await saved('As Markdown', 'The harbour wall a guide.md');
    assert.match(markdown, /^# The harbour wall: a guide$/m);
    for (const p of PARAGRAPHS) assert.ok(markdown.includes(p), `the paragraph: ${p.slice(0, 30)}`);
  } finally {
    await page.close();
  }
});

test('Firefox: read aloud speaks a block at a time, highlighted; pause, resume and stop (speechSynthesis stood in for)', async () => {
  const page = await openReader('/sections', 1280);
  try {
    await page.evaluate(() => document.dispatchEvent(new Event('lectern-test-voice')));
    const said = () => page.evaluate(() => JSON.parse(document.documentElement.dataset.said ?? '[]'));
    const speaking = () => page.evaluate(() => [...document.querySelectorAll('.lectern-speaking')].map((n) => n.textContent));
    const scope = '#lectern-reader >>> ';
    await (await byRole(page, 'button', 'Read aloud', scope)).click();
    await (await byRole(page, 'button', 'Play', scope)).click();
    assert.deepEqual(await speaking(), ['The harbour wall: a guide']);
    await page.waitForFunction(() => document.querySelector('.lectern-speaking')?.textContent.startsWith('The wall was long'));
    await (await byRole(page, 'button', 'Pause', scope)).click();
    const paused = await speaking();
    await new Promise((r) => setTimeout(r, 700));
    assert.deepEqual(await speaking(), paused, 'paused, the same block stays highlighted');
    await (await byRole(page, 'button', 'Resume', scope)).click();
    await page.waitForFunction((paused) => document.querySelector('.lectern-speaking')?.textContent !== paused, {}, paused[0]);
    await (await byRole(page, 'button', 'Stop', scope)).click();
    assert.deepEqual(await speaking(), []);
    const asked = await said();
    assert.deepEqual(asked.slice(0, 3), ['cancel', 'The harbour wall: a guide', asked[2]], 'a fresh start, then the title');
    assert.ok(asked[2].startsWith('The wall was long'), 'then the first paragraph');
    for (const step of ['pause', 'resume']) assert.ok(asked.includes(step), `asked to ${step}`);
    assert.equal(asked.at(-1), 'cancel', 'and stopped');
  } finally {
    await page.close();
  }
});
