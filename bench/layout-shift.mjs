// Layout shift: each element in an article page whose element module arrives 1 s late, with and without the
// shipped :not(:defined) stylesheet (src/styles/not-defined.css). CLS is summed from `layout-shift` entries.
/* global customElements, document, requestAnimationFrame, window, PerformanceObserver -- used inside page.evaluate(), which runs in the browser */
import { readFileSync } from 'node:fs';
import { CSS, HTML, JS, browserBundle, launchChromium, serve } from './lib/browser.mjs';
import { startBenchDemo } from './lib/demo.mjs';
import { discoverElements, fromRoot } from './lib/elements.mjs';
import { FIXTURES } from './lib/fixtures.mjs';

const DELAY_MS = 1000;
/** Issues whose layout-shift goal covers an element. */
const ISSUE = { 'stat-callout': 2, 'fact-box': 2, 'pull-quote': 3, 'speaker-caption': 3, 'social-follow': 8 };

const page = (markup, withStylesheet, lang = 'en') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Layout shift</title>
<style>body { font: 18px/1.5 Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }</style>
${withStylesheet ? '<link rel="stylesheet" href="/not-defined.css">' : ''}
<script>
  window.cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
</script>
<script type="module" src="/elements.js?delay=${DELAY_MS}"></script>
</head><body>
<h1>Peace talks stall as the strikes go on</h1>
<p>An opening paragraph, long enough to wrap onto a second line at this width, stands before the element.</p>
${markup}
<p>A closing paragraph follows the element, so that any change in its height moves this text.</p>
<p>And another one, further down the page.</p>
</body></html>`;

export async function measureLayoutShift() {
  const tags = discoverElements().filter((tag) => FIXTURES[tag]?.slotted || FIXTURES[tag]?.attributes);
  const routes = {
    '/elements.js': { type: JS, body: await browserBundle(tags.map((tag) => fromRoot(`src/components/${tag}/define.ts`))) },
    '/not-defined.css': { type: CSS, body: readFileSync(fromRoot('src/styles/not-defined.css'), 'utf8') },
  };
  const cases = [];
  for (const tag of tags) {
    const styled = readFileSync(fromRoot('src/styles/not-defined.css'), 'utf8').includes(`${tag}:not(:defined)`);
    for (const [kind, markup] of Object.entries(FIXTURES[tag])) {
      if (kind === 'static') continue;
      for (const withStylesheet of [true, false]) {
        const id = `${tag}-${kind}${withStylesheet ? '' : '-bare'}`;
        routes[`/${id}.html`] = { type: HTML, body: page(markup, withStylesheet) };
        // Goals: text in slots with the stylesheet for every display element; attribute-only markup with the
        // stylesheet for the foundation's two (issue 2: "still reserves its space").
        const goal = withStylesheet && ISSUE[tag] && (kind === 'slotted' || ISSUE[tag] === 2) ? 0 : undefined;
        const label = `${tag}, text ${kind === 'slotted' ? 'in slots' : 'in attributes only'}, ${withStylesheet ? 'with' : 'without'} not-defined.css${
          withStylesheet && !styled ? ' (no section for it yet)' : ''
        }`;
        cases.push({ id, tag, case: label, goal, issue: ISSUE[tag] });
      }
    }
    // The stylesheet's localised words ("Source :", "Джерело:") in the languages built in.
    if (ISSUE[tag] === 2) {
      for (const lang of ['fr', 'uk']) {
        const id = `${tag}-attributes-${lang}`;
        routes[`/${id}.html`] = { type: HTML, body: page(FIXTURES[tag].attributes, true, lang) };
        cases.push({ id, tag, case: `${tag}, text in attributes only, with not-defined.css, lang="${lang}"`, goal: 0, issue: 2 });
      }
    }
  }
  const server = await serve(routes);
  const browser = await launchChromium();
  const rows = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const tab = await context.newPage();
    for (const row of cases) {
      await tab.goto(`${server.origin}/${row.id}.html`, { waitUntil: 'load' });
      const cls = await tab.evaluate(async (tag) => {
        await customElements.whenDefined(tag);
        await Promise.all([...document.querySelectorAll(tag)].map((element) => element.updateComplete));
        document.body.getBoundingClientRect();
        // Shifts are reported after the frame that shows them.
        for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return window.cls;
      }, row.tag);
      rows.push({ ...row, cls });
    }
    rows.push(...(await demoLayoutShift(context)));
  } finally {
    await browser.close();
    await server.close();
  }
  return { delayMs: DELAY_MS, rows };
}

/** The demo article (server-rendered, `npm start`) in its three languages, with every script held back 1 s. */
async function demoLayoutShift(context) {
  const demo = await startBenchDemo({ scriptDelayMs: DELAY_MS });
  const rows = [];
  try {
    const tab = await context.newPage();
    await tab.addInitScript(() => {
      window.cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const [path, lang] of [['/', 'en'], ['/fr/', 'fr'], ['/uk/', 'uk']]) {
      await tab.goto(`${demo.origin}${path}`, { waitUntil: 'load' });
      const cls = await tab.evaluate(async () => {
        // The demo loads below-the-fold elements as they near the viewport: bring each into view to upgrade it.
        for (const node of [...document.querySelectorAll('*')].filter((element) => element.localName.includes('-'))) {
          node.scrollIntoView({ block: 'center' });
          await customElements.whenDefined(node.localName);
          await node.updateComplete;
        }
        document.body.getBoundingClientRect();
        for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return window.cls;
      });
      rows.push({ id: `demo-${lang}`, case: `the demo article (${lang}), server-rendered`, cls, goal: 0, issue: 8 });
    }
  } finally {
    await demo.close();
  }
  return rows;
}

export function layoutShiftMarkdown(shifts) {
  return [
    `| page (element module ${shifts.delayMs} ms late) | CLS | goal |`,
    '| --- | ---: | ---: |',
    ...shifts.rows.map((row) => `| ${row.case} | ${row.cls.toFixed(3)} | ${row.goal === undefined ? '—' : row.goal.toFixed(3)} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(layoutShiftMarkdown(await measureLayoutShift()));
}
