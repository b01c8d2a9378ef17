// The reader view's controls (the toolbar and its panels) live in a closed shadow root: the
// page's scripts find the host element only, none of the controls, and its stylesheets do
// not reach them. The article stays in the page's DOM, for other extensions to work on.
// Every handler that changes anything still asks byUser() (common/user-input.js): the page
// can dispatch events at the host, and the test build opens the root.
import CONTROLS_CSS from '../../controls.css';
import { watchInput } from '../common/user-input.js';

/** Moves the reader's #lectern-controls into its shadow root; returns the root. */
export function attachControls(reader) {
  const host = reader.querySelector('#lectern-controls');
  // Test drivers reach into an open root only (build.sh: TEST_BUILD).
  const root = host.attachShadow({ mode: TEST_BUILD ? 'open' : 'closed' });
  const style = document.createElement('style');
  style.textContent = CONTROLS_CSS;
  root.append(style, ...host.childNodes);
  // The page's presses (the article's blocks), and the controls' own, which a listener
  // outside the root would see as the host's.
  watchInput(document);
  watchInput(root);
  return root;
}
