// Whether an event is the person's own doing. event.isTrusted alone does not tell: a
// script's element.click() or form.requestSubmit() makes the browser fire the change, input
// and submit events that follow with isTrusted true. What a script cannot make is a trusted
// press (pointerdown, mousedown, keydown): an action counts as the person's only when one
// of those, on the very control, came just before it. mousedown too: a screen reader's
// "click" comes as a mouse's (mousedown, mouseup, click).

/** How long after the person's last press (or release) its control may act on it. */
const GESTURE_MS = 1000;

/** The last trusted press: {target, at, held}; held while a button is down (a slider dragged). */
let gesture = null;

function press(event) {
  if (!event.isTrusted || event.repeat) return;
  // The innermost node: watched from inside a (closed) shadow root, the real control.
  gesture = { target: event.composedPath()[0], at: performance.now(), held: event.type !== 'keydown' };
}

function release(event) {
  if (!event.isTrusted || !gesture) return;
  gesture.at = performance.now();
  if (event.type !== 'keyup') gesture.held = false;
}

/**
 * Watches the presses in `root` (a document, or a shadow root: listeners outside a closed
 * one see only its host). The last one wins, so a press elsewhere ends the one before.
 */
export function watchInput(root) {
  for (const type of ['pointerdown', 'mousedown', 'keydown']) root.addEventListener(type, press, true);
  for (const type of ['pointerup', 'mouseup', 'pointercancel', 'keyup']) root.addEventListener(type, release, true);
}

/**
 * Whether `event` comes of the person's own input on `control`: trusted, and their last
 * press was on `control` (or inside it) just before, or is still held.
 */
export function byUser(event, control) {
  if (!event.isTrusted || !gesture || !control?.contains(gesture.target)) return false;
  return gesture.held || performance.now() - gesture.at < GESTURE_MS;
}

/** Runs `action` on the person's own click on `button` (a mouse's, or Enter or Space). */
export function onUserClick(button, action) {
  button.addEventListener('click', (event) => {
    if (byUser(event, button)) action(event);
  });
}

/**
 * The control a form input belongs to, as the person presses it: a radio's group (its
 * fieldset: arrow keys move the choice within it), else its label (a click on the label's
 * text changes the input), else the input itself.
 */
export function controlOf(input) {
  return (input.type === 'radio' ? input.closest('fieldset') : input.closest('label')) ?? input;
}
