// Functions the browser tests run in the page (page.evaluate), in Chromium and Firefox alike.

/** Characters on each full line of the reader's paragraphs (their last lines left out). */
export function charactersPerLine() {
  const counts = [];
  for (const p of document.querySelectorAll('#lectern-reader .lectern-content p')) {
    const range = document.createRange();
    const lines = new Map();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
    }
    counts.push(...[...lines.values()].slice(0, -1));
  }
  return counts;
}

/** Whether the element `selector` is in the window, clear of the toolbar: scrolled to. */
export function inView(selector) {
  const { top, bottom } = document.querySelector(selector).getBoundingClientRect();
  return top >= 48 && bottom <= innerHeight;
}

/** Whether the document scrolls sideways: {scrollWidth, clientWidth}. */
export function widths() {
  const { scrollWidth, clientWidth } = document.documentElement;
  return { scrollWidth, clientWidth };
}
