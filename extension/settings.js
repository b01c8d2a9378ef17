// Lectern's preferences: one table of names, defaults and limits, read by the background,
// the content script and the options page (a classic script and a module alike: it only
// sets globals). Stored in storage.sync, so a change applies to every tab at once.
'use strict';

globalThis.LECTERN_DEFAULTS = Object.freeze({
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
globalThis.LECTERN_LIST_LIMITS = Object.freeze({ alwaysSites: 200, neverPages: 60 });

/** The origin of an http(s) URL or origin string, or null. */
globalThis.lecternOrigin = function lecternOrigin(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};

/**
 * The host permission (a match pattern) an http(s) URL or origin needs, or null. Match
 * patterns carry no port: one permission covers every port of a host.
 */
globalThis.lecternOriginPattern = function lecternOriginPattern(value) {
  const origin = lecternOrigin(value);
  if (!origin) return null;
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
};

/** The host permissions the settings use: each always-reader site's, the report endpoint's, the badge's. */
globalThis.lecternPermissionsInUse = function lecternPermissionsInUse(settings) {
  const patterns = settings.alwaysSites.map(lecternOriginPattern);
  if (settings.reportEndpoint) patterns.push(lecternOriginPattern(settings.reportEndpoint));
  if (settings.readerableBadge) patterns.push('<all_urls>');
  return [...new Set(patterns.filter(Boolean))];
};

/**
 * Gives back those of `patterns` that no setting uses any more (call it after storing the
 * change). Resolves to the patterns still in use that the browser no longer grants (taking
 * back every site's permission may take the single sites' with it), for the page to say so.
 */
globalThis.lecternGiveBack = async function lecternGiveBack(patterns) {
  const api = globalThis.browser ?? globalThis.chrome;
  const inUse = lecternPermissionsInUse(lecternSettings(await api.storage.sync.get(null)));
  const spare = patterns.filter((p) => p && !inUse.includes(p));
  if (!spare.length) return [];
  await api.permissions.remove({ origins: spare });
  const lost = [];
  for (const pattern of inUse) if (!(await api.permissions.contains({ origins: [pattern] }))) lost.push(pattern);
  return lost;
};

/** An http(s) page URL without its fragment (how neverPages are kept), or null. */
globalThis.lecternPageKey = function lecternPageKey(value) {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
};

/** [min, max, step] of the numeric settings, shared by the toolbar and the options page. */
globalThis.LECTERN_LIMITS = Object.freeze({
  fontSize: Object.freeze([12, 40, 1]),
  lineWidth: Object.freeze([40, 100, 2]),
  lineHeight: Object.freeze([1.2, 2.2, 0.1]),
});

/** The clutter categories a reader can switch, in the order the switches are shown. */
globalThis.LECTERN_CATEGORIES = Object.freeze([
  'ads', 'related', 'author_bio', 'share', 'newsletter', 'comments', 'consent', 'navigation', 'hidden', 'low_content',
]);

/** The allowed values of the settings that are a choice. */
globalThis.LECTERN_CHOICES = Object.freeze({
  theme: Object.freeze(['system', 'light', 'sepia', 'dark']),
  font: Object.freeze(['serif', 'sans', 'mono']),
  align: Object.freeze(['start', 'justify']),
});

/**
 * Stored settings made safe to use: defaults for what is missing, and for what is not a
 * valid value (storage.sync is shared with other versions of Lectern, and editable).
 */
globalThis.lecternSettings = function lecternSettings(stored = {}) {
  const settings = { ...LECTERN_DEFAULTS };
  for (const [name, value] of Object.entries(stored)) {
    if (!(name in settings)) continue;
    if (name in LECTERN_LIMITS) {
      const [min, max] = LECTERN_LIMITS[name];
      if (typeof value === 'number' && Number.isFinite(value)) settings[name] = Math.min(max, Math.max(min, value));
    } else if (name in LECTERN_CHOICES) {
      if (LECTERN_CHOICES[name].includes(value)) settings[name] = value;
    } else if (name in LECTERN_LIST_LIMITS) {
      if (Array.isArray(value)) {
        const clean = name === 'alwaysSites' ? (v) => (lecternOrigin(v) === v ? v : null) : (v) => (lecternPageKey(v) === v ? v : null);
        const items = value.filter((v) => typeof v === 'string').map(clean).filter(Boolean);
        settings[name] = [...new Set(items)].slice(-LECTERN_LIST_LIMITS[name]);
      }
    } else if (name === 'keep') {
      if (Array.isArray(value)) settings.keep = value.filter((c) => LECTERN_CATEGORIES.includes(c));
    } else if (typeof value === typeof settings[name]) {
      settings[name] = value;
    }
  }
  return settings;
};
