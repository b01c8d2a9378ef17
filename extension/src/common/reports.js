// Problem reports: the one place that knows their format ("lectern-report/1", documented in
// README.md; src/report.rs reads it for `lectern replay` and `lectern fixture`) and where
// they are kept: storage.local, one key per report, so that one bad entry never costs the
// others. Used by the background (saving what the reader view sends) and the options page.
import { api } from './api.js';
import { errorText } from './errors.js';
import { t } from './i18n.js';
import vocabulary from './vocabulary.js';

/** The schema and size limit of reports are the core's (src/vocabulary.rs). */
export const { schema: SCHEMA, maxBytes: MAX_BYTES } = vocabulary.report;
const PREFIX = 'report:';

/** What is wrong with a parsed report, in one localized sentence; null when it is usable. */
export function problem(report) {
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return t('reportNotObject');
  if (typeof report.schema !== 'string') return t('reportNoSchema');
  if (report.schema !== SCHEMA) return t('reportOtherSchema', report.schema, SCHEMA);
  if (typeof report.url !== 'string') return t('reportNoUrl');
  if (report.html != null && typeof report.html !== 'string') return t('reportHtmlNotText');
  if (report.marks != null && !Array.isArray(report.marks)) return t('reportMarksNotList');
  return null;
}

/** Why a file of `bytes` bytes cannot be a report, or null. */
export function sizeProblem(bytes) {
  return bytes > MAX_BYTES ? t('reportTooLarge', String(MAX_BYTES / 1024 / 1024)) : null;
}

/**
 * Reads a report file's text: one report, or a list of them (what "Download all" writes).
 * Resolves to {reports, errors}: the usable reports, and why the others are not (a
 * list's items numbered from 1).
 */
export function parse(text) {
  const tooLarge = sizeProblem(text.length);
  if (tooLarge) return { reports: [], errors: [tooLarge] };
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { reports: [], errors: [t('reportNotJson', e.message)] };
  }
  const items = Array.isArray(parsed) && parsed.length ? parsed : [parsed];
  const reports = [];
  const errors = [];
  items.forEach((item, i) => {
    const error = problem(item);
    if (!error) reports.push(item);
    else errors.push(items.length > 1 ? `${i + 1}: ${error}` : error);
  });
  return { reports, errors };
}

/** Stores a report; resolves to its id. */
export async function save(report) {
  const error = problem(report);
  if (error) throw new Error(error);
  const id = `${PREFIX}${report.created ?? new Date().toISOString()}-${Math.random().toString(36).slice(2, 8)}`;
  await api.storage.local.set({ [id]: report });
  return id;
}

/** Every stored report, newest first: [{id, report}] or [{id, error}] for a damaged one. */
export async function list() {
  const all = await api.storage.local.get(null);
  return Object.entries(all)
    .filter(([id]) => id.startsWith(PREFIX))
    .map(([id, report]) => {
      const error = problem(report);
      return error ? { id, error } : { id, report };
    })
    .sort((a, b) => (a.id < b.id ? 1 : -1));
}

export function remove(id) {
  return api.storage.local.remove(id);
}

/** POSTs a report to the user's endpoint; resolves to null, or the reason it failed. */
export async function send(report, endpoint) {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
      credentials: 'omit',
    });
    return response.ok ? null : `${response.status} ${response.statusText}`.trim();
  } catch (e) {
    return errorText(e);
  }
}

/** A file name for downloading reports. */
export function fileName(report) {
  const host = (() => {
    try {
      return new URL(report.url).hostname;
    } catch {
      return 'page';
    }
  })();
  const date = String(report.created ?? '').slice(0, 10) || 'undated';
  return `lectern-report-${host}-${date}.json`.replace(/[^\w.-]+/g, '-');
}
