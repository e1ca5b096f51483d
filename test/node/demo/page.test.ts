import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { PAGES } from '../../../demo/server/page.js';
import {
  ADMIN_TOKEN,
  AXE_SOURCE,
  COMMENTS,
  axeViolationsInPage,
  openComments,
  NO_SCRIPTS,
  articleText,
  firstOutOfOrder,
  inEachBrowser,
  inPage,
  registeredTags,
  startTestDemo,
  streamPageInPieces,
  upgradedInPage,
  watchConsole,
  watchLayoutInPage,
  type LayoutReport,
  type TestDemo,
} from './support.js';
import { shownTextsInPage } from './reader-view.js';

/** How late the element modules arrive in the slow-network case. */
const SCRIPT_DELAY_MS = 1000;
const TEST_TIMEOUT_MS = 30_000;

// The demo's promises, proved in Chromium (CDP) and Firefox (WebDriver BiDi) against the real demo server: readable
// without JavaScript, no layout shift while the elements upgrade (even when their modules arrive late), hydration
// without a second render or a console message.
describe('the demo page', () => {
  let demo: TestDemo;
  let slowDemo: TestDemo;
  before(async () => {
    // No flood window: each browser posts a comment from the same loopback address.
    [demo, slowDemo] = await Promise.all([startTestDemo({ floodSeconds: 0 }), startTestDemo({ scriptDelayMs: SCRIPT_DELAY_MS })]);
  });
  after(() => Promise.all([demo.close(), slowDemo.close()]));

  test('serves the three pages, the comment API and /admin on one port', async () => {
    for (const { path, content } of PAGES) {
      const response = await fetch(`${demo.url}${path}`, { headers: { 'accept-encoding': 'br' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-encoding'), 'br');
      assert.match(await response.text(), new RegExp(`<html lang="${content.lang}"`));
    }
    const comments = await fetch(`${demo.url}/wp-json/wp/v2/comments?post=1`);
    assert.equal(comments.status, 200);
    assert.ok(Array.isArray(await comments.json()));
    assert.equal((await fetch(`${demo.url}/admin`)).status, 200);
  });

  inEachBrowser((browser, browserName) => {

    /** Loads a page with the layout watcher installed, waits for every element to upgrade, returns the report. */
    async function loadAndUpgrade(page: Page, url: string): Promise<LayoutReport> {
      await page.evaluateOnNewDocument(inPage(watchLayoutInPage));
      await page.goto(url, { waitUntil: 'load' });
      const upgraded = (await page.evaluate(inPage(upgradedInPage, registeredTags()))) as number;
      assert.ok(upgraded >= 5, `only ${upgraded} elements upgraded`);
      const report = (await page.evaluate('window.__layoutReport()')) as LayoutReport;
      assert.ok(report.serverRenderedRoots >= 5, `only ${report.serverRenderedRoots} server-rendered shadow roots`);
      return report;
    }

    for (const { path, content } of PAGES) {
      test(`without JavaScript, shows every element's text in reading order (${content.lang})`, { timeout: TEST_TIMEOUT_MS }, async () => {
        const page = await browser().newPage();
        // Chromium turns scripts off outright; Firefox over BiDi cannot, so its page comes with a CSP forbidding them.
        if (browserName === 'chromium') await page.setJavaScriptEnabled(false);
        await page.goto(`${demo.url}${path}?${NO_SCRIPTS}`, { waitUntil: 'load' });
        assert.equal(await page.evaluate(() => customElements.get('stat-callout') !== undefined), false, 'the page ran its scripts');
        const text = ((await page.evaluate(inPage(shownTextsInPage, 'body'))) as string[])[0];
        assert.equal(firstOutOfOrder(text, articleText(content)), undefined, `missing or out of order in:\n${text}`);
        await page.close();
      });
    }

    test('hydrates with no layout shift, no second render and nothing in the console', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await browser().newPage();
      const problems = watchConsole(page);
      const report = await loadAndUpgrade(page, `${demo.url}/fr/`);
      assert.deepEqual(report.moves, []);
      assert.deepEqual(report.rerendered, []);
      if (report.layoutShiftSupported) assert.equal(report.cumulativeLayoutShift, 0);
      assert.deepEqual(problems, []);
      // Hydrated, the page still shows all of its text, in order.
      const text = ((await page.evaluate(inPage(shownTextsInPage, 'body'))) as string[])[0];
      assert.equal(firstOutOfOrder(text, articleText(PAGES[1].content)), undefined, `missing or out of order in:\n${text}`);
      await page.close();
    });

    test(`shifts nothing when the element modules arrive ${SCRIPT_DELAY_MS / 1000} s late`, { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await browser().newPage();
      const problems = watchConsole(page);
      const report = await loadAndUpgrade(page, `${slowDemo.url}/uk/`);
      // The page was on screen, server-rendered, for frames before any element was defined; then nothing moved.
      assert.ok(report.framesBeforeUpgrade > 3, `only ${report.framesBeforeUpgrade} frames before the upgrade`);
      assert.deepEqual(report.moves, []);
      assert.deepEqual(report.rerendered, []);
      if (report.layoutShiftSupported) assert.equal(report.cumulativeLayoutShift, 0);
      assert.deepEqual(problems, []);
      await page.close();
    });

    // Chromium alone: Firefox has neither `<link rel="expect">` (it paints a page while parsing it, which the layout
    // watcher leaves out) nor layout-shift entries.
    if (browserName === 'chromium') {
      test('paints nothing before the page is parsed, so nothing moves as it arrives in pieces', { timeout: TEST_TIMEOUT_MS }, async () => {
        for (const { path } of PAGES) {
          // Each piece ends just after a server-rendered shadow root, before the light DOM it lays out.
          const stream = await streamPageInPieces(demo.url, path, 100);
          assert.ok(stream.pieces > 10, `only ${stream.pieces} pieces`);
          const page = await browser().newPage();
          await page.evaluateOnNewDocument(() => {
            const shifts: number[] = [];
            Object.assign(window, { __shifts: shifts });
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
            }).observe({ type: 'layout-shift', buffered: true });
          });
          await page.goto(stream.url, { waitUntil: 'load' });
          // Every shift counts here, input or not: Lighthouse counts those of the first half second too.
          assert.deepEqual(await page.evaluate('window.__shifts'), [], path);
          await page.close();
          await stream.close();
        }
      });
    }

    for (const { path, content } of PAGES) {
      test(`axe finds no violation on the whole page with the comments open (${content.lang})`, { timeout: TEST_TIMEOUT_MS }, async () => {
        const page = await browser().newPage();
        await page.goto(`${demo.url}${path}`, { waitUntil: 'load' });
        await page.evaluate(inPage(upgradedInPage, registeredTags()));
        await openComments(page);
        await page.evaluate(AXE_SOURCE);
        assert.deepEqual(await page.evaluate(inPage(axeViolationsInPage)), []);
        await page.close();
      });
    }

    test("a comment goes through the page's own form, is moderated and shows on the page", { timeout: TEST_TIMEOUT_MS }, async () => {
      const comment = `Thank you for the figures and their sources (${browserName}, ${Date.now()}).`;
      const author = `Reader in ${browserName}`;
      const page = await browser().newPage();
      const problems = watchConsole(page);
      await page.goto(`${demo.url}/`, { waitUntil: 'load' });
      await openComments(page);
      await page.locator(COMMENTS.field('author')).fill(author);
      await page.locator(COMMENTS.field('email')).fill(`${browserName}@example.com`);
      await page.locator(COMMENTS.field('comment')).fill(comment);
      await page.locator(COMMENTS.submit).click();
      // A first-time commenter waits for moderation (WordPress's default), and the form says so.
      await page.waitForFunction(
        (selector) => (document.querySelector('comment-section')?.shadowRoot?.querySelector('comment-form')?.shadowRoot?.querySelector(selector)?.textContent ?? '').includes('awaiting moderation'),
        {},
        'p.status',
      );

      const api = `${demo.url}/wp-json/wp/v2/comments`;
      const moderator = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
      const held = (await (await fetch(`${api}?post=1&status=hold`, { headers: moderator })).json()) as Array<{ id: number; author_name: string; content: { rendered: string } }>;
      const stored = held.find((entry) => entry.content.rendered.includes(comment));
      assert.ok(stored, 'the comment is stored, held for moderation');
      assert.equal(stored.author_name, author);
      const approved = await fetch(`${api}/${stored.id}`, { method: 'POST', headers: moderator, body: JSON.stringify({ status: 'approved' }) });
      assert.equal(approved.status, 200);

      await page.reload({ waitUntil: 'load' });
      await openComments(page);
      await page.waitForFunction(
        (text) => (document.querySelector('comment-section')?.shadowRoot?.querySelector('comment-list')?.shadowRoot?.textContent ?? '').includes(text),
        {},
        comment,
      );
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
});
