import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inEachBrowser } from './demo/support.js';
import { inPage } from './support/in-page.js';
import { builtStorybook, serveDirectory, type StaticServer } from './support/storybook.js';

const STORY_TIMEOUT_MS = 5000;
// A play function types, clicks and waits for the pretend comment server, then axe runs: a little longer.
const PLAY_TIMEOUT_MS = 10_000;

/** In the page: whether the story has rendered and every element in it is defined and has finished updating. */
async function storyReadyInPage(): Promise<boolean> {
  const story = document.querySelector('#storybook-root');
  if (!story || story.children.length === 0 || story.querySelector(':not(:defined)')) return false;
  const elements = Array.from(story.querySelectorAll('*')).filter((element) => element.localName.includes('-'));
  await Promise.all(elements.map((element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete));
  return true;
}

/**
 * In the page, before Storybook's scripts: listens on Storybook's channel, as it is created, for the end of the story
 * and for what it threw. A story ends once rendered, its `play` function run (where it has one), and axe run on it by
 * @storybook/addon-a11y (every rule but "region", which a component on its own cannot meet), whose result is among
 * the story's reports.
 */
function recordStoryOutcomeInPage(): void {
  interface Report {
    type: string;
    status: string;
    result?: { violations?: { id: string; nodes: { target: unknown[] }[] }[]; error?: { message?: string } };
  }
  const record = window as unknown as { storyFinished?: string[]; storyErrors: string[] };
  record.storyErrors = [];
  let channel: unknown;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: { on(event: string, listener: (payload: { message?: string; reporters?: Report[] }) => void): void }) {
      channel = value;
      value.on('storyFinished', ({ reporters = [] }) => {
        const axe = reporters.find((report) => report.type === 'a11y');
        record.storyFinished = axe
          ? (axe.result?.violations ?? []).map(({ id, nodes }) => `axe: ${id} ${nodes.map(({ target }) => JSON.stringify(target)).join(', ')}`)
          : ['axe did not run'];
        if (axe?.result?.error) record.storyFinished.push(`axe failed: ${axe.result.error.message}`);
      });
      for (const event of ['playFunctionThrewException', 'storyThrewException', 'storyErrored']) {
        value.on(event, (error) => record.storyErrors.push(`${event}: ${error?.message ?? JSON.stringify(error)}`));
      }
    },
  });
}

/** In the page: once the story has finished, what went wrong (nothing when all went well); false before. */
function storyProblemsInPage(): string[] | false {
  const { storyFinished, storyErrors } = window as unknown as { storyFinished?: string[]; storyErrors: string[] };
  return storyFinished ? [...storyErrors, ...storyFinished] : false;
}

// Every story of the built Storybook (what `npm run build-storybook` publishes), opened on its own in Chromium and
// Firefox: it renders, every element in it upgrades, its `play` function (where it has one) passes, axe finds no
// violation of WCAG 2.2 AA, nothing is logged as an error or a warning, no request fails but the ones a story makes on
// purpose, and no hostile string of a "bad input" story runs as script.
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
    test('every story renders, upgrades, plays and passes axe without an error, a warning, a failed request or a script run from input', { timeout: 480_000 }, async () => {
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
        await page.evaluateOnNewDocument(inPage(recordStoryOutcomeInPage));
        await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
        const ready = await page.waitForFunction(storyReadyInPage, { timeout: STORY_TIMEOUT_MS }).then(
          () => true,
          () => false,
        );
        if (!ready) found.push('not rendered, or an element never upgraded');
        const storyProblems = await page.waitForFunction(inPage(storyProblemsInPage), { timeout: PLAY_TIMEOUT_MS, polling: 100 }).then(
          async (handle) => (await handle.jsonValue()) as string[],
          () => ['never finished (its play function and axe)'],
        );
        found.push(...storyProblems);
        if (await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined)) found.push('a hostile string ran as script');
        if (found.length > 0) problems.push(`${id}: ${found.join(' | ')}`);
        await page.close();
      }
      assert.deepEqual(problems, []);
    });
  });
});
