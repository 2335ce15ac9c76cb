// The service worker: the app opens without a connection.
// - The app shell (index.html and the files it loads, named by `cargo xtask frontend`, which
//   writes their list and a version below) is kept at install; files named by their content hash
//   are answered from the cache, pages from the network first and from the cache when offline.
// - The reads the daily log needs (who the user is, the Pemda's settings, the user's SKP and RHK,
//   the activities) are answered from the network and copied, so that an offline app still knows
//   the user, the day's rules and the RHK to log against. Nothing else is copied. The copy is the
//   signed-in user's own, and is deleted whenever a session begins or ends (offline.js).
// - A network that answers nothing for NETWORK_WAIT_MS (a weak signal) is not waited for when a
//   copy exists.
// - Writes are never touched: offline, the app queues the daily log itself (offline.js).

const VERSION = 'dev';
const SHELL = [];
const SHELL_CACHE = `kinerja-shell-${VERSION}`;
const READS_CACHE = 'kinerja-api';
/** The reads copied for offline use: the daily log's, nothing more. */
const COPIED = /^\/api\/v1\/(me|settings|skps|skps\/\d+|activities)$/;
const NETWORK_WAIT_MS = 4000;
/** Pages the server renders (`crates/api/src/pages`): `/survei/{code}`, `/berhenti/{token}`. */
const SERVER_PAGE = /^\/(survei|berhenti)\/[^/]+\/?$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(['/index.html', ...SHELL]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('kinerja-shell-') && n !== SHELL_CACHE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (COPIED.test(url.pathname)) event.respondWith(readThrough(request));
    return;
  }
  // The survey page is the server's own, not the app's: the shell cannot stand in for it.
  if (request.mode === 'navigate' && !SERVER_PAGE.test(url.pathname)) {
    event.respondWith(page(request));
    return;
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL_CACHE }).then((hit) => hit ?? fetch(request)));
  }
});

/**
 * The network's answer, or `fromCache()`'s when the network fails or is silent for
 * NETWORK_WAIT_MS and a copy exists (the network's late answer still lands in the copy).
 */
async function networkFirst(request, fromCache, onAnswer = () => {}) {
  const network = fetch(request).then((response) => {
    onAnswer(response);
    return response;
  });
  network.catch(() => {});
  const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await fromCache()) ?? (await network);
  } catch (offline) {
    const copy = await fromCache();
    if (copy) return copy;
    throw offline;
  }
}

/** A page: from the network (a deploy shows at once), else the kept shell. */
function page(request) {
  return networkFirst(request, () => caches.match('/index.html', { cacheName: SHELL_CACHE }));
}

/** A read of the daily log: from the network, copied when it is a JSON success; else the copy. */
function readThrough(request) {
  return networkFirst(
    request,
    () => caches.match(request, { cacheName: READS_CACHE, ignoreVary: true }),
    (response) => {
      const json = (response.headers.get('content-type') ?? '').startsWith('application/json');
      if (response.ok && json) {
        const copy = response.clone();
        caches.open(READS_CACHE).then((cache) => cache.put(request, copy));
      }
    },
  );
}
