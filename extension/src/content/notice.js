// Lectern's own small notices over the page.
import { t } from '../common/i18n.js';

export function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A small notice over the page, with a close button after `extra`. */
export function noticeBox(id, role, text, ...extra) {
  const close = element('button', { type: 'button', title: t('dismiss'), 'aria-label': t('dismiss') }, '×');
  const notice = element('div', { id, role }, element('span', {}, text), ...extra, close);
  close.addEventListener('click', () => notice.remove());
  return notice;
}
