// Lectern's content script: captures the page for extraction (done in the background) and
// shows the article in the page's own tab (content/view.js); its second mode, "declutter",
// hides only the clutter on the live page (content/declutter.js). Both are reversible.
// Injected on demand and possibly more than once: it sets itself up once, with its state in
// globalThis.__lectern. An own property: a page's element named or with the id __lectern
// shows through to window here too, and must not pass for it. A later copy does nothing.
import { api } from './common/api.js';
import { toggleDeclutter } from './content/declutter.js';
import { run } from './content/run.js';
import { state } from './content/state.js';
import { watchHistory } from './content/history.js';
import { present, restore, toggle } from './content/view.js';

if (!Object.hasOwn(globalThis, '__lectern')) {
  globalThis.__lectern = Object.assign(state, { present });
  watchHistory({
    back: () => state.saved && restore({ byHistory: true }),
    forward: () => !state.saved && run(toggle),
  });
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    switch (message?.type) {
      case 'toggle':
        run(toggle).then(sendResponse);
        return true; // the answer comes asynchronously
      case 'declutter':
        run(toggleDeclutter).then(sendResponse);
        return true;
      default:
        return false;
    }
  });
}
