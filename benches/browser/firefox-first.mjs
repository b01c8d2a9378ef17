// The first extraction in Firefox: Lectern's wasm in a fresh page against Readability.js's
// first parse there, on pages spread over ../shared/corpus/scrapinghub-dev.
//
//   node benches/browser/firefox-first.mjs [N]      (N pages, default 12)
//
// Firefox runs Lectern's background as an event page, unloaded after 30 s idle
// (extensions.background.idle.timeout, 30000 in Firefox 140 ESR): a toggle after a minute's
// reading starts it again, as Chrome's stopped service worker. What that costs is the module's
// instantiation and a first extraction, measured here in a fresh page (no extension: the same
// engine, the same module). Each way in its own new page, the order alternated per page:
//   Lectern:      WebAssembly instantiation (fetch + compile, timed apart), then
//                 lectern.extract(html) twice: the first call, and one more;
//   Readability:  new DOMParser().parseFromString(html) + new Readability(doc).parse(), twice.
// Both start from the page's HTML as a string (Readability.js's own parse included, as
// Lectern's tokenizer is), so its side is heavier than the extension's cloneNode of a live
// document would be. Needs ./build.sh build (target/pkg), node_modules and firefox-esr (or
// $FIREFOX); without the corpus it skips.
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const N = Number(process.argv[2] ?? 12);
const corpus = join(process.env.SHARED_DIR ?? join(root, '..', 'shared'), 'corpus', 'scrapinghub-dev');
if (!existsSync(corpus)) {
  console.log(`bench: no corpus at ${corpus}; skipping`);
  process.exit(0);
}
const ids = readdirSync(corpus).filter((id) => existsSync(join(corpus, id, 'source.html'))).sort();
const picked = Array.from({ length: Math.min(N, ids.length) }, (_, i) => ids[Math.floor((i * ids.length) / Math.min(N, ids.length))]);

const files = {
  '/lectern.js': [join(root, 'target/pkg/lectern.js'), 'text/javascript'],
  '/lectern_bg.wasm': [join(root, 'target/pkg/lectern_bg.wasm'), 'application/wasm'],
  '/Readability.js': [join(root, 'node_modules/@mozilla/readability/Readability.js'), 'text/javascript'],
};
const PAGE = `<!doctype html><meta charset="utf-8"><script src="/Readability.js"></script>
<script type="module">import init, * as lectern from '/lectern.js'; window.lecternInit = init; window.lectern = lectern; window.ready = true;</script>`;
const server = createServer((req, res) => {
  const file = files[new URL(req.url, 'http://x').pathname];
  if (file) {
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' });
    res.end(readFileSync(file[0]));
  } else {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(PAGE);
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', headless: true });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = [];
try {
  for (const [i, id] of picked.entries()) {
    const html = readFileSync(join(corpus, id, 'source.html'), 'utf8');
    const row = { id, bytes: html.length };
    for (const way of i % 2 ? ['lectern', 'readability'] : ['readability', 'lectern']) {
      const page = await browser.newPage();
      await page.goto(`${base}/${way}/${i}`);
      await page.waitForFunction(() => window.ready);
      row[way] = await page.evaluate(
        async (way, html) => {
          const now = () => performance.now();
          if (way === 'lectern') {
            const t0 = now();
            await window.lecternInit({ module_or_path: fetch('/lectern_bg.wasm') });
            const t1 = now();
            window.lectern.extract(html, { url: 'https://example.com/article', markRemoved: true });
            const t2 = now();
            window.lectern.extract(html, { url: 'https://example.com/article', markRemoved: true });
            return { init: t1 - t0, first: t2 - t1, second: now() - t2 };
          }
          const parse = () => new window.Readability(new DOMParser().parseFromString(html, 'text/html')).parse();
          const t0 = now();
          parse();
          const t1 = now();
          parse();
          return { first: t1 - t0, second: now() - t1 };
        },
        way,
        html,
      );
      await page.close();
    }
    rows.push(row);
  }
  const col = (way, key) => rows.map((r) => r[way][key]);
  const f = (x) => x.toFixed(1);
  console.log(`First extraction in ${await browser.version()} (headless), ${rows.length} pages spread over scrapinghub-dev, each way in a fresh page (ms, medians; Firefox's timer has 1 ms steps):`);
  console.log(`Readability.js, DOMParser + parse: first ${f(median(col('readability', 'first')))}, second ${f(median(col('readability', 'second')))}`);
  console.log(`Lectern extract: first ${f(median(col('lectern', 'first')))}, second ${f(median(col('lectern', 'second')))}; the instantiation before (fetch + compile) ${f(median(col('lectern', 'init')))}`);
  const ratios = rows.map((r) => r.readability.first / Math.max(r.lectern.first, 0.5));
  console.log(`Readability.js / Lectern, first calls, per page: median ${median(ratios).toFixed(2)}×, pages under 1×: ${ratios.filter((x) => x < 1).length}`);
  const withInit = rows.map((r) => r.readability.first / (r.lectern.init + r.lectern.first));
  console.log(`  the same with Lectern's instantiation counted: median ${median(withInit).toFixed(2)}×`);
} finally {
  await browser.close();
  server.close();
}
