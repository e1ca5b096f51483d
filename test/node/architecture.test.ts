import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The rooms of src/ and the one-way arrows between them (docs/architecture.md): an element's folder may use
// src/comments, src/internal, src/events and another element's folder (the protocol is a package of its own); those
// shared rooms use no element, and no import chain, type imports included, comes back to where it started.
// src/structured-data.ts (newsroom-elements/structured-data) reaches neither an element nor Lit: a server builds a
// page's JSON-LD without loading either.
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const SHARED_ROOMS = ['comments', 'internal', 'events', 'locales'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The src/ files a file imports (static, dynamic, `import type` and re-exports alike), as paths relative to src/. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(SRC, file), 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(SRC, resolve(dirname(join(SRC, file)), specifier)).replace(/\.js$/, '.ts'));
}

/** The room of a file: `components/<tag>` for an element's folder, else its top folder (`.` for src/ itself). */
function roomOf(file: string): string {
  const [top, second] = file.split('/');
  if (top === 'components') return `components/${second}`;
  return file.includes('/') ? top : '.';
}

const graph = new Map(sourceFiles(SRC).map((file) => [file, importsOf(file)]));

/** Every cycle of a directed graph, as the path that closes it (one per strongly connected part is enough here). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]): void => {
    const at = path.indexOf(node);
    if (at >= 0) {
      found.push([...path.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of edges.keys()) visit(node, []);
  return found;
}

test('every relative import in src/ names a file that exists', () => {
  const missing = [...graph].flatMap(([file, imports]) => imports.filter((target) => !graph.has(target)).map((target) => `${file} → ${target}`));
  assert.deepEqual(missing, []);
});

test('the shared rooms (comments, internal, events, protocol, locales) import no element', () => {
  const wrongWay = [...graph].flatMap(([file, imports]) =>
    SHARED_ROOMS.includes(roomOf(file)) ? imports.filter((target) => target.startsWith('components/')).map((target) => `${file} → ${target}`) : [],
  );
  assert.deepEqual(wrongWay, []);
});

test('src/internal imports nothing of src/comments (comment code builds on the internals, not the reverse)', () => {
  const wrongWay = [...graph].flatMap(([file, imports]) =>
    roomOf(file) === 'internal' ? imports.filter((target) => roomOf(target) === 'comments').map((target) => `${file} → ${target}`) : [],
  );
  assert.deepEqual(wrongWay, []);
});

test('no two rooms import each other, directly or through others', () => {
  const rooms = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    const targets = rooms.get(roomOf(file)) ?? new Set<string>();
    for (const target of imports) if (roomOf(target) !== roomOf(file)) targets.add(roomOf(target));
    rooms.set(roomOf(file), targets);
  }
  assert.deepEqual(cycles(rooms), []);
});

test('no file imports itself back through a chain of imports, type imports included', () => {
  assert.deepEqual(cycles(new Map([...graph].map(([file, imports]) => [file, new Set(imports)]))), []);
});

test('src/structured-data.ts reaches no element and no Lit through its imports, type imports included', () => {
  const reached = new Set<string>();
  const visit = (file: string): void => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const target of graph.get(file) ?? []) visit(target);
  };
  visit('structured-data.ts');
  const packagesOf = (file: string) =>
    ts.preProcessFile(readFileSync(join(SRC, file), 'utf8'), true, true).importedFiles.map(({ fileName }) => fileName).filter((name) => !name.startsWith('.'));
  assert.ok(reached.has('internal/safe-url.ts'), 'the URL check is reused, not copied');
  assert.deepEqual([...reached].filter((file) => file.startsWith('components/')), []);
  assert.deepEqual([...reached].flatMap((file) => packagesOf(file).filter((name) => /^(lit|@lit|@lit-labs)(\/|$)/.test(name)).map((name) => `${file} → ${name}`)), []);
});
