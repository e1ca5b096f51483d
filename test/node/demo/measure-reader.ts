import { PAGES } from '../../../demo/server/page.js';
import { inPage, launch, NO_SCRIPTS, registeredTags, startTestDemo, upgradedInPage } from './support.js';
import { DISPLAY_ELEMENTS, READABILITY_SOURCE, readerViewWordsInPage, type ElementWords } from './reader-view.js';

const demo = await startTestDemo();
for (const name of ['chromium', 'firefox'] as const) {
  const browser = await launch(name);
  for (const { path, content } of PAGES) {
    for (const scripts of [true, false]) {
      const page = await browser.newPage();
      await page.goto(`${demo.url}${path}${scripts ? '' : `?${NO_SCRIPTS}`}`, { waitUntil: 'load' });
      if (scripts) await page.evaluate(inPage(upgradedInPage, registeredTags()));
      await page.evaluate(READABILITY_SOURCE);
      const report = (await page.evaluate(inPage(readerViewWordsInPage, DISPLAY_ELEMENTS))) as ElementWords[];
      const kept = report.reduce((sum, entry) => sum + entry.kept, 0);
      const total = report.reduce((sum, entry) => sum + entry.total, 0);
      console.log(`${name} ${content.lang} scripts=${scripts}: ${kept}/${total} = ${((100 * kept) / total).toFixed(1)} %`);
      if (process.env.DETAIL) for (const entry of report) console.log(`  ${entry.element}: ${entry.kept}/${entry.total} ${entry.inOrder ? 'in order' : 'BROKEN'} | ${entry.shown}`);
      await page.close();
    }
  }
  await browser.close();
}
await demo.close();
