// Starts the citizen pages (a file of its own, so that the Content-Security-Policy needs no inline script).
import init from '/kinerja_public.js';
init();
