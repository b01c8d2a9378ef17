// "Report a problem", end to end in headless Chromium: the reader marks blocks and sends a
// report from the reader view; it is stored (and survives a restart), listed on the options
// page (view, delete, import with bad files refused), optionally POSTed to the reader's own
// endpoint, and `lectern replay` reads it. The limits (SECURITY.md): the address is https
// (plain http to this machine only), no redirect is followed, no answer in 15 s is given up
// on; a comment, a correction or a page too long is refused or left out, with the reason;
// at most 50 reports are kept, and a full store offers the oldest for download before
// deleting them. Like the other tests, the toolbar action is dispatched from the service
// worker of a test copy that grants the test server's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, testCopyOfExtension, PARAGRAPHS, RECEIVED_REPORTS } from './server.mjs';

let server, base, extension, profile, context, worker, extensionId;

async function launch() {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  await context.route((url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => route.abort());
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
}

before(async () => {
  server = await startServer();
  base = `http://127.0.0.1:${server.address().port}`;
  extension = testCopyOfExtension('chrome');
  profile = mkdtempSync(join(tmpdir(), 'lectern-report-'));
  await launch();
});

after(async () => {
  await context?.close();
  server?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(extension, { recursive: true, force: true });
});

const storedReports = () =>
  worker.evaluate(async () => Object.entries(await chrome.storage.local.get(null)).filter(([id]) => id.startsWith('report:')));

async function openReader(path) {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await page.bringToFront();
  await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return globalThis.lecternToggle(tab);
  });
  await page.waitForSelector('#lectern-reader .lectern-content');
  return page;
}

/** Opens the report panel, marks a paragraph and a removed block, sends; returns the status. */
async function sendReport(page, { comment }) {
  // "Show what was removed" first: the removed blocks can then be marked as wanted.
  await page.click('.lectern-open-clutter');
  await page.check('#lectern-clutter [name=showRemoved]');
  // One removed block brought back (the newsletter prompt, the last): the report says so.
  await page.click('#lectern-reader .lectern-removed-label >> nth=-1');
  await page.click('.lectern-open-report');
  await page.check('#lectern-report input[value=clutter_left]');
  await page.fill('#lectern-report [name=comment]', comment);
  await page.click('#lectern-report .lectern-mark');
  await page.click(`#lectern-reader .lectern-content p:has-text("${PARAGRAPHS[1].slice(0, 40)}")`);
  await page.click('#lectern-reader .lectern-content .lectern-removed-shown >> nth=0');
  assert.match(await page.locator('#lectern-report .lectern-mark-count').innerText(), /2/);
  await page.click('#lectern-report .lectern-send');
  // Playwright's selectors reach into the controls' shadow root (open in the test build).
  await page.locator('#lectern-report .lectern-status:not(:empty)').waitFor();
  return page.locator('#lectern-report .lectern-status').innerText();
}

test('a report made in the reader view is kept, listed, viewed, replayed, and survives a restart', async () => {
  const page = await openReader('/article');
  const status = await sendReport(page, { comment: 'The related list is fine, this paragraph is not.' });
  assert.match(status, /Saved in Lectern/);
  const [[, report]] = await storedReports();
  assert.equal(report.schema, 'lectern-report/1');
  assert.equal(report.kind, 'clutter_left');
  assert.equal(report.url, `${base}/article`);
  assert.equal(report.comment, 'The related list is fine, this paragraph is not.');
  assert.match(report.html, /<article>/, 'the page HTML is included by default');
  assert.equal(report.article.title, 'Sea wall opens');
  assert.deepEqual(
    report.marks.map((m) => m.should),
    ['absent', 'present'],
  );
  assert.equal(report.marks[0].text, PARAGRAPHS[1]);
  assert.ok(Number.isInteger(report.marks[1].element), 'a removed block is marked with its element number');
  assert.equal(report.options.keptBlocks.length, 1, 'the block brought back is in the report');
  assert.ok(Number.isInteger(report.options.keptBlocks[0]));
  assert.notEqual(report.options.keptBlocks[0], report.marks[1].element);
  assert.equal(await page.locator('#lectern-reader .lectern-marked').count(), 0, 'the marks are cleared once sent');
  await page.close();

  // The options page lists it; "View" shows the JSON.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('#report-list li');
  assert.match(await options.locator('#report-list li').innerText(), new RegExp(`${base.replace(/[.]/g, '\\.')}/article`));
  await options.click('#report-list li button >> nth=0');
  assert.match(await options.locator('#report-json').innerText(), /"schema": "lectern-report\/1"/);
  await options.keyboard.press('Escape');

  // `lectern replay` reads what the extension wrote.
  const cli = ['target/release/lectern', 'target/debug/lectern'].find((p) => existsSync(p));
  if (cli) {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-replay-'));
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
    const out = execFileSync(cli, ['replay', join(dir, 'report.json')], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    assert.match(out, /report: http:\/\/127\.0\.0\.1:\d+\/article \(clutter_left/);
    assert.match(out, /marks: 0 of 2 as the reader wants/, out);
    assert.match(out, /\ntitle: Sea wall opens\n/, out);
    assert.match(out, /\nkept by the reader: 1 block\n/, out);
    assert.match(out, /\narticle: unchanged/, 'replayed as the reader view extracts, the article is the one recorded');
  }
  await options.close();

  // A restart keeps it.
  await context.close();
  await launch();
  assert.equal((await storedReports()).length, 1, 'the report survives a browser restart');
});

test('importing report files: bad ones are refused with a reason, the others kept; downloads read back', async () => {
  const before = (await storedReports()).length;
  // A damaged entry already stored (another version, a broken sync): listed, deletable, harmless.
  await worker.evaluate(() => chrome.storage.local.set({ 'report:0000-damaged': { schema: 7 } }));
  const dir = mkdtempSync(join(tmpdir(), 'lectern-import-'));
  const good = { schema: 'lectern-report/1', url: 'https://example.org/a', kind: 'other', marks: [], html: '<p>x</p>', created: '2026-01-02T03:04:05Z' };
  const files = {
    'good.json': JSON.stringify(good),
    'truncated.json': JSON.stringify(good).slice(0, 30),
    'future.json': JSON.stringify({ ...good, schema: 'lectern-report/9' }),
    'array.json': '[1, 2]',
    // What "Download all" writes: a list.
    'all.json': JSON.stringify([{ ...good, url: 'https://example.net/b' }, { ...good, url: 'https://example.net/c' }]),
    'huge.json': '',
    'long.json': JSON.stringify({ ...good, comment: 'x'.repeat(6000) }),
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  truncateSync(join(dir, 'huge.json'), 65 * 1024 * 1024); // sparse: 65 MB of nothing
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.setInputFiles('#import', Object.keys(files).map((name) => join(dir, name)));
  await options.waitForFunction(() => document.getElementById('reports-status').textContent);
  const status = await options.locator('#reports-status').innerText();
  assert.match(status, /Imported: good\.json/);
  assert.match(status, /Imported: all\.json/);
  assert.match(status, /truncated\.json was not imported: The file is not valid JSON/);
  assert.match(status, /future\.json was not imported: Its schema "lectern-report\/9" is not "lectern-report\/1"/);
  assert.match(status, /array\.json was not imported: 1: It is not a report .* 2: It is not a report/);
  assert.match(status, /huge\.json was not imported: The file is larger than 64 MB/);
  assert.match(status, /long\.json was not imported: The comment has 6000 characters; a report takes at most 5000\./);
  assert.equal((await storedReports()).length, before + 1 + 3, 'only the good reports are added; nothing is lost');
  await options.waitForSelector('#report-list li:has-text("Damaged report")');

  // Download one, and all: each reads back as it was stored.
  const save = async (click) => {
    const [download] = await Promise.all([options.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), json: JSON.parse(readFileSync(await download.path(), 'utf8')) };
  };
  const one = await save(() => options.locator('#report-list li', { hasText: 'example.org/a' }).getByRole('button', { name: 'Download' }).click());
  assert.equal(one.name, 'lectern-report-example.org-2026-01-02T03-04-05.json', 'named to the second: reports of one day differ');
  assert.deepEqual(one.json, good);
  const all = await save(() => options.click('#download-all'));
  assert.match(all.name, /^lectern-reports-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/, 'a download of all names its time');
  assert.equal(all.json.length, before + 3, 'every usable report, the damaged one aside');
  assert.ok(all.json.some((r) => r.url === 'https://example.net/c'));
  await options.locator('#report-list li', { hasText: 'Damaged report' }).getByRole('button', { name: 'Delete' }).click();
  await options.waitForSelector('#report-list li:has-text("Damaged report")', { state: 'detached' });
  for (const url of ['https://example.net/b', 'https://example.net/c']) {
    await options.locator('#report-list li', { hasText: url }).getByRole('button', { name: 'Delete' }).click();
    await options.waitForSelector(`#report-list li:has-text("${url}")`, { state: 'detached' });
  }

  // Delete removes exactly one.
  const items = await options.locator('#report-list li').count();
  await options.locator('#report-list li', { hasText: 'example.org' }).getByRole('button', { name: 'Delete' }).click();
  await options.waitForFunction((n) => document.querySelectorAll('#report-list li').length === n - 1, items);
  assert.equal((await storedReports()).length, before);
  await options.close();
  rmSync(dir, { recursive: true, force: true });
});

test('with an endpoint set, a report is also POSTed there; a failing endpoint keeps the local copy', async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  try {
    await options.fill('#endpoint', `${base}/reports`);
    await options.click('#endpoint-form button');
    await options.waitForFunction(() => /also be sent/.test(document.getElementById('reports-status').textContent));
    const before = (await storedReports()).length;
    RECEIVED_REPORTS.length = 0;
    let page = await openReader('/article');
    assert.match(await sendReport(page, { comment: 'sent' }), /Also sent to 127\.0\.0\.1/);
    assert.equal(RECEIVED_REPORTS.length, 1);
    assert.equal(RECEIVED_REPORTS[0].comment, 'sent');
    assert.equal(RECEIVED_REPORTS[0].schema, 'lectern-report/1');
    await page.close();

    await options.fill('#endpoint', `${base}/reports-broken`);
    await options.click('#endpoint-form button');
    await options.waitForFunction(() => /reports-broken|also be sent/.test(document.getElementById('reports-status').textContent));
    await worker.evaluate(async (u) => {
      for (let i = 0; i < 50 && (await chrome.storage.sync.get('reportEndpoint')).reportEndpoint !== u; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
    }, `${base}/reports-broken`);
    page = await openReader('/article');
    assert.match(await sendReport(page, { comment: 'not sent' }), /Not sent to 127\.0\.0\.1:\d+ \(500 Internal Server Error\); the copy in Lectern is kept/);
    assert.equal((await storedReports()).length, before + 2, 'both reports are kept locally');
    await page.close();
  } finally {
    await worker.evaluate(() => chrome.storage.sync.remove('reportEndpoint'));
    await options.close();
  }
});

/** Sets the report address as the options page would have stored it (the test copy holds its permission). */
const setEndpoint = (address) => worker.evaluate((reportEndpoint) => chrome.storage.sync.set({ reportEndpoint }), address);

test('the report address: https only (plain http to this machine), no redirect, a time limit; the reader sees each outcome', { timeout: 60000 }, async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  try {
    await options.fill('#endpoint', 'http://example.com/reports');
    await options.click('#endpoint-form button');
    await options.waitForFunction(() => document.getElementById('reports-status').textContent);
    assert.equal(await options.locator('#reports-status').innerText(), 'Enter an address starting with https:// (http:// only for localhost or 127.0.0.1).');
    assert.deepEqual(await worker.evaluate(() => chrome.storage.sync.get('reportEndpoint')), {}, 'not stored');

    RECEIVED_REPORTS.length = 0;
    const outcomes = {
      // As an older version may have stored it: kept, not sent in the clear.
      'http://example.com/reports': /Not sent to example\.com \(the address is not https\); the copy in Lectern is kept\./,
      [`${base}/reports-moved`]: /Not sent to 127\.0\.0\.1:\d+ \(.+\); the copy in Lectern is kept\./,
      [`${base}/reports-silent`]: /Not sent to 127\.0\.0\.1:\d+ \(no answer within 15 seconds\); the copy in Lectern is kept\./,
    };
    for (const [address, outcome] of Object.entries(outcomes)) {
      await setEndpoint(address);
      const page = await openReader('/article');
      await page.click('.lectern-open-report');
      await page.click('#lectern-report .lectern-send');
      await page.locator('#lectern-report .lectern-status:has-text("Not sent")').waitFor({ timeout: 20000 });
      assert.match(await page.locator('#lectern-report .lectern-status').innerText(), outcome, address);
      await page.close();
    }
    assert.deepEqual(RECEIVED_REPORTS, [], 'the redirect was not followed');
  } finally {
    await worker.evaluate(() => chrome.storage.sync.remove('reportEndpoint'));
    await options.close();
  }
});

test('a page too large to include, a correction too long: said so in the form', async () => {
  const page = await openReader('/always/large'); // 20 MB (not an always-reader site here)
  try {
    await page.click('.lectern-open-report');
    const includeHtml = page.locator('#lectern-report [name=includeHtml]');
    assert.deepEqual([await includeHtml.isChecked(), await includeHtml.isDisabled()], [false, true]);
    assert.equal(await page.locator('#lectern-html-note').innerText(), 'The page is too large to include (over 16 MB).');
    const before = (await storedReports()).length;
    await page.check('#lectern-report input[value=wrong_metadata]');
    await page.fill('#lectern-report [name=title]', 'T'.repeat(600));
    await page.click('#lectern-report .lectern-send');
    await page.locator('#lectern-report .lectern-status:not(:empty)').waitFor();
    assert.equal(await page.locator('#lectern-report .lectern-status').innerText(), '“TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT…” is longer than 500 characters.');
    await page.fill('#lectern-report [name=title]', 'Sea wall opens, at last');
    await page.click('#lectern-report .lectern-send');
    await page.locator('#lectern-report .lectern-status:has-text("Saved in Lectern")').waitFor();
    const added = (await storedReports()).filter(([, report]) => report.url.endsWith('/always/large'));
    assert.equal((await storedReports()).length, before + 1);
    assert.deepEqual([added[0][1].html, added[0][1].corrections], [null, { title: 'Sea wall opens, at last' }]);
    for (const [id] of added) await worker.evaluate((id) => chrome.storage.local.remove(id), id);
  } finally {
    await page.close();
  }
});

test('at most 50 reports: the next is not saved, and the reader is offered the oldest to download, then to delete', async () => {
  const kept = (await storedReports()).map(([id]) => id);
  await worker.evaluate((ids) => chrome.storage.local.remove(ids), kept);
  // 50 reports, the oldest first (ids sort by date).
  await worker.evaluate(() =>
    chrome.storage.local.set(
      Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => {
          const created = new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
          return [`report:${created}-old${i}`, { schema: 'lectern-report/1', url: `https://example.org/${i}`, kind: 'other', created, html: null }];
        }),
      ),
    ),
  );
  const page = await openReader('/article');
  let options;
  try {
    await page.click('.lectern-open-report');
    await page.fill('#lectern-report [name=comment]', 'The fifty-first');
    await page.click('#lectern-report .lectern-send');
    await page.locator('#lectern-report .lectern-status:not(:empty)').waitFor();
    assert.match(await page.locator('#lectern-report .lectern-status').innerText(), /^Could not save the report: Lectern already keeps 50 reports, as many as it holds/);
    assert.equal((await storedReports()).length, 50, 'nothing is lost, nothing added');
    [options] = await Promise.all([context.waitForEvent('page'), page.click('#lectern-report .lectern-open-reports')]);
    await options.waitForSelector('#reports-full', { state: 'visible' });
    assert.ok(options.url().endsWith('options.html#reports'), options.url());
    assert.match(await options.locator('#reports-full-note').innerText(), /at most 50 reports/);
    assert.equal(await options.locator('#delete-oldest').isVisible(), false, 'deleting is offered only once they were downloaded');
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#download-oldest')]);
    const oldest = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(oldest.map((r) => r.url).sort(), Array.from({ length: 10 }, (_, i) => `https://example.org/${i}`).sort());
    await options.click('#delete-oldest');
    await options.waitForSelector('#reports-full', { state: 'hidden' });
    const left = await storedReports();
    assert.equal(left.length, 40);
    assert.ok(left.every(([, r]) => Number(r.url.split('/').pop()) >= 10), 'the ten oldest went, and only they');
    // The form kept the comment: Send again.
    await page.click('#lectern-report .lectern-send');
    await page.locator('#lectern-report .lectern-status:has-text("Saved in Lectern")').waitFor();
    assert.equal((await storedReports()).length, 41);
  } finally {
    await options?.close();
    await page.close();
    await worker.evaluate(async () => chrome.storage.local.remove(Object.keys(await chrome.storage.local.get(null)).filter((id) => id.startsWith('report:'))));
  }
});
