// The background of the browser tests' build only (build.sh bundles it in place of
// background.js for dist/test-*): Lectern's own, plus what tests cannot do through the
// browser's UI. package.test.mjs checks that none of this is in the packages.
import './background.js';
import { send } from './background/actions.js';
import { syncAlwaysScripts } from './background/always-sites.js';
import { extractArticle, load, readerTemplate, wantCore } from './background/core.js';

// The toolbar button and the "Declutter page" command: tests cannot press either.
globalThis.lecternToggle = (tab) => send('toggle', tab);
globalThis.lecternDeclutter = (tab) => send('declutter', tab);
// Waits until the always-reader content scripts match the stored list.
globalThis.lecternSyncAlways = () => syncAlwaysScripts();
// The core as the background runs it, for benches/browser/run.mjs --wake: the first
// extraction in a worker that has just started.
globalThis.lecternCore = { load, extractArticle, readerTemplate, wantCore };
