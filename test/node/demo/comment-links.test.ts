import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { POST_ID } from '../../../demo/server/article.js';
import { ADMIN_TOKEN, inEachBrowser, startTestDemo, watchConsole, type TestDemo } from './support.js';

const TEST_TIMEOUT_MS = 30_000;
/** How long a page may take to open the comments and focus one: far longer than it needs, short of the test's timeout. */
const OPEN_TIMEOUT_MS = 10_000;

/** What the reader has in front of them: the section's state, the focused comment and whether it is in view. */
interface CommentsState {
  open: boolean;
  toggles: number;
  bodies: number;
  bodyHidden: boolean;
  expanded: string | null;
  focusedComment: string;
  focusedInView: boolean;
}

/** In the page: the comment section as the reader sees it. */
function commentsStateInPage(): CommentsState {
  const section = document.querySelector('comment-section') as (HTMLElement & { open: boolean }) | null;
  const root = section?.shadowRoot;
  const list = root?.querySelector('comment-list');
  const focused = document.activeElement === section && root?.activeElement === list ? list?.shadowRoot?.activeElement : null;
  const rect = focused?.getBoundingClientRect();
  return {
    open: section?.open ?? false,
    toggles: root?.querySelectorAll('comment-toggle').length ?? 0,
    bodies: root?.querySelectorAll('[part="body"]').length ?? 0,
    bodyHidden: root?.querySelector<HTMLElement>('[part="body"]')?.hidden ?? true,
    expanded: root?.querySelector('comment-toggle')?.shadowRoot?.querySelector('button')?.getAttribute('aria-expanded') ?? null,
    focusedComment: focused?.closest('li')?.id ?? '',
    focusedInView: rect !== undefined && rect.top >= 0 && rect.top < innerHeight,
  };
}

/** Waits until the list shows `count` comments (and, if given, focuses `#comment-<id>`), then returns the state. */
async function waitForComments(page: Page, count: number, focusedId?: number): Promise<CommentsState> {
  await page.waitForFunction(
    (expected, focused) => {
      const root = document.querySelector('comment-section')?.shadowRoot;
      const list = root?.querySelector('comment-list')?.shadowRoot;
      if ((list?.querySelectorAll('li[id^="comment-"]').length ?? 0) < expected) return false;
      return !focused || list?.activeElement?.closest('li')?.id === focused;
    },
    { timeout: OPEN_TIMEOUT_MS },
    count,
    focusedId ? `comment-${focusedId}` : '',
  );
  return page.evaluate(commentsStateInPage);
}

// Links into the comments (`#comments`, `#comment-<id>`, as WordPress gives each comment's `link`) open them at once,
// on the server-rendered demo page, in Chromium and Firefox: the section hydrates the server's closed markup first,
// and the page loads the section's module at once instead of waiting for the reader to scroll down to it.
describe('links into the comments of the demo page', () => {
  let demo: TestDemo;
  const ids: number[] = [];
  before(async () => {
    demo = await startTestDemo({ floodSeconds: 0 });
    const api = `${demo.url}/wp-json/wp/v2/comments`;
    const moderator = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    for (const [index, author] of ['Olena', 'Marc', 'Iryna'].entries()) {
      const created = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ post: POST_ID, author_name: author, author_email: `${author.toLowerCase()}@example.org`, content: `Comment number ${index + 1}.` }),
      });
      assert.equal(created.status, 201);
      const { id } = (await created.json()) as { id: number };
      const approved = await fetch(`${api}/${id}`, { method: 'POST', headers: moderator, body: JSON.stringify({ status: 'approved' }) });
      assert.equal(approved.status, 200);
      ids.push(id);
    }
  });
  after(() => demo.close());

  inEachBrowser((browser) => {
    test('#comments opens the comments, adopting the server-rendered section with nothing in the console', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await browser().newPage();
      const problems = watchConsole(page);
      await page.goto(`${demo.url}/#comments`, { waitUntil: 'load' });
      const state = await waitForComments(page, ids.length);
      // One toggle and one body: hydration adopted the server's, rather than rendering a second copy beside them.
      assert.deepEqual(
        { open: state.open, toggles: state.toggles, bodies: state.bodies, bodyHidden: state.bodyHidden, expanded: state.expanded },
        { open: true, toggles: 1, bodies: 1, bodyHidden: false, expanded: 'true' },
      );
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('#comment-<id> opens the comments and focuses that comment, with no scrolling by the reader', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await browser().newPage();
      const problems = watchConsole(page);
      const target = ids[1];
      await page.goto(`${demo.url}/#comment-${target}`, { waitUntil: 'load' });
      const state = await waitForComments(page, ids.length, target);
      assert.equal(state.focusedComment, `comment-${target}`);
      assert.equal(state.focusedInView, true, 'the focused comment is scrolled into view');
      assert.deepEqual({ toggles: state.toggles, bodyHidden: state.bodyHidden, expanded: state.expanded }, { toggles: 1, bodyHidden: false, expanded: 'true' });
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('a #comment-<id> link followed on the page, before the comments were near, opens and focuses that comment', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await browser().newPage();
      const problems = watchConsole(page);
      const target = ids[2];
      await page.goto(`${demo.url}/`, { waitUntil: 'load' });
      assert.equal(await page.evaluate(() => document.querySelector('comment-section')!.getBoundingClientRect().top > 3 * innerHeight), true, 'the comments start far below the first screen');
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `#comment-${target}`);
      const state = await waitForComments(page, ids.length, target);
      assert.equal(state.focusedInView, true, 'the focused comment is scrolled into view');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
});
