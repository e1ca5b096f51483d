// `npm run audit`: Lighthouse 12 (Debian's Chromium, its default mobile profile with simulated throttling) on the
// demo article in English, French and Ukrainian, served by the demo server on 127.0.0.1 with a temporary database.
// Prints the four category scores, CLS, the page's total transfer size and the JavaScript it loads (brotli, as
// served), next to the bar: a stock WordPress 6.1 post page with its comment form. Exits 1 when a goal is missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createDemoApp } from '../demo/server/app.ts';
import { PAGES } from '../demo/server/page.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/browsers.mjs';

const KIB = 1024;
const WORDPRESS = { performance: 98, accessibility: 100, 'best-practices': 96, seo: undefined, cls: 0, totalKiB: 117 };
const GOALS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100, totalKiB: 117, scriptKiB: 20 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const dataDir = mkdtempSync(join(tmpdir(), 'demo-audit-'));
const app = await createDemoApp({ host: '127.0.0.1', port: 0, dataDir, adminToken: 'audit-moderator-token-0000' });
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});

const rows = [];
let missed = [];
try {
  for (const { path, content } of PAGES) {
    const { lhr } = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const requests = lhr.audits['network-requests'].details?.items ?? [];
    const scripts = requests.filter((request) => request.resourceType === 'Script');
    const row = {
      page: content.lang,
      ...Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id].score ?? 0) * 100)])),
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      totalKiB: lhr.audits['total-byte-weight'].numericValue / KIB,
      scriptKiB: scripts.reduce((sum, request) => sum + request.transferSize, 0) / KIB,
      requests: requests.length,
      metrics: ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index']
        .map((id) => `${id} ${lhr.audits[id].displayValue}`)
        .join(', '),
      failed: CATEGORIES.flatMap((id) => lhr.categories[id].auditRefs)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
        .map((audit) => audit.id),
    };
    rows.push(row);
    missed.push(
      ...CATEGORIES.filter((id) => row[id] < GOALS[id]).map((id) => `${row.page}: ${id} ${row[id]} < ${GOALS[id]}`),
      ...(row.cls > 0 ? [`${row.page}: CLS ${row.cls}`] : []),
      ...(row.totalKiB >= GOALS.totalKiB ? [`${row.page}: ${row.totalKiB.toFixed(1)} KiB ≥ ${GOALS.totalKiB} KiB`] : []),
      ...(row.scriptKiB >= GOALS.scriptKiB ? [`${row.page}: JavaScript ${row.scriptKiB.toFixed(1)} KiB ≥ ${GOALS.scriptKiB} KiB`] : []),
    );
  }
} finally {
  await chrome.kill();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const format = (value) => (value === undefined ? '–' : String(value));
console.log('| page | performance | accessibility | best practices | SEO | CLS | total KiB | JavaScript KiB (br) | requests |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(`| ${row.page} | ${row.performance} | ${row.accessibility} | ${row['best-practices']} | ${row.seo} | ${row.cls.toFixed(3)} | ${row.totalKiB.toFixed(1)} | ${row.scriptKiB.toFixed(1)} | ${row.requests} |`);
}
console.log(`| WordPress 6.1 | ${WORDPRESS.performance} | ${WORDPRESS.accessibility} | ${WORDPRESS['best-practices']} | ${format(WORDPRESS.seo)} | ${WORDPRESS.cls} | ${WORDPRESS.totalKiB} | – | – |`);
for (const row of rows) {
  console.log(`${row.page}: ${row.metrics}${row.failed.length ? `; audits below 1: ${row.failed.join(', ')}` : ''}`);
}
if (missed.length) {
  console.log(`\nGoals missed:\n${missed.join('\n')}`);
  process.exit(1);
}
console.log('\nEvery goal met.');
