// Saving a file the person asked for: a download of text made here, through a link.

/**
 * Downloads `text` as a file named `name`, of MIME `type`. The link is put into `parent` for
 * its click: the reader view uses its controls' closed shadow root, out of the page's sight.
 */
export function download(name, text, type, parent = document.body) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  parent.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
