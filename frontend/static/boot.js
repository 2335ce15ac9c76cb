// Starts the Kinerja web app (a file of its own, so that the Content-Security-Policy needs no inline script).
// offline.js first: the app calls its `kinerjaOffline` (the daily-log queue, photo shrinking).
import '/offline.js';
import init from '/kinerja.js';
init();
