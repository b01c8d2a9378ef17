// The options page's "always use reader view" sites: the list (remove), a field to add one,
// and the confirmation the reader view's toolbar button opens (options.html#always=<origin>).
// Adding a site asks for that origin's host permission, within the click that adds it
// (permissions.request needs the user's gesture, which a click in a web page's content
// script cannot hand to the extension); removing a site gives the permission back. The
// background registers the early content scripts for the listed, granted origins.
import { api } from '../common/api.js';
import { errorText } from '../common/errors.js';
import { t } from '../common/i18n.js';
import { giveBackPermissions } from '../common/permissions.js';
import { storedSettings } from '../common/settings.js';
import { originOf, originPattern } from '../common/urls.js';
import { byUser, watchInput } from '../common/user-input.js';

const list = document.getElementById('always-list');
const none = document.getElementById('no-always');
const neverList = document.getElementById('never-list');
const neverHeading = document.getElementById('never-heading');
const status = document.getElementById('always-status');
const confirmBox = document.getElementById('always-confirm');
const addForm = document.getElementById('always-form');
const say = (text) => (status.textContent = text);
const storedLists = () => storedSettings(['alwaysSites', 'neverPages']);

/**
 * Adds `origin`: asks for its permission first, synchronously in the click (Firefox
 * refuses a request made after an await), then stores it.
 */
function add(origin) {
  say('');
  return api.permissions.request({ origins: [originPattern(origin)] }).then(
    async (granted) => {
      if (!granted) return say(t('alwaysDenied', origin)), false;
      const { alwaysSites } = await storedLists();
      if (!alwaysSites.includes(origin)) await api.storage.sync.set({ alwaysSites: [...alwaysSites, origin] });
      say(t('alwaysAdded', origin));
      return true;
    },
    (e) => say(t('alwaysFailed', errorText(e))),
  );
}

async function remove(origin) {
  say('');
  try {
    const { alwaysSites, neverPages } = await storedLists();
    await api.storage.sync.set({
      alwaysSites: alwaysSites.filter((o) => o !== origin),
      neverPages: neverPages.filter((p) => originOf(p) !== origin),
    });
    // Kept if another setting uses it (the same host on another port, the report endpoint).
    await giveBackPermissions([originPattern(origin)]).catch(() => []);
    say(t('alwaysRemoved', origin));
  } catch (e) {
    say(t('alwaysFailed', errorText(e)));
  }
}

async function removeNever(page) {
  const { neverPages } = await storedLists();
  await api.storage.sync.set({ neverPages: neverPages.filter((p) => p !== page) });
}

function item(text, label, onClick) {
  const li = document.createElement('li');
  const name = Object.assign(document.createElement('span'), { textContent: text });
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
  button.addEventListener('click', onClick);
  li.append(name, button);
  return li;
}

async function render() {
  const { alwaysSites, neverPages } = await storedLists();
  list.replaceChildren(...alwaysSites.map((origin) => item(origin, t('alwaysRemove'), () => remove(origin))));
  none.hidden = alwaysSites.length > 0;
  neverList.replaceChildren(...neverPages.map((page) => item(page, t('alwaysRemove'), () => removeNever(page))));
  neverHeading.hidden = neverList.hidden = neverPages.length === 0;
}

// From the reader view's toolbar: one click here grants the permission and adds the site.
function askFromHash() {
  const match = /^#always=(.+)$/.exec(location.hash);
  const origin = match && originOf(decodeURIComponent(match[1]));
  confirmBox.hidden = !origin;
  if (!origin) return;
  document.getElementById('always-question').textContent = t('alwaysQuestion', origin);
  const yes = document.getElementById('always-yes');
  // Granting takes a deliberate press on "Allow and add" itself: not a stray Enter (the
  // focus starts on Cancel), nor a key held since the page opened.
  yes.onclick = (event) => {
    if (!byUser(event, yes)) return;
    add(origin).then(() => {
      confirmBox.hidden = true;
      history.replaceState(null, '', location.pathname);
    });
  };
  document.getElementById('always-no').onclick = () => {
    confirmBox.hidden = true;
    history.replaceState(null, '', location.pathname);
  };
  confirmBox.scrollIntoView({ block: 'center' });
  document.getElementById('always-no').focus();
}

/** Lists the sites and never pages, and answers a request from the reader view's toolbar. */
export function setUpAlwaysSites() {
  watchInput(document);
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const field = addForm.elements.site;
    const origin = originOf(field.value.trim()) ?? originOf(`https://${field.value.trim()}`);
    if (!origin) return say(t('alwaysInvalid'));
    add(origin).then((ok) => ok && (field.value = ''));
  });

  window.addEventListener('hashchange', askFromHash);
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && (changes.alwaysSites || changes.neverPages)) render().catch((e) => say(errorText(e)));
  });
  render().catch((e) => say(errorText(e)));
  askFromHash();
}
