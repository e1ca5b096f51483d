import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { inEachBrowser } from './demo/support.js';

const root = new URL('../../', import.meta.url).pathname;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const STORY_TIMEOUT_MS = 5000;

/** In the page: whether the story has rendered and every element in it is defined and has finished updating. */
async function storyReadyInPage(): Promise<boolean> {
  const story = document.querySelector('#storybook-root');
  if (!story || story.children.length === 0 || story.querySelector(':not(:defined)')) return false;
  const elements = Array.from(story.querySelectorAll('*')).filter((element) => element.localName.includes('-'));
  await Promise.all(elements.map((element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete));
  return true;
}

// Every story of the built Storybook (what `npm run build-storybook` publishes), opened on its own in Chromium and
// Firefox: it renders, every element in it upgrades, nothing is logged as an error or a warning, no request fails
// but the ones a story makes on purpose, and no hostile string of a "bad input" story runs as script.
describe('the stories', () => {
  let output: string;
  let server: Server;
  let origin: string;
  let storyIds: string[];
  before(async () => {
    output = mkdtempSync(join(tmpdir(), 'storybook-'));
    const build = spawnSync(join(root, 'node_modules/.bin/storybook'), ['build', '-o', output, '--quiet'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(build.status, 0, `storybook build failed:\n${build.stdout}\n${build.stderr}`);
    const index = JSON.parse(readFileSync(join(output, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
    storyIds = Object.values(index.entries).filter((entry) => entry.type === 'story').map((entry) => entry.id);
    server = createServer(async (request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
      try {
        const body = await readFile(join(output, path));
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(output, { recursive: true, force: true });
  });

  test('the built Storybook holds the stories of every element and the docs pages', () => {
    assert.ok(storyIds.length >= 60, `only ${storyIds.length} stories`);
    for (const tag of ['stat-callout', 'fact-box', 'pull-quote', 'speaker-caption', 'social-follow', 'comment-section', 'comment-toggle', 'comment-list', 'comment-form']) {
      assert.ok(storyIds.some((id) => id.startsWith(`elements-${tag}--`)), `no story of ${tag}`);
    }
  });

  inEachBrowser((browser) => {
    test('every story renders and upgrades without an error, a warning, a failed request or a script run from input', { timeout: 240_000 }, async () => {
      const problems: string[] = [];
      for (const id of storyIds) {
        const page = await browser().newPage();
        const found: string[] = [];
        page.on('pageerror', (error) => found.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
        page.on('console', (message) => {
          // A failed request is judged by its response below, where its address is known.
          if ((message.type() === 'error' || message.type() === 'warn') && !message.text().startsWith('Failed to load resource')) {
            found.push(`${message.type()}: ${message.text()}`);
          }
        });
        page.on('response', (response) => {
          const { pathname } = new URL(response.url());
          // The browser's own favicon request, and the portraits a "bad input" story points at nothing on purpose (the
          // built Storybook's own files are all under /assets/).
          const deliberate = pathname === '/favicon.ico' || (id.endsWith('--bad-input') && !pathname.startsWith('/assets/'));
          if (response.status() >= 400 && !deliberate) found.push(`${response.status()} ${pathname}`);
        });
        await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
        const ready = await page.waitForFunction(storyReadyInPage, { timeout: STORY_TIMEOUT_MS }).then(
          () => true,
          () => false,
        );
        if (!ready) found.push('not rendered, or an element never upgraded');
        if (await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined)) found.push('a hostile string ran as script');
        if (found.length > 0) problems.push(`${id}: ${found.join(' | ')}`);
        await page.close();
      }
      assert.deepEqual(problems, []);
    });
  });
});
