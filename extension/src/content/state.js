// The content script's state, shared by its modules. content.js publishes it as
// globalThis.__lectern, once per document: always.js and the background read it there.
export const state = {
  /** What show() changed, for restore(); null while the page itself is shown. */
  saved: null,
  /** What declutter() hid, for undoing it; null when nothing is hidden. */
  hidden: null,
  busy: false,
  /**
   * How the reader view opened by itself on an always-reader site: null (the reader
   * asked), 'fast' (Chrome: over the hidden page) or 'streamed' (Firefox: the response
   * itself was rewritten, so the original page is only a reload away).
   */
  always: null,
  /** Whether the page's site is an always-reader site (the background's answer). */
  listed: false,
};
