import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { html } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { renderToString } from 'newsroom-elements/ssr';
import { inEachBrowser, serveServerRendered, watchConsole } from './support.js';

// Every text attribute with a slot of the same name (the elements' text parts), read from custom-elements.json so
// that a new one is covered without a new test: an element rendered on the server without it, then hydrated, shows
// the text once the attribute is set. (Lit's server renders an empty text binding as no text node at all; a later
// value must still reach the page, not the comment marker hydration finds in its place.)
interface Declaration {
  tagName?: string;
  attributes?: Array<{ name: string }>;
  slots?: Array<{ name: string }>;
}
const manifest = JSON.parse(readFileSync(new URL('../../../custom-elements.json', import.meta.url), 'utf8')) as {
  modules: Array<{ declarations?: Declaration[] }>;
};
const TEXT_PARTS = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .flatMap(({ tagName, attributes = [], slots = [] }) =>
    tagName ? attributes.filter(({ name }) => slots.some((slot) => slot.name === name)).map(({ name }) => ({ tag: tagName, attribute: name })) : [],
  );

describe('text attributes set after hydration', () => {
  let server: Awaited<ReturnType<typeof serveServerRendered>>;
  before(async () => {
    assert.ok(TEXT_PARTS.length >= 10, 'the manifest lists the text parts');
    server = await serveServerRendered({
      title: 'Text set after hydration',
      body: renderToString(html`${TEXT_PARTS.map(({ tag, attribute }) => staticHtml`<${unsafeStatic(tag)} data-part=${attribute}></${unsafeStatic(tag)}>`)}`),
      modules: { elements: 'newsroom-elements' },
    });
  });
  after(() => server.close());

  inEachBrowser((browser) => {
    test('show in every element', async () => {
      const page = await browser().newPage();
      const problems = watchConsole(page);
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      const missing = await page.evaluate(async () => {
        await import('/assets/elements.js' as string);
        const elements = Array.from(document.querySelectorAll('[data-part]')) as Array<HTMLElement & { updateComplete: Promise<boolean> }>;
        for (const element of elements) while (!(await element.updateComplete));
        for (const element of elements) element.setAttribute(element.dataset.part!, `marker ${element.localName} ${element.dataset.part}`);
        // An original shows when the reader asks for it, in place of the translation: it needs its language.
        for (const element of elements) if (element.dataset.part === 'original') element.setAttribute('original-lang', 'fr');
        for (const element of elements) while (!(await element.updateComplete));
        for (const element of elements) element.shadowRoot!.querySelector<HTMLElement>('[part~="original-toggle"]')?.click();
        for (const element of elements) while (!(await element.updateComplete));
        return elements
          .filter((element) => {
            const text = `marker ${element.localName} ${element.dataset.part}`;
            // The text shows from the shadow tree or, generated into the light DOM, through a slot.
            for (const root of [element.shadowRoot!, element]) {
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                // Laid out text has boxes (a slot's own checkVisibility() is false: it has no box of its own).
                const range = document.createRange();
                range.selectNodeContents(node);
                if (node.nodeValue!.includes(text) && range.getClientRects().length > 0) return false;
              }
            }
            return true;
          })
          .map((element) => `${element.localName} ${element.dataset.part}`);
      });
      assert.deepEqual(missing, []);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
});
