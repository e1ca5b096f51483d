// Headless Chromium (Debian's, through playwright-core) and a loopback server for the benchmark pages.
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT, fromRoot } from './elements.mjs';
import { minifiedTemplates } from './minified-templates.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.mjs';


export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--disable-extensions'],
  });
}

/** One browser bundle (ES module, minified, Lit included) of the given modules (after `source`, code of its own). */
export async function browserBundle(modules, source = '') {
  const result = await build({
    stdin: { contents: source + modules.map((module) => `import ${JSON.stringify(module)};`).join('\n'), resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: fromRoot('tsconfig.json'),
    plugins: [minifiedTemplates],
  });
  return result.outputFiles[0].text;
}

/**
 * Serves `routes` (path → { type, body }) on 127.0.0.1 and a random port. `?delay=ms` holds a response back, as a
 * slow network would.
 */
export async function serve(routes) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const route = routes[url.pathname];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    const send = () => response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay > 0) setTimeout(send, delay);
    else send();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export const JS = 'text/javascript; charset=utf-8';
export const HTML = 'text/html; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';
