// The reader view's toolbar: close, the three panels' buttons, "declutter page instead",
// and the always-reader buttons.
import { api } from '../common/api.js';
import { t } from '../common/i18n.js';
import { originOf } from '../common/urls.js';
import { toggleDeclutter } from './declutter.js';
import { run } from './run.js';
import { state } from './state.js';
import { restore, showOriginal } from './view.js';

/** Wires the toolbar's buttons; returns its panels' disclosures ({closeOpen}). */
export function wireToolbar(reader, settings) {
  const slot = (name) => reader.querySelector(`.lectern-${name}`);
  alwaysControls(reader, settings);
  const panels = disclosures(reader);
  slot('close').addEventListener('click', () => restore());
  slot('declutter').addEventListener('click', () => {
    restore();
    run(toggleDeclutter);
  });
  return panels;
}

/**
 * The always-reader buttons: "Always on this site" opens the options page's confirmation
 * (the permission needs a click in an extension page); where the view opened by itself,
 * "Show original" and "Never on this page" (which also shows the original).
 */
function alwaysControls(reader, settings) {
  const slot = (name) => reader.querySelector(`.lectern-${name}`);
  const origin = originOf(location.href);
  const always = slot('always');
  // The reader's own clicks only: the page's scripts can dispatch clicks on these buttons
  // too, and must not open tabs or put themselves on the never list.
  const onTrustedClick = (button, action) =>
    button.addEventListener('click', (event) => {
      if (event.isTrusted) action();
    });
  if (!origin || settings.alwaysSites.includes(origin)) always.remove();
  else {
    always.title = t('alwaysButtonTitle');
    onTrustedClick(always, () => api.runtime.sendMessage({ type: 'always-ask', origin }).catch(() => {}));
  }
  if (!state.always) return;
  // Declutter works on the page under the reader view; a streamed page has none.
  if (state.always === 'streamed') slot('declutter').hidden = true;
  slot('show-original').hidden = false;
  slot('never').hidden = false;
  onTrustedClick(slot('show-original'), () => showOriginal());
  onTrustedClick(slot('never'), async () => {
    await api.runtime.sendMessage({ type: 'always-never', url: location.href }).catch(() => {});
    showOriginal();
  });
}

/** The toolbar's panels: one open at a time; Esc closes the open one first. */
function disclosures(reader) {
  const buttons = [...reader.querySelectorAll('.lectern-bar [aria-controls]')];
  const panelOf = (button) => reader.querySelector(`#${button.getAttribute('aria-controls')}`);
  const close = (button) => {
    button.setAttribute('aria-expanded', 'false');
    panelOf(button).hidden = true;
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      for (const other of buttons) close(other);
      if (!open) return;
      button.setAttribute('aria-expanded', 'true');
      const panel = panelOf(button);
      panel.hidden = false;
      panel.querySelector('input, button')?.focus();
    });
  }
  return {
    /** Closes the open panel and focuses its button; false when none was open. */
    closeOpen() {
      const button = buttons.find((b) => b.getAttribute('aria-expanded') === 'true');
      if (!button) return false;
      close(button);
      button.focus();
      return true;
    },
  };
}
