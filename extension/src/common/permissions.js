// Host permissions are asked for one feature at a time, and given back when no setting uses
// them any more: one host may serve an always-reader site and the report endpoint at once.
import { api } from './api.js';
import { storedSettings } from './settings.js';
import { originPattern } from './urls.js';

/** The host permissions the settings use: each always-reader site's, the report endpoint's, the badge's. */
export function permissionsInUse(settings) {
  const patterns = settings.alwaysSites.map(originPattern);
  if (settings.reportEndpoint) patterns.push(originPattern(settings.reportEndpoint));
  if (settings.readerableBadge) patterns.push('<all_urls>');
  return [...new Set(patterns.filter(Boolean))];
}

/**
 * Gives back those of `patterns` that no setting uses any more (call it after storing the
 * change). Resolves to the patterns still in use that the browser no longer grants (taking
 * back every site's permission may take the single sites' with it), for the page to say so.
 */
export async function giveBackPermissions(patterns) {
  const inUse = permissionsInUse(await storedSettings());
  const spare = patterns.filter((p) => p && !inUse.includes(p));
  if (!spare.length) return [];
  await api.permissions.remove({ origins: spare });
  const lost = [];
  for (const pattern of inUse) if (!(await api.permissions.contains({ origins: [pattern] }))) lost.push(pattern);
  return lost;
}
