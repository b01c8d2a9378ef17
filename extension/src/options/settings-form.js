// The options page's reading settings with a live preview, the clutter categories kept in
// the article, and the opt-in "looks like an article" toolbar badge. Each change is stored
// in storage.sync at once (common/settings.js holds the names, defaults and limits), and a
// change made elsewhere, such as in the reader view's toolbar, shows up here while the page
// is open.
import { api } from '../common/api.js';
import { errorText } from '../common/errors.js';
import { t } from '../common/i18n.js';
import { giveBackPermissions } from '../common/permissions.js';
import { CATEGORIES, DEFAULTS, LIMITS } from '../common/settings.js';
import { listVoices } from '../common/voices.js';

const ALL_SITES = { origins: ['<all_urls>'] };
const SAVED_SHOWN_MS = 2000;

/**
 * The settings in the form: all but the badge, the report endpoint and the always-reader
 * sites, which also depend on a permission (always-sites.js, reports.js), and the never pages.
 */
const FORM_DEFAULTS = Object.freeze(
  Object.fromEntries(
    Object.entries(DEFAULTS).filter(([name]) => !['readerableBadge', 'reportEndpoint', 'alwaysSites', 'neverPages'].includes(name)),
  ),
);

const form = document.getElementById('settings');
const preview = document.getElementById('lectern-reader');
const badge = document.getElementById('readerable-badge');
const status = document.getElementById('status');
/** The voice setting shown: selected once the browser lists that voice (they load late). */
let voice = DEFAULTS.voice;

/** One checkbox per clutter category, all named keep; localize() fills in their names. */
export function addCategories() {
  const fieldset = document.getElementById('categories');
  for (const category of CATEGORIES) {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'keep', value: category });
    const name = document.createElement('span');
    name.dataset.i18n = `category_${category}`;
    const label = document.createElement('label');
    label.append(box, name);
    fieldset.append(label);
  }
}

/** The form's value for a setting, of the same type as its default. */
function read(name) {
  const field = form.elements[name];
  const fallback = FORM_DEFAULTS[name];
  if (Array.isArray(fallback)) return [...field].filter((box) => box.checked).map((box) => box.value);
  if (typeof fallback === 'boolean') return field.checked;
  if (typeof fallback === 'number') return Number(field.value);
  return field.value;
}

/** Shows a stored value in the form; one of the wrong type (or none) shows the default. */
function write(name, stored) {
  const field = form.elements[name];
  const fallback = FORM_DEFAULTS[name];
  const value = (Array.isArray(fallback) ? Array.isArray(stored) : typeof stored === typeof fallback) ? stored : fallback;
  if (Array.isArray(fallback)) for (const box of field) box.checked = value.includes(box.value);
  else if (typeof fallback === 'boolean') field.checked = value;
  else field.value = value; // a range, a radio group (RadioNodeList), or the voices
  if (name === 'voice') voice = value;
}

/**
 * Shows the settings on the preview as the reader view shows them (the same attributes and
 * properties, under reader.css), and the numbers beside the ranges.
 */
function showPreview() {
  preview.dataset.theme = read('theme');
  preview.dataset.font = read('font');
  preview.dataset.align = read('align');
  preview.style.setProperty('--lectern-size', `${read('fontSize')}px`);
  preview.style.setProperty('--lectern-width', `${read('lineWidth')}ch`);
  preview.style.setProperty('--lectern-leading', read('lineHeight'));
  for (const name of Object.keys(LIMITS)) {
    document.getElementById(`${name}-value`).value = read(name).toLocaleString(document.documentElement.lang);
  }
}

function show(values) {
  for (const name of Object.keys(FORM_DEFAULTS)) write(name, values[name]);
  showPreview();
}

/** The badge is on only while the permission it needs is still granted (it can be revoked elsewhere). */
async function showBadge(stored) {
  badge.checked = stored === true && (await api.permissions.contains(ALL_SITES));
}

let statusTimer;

function say(message) {
  clearTimeout(statusTimer);
  status.textContent = message;
}

function saySaved() {
  say(t('settingsSaved'));
  statusTimer = setTimeout(() => say(''), SAVED_SHOWN_MS);
}

const sayReadFailed = (e) => say(t('settingsReadFailed', errorText(e)));

function save(values) {
  return api.storage.sync.set(values).then(saySaved, (e) => say(t('settingsSaveFailed', errorText(e))));
}

/** Shows the stored settings, and stores each change. */
export function setUpSettingsForm() {
  for (const [name, [min, max, step]] of Object.entries(LIMITS)) {
    Object.assign(form.elements[name], { min, max, step });
  }
  listVoices(form.elements.voice, () => voice);

  // Ranges update the preview while they move and are stored when let go: storage.sync has a
  // write quota.
  form.addEventListener('input', showPreview);
  form.addEventListener('change', ({ target: { name } }) => {
    if (Object.hasOwn(FORM_DEFAULTS, name)) save({ [name]: read(name) });
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  document.getElementById('reset').addEventListener('click', () => {
    show(FORM_DEFAULTS);
    save(FORM_DEFAULTS);
  });

  // A click, not a change: permissions.request must be called within the user's gesture.
  badge.addEventListener('click', () => {
    say('');
    if (badge.checked) {
      api.permissions
        .request(ALL_SITES)
        .then(async (granted) => {
          badge.checked = granted;
          await api.storage.sync.set({ readerableBadge: granted });
          if (granted) saySaved();
          else say(t('badgeDenied'));
        })
        .catch((e) => {
          badge.checked = false;
          say(t('badgeFailed', errorText(e)));
        });
    } else {
      api.storage.sync
        .set({ readerableBadge: false })
        .then(() => giveBackPermissions(ALL_SITES.origins))
        .then((lost) => (lost.length ? say(t('permissionsLost', lost.join(', '))) : saySaved()))
        .catch((e) => say(t('permissionReturnFailed', errorText(e))));
    }
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    for (const [name, { newValue }] of Object.entries(changes)) {
      if (Object.hasOwn(FORM_DEFAULTS, name)) write(name, newValue);
    }
    showPreview();
    if (changes.readerableBadge) showBadge(changes.readerableBadge.newValue).catch(sayReadFailed);
  });

  api.storage.sync
    .get(DEFAULTS)
    .then(async (values) => {
      show(values);
      await showBadge(values.readerableBadge);
    })
    .catch(sayReadFailed);
}
