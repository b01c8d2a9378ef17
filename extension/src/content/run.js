// The reader view and declutter, one action at a time, each ending in an answer for the
// background: {on} (and {error}).
import { errorText } from '../common/errors.js';
import { t } from '../common/i18n.js';
import { noticeBox } from './notice.js';
import { state } from './state.js';

/** Runs one action at a time; resolves to {on} (and {error}), never rejects. */
export async function run(action) {
  if (state.busy) return { on: Boolean(state.saved || state.hidden) };
  state.busy = true;
  document.getElementById('lectern-notice')?.remove();
  try {
    return await action();
  } catch (e) {
    return fail(errorText(e));
  } finally {
    state.busy = false;
  }
}

/** Says over the page that the action failed, and answers so. */
export function fail(message) {
  const notice = noticeBox('lectern-notice', 'alert', t('couldNotRead', message.replace(/^Error: /, '')));
  document.documentElement.append(notice);
  return { on: false, error: message };
}
