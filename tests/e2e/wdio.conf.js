// WebdriverIO drives the real debug build of Kakehashi through tauri-driver, which proxies to
// WebKitWebDriver (Linux). One spec file per user journey; each spec runs in its own worker with
// its own tauri-driver and its own fresh temp data directory (KAKEHASHI_DATA_DIR), so a journey
// never sees another's data, nor the user's. Run it through `make e2e` (which builds the app and
// runs this under xvfb-run and timeout) rather than directly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.join(os.homedir(), '.cache', 'kakehashi');
const targetDir = process.env.CARGO_TARGET_DIR || path.join(cacheDir, 'target');
const application = process.env.KAKEHASHI_APP || path.join(targetDir, 'debug', 'kakehashi-app');
const logDir = path.join(here, 'logs');
const HOST = '127.0.0.1';
const PORT = 4444;
const NATIVE_PORT = 4445;

/** The pinned tauri-driver that `make deps-test` installs, else whatever is on PATH. */
function tauriDriverPath() {
  const pinned = path.join(cacheDir, 'tools', 'bin', 'tauri-driver');
  return fs.existsSync(pinned) ? pinned : 'tauri-driver';
}

function portAcceptsConnections(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`tauri-driver exited (${child.exitCode ?? child.signalCode}) before listening on ${port}`);
    }
    if (await portAcceptsConnections(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${HOST}:${port} within ${timeoutMs} ms`);
}

// What the native open-file dialog answers (KAKEHASHI_TEST_OPEN_FILE, read by the app when the
// dialog would open), per spec file name (without .e2e.js). The app inherits it from tauri-driver.
const repoRoot = path.resolve(here, '..', '..');
const OPEN_FILE_BY_SPEC = {
  'provider-import': path.join(repoRoot, 'fixtures', 'providers', 'survey-sample.sjis.csv'),
  'survey-campaign': path.join(repoRoot, 'fixtures', 'providers', 'survey-sample.utf8.csv'),
};

// State of this worker (one spec file): its driver and its data directory.
let tauriDriver;
let dataDir;

function stopDriver() {
  if (tauriDriver && tauriDriver.exitCode === null && tauriDriver.signalCode === null) {
    tauriDriver.kill('SIGTERM');
  }
}

function removeDataDir() {
  if (dataDir) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  }
}

// A worker that dies or is interrupted must not leave a driver (and through it an app) behind.
// Registered only in workers (from beforeSession): the launcher has its own signal handling.
function cleanUpOnExit() {
  process.on('exit', () => {
    stopDriver();
    removeDataDir();
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stopDriver();
      removeDataDir();
      process.exit(130);
    });
  }
}

// Each worker appends one line per test here; the launcher sums them up in onComplete.
const resultsFile = path.join(logDir, 'results.jsonl');

export const config = {
  runner: 'local',
  hostname: HOST,
  port: PORT,
  specs: ['./specs/**/*.e2e.js'],
  maxInstances: 1,
  capabilities: [
    {
      maxInstances: 1,
      // No browserName: tauri-driver rejects it. WebdriverIO 9 would otherwise ask for BiDi,
      // which WebKitWebDriver does not offer ("Failed to match capabilities").
      'tauri:options': { application },
      'wdio:enforceWebDriverClassic': true,
    },
  ],
  logLevel: 'warn',
  bail: 0,
  waitforTimeout: 15_000,
  // Starting the app under Xvfb is slow on a 2-core machine; retrying would start a second app.
  connectionRetryTimeout: 120_000,
  connectionRetryCount: 0,
  framework: 'mocha',
  reporters: ['spec'],
  mochaOpts: { ui: 'bdd', timeout: 120_000 },

  onPrepare() {
    if (!fs.existsSync(application)) {
      throw new Error(`the app is not built: ${application} is missing (run \`make app\`)`);
    }
    fs.mkdirSync(logDir, { recursive: true });
    fs.rmSync(resultsFile, { force: true });
  },

  async beforeSession(_config, _capabilities, specs) {
    if (await portAcceptsConnections(PORT)) {
      throw new Error(`port ${PORT} is already in use: is a tauri-driver from an earlier run still alive?`);
    }
    cleanUpOnExit();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakehashi-e2e-'));
    // Where the native save dialog "saves" (KAKEHASHI_TEST_SAVE_DIR, read by the app); specs read
    // the files back from the same variable in this worker's environment.
    process.env.KAKEHASHI_TEST_SAVE_DIR = path.join(dataDir, 'saved');
    fs.mkdirSync(process.env.KAKEHASHI_TEST_SAVE_DIR);
    const spec = path.basename(fileURLToPath(specs[0])).replace(/\.e2e\.js$/, '');
    const logFile = path.join(logDir, `${spec}.driver.log`);
    const log = fs.openSync(logFile, 'w');
    // The app inherits this environment through tauri-driver and WebKitWebDriver.
    tauriDriver = spawn(tauriDriverPath(), ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
      env: {
        ...process.env,
        KAKEHASHI_DATA_DIR: dataDir,
        ...(OPEN_FILE_BY_SPEC[spec] ? { KAKEHASHI_TEST_OPEN_FILE: OPEN_FILE_BY_SPEC[spec] } : {}),
      },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    tauriDriver.once('error', (err) => {
      console.error(`cannot start tauri-driver (${tauriDriverPath()}): ${err.message}; run \`make deps-test\``);
    });
    await waitForPort(PORT, tauriDriver, 30_000);
    console.log(`[e2e] ${spec}: data dir ${dataDir}; driver and app log ${path.relative(process.cwd(), logFile)}`);
  },

  async afterSession() {
    stopDriver();
    if (tauriDriver && tauriDriver.exitCode === null && tauriDriver.signalCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          tauriDriver.kill('SIGKILL');
          resolve();
        }, 5_000);
        tauriDriver.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    removeDataDir();
  },

  afterTest(test, _context, { passed }) {
    fs.appendFileSync(resultsFile, `${JSON.stringify({ title: `${test.parent} ${test.title}`, passed })}\n`);
  },

  // A closing line with the number of tests, which CI's log reader understands.
  onComplete() {
    const lines = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8').split('\n') : [];
    const results = lines.filter(Boolean).map((line) => JSON.parse(line));
    const passed = results.filter((r) => r.passed).length;
    console.log(`e2e: ${passed} passed, ${results.length - passed} failed`);
  },
};
