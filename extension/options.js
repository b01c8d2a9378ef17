// Lectern's options: the opt-in "looks like an article" toolbar badge. It needs to read every
// page as it loads, so turning it on asks for <all_urls>, and turning it off gives that back.
'use strict';

const api = globalThis.browser ?? globalThis.chrome;
const ALL_SITES = { origins: ['<all_urls>'] };
const checkbox = document.getElementById('readerable-badge');
const status = document.getElementById('status');

async function show() {
  const { readerableBadge } = await api.storage.sync.get({ readerableBadge: false });
  // On only while the permission it needs is still granted (it can be revoked elsewhere).
  checkbox.checked = readerableBadge === true && (await api.permissions.contains(ALL_SITES));
}

// A click, not a change: permissions.request must be called within the user's gesture.
checkbox.addEventListener('click', () => {
  status.textContent = '';
  if (checkbox.checked) {
    api.permissions
      .request(ALL_SITES)
      .then(async (granted) => {
        checkbox.checked = granted;
        await api.storage.sync.set({ readerableBadge: granted });
        if (!granted) status.textContent = 'Not turned on: Lectern was not allowed to read the sites you visit.';
      })
      .catch((e) => {
        checkbox.checked = false;
        status.textContent = `Could not turn it on: ${e.message ?? e}`;
      });
  } else {
    api.storage.sync
      .set({ readerableBadge: false })
      .then(() => api.permissions.remove(ALL_SITES))
      .catch((e) => {
        status.textContent = `Could not give the permission back: ${e.message ?? e}`;
      });
  }
});

show().catch((e) => {
  status.textContent = `Could not read the settings: ${e.message ?? e}`;
});
