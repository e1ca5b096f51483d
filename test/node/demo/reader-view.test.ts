import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES } from '../../../demo/server/page.js';
import { inEachBrowser, inPage, NO_SCRIPTS, registeredTags, startTestDemo, upgradedInPage, type TestDemo } from './support.js';
import { READABILITY_SOURCE, readersInPage, shownTextsInPage, TOP_LEVEL_DISPLAY_ELEMENTS, type ReaderReport } from './reader-view.js';

const TEST_TIMEOUT_MS = 30_000;

/** "readability: 265 of 265 words (100.0 %)" for each reader, and each element whose words it does not hold in order. */
function summary(report: ReaderReport): { figures: string[]; broken: string[] } {
  const figures: string[] = [];
  const broken: string[] = [];
  for (const [reader, elements] of Object.entries(report)) {
    const kept = elements.reduce((sum, entry) => sum + entry.kept, 0);
    const total = elements.reduce((sum, entry) => sum + entry.total, 0);
    figures.push(`${reader}: ${kept} of ${total} words (${((100 * kept) / total).toFixed(1)} %)`);
    for (const entry of elements) if (!entry.inOrder) broken.push(`${reader}: ${entry.element}: ${entry.kept}/${entry.total} words, "${entry.shown}"`);
  }
  return { figures, broken };
}

// Reader View (Mozilla Readability, the library Firefox ships), innerText, copy and paste, and a crawler reading the
// HTML as sent skip shadow roots: every word each display element shows must reach them all, in reading order, with
// scripts and without, in Chromium and Firefox; and the words an element keeps for readers without showing them (a
// quote's original) reach those that read the light DOM, in their places.
describe('every word of the display elements reaches readers of the light DOM', () => {
  let demo: TestDemo;
  before(async () => {
    demo = await startTestDemo();
  });
  after(() => demo.close());

  inEachBrowser((browser, browserName) => {
    for (const { path, content } of PAGES) {
      for (const scripts of [true, false]) {
        const state = scripts ? 'upgraded' : 'without JavaScript';
        test(`${content.lang}, ${state}: Reader View, innerText, a copy and the HTML as sent hold every word, in order`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
          const url = `${demo.url}${path}${scripts ? '' : `?${NO_SCRIPTS}`}`;
          const markup = await (await fetch(url)).text();
          const page = await browser().newPage();
          // Chromium turns scripts off outright; Firefox over BiDi cannot, so its page comes with a CSP forbidding them.
          if (!scripts && browserName === 'chromium') await page.setJavaScriptEnabled(false);
          await page.goto(url, { waitUntil: 'load' });
          if (scripts) await page.evaluate(inPage(upgradedInPage, registeredTags()));
          else assert.equal(await page.evaluate(() => customElements.get('stat-callout') !== undefined), false, 'the page ran its scripts');
          await page.evaluate(READABILITY_SOURCE);
          const shown = (await page.evaluate(inPage(shownTextsInPage, TOP_LEVEL_DISPLAY_ELEMENTS, { controls: false }))) as string[];
          const offered = (await page.evaluate(inPage(shownTextsInPage, TOP_LEVEL_DISPLAY_ELEMENTS, { controls: false, offered: true }))) as string[];
          const report = (await page.evaluate(inPage(readersInPage, TOP_LEVEL_DISPLAY_ELEMENTS, markup, shown, offered))) as ReaderReport;
          const { figures, broken } = summary(report);
          for (const figure of figures) t.diagnostic(figure);
          assert.ok(report.readability.length >= 7, `only ${report.readability.length} display elements found`);
          assert.deepEqual(broken, []);
          await page.close();
        });
      }
    }
  });
});
