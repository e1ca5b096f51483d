// What `npm test` needs beyond npm's packages, checked before any stage runs: the browsers, PostgreSQL, nginx, a font
// for the browsers to render with, and the compiler that builds better-sqlite3 for the LTS Node.js. As root on Debian
// (CI), the missing Debian packages are installed; elsewhere the run stops at once with the command that installs
// them, rather than failing later in a browser launch or a database start.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { browserPaths } from '../../scripts/browsers.mjs';

const POSTGRES_VERSIONS = '/usr/lib/postgresql';
const FONT_FILE = /\.(ttf|otf|ttc)$/i;

/** @typedef {import('./requirements.d.mts').System} System This machine as the requirements see it; tests pass made-up ones. */

/** @returns {System} */
export function currentSystem() {
  const entries = (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  return {
    env: process.env,
    platform: process.platform,
    root: process.getuid?.() === 0,
    debian: existsSync('/etc/debian_version'),
    executable(path) {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    entries,
    fontInstalled() {
      // The folders fontconfig reads by default, searched for one scalable font.
      const search = (dir, depth) => depth >= 0 && entries(dir).some((name) => FONT_FILE.test(name) || search(join(dir, name), depth - 1));
      return ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.local/share/fonts'), join(homedir(), '.fonts')].some((dir) => search(dir, 4));
    },
  };
}

/**
 * The folder of PostgreSQL's pg_ctl and initdb: PG_BIN, else the newest of Debian's /usr/lib/postgresql/<major>/bin.
 * @param {System} system
 * @returns {string | undefined}
 */
export function postgresBin(system = currentSystem()) {
  if (system.env.PG_BIN) return system.env.PG_BIN;
  return system
    .entries(POSTGRES_VERSIONS)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => join(POSTGRES_VERSIONS, major, 'bin'))
    .find((bin) => system.executable(join(bin, 'pg_ctl')));
}

function onPath(system, name, extraDirs = []) {
  const dirs = [...(system.env.PATH ?? '').split(delimiter).filter(Boolean), ...extraDirs];
  return dirs.some((dir) => system.executable(join(dir, name)));
}

/** A command given by name (looked up on PATH) or by path, as node-gyp takes CXX and PYTHON. */
const command = (system, nameOrPath) =>
  nameOrPath.includes('/')
    ? { where: nameOrPath, found: system.executable(nameOrPath) }
    : { where: `${nameOrPath} on PATH`, found: onPath(system, nameOrPath) };

/**
 * Each thing the tests need: the stages that use it, the Debian package that provides it, and how it is found. A
 * `variable` points at it instead; when that is set, installing the package would not help.
 */
const requirements = [
  {
    name: 'Chromium',
    stages: ['node', 'browser'],
    browser: 'chromium',
    debian: 'chromium',
    variable: 'CHROME_PATH',
    find: (system) => command(system, browserPaths(system.env).chromium),
  },
  {
    name: 'Firefox',
    stages: ['node', 'browser'],
    browser: 'firefox',
    debian: 'firefox-esr',
    variable: 'FIREFOX_PATH',
    find: (system) => command(system, browserPaths(system.env).firefox),
  },
  {
    name: 'PostgreSQL',
    stages: ['node'],
    debian: 'postgresql',
    variable: 'PG_BIN',
    find(system) {
      const bin = postgresBin(system);
      return bin ? command(system, join(bin, 'pg_ctl')) : { where: `${POSTGRES_VERSIONS}/<version>/bin/pg_ctl`, found: false };
    },
  },
  {
    // The reverse proxy that the HTTP caching test puts in front of the comment server.
    name: 'nginx',
    stages: ['node'],
    debian: 'nginx',
    find: (system) => ({ where: 'nginx on PATH', found: onPath(system, 'nginx', ['/usr/sbin', '/usr/local/sbin']) }),
  },
  {
    name: 'a font for the browsers',
    stages: ['node', 'browser'],
    debian: 'fonts-dejavu-core',
    applies: (system) => system.platform === 'linux',
    find: (system) => ({ where: '.ttf, .otf or .ttc file under /usr/share/fonts', found: system.fontInstalled() }),
  },
  // node-gyp compiles better-sqlite3 with these: for the LTS Node.js, and in the test that installs the packed server.
  { name: 'a C++ compiler', stages: ['node'], debian: 'g++', find: (system) => command(system, system.env.CXX?.split(' ')[0] || 'g++') },
  { name: 'make', stages: ['node'], debian: 'make', find: (system) => command(system, 'make') },
  { name: 'Python 3', stages: ['node'], debian: 'python3', find: (system) => command(system, system.env.PYTHON || 'python3') },
];

/**
 * What the stages lack on a system, and how to get it.
 * @param {string[]} stages `static`, `node`, `browser`
 * @param {System} system
 */
export function checkRequirements(stages, system = currentSystem()) {
  // The browser stage alone runs only the browsers BROWSERS names; the Node tests drive both.
  const browsers = stages.includes('node') ? ['chromium', 'firefox'] : (system.env.BROWSERS ?? 'chromium,firefox').split(',');
  const missing = requirements
    .filter((requirement) => requirement.stages.some((stage) => stages.includes(stage)))
    .filter((requirement) => !requirement.browser || browsers.includes(requirement.browser))
    .filter((requirement) => requirement.applies?.(system) ?? true)
    .map((requirement) => ({ requirement, ...requirement.find(system) }))
    .filter(({ found }) => !found)
    .map(({ requirement, where }) => ({ ...requirement, where, pointed: requirement.variable ? system.env[requirement.variable] : undefined }));
  const packages = missing.filter(({ pointed }) => !pointed).map(({ debian }) => debian);
  const sudo = system.root ? '' : 'sudo ';
  return {
    missing,
    packages,
    /** The command that installs the packages, for a person to run. */
    install: packages.length > 0 ? `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}` : undefined,
    /** Whether `npm test` may install them itself: root on Debian with apt-get, and nothing pointed elsewhere. */
    canInstall: packages.length > 0 && packages.length === missing.length && system.root && system.debian && onPath(system, 'apt-get'),
  };
}

/**
 * The message that stops `npm test`: what is missing, and the exact command or variable that fixes it.
 * @param {ReturnType<typeof checkRequirements>} check
 * @param {System} system
 */
export function explainMissing({ missing, install }, system = currentSystem()) {
  const lines = ['npm test needs what this machine does not have:'];
  for (const { name, where, variable, pointed } of missing) {
    const hint = pointed ? ` (${variable}=${pointed})` : variable ? ` (or set ${variable})` : '';
    lines.push(`  - ${name}: no ${where}${hint}`);
  }
  if (install && system.debian) lines.push('Install them, then run npm test again:', `  ${install}`);
  else if (install) lines.push('Install them (on Debian or Ubuntu with this command) or set the variables named above, then run npm test again:', `  ${install}`);
  const pointedElsewhere = missing.filter(({ pointed }) => pointed).map(({ variable }) => variable);
  if (pointedElsewhere.length > 0) lines.push(`Point ${pointedElsewhere.join(', ')} at an installed copy or unset it, then run npm test again.`);
  return lines.join('\n');
}

/**
 * Checks what the stages need and installs the missing Debian packages where it may. Returns whether the stages can
 * run; when not, it has written what is missing and what to run.
 * @param {string[]} stages
 * @param {System} system
 * @param {(text: string) => void} write
 */
export function ensureRequirements(stages, system = currentSystem(), write = (text) => process.stdout.write(text)) {
  const quietly = (args) => {
    const result = spawnSync('apt-get', args, { env: { ...system.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}`);
    return result.status === 0;
  };
  let check = checkRequirements(stages, system);
  if (check.missing.length === 0) return true;
  if (check.canInstall) {
    write(`Installing what the tests need (Debian packages, apt-get): ${check.packages.join(' ')}\n`);
    if (quietly(['update', '-qq']) && quietly(['install', '-y', '-qq', '--no-install-recommends', ...check.packages])) {
      check = checkRequirements(stages, system);
      if (check.missing.length === 0) return true;
    }
  }
  write(`${explainMissing(check, system)}\n`);
  return false;
}
