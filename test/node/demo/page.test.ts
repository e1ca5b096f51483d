import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import { PAGES } from '../../../demo/page.js';
import {
  BROWSERS,
  NO_SCRIPTS,
  articleText,
  firstOutOfOrder,
  inPage,
  launch,
  registeredTags,
  startTestDemo,
  upgradedInPage,
  visibleTextInPage,
  watchConsole,
  watchLayoutInPage,
  type LayoutReport,
  type TestDemo,
} from './support.js';

/** How late the element modules arrive in the slow-network case. */
const SCRIPT_DELAY_MS = 1000;

// The demo's promises, proved in Chromium (CDP) and Firefox (WebDriver BiDi) against the real demo server: readable
// without JavaScript, no layout shift while the elements upgrade (even when their modules arrive late), hydration
// without a second render or a console message.
describe('the demo page', () => {
  let demo: TestDemo;
  let slowDemo: TestDemo;
  before(async () => {
    [demo, slowDemo] = await Promise.all([startTestDemo(), startTestDemo({ scriptDelayMs: SCRIPT_DELAY_MS })]);
  });
  after(() => Promise.all([demo.close(), slowDemo.close()]));

  for (const browserName of BROWSERS) {
    describe(browserName, () => {
      let browser: Browser;
      before(async () => {
        browser = await launch(browserName);
      });
      after(() => browser.close());

      /** Loads a page with the layout watcher installed, waits for every element to upgrade, returns the report. */
      async function loadAndUpgrade(page: Page, url: string): Promise<LayoutReport> {
        await page.evaluateOnNewDocument(inPage(watchLayoutInPage));
        await page.goto(url, { waitUntil: 'load' });
        const upgraded = (await page.evaluate(inPage(upgradedInPage, registeredTags()))) as number;
        assert.ok(upgraded >= 5, `only ${upgraded} elements upgraded`);
        return (await page.evaluate('window.__layoutReport()')) as LayoutReport;
      }

      for (const { path, content } of PAGES) {
        test(`without JavaScript, shows every element's text in reading order (${content.lang})`, async () => {
          const page = await browser.newPage();
          // Chromium turns scripts off outright; Firefox over BiDi cannot, so its page comes with a CSP forbidding them.
          if (browserName === 'chromium') await page.setJavaScriptEnabled(false);
          await page.goto(`${demo.url}${path}?${NO_SCRIPTS}`, { waitUntil: 'load' });
          assert.equal(await page.evaluate(() => customElements.get('stat-callout') !== undefined), false, 'the page ran its scripts');
          const text = (await page.evaluate(inPage(visibleTextInPage))) as string;
          assert.equal(firstOutOfOrder(text, articleText(content)), undefined, `missing or out of order in:\n${text}`);
          await page.close();
        });
      }

      test('hydrates with no layout shift, no second render and nothing in the console', async () => {
        const page = await browser.newPage();
        const problems = watchConsole(page);
        const report = await loadAndUpgrade(page, `${demo.url}/fr/`);
        assert.deepEqual(report.moves, []);
        assert.deepEqual(report.rerendered, []);
        if (report.layoutShiftSupported) assert.equal(report.cumulativeLayoutShift, 0);
        assert.deepEqual(problems, []);
        await page.close();
      });

      test(`shifts nothing when the element modules arrive ${SCRIPT_DELAY_MS / 1000} s late`, async () => {
        const page = await browser.newPage();
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
    });
  }
});
