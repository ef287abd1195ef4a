// WebdriverIO drives the real debug build of Kakehashi through tauri-driver, which proxies to
// WebKitWebDriver (Linux). One spec file per user journey; each spec runs in its own worker with
// its own tauri-driver and its own fresh temp data directory (KAKEHASHI_DATA_DIR), so a journey
// never sees another's data, nor the user's. Run it through `make e2e` (which builds the app and
// runs this under xvfb-run and timeout) rather than directly.
import { spawn, spawnSync } from 'node:child_process';
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

// Journeys that start from data already in the registry, put there with the CLI before the app
// starts (so they need not walk through the intake or the import again): the passphrase the spec
// unlocks with, and the `kakehashi` commands to run on the spec's data directory after `init`.
const cli = process.env.KAKEHASHI_CLI || path.join(targetDir, 'debug', 'kakehashi');
const SEED_BY_SPEC = {
  'equipment-overdue': {
    passphrase: 'heron-willow-copper-tide-58',
    commands: [['cases', 'add', '--json', path.join(repoRoot, 'fixtures', 'cases', 'plan-journey-child.json')]],
  },
  'discharge-plan': {
    passphrase: 'kestrel-meadow-lantern-quartz-71',
    commands: [
      ['cases', 'add', '--json', path.join(repoRoot, 'fixtures', 'cases', 'plan-journey-child.json')],
      ['providers', 'import', '--all-or-nothing', path.join(repoRoot, 'fixtures', 'providers', 'plan-journey.csv')],
    ],
  },
  // One short-stay facility with one ventilator bed, two ventilated children, and the first child
  // booked (confirmed) for the middle night of the journey's three: see specs/respite-booking.e2e.js.
  'respite-booking': {
    passphrase: 'heron-cobalt-lantern-meadow-58',
    commands: [],
    steps: seedRespite,
  },
  // A ventilated child at home with no disaster profile yet, and a child at home who depends on
  // no device (first by kana, so the roster's risk order is what puts the ventilated child
  // first): see specs/disaster-profile.e2e.js.
  'disaster-profile': {
    passphrase: 'cedar-harbor-lantern-quartz-64',
    commands: [],
    steps: seedDisaster,
  },
  // One child to back up, rename and restore: see specs/backup-restore.e2e.js.
  'backup-restore': {
    passphrase: 'willow-quartz-harbor-lantern-47',
    commands: [['cases', 'add', '--json', path.join(repoRoot, 'fixtures', 'cases', 'plan-journey-child.json')]],
  },
  // Two children, one entered with a misspelt name (坂戸 結斗) that the journey corrects:
  // see specs/audit-log.e2e.js.
  'audit-log': {
    passphrase: 'copper-meadow-kestrel-violet-36',
    commands: [],
    steps: seedAudit,
  },
  // One child, and the administrator `admin` made by `init`: see specs/users-roles.e2e.js.
  'users-roles': {
    passphrase: 'lantern-cobalt-meadow-heron-29',
    commands: [['cases', 'add', '--json', path.join(repoRoot, 'fixtures', 'cases', 'plan-journey-child.json')]],
  },
  // An empty registry made before the app starts (the journey unlocks, not sets up): see
  // specs/auto-lock.e2e.js.
  'auto-lock': {
    passphrase: 'harbor-violet-kestrel-cobalt-29',
    commands: [],
  },
};

/** The journey's nights: the 10th, 11th and 12th of next month in Japan (the office's date). */
export function respiteNights() {
  const japan = new Date(Date.now() + 9 * 3600 * 1000);
  const next = new Date(Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth() + 1, 1));
  const month = next.toISOString().slice(0, 7);
  return { month, first: `${month}-10`, middle: `${month}-11`, leave: `${month}-13` };
}

function ventilatedChild(name, kana, address) {
  return {
    child: {
      case_number: null, name, kana, date_of_birth: '2022-03-10', sex: 'female',
      gestational_weeks: null, birth_weight_g: null, diagnoses: [],
      residence: { postal_code: '', address, municipality_code: '112011', lat: null, lon: null },
      guardians: [], siblings: 0, oshima_cell: null, yokochi_code: null,
      severe_factors: { mobility: null, position_changes_per_day: null },
      care_items: [{ code: 'ventilator', supervision: 'high', details: {}, start_date: null, end_date: null }],
      consent: { given_on: '2026-10-01', scope: ['care_team'], note: '' }, coordinator: '関根',
    },
    weight: null, status: 'at_home', status_date: null,
  };
}

function seedRespite(run, dir) {
  const children = path.join(dir, 'respite-children.json');
  fs.writeFileSync(children, JSON.stringify([
    ventilatedChild('川越 湊', 'カワゴエ ミナト', '川越市新宿町1-17-1'),
    ventilatedChild('所沢 ひなた', 'トコロザワ ヒナタ', '川越市脇田町2-3'),
  ]));
  const [taken] = JSON.parse(run(['cases', 'add', '--json', children]));
  const facilities = path.join(dir, 'respite-facility.csv');
  fs.writeFileSync(facilities, '種別,事業所名,ふりがな,住所,市区町村,電話\n短期入所,すずかけ短期入所センター,すずかけたんきにゅうしょせんたー,川越市鯨井1-1,川越市,049-200-3000\n');
  run(['providers', 'import', '--all-or-nothing', facilities]);
  const facility = JSON.parse(run(['providers', 'list', '--json'])).rows[0].id;
  run(['respite', 'beds', '--facility', facility, '--bed-type', 'ventilator', '--beds', '1', '--max-stay', '7']);
  const { month, middle } = respiteNights();
  run(['respite', 'book', '--case', taken.case_number, '--facility', facility, '--from', middle, '--to', `${month}-12`]);
}

function seedDisaster(run, dir) {
  const quiet = ventilatedChild('相川 さくら', 'アイカワ サクラ', '川越市脇田町2-3');
  quiet.child.care_items = [];
  const children = path.join(dir, 'disaster-children.json');
  fs.writeFileSync(children, JSON.stringify([ventilatedChild('坂戸 結翔', 'サカド ユイト', '川越市新宿町1-17-1'), quiet]));
  run(['cases', 'add', '--json', children]);
}

function seedAudit(run, dir) {
  const children = path.join(dir, 'audit-children.json');
  fs.writeFileSync(children, JSON.stringify([
    ventilatedChild('坂戸 結斗', 'サカド ユイト', '川越市新宿町1-17-1'),
    ventilatedChild('相川 さくら', 'アイカワ サクラ', '川越市脇田町2-3'),
  ]));
  run(['cases', 'add', '--json', children]);
}

/**
 * A week after today in Japan, at 10:00 there: the audit journey's clock, so that what the person
 * does in the app falls on another office day than the seeding (stamped by the CLI at the real now).
 */
function auditJourneyInstant() {
  const japan = new Date(Date.now() + 9 * 3600 * 1000 + 7 * 24 * 3600 * 1000);
  return `${japan.toISOString().slice(0, 10)}T10:00:00+09:00`;
}

// Journeys that move the clock: the app's stamps read the instant in this file (created in the
// spec's data directory with the first instant given here; KAKEHASHI_TEST_CLOCK_FILE), and the
// spec rewrites it, which the app reads again on every stamp.
const CLOCK_BY_SPEC = {
  'equipment-overdue': '2026-12-01T10:00:00+09:00',
  'audit-log': auditJourneyInstant(),
};

// Journeys that wait for the app to lock itself: seconds without input instead of the office's
// minutes (KAKEHASHI_TEST_IDLE_SECONDS, read by the app's auto_lock_settings).
const IDLE_SECONDS_BY_SPEC = {
  'auto-lock': 8,
};

/** Runs `init` and the spec's seeding commands with the CLI on `dir`; any failure stops the spec. */
function seed(spec, dir) {
  const { passphrase, commands, steps } = SEED_BY_SPEC[spec];
  if (!fs.existsSync(cli)) {
    throw new Error(`the CLI is not built: ${cli} is missing (run \`make app\`)`);
  }
  /** Runs one `kakehashi` command on `dir` and answers its standard output. */
  const run = (args) => {
    const done = spawnSync(cli, ['--data-dir', dir, '--lang', 'en', ...args], {
      env: { ...process.env, KAKEHASHI_PASSPHRASE: passphrase },
      encoding: 'utf8',
    });
    if (done.status !== 0) {
      throw new Error(`seeding ${spec}: kakehashi ${args.join(' ')} failed (${done.status}): ${done.stderr}${done.stdout}`);
    }
    return done.stdout;
  };
  for (const args of [['init'], ...commands]) run(args);
  // Seeding that needs what an earlier command answered (an id, a case number).
  steps?.(run, dir);
}

// State of this worker (one spec file): its driver and its data directory.
let tauriDriver;
let dataDir;
/** This worker's spec file name without `.e2e.js` (names the failure screenshots). */
let specName;

function stopDriver() {
  if (tauriDriver && tauriDriver.exitCode === null && tauriDriver.signalCode === null) {
    tauriDriver.kill('SIGTERM');
  }
}

function removeDataDir() {
  if (dataDir) {
    // The app may still be writing its shader cache for a moment after the driver stops: retry.
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
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
    specName = spec;
    if (SEED_BY_SPEC[spec]) seed(spec, dataDir);
    if (CLOCK_BY_SPEC[spec]) {
      // The spec rewrites it to move the clock; it reads the path from its own environment.
      process.env.KAKEHASHI_TEST_CLOCK_FILE = path.join(dataDir, 'clock.txt');
      fs.writeFileSync(process.env.KAKEHASHI_TEST_CLOCK_FILE, CLOCK_BY_SPEC[spec]);
    } else {
      delete process.env.KAKEHASHI_TEST_CLOCK_FILE;
    }
    const logFile = path.join(logDir, `${spec}.driver.log`);
    const log = fs.openSync(logFile, 'w');
    // The app inherits this environment through tauri-driver and WebKitWebDriver.
    tauriDriver = spawn(tauriDriverPath(), ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
      env: {
        ...process.env,
        KAKEHASHI_DATA_DIR: dataDir,
        // The webview's own storage (localStorage keeps the chosen language) goes under the XDG
        // data folder; giving each spec its own keeps one journey's language switch out of the
        // next. (Not XDG_CACHE_HOME: the GPU shader cache written there can outlive the driver
        // for a moment and keep the data directory from being removed.)
        XDG_DATA_HOME: path.join(dataDir, 'xdg-data'),
        XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config'),
        ...(OPEN_FILE_BY_SPEC[spec] ? { KAKEHASHI_TEST_OPEN_FILE: OPEN_FILE_BY_SPEC[spec] } : {}),
        ...(IDLE_SECONDS_BY_SPEC[spec] ? { KAKEHASHI_TEST_IDLE_SECONDS: String(IDLE_SECONDS_BY_SPEC[spec]) } : {}),
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

  async afterTest(test, _context, { passed }) {
    fs.appendFileSync(resultsFile, `${JSON.stringify({ title: `${test.parent} ${test.title}`, passed })}\n`);
    if (!passed) {
      // What the window showed when a step failed: logs/<spec>-failed-<step>.png (kept by CI).
      const name = test.title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      await browser.saveScreenshot(path.join(logDir, `${specName}-failed-${name}.png`)).catch(() => {});
    }
  },

  // A closing line with the number of tests, which CI's log reader understands.
  onComplete() {
    const lines = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8').split('\n') : [];
    const results = lines.filter(Boolean).map((line) => JSON.parse(line));
    const passed = results.filter((r) => r.passed).length;
    console.log(`e2e: ${passed} passed, ${results.length - passed} failed`);
  },
};
