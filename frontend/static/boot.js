// Starts the Kinerja web app (a file of its own, so that the Content-Security-Policy needs no inline script).
import init from '/kinerja.js';
init();
