// The reader view's toolbar: close, the panels' buttons (settings, removed, report),
// "declutter page instead", and the always-reader buttons. Each acts on the person's own
// press only (byUser): the page's scripts can dispatch events too.
import { api } from '../common/api.js';
import { t } from '../common/i18n.js';
import { originOf } from '../common/urls.js';
import { onUserClick } from '../common/user-input.js';
import { toggleDeclutter } from './declutter.js';
import { run } from './run.js';
import { state } from './state.js';
import { restore, showOriginal } from './view.js';

/** Wires the toolbar's buttons (in the controls' shadow root); returns its panels' disclosures ({closeOpen}). */
export function wireToolbar(controls) {
  const slot = (name) => controls.querySelector(`.lectern-${name}`);
  alwaysControls(controls);
  const panels = disclosures(controls);
  onUserClick(slot('close'), () => restore());
  onUserClick(slot('declutter'), () => {
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
function alwaysControls(controls) {
  const slot = (name) => controls.querySelector(`.lectern-${name}`);
  const always = slot('always');
  if (!originOf(location.href) || state.always || state.listed) always.remove();
  else {
    always.title = t('alwaysButtonTitle');
    onUserClick(always, () => api.runtime.sendMessage({ type: 'always-ask' }).catch(() => {}));
  }
  if (!state.always) return;
  // Declutter works on the page under the reader view; a streamed page has none.
  if (state.always === 'streamed') slot('declutter').hidden = true;
  slot('show-original').hidden = false;
  slot('never').hidden = false;
  onUserClick(slot('show-original'), () => showOriginal());
  onUserClick(slot('never'), async () => {
    await api.runtime.sendMessage({ type: 'always-never' }).catch(() => {});
    showOriginal();
  });
}

/** The toolbar's panels: one open at a time; Esc closes the open one first. */
function disclosures(controls) {
  const buttons = [...controls.querySelectorAll('.lectern-bar [aria-controls]')];
  const panelOf = (button) => controls.getElementById(button.getAttribute('aria-controls'));
  const close = (button) => {
    button.setAttribute('aria-expanded', 'false');
    panelOf(button).hidden = true;
  };
  for (const button of buttons) {
    onUserClick(button, () => {
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
