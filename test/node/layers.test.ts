import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The rooms of the comment server and of the demo, and the one-way arrows between them (docs/architecture.md).
// server/: routes (HTTP: parse, WordPress's errors) → comments (the service and its rules) → storage (the port and
// its SQLite and PostgreSQL adapters); present (the public shape of a comment) is used by the routes and uses the
// comments room; transfer (import and export files) checks comments with the comments room's rules and reads and
// writes through the storage port. The files at server/'s top (app, config, main, index) wire the rooms together; no room imports them.
// demo/: server (Node) may use content; browser (the page's scripts) and content use no other room; other
// workspaces are imported by package name only.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_ARROWS: Record<string, string[]> = {
  routes: ['comments', 'present'],
  present: ['comments'],
  comments: ['storage'],
  storage: [],
  transfer: ['comments', 'storage'],
};
const DEMO_ARROWS: Record<string, string[]> = {
  server: ['content'],
  browser: [],
  content: [],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every import of a file (static, dynamic, `import type`, re-exports): relative ones as paths from the repository root. */
function importsOf(file: string): { relative: string[]; packages: string[] } {
  const specifiers = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true).importedFiles.map(({ fileName }) => fileName);
  return {
    relative: specifiers
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.js$/, '.ts')),
    packages: specifiers.filter((specifier) => !specifier.startsWith('.')),
  };
}

/** The room of a file inside `top` (server or demo): its first folder, or `.` for a file at the top. */
const roomOf = (top: string, file: string): string => {
  const inside = relative(top, file).split('/');
  return inside.length > 1 ? inside[0] : '.';
};

function wrongArrows(top: string, arrows: Record<string, string[]>): string[] {
  return sourceFiles(top).flatMap((file) => {
    const from = roomOf(top, file);
    return importsOf(file)
      .relative.filter((target) => target.startsWith(`${top}/`))
      .filter((target) => {
        const to = roomOf(top, target);
        if (to === from) return false;
        return to === '.' || (from !== '.' && !arrows[from]?.includes(to));
      })
      .map((target) => `${file} → ${target}`);
  });
}

test('server/: routes → comments → storage, present between routes and comments, and no room imports the wiring', () => {
  assert.deepEqual(wrongArrows('server', SERVER_ARROWS), []);
});

test('server/ imports nothing outside itself: not the elements (src/, newsroom-elements, lit) and not the demo', () => {
  const outside = sourceFiles('server').flatMap((file) => {
    const { relative: paths, packages } = importsOf(file);
    return [
      ...paths.filter((target) => !target.startsWith('server/')),
      ...packages.filter((name) => /^(newsroom-elements|lit|@lit)(\/|$)/.test(name)),
    ].map((target) => `${file} → ${target}`);
  });
  assert.deepEqual(outside, []);
});

test('demo/ is split by where code runs: server/, browser/ and content/, with nothing left at its top', () => {
  const atTop = sourceFiles('demo').filter((file) => roomOf('demo', file) === '.');
  assert.deepEqual(atTop, []);
  assert.deepEqual(wrongArrows('demo', DEMO_ARROWS), []);
});

test('demo/ uses the other workspaces (server, protocol, elements) by package name only, never by path', () => {
  const byPath = sourceFiles('demo').flatMap((file) =>
    importsOf(file)
      .relative.filter((target) => !target.startsWith('demo/'))
      .map((target) => `${file} → ${target}`),
  );
  assert.deepEqual(byPath, []);
});
