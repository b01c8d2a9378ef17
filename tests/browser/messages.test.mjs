// The extension's strings (extension/_locales), without a browser: every language has every
// string with the same placeholders, and every string the extension asks for exists. The
// reader view and the options page show a missing string as its bare key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = join('extension', '_locales');
const read = (file) => readFileSync(join('extension', file), 'utf8');
const messages = Object.fromEntries(
  readdirSync(LOCALES).map((lang) => [lang, JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'))]),
);

/** A message's placeholders: name → content, and the $NAME$ references in its text. */
function placeholders(entry) {
  const defined = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  const used = [...new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()))].sort();
  return { defined, used };
}

test('every language has every English string, with the same placeholders, and nothing else', () => {
  const { en, ...others } = messages;
  assert.ok(Object.keys(others).length >= 1, 'there is a language besides English');
  for (const [lang, strings] of Object.entries(others)) {
    assert.deepEqual(Object.keys(strings).filter((key) => !(key in en)), [], `${lang} has strings English lacks`);
    assert.deepEqual(Object.keys(en).filter((key) => !(key in strings)), [], `${lang} lacks strings`);
    for (const [key, entry] of Object.entries(en)) {
      assert.deepEqual(placeholders(strings[key]), placeholders(entry), `${lang}: ${key} has other placeholders than in English`);
    }
  }
  for (const [lang, strings] of Object.entries(messages)) {
    for (const [key, entry] of Object.entries(strings)) {
      const { defined, used } = placeholders(entry);
      assert.deepEqual(used, Object.keys(defined).sort(), `${lang}: ${key} uses exactly the placeholders it defines`);
      assert.ok(entry.message.trim(), `${lang}: ${key} is not empty`);
    }
  }
});

test('every string the extension asks for exists', async () => {
  const keys = new Set();
  // data-i18n (text) and data-i18n-label (aria-label and title) in the HTML, t('key') and
  // getMessage('key') in the scripts, __MSG_key__ in the manifest.
  for (const file of ['reader.html', 'options.html']) {
    for (const [, key] of read(file).matchAll(/data-i18n(?:-label)?="([^"]+)"/g)) keys.add(key);
  }
  for (const file of readdirSync('extension', { recursive: true }).filter((name) => name.endsWith('.js'))) {
    for (const [, key] of read(file).matchAll(/\b(?:t|getMessage)\('([A-Za-z0-9_]+)'/g)) keys.add(key);
  }
  for (const [, key] of read('manifest.json').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(key);
  // Names made at run time: one per clutter category and report kind, from the core's
  // vocabulary (src/vocabulary.rs, generated into the extension by ./build.sh).
  const { default: vocabulary } = await import('../../extension/src/common/vocabulary.js');
  assert.ok(vocabulary.categories.length >= 10, 'the category list is found');
  for (const category of vocabulary.categories) keys.add(category.localeKey);
  for (const kind of vocabulary.report.kinds) keys.add(`kind_${kind}`);
  for (const why of vocabulary.whys) keys.add(`why_${why}`);
  assert.ok(keys.size > 40, `the keys are found (${keys.size})`);
  const missing = [...keys].filter((key) => !key.startsWith('@@') && !(key in messages.en));
  assert.deepEqual(missing, [], 'strings asked for but missing from _locales/en');
});
