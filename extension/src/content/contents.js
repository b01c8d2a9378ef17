// The table of contents: for an article with three or more section headings (h2 to h4), a
// navigation landmark with a link to each, beside the text on a wide window and a
// disclosure above it on a narrow one, the section being read marked (aria-current) as the
// reader scrolls. Its links are in-page links: view.js scrolls to them within the reader.
import { onUserClick } from '../common/user-input.js';

/** The fewest section headings that make a table of contents worth its room. */
const FEWEST = 3;

/** A window wide enough for the list beside the text (reader.css: the same width). */
const WIDE = '(min-width: 1100px)';

/** The part of the window whose last heading names the section being read: its top third. */
const READING_LINE = '0px 0px -67% 0px';

/**
 * Fills the reader's .lectern-toc from its article, or removes it when there are too few
 * headings. Returns {disconnect()}, which stops following the scroll and the window's width.
 */
export function wireContents(reader) {
  const nav = reader.querySelector('.lectern-toc');
  // Removed blocks are hidden (a related list's heading is no section of the article).
  const headings = [...reader.querySelectorAll('.lectern-content :is(h2, h3, h4)')].filter(
    (heading) => !heading.closest('[data-lectern-removed]') && heading.textContent.trim(),
  );
  if (headings.length < FEWEST) {
    nav.remove();
    return { disconnect() {} };
  }
  const list = nav.querySelector('.lectern-toc-list');
  const freeId = freeIds(reader);
  const links = headings.map((heading) => {
    heading.id ||= freeId();
    const link = document.createElement('a');
    link.href = `#${heading.id}`;
    link.textContent = heading.textContent.replace(/\s+/g, ' ').trim();
    const item = document.createElement('li');
    item.className = `lectern-toc-${heading.localName}`;
    item.append(link);
    list.append(item);
    return link;
  });

  // Collapsed on a narrow window, where it stands above the article; open beside it.
  const toggle = nav.querySelector('.lectern-toc-toggle');
  const wide = matchMedia(WIDE);
  const expand = (open) => {
    toggle.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
  };
  const fit = () => expand(wide.matches);
  fit();
  wide.addEventListener('change', fit);
  onUserClick(toggle, () => expand(list.hidden));
  // Above the article, the list gives its room back to the section chosen.
  list.addEventListener('click', (event) => {
    if (!wide.matches && event.target.closest('a')) expand(false);
  });

  // The section being read: the last heading above the reading line, none before the first.
  const mark = () => {
    const line = innerHeight / 3;
    let current = -1;
    headings.forEach((heading, index) => {
      if (heading.getBoundingClientRect().top <= line) current = index;
    });
    links.forEach((link, index) => {
      if (index === current) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    });
  };
  // A heading crossing the line is the only thing that changes the section.
  const observer = new IntersectionObserver(mark, { rootMargin: READING_LINE });
  for (const heading of headings) observer.observe(heading);
  return {
    disconnect() {
      observer.disconnect();
      wide.removeEventListener('change', fit);
    },
  };
}

/**
 * Ids for headings without one, each used by no element of the page or the reader: the
 * lowest lectern-toc-N free. The reader's ids are read once: looking each one up in it (not
 * in the document yet, so walked through) cost up to 16 ms on an article of many sections.
 */
function freeIds(reader) {
  const taken = new Set(Array.from(reader.querySelectorAll('[id]'), (node) => node.id));
  let n = 0;
  return () => {
    for (;;) {
      const id = `lectern-toc-${++n}`;
      if (!taken.has(id) && !document.getElementById(id)) return id;
    }
  };
}
