import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inEachBrowser } from './demo/support.js';
import { builtStorybook, serveDirectory, type StaticServer } from './support/storybook.js';

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
  let server: StaticServer;
  let origin: string;
  let storyIds: string[];
  before(async () => {
    const output = builtStorybook();
    const index = JSON.parse(readFileSync(join(output, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
    storyIds = Object.values(index.entries).filter((entry) => entry.type === 'story').map((entry) => entry.id);
    server = await serveDirectory(output);
    origin = server.origin;
  });
  after(() => server.close());

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
