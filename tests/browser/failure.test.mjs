// When the core fails, the page stays as it was: a short notice says so, and the next
// request works. A panic in the wasm core is a trap (panic = "abort"); the test copy of the
// extension makes the next extraction trap by running a one-instruction wasm module
// (`unreachable`) in its place, inside the same guarded call the core runs in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, testCopyOfExtension, PARAGRAPHS } from './server.mjs';

let server, base, extension, profile, context, worker;

// (module (func (export "trap") unreachable))
const TRAP_WASM = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 116, 114, 97, 112, 0, 0, 10, 5, 1, 3, 0, 0, 11];

before(async () => {
  server = await startServer();
  base = `http://127.0.0.1:${server.address().port}`;
  extension = testCopyOfExtension('chrome', (manifest, dir) => {
    const file = join(dir, 'background.js');
    const source = readFileSync(file, 'utf8');
    const call = 'lectern.extract(html, { url, images, markRemoved: true, words: headerWords() })';
    assert.ok(source.includes(call), 'background.js extracts with this call');
    writeFileSync(
      file,
      source.replace(call, `(globalThis.lecternTrapNext ? (globalThis.lecternTrapNext = false, lecternTrap()) : ${call})`) +
        `\nglobalThis.lecternTrap = () => new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(${JSON.stringify(TRAP_WASM)}))).exports.trap();\n`,
    );
  });
  profile = mkdtempSync(join(tmpdir(), 'lectern-failure-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--no-first-run'],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
});

after(async () => {
  await context?.close();
  server?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(extension, { recursive: true, force: true });
});

async function toggle(page) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return globalThis.lecternToggle(tab);
  });
}

test('a trap in the core leaves the page untouched, says so, and the next page works', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/article`);
  const before = await page.evaluate(() => document.documentElement.outerHTML);

  await worker.evaluate(() => (globalThis.lecternTrapNext = true));
  const reply = await toggle(page);
  assert.equal(reply.on, false);
  assert.match(reply.error, /RuntimeError/);
  const notice = await page.waitForSelector('#lectern-notice');
  assert.match(await notice.innerText(), /Lectern could not read this page: RuntimeError: unreachable/);
  assert.equal(await page.locator('#lectern-reader').count(), 0, 'no reader view');
  assert.equal(await page.locator('body').isVisible(), true, 'the page is shown');
  // The page is as it was, but for the notice.
  const after = await page.evaluate(() => {
    document.getElementById('lectern-notice').remove();
    return document.documentElement.outerHTML;
  });
  assert.equal(after, before);

  // The same page again, and another page: a fresh core instance reads them.
  assert.equal((await toggle(page)).on, true);
  const text = await page.locator('#lectern-reader .lectern-content').innerText();
  for (const p of PARAGRAPHS) assert.ok(text.includes(p));
  const next = await context.newPage();
  await next.goto(`${base}/fixtures/code-blocks/`);
  assert.equal((await toggle(next)).on, true);
  await next.waitForSelector('#lectern-reader .lectern-content pre');
  await page.close();
  await next.close();
});
