// ESLint (flat config): the recommended rules over every JavaScript file of the project's
// own, with the globals of where each runs. `npx eslint --max-warnings 0 .` (./build.sh test).
import js from '@eslint/js';
import globals from 'globals';

export default [
  // Built, generated or fetched: not ours to lint.
  { ignores: ['dist/', 'target/', 'node_modules/', 'fuzz/', '.tools/', 'eval-out/', 'extension/src/common/vocabulary.js'] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // The extension's ES modules; esbuild defines FIREFOX per package and TEST_BUILD for
    // the browser tests' build (build.sh).
    files: ['extension/src/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser, FIREFOX: 'readonly', TEST_BUILD: 'readonly' } },
  },
  {
    // The playground: a classic script, for file://; the wasm-bindgen glue and Turndown
    // are scripts before it.
    files: ['www/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, wasm_bindgen: 'readonly', TurndownService: 'readonly' } },
  },
  {
    // Node scripts that also hand functions to browsers (page.evaluate, worker.evaluate):
    // those run in a page or in the extension's service worker.
    files: ['tests/**/*.mjs', 'benches/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
];
