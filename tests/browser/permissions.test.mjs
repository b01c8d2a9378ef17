// Lectern's permissions, without a browser: what each built package asks for (and that the
// README says why), and how the options page gives host permissions back — only those no
// other setting still uses (an always-reader site's host may also be the report endpoint's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const manifest = (browser) => JSON.parse(readFileSync(join('dist', browser, 'manifest.json'), 'utf8'));
const BASE = ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus'];
const FIREFOX_ONLY = ['webRequest', 'webRequestBlocking', 'webRequestFilterResponse'];

test('each package asks for the minimal permissions, and the README says why for each', () => {
  const chrome = manifest('chrome');
  const firefox = manifest('firefox');
  assert.deepEqual(chrome.permissions, BASE);
  assert.deepEqual(firefox.permissions, [...BASE, ...FIREFOX_ONLY]);
  for (const m of [chrome, firefox]) {
    assert.equal(m.host_permissions, undefined, 'no host permission at install');
    assert.deepEqual(m.optional_host_permissions, ['<all_urls>'], 'sites are asked for one at a time, when a feature needs them');
  }
  const readme = readFileSync('README.md', 'utf8');
  for (const permission of [...BASE, ...FIREFOX_ONLY, 'optional_host_permissions']) {
    assert.ok(readme.includes(`\`${permission}\``), `README explains ${permission}`);
  }
});

/**
 * A stand-in for the extension API: stored settings, and the granted host permissions. The
 * extension's modules take the API once, as they load: one object, refilled by each call.
 */
const fakeApi = {};
function fakeBrowser(stored, granted, { allSitesCoversOthers = false } = {}) {
  Object.assign(fakeApi, {
    storage: { sync: { get: async () => structuredClone(stored) } },
    permissions: {
      remove: async ({ origins }) => {
        for (const origin of origins) granted.delete(origin);
        // Chrome may take the single sites' permissions with every site's.
        if (allSitesCoversOthers && origins.includes('<all_urls>')) granted.clear();
        return true;
      },
      contains: async ({ origins }) => origins.every((o) => granted.has(o)),
    },
  });
  return granted;
}

test('host permissions go back only when no setting uses them', async () => {
  globalThis.chrome = fakeApi;
  const { permissionsInUse, giveBackPermissions } = await import('../../extension/src/common/permissions.js');
  const { settingsFrom } = await import('../../extension/src/common/settings.js');
  const settings = settingsFrom({
    alwaysSites: ['https://news.example', 'http://127.0.0.1:8080'],
    reportEndpoint: 'https://reports.example:8443/lectern',
    readerableBadge: true,
  });
  assert.deepEqual(permissionsInUse(settings), ['https://news.example/*', 'http://127.0.0.1/*', 'https://reports.example/*', '<all_urls>']);

  // news.example was removed from the list, but the report endpoint is on the same host.
  let granted = fakeBrowser({ alwaysSites: [], reportEndpoint: 'https://news.example/report' }, new Set(['https://news.example/*']));
  assert.deepEqual(await giveBackPermissions(['https://news.example/*']), []);
  assert.ok(granted.has('https://news.example/*'), 'still used by the report endpoint');
  // The endpoint cleared too: now it goes back.
  granted = fakeBrowser({ alwaysSites: [], reportEndpoint: '' }, granted);
  await giveBackPermissions(['https://news.example/*']);
  assert.ok(!granted.has('https://news.example/*'));

  // The badge turned off: every site's permission goes back; the page hears of single sites lost with it.
  granted = fakeBrowser({ alwaysSites: ['https://news.example'], readerableBadge: false }, new Set(['<all_urls>', 'https://news.example/*']));
  assert.deepEqual(await giveBackPermissions(['<all_urls>']), []);
  assert.deepEqual([...granted], ['https://news.example/*']);
  fakeBrowser({ alwaysSites: ['https://news.example'], readerableBadge: false }, new Set(['<all_urls>', 'https://news.example/*']), {
    allSitesCoversOthers: true,
  });
  assert.deepEqual(await giveBackPermissions(['<all_urls>']), ['https://news.example/*']);
  delete globalThis.chrome;
});
