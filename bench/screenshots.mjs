// `npm run screenshots`: PNGs of the demo article for the README, with headless Chromium (Debian's, or CHROME_PATH):
// desktop (1280 px) and mobile (390 px) widths, light and dark, written to demo/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createDemoApp } from '../demo/server/app.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/browsers.mjs';

const OUT = new URL('../demo/screenshots/', import.meta.url).pathname;
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } };
const SCHEMES = ['light', 'dark'];

const dataDir = mkdtempSync(join(tmpdir(), 'demo-screenshots-'));
const app = await createDemoApp({ host: '127.0.0.1', port: 0, dataDir, adminToken: 'screenshots-moderator-token' });
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
const browser = await puppeteer.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
});
mkdirSync(OUT, { recursive: true });
try {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const scheme of SCHEMES) {
      const page = await browser.newPage();
      await page.setViewport({ ...viewport, deviceScaleFactor: device === 'mobile' ? 2 : 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
      // The top of the article, then the fact box with its stat callouts.
      const top = join(OUT, `${device}-${scheme}.png`);
      await page.screenshot({ path: top });
      const facts = await page.$('fact-box');
      await facts.scrollIntoView();
      const factsFile = join(OUT, `${device}-${scheme}-facts.png`);
      await facts.screenshot({ path: factsFile });
      console.log(`wrote ${top} and ${factsFile}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
