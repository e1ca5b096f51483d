import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/fact-box/define.js';
import '../../src/components/stat-callout/define.js';
import { FactBox } from '../../src/components/fact-box/fact-box.js';
import { NewsroomToggleEvent } from '../../src/events/toggle-event.js';
import { expectAccessible, generatedChildren, HOSTILE_STRINGS, partText, renderedText, shownElements, spokenText, xssTrapped } from './helpers.js';

// Separated by white space, as items in a page's markup are.
const items = (count: number) =>
  Array.from({ length: count }, (_, index) => html`<stat-callout value=${(index + 1) * 1000}>Item ${index + 1}</stat-callout> `);

async function box(markup: ReturnType<typeof html>, lang = 'en'): Promise<FactBox> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>${markup}</div>`);
  const element = wrapper.querySelector('fact-box')!;
  await element.updateComplete;
  return element;
}

/** Every heading the reader sees in the box's flat tree: real ones and ARIA ones. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** The heading the box generated into its light DOM, if any. */
const generatedHeading = (element: FactBox) => element.querySelector<HTMLElement>(':scope > [slot="heading"][data-generated]');

/** Words of a text, white space folded. */
const words = (text: string | null) => (text ?? '').split(/\s+/).filter(Boolean);

const visibleItems = (element: FactBox) =>
  Array.from(element.querySelectorAll(':scope > stat-callout')).filter((item) => getComputedStyle(item).display !== 'none');

describe('fact-box', () => {
  it('is a complementary landmark labelled by a heading of the given level', async () => {
    const element = await box(html`<fact-box heading="Learn more" heading-level="3">${items(2)}</fact-box>`);
    const aside = element.shadowRoot!.querySelector('aside')!;
    // A real heading of that level, in the light DOM, shown in the heading part; the only heading the reader sees.
    const heading = generatedHeading(element)!;
    expect(heading.localName).to.equal('h3');
    expect(heading.textContent!.trim()).to.equal('Learn more');
    expect(shownElements(element, HEADINGS)).to.deep.equal([heading]);
    const part = element.shadowRoot!.querySelector('[part="heading"]')!;
    expect(heading.assignedSlot!.parentElement).to.equal(part);
    expect(partText(element, 'heading')).to.equal('Learn more');
    expect(aside.getAttribute('aria-labelledby')).to.equal(part.id);
    await expectAccessible(element);
  });

  it('clamps the heading level to 2–6 and defaults to 2', async () => {
    for (const [given, expected] of [['1', '2'], ['9', '6'], ['abc', '2'], ['4', '4']]) {
      const element = await box(html`<fact-box heading="Facts" heading-level=${given}></fact-box>`);
      expect(generatedHeading(element)!.localName, given).to.equal(`h${expected}`);
      expect(shownElements(element, HEADINGS), given).to.have.length(1);
    }
  });

  it("uses the page's own heading element from the heading slot without nesting headings", async () => {
    const element = await box(html`<fact-box heading="ignored"><h2 slot="heading">Learn more</h2>${items(1)}</fact-box>`);
    expect(element.shadowRoot!.querySelector('[role="heading"]')).to.equal(null);
    expect(generatedChildren(element)).to.deep.equal({});
    expect(shownElements(element, HEADINGS)).to.deep.equal([element.querySelector('h2')]);
    expect(partText(element, 'heading')).to.equal('Learn more');
    await expectAccessible(element);
  });

  it('collapses to visible-count items with a keyboard-operable toggle that reflects open and fires toggle', async () => {
    const element = await box(html`<fact-box heading="Learn more" collapsible visible-count="2">${items(4)}</fact-box>`);
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="toggle"]')!;
    expect(visibleItems(element)).to.have.length(2);
    expect(button.textContent!.trim()).to.equal('Show all (4)');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(element.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)).to.exist;
    await expectAccessible(element);

    button.focus();
    const toggled = oneEvent(element, 'toggle');
    button.click();
    const event = (await toggled) as unknown as NewsroomToggleEvent;
    expect(event).to.be.instanceOf(NewsroomToggleEvent);
    expect(event.newState).to.equal('open');
    await element.updateComplete;
    expect(element.hasAttribute('open')).to.equal(true);
    expect(visibleItems(element)).to.have.length(4);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Show less');
    await expectAccessible(element);

    element.open = false;
    await element.updateComplete;
    expect(visibleItems(element)).to.have.length(2);
  });

  it('shows no toggle when every item fits', async () => {
    const element = await box(html`<fact-box heading="Learn more" collapsible visible-count="5">${items(3)}</fact-box>`);
    expect(element.shadowRoot!.querySelector('button')).to.equal(null);
    expect(visibleItems(element)).to.have.length(3);
  });

  it('localises the toggle', async () => {
    const fr = await box(html`<fact-box heading="En savoir plus" collapsible>${items(3)}</fact-box>`, 'fr');
    expect(fr.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Tout afficher (3)');
    const uk = await box(html`<fact-box heading="Дізнатися більше" collapsible>${items(3)}</fact-box>`, 'uk');
    expect(uk.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Показати все (3)');
  });

  it('lays items in columns by its own width, or stacked with layout="list"', async () => {
    const wide = await fixture<HTMLElement>(html`<div style="width: 900px"><fact-box heading="Facts">${items(4)}</fact-box></div>`);
    const grid = wide.querySelector('fact-box')!;
    await grid.updateComplete;
    const columns = getComputedStyle(grid.shadowRoot!.querySelector('.items')!).gridTemplateColumns.split(' ').length;
    expect(columns).to.be.greaterThan(1);

    const narrow = await fixture<HTMLElement>(html`<div style="width: 300px"><fact-box heading="Facts">${items(4)}</fact-box></div>`);
    const stacked = narrow.querySelector('fact-box')!;
    await stacked.updateComplete;
    expect(getComputedStyle(stacked.shadowRoot!.querySelector('.items')!).gridTemplateColumns.split(' ')).to.have.length(1);

    const list = await fixture<HTMLElement>(html`<div style="width: 900px"><fact-box heading="Facts" layout="list">${items(4)}</fact-box></div>`);
    const listBox = list.querySelector('fact-box')!;
    await listBox.updateComplete;
    expect(getComputedStyle(listBox.shadowRoot!.querySelector('.items')!).gridTemplateColumns.split(' ')).to.have.length(1);
  });

  it('survives hostile and nonsensical attributes', async () => {
    for (const hostile of HOSTILE_STRINGS) {
      const element = await box(html`<fact-box .heading=${hostile} heading-level=${hostile} visible-count=${hostile} layout=${hostile} collapsible>${items(3)}</fact-box>`);
      // Neither in the shadow tree nor in the heading it generates into the light DOM.
      expect(element.shadowRoot!.querySelector('img, script, svg')).to.equal(null);
      expect(shownElements(element, 'img, script, svg')).to.deep.equal([]);
      const heading = generatedHeading(element)!;
      expect(heading.localName).to.equal('h2');
      expect(heading.children).to.have.length(0);
      expect(heading.textContent!.trim()).to.equal(hostile.trim());
      expect(partText(element, 'heading')).to.equal(hostile.trim().replace(/\s+/g, ' '));
    }
    // No heading given: no empty heading either.
    const nulled = await box(html`<fact-box .heading=${null}>${items(3)}</fact-box>`);
    expect(generatedChildren(nulled)).to.deep.equal({});
    expect(shownElements(nulled, HEADINGS)).to.deep.equal([]);
    expect(partText(nulled, 'heading')).to.equal('');
    const negative = await box(html`<fact-box heading="x" collapsible visible-count="-3">${items(3)}</fact-box>`);
    expect(visibleItems(negative)).to.have.length(2);
    expect(xssTrapped()).to.equal(false);
  });
});

describe('fact-box: its heading in the light DOM (issue #16)', () => {
  it('generates its heading first, before the items, with every word of the box in its light DOM', async () => {
    const element = await box(html`<fact-box heading="Learn more">${items(2)}</fact-box>`);
    expect(generatedChildren(element)).to.deep.equal({ heading: 'Learn more' });
    expect(element.firstElementChild).to.equal(generatedHeading(element));
    expect(generatedHeading(element)!.checkVisibility()).to.equal(true);
    expect(renderedText(element)).to.equal('Learn more 1,000 Item 1 2,000 Item 2');
    // What Reader View, translation tools and crawlers read (the light DOM, the callouts' generated figures included).
    expect(words(element.textContent)).to.deep.equal(words(renderedText(element)));
    // Said once: no copy of the heading in the shadow tree.
    expect(spokenText(element)).to.equal('Learn more 1,000 Item 1 2,000 Item 2');
    expect(element.shadowRoot!.textContent).not.to.contain('Learn more');
  });

  it('keeps its heading first when the page adds items before the others', async () => {
    const element = await box(html`<fact-box heading="Learn more">${items(1)}</fact-box>`);
    const first = Object.assign(document.createElement('stat-callout'), { value: '500', label: 'Item 0' });
    element.prepend(first);
    await waitUntil(() => element.firstElementChild === generatedHeading(element), 'the heading comes first again');
    expect(element.querySelectorAll(':scope > [data-generated]')).to.have.length(1);
    expect(renderedText(element)).to.equal('Learn more 500 Item 0 1,000 Item 1');
    expect(words(element.textContent)).to.deep.equal(words(renderedText(element)));
  });

  it('generates no heading while the page slots one, and generates it again once that heading leaves', async () => {
    const element = await box(html`<fact-box heading="Learn more"><h3 slot="heading">Key figures</h3>${items(1)}</fact-box>`);
    expect(generatedChildren(element)).to.deep.equal({});
    element.querySelector('h3')!.remove();
    await waitUntil(() => generatedChildren(element).heading === 'Learn more', 'the heading is generated again');
    expect(element.firstElementChild).to.equal(generatedHeading(element));
    expect(shownElements(element, HEADINGS)).to.deep.equal([generatedHeading(element)]);
    const page = Object.assign(document.createElement('h2'), { slot: 'heading', textContent: 'Key figures' });
    element.append(page);
    await waitUntil(() => !('heading' in generatedChildren(element)), 'the slotted heading wins');
    expect(shownElements(element, HEADINGS)).to.deep.equal([page]);
    await expectAccessible(element);
  });

  it('rewrites its heading when the heading or its level changes', async () => {
    const element = await box(html`<fact-box heading="Learn more">${items(1)}</fact-box>`);
    element.heading = 'Key figures';
    await element.updateComplete;
    expect(generatedChildren(element)).to.deep.equal({ heading: 'Key figures' });
    element.headingLevel = 4;
    await element.updateComplete;
    expect(generatedHeading(element)!.localName).to.equal('h4');
    expect(element.querySelectorAll(':scope > [data-generated]')).to.have.length(1);
    element.removeAttribute('heading');
    element.heading = undefined;
    await element.updateComplete;
    expect(generatedChildren(element)).to.deep.equal({});
    expect(shownElements(element, HEADINGS)).to.deep.equal([]);
  });

  it("keeps the page's styles for headings off its generated heading", async () => {
    const element = await box(html`<fact-box heading="Learn more">${items(2)}</fact-box>`);
    const heading = generatedHeading(element)!;
    const { fontSize, marginTop, fontWeight } = getComputedStyle(heading);
    const height = element.getBoundingClientRect().height;
    const sheet = document.createElement('style');
    sheet.textContent = 'h2 { font-size: 5em; margin: 3em; font-weight: 100; }';
    document.head.append(sheet);
    try {
      expect(getComputedStyle(heading)).to.include({ fontSize, marginTop, fontWeight });
      expect(element.getBoundingClientRect().height).to.equal(height);
    } finally {
      sheet.remove();
    }
    // The heading part still styles it: bold, larger than the items' text.
    expect(Number(fontWeight)).to.be.at.least(700);
    expect(parseFloat(fontSize)).to.be.greaterThan(parseFloat(getComputedStyle(element).fontSize));
  });

  it('adopts the heading a server generated, without duplicates', async () => {
    const light = '<h2 slot="heading" data-generated>Learn more</h2><stat-callout value="1000">Item 1</stat-callout>';
    // Plain markup, and markup with the declarative shadow root a server renders.
    for (const shadow of ['', '<template shadowrootmode="open"></template>']) {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"></div>`);
      wrapper.setHTMLUnsafe(`<fact-box heading="Learn more">${shadow}${light}</fact-box>`);
      const element = wrapper.querySelector('fact-box')!;
      // Firefox upgrades the parsed element a microtask later.
      await waitUntil(() => element instanceof FactBox && element.hasUpdated && !element.isUpdatePending, 'the box settles');
      expect(element.querySelectorAll(':scope > [data-generated]'), shadow).to.have.length(1);
      expect(element.firstElementChild, shadow).to.equal(generatedHeading(element));
      expect(shownElements(element, HEADINGS), shadow).to.have.length(1);
      expect(partText(element, 'heading'), shadow).to.equal('Learn more');
    }
  });

  it('passes axe with its heading generated, and with a slotted heading', async () => {
    await expectAccessible(await box(html`<fact-box heading="Learn more" heading-level="4">${items(2)}</fact-box>`));
    await expectAccessible(await box(html`<fact-box><h2 slot="heading">Learn more</h2>${items(2)}</fact-box>`));
  });
});
