// Lectern's preferences: one table of names and defaults, with their limits and allowed
// values, read by the background, the content scripts and the options page. Stored in
// storage.sync, so a change applies to every tab at once.
import { api } from './api.js';
import { originOf, pageKey } from './urls.js';

export const DEFAULTS = Object.freeze({
  /** 'system' (follow the system's light or dark), 'light', 'sepia' or 'dark'. */
  theme: 'system',
  /** 'serif', 'sans' or 'mono': system fonts only, nothing is downloaded. */
  font: 'serif',
  /** Text size in CSS pixels. */
  fontSize: 19,
  /** Line width in characters (ch). */
  lineWidth: 66,
  /** Line height, a multiple of the text size. */
  lineHeight: 1.6,
  /** 'start' (ragged, the language's own side) or 'justify'. */
  align: 'start',
  /** Clutter categories shown as part of the article (the core's category names). */
  keep: Object.freeze([]),
  /** Whether the reader view loads the article's images (off: no request at all). */
  images: true,
  /** The toolbar badge on pages that look like articles (needs every site's permission). */
  readerableBadge: false,
  /** Where problem reports are also POSTed ('' keeps them in the browser only). */
  reportEndpoint: '',
  /** Origins ("https://example.com") whose article pages open as the reader view at once. */
  alwaysSites: Object.freeze([]),
  /** Page URLs (no fragment) on those sites that are always shown as the site sent them. */
  neverPages: Object.freeze([]),
});

/** How many always-reader sites and never pages are kept (storage.sync holds 8 KB an item). */
export const LIST_LIMITS = Object.freeze({ alwaysSites: 200, neverPages: 60 });

/** [min, max, step] of the numeric settings, shared by the toolbar and the options page. */
export const LIMITS = Object.freeze({
  fontSize: Object.freeze([12, 40, 1]),
  lineWidth: Object.freeze([40, 100, 2]),
  lineHeight: Object.freeze([1.2, 2.2, 0.1]),
});

/** The clutter categories a reader can switch, in the order the switches are shown. */
export const CATEGORIES = Object.freeze([
  'ads', 'related', 'author_bio', 'share', 'newsletter', 'comments', 'consent', 'navigation', 'hidden', 'low_content',
]);

/** The allowed values of the settings that are a choice. */
export const CHOICES = Object.freeze({
  theme: Object.freeze(['system', 'light', 'sepia', 'dark']),
  font: Object.freeze(['serif', 'sans', 'mono']),
  align: Object.freeze(['start', 'justify']),
});

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
export const READER_SETTINGS = Object.freeze(['theme', 'font', 'fontSize', 'lineWidth', 'lineHeight', 'align', 'keep', 'images']);

/** The stored READER_SETTINGS, made safe to use. */
export function readerSettings() {
  return storedSettings(READER_SETTINGS);
}
