// The service worker: the app opens without a connection.
// - The app shell (index.html and the files it loads, named by `cargo xtask frontend`, which
//   writes their list and a version below) is kept at install; files named by their content hash
//   are answered from the cache, pages from the network first and from the cache when offline.
// - The user's reads of the API (GET /api/v1/..., JSON) are answered from the network and copied,
//   so that an offline app still knows the user, the day's rules and the RHK to log against. The
//   copy is the signed-in user's own, and is deleted at sign-in and sign-out (offline.js).
// - Writes are never touched: offline, the app queues the daily log itself (offline.js).

const VERSION = 'dev';
const SHELL = [];
const SHELL_CACHE = `kinerja-shell-${VERSION}`;
const READS_CACHE = 'kinerja-api';
/** Reads that are not about the user's work, or that are files rather than JSON: never copied. */
const NOT_COPIED = /^\/api\/v1\/(auth\/|public\/|evidence\/|exports\/)/;

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
    if (!NOT_COPIED.test(url.pathname)) event.respondWith(readThrough(request));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL_CACHE }).then((hit) => hit ?? fetch(request)));
  }
});

/** A page: from the network (a deploy shows at once), else the kept shell. */
async function page(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const shell = await caches.match('/index.html', { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw offline;
  }
}

/** A read of the API: from the network, copied when it is a JSON success; else the copy. */
async function readThrough(request) {
  try {
    const response = await fetch(request);
    const json = (response.headers.get('content-type') ?? '').startsWith('application/json');
    if (response.ok && json) {
      const copy = response.clone();
      caches.open(READS_CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (offline) {
    const copy = await caches.match(request, { cacheName: READS_CACHE, ignoreVary: true });
    if (copy) return copy;
    throw offline;
  }
}
