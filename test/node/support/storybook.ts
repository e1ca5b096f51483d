// The built Storybook (what `npm run build-storybook` publishes), built once for every test file that reads it: the
// build is kept in node_modules/.cache/storybook-tests under a hash of its inputs, so the next test file of the same run
// (or a later run with the same sources) reuses it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const CACHE = join(root, 'node_modules/.cache/storybook-tests');
const INPUTS = ['.storybook', 'stories', 'src', 'custom-elements.json', 'package.json', 'package-lock.json'];
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(root, input)))) hash.update(file.slice(root.length)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The directory of the built Storybook for the current sources, building it if no earlier test did. */
export function builtStorybook(): string {
  const output = join(CACHE, inputsHash());
  if (existsSync(join(output, 'index.json'))) return output;
  mkdirSync(CACHE, { recursive: true });
  for (const stale of readdirSync(CACHE)) rmSync(join(CACHE, stale), { recursive: true, force: true });
  const building = `${output}.building-${process.pid}`;
  const build = spawnSync(join(root, 'node_modules/.bin/storybook'), ['build', '-o', building, '--quiet'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0) throw new Error(`storybook build failed:\n${build.stdout}\n${build.stderr}`);
  renameSync(building, output);
  return output;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves a directory on 127.0.0.1 at a random port. */
export async function serveDirectory(directory: string): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    try {
      const body = await readFile(join(directory, path.endsWith('/') ? `${path}index.html` : path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? (path.endsWith('/') ? 'text/html' : 'application/octet-stream') });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
