// The playground (dist/www, built by ./build.sh) in headless Chromium (Debian's), driven by
// playwright-core, opened from file:// as a reader would open it: a fixture page through
// the file input, a page file in Shift_JIS (decoded by the browser, as the core chose), a
// problem report checked against `lectern replay`, bad report files, the
// original page's sandbox, axe on the playground's own interface; and once from a static
// server, with a report dropped on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { JAPANESE, alwaysJapanese } from './server.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const www = join(root, 'dist', 'www', 'index.html');
const fixture = join(root, 'tests', 'fixtures', 'wordpress-news-clone');
const FIRST = 'Alexandr Wang, the CEO of Scale AI, has taken out a full-page ad';
const BIO = 'is a news writer for';

let browser, page, dir;
/** Uncaught errors in the playground: there must be none. */
const pageErrors = [];

before(async () => {
  if (!existsSync(www)) throw new Error('dist/www is missing: ./build.sh builds it');
  dir = mkdtempSync(join(tmpdir(), 'lectern-playground-'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(10000);
  // What the copy buttons copy, by the clipboard API or, where it is refused (file:// may
  // have no clipboard permission), by selecting the text and the copy command.
  await page.addInitScript(() => {
    navigator.clipboard.writeText = async (text) => {
      if (window.refuseClipboard) throw new DOMException('Write permission denied.', 'NotAllowedError');
      window.copiedText = text;
    };
    document.addEventListener('copy', () => {
      const { value, selectionStart, selectionEnd } = document.activeElement;
      window.copiedText = value?.slice(selectionStart, selectionEnd);
    });
    // The playground's signal that it is done with an input, shown or refused.
    window.attempts = 0;
    document.addEventListener('lectern-playground-done', () => window.attempts++);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(pathToFileURL(www).href);
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const fold = (text) => text.replace(/\s+/g, ' ').trim();

/** Does `action`; resolves once the playground has shown the result or said why not. */
async function settled(action) {
  const before = await page.evaluate(() => window.attempts);
  await action();
  await page.waitForFunction((n) => window.attempts > n, before, { timeout: 10000 });
}

/** Opens a file through the file input. */
const open = (path) => settled(() => page.setInputFiles('#file', path));

/** The reader pane's text as shown (removed blocks hidden unless "show removed"). */
const readerText = () => page.locator('#document .lectern-content').innerText();

test('a page opened from a file: the article, its removed blocks highlighted, the category switches', async () => {
  await open(join(fixture, 'source.html'));
  assert.equal(await page.locator('#error').innerText(), '');
  assert.equal(await page.locator('#document .lectern-title').innerText(), 'Scale AI’s Alexandr Wang has published an open letter lobbying Trump to invest in AI');
  let text = await readerText();
  assert.ok(text.includes(FIRST), 'the article is in the reader pane');
  assert.ok(!text.includes(BIO), 'the author bio is not');

  // The removed blocks are listed, and outlined in the original page.
  const rows = await page.locator('#removed-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.category));
  assert.ok(rows.includes('author_bio'), `the table lists the author bio (${rows})`);
  const original = page.frames().find((f) => f.url() === 'about:srcdoc');
  await original.waitForSelector('[data-lectern-outline="author_bio"]', { state: 'attached', timeout: 5000 });

  // Show removed: the bio is there, framed and labelled with its category and reason.
  await page.check('#show-removed');
  const label = page.locator('#document .lectern-content .removed-label', { hasText: 'Removed · Author bio: ' });
  assert.equal(await label.count(), 1);
  assert.ok(await label.isVisible());
  const block = await label.evaluate((node) => ({ text: node.parentElement.innerText, shown: node.parentElement.matches('.removed-shown[data-lectern-removed]') }));
  assert.ok(block.shown && block.text.includes(BIO), 'the labelled block is the bio, shown as removed');

  // Choosing a row scrolls the reader pane to it.
  await page.uncheck('#show-removed');
  await page.click('#removed-table tr[data-category="author_bio"] button');
  assert.ok(await page.isChecked('#show-removed'), 'a hidden block is shown when chosen');
  assert.ok(await label.isVisible());
  assert.ok(await label.evaluate((node) => document.activeElement === node), 'the focus moves to it');
  await page.uncheck('#show-removed');

  // Keep the author bio: the core extracts again with it, and it is ordinary content now.
  await settled(() => page.check('#keep input[value="author_bio"]'));
  assert.match(await page.locator('#keep label[data-category="author_bio"]').innerText(), /Author bio \(kept\)/);
  text = await readerText();
  assert.ok(text.includes(BIO), 'the kept bio is in the article');
  assert.ok(text.includes(FIRST));
  const inRemoved = await page.evaluate((bio) => {
    const holder = [...document.querySelectorAll('#document .lectern-content *')].find((n) => n.children.length === 0 && n.textContent.includes(bio));
    return Boolean(holder?.closest('[data-lectern-removed], [hidden]'));
  }, BIO);
  assert.equal(inRemoved, false, 'the bio is not a removed block any more');
  assert.ok(await page.locator('#document .lectern-content .removed-label').count() === 0, 'no labels while removed blocks are hidden');

  // Copy: what is shown, without labels or marks.
  await page.check('#show-removed');
  await page.click('#copy-markdown');
  await page.waitForFunction(() => document.querySelector('#copy-status').textContent.includes('Copied'));
  const markdown = await page.evaluate(() => window.copiedText);
  assert.ok(markdown.includes(FIRST) && markdown.includes(BIO), 'the Markdown holds the article and the kept bio');
  assert.ok(!markdown.includes('Removed ·') && !markdown.includes('Source link'), 'and neither labels nor removed blocks');
  assert.ok(!/<\w/.test(markdown), 'Markdown, not HTML');
  await page.click('#copy-html');
  await page.waitForFunction(() => document.querySelector('#copy-status').textContent.includes('HTML'));
  const html = await page.evaluate(() => window.copiedText);
  assert.match(html, /<p>Alexandr Wang, the CEO of Scale AI/);
  assert.ok(!/data-lectern-removed|removed-shown|removed-label|Source link/.test(html), 'no marks, labels or removed blocks in the HTML');
  await page.evaluate(() => {
    window.refuseClipboard = true;
    window.copiedText = null;
    document.querySelector('#copy-status').textContent = '';
  });
  await page.click('#copy-markdown');
  await page.waitForFunction(() => document.querySelector('#copy-status').textContent.includes('Copied'));
  assert.equal(await page.evaluate(() => window.copiedText), markdown, 'copied through a selection when the clipboard API is refused');
  assert.deepEqual(pageErrors, []);
});

/** The CLI, release or debug build; null when neither is built. */
function cli() {
  for (const profile of ['release', 'debug']) {
    const path = join(root, 'target', profile, 'lectern');
    if (existsSync(path)) return path;
  }
  return null;
}

/** A problem report on the fixture: marks that hold and fail, a recorded article that differs. */
function writeReport() {
  const html = readFileSync(join(fixture, 'source.html'), 'utf8');
  const { url } = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8'));
  const report = {
    schema: 'lectern-report/1',
    extensionVersion: '0.1.0',
    browser: 'Chrome 140',
    created: '2025-01-23T08:00:00Z',
    url,
    pageTitle: 'Scale AI’s Alexandr Wang has published an open letter lobbying Trump to invest in AI - LinkDaddy News',
    kind: 'clutter_left',
    comment: 'The author box should go, and the comment form too.',
    marks: [
      { should: 'absent', text: 'Leave a Reply' },
      { should: 'present', text: 'Alexandr Wang, the CEO of Scale AI,\n  has taken out a full-page ad' },
      { should: 'absent', text: 'Lisa Holden is a news writer for LinkDaddy News.', element: 403 },
      { should: 'present', text: 'A paragraph the page never had.' },
    ],
    corrections: { byline: 'Lisa Holden' },
    options: { keep: ['author_bio'], images: false },
    article: {
      title: 'Scale AI’s Alexandr Wang has published an open letter',
      byline: 'Lisa Holden',
      published_time: null,
      site_name: 'LinkDaddy News',
      text: 'A paragraph that was there then.\n\nAlexandr Wang, the CEO of Scale AI, has taken out a full-page ad in The Washington Post asking the Trump administration to invest more in AI.',
      word_count: 31,
      readerable: true,
      removed: [],
    },
    html,
  };
  const path = join(dir, 'report.json');
  writeFileSync(path, JSON.stringify(report, null, 2));
  return { path, report };
}

test('a page file in Shift_JIS (its <meta charset> alone) is decoded as the core chose', async () => {
  const file = join(dir, 'japanese.html');
  writeFileSync(file, alwaysJapanese());
  await open(file);
  assert.equal(await page.locator('#error').innerText(), '');
  assert.equal(await page.locator('#document .lectern-title').innerText(), '新しい防波堤が開通');
  const text = await readerText();
  for (const p of JAPANESE) assert.ok(text.includes(p), `the reader pane lacks: ${p}`);
});

test('a problem report: the same article and verdicts as `lectern replay`', async (t) => {
  const lectern = cli();
  if (!lectern) {
    t.skip('no CLI built (target/release/lectern or target/debug/lectern): cargo build first');
    return;
  }
  const { path, report } = writeReport();
  const replayed = JSON.parse(execFileSync(lectern, ['replay', path, '--format', 'json'], { encoding: 'utf8' }));
  await open(path);
  assert.equal(await page.locator('#error').innerText(), '');
  assert.ok(await page.isVisible('#report'), 'the report is shown');

  // The article: the CLI's title and text (removed blocks are hidden as the page opens),
  // with the report's kept category on top, as the reader saw it.
  assert.equal(await page.locator('#document .lectern-title').innerText(), replayed.article.title);
  assert.ok(await page.isChecked('#keep input[value="author_bio"]'), 'the report’s kept category is switched on');
  assert.ok(!(await page.isChecked('#images')), 'and its images option');
  const bio = 'Lisa Holden is a news writer for LinkDaddy News.';
  assert.ok((await readerText()).includes(bio), 'the kept bio is shown');
  assert.ok(!replayed.article.text.includes(bio), 'replay extracts as the reader view does, kept categories aside');
  await page.uncheck('#keep input[value="author_bio"]');
  await page.waitForFunction((b) => !document.querySelector('#document .lectern-content').innerText.includes(b), bio);
  assert.equal(fold(await readerText()), fold(replayed.article.text));

  // The marks, verdict by verdict.
  const verdicts = await page.locator('#marks li').evaluateAll((lis) => lis.map((li) => li.dataset.holds === 'true'));
  assert.deepEqual(verdicts, replayed.replay.marks.map(([, ok]) => ok));
  assert.deepEqual(verdicts, [true, true, true, false], 'the test report has marks that hold and fail');
  const held = verdicts.filter(Boolean).length;
  assert.equal(await page.locator('#marks-summary').innerText(), `${held} of ${report.marks.length} as the reader wants.`);

  // The changes since the recorded article.
  const diff = await page.locator('#diff').innerText();
  for (const [field] of replayed.replay.metadata) assert.ok(diff.includes(field), `the diff names ${field}`);
  assert.equal(await page.locator('#diff li.gone').count(), replayed.replay.gone.length);
  assert.equal(await page.locator('#diff li.new').count(), replayed.replay.new.length);
  assert.ok(replayed.replay.gone.length === 1 && replayed.replay.new.length > 0);
  assert.match(await page.locator('#report').innerText(), /Clutter was left in[\s\S]*The author box should go/);
  assert.deepEqual(pageErrors, []);
});

test('a truncated, huge or foreign JSON file gets a clear message, and what is shown stays', async () => {
  const { path, report } = writeReport();
  await open(path);
  const shown = { summary: await page.locator('#summary').innerText(), text: await readerText(), report: await page.locator('#report').innerText() };

  const cases = [
    ['truncated.json', readFileSync(path, 'utf8').slice(0, 40000), /“truncated\.json” cannot be used: the report is not valid: it ends too early: it may have been cut short\. Nothing was changed/],
    ['notes.json', JSON.stringify({ title: 'My notes', items: [1, 2, 3] }), /“notes\.json” cannot be used: the report is not valid: it has no "schema" field/],
    ['future.json', JSON.stringify({ ...report, schema: 'lectern-report/2' }), /the report's schema "lectern-report\/2" is not "lectern-report\/1"/],
    ['private.json', JSON.stringify({ ...report, html: undefined }), /the report does not include the page's HTML \(the reader did not share it\)/],
    ['list.json', '[1, 2, 3]', /“list\.json” cannot be used: the report is not valid: it is not a JSON object/],
  ];
  for (const [name, body, message] of cases) {
    const file = join(dir, name);
    writeFileSync(file, body);
    await open(file);
    const error = await page.locator('#error').innerText();
    assert.match(error, message);
    assert.equal(await page.locator('#error').getAttribute('role'), 'alert');
    assert.equal(await page.locator('#summary').innerText(), shown.summary, `${name}: the previous result stays`);
    assert.equal(await readerText(), shown.text);
    assert.equal(await page.locator('#report').innerText(), shown.report);
  }

  // Over 64 MB: refused before it is read (a sparse file: no 65 MB written to disk).
  const huge = join(dir, 'huge.json');
  writeFileSync(huge, '');
  truncateSync(huge, 65 * 1024 * 1024);
  await open(huge);
  assert.match(await page.locator('#error').innerText(), /“huge\.json” is 65 MB: too large, a Lectern report is at most 64 MB/);
  assert.equal(await readerText(), shown.text);

  // A good file afterwards clears the message: this one dropped on the page.
  const source = readFileSync(join(fixture, 'source.html'), 'utf8');
  await settled(() =>
    page.evaluate((html) => {
      const data = new DataTransfer();
      data.items.add(new File([html], 'dropped.html', { type: 'text/html' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.querySelector('main').dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, source),
  );
  assert.match(await page.locator('#summary').innerText(), /^dropped\.html: /);
  assert.ok(await page.isHidden('#drop'), 'the drop hint is gone');
  assert.equal(await page.locator('#error').innerText(), '');
  assert.ok(await page.isHidden('#report'), 'a page that is not a report hides the report');
  assert.deepEqual(pageErrors, []);
});

test('the original page is sandboxed: its scripts and handlers never run', async () => {
  const sandbox = await page.getAttribute('#original', 'sandbox');
  assert.notEqual(sandbox, null, 'the frame is sandboxed');
  assert.ok(!sandbox.split(/\s+/).includes('allow-scripts'), `no allow-scripts (${sandbox})`);
  await page.evaluate(() => {
    window.messages = [];
    window.addEventListener('message', (e) => window.messages.push(String(e.data)));
  });
  const paragraph = 'The harbour master opened the new sea wall on Monday morning, three years after the storm that flooded half of the old town and left the fishing fleet stranded on the quay for a week.';
  const html = `<!doctype html><html><head><title>Original title</title>
<script>document.title = 'script ran'; parent.postMessage('script ran', '*'); try { parent.document.body.dataset.ran = 'yes'; } catch (e) {}</script></head>
<body><article><h1>Sea wall opens</h1><p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p>
<img src="data:," onerror="parent.postMessage('handler ran', '*'); document.title = 'handler ran'">
<script>parent.postMessage('inline script ran', '*')</script></article></body></html>`;
  await page.fill('#html', html);
  await page.fill('#url', 'https://harbour.example/sea-wall');
  await settled(() => page.click('#paste-form button[type=submit]'));
  assert.match(await page.locator('#summary').innerText(), /^Pasted HTML:/);
  await page.waitForFunction(() => document.getElementById('original').contentDocument?.querySelector('h1')?.textContent === 'Sea wall opens');
  const original = page.frames().find((f) => f.url() === 'about:srcdoc');
  await page.waitForTimeout(300);
  assert.equal(await original.evaluate(() => document.title), 'Original title', 'no script ran in the original page');
  assert.deepEqual(await page.evaluate(() => window.messages), []);
  assert.equal(await page.evaluate(() => document.body.dataset.ran), undefined);
  assert.ok((await readerText()).includes(paragraph));
  assert.equal(await page.locator('#document script, #document [onerror]').count(), 0, 'the reader pane has neither');
  assert.deepEqual(pageErrors, []);
});

test('the playground’s own interface passes axe (WCAG 2 A and AA)', async () => {
  await open(join(fixture, 'source.html'));
  await page.check('#show-removed');
  await page.evaluate(readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    // The article and the original page are the page's own content, not the playground's.
    const result = await globalThis.axe.run({ exclude: [['#document .lectern-content'], ['#original']] }, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);
});

test('served by a static server (./build.sh serve) as from file://: a report dropped on the page', async () => {
  // What `./build.sh serve` does (python's http.server over dist/www), in node.
  const server = createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1) || 'index.html';
    const path = join(dirname(www), name);
    if (!/^[\w.-]+$/.test(name) || !existsSync(path)) return res.writeHead(404).end();
    const type = { html: 'text/html', js: 'text/javascript', css: 'text/css' }[extname(name).slice(1)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(path));
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const served = await browser.newPage();
  const errors = [];
  served.on('pageerror', (e) => errors.push(e.message));
  try {
    await served.goto(`http://127.0.0.1:${server.address().port}/`);
    const { report } = writeReport();
    await served.evaluate(() => {
      window.attempts = 0;
      document.addEventListener('lectern-playground-done', () => window.attempts++);
    });
    await served.evaluate((json) => {
      const data = new DataTransfer();
      data.items.add(new File([json], 'dropped-report.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.querySelector('main').dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, JSON.stringify(report));
    await served.waitForFunction(() => window.attempts > 0);
    assert.equal(await served.locator('#error').innerText(), '');
    assert.ok(await served.isVisible('#report'), 'the dropped report is shown');
    assert.equal(await served.locator('#document .lectern-title').innerText(), 'Scale AI’s Alexandr Wang has published an open letter lobbying Trump to invest in AI');
    assert.deepEqual(await served.locator('#marks li').evaluateAll((lis) => lis.map((li) => li.dataset.holds === 'true')), [true, true, true, false]);
    assert.deepEqual(errors, []);
  } finally {
    await served.close();
    server.close();
  }
});
