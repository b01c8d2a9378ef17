import { api } from '../common/api.js';
import { errorText } from '../common/errors.js';
import { t } from '../common/i18n.js';
import { CATEGORIES, settingsFrom } from '../common/settings.js';
import { byUser, controlOf, onUserClick } from '../common/user-input.js';

/**
 * The "removed" panel, and the removed blocks in the content. The core writes every
 * removed block into the content, marked data-lectern-removed="<element>"; each is
 * hidden, shown dimmed with its category and reason ("show what was removed"), or kept
 * as article text (its category switched on, or the block clicked). Nothing is ever
 * taken out of the content, so no switching loses text. The panel is in the controls'
 * shadow root, the blocks in the reader's article; only the person's own input switches.
 */
export function wireRemovedPanel(controls, reader, article, settings) {
  const panel = controls.getElementById('lectern-clutter');
  const button = controls.querySelector('.lectern-open-clutter');
  const byElement = new Map(article.removed.map((r) => [String(r.element), r]));
  const blocks = [...reader.querySelectorAll('.lectern-content [data-lectern-removed]')]
    .map((node) => ({ node, removed: byElement.get(node.dataset.lecternRemoved), label: null }))
    .filter((block) => block.removed);
  // Removed blocks can nest (a wrapper removed as boilerplate around an author box): one
  // around a block in the article must show, or hiding it would hide that block too.
  for (const block of blocks) block.inner = blocks.filter((other) => other !== block && block.node.contains(other.node));
  const counts = new Map();
  for (const { removed } of blocks) counts.set(removed.category, (counts.get(removed.category) ?? 0) + 1);
  let keep = new Set(settings.keep);
  let showRemoved = false;
  const kept = new Set(); // blocks clicked back in, on this page only

  const categoryName = (category) => t(`category_${category}`);
  const list = panel.querySelector('.lectern-categories');
  const switches = CATEGORIES.filter((c) => counts.has(c)).map((category) => {
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', value: category });
    const label = document.createElement('label');
    label.append(input, document.createTextNode(t('categoryCount', categoryName(category), String(counts.get(category)))));
    list.append(label);
    return input;
  });
  // Counted are the blocks a reader could see: text or a picture, not an empty wrapper.
  const visible = blocks.filter(({ node }) => node.textContent.trim() || node.querySelector('img, video, audio, iframe, picture'));
  button.textContent = t('removedButton', String(visible.length));
  if (blocks.length) panel.querySelector('.lectern-nothing-removed').remove();
  else for (const node of panel.querySelectorAll('.lectern-toggle, .lectern-categories, .lectern-save-default')) node.remove();

  const update = () => {
    for (const input of switches) input.checked = keep.has(input.value);
    const own = (block) => keep.has(block.removed.category) || kept.has(block.node);
    for (const block of blocks) {
      const inArticle = own(block) || block.inner.some(own);
      block.node.hidden = !inArticle && !showRemoved;
      block.node.classList.toggle('lectern-removed-shown', !inArticle && showRemoved);
      if (!inArticle && showRemoved) block.label ??= addLabel(block);
      else if (block.label) {
        block.label.remove();
        block.label = null;
      }
    }
    for (const image of reader.querySelectorAll('.lectern-content img[data-lectern-src], .lectern-content img[data-lectern-srcset]')) {
      if (image.closest('[data-lectern-removed][hidden]')) continue;
      for (const name of ['srcset', 'src']) {
        const value = image.getAttribute(`data-lectern-${name}`);
        if (value !== null) image.setAttribute(name, value);
        image.removeAttribute(`data-lectern-${name}`);
      }
    }
  };
  const addLabel = (block) => {
    const { category, why } = block.removed;
    const label = Object.assign(document.createElement('button'), {
      type: 'button',
      className: 'lectern-removed-label',
      // In a reader's words; the rule's own (`reason`) is for reports and `lectern explain`.
      textContent: t('removedLabel', categoryName(category), t(`why_${why}`)),
      title: t('keepBlock'),
    });
    onUserClick(label, () => {
      kept.add(block.node);
      update();
    });
    placeLabel(block.node, label);
    return label;
  };
  panel.querySelector('[name=showRemoved]')?.addEventListener('change', (event) => {
    if (byUser(event, controlOf(event.target))) showRemoved = event.target.checked;
    else event.target.checked = showRemoved;
    update();
  });
  list.addEventListener('change', (event) => {
    if (!byUser(event, controlOf(event.target))) return update();
    if (event.target.checked) keep.add(event.target.value);
    else keep.delete(event.target.value);
    update();
  });
  const saveDefault = panel.querySelector('.lectern-save-default');
  if (saveDefault) {
    onUserClick(saveDefault, () => {
      const status = panel.querySelector('.lectern-status');
      api.storage.sync.set({ keep: CATEGORIES.filter((c) => keep.has(c)) }).then(
        () => (status.textContent = t('savedDefault')),
        (e) => (status.textContent = errorText(e)),
      );
    });
  }
  update();
  return {
    /** The categories kept on this page, for a report's options. */
    kept: () => CATEGORIES.filter((c) => keep.has(c)),
    /** The removed blocks brought back one by one on this page (element numbers), for a report. */
    keptBlocks: () => blocks.filter((block) => kept.has(block.node)).map((block) => block.removed.element),
    keepDefault(categories) {
      keep = new Set(settingsFrom({ keep: categories }).keep);
      update();
    },
  };
}

/** Puts a removed block's label where it reads as its first line. */
function placeLabel(node, label) {
  const cell = node.localName === 'tr' ? node.cells[0] : null;
  if (cell) cell.prepend(label);
  else if (/^(img|hr|br|input|video|audio|iframe|table|tbody|thead|tfoot|ul|ol|dl)$/.test(node.localName)) node.before(label);
  else node.prepend(label);
}
