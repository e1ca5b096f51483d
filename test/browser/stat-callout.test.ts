import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/stat-callout/define.js';
import { StatCallout } from '../../src/components/stat-callout/stat-callout.js';
import { registerTranslation } from '../../src/internal/localize.js';
import {
  expectAccessible,
  generatedChildren,
  HOSTILE_STRINGS,
  partText,
  renderedText,
  shownElements,
  spokenText,
  xssTrapped,
} from './helpers.js';

async function callout(markup: ReturnType<typeof html>, lang = 'en'): Promise<StatCallout> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>${markup}</div>`);
  const element = wrapper.querySelector('stat-callout')!;
  await element.updateComplete;
  return element;
}

/**
 * The text of a node as the flat tree shows it (a slot shows its assigned nodes, generated or the page's, else its
 * fallback), visually hidden text included.
 */
function composedText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const assigned = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : [];
  return (assigned.length > 0 ? assigned : Array.from(node.childNodes)).map(composedText).join('');
}

/** The figure as the reader sees it, wherever its words live; only ASCII white space is folded, so that the no-break
 * spaces of a formatted number ("7 000" in French) are kept. */
const figureText = (element: StatCallout) =>
  composedText(element.shadowRoot!.querySelector('[part="value"]')!).replace(/[ \t\n\r]+/g, ' ').trim();

/** Words of a text, white space folded. */
const words = (text: string | null) => (text ?? '').split(/\s+/).filter(Boolean);

/** The generated children, in the order they are in the light DOM: their `slot`s. */
const generatedOrder = (element: HTMLElement) => Array.from(element.querySelectorAll(':scope > [data-generated]'), (child) => child.slot);

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
    expect(partText(en, 'source')).to.equal('Source: Agence France-Presse');
    // One link in what the reader sees: the generated source line's, in the light DOM.
    const links = shownElements(en, 'a');
    expect(links).to.have.length(1);
    expect(links[0].getAttribute('href')).to.equal('https://www.afp.com/');
    expect(links[0].textContent).to.equal('Agence France-Presse');
    expect(links[0].parentElement!.matches('[slot="source-line"][data-generated]')).to.equal(true);
    expect(links[0].parentElement!.parentElement).to.equal(en);

    const fr = await callout(html`<stat-callout value="7000" source="AFP"></stat-callout>`, 'fr');
    expect(partText(fr, 'source')).to.equal('Source : AFP');
    const uk = await callout(html`<stat-callout value="7000" source="AFP"></stat-callout>`, 'uk');
    expect(partText(uk, 'source')).to.equal('Джерело: AFP');

    // No link anywhere: not in the flat tree, not in the light DOM, not in the shadow tree.
    const unsafe = await callout(html`<stat-callout value="1" source="AFP" source-href="javascript:alert(1)"></stat-callout>`);
    expect(shownElements(unsafe, 'a')).to.deep.equal([]);
    expect(unsafe.querySelector('a')).to.equal(null);
    expect(unsafe.shadowRoot!.querySelector('a')).to.equal(null);
    expect(partText(unsafe, 'source')).to.equal('Source: AFP');

    const none = await callout(html`<stat-callout value="1"></stat-callout>`);
    expect(none.shadowRoot!.querySelector('[part="source"]')!.checkVisibility()).to.equal(false);
    expect(generatedChildren(none)).to.deep.equal({ figure: '1' });
  });

  it('shows a localised "as of" date with a machine-readable time', async () => {
    /** The one `<time>` the reader sees. */
    const timeOf = (element: StatCallout) => {
      const times = shownElements(element, 'time');
      expect(times).to.have.length(1);
      return times[0];
    };
    const en = await callout(html`<stat-callout value="1" source="UN" date="2022-03-15"></stat-callout>`);
    const time = timeOf(en);
    expect(time.getAttribute('datetime')).to.equal('2022-03-15');
    expect(time.textContent).to.equal('as of March 15, 2022');
    // It is the generated source line's, in the light DOM where Reader View and crawlers read it.
    expect(time.closest('[data-generated]')!.getAttribute('slot')).to.equal('source-line');
    expect(en.querySelector(':scope > [slot="source-line"] time')).to.equal(time);
    const fr = await callout(html`<stat-callout value="1" date="2022-03-15"></stat-callout>`, 'fr');
    expect(timeOf(fr).textContent).to.equal('au 15 mars 2022');
    expect(timeOf(fr).getAttribute('datetime')).to.equal('2022-03-15');
    const uk = await callout(html`<stat-callout value="1" date="2022-03-15"></stat-callout>`, 'uk');
    expect(timeOf(uk).textContent).to.match(/^станом на 15 березня 2022/);
    const verbatim = await callout(html`<stat-callout value="1" date="spring 2022"></stat-callout>`);
    expect(timeOf(verbatim).hasAttribute('datetime')).to.equal(false);
    expect(timeOf(verbatim).textContent).to.equal('as of spring 2022');
    // The source and the date are joined with the separator of the language: Arabic has its own comma.
    expect(partText(en, 'source')).to.equal('Source: UN, as of March 15, 2022');
    const ar = await callout(html`<stat-callout value="1" source="UN" date="spring 2022"></stat-callout>`, 'ar');
    expect(partText(ar, 'source')).to.equal('Source: UN، as of spring 2022');
  });

  it('treats unset and null text properties as not given', async () => {
    const element = await callout(html`<stat-callout .value=${null} .valuePrefix=${null} .valueSuffix=${null} .label=${null}
      .source=${null} .sourceHref=${null} .date=${null}></stat-callout>`);
    expect(renderedText(element)).to.equal('');
    expect(generatedChildren(element)).to.deep.equal({});
    expect(element.shadowRoot!.querySelector('[part="source"]')!.checkVisibility()).to.equal(false);
    Object.assign(element, { value: '7000', valueSuffix: undefined, label: 'Ukrainian soldiers', source: 'AFP' });
    await element.updateComplete;
    expect(renderedText(element)).to.equal('7,000 Ukrainian soldiers Source: AFP');
    expect(generatedChildren(element)).to.deep.equal({ figure: '7,000', label: 'Ukrainian soldiers', 'source-line': 'Source: AFP' });
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
    expect(partText(element, 'source')).to.equal('Source: AFP');
    registerTranslation({ $code: 'de', sourceLabel: 'Quelle:' });
    await element.updateComplete;
    expect(partText(element, 'source')).to.equal('Quelle: AFP');
    expect(generatedChildren(element)).to.deep.equal({ figure: '7.000', 'source-line': 'Quelle: AFP' });
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
    // The settled value is always in the accessibility tree, whatever the ticker shows: the generated figure, shown
    // in the (invisible, not hidden) box the ticker is drawn over.
    const counting = element.shadowRoot!.querySelector('.number > span')!;
    expect(composedText(counting).trim()).to.equal('7,000');
    expect(counting.closest('[aria-hidden="true"]')).to.equal(null);
    expect(element.querySelector(':scope > [slot="figure"][data-generated]')!.assignedSlot!.closest('.number > span')).to.equal(counting);
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
      // Neither in the shadow tree nor among the children it generates into the light DOM.
      const dangerous = 'img, script, svg, iframe, object, embed';
      expect(shownElements(element, dangerous)).to.deep.equal([]);
      expect(element.shadowRoot!.querySelectorAll(dangerous).length).to.equal(0);
      expect(element.querySelectorAll(dangerous).length).to.equal(0);
      // A hostile string may still be a harmless relative path; what must never survive is another scheme.
      const links = [...shownElements(element, 'a'), ...element.shadowRoot!.querySelectorAll('a'), ...element.querySelectorAll('a')];
      for (const link of links) expect(['http:', 'https:']).to.include((link as HTMLAnchorElement).protocol);
      for (const child of element.querySelectorAll('[data-generated] *')) expect(['a', 'time']).to.include(child.localName);
      expect(figureText(element)).to.contain(hostile.trim().replace(/\s+/g, ' '));
    }
    const huge = 'x'.repeat(100_000);
    const element = await callout(html`<stat-callout .value=${huge} .label=${huge}></stat-callout>`);
    expect(figureText(element).length).to.equal(100_000);
    expect(xssTrapped()).to.equal(false);
  });
});

describe('stat-callout: its words in the light DOM (issue #16)', () => {
  const full = (lang = 'en') =>
    callout(
      html`<stat-callout value="3000000" format="compact" prefix="Over" label="Ukrainians who fled" source="AFP"
        source-href="https://www.afp.com/" date="2022-03-15"></stat-callout>`,
      lang,
    );

  it('generates one child per region from the attributes, in reading order, with the words on screen', async () => {
    const element = await full();
    expect(generatedOrder(element)).to.deep.equal(['figure', 'label', 'source-line']);
    expect(generatedChildren(element)).to.deep.equal({
      figure: 'Over 3M',
      label: 'Ukrainians who fled',
      'source-line': 'Source: AFP, as of March 15, 2022',
    });
    // Each is laid out where its region is, and seen.
    for (const child of element.querySelectorAll<HTMLElement>(':scope > [data-generated]')) {
      expect(child.assignedSlot, child.slot).to.equal(element.shadowRoot!.querySelector(`slot[name="${child.slot}"]`));
      expect(child.checkVisibility(), child.slot).to.equal(true);
      expect(child.getClientRects().length, child.slot).to.be.greaterThan(0);
    }
    // The page gave no children: the element's light DOM is its generated children (and the blank text between).
    for (const node of element.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) expect((node as Element).hasAttribute('data-generated')).to.equal(true);
      if (node.nodeType === Node.TEXT_NODE) expect(node.textContent!.trim()).to.equal('');
    }
  });

  it('holds every word it shows in its light DOM, in the order shown, in each built-in language', async () => {
    for (const lang of ['en', 'fr', 'uk']) {
      const element = await full(lang);
      expect(words(renderedText(element)).length, lang).to.be.greaterThan(5);
      // What Reader View, translation tools and crawlers read (the light DOM only) is what the reader sees.
      expect(words(element.textContent), lang).to.deep.equal(words(renderedText(element)));
    }
    const plain = await callout(html`<stat-callout value="7000" label="Ukrainian soldiers" source="AFP" date="spring 2022"></stat-callout>`);
    expect(words(plain.textContent)).to.deep.equal(words('7,000 Ukrainian soldiers Source: AFP, as of spring 2022'));
    expect(words(plain.textContent)).to.deep.equal(words(renderedText(plain)));
  });

  it('says each word once to assistive technology, the compact figure in full', async () => {
    const element = await full();
    expect(spokenText(element)).to.equal('Over 3 million Ukrainians who fled Source: AFP, as of March 15, 2022');
    const plain = await callout(html`<stat-callout value="7000" label="Ukrainian soldiers" source="AFP"></stat-callout>`);
    expect(spokenText(plain)).to.equal('7,000 Ukrainian soldiers Source: AFP');
    // The shadow tree keeps no copy of the generated words as fallback text.
    for (const word of ['Ukrainian', 'AFP', 'Source', '7,000']) expect(plain.shadowRoot!.textContent, word).not.to.contain(word);
  });

  it('reads its words in the order shown around a label the page gives as text, also one given later', async () => {
    // As every example in the README writes it.
    const element = await callout(html`<stat-callout value="3000000" format="compact" prefix="Over" source="Agence France-Presse"
      source-href="https://www.afp.com/">Ukrainians who fled the country</stat-callout>`);
    expect(renderedText(element)).to.equal('Over 3M Ukrainians who fled the country Source: Agence France-Presse');
    expect(words(element.textContent)).to.deep.equal(words(renderedText(element)));
    const later = await callout(html`<stat-callout value="7000" source="AFP"></stat-callout>`);
    later.append('Ukrainian soldiers');
    await waitUntil(() => renderedText(later) === '7,000 Ukrainian soldiers Source: AFP', 'the label shows');
    await later.updateComplete;
    expect(words(later.textContent)).to.deep.equal(words(renderedText(later)));
    expect(later.querySelectorAll(':scope > [data-generated]')).to.have.length(2);
  });

  it('keeps its words when the page replaces its children, as React and Vue do for a text child', async () => {
    const element = await callout(html`<stat-callout value="7000" source="AFP">soldiers</stat-callout>`);
    // React's setTextContent and Vue's setElementText, when the text child changes.
    element.textContent = 'Ukrainian soldiers';
    await waitUntil(() => renderedText(element) === '7,000 Ukrainian soldiers Source: AFP', 'the figure and the source line are generated again');
    expect(generatedChildren(element)).to.deep.equal({ figure: '7,000', 'source-line': 'Source: AFP' });
    expect(words(element.textContent)).to.deep.equal(words(renderedText(element)));
    // Nothing of the page's left: only the generated children went.
    element.replaceChildren();
    await waitUntil(() => renderedText(element) === '7,000 Source: AFP', 'the figure and the source line are generated again');
    element.label = 'soldiers';
    await element.updateComplete;
    expect(generatedChildren(element)).to.deep.equal({ figure: '7,000', label: 'soldiers', 'source-line': 'Source: AFP' });
    expect(element.querySelectorAll(':scope > [data-generated]')).to.have.length(3);
    expect(words(element.textContent)).to.deep.equal(words(renderedText(element)));
  });

  it('generates no child for a region the page slots, and generates it again once that part leaves', async () => {
    const element = await callout(html`<stat-callout value="7000" prefix="Over" label="soldiers" source="AFP" date="2022-03-15"
      ><b slot="value">seven thousand</b><span slot="label">Ukrainian soldiers</span><a slot="source" href="https://kyivindependent.com/"
        >Kyiv Independent</a
      ></stat-callout
    >`);
    expect(generatedChildren(element)).to.deep.equal({});
    expect(renderedText(element)).to.equal('Over seven thousand Ukrainian soldiers Source: Kyiv Independent, as of March 15, 2022');
    // The link the reader sees is the page's own.
    expect(shownElements(element, 'a')).to.deep.equal([element.querySelector('a[slot="source"]')]);

    element.querySelector('[slot="label"]')!.remove();
    await waitUntil(() => generatedChildren(element).label === 'soldiers', 'the label is generated again');
    expect(generatedOrder(element)).to.deep.equal(['label']);
    element.querySelector('[slot="value"]')!.remove();
    await waitUntil(() => generatedChildren(element).figure === 'Over 7,000', 'the figure is generated again');
    element.querySelector('[slot="source"]')!.remove();
    await waitUntil(() => 'source-line' in generatedChildren(element), 'the source line is generated again');
    expect(generatedOrder(element)).to.deep.equal(['figure', 'label', 'source-line']);
    expect(generatedChildren(element)['source-line']).to.equal('Source: AFP, as of March 15, 2022');
    expect(renderedText(element)).to.equal('Over 7,000 soldiers Source: AFP, as of March 15, 2022');

    // Slotted again, later: the generated child gives way, once.
    const label = Object.assign(document.createElement('span'), { textContent: 'Ukrainian soldiers' });
    element.append(label);
    await waitUntil(() => !('label' in generatedChildren(element)), 'the default slot wins over the label attribute');
    expect(generatedOrder(element)).to.deep.equal(['figure', 'source-line']);
    expect(renderedText(element)).to.equal('Over 7,000 Ukrainian soldiers Source: AFP, as of March 15, 2022');
    label.slot = 'prefix';
    await waitUntil(() => !('figure' in generatedChildren(element)), 'a slotted prefix takes the figure region');
    expect(renderedText(element)).to.equal('Ukrainian soldiers 7,000 soldiers Source: AFP, as of March 15, 2022');
  });

  it('generates no source line for a slotted date, and none at all for a slotted source line', async () => {
    const date = await callout(html`<stat-callout value="1" source="UN"><span slot="date">last spring</span></stat-callout>`);
    expect(generatedChildren(date)).to.deep.equal({ figure: '1' });
    expect(partText(date, 'source')).to.equal('Source: UN, last spring');
    const line = await callout(html`<stat-callout value="1" source="UN" date="2022-03-15"><p slot="source-line">UN figures</p></stat-callout>`);
    expect(generatedChildren(line)).to.deep.equal({ figure: '1' });
    expect(partText(line, 'source')).to.equal('UN figures');
  });

  it('rewrites its generated children when an attribute or the language changes', async () => {
    const element = await callout(html`<stat-callout value="7000" label="soldiers" source="AFP"></stat-callout>`);
    const figure = element.querySelector(':scope > [slot="figure"]');
    element.setAttribute('value', '8000');
    element.setAttribute('label', 'Ukrainian soldiers');
    element.setAttribute('source', 'Reuters');
    await element.updateComplete;
    expect(generatedChildren(element)).to.deep.equal({ figure: '8,000', label: 'Ukrainian soldiers', 'source-line': 'Source: Reuters' });
    // Updated in place, not added beside the old ones.
    expect(element.querySelector(':scope > [slot="figure"]')).to.equal(figure);
    expect(element.querySelectorAll(':scope > [data-generated]')).to.have.length(3);

    element.removeAttribute('label');
    element.removeAttribute('source');
    await element.updateComplete;
    expect(generatedChildren(element)).to.deep.equal({ figure: '8,000' });

    element.setAttribute('source', 'AFP');
    element.parentElement!.lang = 'fr';
    await langChangeRendered(element);
    const sourceLine = element.querySelector(':scope > [slot="source-line"]')!;
    expect(sourceLine.textContent!.replace(/[ \t\n\r]+/g, ' ').trim()).to.equal('Source\u00a0: AFP');
    expect(figureText(element)).to.equal(new Intl.NumberFormat('fr').format(8000));
    expect(element.querySelector(':scope > [slot="figure"]')!.textContent).to.equal(new Intl.NumberFormat('fr').format(8000));
  });

  it("keeps the page's styles for paragraphs and spans off its generated children", async () => {
    const markup = html`<stat-callout value="7000" prefix="Over" label="Ukrainian soldiers" source="AFP" source-href="https://www.afp.com/"
      date="2022-03-15"></stat-callout>`;
    const element = await callout(markup);
    const style = (child: Element) => {
      const { color, display, fontSize, fontWeight, marginTop } = getComputedStyle(child);
      return { color, display, fontSize, fontWeight, marginTop };
    };
    const styles = () => Array.from(element.querySelectorAll(':scope > [data-generated]'), style);
    const unstyled = styles();
    const height = element.getBoundingClientRect().height;
    expect(unstyled).to.have.length(3);
    const sheet = document.createElement('style');
    sheet.textContent = `p, span { display: block; margin: 3em; font-size: 5em; font-weight: 100; color: rgb(255, 0, 0); }`;
    document.head.append(sheet);
    try {
      expect(styles()).to.deep.equal(unstyled);
      expect(element.getBoundingClientRect().height).to.equal(height);
    } finally {
      sheet.remove();
    }
  });

  it('adopts the children a server generated, without duplicates', async () => {
    // The markup a server writes with renderLight(): the generated children, without the element's module having run.
    const light = `<span slot="figure" data-generated>7,000</span> <span slot="label" data-generated>Ukrainian soldiers</span>
      <span slot="source-line" data-generated>Source: <a href="https://www.afp.com/">AFP</a></span>`;
    const attributes = 'value="7000" label="Ukrainian soldiers" source="AFP" source-href="https://www.afp.com/"';
    // Plain markup, and markup with the declarative shadow root a server renders (the element then reads its light
    // DOM only after its first update, as hydration needs).
    for (const shadow of ['', '<template shadowrootmode="open"></template>']) {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"></div>`);
      wrapper.setHTMLUnsafe(`<stat-callout ${attributes}>${shadow}${light}</stat-callout>`);
      const element = wrapper.querySelector('stat-callout')!;
      // Firefox upgrades the parsed element a microtask later.
      await waitUntil(() => element instanceof StatCallout && element.hasUpdated && !element.isUpdatePending, 'the element settles');
      expect(generatedOrder(element), shadow).to.deep.equal(['figure', 'label', 'source-line']);
      expect(generatedChildren(element), shadow).to.deep.equal({ figure: '7,000', label: 'Ukrainian soldiers', 'source-line': 'Source: AFP' });
      expect(renderedText(element), shadow).to.equal('7,000 Ukrainian soldiers Source: AFP');
      expect(words(element.textContent), shadow).to.deep.equal(words(renderedText(element)));
      expect(shownElements(element, 'a'), shadow).to.have.length(1);
      // And it keeps them up to date from then on.
      element.label = 'soldiers';
      await element.updateComplete;
      expect(generatedChildren(element).label, shadow).to.equal('soldiers');
      expect(element.querySelectorAll(':scope > [slot="label"]'), shadow).to.have.length(1);
    }
  });

  it('passes axe with its words generated from attributes, and with every part slotted', async () => {
    await expectAccessible(await full());
    const slotted = await callout(html`<stat-callout value="3000000" format="compact"
      ><span slot="prefix">Over</span><span slot="label">Ukrainians who fled</span><a slot="source" href="https://www.afp.com/">AFP</a
      ><span slot="date">in March</span></stat-callout
    >`);
    expect(generatedChildren(slotted)).to.deep.equal({});
    await expectAccessible(slotted);
  });
});

/** Waits for the re-render a lang change triggers: the MutationObserver's microtask, then the Lit update. */
async function langChangeRendered(element: StatCallout): Promise<void> {
  await Promise.resolve();
  await element.updateComplete;
}
