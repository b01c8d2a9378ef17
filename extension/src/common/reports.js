// Problem reports: the one place that knows their format ("lectern-report/1", documented in
// README.md; src/report.rs reads it for `lectern replay` and `lectern fixture`) and where
// they are kept: storage.local, one key per report, so that one bad entry never costs the
// others. Used by the background (saving what the reader view sends) and the options page.
import { api } from './api.js';
import { errorText } from './errors.js';
import { t } from './i18n.js';
import vocabulary from './vocabulary.js';

/** The schema, kinds and size limit of reports are the core's (src/vocabulary.rs). */
export const { schema: SCHEMA, maxBytes: MAX_BYTES } = vocabulary.report;
const PREFIX = 'report:';
/**
 * Limits of what a report holds, in characters, whoever made it (the reader view, a file),
 * and how many are kept: the core's (src/vocabulary.rs).
 */
export const LIMITS = Object.freeze(vocabulary.report.limits);
export const { maxStored: MAX_STORED, kinds: KINDS } = vocabulary.report;
/** How long sending a report may take, in seconds. */
const SEND_TIMEOUT_S = 15;
/** Hosts that a report may be sent to over plain http: this machine only. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** What is wrong with a parsed report, in one localized sentence; null when it is usable. */
export function problem(report) {
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return t('reportNotObject');
  if (typeof report.schema !== 'string') return t('reportNoSchema');
  if (report.schema !== SCHEMA) return t('reportOtherSchema', report.schema, SCHEMA);
  if (typeof report.url !== 'string') return t('reportNoUrl');
  if (report.html != null && typeof report.html !== 'string') return t('reportHtmlNotText');
  if (report.marks != null && !Array.isArray(report.marks)) return t('reportMarksNotList');
  return lengthProblem(report);
}

/** Whether a report's comment, corrections or page HTML are longer than LIMITS allow, and which. */
export function lengthProblem(report) {
  if (typeof report.comment === 'string' && report.comment.length > LIMITS.comment) {
    return t('reportCommentTooLong', String(report.comment.length), String(LIMITS.comment));
  }
  for (const value of Object.values(report.corrections ?? {})) {
    if (typeof value === 'string' && value.length > LIMITS.field) return t('reportFieldTooLong', value.slice(0, 40), String(LIMITS.field));
  }
  if (typeof report.html === 'string' && report.html.length > LIMITS.html) return t('reportPageTooLarge', String(LIMITS.html / 1024 / 1024));
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

/** The ids of the stored reports (not the reports: they can be large). */
async function storedIds() {
  const keys = api.storage.local.getKeys ? await api.storage.local.getKeys() : Object.keys(await api.storage.local.get(null));
  return keys.filter((id) => id.startsWith(PREFIX));
}

/** Why no more reports can be stored (MAX_STORED are), or null. */
export async function fullProblem() {
  return (await storedIds()).length >= MAX_STORED ? t('reportsFull', String(MAX_STORED)) : null;
}

/** Stores a report; resolves to its id. */
export async function save(report) {
  const error = problem(report) ?? (await fullProblem());
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

/** Removes a stored report, or a list of them, by id. */
export function remove(ids) {
  return api.storage.local.remove(ids);
}

/**
 * Whether reports may be sent to `address`: https, or plain http to this machine (a local
 * collector); anything else would show them to the network.
 */
export function endpointAllowed(address) {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname));
  } catch {
    return false;
  }
}

/**
 * POSTs a report to the user's endpoint (one endpointAllowed() takes); resolves to null, or
 * the reason it failed. No cookies, no redirect (it could lead anywhere), and not longer
 * than SEND_TIMEOUT_S.
 */
export async function send(report, endpoint) {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(SEND_TIMEOUT_S * 1000),
    });
    return response.ok ? null : `${response.status} ${response.statusText}`.trim();
  } catch (e) {
    return e?.name === 'TimeoutError' ? t('reportTimeout', String(SEND_TIMEOUT_S)) : errorText(e);
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
  return `lectern-report-${host}-${timeStamp(report.created) || 'undated'}.json`.replace(/[^\w.-]+/g, '-');
}

/**
 * An ISO time as a file name's part, to the second ("2026-01-02T03-04-05"): two reports
 * (or two downloads) of one day get names of their own.
 */
export function timeStamp(iso = new Date().toISOString()) {
  return String(iso ?? '').slice(0, 19).replace(/:/g, '-');
}
