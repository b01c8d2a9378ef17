import { api } from '../common/api.js';
import { t } from '../common/i18n.js';
import { KINDS, LIMITS, SCHEMA, lengthProblem } from '../common/reports.js';
import { byUser, onUserClick } from '../common/user-input.js';

/**
 * The "report a problem" panel: what is wrong, a comment, corrected metadata, blocks the
 * reader marks in the article, and the page's HTML if they agree. Sending saves the
 * report in the extension (the background also POSTs it to the reader's own endpoint,
 * if they set one); nothing else leaves the browser. A report is made by the person's own
 * click on Send only, and marks by their own clicks (byUser): never by the page's scripts.
 * The form is in the controls' shadow root; the blocks to mark are in the reader's article.
 */
export function wireReportPanel(controls, reader, article, settings, html, removedPanel) {
  const form = controls.getElementById('lectern-report');
  const content = reader.querySelector('.lectern-content');
  const markButton = form.querySelector('.lectern-mark');
  const sendButton = form.querySelector('.lectern-send');
  const openReports = form.querySelector('.lectern-open-reports');
  const status = form.querySelector('.lectern-status');
  const corrections = form.querySelector('.lectern-corrections');
  /** Marked blocks: node → {should, text, element?}. */
  const marks = new Map();
  let marking = false;
  // One choice per kind of problem, "other" until the reader picks one.
  for (const kind of KINDS) {
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'kind', value: kind, checked: kind === 'other' });
    const name = Object.assign(document.createElement('span'), { textContent: t(`kind_${kind}`) });
    const label = document.createElement('label');
    label.append(input, name);
    form.querySelector('.lectern-kinds').append(label);
  }
  for (const name of ['title', 'byline', 'published_time']) form.elements[name].value = article[name] ?? '';
  // A page too large for a report goes without its HTML, and says so.
  const htmlFits = html == null || html.length <= LIMITS.html;
  if (!htmlFits) {
    Object.assign(form.elements.includeHtml, { checked: false, disabled: true });
    controls.getElementById('lectern-html-note').textContent = t('reportPageTooLarge', String(LIMITS.html / 1024 / 1024));
  }
  form.addEventListener('change', () => {
    corrections.hidden = form.elements.kind.value !== 'wrong_metadata';
  });
  const setMarking = (on) => {
    marking = on;
    markButton.setAttribute('aria-pressed', String(on));
    reader.classList.toggle('lectern-marking', on);
  };
  onUserClick(markButton, () => setMarking(!marking));
  onUserClick(openReports, () => api.runtime.sendMessage({ type: 'open-reports' }).catch(() => {}));
  const showCount = () => {
    form.querySelector('.lectern-mark-count').textContent = marks.size ? t('reportMarked', String(marks.size)) : '';
  };
  // Capture: while marking, a click marks a block instead of following a link or keeping
  // a removed block.
  content.addEventListener(
    'click',
    (event) => {
      if (!marking || form.hidden) return;
      const removed = event.target.closest('.lectern-removed-shown');
      const block =
        removed ?? event.target.closest('p, li, blockquote, figure, pre, table, h2, h3, h4, h5, h6, dd, dt, [data-lectern-removed]');
      if (!block || !content.contains(block) || !byUser(event, block)) return;
      event.preventDefault();
      event.stopPropagation();
      if (marks.delete(block)) {
        block.classList.remove('lectern-marked');
      } else {
        const text = [...block.childNodes]
          .filter((node) => !node.classList?.contains('lectern-removed-label'))
          .map((node) => node.textContent)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 300);
        const element = removed ? Number(removed.dataset.lecternRemoved) : undefined;
        marks.set(block, { should: removed ? 'present' : 'absent', text, element });
        block.classList.add('lectern-marked');
      }
      showCount();
    },
    true,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Send itself, pressed: not Enter in a field, nor a script's requestSubmit().
    if (!byUser(event, sendButton)) return;
    const kind = form.elements.kind.value;
    const corrected = {};
    if (kind === 'wrong_metadata') {
      for (const name of ['title', 'byline', 'published_time']) {
        const value = form.elements[name].value.trim();
        if (value !== (article[name] ?? '')) corrected[name] = value;
      }
    }
    const report = {
      schema: SCHEMA,
      extensionVersion: api.runtime.getManifest().version,
      browser: navigator.userAgent,
      created: new Date().toISOString(),
      url: location.href,
      pageTitle: document.title,
      kind,
      comment: form.elements.comment.value,
      marks: [...marks.values()],
      corrections: corrected,
      options: { keep: removedPanel.kept(), keptBlocks: removedPanel.keptBlocks(), images: settings.images },
      article,
      html: htmlFits && form.elements.includeHtml.checked ? html : null,
    };
    openReports.hidden = true;
    // Too long: said at once, and the text stays in the form to be shortened.
    const tooLong = lengthProblem(report);
    if (tooLong) {
      status.textContent = tooLong;
      return;
    }
    status.textContent = '';
    const reply = await api.runtime.sendMessage({ type: 'report', report }).catch((e) => ({ ok: false, error: String(e) }));
    if (!reply?.ok) {
      status.textContent = t('reportFailed', String(reply?.error ?? t('noAnswer')));
      openReports.hidden = !reply?.full;
      return;
    }
    const parts = [t('reportSaved')];
    if (reply.host) parts.push(reply.error ? t('reportNotSent', reply.host, reply.error) : t('reportSent', reply.host));
    status.textContent = parts.join(' ');
    for (const node of marks.keys()) node.classList.remove('lectern-marked');
    marks.clear();
    showCount();
    setMarking(false);
  });
}
