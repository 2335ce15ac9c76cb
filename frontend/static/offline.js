// The device side of working without a connection, as the global `kinerjaOffline` that the app
// (frontend/src/offline.rs) calls:
// - the daily-log queue: entries logged offline, each with its idempotency key, kept in IndexedDB
//   with their evidence files until they are sent (the app sends them, in order);
// - photos made small before they are kept or sent (a phone photo is 3-5 MB);
// - the service worker (/sw.js), registered here, and its copy of the user's reads, forgotten at
//   sign-out.

const DB_NAME = 'kinerja-offline';
const DB_VERSION = 1;
const QUEUE = 'queue';
const FILES = 'files';
/** The copy of API reads the service worker keeps (see sw.js). */
const READS_CACHE = 'kinerja-api';
/** Photos are cut to this longest side (px): a page of handwriting stays legible. */
const PHOTO_SIDE = 1600;
const PHOTO_QUALITY = 0.82;
/** Photos under this size are sent as they are. */
const PHOTO_SMALL = 400 * 1024;

let opening;

function database() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(QUEUE, { keyPath: 'seq', autoIncrement: true });
      db.createObjectStore(FILES, { keyPath: 'id', autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

/** Runs `work(stores)` in one transaction over `names`; resolves with what `work` asked for. */
async function transact(names, mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(names, mode);
    const stores = Object.fromEntries(names.map((n) => [n, tx.objectStore(n)]));
    let result;
    const request = work(stores);
    if (request) request.onsuccess = () => (result = request.result);
    tx.oncomplete = () => resolve(result);
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** A new idempotency key (a random UUID, also where crypto.randomUUID is missing: plain http). */
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A JPEG or PNG photo cut to PHOTO_SIDE on its longest side and saved as JPEG, when that makes it
 * smaller; any other file (a PDF), or one already small, as it is.
 */
async function shrink(file) {
  if (!/^image\/(jpeg|png)$/.test(file.type) || file.size <= PHOTO_SMALL) return file;
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const scale = Math.min(1, PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  // A transparent PNG gets a white page rather than black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close?.();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY));
  if (!blob || blob.size >= file.size) return file;
  const name = file.name.replace(/\.(png|jpe?g)$/i, '') + '.jpg';
  return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
}

/** Keeps `file` on the device for `user`; its id. */
function keepFile(user, file) {
  return transact([FILES], 'readwrite', (s) => s[FILES].add({ user, file, name: file.name, kept_at: Date.now() }));
}

/** A kept file no queued entry names is dropped after a day (its form was left unsent). */
const ORPHAN_MS = 24 * 3600 * 1000;

/** The kept file `id`, or null. */
async function file(id) {
  const row = await transact([FILES], 'readonly', (s) => s[FILES].get(id));
  return row ? row.file : null;
}

function dropFile(id) {
  return transact([FILES], 'readwrite', (s) => {
    s[FILES].delete(id);
  });
}

/**
 * Queues an entry: `{ user, key, date, request, files: [{ id, name }] }` (`request` is the body of
 * POST /activities without the evidence still on the device; `key` the one a first attempt was
 * sent with, if any, so that one lost answer never becomes two activities). Its number.
 */
function enqueue(entry) {
  const row = {
    ...entry,
    key: entry.key ?? newKey(),
    evidence_ids: [...(entry.request.evidence_ids ?? [])],
    status: 'waiting',
    error: null,
    queued_at: new Date().toISOString(),
  };
  return transact([QUEUE], 'readwrite', (s) => s[QUEUE].add(row));
}

/** The queued entries of `user`, oldest first (and the day-old files no entry names, dropped). */
async function list(user) {
  const rows = (await transact([QUEUE], 'readonly', (s) => s[QUEUE].getAll())) ?? [];
  const named = new Set(rows.flatMap((r) => (r.files ?? []).map((f) => f.id)));
  const files = (await transact([FILES], 'readonly', (s) => s[FILES].getAll())) ?? [];
  const stale = files.filter((f) => !named.has(f.id) && Date.now() - (f.kept_at ?? 0) > ORPHAN_MS);
  if (stale.length) {
    await transact([FILES], 'readwrite', (s) => {
      for (const f of stale) s[FILES].delete(f.id);
    });
  }
  return rows.filter((r) => r.user === user).sort((a, b) => a.seq - b.seq);
}

/**
 * Takes the right to send the queue, for this tab against the others (and the installed app): a
 * function that gives it back, or null while another holds it. Without Web Locks, always given.
 */
function acquireSync() {
  if (!navigator.locks) return Promise.resolve(() => {});
  return new Promise((resolve) => {
    navigator.locks.request('kinerja-offline-sync', { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(null);
        return undefined;
      }
      return new Promise((release) => resolve(release));
    });
  });
}

/** Merges `changes` into the queued entry `seq`. */
function update(seq, changes) {
  return transact([QUEUE], 'readwrite', (s) => {
    const store = s[QUEUE];
    const get = store.get(seq);
    get.onsuccess = () => {
      if (get.result) store.put({ ...get.result, ...changes, seq });
    };
  });
}

/** Removes the queued entry `seq` and the files it still held. */
function remove(seq) {
  return transact([QUEUE, FILES], 'readwrite', (s) => {
    const get = s[QUEUE].get(seq);
    get.onsuccess = () => {
      for (const f of get.result?.files ?? []) s[FILES].delete(f.id);
      s[QUEUE].delete(seq);
    };
  });
}

/** Whether the browser believes it is connected. */
function online() {
  return navigator.onLine;
}

/** Forgets the service worker's copy of the user's reads (at sign-in and sign-out). */
async function forgetReads() {
  if ('caches' in self) await caches.delete(READS_CACHE);
}

// The install prompt, kept until the app offers it (Chromium fires it once the app is installable).
let installPrompt = null;
const installListeners = new Set();
addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  installPrompt = event;
  for (const listener of installListeners) listener(true);
});
addEventListener('appinstalled', () => {
  installPrompt = null;
  for (const listener of installListeners) listener(false);
});

/** Whether the app can be installed now; `callback(bool)` is told when that changes. */
function watchInstall(callback) {
  installListeners.add(callback);
  return installPrompt !== null;
}

function unwatchInstall(callback) {
  installListeners.delete(callback);
}

/** Shows the browser's install dialog; whether the user accepted. */
async function install() {
  if (!installPrompt) return false;
  const prompt = installPrompt;
  installPrompt = null;
  await prompt.prompt();
  const choice = await prompt.userChoice;
  return choice.outcome === 'accepted';
}

globalThis.kinerjaOffline = {
  newKey, acquireSync, shrink, keepFile, file, dropFile, enqueue, list, update, remove, online, forgetReads,
  watchInstall, unwatchInstall, install,
};

if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((e) => console.warn('service worker not registered', e));
  });
}
