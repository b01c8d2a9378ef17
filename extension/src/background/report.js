// A problem report from the reader view.
import { api } from '../common/api.js';
import { t } from '../common/i18n.js';
import * as reports from '../common/reports.js';
import { storedSettings } from '../common/settings.js';
import { originPattern } from '../common/urls.js';

// Keeps a problem report, and sends it to the reader's own endpoint if they set one (and
// granted Lectern that origin then). The local copy stays either way.
export async function saveReport(report) {
  const id = await reports.save(report);
  const { reportEndpoint } = await storedSettings('reportEndpoint');
  const pattern = originPattern(reportEndpoint);
  if (!pattern) return { ok: true, id };
  const host = new URL(reportEndpoint).host;
  if (!(await api.permissions.contains({ origins: [pattern] }))) {
    return { ok: true, id, host, error: t('reportNotAllowed') };
  }
  return { ok: true, id, host, error: await reports.send(report, reportEndpoint) };
}
