// The WebExtension API: Firefox's `browser`, else Chrome's `chrome` (both return promises
// in Manifest V3). Read once, when the first module that needs it loads.
export const api = globalThis.browser ?? globalThis.chrome;
