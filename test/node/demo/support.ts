import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { FastifyInstance } from 'fastify';
import { createDemoApp, type DemoServerOptions } from '../../../demo/server/app.js';
import type { ArticleContent } from '../../../demo/content/types.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from '../../../scripts/browsers.mjs';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** Debian's Chromium over CDP, or Firefox ESR over WebDriver BiDi (CHROME_PATH / FIREFOX_PATH elsewhere). */
export function launch(name: BrowserName): Promise<Browser> {
  return name === 'chromium'
    ? puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
    : puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
}

/**
 * Declares `body`'s tests once per browser, each set in a suite of the browser's name, with the browser launched
 * before them and closed after. `browser()` gives the running browser inside a test.
 */
export function inEachBrowser(body: (browser: () => Browser, name: BrowserName) => void): void {
  for (const name of BROWSERS) {
    describe(name, () => {
      let browser: Browser;
      before(async () => {
        browser = await launch(name);
      });
      after(() => browser.close());
      body(() => browser, name);
    });
  }
}

export const ADMIN_TOKEN = 'demo-test-moderator-token';

/** Query parameter that makes the test server forbid every script on the page (`Content-Security-Policy`). */
export const NO_SCRIPTS = 'scripts=none';

export interface TestDemo {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The demo server on 127.0.0.1, a random port and a temporary SQLite database. A page requested with `?scripts=none`
 * is served with a CSP that blocks all scripts: how Firefox, whose WebDriver BiDi cannot turn JavaScript off, gets a
 * page without JavaScript.
 */
export async function startTestDemo(options: DemoServerOptions = {}): Promise<TestDemo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-test-'));
  const app = await createDemoApp({ host: '127.0.0.1', port: 0, dataDir, adminToken: ADMIN_TOKEN, ...options });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.endsWith(`?${NO_SCRIPTS}`)) reply.header('content-security-policy', "script-src 'none'");
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    app,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every piece of text of one language's article, in reading order. */
export function articleText(content: ArticleContent): string[] {
  const texts = [content.kicker, content.headline, content.standfirst, content.byline];
  for (const block of content.body) {
    if ('paragraph' in block) texts.push(block.paragraph);
    else if ('heading' in block) texts.push(block.heading);
    else if ('quote' in block) {
      if (block.insertion) texts.push(block.insertion.text);
      texts.push(block.quote, content.speakers[block.speaker].name);
    } else {
      texts.push(block.caption ?? content.speakers[block.portrait].name);
    }
  }
  texts.push(content.factsHeading);
  for (const fact of content.facts) texts.push(...(fact.prefix ? [fact.prefix] : []), fact.label, fact.source);
  texts.push(content.commentsHeading, content.footer);
  return texts;
}

/** Collects the page's console warnings and errors and its uncaught exceptions. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  return problems;
}

export { inPage } from '../support/in-page.js';

/** The tags src/index.ts registers (an element still being written is not waited for). */
export function registeredTags(): string[] {
  const index = readFileSync(new URL('../../../src/index.ts', import.meta.url), 'utf8');
  return [...index.matchAll(/components\/([a-z-]+)\/define\.js/g)].map((match) => match[1]);
}

/** Folds white space (no-break spaces included) as `shownTextsInPage` (reader-view.ts) does. */
export function fold(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The first of `expected` that is missing from `text` or out of order, or undefined when all appear in order. */
export function firstOutOfOrder(text: string, expected: string[]): string | undefined {
  let from = 0;
  for (const snippet of expected) {
    const at = text.indexOf(fold(snippet), from);
    if (at < 0) return snippet;
    from = at + fold(snippet).length;
  }
  return undefined;
}

/** What `watchLayoutInPage` found; read with `page.evaluate` once the page has settled. */
export interface LayoutReport {
  /** Animation frames sampled once the document was parsed, and how many came before any element was defined. */
  frames: number;
  framesBeforeUpgrade: number;
  /** Shadow roots found in the page just before the first element was defined (declarative shadow DOM). */
  serverRenderedRoots: number;
  /** Elements in the viewport that moved after they were first laid out ("h1 moved 0,120 → 0,180"). */
  moves: string[];
  /** Shadow roots whose server-rendered content the upgrade replaced or duplicated instead of adopting. */
  rerendered: string[];
  /** Whether the browser has the Layout Instability API (Chromium does, Firefox does not). */
  layoutShiftSupported: boolean;
  /** Sum of `layout-shift` entries without recent input: the page's CLS, where supported. */
  cumulativeLayoutShift: number;
}

/**
 * In the page, from the end of parsing: samples every element's position on every animation frame (the light DOM and
 * every shadow root) and reports any element in the viewport that moves, which works in every browser; and sums
 * `layout-shift` entries where the browser has them. It also records each server-rendered shadow root's elements
 * just before the first element is defined, to tell whether the upgrade adopted them (hydration) or rendered anew.
 * Self-contained: installed with `page.evaluateOnNewDocument(inPage(watchLayoutInPage))`.
 */
export function watchLayoutInPage(): void {
  const report = { frames: 0, framesBeforeUpgrade: 0, serverRenderedRoots: 0, moves: [] as string[], rerendered: [] as string[], layoutShiftSupported: false, cumulativeLayoutShift: 0 };
  const positions = new Map<Element, { x: number; y: number }>();
  const serverRendered = new Map<ShadowRoot, Element[]>();
  const describe = (element: Element): string => {
    const host = (element.getRootNode() as ShadowRoot).host;
    const name = `${element.localName}${element.id ? `#${element.id}` : ''}${element.classList[0] ? `.${element.classList[0]}` : ''}`;
    return host ? `${describe(host)} > ${name}` : name;
  };
  const contentOf = (root: ShadowRoot): Element[] => Array.from(root.children).filter((child) => child.localName !== 'style');
  const allElements = (root: ParentNode, into: Element[] = []): Element[] => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      into.push(element);
      if (element.shadowRoot) allElements(element.shadowRoot, into);
    }
    return into;
  };
  const sample = (): void => {
    if ((window as unknown as { __layoutStopped?: boolean }).__layoutStopped) return;
    // From the end of parsing: while the parser still streams the document in, a shadow root's content is laid out
    // before the light-DOM children it slots (Firefox paints such partial pages). Chromium's layout-shift entries,
    // asserted as well, cover the parse too.
    if (document.readyState !== 'loading') {
      report.frames += 1;
      if (!customElements.get('stat-callout')) report.framesBeforeUpgrade += 1;
      for (const element of allElements(document.body)) {
        if (!element.isConnected) continue;
        const rect = element.getBoundingClientRect();
        const now = { x: rect.left + scrollX, y: rect.top + scrollY };
        const before = positions.get(element);
        positions.set(element, now);
        if (!before || (Math.abs(before.x - now.x) < 0.5 && Math.abs(before.y - now.y) < 0.5)) continue;
        const inViewport = (y: number): boolean => y - scrollY < innerHeight;
        if (rect.width > 0 && rect.height > 0 && (inViewport(before.y) || inViewport(now.y))) {
          report.moves.push(`${describe(element)} moved ${before.x},${before.y} → ${now.x},${now.y}`);
        }
      }
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  // The first element definition starts the upgrades: the server-rendered shadow roots are recorded just before it.
  const define = customElements.define.bind(customElements);
  customElements.define = (...args: Parameters<CustomElementRegistry['define']>): void => {
    if (serverRendered.size === 0) {
      for (const element of allElements(document.body)) {
        if (element.shadowRoot) serverRendered.set(element.shadowRoot, contentOf(element.shadowRoot));
      }
    }
    define(...args);
  };
  if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) {
    report.layoutShiftSupported = true;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) report.cumulativeLayoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }
  Object.assign(window, {
    __layoutReport: (): typeof report => {
      (window as unknown as { __layoutStopped?: boolean }).__layoutStopped = true;
      report.serverRenderedRoots = serverRendered.size;
      for (const [root, elements] of serverRendered) {
        const now = contentOf(root);
        if (now.length !== elements.length || elements.some((element, index) => now[index] !== element)) {
          report.rerendered.push(`${describe(root.host)}: ${elements.length} server-rendered elements, now ${now.length}, adopted ${elements.filter((element) => now.includes(element)).length}`);
        }
      }
      return report;
    },
  });
}

/**
 * In the page: resolves once every element of the library in it (shadow roots included) is defined and has finished
 * updating, scrolling each kind of element into view for its module to load, then back to the top; then waits two
 * more frames for layout to settle.
 */
export async function upgradedInPage(registered: string[]): Promise<number> {
  const hosts: Element[] = [];
  const collect = (root: ParentNode): void => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (registered.includes(element.localName)) hosts.push(element);
      if (element.shadowRoot) collect(element.shadowRoot);
    }
  };
  collect(document);
  // Elements further down load as they near the viewport: bring each kind there in turn, as a reader scrolling would.
  for (const name of new Set(hosts.map((host) => host.localName))) {
    if (!customElements.get(name)) hosts.find((host) => host.localName === name)!.scrollIntoView();
    await customElements.whenDefined(name);
  }
  scrollTo(0, 0);
  await Promise.all(hosts.map((host) => (host as Element & { updateComplete?: Promise<unknown> }).updateComplete));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return hosts.length;
}

/** axe-core's source, injected into pages as is (it has no ES module build). */
export const AXE_SOURCE = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** In the page: axe over the whole document (WCAG 2.2 A/AA and best practices), one line per violation and node. */
export async function axeViolationsInPage(): Promise<string[]> {
  const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
  const results = await axe.run(document, { resultTypes: ['violations'] });
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${violation.help} at ${JSON.stringify(node.target)}`));
}

/** The comment section's parts, for puppeteer's `>>>` selectors (which pierce shadow roots). */
export const COMMENTS = {
  toggle: 'comment-section >>> comment-toggle >>> button',
  form: 'comment-section >>> comment-form',
  list: 'comment-section >>> comment-list',
  field: (name: string) => `comment-section >>> comment-form >>> [name="${name}"]`,
  submit: 'comment-section >>> comment-form >>> button[type="submit"]',
  status: 'comment-section >>> comment-form >>> p.status',
};

/** Opens the page's comment section with its own button and waits for the list and form to be ready. */
export async function openComments(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.querySelector('comment-section')!.scrollIntoView();
    return customElements.whenDefined('comment-section');
  });
  await page.locator(COMMENTS.toggle).click();
  const form = await page.waitForSelector(COMMENTS.form);
  const list = await page.waitForSelector(COMMENTS.list);
  await form!.evaluate((element) => (element as Element & { updateComplete: Promise<unknown> }).updateComplete);
  await list!.evaluate((element) => (element as Element & { updateComplete: Promise<unknown> }).updateComplete);
}

/** A page to serve: its title, its server-rendered body, and the modules it may import (name → path or package entry). */
export interface ServerRenderedPage {
  title: string;
  body: string;
  bodyStyle?: string;
  modules: Record<string, string>;
}

/**
 * A loopback server for one server-rendered page (at `/`) that loads Lit's hydrate support first, as the demo does,
 * and its modules, bundled with esbuild (at `/assets/<name>.js`, for the page to import when it chooses).
 */
export async function serveServerRendered({ title, body, bodyStyle, modules }: ServerRenderedPage): Promise<{ origin: string; close: () => Promise<void> }> {
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title>
<script type="module" src="/assets/hydrate.js"></script></head>
<body${bodyStyle ? ` style="${bodyStyle}"` : ''}>
${body}
</body>
</html>`;
  const { outputFiles } = await build({
    entryPoints: { hydrate: '@lit-labs/ssr-client/lit-element-hydrate-support.js', ...modules },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: '/assets',
    logLevel: 'warning',
  });
  const assets = new Map(outputFiles.map((file) => [file.path, file.contents]));
  const server = createServer((request, response) => {
    const asset = assets.get(request.url ?? '');
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (asset) response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(asset);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A loopback server in front of the demo that sends one page in pieces, each ending just after a server-rendered
 * shadow root (before the light DOM it slots), `gapMs` apart, as a slow network would; everything else is passed
 * through. Resolves with the page's URL, the number of pieces and a close function.
 */
export async function streamPageInPieces(demoUrl: string, path: string, gapMs: number): Promise<{ url: string; pieces: number; close(): Promise<void> }> {
  const page = await (await fetch(`${demoUrl}${path}`)).text();
  const pieces = page.split(/(?<=<\/template>)/);
  const server = createServer(async (request, response) => {
    if (request.url === path) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      for (const piece of pieces.slice(0, -1)) {
        response.write(piece);
        await delay(gapMs);
      }
      response.end(pieces.at(-1));
      return;
    }
    const upstream = await fetch(`${demoUrl}${request.url}`);
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    pieces: pieces.length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
