import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/stat-callout/define.js';
import { StatCallout } from '../../src/components/stat-callout/stat-callout.js';
import { registerTranslation } from '../../src/internal/localize.js';
import { expectAccessible, HOSTILE_STRINGS, renderedText, spokenText, xssTrapped } from './helpers.js';

async function callout(markup: ReturnType<typeof html>, lang = 'en'): Promise<StatCallout> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>${markup}</div>`);
  const element = wrapper.querySelector('stat-callout')!;
  await element.updateComplete;
  return element;
}

const figureText = (element: StatCallout) =>
  element.shadowRoot!.querySelector('[part="value"]')!.textContent!.replace(/[ \t\n\r]+/g, ' ').trim();

describe('stat-callout', () => {
  it('is registered and exported under its tag', () => {
    expect(customElements.get('stat-callout')).to.equal(StatCallout);
    expect(document.createElement('stat-callout')).to.be.instanceOf(StatCallout);
  });

  it('formats numbers in the language of the nearest lang attribute', async () => {
    const en = await callout(html`<stat-callout value="7000"></stat-callout>`, 'en');
    const fr = await callout(html`<stat-callout value="7000"></stat-callout>`, 'fr');
    const uk = await callout(html`<stat-callout value="7000"></stat-callout>`, 'uk');
    expect(figureText(en)).to.equal('7,000');
    expect(figureText(fr)).to.equal(new Intl.NumberFormat('fr').format(7000));
    expect(figureText(fr)).to.match(/^7\s000$/u);
    expect(figureText(uk)).to.equal(new Intl.NumberFormat('uk').format(7000));
  });

  it('formats compact figures visibly short and spoken in full', async () => {
    const en = await callout(html`<stat-callout value="3000000" format="compact" prefix="Over"></stat-callout>`);
    const fr = await callout(html`<stat-callout value="3000000" format="compact"></stat-callout>`, 'fr');
    const uk = await callout(html`<stat-callout value="3000000" format="compact"></stat-callout>`, 'uk');
    expect(renderedText(en)).to.equal('Over 3M');
    expect(spokenText(en)).to.equal('Over 3 million');
    expect(renderedText(fr)).to.match(/^3\sM$/u);
    expect(spokenText(fr)).to.equal(new Intl.NumberFormat('fr', { notation: 'compact', compactDisplay: 'long' }).format(3e6));
    expect(spokenText(fr)).to.match(/^3\smillions$/u);
    expect(renderedText(uk)).to.match(/^3\sмлн$/u);
    expect(spokenText(uk)).to.match(/^3\sмільйон/u);
    expect(en.shadowRoot!.querySelector('data')!.getAttribute('value')).to.equal('3000000');
  });

  it('reads a compact figure in full around a slotted prefix and suffix, which it cannot copy', async () => {
    const element = await callout(html`<stat-callout value="3000000" format="compact"
      ><b slot="prefix">Over</b><i slot="suffix">+</i>refugees</stat-callout
    >`);
    expect(renderedText(element)).to.equal('Over 3M+ refugees');
    expect(spokenText(element)).to.equal('Over 3 million+ refugees');
    element.querySelector('b')!.remove();
    element.querySelector('i')!.remove();
    element.valuePrefix = 'About';
    await element.updateComplete;
    expect(renderedText(element)).to.equal('About 3M refugees');
    expect(spokenText(element)).to.equal('About 3 million refugees');
  });

  it('formats percentages, currencies, units and fraction digits', async () => {
    const percent = await callout(html`<stat-callout value="80" format="percent"></stat-callout>`);
    const percentFr = await callout(html`<stat-callout value="80" format="percent"></stat-callout>`, 'fr');
    const money = await callout(html`<stat-callout value="1500" currency="EUR"></stat-callout>`);
    const unit = await callout(html`<stat-callout value="12.345" unit="kilometer" maximum-fraction-digits="1"></stat-callout>`);
    expect(figureText(percent)).to.equal('80%');
    expect(figureText(percentFr)).to.match(/^80\s%$/u);
    expect(figureText(money)).to.equal('€1,500.00');
    expect(figureText(unit)).to.equal('12.3 km');
  });

  it('shows non-numeric or unformatted values as written', async () => {
    for (const value of ['about half', '3e6', '1,000', 'NaN', 'Infinity', '-Infinity', '1e400', '   ']) {
      const element = await callout(html`<stat-callout .value=${value}></stat-callout>`);
      expect(figureText(element), value).to.equal(value.trim());
      expect(element.shadowRoot!.querySelector('data')!.hasAttribute('value')).to.equal(false);
    }
    const none = await callout(html`<stat-callout value="7000" format="none"></stat-callout>`);
    expect(figureText(none)).to.equal('7000');
  });

  it('formats negative numbers and survives unknown formats, currencies and units', async () => {
    const negative = await callout(html`<stat-callout value="-1234.5"></stat-callout>`);
    expect(figureText(negative)).to.equal('-1,234.5');
    const unknownFormat = await callout(html`<stat-callout value="1234" format="bogus"></stat-callout>`);
    expect(figureText(unknownFormat)).to.equal('1,234');
    const badCurrency = await callout(html`<stat-callout value="1234" currency="NOT A CURRENCY"></stat-callout>`);
    expect(figureText(badCurrency)).to.equal('1,234');
    const badUnit = await callout(html`<stat-callout value="1234" unit="parsec-per-fortnight"></stat-callout>`);
    expect(figureText(badUnit)).to.equal('1,234');
    const badDigits = await callout(html`<stat-callout value="1.23456" maximum-fraction-digits="500"></stat-callout>`);
    expect(figureText(badDigits)).to.equal('1.235');
  });

  it('renders a localised source line, linking only safe URLs', async () => {
    const en = await callout(
      html`<stat-callout value="7000" source="Agence France-Presse" source-href="https://www.afp.com/">Ukrainian soldiers</stat-callout>`,
    );
    const source = en.shadowRoot!.querySelector('[part="source"]')!;
    expect(source.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Source: Agence France-Presse');
    expect(source.querySelector('a')!.getAttribute('href')).to.equal('https://www.afp.com/');

    const fr = await callout(html`<stat-callout value="7000" source="AFP"></stat-callout>`, 'fr');
    expect(fr.shadowRoot!.querySelector('[part="source"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Source : AFP');
    const uk = await callout(html`<stat-callout value="7000" source="AFP"></stat-callout>`, 'uk');
    expect(uk.shadowRoot!.querySelector('[part="source"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Джерело: AFP');

    const unsafe = await callout(html`<stat-callout value="1" source="AFP" source-href="javascript:alert(1)"></stat-callout>`);
    expect(unsafe.shadowRoot!.querySelector('a')).to.equal(null);
    expect(unsafe.shadowRoot!.querySelector('[part="source"]')!.textContent).to.contain('AFP');

    const none = await callout(html`<stat-callout value="1"></stat-callout>`);
    expect(none.shadowRoot!.querySelector('[part="source"]')!.checkVisibility()).to.equal(false);
  });

  it('shows a localised "as of" date with a machine-readable time', async () => {
    const en = await callout(html`<stat-callout value="1" source="UN" date="2022-03-15"></stat-callout>`);
    const time = en.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2022-03-15');
    expect(time.textContent).to.equal('as of March 15, 2022');
    const fr = await callout(html`<stat-callout value="1" date="2022-03-15"></stat-callout>`, 'fr');
    expect(fr.shadowRoot!.querySelector('time')!.textContent).to.equal('au 15 mars 2022');
    const uk = await callout(html`<stat-callout value="1" date="2022-03-15"></stat-callout>`, 'uk');
    expect(uk.shadowRoot!.querySelector('time')!.textContent).to.match(/^станом на 15 березня 2022/);
    const verbatim = await callout(html`<stat-callout value="1" date="spring 2022"></stat-callout>`);
    expect(verbatim.shadowRoot!.querySelector('time')!.hasAttribute('datetime')).to.equal(false);
    expect(verbatim.shadowRoot!.querySelector('time')!.textContent).to.equal('as of spring 2022');
    // The source and the date are joined with the separator of the language: Arabic has its own comma.
    const sourceLine = (element: StatCallout) => element.shadowRoot!.querySelector('[part="source"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(sourceLine(en)).to.equal('Source: UN, as of March 15, 2022');
    const ar = await callout(html`<stat-callout value="1" source="UN" date="spring 2022"></stat-callout>`, 'ar');
    expect(sourceLine(ar)).to.equal('Source: UN، as of spring 2022');
  });

  it('treats unset and null text properties as not given', async () => {
    const element = await callout(html`<stat-callout .value=${null} .valuePrefix=${null} .valueSuffix=${null} .label=${null}
      .source=${null} .sourceHref=${null} .date=${null}></stat-callout>`);
    expect(renderedText(element)).to.equal('');
    expect(element.shadowRoot!.querySelector('[part="source"]')!.checkVisibility()).to.equal(false);
    Object.assign(element, { value: '7000', valueSuffix: undefined, label: 'Ukrainian soldiers', source: 'AFP' });
    await element.updateComplete;
    expect(renderedText(element)).to.equal('7,000 Ukrainian soldiers Source: AFP');
  });

  it('reads in the order figure, label, source, with slots winning over attributes', async () => {
    const element = await callout(html`<stat-callout value="7000" label="ignored" source="AFP" prefix="ignored too">
      <span slot="prefix">Some</span>Ukrainian soldiers killed<span slot="source">Kyiv</span>
    </stat-callout>`);
    expect(renderedText(element)).to.equal('Some 7,000 Ukrainian soldiers killed Source: Kyiv');
  });

  it('notices parts the page slots in later, and shows the attribute again when they leave', async () => {
    const element = await callout(html`<stat-callout value="7000" label="soldiers" source="AFP"></stat-callout>`);
    expect(renderedText(element)).to.equal('7,000 soldiers Source: AFP');
    const link = Object.assign(document.createElement('a'), { slot: 'source', href: 'https://kyivindependent.com/', textContent: 'Kyiv Independent' });
    element.append(link);
    await waitUntil(() => renderedText(element).endsWith('Kyiv Independent'), 'the slotted source shows');
    expect(renderedText(element)).to.equal('7,000 soldiers Source: Kyiv Independent');
    const label = Object.assign(document.createElement('span'), { textContent: 'Ukrainian soldiers' });
    element.append(label);
    await waitUntil(() => renderedText(element).includes('Ukrainian'), 'the default slot wins over the label attribute');
    label.slot = 'prefix';
    await waitUntil(() => renderedText(element).startsWith('Ukrainian'), 'a changed slot attribute is noticed');
    expect(renderedText(element)).to.equal('Ukrainian soldiers 7,000 soldiers Source: Kyiv Independent');
    link.remove();
    label.remove();
    await waitUntil(() => renderedText(element) === '7,000 soldiers Source: AFP', 'the attributes show again');
  });

  it('uses the label attribute when there is no slotted label, even with blank text around', async () => {
    const element = await callout(html`<stat-callout value="80" format="percent" label="of the occupied territory">
    </stat-callout>`);
    expect(renderedText(element)).to.equal('80% of the occupied territory');
  });

  it('updates when the nearest lang changes and when a page registers a language', async () => {
    const element = await callout(html`<stat-callout value="7000" source="AFP"></stat-callout>`);
    const wrapper = element.parentElement!;
    wrapper.lang = 'de';
    await langChangeRendered(element);
    expect(figureText(element)).to.equal('7.000');
    expect(element.shadowRoot!.querySelector('[part="source"]')!.textContent).to.contain('Source:');
    registerTranslation({ $code: 'de', sourceLabel: 'Quelle:' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="source"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Quelle: AFP');
  });

  it('takes prefix and animate written as properties, as React 19 and Vue write them, keeping the DOM members', async () => {
    const element = await callout(html`<stat-callout value="7000">soldiers</stat-callout>`);
    const asFrameworksWrite = element as unknown as Record<string, unknown>;
    asFrameworksWrite.prefix = 'Over';
    asFrameworksWrite.animate = true;
    await element.updateComplete;
    expect(element.valuePrefix).to.equal('Over');
    expect(element.countUp).to.equal(true);
    expect(figureText(element)).to.match(/^Over 7,000/);
    expect(element.prefix).to.equal(null);
    expect(typeof element.animate).to.equal('function');
    expect(element.animate([{ opacity: 1 }, { opacity: 1 }], { duration: 1 })).to.be.instanceOf(Animation);
  });

  it('passes axe with every part shown, in each built-in language', async () => {
    for (const lang of ['en', 'fr', 'uk']) {
      const element = await callout(
        html`<stat-callout value="3000000" format="compact" prefix="Over" source="AFP" source-href="https://www.afp.com/"
          date="2022-03-15">Ukrainians who fled</stat-callout>`,
        lang,
      );
      await expectAccessible(element);
    }
  });

  it('counts up only without reduced motion, keeping the final value readable and the box the same size', async () => {
    const element = await callout(html`<stat-callout value="7000" animate>soldiers</stat-callout>`);
    const box = element.getBoundingClientRect();
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const ticker = element.shadowRoot!.querySelector('.ticker');
    if (reduced) {
      expect(ticker).to.equal(null);
    } else {
      expect(ticker).to.exist;
      expect(ticker!.getAttribute('aria-hidden')).to.equal('true');
    }
    // The settled value is always in the accessibility tree, whatever the ticker shows.
    expect(element.shadowRoot!.querySelector('.number > span')!.textContent!.trim()).to.equal('7,000');
    const settled = new Promise<void>((resolve) => {
      const check = () => (element.shadowRoot!.querySelector('.ticker') ? requestAnimationFrame(check) : resolve());
      check();
    });
    await settled;
    await element.updateComplete;
    expect(element.getBoundingClientRect().height).to.equal(box.height);
    expect(figureText(element)).to.equal('7,000');
  });

  it('counts up once seen, even when moved in the page before then', async () => {
    const hidden = await fixture<HTMLElement>(html`<div hidden><stat-callout value="7000" animate>soldiers</stat-callout></div>`);
    const element = hidden.querySelector('stat-callout')!;
    await element.updateComplete;
    // The element asked for the module first, so it has set up its counter by the time this import resolves.
    await import('../../src/components/stat-callout/count-up.js');
    // Moved (as a framework reordering a list would) while it has not been seen: it must count once it is.
    hidden.after(element);
    await waitUntil(() => !element.shadowRoot!.querySelector('.ticker'), 'the count reaches the figure', { timeout: 5000 });
    expect(figureText(element)).to.equal('7,000');
  });

  it('never injects markup or runs script from hostile attributes or slots', async () => {
    for (const hostile of HOSTILE_STRINGS) {
      const element = await callout(html`<stat-callout .value=${hostile} .valuePrefix=${hostile} .valueSuffix=${hostile} .label=${hostile}
        .source=${hostile} .sourceHref=${hostile} .date=${hostile} .currency=${hostile} .unit=${hostile} .format=${hostile as 'number'}
      ></stat-callout>`);
      const shadow = element.shadowRoot!;
      expect(shadow.querySelectorAll('img, script, svg, iframe').length).to.equal(0);
      // A hostile string may still be a harmless relative path; what must never survive is another scheme.
      for (const link of shadow.querySelectorAll('a')) expect(['http:', 'https:']).to.include(link.protocol);
      expect(figureText(element)).to.contain(hostile.trim().replace(/\s+/g, ' '));
    }
    const huge = 'x'.repeat(100_000);
    const element = await callout(html`<stat-callout .value=${huge} .label=${huge}></stat-callout>`);
    expect(figureText(element).length).to.equal(100_000);
    expect(xssTrapped()).to.equal(false);
  });
});

/** Waits for the re-render a lang change triggers: the MutationObserver's microtask, then the Lit update. */
async function langChangeRendered(element: StatCallout): Promise<void> {
  await Promise.resolve();
  await element.updateComplete;
}
