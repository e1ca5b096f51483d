import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from 'lit';
import { renderToString } from 'newsroom-elements/ssr';
import { inEachBrowser, inPage, serveServerRendered, watchConsole } from './support.js';

// Elements rendered on the server see no light DOM: a fact-box neither its slotted heading nor its items, a
// stat-callout not its slotted source, a pull-quote not its slotted attribution or its text. Hydration must adopt
// the server's shadow root as it is (no mismatch), then take the light DOM in: the page's own <h2>, the collapse to
// `visible-count` with its "Show all" button, the callout's "Source:" line around the page's own link, the quote's
// slotted parts and share buttons, a caption's slotted name, role and sentence.
const BOXES = html`<fact-box collapsible><h2 slot="heading">Learn more</h2>
    <stat-callout value="108">children killed</stat-callout><stat-callout value="7000">soldiers dead</stat-callout>
    <stat-callout value="80" format="percent">of homes destroyed</stat-callout><stat-callout value="3000000" format="compact">refugees</stat-callout>
  </fact-box>
  <fact-box heading="In figures" heading-level="3" collapsible visible-count="1">
    <stat-callout value="2">weeks</stat-callout><stat-callout value="12">cities</stat-callout><stat-callout value="40">convoys</stat-callout>
  </fact-box>
  <stat-callout id="slotted-source" value="7000">soldiers dead<a slot="source" href="https://www.afp.com/">AFP</a></stat-callout>
  <pull-quote id="shared" share speaker="Antony Blinken"><p>Words of the minister.</p></pull-quote>
  <pull-quote id="plain"> A quotation given as plain text </pull-quote>
  <pull-quote id="slotted"><p>Words of the minister.</p><span slot="speaker">Jean-Yves Le Drian</span>
    <span slot="job-title">Minister of Foreign Affairs</span><span slot="source">Le Parisien</span></pull-quote>
  <speaker-caption id="caption"><span slot="name">Oleksii Reznikov</span><span slot="job-title">Minister of Defence</span>
    A sentence under the portrait.</speaker-caption>`;

/** In the page: the light-DOM text nodes and elements of each element that are not laid out (empty when all show). */
function hiddenLightDomInPage(): string[] {
  return Array.from(document.querySelectorAll('#plain, #slotted, #caption')).flatMap((element) =>
    Array.from(element.childNodes)
      .filter((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) return !(node as Element).checkVisibility();
        if (node.nodeType !== Node.TEXT_NODE || !node.nodeValue!.trim()) return false;
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getClientRects().length === 0;
      })
      .map((node) => `#${element.id}: ${node.textContent!.trim()}`),
  );
}

/**
 * In the page: for each box, its heading (the light DOM's: the page's own, or the one the box generated from its
 * attribute; and any the shadow tree shows instead), visible items and button text.
 */
function boxesInPage(): Array<{ heading: string; items: number; button: string }> {
  return Array.from(document.querySelectorAll('fact-box')).map((box) => {
    const shadowHeading = box.shadowRoot!.querySelector('[role="heading"]');
    const headings = Array.from(box.querySelectorAll(':scope > [slot="heading"]')).map(
      (heading) => `${heading.localName}${heading.hasAttribute('data-generated') ? ' generated' : ''}: ${heading.textContent}`,
    );
    const items = Array.from(box.querySelectorAll(':scope > stat-callout')).filter((item) => item.checkVisibility()).length;
    return {
      heading: shadowHeading ? `shadow level ${shadowHeading.getAttribute('aria-level')}: ${shadowHeading.textContent!.trim()}` : headings.join(' | '),
      items,
      button: box.shadowRoot!.querySelector('button[part="toggle"]')?.textContent!.trim() ?? '',
    };
  });
}

describe('display elements rendered on the server', () => {
  let server: Awaited<ReturnType<typeof serveServerRendered>>;
  before(async () => {
    const tags = ['fact-box', 'stat-callout', 'pull-quote', 'speaker-caption'];
    server = await serveServerRendered({
      title: 'Display elements, server-rendered',
      body: renderToString(BOXES),
      modules: Object.fromEntries(tags.map((tag) => [tag, `newsroom-elements/${tag}.js`])),
    });
  });
  after(() => server.close());

  inEachBrowser((browser) => {
    test('hydrate, then take their light DOM in', async () => {
      const page = await browser().newPage();
      const problems = watchConsole(page);
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await page.evaluate(async () => {
        await Promise.all(['stat-callout', 'fact-box', 'pull-quote', 'speaker-caption'].map((name) => import(`/assets/${name}.js`)));
        const elements = Array.from(document.querySelectorAll('fact-box, stat-callout, pull-quote, speaker-caption')) as Array<
          Element & { updateComplete: Promise<boolean> }
        >;
        // Hydration, then the update that reads the light DOM.
        for (const element of elements) while (!(await element.updateComplete));
      });
      assert.deepEqual(await page.evaluate(inPage(boxesInPage)), [
        { heading: 'h2: Learn more', items: 2, button: 'Show all (4)' },
        { heading: 'h3 generated: In figures', items: 1, button: 'Show all (3)' },
      ]);
      const source = await page.evaluate(() => {
        const line = document.querySelector('#slotted-source')!.shadowRoot!.querySelector('[part="source"]')!;
        return line.checkVisibility() ? line.textContent!.trim() : 'hidden';
      });
      assert.equal(source, 'Source:');
      assert.deepEqual(await page.evaluate(inPage(hiddenLightDomInPage)), []);
      // The share buttons are a module of their own, loaded once the quote shows.
      const buttons = await page.waitForFunction(
        () => document.querySelector('#shared')!.shadowRoot!.querySelectorAll('button').length === 2,
        { timeout: 5000 },
      );
      assert.ok(await buttons.jsonValue());
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
});
