// newsroom-elements/structured-data as the package ships it (dist/, built by `npm test` first): the schema.org shape of
// each builder's output, property by property against schema.org's vocabulary; URL safety; the escaping of the JSON-LD
// script; and the demo's pages, fetched from the real demo server, carrying their NewsArticle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jsonLdScript, newsArticleData, quotationData, statisticData } from 'newsroom-elements/structured-data';
import { en } from '../../demo/content/en.js';
import { fr } from '../../demo/content/fr.js';
import { uk } from '../../demo/content/uk.js';
import type { ArticleContent } from '../../demo/content/types.js';
import { startTestDemo, type TestDemo } from './demo/support.js';

/**
 * An excerpt of schema.org's vocabulary, release 30.0 (https://github.com/schemaorg/schemaorg,
 * data/releases/30.0/schemaorg-current-https.jsonld): for each type this module emits, properties that type has
 * (`schema:domainIncludes` the type or one of its supertypes) and each property's `schema:rangeIncludes`. Quotation,
 * Claim and Observation, and jobTitle, spokenByCharacter, appearance, variableMeasured and observationDate, are in
 * schema.org's pending area; the rest is core. Supertypes: NewsArticle → Article → CreativeWork; Quotation, Claim →
 * CreativeWork; Observation → QuantitativeValue → StructuredValue → Intangible → Thing.
 */
const VOCABULARY: Record<string, Record<string, string[]>> = {
  NewsArticle: {
    headline: ['Text'],
    datePublished: ['Date', 'DateTime'],
    inLanguage: ['Text', 'Language'],
    url: ['URL'],
    description: ['Text', 'TextObject'],
    author: ['Person', 'Organization'],
    hasPart: ['CreativeWork'],
    mentions: ['Thing'],
    citation: ['CreativeWork', 'Text'],
  },
  Quotation: {
    text: ['Text'],
    creator: ['Person', 'Organization'],
    spokenByCharacter: ['Person', 'Organization'],
    dateCreated: ['Date', 'DateTime'],
    isBasedOn: ['CreativeWork', 'Product', 'URL'],
    citation: ['CreativeWork', 'Text'],
    inLanguage: ['Text', 'Language'],
    translationOfWork: ['CreativeWork'],
  },
  Claim: {
    text: ['Text'],
    about: ['Thing'],
    appearance: ['CreativeWork'],
    isBasedOn: ['CreativeWork', 'Product', 'URL'],
    citation: ['CreativeWork', 'Text'],
    inLanguage: ['Text', 'Language'],
  },
  Observation: {
    value: ['StructuredValue', 'Text', 'Number', 'Boolean'],
    variableMeasured: ['PropertyValue', 'Property', 'Text', 'StatisticalVariable'],
    observationDate: ['Date', 'DateTime'],
    observationAbout: ['Place', 'Thing'],
    unitCode: ['Text', 'URL'],
    unitText: ['Text'],
  },
  Person: { name: ['Text'], jobTitle: ['Text', 'DefinedTerm'], url: ['URL'] },
  Organization: { name: ['Text'], url: ['URL'] },
  CreativeWork: { name: ['Text'], url: ['URL'] },
};
/** Which types each range type admits (the type and its subtypes, of those above). */
const SUBTYPES: Record<string, string[]> = {
  Thing: Object.keys(VOCABULARY),
  CreativeWork: ['CreativeWork', 'NewsArticle', 'Quotation', 'Claim'],
  Person: ['Person'],
  Organization: ['Organization'],
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether a JSON value belongs to one of schema.org's range types. */
function inRange(value: unknown, ranges: string[]): boolean {
  return ranges.some((range) => {
    if (range === 'Text') return typeof value === 'string' && value.trim() !== '';
    if (range === 'Number') return typeof value === 'number' && Number.isFinite(value);
    if (range === 'Boolean') return typeof value === 'boolean';
    if (range === 'URL') return typeof value === 'string' && /^https?:$/.test(new URL(value).protocol);
    if (range === 'Date' || range === 'DateTime') return typeof value === 'string' && ISO_DATE.test(value);
    const type = (value as { '@type'?: string } | null)?.['@type'];
    return typeof type === 'string' && (SUBTYPES[range] ?? [range]).includes(type);
  });
}

/**
 * Every property of the data (nested nodes included) that its type does not have, or whose value is outside the
 * property's range, as "Type.property" lines: empty when the data is valid for the vocabulary above.
 */
function vocabularyErrors(node: unknown, path = '$'): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [`${path}: not a node`];
  const { '@context': context, '@type': type, ...properties } = node as Record<string, unknown>;
  const errors: string[] = [];
  if (context !== undefined && (path !== '$' || context !== 'https://schema.org')) errors.push(`${path}: @context ${String(context)}`);
  const allowed = VOCABULARY[String(type)];
  if (!allowed) return [...errors, `${path}: type ${String(type)}`];
  for (const [name, value] of Object.entries(properties)) {
    const ranges = allowed[name];
    if (!ranges) {
      errors.push(`${path}: ${String(type)}.${name} is not a property of ${String(type)}`);
      continue;
    }
    for (const [index, item] of (Array.isArray(value) ? value : [value]).entries()) {
      const at = Array.isArray(value) ? `${path}.${name}[${index}]` : `${path}.${name}`;
      if (!inRange(item, ranges)) errors.push(`${at}: ${JSON.stringify(item)} is not ${ranges.join(' or ')}`);
      else if (typeof item === 'object') errors.push(...vocabularyErrors(item, at));
    }
  }
  return errors;
}

/** The text inside a `<script type="application/ld+json">` element the function wrote. */
function scriptText(script: string): string {
  const match = /^<script type="application\/ld\+json">([^]*)<\/script>$/.exec(script);
  assert.ok(match, `a JSON-LD script element: ${script.slice(0, 80)}`);
  return match[1];
}

const BLINKEN =
  'The actions that we see Russia committing every day, virtually every minute of every day, are in complete contradiction to any serious diplomatic effort to end the war.';
const HOSTILE = '</script><script>alert(1)</script> <!-- and &amp; <b>bold</b>';

describe('quotationData', () => {
  it('is a Quotation by a Person with a job title, its date, source, URL and language', () => {
    const data = quotationData({
      text: `  ${BLINKEN}\n `,
      speaker: 'Antony  Blinken',
      jobTitle: 'US Secretary of State',
      date: '2022-03-17',
      cite: 'https://www.state.gov/',
      source: 'Press briefing',
      lang: 'en-us',
    });
    assert.deepEqual(data, {
      '@context': 'https://schema.org',
      '@type': 'Quotation',
      text: BLINKEN,
      creator: { '@type': 'Person', name: 'Antony Blinken', jobTitle: 'US Secretary of State' },
      dateCreated: '2022-03-17',
      isBasedOn: 'https://www.state.gov/',
      citation: { '@type': 'CreativeWork', name: 'Press briefing' },
      inLanguage: 'en-US',
    });
    assert.deepEqual(vocabularyErrors(data), []);
  });

  it('leaves out what is not given, or not valid: blank text, a date that is not ISO 8601, a malformed language', () => {
    assert.deepEqual(quotationData({ text: 'Quoted.' }), { '@context': 'https://schema.org', '@type': 'Quotation', text: 'Quoted.' });
    const data = quotationData({ text: 'Quoted.', speaker: 'Jean-Yves Le Drian', jobTitle: ' ', date: 'March 17, 2022', source: null, lang: 'not a language' });
    assert.deepEqual(data, { '@context': 'https://schema.org', '@type': 'Quotation', text: 'Quoted.', creator: { '@type': 'Person', name: 'Jean-Yves Le Drian' } });
    assert.equal(quotationData({ text: 'Quoted.', date: '2022-03-17T09:30:00Z' }).dateCreated, '2022-03-17T09:30:00Z');
    assert.equal(quotationData({ text: 'Quoted.', jobTitle: 'A title without a speaker' }).creator, undefined);
  });

  it('gives the words as spoken, in their language and by the same Person, as the translationOfWork of a translation', () => {
    const data = quotationData({
      text: '[Cette approche prévoit] indiscriminate bombardments…',
      speaker: 'Jean-Yves Le Drian',
      lang: 'en',
      original: ' [Cette approche prévoit] des bombardements  indiscriminés… ',
      originalLang: 'FR',
    });
    assert.deepEqual(data.translationOfWork, {
      '@type': 'Quotation',
      text: '[Cette approche prévoit] des bombardements indiscriminés…',
      creator: { '@type': 'Person', name: 'Jean-Yves Le Drian' },
      inLanguage: 'fr',
    });
    assert.deepEqual(vocabularyErrors(data), []);
    assert.equal(quotationData({ text: 'Quoted.', original: '  ', originalLang: 'fr' }).translationOfWork, undefined);
  });

  it('keeps only absolute http(s) URLs in isBasedOn', () => {
    const unsafe = ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'mailto:a@b.example', '/relative/path', ''];
    for (const cite of unsafe) assert.equal(quotationData({ text: 'Quoted.', cite }).isBasedOn, undefined, JSON.stringify(cite));
    assert.equal(quotationData({ text: 'Quoted.', cite: 'HTTPS://Example.com/a b' }).isBasedOn, 'https://example.com/a%20b');
  });
});

describe('statisticData', () => {
  it('is a Claim with its source, about an Observation with the value, what it counts and its date', () => {
    const data = statisticData({
      value: '3000000',
      format: 'compact',
      prefix: 'Over',
      label: 'Ukrainians have fled the country',
      source: 'Agence France-Presse',
      sourceHref: 'https://www.afp.com/',
      date: '2022-03-15',
      lang: 'en',
    });
    assert.deepEqual(data, {
      '@context': 'https://schema.org',
      '@type': 'Claim',
      text: 'Over 3 million Ukrainians have fled the country',
      about: { '@type': 'Observation', value: 3000000, variableMeasured: 'Ukrainians have fled the country', observationDate: '2022-03-15' },
      isBasedOn: 'https://www.afp.com/',
      citation: { '@type': 'CreativeWork', name: 'Agence France-Presse' },
      inLanguage: 'en',
    });
    assert.deepEqual(vocabularyErrors(data), []);
  });

  it('words the figure in its language, with its unit: percent, currency, unit, suffix', () => {
    const percent = statisticData({ value: '80', format: 'percent', label: 'des logements détruits', lang: 'fr' });
    // The space before "%" is the ICU's of the running Node.js (no-break or narrow no-break).
    assert.equal(percent.text, `${new Intl.NumberFormat('fr', { style: 'percent' }).format(0.8)} des logements détruits`);
    assert.match(percent.text, /^80[\u00a0\u202f]% /);
    assert.deepEqual(percent.about, { '@type': 'Observation', value: 80, variableMeasured: 'des logements détruits', unitCode: 'P1' });
    const money = statisticData({ value: 2.5, currency: 'EUR', maximumFractionDigits: 1, suffix: '+', label: 'raised', lang: 'en' });
    assert.equal(money.text, '2.5 euros+ raised');
    assert.equal(money.about.unitText, 'EUR');
    assert.equal(statisticData({ value: '42', unit: 'kilometer', label: 'walked', lang: 'en' }).about.unitText, 'kilometer');
    // Intl does not know it: the figure is shown without it, and it is not claimed as the unit.
    const unknown = statisticData({ value: '42', unit: 'furlong-per-fortnight', label: 'speed', lang: 'en' });
    assert.equal(unknown.text, '42 speed');
    assert.equal(unknown.about.unitText, undefined);
    for (const data of [percent, money, unknown]) assert.deepEqual(vocabularyErrors(data), []);
  });

  it('keeps a figure that is not a number as written, and never claims a source URL that is not http(s)', () => {
    const data = statisticData({ value: 'One in three', label: 'homes damaged', source: 'City hall', sourceHref: 'javascript:alert(1)', date: 'last week' });
    assert.deepEqual(data, {
      '@context': 'https://schema.org',
      '@type': 'Claim',
      text: 'One in three homes damaged',
      about: { '@type': 'Observation', value: 'One in three', variableMeasured: 'homes damaged' },
      citation: { '@type': 'CreativeWork', name: 'City hall' },
    });
    assert.equal(statisticData({ value: '7000', format: 'none', label: 'soldiers' }).about.value, '7000');
    assert.deepEqual(vocabularyErrors(data), []);
  });
});

describe('newsArticleData', () => {
  it('is a NewsArticle with its quotes and figures as parts, in order, without their own @context', () => {
    const quote = quotationData({ text: BLINKEN, speaker: 'Antony Blinken', lang: 'en' });
    const figure = statisticData({ value: '108', label: 'children killed', source: 'Ukrainian Prosecutor General’s Office', lang: 'en' });
    const data = newsArticleData({
      headline: 'Peace talks stall',
      datePublished: '2022-03-17',
      inLanguage: 'en',
      url: 'https://news.example/peace-talks',
      description: 'Western capitals accuse Moscow of negotiating in bad faith.',
      author: [{ name: 'Demo desk', type: 'Organization', jobTitle: 'ignored for an organisation' }, 'A. Reporter'],
      parts: [figure, quote],
    });
    const { '@context': _quoteContext, ...quotePart } = quote;
    const { '@context': _figureContext, ...figurePart } = figure;
    assert.deepEqual(data, {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Peace talks stall',
      datePublished: '2022-03-17',
      inLanguage: 'en',
      url: 'https://news.example/peace-talks',
      description: 'Western capitals accuse Moscow of negotiating in bad faith.',
      author: [
        { '@type': 'Organization', name: 'Demo desk' },
        { '@type': 'Person', name: 'A. Reporter' },
      ],
      hasPart: [figurePart, quotePart],
    });
    assert.deepEqual(vocabularyErrors(data), []);
    assert.equal(newsArticleData({ headline: 'H', datePublished: '2022-03-17', inLanguage: 'en', url: 'javascript:alert(1)' }).url, undefined);
    assert.equal(newsArticleData({ headline: 'H', datePublished: '2022-03-17', inLanguage: 'en' }).hasPart, undefined);
  });

  it('validation catches what schema.org does not define (the check itself)', () => {
    assert.deepEqual(vocabularyErrors({ '@type': 'Quotation', text: 'x', spokenBy: 'y' }), ['$: Quotation.spokenBy is not a property of Quotation']);
    assert.deepEqual(vocabularyErrors({ '@type': 'Observation', value: 1, citation: 'AFP' }), ['$: Observation.citation is not a property of Observation']);
    assert.deepEqual(vocabularyErrors({ '@type': 'NewsArticle', hasPart: [{ '@type': 'Observation', value: 1 }] }), [
      '$.hasPart[0]: {"@type":"Observation","value":1} is not CreativeWork',
    ]);
  });
});

describe('jsonLdScript', () => {
  it('writes JSON no page text can break out of: <, >, &, U+2028 and U+2029 escaped, parsed back unchanged', () => {
    const hostile = `${HOSTILE} line\u2028separator\u2029paragraph`;
    const data = { '@context': 'https://schema.org', '@type': 'Quotation', text: hostile, 'a</script>key': ['<!--', '-->'] };
    const script = jsonLdScript(data);
    const json = scriptText(script);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.match(json, /\\u003c\/script\\u003e\\u003cscript\\u003ealert\(1\)\\u003c\/script\\u003e \\u003c!-- and \\u0026amp;/);
    assert.match(json, /line\\u2028separator\\u2029paragraph/);
    assert.deepEqual(JSON.parse(json), data);
    // The element holds one script: the only `</script` is its own end tag.
    assert.equal(script.split('</script').length, 2);
  });

  it('escapes a hostile quote and speaker through the builders too', () => {
    const quote = quotationData({ text: HOSTILE, speaker: '<img src=x onerror=alert(1)>', jobTitle: '</SCRIPT >', source: 'A & B' });
    const article = newsArticleData({ headline: `<!-- ${HOSTILE}`, datePublished: '2022-03-17', inLanguage: 'en', parts: [quote] });
    const json = scriptText(jsonLdScript(article));
    assert.doesNotMatch(json, /[<>&]/);
    const parsed = JSON.parse(json) as typeof article;
    assert.equal(parsed.headline, `<!-- ${HOSTILE}`);
    assert.deepEqual(parsed.hasPart?.[0], { '@type': 'Quotation', text: HOSTILE, creator: { '@type': 'Person', name: '<img src=x onerror=alert(1)>', jobTitle: '</SCRIPT >' }, citation: { '@type': 'CreativeWork', name: 'A & B' } });
  });
});

describe('the demo pages’ JSON-LD', () => {
  let demo: TestDemo;
  before(async () => {
    demo = await startTestDemo();
  });
  after(() => demo.close());

  const pages: Array<[string, ArticleContent]> = [
    ['/', en],
    ['/fr/', fr],
    ['/uk/', uk],
  ];
  for (const [path, content] of pages) {
    it(`${path}: one NewsArticle in the head, with the page's headline, language, two Quotations and four figures`, async () => {
      const response = await fetch(new URL(path, demo.url));
      assert.equal(response.status, 200);
      const page = await response.text();
      const blocks = [...page.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)];
      assert.equal(blocks.length, 1);
      assert.ok(blocks[0].index! < page.indexOf('</head>'), 'in the head');
      const json = blocks[0][1];
      assert.doesNotMatch(json, /[<>&]/);
      const data = JSON.parse(json) as ReturnType<typeof newsArticleData>;
      assert.deepEqual(vocabularyErrors(data), []);

      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data['@type'], 'NewsArticle');
      assert.equal(data.headline, content.headline);
      assert.equal(data.inLanguage, content.lang);
      assert.match(page, new RegExp(`<html lang="${content.lang}"`));
      assert.match(data.datePublished ?? '', ISO_DATE);
      assert.equal(data.description, content.description);

      const quotes = content.body.flatMap((block) => ('quote' in block ? [block] : []));
      const quotations = (data.hasPart ?? []).filter((part) => part['@type'] === 'Quotation');
      assert.equal(quotations.length, 2);
      assert.deepEqual(
        quotations.map((quotation) => [quotation.text, quotation.creator, quotation.inLanguage]),
        quotes.map((quote) => [
          quote.insertion ? `[${quote.insertion.text}] ${quote.quote}` : quote.quote,
          { '@type': 'Person', name: content.speakers[quote.speaker].name, jobTitle: content.speakers[quote.speaker].role },
          content.lang,
        ]),
      );

      const figures = (data.hasPart ?? []).filter((part) => part['@type'] === 'Claim');
      assert.equal(figures.length, 4);
      assert.deepEqual(
        figures.map((figure) => [figure.about.value, figure.about.variableMeasured, figure.citation, figure.isBasedOn]),
        content.facts.map((fact) => [Number(fact.value), fact.label, { '@type': 'CreativeWork', name: fact.source }, fact.sourceHref]),
      );
      for (const [index, fact] of content.facts.entries()) {
        assert.ok(figures[index].text.startsWith(fact.prefix ?? ''), figures[index].text);
        assert.ok(figures[index].text.endsWith(fact.label), figures[index].text);
      }
    });
  }
});
