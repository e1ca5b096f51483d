import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from 'lit';
import type { Page } from 'puppeteer-core';
import { renderToString } from 'newsroom-elements/ssr';
import { inEachBrowser, inPage, serveServerRendered, watchConsole } from './support.js';

// social-follow rendered on the server cannot see its links (they are the page's light DOM): until its module
// arrives, its shadow root lays them out as the upgraded list will. Proved in a page of its own, with links the
// element recognises, one it does not, `labels`, a slotted heading, a narrow box that wraps and right-to-left text.
const FOLLOWS = html`<social-follow heading="Connect with us">
    <a href="https://www.facebook.com/newsroom">Facebook</a> <a href="https://x.com/newsroom">X</a>
    <a href="https://bsky.app/profile/newsroom.example">Bluesky</a> <a href="/about">About us</a>
    <a href="mailto:desk@newsroom.example">Email</a>
  </social-follow>
  <social-follow labels><h2 slot="heading">Follow</h2>
    <a href="https://www.instagram.com/newsroom/">Instagram</a> <a href="/feed/">RSS</a>
    <a href="https://newsroom.example/newsletter">Newsletter</a>
  </social-follow>
  <social-follow heading="Narrow" style="inline-size: 9rem">
    <a href="https://www.youtube.com/@newsroom">YouTube</a> <a href="https://t.me/newsroom">Telegram</a>
    <a href="https://mastodon.social/@newsroom">Mastodon</a> <a href="https://wa.me/15550100">WhatsApp</a>
  </social-follow>
  <div dir="rtl">
    <social-follow heading="RTL"><a href="https://www.threads.net/@newsroom">Threads</a> <a href="/contact">Contact</a></social-follow>
  </div>
  <p>After</p>`;
/** The links the element recognises, so icons it draws once upgraded. */
const RECOGNISED = 11;
const LINK_TEXTS = ['Facebook', 'X', 'Bluesky', 'About us', 'Email', 'Instagram', 'RSS', 'Newsletter', 'YouTube', 'Telegram', 'Mastodon', 'WhatsApp', 'Threads', 'Contact'];


/**
 * The page's boxes a reader sees: each element's, its heading part's (which shows the server's heading text, then the
 * heading the element generates into its light DOM), each link's, the page's slotted heading's and the paragraph after.
 */
function boxesInPage(): string[] {
  const nodes = Array.from(document.querySelectorAll('social-follow, social-follow > a, social-follow > h2:not([data-generated]), p')).flatMap((node) => {
    const heading = node.hasAttribute('heading') ? node.shadowRoot?.querySelector('[part="heading"]') : undefined;
    return heading ? [node, heading] : [node];
  });
  return nodes.map((node) => {
    const { x, y, width, height } = node.getBoundingClientRect();
    const name =
      node.localName === 'social-follow'
        ? `social-follow ${node.getAttribute('heading') ?? ''}`
        : node.getAttribute('part') === 'heading'
          ? 'heading part'
          : `${node.localName} ${node.textContent!.trim().slice(0, 20)}`;
    return `${name}: ${x.toFixed(1)},${y.toFixed(1)} ${width.toFixed(1)}×${height.toFixed(1)}`;
  });
}

/** The links whose own text lies inside their box (shown), rather than moved out of it (an icon's square). */
function linksShowingTextInPage(): string[] {
  return Array.from(document.querySelectorAll('social-follow > a'))
    .filter((link) => {
      const range = document.createRange();
      range.selectNodeContents(link);
      const text = range.getBoundingClientRect();
      const box = link.getBoundingClientRect();
      return text.width > 0 && text.left >= box.left - 0.5 && text.right <= box.right + 0.5;
    })
    .map((link) => link.textContent!.trim());
}

describe('social-follow rendered on the server', () => {
  let server: Awaited<ReturnType<typeof serveServerRendered>>;
  before(async () => {
    server = await serveServerRendered({
      title: 'social-follow, server-rendered',
      body: renderToString(FOLLOWS),
      bodyStyle: 'margin: 0; font: 16px/1.5 sans-serif; inline-size: 40rem',
      modules: { 'social-follow': 'newsroom-elements/social-follow.js' },
    });
  });
  after(() => server.close());

  inEachBrowser((browser, browserName) => {
    async function open(): Promise<Page> {
      const page = await browser().newPage();
      await page.setViewport({ width: 800, height: 900 });
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      return page;
    }

    test('keeps every box in place when its module arrives', async () => {
      const page = await open();
      const problems = watchConsole(page);
      const pending = await page.evaluate(() => ({
        defined: customElements.get('social-follow') !== undefined,
        serverRendered: document.querySelectorAll('social-follow').length,
        waiting: Array.from(document.querySelectorAll('social-follow')).filter((element) => element.shadowRoot?.querySelector('slot.pending')).length,
      }));
      assert.deepEqual(pending, { defined: false, serverRendered: 4, waiting: 4 });
      // Scripting is on: the recognised links hold their icon's square, the text of the others shows.
      assert.deepEqual(await page.evaluate(inPage(linksShowingTextInPage)), ['About us', 'Instagram', 'RSS', 'Newsletter', 'Contact']);
      const before = await page.evaluate(inPage(boxesInPage));

      const icons = await page.evaluate(async () => {
        await import('/assets/social-follow.js' as string);
        const elements = Array.from(document.querySelectorAll('social-follow')) as Array<Element & { updateComplete: Promise<boolean> }>;
        // Hydration, then the update that takes the links in (and any re-naming after it).
        for (const element of elements) while (!(await element.updateComplete));
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return elements.reduce((count, element) => count + element.shadowRoot!.querySelectorAll('svg.icon').length, 0);
      });
      assert.equal(icons, RECOGNISED);
      assert.deepEqual(await page.evaluate(inPage(boxesInPage)), before);
      assert.deepEqual(problems, []);
      await page.close();
    });

    // Firefox over WebDriver BiDi cannot turn JavaScript off (and a CSP that blocks scripts leaves `scripting`
    // enabled), so this one is Chromium's alone.
    if (browserName === 'chromium') {
      test('shows every link’s text without JavaScript', async () => {
        const page = await browser().newPage();
        await page.setJavaScriptEnabled(false);
        await page.goto(`${server.origin}/`, { waitUntil: 'load' });
        assert.deepEqual(await page.evaluate(inPage(linksShowingTextInPage)), LINK_TEXTS);
        await page.close();
      });
    }
  });
});
