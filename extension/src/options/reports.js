// The options page's "Problem reports" section: the reports saved from the reader view
// (view, download one or all, delete, import a file) and the optional address they are
// also sent to. Turning that address on asks for its origin's permission, then and only
// then; storage and format are common/reports.js's.
import { api } from '../common/api.js';
import { download } from '../common/download.js';
import { errorText } from '../common/errors.js';
import { t } from '../common/i18n.js';
import { giveBackPermissions } from '../common/permissions.js';
import * as reports from '../common/reports.js';
import { settingsFrom } from '../common/settings.js';
import { originPattern } from '../common/urls.js';

const list = document.getElementById('report-list');
const status = document.getElementById('reports-status');
const endpointForm = document.getElementById('endpoint-form');
const endpoint = document.getElementById('endpoint');
const viewer = document.getElementById('report-view');
const full = document.getElementById('reports-full');
const downloadOldest = document.getElementById('download-oldest');
const deleteOldest = document.getElementById('delete-oldest');
const say = (text) => (status.textContent = text);
/** How many of the oldest reports "Download the oldest" offers at once when the store is full. */
const OLDEST = 10;

/** Downloads reports as a JSON file. */
function downloadJson(name, value) {
  download(name, JSON.stringify(value, null, 2), 'application/json');
}

function button(key, onClick) {
  const node = Object.assign(document.createElement('button'), { type: 'button', textContent: t(key) });
  node.addEventListener('click', onClick);
  return node;
}

/** The report as text to read: the page's HTML shortened (it can be megabytes). */
function readable(report) {
  const html = typeof report.html === 'string' ? `${report.html.slice(0, 2000)}… (${report.html.length} characters)` : null;
  return JSON.stringify({ ...report, html }, null, 2);
}

async function show() {
  const entries = await reports.list();
  list.replaceChildren(
    ...entries.map(({ id, report, error }) => {
      const item = document.createElement('li');
      const about = document.createElement('span');
      if (error) {
        about.textContent = t('optionsReportDamaged', error);
        item.append(about, button('optionsReportDelete', () => remove(id)));
        return item;
      }
      const date = new Date(report.created ?? NaN);
      const when = Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
      // A kind this version has no name for shows as recorded.
      const kind = report.kind ? api.i18n.getMessage(`kind_${report.kind}`) || report.kind : '';
      about.textContent = [when, kind, report.url, report.html == null ? t('optionsReportNoHtml') : ''].filter(Boolean).join(' · ');
      item.append(
        about,
        button('optionsReportView', () => {
          document.getElementById('report-view-title').textContent = report.pageTitle || report.url;
          document.getElementById('report-json').textContent = readable(report);
          viewer.showModal();
        }),
        button('optionsReportDownload', () => downloadJson(reports.fileName(report), report)),
        button('optionsReportDelete', () => remove(id)),
      );
      return item;
    }),
  );
  document.getElementById('no-reports').hidden = entries.length > 0;
  document.getElementById('download-all').hidden = !entries.some((r) => r.report);
  showFull(entries);
}

/**
 * When no more reports fit: says so, and offers the oldest for download; only once they
 * were downloaded does it offer to delete them, so that making room loses nothing unseen.
 */
function showFull(entries) {
  const wasFull = !full.hidden;
  full.hidden = entries.length < reports.MAX_STORED;
  if (full.hidden) return;
  const oldest = entries.slice(-OLDEST);
  document.getElementById('reports-full-note').textContent = t('optionsReportsFull', String(reports.MAX_STORED));
  downloadOldest.textContent = t('optionsReportsDownloadOldest', String(oldest.length));
  deleteOldest.textContent = t('optionsReportsDeleteOldest', String(oldest.length));
  if (!wasFull) deleteOldest.hidden = true;
  downloadOldest.onclick = () => {
    downloadJson(`lectern-reports-oldest-${reports.timeStamp()}.json`, oldest.filter((r) => r.report).map((r) => r.report));
    deleteOldest.hidden = false;
  };
  deleteOldest.onclick = async () => {
    deleteOldest.hidden = true;
    await reports.remove(oldest.map(({ id }) => id)); // at once: the list shows no half-way state
    await show();
  };
}

async function remove(id) {
  await reports.remove(id);
  await show();
}

/** Lists the saved reports, and keeps the report address. */
export function setUpReports() {
  document.getElementById('download-all').addEventListener('click', async () => {
    const all = (await reports.list()).filter((r) => r.report).map((r) => r.report);
    downloadJson(`lectern-reports-${reports.timeStamp()}.json`, all);
  });

  // Each file on its own: a bad one is named and skipped, the others are kept (as many as
  // there is room for: the rest is named too).
  document.getElementById('import').addEventListener('change', async (event) => {
    const messages = [];
    for (const file of event.target.files) {
      const tooLarge = reports.sizeProblem(file.size);
      const { reports: found, errors } = tooLarge ? { reports: [], errors: [tooLarge] } : reports.parse(await file.text());
      let saved = 0;
      try {
        for (const report of found) {
          await reports.save(report);
          saved++;
        }
      } catch (e) {
        errors.push(errorText(e));
      }
      if (saved) messages.push(t('optionsReportImported', file.name));
      if (errors.length) messages.push(t('optionsReportBad', file.name, errors.join(' ')));
    }
    event.target.value = '';
    say(messages.join(' '));
    await show();
  });

  // permissions.request must run within the click's gesture: no await before it.
  endpointForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = endpoint.value.trim();
    // The address replaced: its permission goes back unless another setting uses it.
    const giveBackPrevious = async (previous) => {
      await giveBackPermissions([originPattern(previous)]).catch(() => []);
    };
    if (!value) {
      api.storage.sync
        .get('reportEndpoint')
        .then(async ({ reportEndpoint: previous }) => {
          await api.storage.sync.set({ reportEndpoint: '' });
          await giveBackPrevious(previous);
          say(t('optionsEndpointCleared'));
        })
        .catch((e) => say(errorText(e)));
      return;
    }
    const pattern = originPattern(value);
    if (!pattern || !reports.endpointAllowed(value)) {
      say(t('optionsEndpointInvalid'));
      return;
    }
    const host = new URL(value).host;
    api.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        if (!granted) return say(t('optionsEndpointDenied', host));
        const { reportEndpoint: previous } = await api.storage.sync.get('reportEndpoint');
        await api.storage.sync.set({ reportEndpoint: value });
        await giveBackPrevious(previous);
        say(t('optionsEndpointSaved', host));
      })
      .catch((e) => say(t('optionsEndpointDenied', host) + ` (${errorText(e)})`));
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') show();
    if (area === 'sync' && changes.reportEndpoint) endpoint.value = changes.reportEndpoint.newValue ?? '';
  });

  api.storage.sync.get('reportEndpoint').then(({ reportEndpoint }) => (endpoint.value = settingsFrom({ reportEndpoint }).reportEndpoint));
  show().catch((e) => say(errorText(e)));
}
