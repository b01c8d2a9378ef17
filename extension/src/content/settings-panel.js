import { api } from '../common/api.js';
import { CHOICES, LIMITS, settingsFrom } from '../common/settings.js';
import { byUser, controlOf, onUserClick } from '../common/user-input.js';
import { listVoices } from '../common/voices.js';

/**
 * The "text and theme" panel: shows the settings, applies a change at once to this
 * reader, and saves it to storage.sync (which applies it in every other tab). Sliders
 * save when let go; storage.sync allows only so many writes a minute. Only the person's
 * own input counts (byUser); anything else finds the form put back as the settings are.
 */
export function wireSettingsPanel(controls, reader, initial) {
  const form = controls.getElementById('lectern-settings');
  const current = { ...initial };
  let pending = {};
  let timer;
  for (const [name, [min, max, step]] of Object.entries(LIMITS)) {
    const input = form.elements[name];
    if (input) Object.assign(input, { min, max, step });
  }
  // The font's average character, in ch (reader.css: --lectern-character); it needs the
  // reader in the page, whose styles are not computed before.
  const measure = () => {
    if (reader.isConnected) reader.style.setProperty('--lectern-character', characterWidth(reader).toFixed(3));
  };
  const show = () => {
    reader.dataset.theme = current.theme;
    reader.dataset.font = current.font;
    reader.dataset.align = current.align;
    reader.style.setProperty('--lectern-size', `${current.fontSize}px`);
    reader.style.setProperty('--lectern-width', `${current.lineWidth}ch`);
    reader.style.setProperty('--lectern-leading', String(current.lineHeight));
    measure();
    for (const name of ['theme', 'font', 'align']) form.elements[name].value = current[name];
    form.elements.lineWidth.value = current.lineWidth;
    form.elements.lineHeight.value = current.lineHeight;
    form.elements.speechRate.value = current.speechRate;
    form.elements.voice.value = current.voice;
    form.elements.fontSizeValue.value = `${current.fontSize}px`;
  };
  const flush = () => {
    clearTimeout(timer);
    if (Object.keys(pending).length) api.storage.sync.set(pending).catch(() => {});
    pending = {};
  };
  const change = (name, value, { later = false } = {}) => {
    Object.assign(current, settingsFrom({ ...current, [name]: value }));
    pending[name] = current[name];
    show();
    clearTimeout(timer);
    if (later) timer = setTimeout(flush, 500);
    else flush();
  };
  const step = (direction) => change('fontSize', current.fontSize + direction * LIMITS.fontSize[2], { later: true });
  form.addEventListener('submit', (event) => event.preventDefault());
  // A slider's trusted input is the person's: no script can make one (a slider has no
  // click() behaviour, no editing command), and a screen reader moves it without a key.
  const byPerson = (event) => (event.target.type === 'range' ? event.isTrusted : byUser(event, controlOf(event.target)));
  form.addEventListener('change', (event) => {
    const { name, value, type } = event.target;
    if (!byPerson(event)) show();
    else if (name in CHOICES || name === 'voice') change(name, value);
    else if (type === 'range') change(name, Number(value));
  });
  // Sliders show their effect while dragged.
  form.addEventListener('input', (event) => {
    const { name, value, type } = event.target;
    if (type !== 'range') return;
    if (byPerson(event)) change(name, Number(value), { later: true });
    else show();
  });
  onUserClick(form.querySelector('.lectern-smaller'), () => step(-1));
  onUserClick(form.querySelector('.lectern-larger'), () => step(1));
  const unlistVoices = listVoices(form.elements.voice, () => current.voice);
  show();
  return {
    step,
    /** A setting's value now (read aloud reads its voice and speed for each paragraph). */
    value: (name) => current[name],
    /** Writes pending changes now, and stops following the browser's voices. */
    close() {
      flush();
      unlistVoices();
    },
    /** Measures the font's characters again: once the reader is in the page. */
    measure,
    apply(changed) {
      const own = Object.fromEntries(Object.entries(changed).filter(([name]) => !(name in pending)));
      Object.assign(current, settingsFrom({ ...current, ...own }));
      show();
    },
  };
}

/** Characters of the article's text measured, at most: a few paragraphs. */
const SAMPLE = 2000;

/**
 * The average character of the article's own text, in ch of the reader's font: about 0.84
 * in a proportional font, 1 in a monospaced one. At most 1: a script whose characters are
 * wider than "0" (Chinese, Japanese) reads best in lines of fewer of them.
 */
function characterWidth(reader) {
  const sample = reader.querySelector('.lectern-content')?.textContent.replace(/\s+/g, ' ').trim().slice(0, SAMPLE);
  if (!sample) return 1;
  const { fontSize, fontFamily } = getComputedStyle(reader.querySelector('.lectern-page'));
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${fontSize} ${fontFamily}`;
  const zero = context.measureText('0').width;
  return Math.min(1, context.measureText(sample).width / sample.length / zero);
}
