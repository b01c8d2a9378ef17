// Lectern's preferences: one table of names and defaults, with their limits and allowed
// values, read by the background, the content scripts and the options page. The table is
// the core's (src/vocabulary.rs, generated into vocabulary.js by the build). Stored in
// storage.sync, so a change applies to every tab at once.
import { api } from './api.js';
import { originOf, pageKey } from './urls.js';
import vocabulary from './vocabulary.js';

const { settings: table, categories } = vocabulary;
const frozen = (record) => Object.freeze(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Object.freeze(v)])));

/** Each setting's value on a fresh install (documented in src/vocabulary.rs). */
export const DEFAULTS = frozen(table.defaults);

/** How many always-reader sites and never pages are kept (storage.sync holds 8 KB an item). */
export const LIST_LIMITS = frozen(table.listLimits);

/** [min, max, step] of the numeric settings, shared by the toolbar and the options page. */
export const LIMITS = frozen(table.limits);

/** The clutter categories a reader can switch, in the order the switches are shown. */
export const CATEGORIES = Object.freeze(categories.map((c) => c.id));

/** The allowed values of the settings that are a choice. */
export const CHOICES = frozen(table.choices);

/**
 * One radio button per allowed value in each `[data-choices=NAME]` element of `root` (the
 * settings in reader.html and options.html), its name the locale key NAME + Value
 * ("themeSepia"), which localize() fills in.
 */
export function addChoices(root) {
  for (const box of root.querySelectorAll('[data-choices]')) {
    const name = box.dataset.choices;
    for (const value of CHOICES[name]) {
      const input = Object.assign(document.createElement('input'), { type: 'radio', name, value });
      const text = document.createElement('span');
      text.dataset.i18n = `${name}${value[0].toUpperCase()}${value.slice(1)}`;
      const label = document.createElement('label');
      label.append(input, text);
      box.append(label);
    }
  }
}

/**
 * Stored settings made safe to use: defaults for what is missing, and for what is not a
 * valid value (storage.sync is shared with other versions of Lectern, and editable).
 */
export function settingsFrom(stored = {}) {
  const settings = { ...DEFAULTS };
  for (const [name, value] of Object.entries(stored)) {
    if (!(name in settings)) continue;
    if (name in LIMITS) {
      const [min, max] = LIMITS[name];
      if (typeof value === 'number' && Number.isFinite(value)) settings[name] = Math.min(max, Math.max(min, value));
    } else if (name in CHOICES) {
      if (CHOICES[name].includes(value)) settings[name] = value;
    } else if (name in LIST_LIMITS) {
      if (Array.isArray(value)) {
        const clean = name === 'alwaysSites' ? (v) => (originOf(v) === v ? v : null) : (v) => (pageKey(v) === v ? v : null);
        const items = value.filter((v) => typeof v === 'string').map(clean).filter(Boolean);
        settings[name] = [...new Set(items)].slice(-LIST_LIMITS[name]);
      }
    } else if (name === 'keep') {
      if (Array.isArray(value)) settings.keep = value.filter((c) => CATEGORIES.includes(c));
    } else if (typeof value === typeof settings[name]) {
      settings[name] = value;
    }
  }
  return settings;
}

/** The stored settings (`keys`: a name or a list of names; null: all), made safe to use. */
export async function storedSettings(keys = null) {
  return settingsFrom(await api.storage.sync.get(keys));
}

/**
 * The settings the reader view shows and uses: all that content scripts read. The lists and
 * the report address stay with the background and the options page, out of the page's
 * process.
 */
export const READER_SETTINGS = Object.freeze(['theme', 'font', 'fontSize', 'lineWidth', 'lineHeight', 'align', 'keep', 'images', 'voice', 'speechRate']);

/** The stored READER_SETTINGS, made safe to use. */
export function readerSettings() {
  return storedSettings(READER_SETTINGS);
}
