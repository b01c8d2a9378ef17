// What each built package holds (dist/chrome, dist/firefox), without a browser: every file
// is one the manifest, its pages or its scripts refer to, and every file they refer to is
// there. A stray file (an editor's backup, a source module, a test leftover) would ship to
// every user; build.sh copies an explicit list, and this keeps the list honest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Every file of a package, as a path from its root with forward slashes. */
function packageFiles(root) {
  return readdirSync(root, { recursive: true })
    .map((name) => name.split('\\').join('/'))
    .filter((name) => statSync(join(root, name)).isFile())
    .sort();
}

/** What the manifest itself refers to: scripts, pages, styles, icons, the strings. */
function manifestReferences(manifest, files) {
  const named = [
    ...(manifest.background.scripts ?? []),
    manifest.background.service_worker,
    ...(manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    manifest.options_ui?.page,
    manifest.options_page,
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources),
  ].filter(Boolean);
  // default_locale: the browser reads _locales/<language>/messages.json, each language's.
  const locales = files.filter((file) => /^_locales\/[^/]+\/messages\.json$/.test(file));
  assert.ok(locales.includes(`_locales/${manifest.default_locale}/messages.json`), 'the default locale has its strings');
  return [...named.map((name) => name.replace(/^\//, '')), ...locales];
}

/**
 * The package's files a page, a stylesheet or a script names: quoted strings, attribute
 * values and url()s, from the package's root ("/pkg/lectern.js", the extension APIs' file
 * lists) or from the file's own folder (wasm-bindgen's glue finds its wasm beside itself).
 */
function namedIn(file, text, files) {
  const named = new Set();
  for (const [, value] of text.matchAll(/["'`(]\/?([\w@./-]+\.[a-z0-9]+)(?=[#?"'`)])/gi)) {
    for (const path of [value, posix.join(posix.dirname(file), value)]) if (files.includes(path)) named.add(path);
  }
  return named;
}

for (const browser of ['chrome', 'firefox']) {
  test(`dist/${browser} holds exactly the files its manifest and pages refer to`, () => {
    const root = join('dist', browser);
    assert.ok(existsSync(join(root, 'manifest.json')), `dist/${browser} is built (./build.sh build)`);
    const files = packageFiles(root);
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
    const roots = manifestReferences(manifest, files);
    assert.deepEqual(roots.filter((name) => !files.includes(name)), [], 'the manifest refers to files that are missing');
    // From the manifest, through every page, stylesheet and script it reaches.
    const reached = new Set(['manifest.json', ...roots]);
    const pending = [...reached];
    while (pending.length) {
      const file = pending.pop();
      if (!/\.(html|css|js)$/.test(file)) continue;
      for (const named of namedIn(file, readFileSync(join(root, file), 'utf8'), files)) {
        if (!reached.has(named)) {
          reached.add(named);
          pending.push(named);
        }
      }
    }
    assert.deepEqual(files.filter((file) => !reached.has(file)), [], `files in dist/${browser} that nothing refers to`);
    // The pieces each browser needs, reached as they should be.
    for (const file of ['background.js', 'content.js', 'always.js', 'options.js', 'reader.html', 'reader.css', 'pkg/lectern.js', 'pkg/lectern_bg.wasm']) {
      assert.ok(reached.has(file), `${file} is in dist/${browser} and referred to`);
    }
  });
}

// The test hooks (build.sh's TEST_HOOKS) are in the test builds only: a page or another
// extension must find no entry point in what ships. The test builds hold them, so the names
// looked for are the ones the code defines.
const HOOKS = ['lecternToggle', 'lecternDeclutter', 'lecternSyncAlways', 'lecternCore'];

for (const browser of ['chrome', 'firefox']) {
  test(`dist/${browser} and its zip carry no test hooks; dist/test-${browser} does`, () => {
    const scripts = (root) => packageFiles(root).filter((file) => file.endsWith('.js'));
    const found = (root) => HOOKS.filter((hook) => scripts(root).some((file) => readFileSync(join(root, file), 'utf8').includes(hook)));
    assert.deepEqual(found(join('dist', `test-${browser}`)), HOOKS, `dist/test-${browser} is built with its hooks`);
    assert.deepEqual(found(join('dist', browser)), [], `dist/${browser} carries test hooks`);
    // The zip, as the store gets it: its scripts unpacked (unzip -p), read as one text.
    const zipped = execFileSync('unzip', ['-p', join('dist', `lectern-${browser}.zip`), '*.js'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.deepEqual(HOOKS.filter((hook) => zipped.includes(hook)), [], `lectern-${browser}.zip carries test hooks`);
  });
}

// Issue 19's floor for what every user downloads and every context compiles: the module at
// most 300 KB gzipped (gzip -9, as BENCHMARKS.md measures it). A crate or a build setting that
// grows it past the floor fails here, not in a later measurement.
const WASM_GZIP_FLOOR = 300_000;

for (const browser of ['chrome', 'firefox']) {
  test(`dist/${browser}'s wasm module is at most ${WASM_GZIP_FLOOR / 1000} KB gzipped`, () => {
    const file = join('dist', browser, 'pkg', 'lectern_bg.wasm');
    // GNU gzip, as measured there (node's zlib packs the same module ~1 % larger).
    const gzipped = execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 26 }).length;
    assert.ok(gzipped <= WASM_GZIP_FLOOR, `${gzipped} bytes gzipped (${statSync(file).size} raw)`);
  });
}
