// The package as users get it: `npm pack` once, install the tarball beside the apps in test/consumers/ (plain HTML with
// the CDN file, plain HTML with an import map, React, Vue, Svelte, server rendering), build each app and load it in
// headless Chromium. Each app is one test; it fails when the app's build, type check or page check fails.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/browsers.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'newsroom-consumers-'));
const CDN_PREFIX = 'https://cdn.jsdelivr.net/npm/newsroom-elements@';
let browser: Browser;
let tarball: string | undefined;

/** Runs a command to completion; throws with its output when it fails. */
function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${result.status}):\n${output}`);
  }
  return result.stdout;
}

const bin = (name: string) => join(work, 'node_modules/.bin', name);

before(async () => {
  cpSync(join(root, 'test/consumers'), work, {
    recursive: true,
    filter: (path) => !/[/\\](node_modules|dist)$/.test(path) && !path.endsWith('.tgz'),
  });
  // `npm pack` builds first (prepack): the apps get exactly what `npm publish` would ship. The elements depend on the
  // workspace package newsroom-comment-protocol (their declarations import its types): packed too, as the registry
  // would serve it.
  run('npm', ['pack', '--pack-destination', work, '--silent'], root);
  run('npm', ['pack', '--workspace', 'newsroom-comment-protocol', '--pack-destination', work, '--silent'], root);
  tarball = readdirSync(work).find((name) => name.startsWith('newsroom-elements-') && name.endsWith('.tgz'));
  const protocolTarball = readdirSync(work).find((name) => name.startsWith('newsroom-comment-protocol-') && name.endsWith('.tgz'));
  assert.ok(tarball && protocolTarball, 'npm pack wrote no tarball');
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `./${tarball}`, `./${protocolTarball}`], work);
  browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves a folder on a random loopback port, like any static host would. */
async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    let file = join(dir, path);
    if (file.endsWith('/')) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

interface Visit {
  page: Page;
  errors: string[];
  requests: string[];
}

/**
 * Opens a page with no network but loopback: the CDN URL is answered with the CDN file from the installed tarball,
 * every other outside request is refused (and so fails the page).
 */
async function visit(url: string): Promise<Visit> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    // Browsers ask every server for a favicon; these pages have none.
    if (message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const requested = request.url();
    requests.push(requested);
    if (requested.startsWith(CDN_PREFIX)) {
      const path = requested.slice(CDN_PREFIX.length).replace(/^[^/]+\//, '');
      const file = join(work, 'node_modules/newsroom-elements', path);
      if (existsSync(file)) {
        const headers = { 'access-control-allow-origin': '*' }; // as public CDNs send, for module scripts
        void request.respond({ status: 200, headers, contentType: CONTENT_TYPES[extname(file)], body: readFileSync(file) });
        return;
      }
      void request.respond({ status: 404 });
    } else if (requested.startsWith('http://127.0.0.1:') || requested.startsWith('data:')) {
      void request.continue();
    } else {
      void request.abort();
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests };
}

/**
 * What every app shows: a collapsible fact box (visible count 1, set as a property or attribute) with two stat
 * callouts, and an <output id="toggle-state"> that the app's own `toggle` handler updates.
 */
async function checkRendered({ page }: Visit, words: { over: string; figure: string }) {
  await page.waitForFunction(() => customElements.get('fact-box') && customElements.get('stat-callout'));
  // Rendered: the shadow root shows the formatted figure and the prefix, which the app set.
  const figure = await page.waitForSelector('stat-callout >>> [part="value"]');
  assert.ok(figure);
  await page.waitForFunction(
    (expected) => document.querySelector('stat-callout')?.shadowRoot?.querySelector('[part="value"]')?.textContent?.includes(expected),
    {},
    words.figure,
  );
  const value = await figure.evaluate((node) => node.textContent?.replace(/\s+/g, ' ').trim());
  assert.ok(value?.includes(words.over), `the prefix is shown: "${value}"`);
  // The visible count reached the element as a number.
  assert.equal(await page.$eval('fact-box', (box) => (box as HTMLElement & { visibleCount: unknown }).visibleCount), 1);
}

/** The fact box collapses to one item, and its `toggle` event reaches the app's handler. */
async function checkToggle({ page, errors }: Visit, showAll: string) {
  const toggle = await page.waitForSelector('fact-box >>> button[part="toggle"]');
  assert.ok(toggle);
  assert.equal(await toggle.evaluate((button) => button.textContent?.trim()), showAll);
  assert.equal(await page.$eval('#toggle-state', (output) => output.textContent), 'closed');
  await toggle.click();
  await page.waitForFunction(() => document.querySelector('#toggle-state')?.textContent === 'open');
  assert.equal(await page.$eval('fact-box', (box) => box.hasAttribute('open')), true);
  assert.deepEqual(errors, []);
}

async function checkArticle(visit_: Visit, words: { over: string; figure: string; showAll: string }) {
  await checkRendered(visit_, words);
  await checkToggle(visit_, words.showAll);
}

const english = { over: 'Over', figure: '3M', showAll: 'Show all (2)' };

/** Builds an app folder with Vite and serves its dist/. */
async function buildAndServe(app: string) {
  run(bin('vite'), ['build', '--logLevel', 'warn'], join(work, app));
  return serve(join(work, app, 'dist'));
}

test('the package ships what users need and nothing else', () => {
  const files = run('tar', ['-tzf', join(work, tarball!)], work)
    .trim()
    .split('\n')
    .map((path) => path.replace(/^package\//, ''));
  const unexpected = files.filter(
    (path) =>
      !/^(package\.json|README\.md|LICENSE|custom-elements\.json)$/.test(path) &&
      !/^dist\/(?!.*\.(test|stories)\.)[\w./-]+\.(js|js\.map|d\.ts|css|json)$/.test(path),
  );
  assert.deepEqual(unexpected, []);
  // Every source map belongs to a shipped file.
  assert.deepEqual(files.filter((path) => path.endsWith('.map') && !files.includes(path.slice(0, -4))), []);
  // Every element has its entry, its types and its place in the manifest.
  const manifest = readFileSync(join(work, 'node_modules/newsroom-elements/custom-elements.json'), 'utf8');
  for (const tag of readdirSync(join(root, 'src/components')).filter((name) => existsSync(join(root, 'src/components', name, 'define.ts')))) {
    assert.ok(files.includes(`dist/${tag}.js`), `dist/${tag}.js`);
    assert.ok(files.includes(`dist/types/components/${tag}/define.d.ts`), `types of ${tag}`);
    assert.ok(manifest.includes(`"tagName": "${tag}"`), `${tag} in custom-elements.json`);
  }
  // The README states the CDN file's size: it must stay within 5% of the truth.
  const cdnFile = readFileSync(join(work, 'node_modules/newsroom-elements/dist/cdn/newsroom-elements.js'));
  const stated = /`dist\/cdn\/newsroom-elements\.js` \(([\d.]+) kB minified, ([\d.]+) kB gzipped/.exec(readFileSync(join(root, 'README.md'), 'utf8'));
  assert.ok(stated, 'README states the CDN file size');
  const actual = [cdnFile.length / 1000, gzipSync(cdnFile).length / 1000];
  const message = `README says ${stated[1]} / ${stated[2]} kB, the file is ${actual.map((kB) => kB.toFixed(1)).join(' / ')} kB`;
  assert.ok(Math.abs(Number(stated[1]) / actual[0] - 1) < 0.05 && Math.abs(Number(stated[2]) / actual[1] - 1) < 0.05, message);
  for (const file of ['dist/cdn/newsroom-elements.js', 'dist/cdn/newsroom-elements.js.map', 'dist/ssr.js', 'dist/types/jsx.d.ts', 'dist/web-types.json', 'dist/vscode.html-custom-data.json']) {
    assert.ok(files.includes(file), file);
  }
});

test('plain HTML page with the CDN file', { timeout: 60_000 }, async () => {
  const { url, server } = await serve(work);
  try {
    const visit_ = await visit(`${url}cdn/index.html`);
    await checkArticle(visit_, english);
    // One script and its optional stylesheet, nothing else: Lit and every dependency are inside the script.
    const fetched = visit_.requests.filter((requested) => !/\/cdn\/index\.html$|\/favicon\.ico$|\.map$/.test(requested));
    assert.deepEqual(fetched.map((requested) => requested.replace(/@[^/]+/, '@VERSION')).sort(), [
      `${CDN_PREFIX}VERSION/dist/cdn/newsroom-elements.js`,
      `${CDN_PREFIX}VERSION/dist/not-defined.css`,
    ]);
  } finally {
    server.close();
  }
});

test('plain HTML page with an import map', { timeout: 60_000 }, async () => {
  const { url, server } = await serve(work);
  try {
    await checkArticle(await visit(`${url}import-map/index.html`), english);
  } finally {
    server.close();
  }
});

test('React 19 with Vite: types, properties and events', { timeout: 120_000 }, async () => {
  // tsc knows every element's JSX attributes: App.tsx type-checks and type-checks.tsx's mistakes are caught.
  run(bin('tsc'), ['-p', 'react/tsconfig.json'], work);
  const { url, server } = await buildAndServe('react');
  try {
    await checkArticle(await visit(url), english);
  } finally {
    server.close();
  }
});

test('Vue 3 with Vite (isCustomElement)', { timeout: 120_000 }, async () => {
  const { url, server } = await buildAndServe('vue');
  try {
    await checkArticle(await visit(url), english);
  } finally {
    server.close();
  }
});

test('Svelte 5 with Vite', { timeout: 120_000 }, async () => {
  const { url, server } = await buildAndServe('svelte');
  try {
    await checkArticle(await visit(url), english);
  } finally {
    server.close();
  }
});

test('server rendering with newsroom-elements/ssr, hydrated in the browser', { timeout: 120_000 }, async () => {
  run(bin('vite'), ['build', '--logLevel', 'warn'], join(work, 'ssr'));
  const server = spawn(process.execPath, ['server.js'], { cwd: join(work, 'ssr'), env: { ...process.env, PORT: '0' } });
  try {
    const [line] = (await once(server.stdout, 'data')) as [Buffer];
    const url = line.toString().trim();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);

    // Readable before any script runs: declarative shadow DOM with the French figure and source line.
    const rendered = await (await fetch(url)).text();
    assert.match(rendered, /<stat-callout[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(rendered, /3\u00a0M/);
    assert.match(rendered, /Source\u00a0:/);

    const page = await visit(url);
    await checkRendered(page, { over: 'Plus de', figure: '3\u00a0M' });
    // Hydration adopted the server's shadow DOM instead of rendering a second copy, and left it live.
    const bases = await page.page.$$eval('stat-callout', (callouts) =>
      callouts.map((callout) => callout.shadowRoot?.querySelectorAll('[part="base"]').length),
    );
    assert.deepEqual(bases, [1, 1]);
    await page.page.$eval('stat-callout:nth-of-type(2)', (callout) => callout.setAttribute('value', '7000'));
    await page.page.waitForFunction(() =>
      document.querySelector('stat-callout:nth-of-type(2)')?.shadowRoot?.querySelector('[part="value"]')?.textContent?.includes('7\u202f000'),
    );
    // The hydrated box counted the items the server put in its slot, though no slotchange fired.
    await checkToggle(page, 'Tout afficher (2)');
    assert.deepEqual(page.errors, []);
  } finally {
    server.kill();
  }
});
