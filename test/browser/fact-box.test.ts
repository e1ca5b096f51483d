import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/fact-box/define.js';
import '../../src/components/stat-callout/define.js';
import { FactBox } from '../../src/components/fact-box/fact-box.js';
import { NewsroomToggleEvent } from '../../src/events/toggle-event.js';
import { expectAccessible, HOSTILE_STRINGS, xssTrapped } from './helpers.js';

const items = (count: number) =>
  Array.from({ length: count }, (_, index) => html`<stat-callout value=${(index + 1) * 1000}>Item ${index + 1}</stat-callout>`);

async function box(markup: ReturnType<typeof html>, lang = 'en'): Promise<FactBox> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>${markup}</div>`);
  const element = wrapper.querySelector('fact-box')!;
  await element.updateComplete;
  return element;
}

const visibleItems = (element: FactBox) =>
  Array.from(element.querySelectorAll(':scope > stat-callout')).filter((item) => getComputedStyle(item).display !== 'none');

describe('fact-box', () => {
  it('is a complementary landmark labelled by a heading of the given level', async () => {
    const element = await box(html`<fact-box heading="Learn more" heading-level="3">${items(2)}</fact-box>`);
    const aside = element.shadowRoot!.querySelector('aside')!;
    const heading = element.shadowRoot!.querySelector('[role="heading"]')!;
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(heading.textContent!.trim()).to.equal('Learn more');
    expect(aside.getAttribute('aria-labelledby')).to.equal(heading.id);
    await expectAccessible(element);
  });

  it('clamps the heading level to 2–6 and defaults to 2', async () => {
    for (const [given, expected] of [['1', '2'], ['9', '6'], ['abc', '2'], ['4', '4']]) {
      const element = await box(html`<fact-box heading="Facts" heading-level=${given}></fact-box>`);
      expect(element.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level'), given).to.equal(expected);
    }
  });

  it("uses the page's own heading element from the heading slot without nesting headings", async () => {
    const element = await box(html`<fact-box heading="ignored"><h2 slot="heading">Learn more</h2>${items(1)}</fact-box>`);
    expect(element.shadowRoot!.querySelector('[role="heading"]')).to.equal(null);
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
      expect(element.shadowRoot!.querySelector('img, script, svg')).to.equal(null);
      expect(element.shadowRoot!.querySelector('[role="heading"]')!.textContent!.trim()).to.equal(hostile.trim());
    }
    const nulled = await box(html`<fact-box .heading=${null}>${items(3)}</fact-box>`);
    expect(nulled.shadowRoot!.querySelector('[role="heading"]')!.textContent!.trim()).to.equal('');
    const negative = await box(html`<fact-box heading="x" collapsible visible-count="-3">${items(3)}</fact-box>`);
    expect(visibleItems(negative)).to.have.length(2);
    expect(xssTrapped()).to.equal(false);
  });
});
