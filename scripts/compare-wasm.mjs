// Two builds of the wasm module on every corpus page: whether they answer alike, and how
// fast `extract` is in each. For a change that must not change accuracy (a smaller module,
// a faster one).
//
//   node scripts/compare-wasm.mjs BEFORE_PKG AFTER_PKG [--runs N] [CORPUS_DIR…]
//
// Each PKG is a wasm-bindgen `--target web` output (target/pkg). On every page
// (CORPUS_DIR/*/source.html; default every corpus in ../shared/corpus, or $SHARED_DIR) both
// builds run `extract` on the page as a string (the meta.json URL, markRemoved),
// `declutter`, `isProbablyReaderable`, and the streaming `Extractor` on the page's bytes in
// 64 KiB chunks (Firefox's path, which decodes them). Prints the pages that differ, by
// call; exits 1 if any does.
//
// Then the time of `extract` (the string copied in, the wasm, the result built in JS), in
// this Node's V8: per page, 2 untimed runs of each build, then --runs runs of each
// (default 5; 0 skips timing), the builds alternating which goes first; per-page medians.
// Printed: the median over pages of after / before, and the ratio of the sums.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const [before, after, ...dirs] = args;
if (!after || !Number.isInteger(RUNS)) {
  console.error('usage: node scripts/compare-wasm.mjs BEFORE_PKG AFTER_PKG [--runs N] [CORPUS_DIR…]');
  process.exit(2);
}
const shared = process.env.SHARED_DIR ?? join(root, '..', 'shared');
const corpora = dirs.length ? dirs : readdirSync(join(shared, 'corpus'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(shared, 'corpus', d.name));

async function load(dir) {
  const lectern = await import(pathToFileURL(resolve(dir, 'lectern.js')));
  await lectern.default({ module_or_path: readFileSync(resolve(dir, 'lectern_bg.wasm')) });
  return lectern;
}

/** Every answer of one build on one page, as JSON (a thrown error as its message). */
function answers(lectern, html, bytes, url) {
  const call = (f) => {
    try {
      return JSON.stringify(f());
    } catch (e) {
      return `error: ${e.message ?? e}`;
    }
  };
  const options = { url, markRemoved: true };
  return {
    extract: call(() => lectern.extract(html, options)),
    declutter: call(() => lectern.declutter(html, options)),
    readerable: call(() => lectern.isProbablyReaderable(html)),
    streamed: call(() => {
      const extractor = new lectern.Extractor(options);
      try {
        for (let at = 0; at < bytes.length; at += 65536) extractor.write(bytes.subarray(at, at + 65536));
        return extractor.end();
      } finally {
        extractor.free();
      }
    }),
  };
}

const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];

/** Per-page median milliseconds of `extract` in each build, the builds interleaved. */
function timeExtract(builds, html, url) {
  const times = builds.map(() => []);
  for (let run = -2; run < RUNS; run++) {
    const order = run % 2 ? [1, 0] : [0, 1];
    for (const b of order) {
      const start = performance.now();
      builds[b].extract(html, { url, markRemoved: true });
      if (run >= 0) times[b].push(performance.now() - start);
    }
  }
  return times.map(median);
}

const [old, now] = [await load(before), await load(after)];
let pages = 0;
const differ = [];
const timed = [];
for (const corpus of corpora) {
  for (const id of readdirSync(corpus).sort()) {
    const file = join(corpus, id, 'source.html');
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const html = bytes.toString('utf8');
    const meta = JSON.parse(readFileSync(join(corpus, id, 'meta.json'), 'utf8'));
    const [a, b] = [answers(old, html, bytes, meta.url), answers(now, html, bytes, meta.url)];
    const calls = Object.keys(a).filter((k) => a[k] !== b[k]);
    if (calls.length) differ.push(`${join(corpus, id)}: ${calls.join(', ')}`);
    else if (RUNS > 0) timed.push(timeExtract([old, now], html, meta.url));
    pages += 1;
  }
}
for (const line of differ) console.log(line);
console.log(`${pages} pages, ${differ.length} differ`);
if (timed.length) {
  const sum = (i) => timed.reduce((total, t) => total + t[i], 0);
  console.log(
    `extract, ${timed.length} pages × ${RUNS} runs: before ${median(timed.map((t) => t[0])).toFixed(3)} ms, after ${median(timed.map((t) => t[1])).toFixed(3)} ms (per-page medians); ` +
      `after / before per page: median ${median(timed.map((t) => t[1] / t[0])).toFixed(3)}; ratio of sums ${(sum(1) / sum(0)).toFixed(3)}`,
  );
}
process.exit(differ.length ? 1 : 0);
