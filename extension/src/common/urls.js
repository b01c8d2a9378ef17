// The page and site addresses Lectern keeps: always-reader sites are origins, never pages
// are URLs without their fragment, and each needs a host permission (a match pattern).

/** The origin of an http(s) URL or origin string, or null. */
export function originOf(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The host permission (a match pattern) an http(s) URL or origin needs, or null. Match
 * patterns carry no port: one permission covers every port of a host.
 */
export function originPattern(value) {
  const origin = originOf(value);
  if (!origin) return null;
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** An http(s) page URL without its fragment (how neverPages are kept), or null. */
export function pageKey(value) {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
