// A problem report from the reader view.
import { api } from '../common/api.js';
import { errorText } from '../common/errors.js';
import { t } from '../common/i18n.js';
import * as reports from '../common/reports.js';
import { storedSettings } from '../common/settings.js';
import { originPattern, pageKey } from '../common/urls.js';

// Keeps a problem report about `pageUrl` (the sending tab's page), and sends it to the
// reader's own endpoint if they set one (and granted Lectern that origin then). The local
// copy stays either way. Answers {ok, id, host, error}, and {full} when no more reports fit
// (nothing is kept or sent then: the reader view keeps the form for a later try).
export async function saveReport(report, pageUrl) {
  if (!pageKey(pageUrl) || pageKey(report?.url) !== pageKey(pageUrl)) return { ok: false, error: t('reportWrongPage') };
  const full = await reports.fullProblem();
  if (full) return { ok: false, full: true, error: full };
  let id;
  try {
    id = await reports.save(report);
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
  const { reportEndpoint } = await storedSettings('reportEndpoint');
  const pattern = originPattern(reportEndpoint);
  if (!pattern) return { ok: true, id };
  const host = new URL(reportEndpoint).host;
  // An address stored before Lectern took https only.
  if (!reports.endpointAllowed(reportEndpoint)) return { ok: true, id, host, error: t('reportEndpointInsecure') };
  if (!(await api.permissions.contains({ origins: [pattern] }))) {
    return { ok: true, id, host, error: t('reportNotAllowed') };
  }
  return { ok: true, id, host, error: await reports.send(report, reportEndpoint) };
}
