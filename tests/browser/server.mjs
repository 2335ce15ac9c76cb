// Starts the real `kinerja` binary for one test file: a fresh data directory (so a fresh
// SQLite database), the demo city seeded into it, and `kinerja serve` on a free port.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { callApi, loginToken } from './api.mjs';

/** How often to ask /health before giving up, and how long to wait between two asks. */
const HEALTH_TRIES = 300;
const HEALTH_INTERVAL_MS = 100;

/** The repository root, two levels above this file. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * An absolute path for `path`: as given when absolute; a bare command name stays for PATH to
 * find; else relative to the current directory or, failing that, to the repository root
 * (`cargo xtask` names paths from there). The server runs in a temporary directory, so a
 * relative path would not be found from it.
 */
function absolute(path) {
  if (isAbsolute(path) || !path.includes('/')) return path;
  const fromHere = resolve(path);
  const fromRoot = resolve(REPO_ROOT, path);
  return existsSync(fromHere) || !existsSync(fromRoot) ? fromHere : fromRoot;
}

/** A port nobody listens on right now: the kernel picks it for a listener on port 0. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end; rejects with its output when it fails. */
function run(bin, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${bin} ${args.join(' ')} failed (${signal ?? code}):\n${output}`)),
    );
  });
}

/**
 * Seeds and serves a fresh Kinerja. Needs KINERJA_BIN (the binary) and KINERJA_STATIC_DIR
 * (the built SPA, frontend/dist); `cargo xtask browser-test` sets both.
 * `env` adds to the server's environment (a channel of the outbox, say).
 * Returns `{ base, stop }`: the server's URL and a function that ends it and its data.
 */
/**
 * Starts the server with the extra environment `env`. Every day holds a full day's minutes
 * (`activity_overtime_minutes` 720), so that a test logging "today" reads the same on a weekend;
 * `{ calendar: true }` keeps the Pemda's calendar as seeded (5 days, 270 minutes of overtime).
 */
export async function startServer(env = {}, { calendar = false } = {}) {
  if (!process.env.KINERJA_BIN || !process.env.KINERJA_STATIC_DIR) {
    throw new Error('KINERJA_BIN and KINERJA_STATIC_DIR must be set: run `cargo xtask browser-test`');
  }
  const bin = absolute(process.env.KINERJA_BIN);
  const staticDir = absolute(process.env.KINERJA_STATIC_DIR);
  const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-browser-'));
  // The data directory is also the working directory, so nothing lands in the repository.
  const options = {
    cwd: dataDir,
    env: { ...process.env, KINERJA_DATA_DIR: dataDir, KINERJA_STATIC_DIR: staticDir },
  };
  try {
    await run(bin, ['seed', 'demo'], options);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(bin, ['serve', '--bind', `127.0.0.1:${port}`], {
    ...options,
    // Reminders would add notices at whatever hour the tests run; a test that wants them says so.
    env: { ...options.env, KINERJA_REMINDERS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  let exit = null;
  const exited = new Promise((resolve) =>
    server.on('exit', (code, signal) => {
      exit = signal ?? code;
      resolve();
    }),
  );

  const stop = async () => {
    if (exit === null) {
      server.kill('SIGTERM');
      // A server that ignores SIGTERM for five seconds is killed outright.
      const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(base, () => exit, () => log);
    if (!calendar) {
      const admin = await loginToken(base, 'admin');
      await callApi(base, admin, 'PATCH', '/settings', { activity_overtime_minutes: 720 });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop, log: () => log };
}

async function waitForHealth(base, exitStatus, log) {
  for (let attempt = 0; attempt < HEALTH_TRIES; attempt++) {
    if (exitStatus() !== null) {
      throw new Error(`kinerja serve exited (${exitStatus()}) before answering /health:\n${log()}`);
    }
    try {
      const response = await fetch(`${base}/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await delay(HEALTH_INTERVAL_MS);
  }
  throw new Error(`kinerja serve did not answer /health after ${HEALTH_TRIES} tries:\n${log()}`);
}
