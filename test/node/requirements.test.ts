// `npm test` checks what the machine lacks before any stage runs (test/support/requirements.mjs): on made-up
// machines, and for real, run-all.mjs with a PATH that lacks the compiler and apt-get.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkRequirements, currentSystem, ensureRequirements, explainMissing, postgresBin, type System } from '../support/requirements.mjs';

const runAll = join(import.meta.dirname, '../support/run-all.mjs');
const everything = ['/usr/bin/chromium', '/usr/bin/firefox-esr', '/usr/lib/postgresql/15/bin/pg_ctl', '/usr/sbin/nginx', '/usr/bin/g++', '/usr/bin/make', '/usr/bin/python3', '/usr/bin/apt-get'];

/** A Debian machine with everything installed but `without`. */
function debian({ without = [] as string[], root = false, env = {} as Record<string, string>, font = true, debian = true, platform = 'linux' } = {}): System {
  const installed = new Set(everything.filter((path) => !without.includes(path)));
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env },
    platform,
    root,
    debian,
    executable: (path) => installed.has(path),
    entries: (dir) => (dir === '/usr/lib/postgresql' ? [...installed].filter((path) => path.startsWith(dir)).map((path) => path.split('/')[4]) : []),
    fontInstalled: () => font,
  };
}

describe('what npm test needs', () => {
  test('a machine with everything needs nothing, for every stage', () => {
    const check = checkRequirements(['static', 'node', 'browser'], debian());
    assert.deepEqual(check.missing, []);
    assert.equal(check.install, undefined);
    assert.equal(check.canInstall, false);
  });

  test('a contributor without Chromium is told the exact command, with sudo', () => {
    const system = debian({ without: ['/usr/bin/chromium'] });
    const check = checkRequirements(['browser'], system);
    assert.deepEqual(check.packages, ['chromium']);
    assert.equal(check.canInstall, false);
    const message = explainMissing(check, system);
    assert.match(message, /- Chromium: no \/usr\/bin\/chromium \(or set CHROME_PATH\)/);
    assert.match(message, /^ {2}sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium$/m);
  });

  test('as root on Debian with apt-get, the missing packages are installed by npm test', () => {
    const system = debian({ without: ['/usr/bin/firefox-esr', '/usr/lib/postgresql/15/bin/pg_ctl', '/usr/bin/g++'], root: true, font: false });
    const check = checkRequirements(['node'], system);
    assert.deepEqual(check.packages, ['firefox-esr', 'postgresql', 'fonts-dejavu-core', 'g++']);
    assert.equal(check.canInstall, true);
    assert.equal(check.install, 'apt-get update && apt-get install -y --no-install-recommends firefox-esr postgresql fonts-dejavu-core g++');
  });

  test('root without apt-get cannot install, and is told the command', () => {
    const system = debian({ without: ['/usr/bin/apt-get', '/usr/sbin/nginx'], root: true });
    const check = checkRequirements(['node'], system);
    assert.equal(check.canInstall, false);
    assert.match(explainMissing(check, system), /^ {2}apt-get update && apt-get install -y --no-install-recommends nginx$/m);
  });

  test('each stage asks only for what it uses', () => {
    const bare = debian({ without: everything, font: false });
    assert.deepEqual(checkRequirements(['static'], bare).missing, []);
    assert.deepEqual(checkRequirements(['browser'], bare).packages, ['chromium', 'firefox-esr', 'fonts-dejavu-core']);
    assert.deepEqual(checkRequirements(['node'], bare).packages, ['chromium', 'firefox-esr', 'postgresql', 'nginx', 'fonts-dejavu-core', 'g++', 'make', 'python3']);
    // BROWSERS narrows the browser stage, not the Node tests, which drive both browsers.
    const chromiumOnly = debian({ without: ['/usr/bin/firefox-esr'], env: { BROWSERS: 'chromium' } });
    assert.deepEqual(checkRequirements(['browser'], chromiumOnly).missing, []);
    assert.deepEqual(checkRequirements(['node', 'browser'], chromiumOnly).packages, ['firefox-esr']);
  });

  test('a variable that points at nothing is named, and no package is installed for it', () => {
    const system = debian({ root: true, env: { FIREFOX_PATH: '/opt/firefox/firefox' } });
    const check = checkRequirements(['browser'], system);
    assert.equal(check.missing.length, 1);
    assert.deepEqual(check.packages, []);
    assert.equal(check.canInstall, false);
    const message = explainMissing(check, system);
    assert.match(message, /- Firefox: no \/opt\/firefox\/firefox \(FIREFOX_PATH=\/opt\/firefox\/firefox\)/);
    assert.doesNotMatch(message, /apt-get/);
  });

  test('CHROME_PATH, FIREFOX_PATH, PG_BIN, CXX and PYTHON point at copies elsewhere', () => {
    const elsewhere = ['/opt/chrome', '/opt/firefox', '/opt/pg/bin/pg_ctl', '/opt/clang++', '/opt/python'];
    const system = debian({
      without: everything.filter((path) => !path.endsWith('apt-get') && !path.endsWith('nginx') && !path.endsWith('make')),
      env: { CHROME_PATH: '/opt/chrome', FIREFOX_PATH: '/opt/firefox', PG_BIN: '/opt/pg/bin', CXX: '/opt/clang++ -std=c++20', PYTHON: '/opt/python' },
    });
    const executable = system.executable;
    system.executable = (path) => elsewhere.includes(path) || executable(path);
    assert.deepEqual(checkRequirements(['node', 'browser'], system).missing, []);
    assert.equal(postgresBin(system), '/opt/pg/bin');
  });

  test("PostgreSQL is found in Debian's newest version folder", () => {
    const system = debian();
    system.entries = (dir) => (dir === '/usr/lib/postgresql' ? ['15', '17', 'lib'] : []);
    const executable = system.executable;
    system.executable = (path) => path === '/usr/lib/postgresql/17/bin/pg_ctl' || executable(path);
    assert.equal(postgresBin(system), '/usr/lib/postgresql/17/bin');
  });

  test('elsewhere than Debian, the message says where the command applies; fonts are left to the system', () => {
    const system = debian({ without: ['/usr/bin/chromium'], debian: false, platform: 'darwin', font: false });
    const check = checkRequirements(['browser'], system);
    assert.deepEqual(check.packages, ['chromium']);
    assert.match(explainMissing(check, system), /on Debian or Ubuntu with this command\) or set the variables named above/);
  });
});

describe('npm test installs what is missing as root on Debian', () => {
  /**
   * This machine (whose browsers, PostgreSQL and fonts `npm test` has checked), seen as root on Debian, with a PATH
   * that holds only an apt-get stand-in: it logs its arguments (and whether it may ask questions) and, when `installs`, "installs" the compiler, make and
   * Python by writing them into the PATH folder.
   */
  function withAptGet(installs: boolean) {
    const dir = mkdtempSync(join(tmpdir(), 'apt-get-'));
    const log = join(dir, 'log');
    writeFileSync(
      join(dir, 'apt-get'),
      `#!${process.execPath}
const { appendFileSync, writeFileSync } = require('node:fs');
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(log)}, process.env.DEBIAN_FRONTEND + ': ' + args.join(' ') + '\\n');
if (args[0] === 'install') {
  if (!${installs}) { console.error('E: Unable to locate package g++'); process.exit(100); }
  for (const name of ['g++', 'make', 'python3']) writeFileSync(${JSON.stringify(dir)} + '/' + name, '', { mode: 0o755 });
}
`,
    );
    chmodSync(join(dir, 'apt-get'), 0o755);
    const system: System = { ...currentSystem(), root: true, debian: true, env: { PATH: dir, DEBIAN_FRONTEND: 'readline' } };
    let output = '';
    const ready = ensureRequirements(['node'], system, (text) => (output += text));
    const calls = readFileSync(log, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    return { ready, output, calls };
  }

  test('installs the packages quietly, says so in one line, and goes on', () => {
    const { ready, output, calls } = withAptGet(true);
    assert.equal(ready, true);
    assert.equal(output, 'Installing what the tests need (Debian packages, apt-get): g++ make python3\n');
    assert.equal(calls, 'noninteractive: update -qq\nnoninteractive: install -y -qq --no-install-recommends g++ make python3\n');
  });

  test("when apt-get fails, shows apt-get's words and the command, and stops", () => {
    const { ready, output } = withAptGet(false);
    assert.equal(ready, false);
    assert.match(output, /E: Unable to locate package g\+\+/);
    assert.match(output, /^ {2}apt-get update && apt-get install -y --no-install-recommends g\+\+ make python3$/m);
  });
});

describe('npm test on a machine that lacks something', () => {
  // A PATH with nothing on it: no compiler, make, Python or apt-get, so nothing can be installed.
  const emptyPath = mkdtempSync(join(tmpdir(), 'empty-path-'));
  const npmTest = (stage: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [runAll, stage], { env: { ...process.env, PATH: emptyPath, ...env }, encoding: 'utf8', timeout: 30_000 });

  test('stops before building anything, names the packages and keeps the summary line', () => {
    const started = performance.now();
    const result = npmTest('node');
    assert.equal(result.status, 1, result.stderr);
    assert.ok(performance.now() - started < 10_000, 'it stops at once');
    assert.doesNotMatch(result.stdout, /^== /m, 'no stage ran');
    assert.match(result.stdout, /- a C\+\+ compiler: no g\+\+ on PATH/);
    assert.match(result.stdout, /apt-get update && (sudo )?apt-get install -y --no-install-recommends (\S+ )*g\+\+ make python3\n/);
    assert.equal(result.stdout.trimEnd().split('\n').at(-1), '0 passed, 1 failed, 0 skipped');
  });

  test('a browser pointed at nothing stops the browser stage before any launch', () => {
    const result = npmTest('browser', { BROWSERS: 'firefox', FIREFOX_PATH: join(emptyPath, 'firefox') });
    assert.equal(result.status, 1, result.stderr);
    assert.doesNotMatch(result.stdout, /^== /m);
    assert.match(result.stdout, new RegExp(`- Firefox: no ${join(emptyPath, 'firefox')} \\(FIREFOX_PATH=`));
    assert.equal(result.stdout.trimEnd().split('\n').at(-1), '0 passed, 1 failed, 0 skipped');
  });

  after(() => rmSync(emptyPath, { recursive: true, force: true }));
});
