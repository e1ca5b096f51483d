import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/pull-quote/define.js';
import '../../src/components/stat-callout/define.js';
import '../../src/components/speaker-caption/define.js';
import '../../src/components/fact-box/define.js';
import { quotationData, statisticData, structuredDataOf, type QuotationData } from '../../src/structured-data.js';

// structuredDataOf() reads an element as the element reads itself: attributes, and light-DOM text that wins over them.
// Each case is read twice: upgraded in this page (the elements are defined above) and not upgraded, parsed into an
// inert document where no element is ever defined.

const LE_DRIAN = `<pull-quote speaker="Jean-Yves  Le Drian" job-title="Minister of Foreign Affairs of the French Republic"
    source="Le Parisien" date="2022-03-17" cite="https://www.leparisien.fr/">
  <p><span lang="fr">[Cette approche prévoit]</span> indiscriminate
     bombardments… and talks with no other objective than to pretend to negotiate.</p>
</pull-quote>`;

const SLOTTED_QUOTE = `<pull-quote speaker="Not this name" job-title="Not this title" date="2000-01-01">
  <p>The actions that we see Russia committing every day…</p>
  <p>…are in complete contradiction to any serious diplomatic effort.</p>
  <span slot="speaker">Antony <b>Blinken</b></span>
  <span slot="job-title">US Secretary
    of State</span>
  <time slot="date">2022-03-17</time>
  <cite slot="source">Press briefing</cite>
  <span data-generated>“</span>
</pull-quote>`;

const GENERATED_ONLY = `<pull-quote speaker="Antony Blinken" job-title="US Secretary of State">
  <span slot="speaker" data-generated>Someone else</span><span slot="job-title" data-generated>Other title</span>
  <p>Quoted <span data-generated>(generated)</span>words.</p>
</pull-quote>`;

const CAPTIONED = `<pull-quote speaker="Not this name" cite="https://www.state.gov/">
  <p lang="uk">Дії, які ми бачимо щодня…</p>
  <speaker-caption slot="attribution" job-title="Державний секретар США"><span slot="name">Ентоні Блінкен</span></speaker-caption>
</pull-quote>`;

const AFP_ATTRIBUTES = `<stat-callout value="3000000" format="compact" prefix="Over" label="Ukrainians who fled the country"
    source="Agence France-Presse" source-href="https://www.afp.com/" date="2022-03-15"></stat-callout>`;

const AFP_SLOTTED = `<stat-callout value="1" label="not this label" prefix="not this prefix" source="not this source"
    source-href="https://not-this.example/" date="2000-01-01">
  <span slot="prefix">Plus de</span><span slot="value">3 millions</span>
  d’Ukrainiens <em>partis</em> en exil
  <a slot="source" href="https://www.afp.com/">AFP</a><span slot="date">2022-03-15</span>
</stat-callout>`;

const PERCENT = `<stat-callout value="80" format="percent" source="Mariupol City Hall estimates" source-href="javascript:alert(1)">
  of Mariupol’s housing destroyed
</stat-callout>`;

/** The first element of markup parsed into a document with no custom element definitions: it never upgrades. */
function inert(markup: string, lang: string): Element {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = `<div lang="${lang}">${markup}</div>`;
  return doc.body.firstElementChild!.firstElementChild!;
}

/** The first element of markup in this page, upgraded and rendered. */
async function live(markup: string, lang: string): Promise<Element> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = markup;
  const element = wrapper.firstElementChild!;
  await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  expect(element.shadowRoot, 'upgraded').to.exist;
  return element;
}

/** Reads the element in both states and checks they agree; returns the data. */
async function read(markup: string, lang = 'en') {
  const before = structuredDataOf(inert(markup, lang));
  const after = structuredDataOf(await live(markup, lang));
  expect(after).to.deep.equal(before);
  return after;
}

describe('structuredDataOf', () => {
  it('reads an attribute-only pull-quote: the quote text, speaker, job title, source, date, URL and language', async () => {
    expect(await read(LE_DRIAN)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Quotation',
      text: '[Cette approche prévoit] indiscriminate bombardments… and talks with no other objective than to pretend to negotiate.',
      creator: { '@type': 'Person', name: 'Jean-Yves Le Drian', jobTitle: 'Minister of Foreign Affairs of the French Republic' },
      dateCreated: '2022-03-17',
      isBasedOn: 'https://www.leparisien.fr/',
      citation: { '@type': 'CreativeWork', name: 'Le Parisien' },
      inLanguage: 'en',
    });
  });

  it('reads a slotted pull-quote: each slot wins over its attribute, paragraphs stay apart, white space is folded', async () => {
    expect(await read(SLOTTED_QUOTE)).to.deep.equal(
      quotationData({
        text: 'The actions that we see Russia committing every day… …are in complete contradiction to any serious diplomatic effort.',
        speaker: 'Antony Blinken',
        jobTitle: 'US Secretary of State',
        date: '2022-03-17',
        source: 'Press briefing',
        lang: 'en',
      }),
    );
  });

  it('leaves out children the element generated (data-generated): their attributes give the text', async () => {
    expect(await read(GENERATED_ONLY)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Quotation',
      text: 'Quoted words.',
      creator: { '@type': 'Person', name: 'Antony Blinken', jobTitle: 'US Secretary of State' },
      inLanguage: 'en',
    });
  });

  it('names the speaker of a slotted speaker-caption, and takes the quotation’s own language', async () => {
    expect(await read(CAPTIONED, 'en')).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Quotation',
      text: 'Дії, які ми бачимо щодня…',
      creator: { '@type': 'Person', name: 'Ентоні Блінкен', jobTitle: 'Державний секретар США' },
      isBasedOn: 'https://www.state.gov/',
      inLanguage: 'uk',
    });
  });

  it('reads the original of a translated quote, slotted or given as attributes, with its language', async () => {
    const original = {
      '@type': 'Quotation',
      text: '[Cette approche prévoit] des bombardements indiscriminés…',
      creator: { '@type': 'Person', name: 'Jean-Yves Le Drian' },
      inLanguage: 'fr',
    };
    const slotted = `<pull-quote speaker="Jean-Yves Le Drian" original="Not this text" original-lang="de"><p>[Cette approche prévoit] indiscriminate bombardments…</p>
      <blockquote slot="original" lang="fr">[Cette approche prévoit] des bombardements
        indiscriminés…</blockquote></pull-quote>`;
    expect(((await read(slotted, 'en')) as QuotationData).translationOfWork).to.deep.equal(original);
    const attributes = `<pull-quote speaker="Jean-Yves Le Drian" original="[Cette approche prévoit] des bombardements indiscriminés…"
      original-lang="fr"><p>[Cette approche prévoit] indiscriminate bombardments…</p></pull-quote>`;
    expect(((await read(attributes, 'en')) as QuotationData).translationOfWork).to.deep.equal(original);
  });

  it('resolves a relative cite against the page, as its link does, and drops a javascript: one', async () => {
    const relative = await live('<pull-quote cite="../briefing?id=1"><p>Quoted.</p></pull-quote>', 'en');
    expect(structuredDataOf(relative)).to.have.property('isBasedOn', new URL('../briefing?id=1', document.baseURI).href);
    const unsafe = await live('<pull-quote cite="javascript:alert(1)"><p>Quoted.</p></pull-quote>', 'en');
    expect(structuredDataOf(unsafe)).not.to.have.property('isBasedOn');
  });

  it('reads an attribute-only stat-callout: the figure, what it counts, the source, its link and date', async () => {
    expect(await read(AFP_ATTRIBUTES)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Claim',
      text: 'Over 3 million Ukrainians who fled the country',
      about: { '@type': 'Observation', value: 3000000, variableMeasured: 'Ukrainians who fled the country', observationDate: '2022-03-15' },
      isBasedOn: 'https://www.afp.com/',
      citation: { '@type': 'CreativeWork', name: 'Agence France-Presse' },
      inLanguage: 'en',
    });
  });

  it('reads a slotted stat-callout: a slotted figure as written, the default slot as the label, the slotted source’s link', async () => {
    expect(await read(AFP_SLOTTED, 'fr')).to.deep.equal(
      statisticData({
        value: '3 millions',
        format: 'none',
        prefix: 'Plus de',
        label: 'd’Ukrainiens partis en exil',
        source: 'AFP',
        sourceHref: 'https://www.afp.com/',
        date: '2022-03-15',
        lang: 'fr',
      }),
    );
    expect(await read(AFP_SLOTTED, 'fr')).to.have.nested.property('about.value', '3 millions');
  });

  it('reads a percentage in the page’s language, without a source link that is not http(s)', async () => {
    const data = await read(PERCENT, 'uk');
    expect(data).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Claim',
      text: `${new Intl.NumberFormat('uk', { style: 'percent' }).format(0.8)} of Mariupol’s housing destroyed`,
      about: { '@type': 'Observation', value: 80, variableMeasured: 'of Mariupol’s housing destroyed', unitCode: 'P1' },
      citation: { '@type': 'CreativeWork', name: 'Mariupol City Hall estimates' },
      inLanguage: 'uk',
    });
  });

  it('gives undefined for any other element', async () => {
    const box = await fixture(html`<fact-box heading="Learn more"></fact-box>`);
    const caption = await fixture(html`<speaker-caption name="Antony Blinken"></speaker-caption>`);
    for (const element of [box, caption, document.createElement('div'), document.createElement('blockquote')]) {
      expect(structuredDataOf(element), element.localName).to.equal(undefined);
    }
  });

  it('changes nothing in the page', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    wrapper.innerHTML = `${LE_DRIAN}${SLOTTED_QUOTE}${CAPTIONED}${AFP_SLOTTED}${PERCENT}`;
    await Promise.all([...wrapper.children].map((element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete));
    const before = wrapper.innerHTML;
    const observer = new MutationObserver(() => undefined);
    observer.observe(wrapper, { subtree: true, childList: true, attributes: true, characterData: true });
    const read = [...wrapper.children].map((element) => structuredDataOf(element));
    const records = observer.takeRecords();
    observer.disconnect();
    expect(read.every((data) => data !== undefined)).to.be.true;
    expect(records).to.have.length(0);
    expect(wrapper.innerHTML).to.equal(before);
  });
});
