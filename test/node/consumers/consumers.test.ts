// The package as users get it: `npm pack` once, install the tarball beside the apps in test/consumers/ (plain HTML with
// the CDN file, plain HTML with an import map, React, Vue, Svelte, server rendering), build each app and load it in
// headless Chromium and Firefox: every element works, and a reader posts a comment to a real comment server. Then
// esbuild, Vite and webpack bundle each entry of the package, and each file of dist/ is loaded alone without a
// bundler: each registers exactly the elements it should, and only the files `sideEffects` names register any.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, matchesGlob, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from '../../../scripts/browsers.mjs';
import { startTestServer } from '../support/comment-server.js';
import { inPage } from '../support/in-page.js';

const root = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'newsroom-consumers-'));
const CDN_PREFIX = 'https://cdn.jsdelivr.net/npm/newsroom-elements@';
type BrowserName = 'chromium' | 'firefox';
const BROWSERS: BrowserName[] = ['chromium', 'firefox'];
const browsers = new Map<BrowserName, Browser>();
let tarball: string | undefined;

/** Every element: each folder of src/components with a define.ts. */
const TAGS = readdirSync(join(root, 'src/components')).filter((name) => existsSync(join(root, 'src/components', name, 'define.ts')));
/** The elements that an element renders in its shadow root, which its entry registers with it. */
const RENDERED_INSIDE: Record<string, string[]> = { 'comment-section': ['comment-toggle'] };
/** The elements that an element loads and registers when it is opened. */
const LOADED_WHEN_OPENED: Record<string, string[]> = { 'comment-section': ['comment-list', 'comment-form'] };

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
  browsers.set('chromium', await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS }));
  // Firefox ESR over WebDriver BiDi.
  browsers.set('firefox', await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true }));
});

after(async () => {
  for (const browser of browsers.values()) await browser.close();
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
async function visit(url: string, browserName: BrowserName = 'chromium'): Promise<Visit> {
  const page = await browsers.get(browserName)!.newPage();
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

/** In the page: the first stat-callout's value part as shown, slotted text included, ASCII white space folded (a
 * figure's no-break spaces are kept). */
function shownValueInPage(): string {
  const shown = (node: Node): string =>
    node instanceof HTMLSlotElement
      ? (node.assignedNodes({ flatten: true }).length ? node.assignedNodes({ flatten: true }) : Array.from(node.childNodes)).map(shown).join('')
      : node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : Array.from(node.childNodes).map(shown).join('');
  return shown(document.querySelector('stat-callout')!.shadowRoot!.querySelector('[part="value"]')!).replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/**
 * What every app shows: a collapsible fact box (visible count 1, set as a property or attribute) with two stat
 * callouts, and an <output id="toggle-state"> that the app's own `toggle` handler updates.
 */
async function checkRendered({ page }: Visit, words: { over: string; figure: string }) {
  await page.waitForFunction(() => customElements.get('fact-box') && customElements.get('stat-callout'));
  // Rendered: the value part shows the formatted figure and the prefix, which the app set, written into the light DOM
  // (where Reader View and crawlers read it) and shown through the part's slot.
  await page.waitForFunction(
    (expected) => document.querySelector('stat-callout')?.querySelector('[slot="figure"][data-generated]')?.textContent?.includes(expected),
    {},
    words.figure,
  );
  const value = (await page.evaluate(inPage(shownValueInPage))) as string;
  assert.ok(value.includes(words.figure) && value.includes(words.over), `the figure and its prefix are shown: "${value}"`);
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
const HELD = { en: 'Your comment is awaiting moderation.', fr: 'Votre commentaire est en attente de modération.' };

/** The tags that are not registered, or have an element on the page (or in a shadow root) that is not upgraded. */
function missingElementsInPage(tags: string[]): string[] {
  const found = new Map<string, Element>();
  // Every element of the document and of the shadow roots found on the way (the list grows as it is walked).
  const roots: (Document | ShadowRoot)[] = [document];
  for (const root of roots) {
    for (const element of root.querySelectorAll('*')) {
      if (!found.has(element.localName)) found.set(element.localName, element);
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return tags.filter((tag) => {
    const registered = customElements.get(tag);
    const element = found.get(tag);
    return !registered || !(element instanceof registered) || !element.shadowRoot;
  });
}

/**
 * A reader opens the comments with the section's own button, posts a first comment, and the form says it awaits
 * moderation: the comment went through CORS to the real server and came back held. Then every element is on the page,
 * registered and rendered (the section's toggle, list and form inside its shadow root).
 */
async function checkComments({ page, errors }: Visit, held: string) {
  await page.$eval('comment-section', (section) => section.scrollIntoView());
  await (await page.waitForSelector('comment-section >>> comment-toggle >>> button'))!.click();
  await page.waitForSelector('comment-section >>> comment-form >>> [name="comment"]');
  await page.locator('comment-section >>> comment-form >>> [name="author"]').fill('A reader');
  await page.locator('comment-section >>> comment-form >>> [name="email"]').fill('reader@example.com');
  await page.locator('comment-section >>> comment-form >>> [name="comment"]').fill('Thank you for the sources of these figures.');
  await page.locator('comment-section >>> comment-form >>> button[type="submit"]').click();
  await page.waitForFunction(
    (text) => document.querySelector('comment-section')?.shadowRoot?.querySelector('comment-form')?.shadowRoot?.querySelector('p.status')?.textContent?.includes(text),
    {},
    held,
  );
  assert.deepEqual(await page.evaluate(missingElementsInPage, TAGS), []);
  assert.deepEqual(errors, []);
}

/**
 * Runs `check` on the page at `pageUrl` in each browser, each time with a fresh comment server that allows the page's
 * origin and whose API the page gets in `?comments=`.
 */
async function inEachBrowserWithComments(pageUrl: string, check: (visit_: Visit) => Promise<void>) {
  for (const browserName of BROWSERS) {
    const comments = await startTestServer({ allowedOrigins: [new URL(pageUrl).origin] });
    try {
      const visit_ = await visit(`${pageUrl}?comments=${encodeURIComponent(comments.api)}`, browserName);
      try {
        await check(visit_);
      } catch (error) {
        throw new Error(`in ${browserName}: ${String(error)}`, { cause: error });
      } finally {
        await visit_.page.close();
      }
    } finally {
      await comments.close();
    }
  }
}

/** What every app in English shows and does: the article, its fact box, and a comment posted. */
const checkEnglishApp = async (visit_: Visit) => {
  await checkArticle(visit_, english);
  await checkComments(visit_, HELD.en);
};

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
  for (const file of ['dist/cdn/newsroom-elements.js', 'dist/cdn/newsroom-elements.js.map', 'dist/ssr.js', 'dist/structured-data/index.js', 'dist/types/structured-data.d.ts', 'dist/types/jsx.d.ts', 'dist/web-types.json', 'dist/vscode.html-custom-data.json']) {
    assert.ok(files.includes(file), file);
  }
});


test('plain HTML page with the CDN file', { timeout: 120_000 }, async () => {
  const { url, server } = await serve(work);
  try {
    await inEachBrowserWithComments(`${url}cdn/index.html`, async (visit_) => {
      await checkEnglishApp(visit_);
      // One script and its optional stylesheet from the CDN, nothing else: Lit and every dependency are inside.
      const outside = visit_.requests.filter((requested) => !requested.startsWith('http://127.0.0.1:') && !requested.endsWith('.map'));
      assert.deepEqual(outside.map((requested) => requested.replace(/@[^/]+/, '@VERSION')).sort(), [
        `${CDN_PREFIX}VERSION/dist/cdn/newsroom-elements.js`,
        `${CDN_PREFIX}VERSION/dist/not-defined.css`,
      ]);
    });
  } finally {
    server.close();
  }
});

test('plain HTML page with an import map', { timeout: 120_000 }, async () => {
  const { url, server } = await serve(work);
  try {
    await inEachBrowserWithComments(`${url}import-map/index.html`, checkEnglishApp);
  } finally {
    server.close();
  }
});

test("a user's TypeScript: every event the elements fire is typed for addEventListener", () => {
  // events.ts holds positive cases and `@ts-expect-error` ones, checked against the installed declarations.
  run(bin('tsc'), ['-p', 'types/tsconfig.json'], work);
});

test('React 19 with Vite: types, properties and events', { timeout: 180_000 }, async () => {
  // tsc knows every element's JSX attributes: App.tsx type-checks and type-checks.tsx's mistakes are caught.
  run(bin('tsc'), ['-p', 'react/tsconfig.json'], work);
  const { url, server } = await buildAndServe('react');
  try {
    await inEachBrowserWithComments(url, checkEnglishApp);
  } finally {
    server.close();
  }
});

test('Vue 3 with Vite (isCustomElement)', { timeout: 180_000 }, async () => {
  const { url, server } = await buildAndServe('vue');
  try {
    await inEachBrowserWithComments(url, checkEnglishApp);
  } finally {
    server.close();
  }
});

test('Svelte 5 with Vite', { timeout: 180_000 }, async () => {
  const { url, server } = await buildAndServe('svelte');
  try {
    await inEachBrowserWithComments(url, checkEnglishApp);
  } finally {
    server.close();
  }
});

test('server rendering with newsroom-elements/ssr, hydrated in the browser', { timeout: 180_000 }, async () => {
  run(bin('vite'), ['build', '--logLevel', 'warn'], join(work, 'ssr'));
  const server = spawn(process.execPath, ['server.js'], { cwd: join(work, 'ssr'), env: { ...process.env, PORT: '0' } });
  try {
    const [line] = (await once(server.stdout, 'data')) as [Buffer];
    const url = line.toString().trim();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);

    // Readable before any script runs: declarative shadow DOM with the French figure and source line.
    const rendered = await (await fetch(url)).text();
    // The words the elements generate from their attributes are in the HTML as sent, outside the shadow roots.
    const lightDom = rendered.replace(/<template shadowrootmode[^]*?<\/template>/g, '').replace(/<!--[^]*?-->/g, '');
    for (const words of ['>En savoir plus</h2>', '>Plus de 3\u00a0M</span>', '>d’Ukrainiens partis en exil</span>', 'Source\u00a0: <a href="https://www.afp.com/">Agence France-Presse</a>',
      '<b>Antony Blinken</b>, <i>Secrétaire d’État des États-Unis</i>', '>Suivez-nous</h2>']) {
      assert.ok(lightDom.includes(words), `the HTML as sent has ${words} in the light DOM`);
    }
    assert.match(rendered, /<stat-callout[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(rendered, /3\u00a0M/);
    assert.match(rendered, /Source\u00a0:/);
    // Described to machines: one JSON-LD NewsArticle in the head, with the two figures and the quote.
    const jsonLd = [...rendered.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((match) => JSON.parse(match[1]));
    assert.equal(jsonLd.length, 1);
    assert.equal(jsonLd[0]['@type'], 'NewsArticle');
    assert.deepEqual(jsonLd[0].hasPart.map((part: { '@type': string }) => part['@type']), ['Claim', 'Claim', 'Quotation']);
    assert.deepEqual(jsonLd[0].hasPart[2].creator, { '@type': 'Person', name: 'Antony Blinken', jobTitle: 'Secrétaire d’État des États-Unis' });

    await inEachBrowserWithComments(url, async (page) => {
      await checkRendered(page, { over: 'Plus de', figure: '3\u00a0M' });
      // Hydration adopted the server's shadow DOM instead of rendering a second copy, and left it live.
      const bases = await page.page.$$eval('stat-callout', (callouts) =>
        callouts.map((callout) => callout.shadowRoot?.querySelectorAll('[part="base"]').length),
      );
      assert.deepEqual(bases, [1, 1]);
      await page.page.$eval('stat-callout:nth-of-type(2)', (callout) => callout.setAttribute('value', '7000'));
      await page.page.waitForFunction(() =>
        document.querySelector('stat-callout:nth-of-type(2) > [slot="figure"][data-generated]')?.textContent?.includes('7\u202f000'),
      );
      // The hydrated box counted the items the server put in its slot, though no slotchange fired.
      await checkToggle(page, 'Tout afficher (2)');
      // The server-rendered section hydrates, opens and posts, in the page's language.
      await checkComments(page, HELD.fr);
    });
  } finally {
    server.kill();
  }
});

/** The ways an app imports the package: the whole, the classes only, and each element's entry. */
const ENTRIES: Record<string, string> = {
  index: "import 'newsroom-elements';\n",
  // Uses every export, so that the bundle holds all the classes and whatever their modules would register.
  classes: "import * as classes from 'newsroom-elements/classes.js';\n\nwindow.classExports = Object.keys(classes);\n",
  ...Object.fromEntries(TAGS.map((tag) => [tag, `import 'newsroom-elements/${tag}.js';\n`])),
};

/** The elements an entry (or a file of dist/ named after one) registers as it loads. */
function registeredBy(entry: string): string[] {
  if (entry === 'index') return [...TAGS].sort();
  return TAGS.includes(entry) ? [entry, ...(RENDERED_INSIDE[entry] ?? [])].sort() : [];
}

const definedTagsInPage = (tags: string[]) => tags.filter((tag) => customElements.get(tag)).sort();

/**
 * Checks one built entry in a fresh page: the elements it registers, and for an element that loads others when
 * opened (comment-section), that it registers them then.
 */
async function checkBundledEntry(siteUrl: string, bundler: string, entry: string, scriptType: 'module' | 'classic'): Promise<string[]> {
  const { page, errors } = await visit(`${siteUrl}bundlers/index.html`);
  try {
    const script = `${siteUrl}bundlers/dist/${bundler}/${entry}.js`;
    await page.addScriptTag(scriptType === 'module' ? { url: script, type: 'module' } : { url: script });
    const defined = await page.evaluate(definedTagsInPage, TAGS);
    assert.deepEqual(defined, registeredBy(entry), `${entry}: registered elements`);
    if (entry === 'classes') {
      const exported = (await page.evaluate('window.classExports')) as string[];
      assert.ok(exported.includes('CommentSection') && exported.includes('StatCallout'), `classes: exports ${exported.join(', ')}`);
    }
    const opened = LOADED_WHEN_OPENED[entry];
    if (opened) {
      await page.evaluate((tag) => document.body.append(Object.assign(document.createElement(tag), { open: true })), entry);
      await page.waitForFunction((tags: string[]) => tags.every((tag) => customElements.get(tag)), {}, opened);
      assert.deepEqual(await page.evaluate(definedTagsInPage, TAGS), [...registeredBy(entry), ...opened].sort(), `${entry}: once opened`);
    }
    assert.deepEqual(errors, [], entry);
    return defined;
  } finally {
    await page.close();
  }
}

const BUNDLERS: { name: string; scriptType: 'module' | 'classic'; build: (entryFiles: string[]) => [string, string[]] }[] = [
  {
    name: 'esbuild',
    scriptType: 'module',
    build: (entryFiles) => [
      bin('esbuild'),
      [...entryFiles, '--bundle', '--splitting', '--format=esm', '--minify', '--define:process.env.NODE_ENV="production"', '--outdir=dist/esbuild', '--log-level=warning'],
    ],
  },
  { name: 'vite', scriptType: 'module', build: () => [bin('vite'), ['build', '--logLevel', 'warn']] },
  { name: 'webpack', scriptType: 'classic', build: () => [bin('webpack'), ['--config', 'webpack.config.js', '--no-color']] },
];

for (const bundler of BUNDLERS) {
  test(`${bundler.name} bundles each entry in production mode without a warning, and each registers its elements`, { timeout: 180_000 }, async (t) => {
    const dir = join(work, 'bundlers');
    rmSync(join(dir, 'entries'), { recursive: true, force: true });
    mkdirSync(join(dir, 'entries'));
    for (const [entry, source] of Object.entries(ENTRIES)) writeFileSync(join(dir, 'entries', `${entry}.js`), source);
    const [command, args] = bundler.build(Object.keys(ENTRIES).map((entry) => `entries/${entry}.js`));
    const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 0, output);
    // esbuild and Vite print nothing but warnings at these log levels; webpack's `errors-warnings` stats print a
    // closing "compiled successfully" line, or "compiled with N warnings".
    const warnings = output.split('\n').filter((line) => line.trim() && !/^webpack( [\d.]+)? compiled successfully/.test(line.trim()));
    assert.deepEqual(warnings, []);

    const { url, server } = await serve(work);
    try {
      // The matrix goes to the log as well: which elements each entry registered in this bundler's build.
      for (const entry of Object.keys(ENTRIES)) {
        const defined = await checkBundledEntry(url, bundler.name, entry, bundler.scriptType);
        t.diagnostic(`${bundler.name} ${entry}: ${defined.join(' ') || '(none)'}`);
      }
    } finally {
      server.close();
    }
  });
}

test('without a bundler, each file of dist/ registers only its own elements, and sideEffects names exactly those that register', { timeout: 180_000 }, async () => {
  const dist = join(work, 'node_modules/newsroom-elements/dist');
  const packageJson = JSON.parse(readFileSync(join(work, 'node_modules/newsroom-elements/package.json'), 'utf8')) as { sideEffects: string[] };
  const sideEffects = packageJson.sideEffects.map((pattern) => pattern.replace(/^\.\//, ''));
  // The browser's files: the CDN file has its own test, and ssr.js is for Node.
  const files = (readdirSync(dist, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.js') && !file.startsWith('cdn/') && file !== 'ssr.js')
    .sort();
  const { url, server } = await serve(work);
  const registered: Record<string, string[]> = {};
  const expected: Record<string, string[]> = {};
  const named: Record<string, boolean> = {};
  try {
    for (const file of files) {
      const { page, errors } = await visit(`${url}import-map/module.html?module=${encodeURIComponent(file)}`);
      try {
        await page.waitForFunction((name) => document.body.dataset.imported === name, {}, file);
        assert.deepEqual(errors, [], file);
        registered[file] = await page.evaluate(definedTagsInPage, TAGS);
      } finally {
        await page.close();
      }
      expected[file] = file.includes('/') ? [] : registeredBy(file.replace(/\.js$/, ''));
      named[file] = sideEffects.some((pattern) => matchesGlob(`dist/${file}`, pattern));
    }
  } finally {
    server.close();
  }
  assert.deepEqual(registered, expected);
  assert.deepEqual(named, Object.fromEntries(files.map((file) => [file, registered[file].length > 0])), 'sideEffects names exactly the files that register');
  assert.ok(files.some((file) => file.startsWith('chunks/')), 'the shared chunks were loaded too');
});
