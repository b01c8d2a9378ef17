// Declutter: the page keeps its layout; only clutter elements are hidden, reversibly.
import { api } from '../common/api.js';
import { t } from '../common/i18n.js';
import { element, noticeBox } from './notice.js';
import { hideNode, unhideNode } from './page.js';
import { fail } from './run.js';
import { state } from './state.js';
import { restore } from './view.js';

export async function toggleDeclutter() {
  if (state.hidden) {
    undoDeclutter();
    return { on: false };
  }
  // A streamed page holds the reader view alone: no site page here to declutter.
  if (state.always === 'streamed') {
    document.documentElement.append(noticeBox('lectern-notice', 'status', t('declutterStreamed')));
    return { on: Boolean(state.saved) };
  }
  if (state.saved) restore();
  // The elements and the HTML are taken in the same task, so the core's element numbers
  // (document order, as serialized) refer to these very nodes, whatever the page's
  // scripts do to the DOM while the core works.
  const elements = pageElements();
  const html = document.documentElement.outerHTML;
  const reply = await api.runtime.sendMessage({ type: 'declutter', html, url: location.href });
  if (!reply?.ok) return fail(reply?.error ?? t('noAnswer'));
  const targets = reply.removed
    .map((r) => elements[r.element])
    // A node that is not what the core saw (a mismatch would hide the wrong thing) is left.
    .filter((node, i) => node?.localName === reply.removed[i].tag && node !== document.body && node.isConnected);
  state.hidden = targets.map(hideNode);
  declutterNotice(targets.length);
  return { on: true, hidden: targets.length };
}

export function undoDeclutter() {
  for (const hidden of state.hidden) unhideNode(hidden);
  state.hidden = null;
  document.getElementById('lectern-declutter-notice')?.remove();
}

/** Every element in document order as the page serializes, <template> contents included. */
function pageElements() {
  const out = [];
  const stack = [document.documentElement];
  while (stack.length) {
    const node = stack.pop();
    out.push(node);
    const parent = node instanceof HTMLTemplateElement ? node.content : node;
    for (let child = parent.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return out;
}

function declutterNotice(count) {
  document.getElementById('lectern-declutter-notice')?.remove();
  const undo = element('button', { type: 'button', class: 'lectern-undo' }, t('undo'));
  undo.addEventListener('click', () => undoDeclutter());
  const notice = noticeBox('lectern-declutter-notice', 'status', count ? t('declutterDone', String(count)) : t('declutterNone'), undo);
  document.documentElement.append(notice);
}
