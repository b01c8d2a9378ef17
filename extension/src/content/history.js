// Back closes the reader view and Forward opens it again, as Firefox's Reader View does:
// showing it adds a history entry for the same URL, marked in its state (the page's own
// state object rides along under `page`), so that leaving that entry is the reader's Back.
const MARK = 'lecternReader';
/** The mark of this document's reader entry; the page cannot guess it in advance. */
let mark = null;

const onReaderEntry = (historyState) => mark !== null && historyState?.[MARK] === mark;

/** Adds the reader view's history entry, unless Forward brought us onto it. */
export function enterReaderEntry() {
  if (onReaderEntry(history.state)) return;
  mark = crypto.randomUUID();
  history.pushState({ [MARK]: mark, page: history.state }, '', location.href);
}

/** After the person closed the reader view themselves: off its entry, as Back would. */
export function leaveReaderEntry() {
  if (onReaderEntry(history.state)) history.back();
}

/**
 * Whether the last move through history came from the person: the browser's Back or
 * Forward, not the page's own `history.back()`. Where the browser can tell (the Navigation
 * API), a page cannot close or reopen the reader view by moving through its history.
 */
let traversalByUser = true;
globalThis.navigation?.addEventListener('navigate', (event) => {
  if (event.navigationType === 'traverse') traversalByUser = event.userInitiated;
});

/** Calls `back` when history leaves the reader's entry, `forward` when it comes back to it. */
export function watchHistory({ back, forward }) {
  addEventListener('popstate', (event) => {
    if (!traversalByUser) return;
    if (onReaderEntry(event.state)) forward();
    else back();
  });
}
