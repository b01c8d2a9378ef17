// The extension in headless Firefox ESR (Debian's), driven by puppeteer-core over WebDriver
// BiDi: install dist/firefox as a temporary add-on, toggle the reader view on and off.
// Tests cannot click the toolbar button here, so they load a copy of dist/firefox with two
// test-only additions: the local test server's origin as a host permission (a real click
// grants activeTab instead), and a content script that forwards a page event to the
// background's toggle (the same function the button calls).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer, testCopyOfExtension, PARAGRAPHS, CLUTTER } from './server.mjs';

let server, browser, base, extension;

/** The test copy, plus a content script that forwards a page event to the background's toggle. */
function firefoxTestCopy() {
  return testCopyOfExtension('firefox', (manifest, dir) => {
    manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['test-trigger.js'] }];
    writeFileSync(
      join(dir, 'test-trigger.js'),
      "document.addEventListener('lectern-test-toggle', () => browser.runtime.sendMessage({ type: 'test-toggle' }));\n",
    );
    appendFileSync(
      join(dir, 'background.js'),
      "\nbrowser.runtime.onMessage.addListener((m, sender) => { if (m.type === 'test-toggle') globalThis.lecternToggle(sender.tab); });\n",
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

async function toggle(page) {
  await page.evaluate(() => document.dispatchEvent(new Event('lectern-test-toggle')));
}

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
