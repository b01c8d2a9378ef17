// Writes one browser's manifest.json from the shared extension/manifest.json.
// Usage: node scripts/manifest.mjs chrome|firefox extension/manifest.json > dist/<browser>/manifest.json
// The manifests' differences live here (the scripts' one difference is FIREFOX, which
// build.sh defines when it bundles them):
// - Chrome runs the background as a service worker and rejects Firefox's settings;
// - Firefox wants background scripts (web-ext warns on a service_worker it ignores);
// - only Firefox can rewrite a response as it arrives (webRequest.filterResponseData, for
//   always-reader sites): its package alone carries the webRequest permissions.
import { readFileSync } from 'node:fs';

const [browser, source] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(source, 'utf8'));
const { service_worker: worker, scripts, type } = manifest.background;

if (browser === 'chrome') {
  manifest.background = { service_worker: worker ?? scripts[0], type };
  delete manifest.browser_specific_settings;
} else if (browser === 'firefox') {
  manifest.background = { scripts: scripts ?? [worker], type };
  manifest.permissions = [...manifest.permissions, 'webRequest', 'webRequestBlocking', 'webRequestFilterResponse'];
} else {
  console.error(`manifest: unknown browser ${browser}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
