// Privacy of the reader view, in headless Chromium with a test copy of dist/test-chrome: once the
// page has loaded, turning the reader view on makes no request but for the images of the
// article, and none at all with images turned off (the `images` setting). The page links
// a stylesheet, a web font, a script, an icon, a preload, a background image, a poster, a
// frame, a ping, lazy images and clutter with images (an ad, related-article thumbnails, a
// tracking pixel); everything is served by the test's own server, uncached, and logged,
// and the browser's request events are logged too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { testCopyOfExtension, PARAGRAPHS } from './server.mjs';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The article's own images: what the reader view may load. */
const ARTICLE_IMAGES = ['/privacy/img/sea-wall.png', '/privacy/img/quay.png', '/privacy/img/harbour-1200.png', '/privacy/img/harbour-600.png', '/privacy/img/boats.png'];

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sea wall opens - Harbour Gazette</title>
<link rel="stylesheet" href="/privacy/site.css">
<link rel="icon" href="/privacy/icon.png">
<link rel="preload" as="image" href="/privacy/preload.png">
<link rel="prefetch" href="/privacy/next.html">
<script src="/privacy/site.js"></script>
<style>@font-face { font-family: Harbour; src: url(/privacy/harbour.woff2); } body { font-family: Harbour, serif; }</style>
</head>
<body>
<header><a href="/"><img src="/privacy/img/logo.png" alt="Harbour Gazette"></a>
<nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="ad advertisement" id="top-ad">Advertisement <a href="/privacy/ad-click"><img data-src="/privacy/img/ad-banner.png" alt="Boats for sale" width="728" height="90"></a></div>
<main><article><h1>Sea wall opens</h1><p class="byline">By Mara Quist</p>
<p>${PARAGRAPHS[0]}</p>
<figure><img src="/privacy/img/placeholder-blank.gif" data-src="/privacy/img/sea-wall.png" alt="The new sea wall" width="640" height="360"><figcaption>The new sea wall, seen from the quay.</figcaption></figure>
<p style="background: url(/privacy/paper.png)">${PARAGRAPHS[1]}</p>
<div class="share-bar">Share this story <a href="https://facebook.example/share"><img data-src="/privacy/img/share-icon.png" alt="Share"></a></div>
<p>Read <a href="/privacy/older" ping="/privacy/ping">the earlier story</a> about the storm and the damage it did to the old town.</p>
<figure><img src="/privacy/img/quay.png" alt="The quay" width="640" height="360"><figcaption>Boats back at the quay.</figcaption></figure>
<p>${PARAGRAPHS[2]}</p>
<picture><source srcset="/privacy/img/harbour-1200.png 1200w, /privacy/img/harbour-600.png 600w"><img src="/privacy/img/harbour-600.png" alt="The harbour at dusk" width="600" height="400"></picture>
<video poster="/privacy/poster.png" src="/privacy/clip.mp4"></video>
<iframe src="/privacy/frame.html" title="map"></iframe>
<img class="lazy" data-src="/privacy/img/boats.png" alt="Fishing boats" width="640" height="360"><noscript><img src="/privacy/img/boats.png" alt="Fishing boats"></noscript>
<p>${PARAGRAPHS[3]}</p>
<img data-src="/privacy/track.gif?visit=1" width="1" height="1" alt="">
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/a"><img data-src="/privacy/img/related-storm.png" alt="">Storm damage report</a></li>
<li><a href="/b"><img data-src="/privacy/img/related-budget.png" alt="">Harbour budget</a></li></ul></aside>
</article></main>
<footer>Copyright 2025 Harbour Gazette</footer>
</body></html>`;

let server, origin, extension, profile, context, worker;
const log = [];
const requests = [];

before(async () => {
  assert.ok(existsSync(resolve('dist', 'test-chrome', 'manifest.json')), 'dist/test-chrome is built (./build.sh build)');
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push(url.pathname + url.search);
    const headers = { 'cache-control': 'no-store' };
    if (url.pathname === '/privacy/article') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (url.pathname === '/privacy/site.css') {
      res.writeHead(200, { ...headers, 'content-type': 'text/css' }).end('body { background: url(/privacy/site-bg.png); } h1 { font-family: Harbour; }');
    } else if (url.pathname === '/privacy/site.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end('window.siteLoaded = true;');
    } else if (/\.(png|gif)$/.test(url.pathname)) {
      res.writeHead(200, { ...headers, 'content-type': 'image/png' }).end(PNG);
    } else {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
  extension = testCopyOfExtension('chrome');
  profile = mkdtempSync(join(tmpdir(), 'lectern-privacy-'));
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
  context.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  await context.route((url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => route.abort());
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (extension) rmSync(extension, { recursive: true, force: true });
});

async function toggle(page) {
  await page.bringToFront();
  return worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    return globalThis.lecternToggle(tab);
  }, page.url());
}

/**
 * Loads the page and lets it settle, turns the reader view on, scrolls it through and
 * waits; returns what was requested from then on (server and browser, web requests only),
 * and the reader's images: [{src, hidden}] (hidden: in a removed block the reader hides).
 */
async function requestsOfTheReader() {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/privacy/article`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const logStart = log.length;
    const requestStart = requests.length;
    const on = await toggle(page);
    assert.equal(on?.on, true, `the reader view opens: ${JSON.stringify(on)}`);
    await page.waitForSelector('#lectern-reader .lectern-content');
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
        scrollTo({ left: 0, top: y, behavior: 'instant' });
        await new Promise((done) => requestAnimationFrame(done));
      }
    });
    await page.waitForTimeout(1000);
    const images = await page.$$eval('#lectern-reader .lectern-content img', (nodes) =>
      // A removed block's image keeps its source aside (data-lectern-src) until the block is shown.
      nodes.map((img) => ({ src: new URL(img.currentSrc || img.src || img.dataset.lecternSrc, location.href).pathname, hidden: !img.checkVisibility() })),
    );
    const server = log.slice(logStart);
    const browser = requests
      .slice(requestStart)
      .filter((r) => /^https?:/.test(r.url))
      .map((r) => `${r.type} ${new URL(r.url).pathname}${new URL(r.url).search}`);
    assert.equal((await toggle(page))?.on, false, 'the reader view closes');
    return { server, browser, images };
  } finally {
    await page.close();
  }
}

test('the reader view requests only the article\'s images', async () => {
  const { server, browser, images } = await requestsOfTheReader();
  console.log(`# privacy, images on: the reader view requested ${JSON.stringify(server)}`);
  const shown = new Set(images.filter((i) => !i.hidden).map((i) => i.src));
  assert.ok(shown.has('/privacy/img/sea-wall.png') && shown.has('/privacy/img/quay.png'), `the article's images are shown: ${JSON.stringify(images)}`);
  // The lazy image the page itself never loaded: the reader view did load it.
  assert.ok(server.includes('/privacy/img/sea-wall.png'), `the lazy image was requested: ${JSON.stringify(server)}`);
  const why = (path) => {
    const image = images.find((i) => i.src === new URL(path, origin).pathname);
    return `${path} (${image ? (image.hidden ? 'an image of a removed block, hidden' : 'shown as an article image') : 'not an image of the reader view'})`;
  };
  assert.deepEqual(server.filter((path) => !ARTICLE_IMAGES.includes(path)).map(why), [], 'the server saw no request but for the article\'s images');
  assert.deepEqual(
    browser.filter((r) => !r.startsWith('image ') || !ARTICLE_IMAGES.includes(r.slice('image '.length))),
    [],
    'the browser made no request but for the article\'s images',
  );
});

test('with images turned off, the reader view makes no request at all', async () => {
  await worker.evaluate(() => chrome.storage.sync.set({ images: false }));
  try {
    const { server, browser, images } = await requestsOfTheReader();
    console.log(`# privacy, images off: the reader view requested ${JSON.stringify(server)}`);
    assert.deepEqual(images, [], 'the reader view has no images');
    assert.deepEqual(server, [], 'the server saw no request');
    assert.deepEqual(browser, [], 'the browser made no request');
  } finally {
    await worker.evaluate(() => chrome.storage.sync.remove('images'));
  }
});
