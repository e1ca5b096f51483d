#!/usr/bin/env node
// `npm test`: static checks, then the Node tests (server, SSR, consumers), then the browser tests in Chromium and
// Firefox; ends with one plain line `N passed, N failed, N skipped` adding up every runner's counts.
// `npm test -- browser` (or node, static) runs only the named stages.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const requested = process.argv.slice(2);
const wants = (stage) => requested.length === 0 || requested.includes(stage);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command, args, { env = {}, onLine } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
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

async function step(name, command, args) {
  process.stdout.write(`\n== ${name}\n`);
  const code = await run(command, args);
  if (code !== 0) {
    totals.failed += 1;
    process.stdout.write(`${name} failed (exit ${code})\n`);
  }
  return code === 0;
}

const bin = (name) => join(root, 'node_modules/.bin', name);

// Storybook's types and the hardening tests read custom-elements.json, so it is generated before anything else. The
// demo, its type check and the SSR tests use the packages as installed (dist/ of each), so they are built first too.
if (wants('static') || wants('node')) {
  await step('build (every package, with the custom elements manifest)', 'npm', ['run', '--silent', 'build']);
} else {
  await step('custom elements manifest', 'npm', ['run', '--silent', 'manifest']);
}

if (wants('static')) {
  await step('typecheck (elements)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  // The server, the demo and the Node tests each have their own settings (Node types, no DOM for the server).
  for (const [name, config] of [['server', 'server/tsconfig.json'], ['demo', 'demo/tsconfig.json'], ['node tests', 'test/node/tsconfig.json']]) {
    await step(`typecheck (${name})`, bin('tsc'), ['--noEmit', '-p', config]);
  }
  await step('lint', bin('eslint'), ['.']);
}

if (wants('node')) {
  const files = testFiles(join(root, 'test/node'));
  if (files.length > 0) {
    process.stdout.write('\n== node tests\n');
    const counts = {};
    const code = await run(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=tap', ...files],
      {
        onLine(line) {
          const match = /^# (pass|fail|skipped|todo|cancelled) (\d+)$/.exec(line);
          if (match) counts[match[1]] = Number(match[2]);
        },
      },
    );
    totals.passed += counts.pass ?? 0;
    totals.failed += (counts.fail ?? 0) + (counts.cancelled ?? 0);
    totals.skipped += (counts.skipped ?? 0) + (counts.todo ?? 0);
    if (code !== 0 && !counts.fail && !counts.cancelled) totals.failed += 1;
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

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
