/**
 * Structured data (`newsroom-elements/structured-data`): the display elements described to machines as schema.org
 * JSON-LD, for a server to put in the page's head (or a script to read in the browser). Plain functions that build
 * plain objects, and one that writes them into a `<script type="application/ld+json">` no page text can break out of.
 * Imports no element: a server builds a page's data without loading Lit.
 *
 * ```js
 * import { jsonLdScript, newsArticleData, quotationData, statisticData } from 'newsroom-elements/structured-data';
 * const head = jsonLdScript(newsArticleData({
 *   headline: 'Peace talks stall', datePublished: '2022-03-17', inLanguage: 'en',
 *   parts: [
 *     quotationData({ text: 'The actions that we see…', speaker: 'Antony Blinken', jobTitle: 'US Secretary of State' }),
 *     statisticData({ value: '108', label: 'children killed', source: 'Ukrainian Prosecutor General’s Office' }),
 *   ],
 * }));
 * ```
 *
 * Every type and property used is checked against schema.org's own vocabulary (release 30.0, data/schema.ttl):
 * `Quotation`, `Claim` and `Observation` are in its pending area, the others in its core.
 */
import { safeUrl } from './internal/safe-url.js';
import { foldWhitespace } from './internal/text.js';

const SCHEMA_ORG = 'https://schema.org';

/** A person or organisation as schema.org describes one. */
export interface AgentData {
  '@type': 'Person' | 'Organization';
  name: string;
  /** Only for a `Person`. */
  jobTitle?: string;
  url?: string;
}

/** A work named as a source (`citation`): "Le Parisien", "Agence France-Presse". */
export interface CitedWorkData {
  '@type': 'CreativeWork';
  name: string;
}

/** A pull quote: what {@link quotationData} returns. */
export interface QuotationData {
  '@context'?: typeof SCHEMA_ORG;
  '@type': 'Quotation';
  text: string;
  creator?: AgentData;
  dateCreated?: string;
  isBasedOn?: string;
  citation?: CitedWorkData;
  inLanguage?: string;
  /** The words as spoken, when the quotation is their translation. */
  translationOfWork?: OriginalQuotationData;
}

/** The quotation as spoken, in its language: the `translationOfWork` of a translated {@link QuotationData}. */
export interface OriginalQuotationData {
  '@type': 'Quotation';
  text: string;
  creator?: AgentData;
  inLanguage?: string;
}

/** The figure of a stat callout, measured: the `about` of a {@link StatisticData}. */
export interface ObservationData {
  '@type': 'Observation';
  /** A number when the figure is numeric, else the figure as written. */
  value: number | string;
  /** What the figure counts: the callout's label. */
  variableMeasured: string;
  observationDate?: string;
  /** `P1` (UN/CEFACT: percent) for a percentage. */
  unitCode?: 'P1';
  /** The currency (ISO 4217) or unit (an Intl unit identifier) the figure is in, if Intl knows it: `EUR`, `kilometer`. */
  unitText?: string;
}

/** A stat callout: what {@link statisticData} returns. */
export interface StatisticData {
  '@context'?: typeof SCHEMA_ORG;
  '@type': 'Claim';
  /** The figure and label as one sentence, as the callout reads: "Over 3 million Ukrainians have fled…". */
  text: string;
  about: ObservationData;
  isBasedOn?: string;
  citation?: CitedWorkData;
  inLanguage?: string;
}

/** A news article: what {@link newsArticleData} returns. */
export interface NewsArticleData {
  '@context': typeof SCHEMA_ORG;
  '@type': 'NewsArticle';
  headline: string;
  datePublished?: string;
  inLanguage?: string;
  url?: string;
  description?: string;
  author?: AgentData | AgentData[];
  hasPart?: Array<Omit<QuotationData, '@context'> | Omit<StatisticData, '@context'>>;
}

/** An author given to {@link newsArticleData}: a name (a person), or a person or organisation with more. */
export type AuthorInput = string | { name: string; type?: 'Person' | 'Organization'; jobTitle?: string; url?: string };

export interface QuotationInput {
  /** The quotation as shown (bracketed insertions included). */
  text: string;
  speaker?: string | null;
  jobTitle?: string | null;
  /** When it was said: ISO 8601 (other text is left out, as schema.org dates must be ISO 8601). */
  date?: string | null;
  /** URL of the source: kept when it is an absolute http(s) URL. */
  cite?: string | null;
  /** The publication or occasion: "Le Parisien". */
  source?: string | null;
  /** The quotation's language (BCP 47). */
  lang?: string | null;
  /** The quotation as spoken, when `text` is a translation of it. */
  original?: string | null;
  /** The original's language (BCP 47). */
  originalLang?: string | null;
}

export interface StatisticInput {
  /** The figure: numeric text (`3000000`, `-12.5`) or a number is a number, anything else is kept as written. */
  value: string | number;
  /** What the figure counts. */
  label: string;
  prefix?: string | null;
  suffix?: string | null;
  /** As the element's `format`: `number` (default), `compact`, `percent` (80 means 80 %) or `none` (as written). */
  format?: string | null;
  currency?: string | null;
  unit?: string | null;
  maximumFractionDigits?: number | null;
  source?: string | null;
  /** URL of the source: kept when it is an absolute http(s) URL. */
  sourceHref?: string | null;
  /** The date the figure was true on: ISO 8601 (other text is left out). */
  date?: string | null;
  lang?: string | null;
}

export interface NewsArticleInput {
  headline: string;
  /** ISO 8601 (other text is left out). */
  datePublished: string;
  inLanguage: string;
  /** The article's address: kept when it is an absolute http(s) URL. */
  url?: string | null;
  description?: string | null;
  author?: AuthorInput | readonly AuthorInput[];
  /** The article's pull quotes and figures, in reading order. */
  parts?: ReadonlyArray<QuotationData | StatisticData>;
}

// The same forms the elements read as dates (src/internal/dates.ts, which imports Lit) and as numbers (stat-callout).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Text folded as a reader sees it, or `undefined` when there is none. */
function text(raw: string | null | undefined): string | undefined {
  return foldWhitespace(raw ?? '') || undefined;
}

/** An ISO 8601 date or date-time that `Date` can read (with `T` between date and time), else `undefined`. */
function isoDate(raw: string | null | undefined): string | undefined {
  const trimmed = raw?.trim();
  if (!trimmed || !ISO_DATE.test(trimmed) || Number.isNaN(new Date(trimmed).getTime())) return undefined;
  return trimmed.replace(' ', 'T');
}

/** An absolute http(s) URL (safeUrl's check), else `undefined`: a relative one would mean nothing out of the page. */
function absoluteUrl(raw: string | null | undefined): string | undefined {
  const safe = safeUrl(raw);
  if (!safe) return undefined;
  try {
    return new URL(safe).href;
  } catch {
    return undefined;
  }
}

/** A well-formed BCP 47 tag in its canonical case (`en-GB`), else `undefined`. */
function languageTag(raw: string | null | undefined): string | undefined {
  const trimmed = raw?.trim();
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/** Leaves out the properties that are `undefined`, so that the JSON holds only what is known. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

const citedWork = (name: string | undefined): CitedWorkData | undefined => (name ? { '@type': 'CreativeWork', name } : undefined);

/**
 * A pull quote as a schema.org `Quotation` (https://schema.org/Quotation):
 *
 * - `text`: the quotation; `inLanguage`: its language;
 * - `creator`: the speaker, a `Person` with `name` and `jobTitle`. Not `spokenByCharacter`: schema.org means that
 *   for "the (e.g. fictional) character … to whom the quotation is attributed within the containing CreativeWork",
 *   and says a `Quotation` is "attributable to a real world author and — if associated with a fictional character —
 *   to any fictional Person". A news quote is said by a real person, who is the words' creator (a core property;
 *   `spokenByCharacter` is pending).
 * - `dateCreated`: when it was said (ISO 8601 only);
 * - `isBasedOn`: the `cite` URL ("Use isBasedOn to link to source/origin", schema.org's Quotation), absolute
 *   http(s) only;
 * - `citation`: the named source, a `CreativeWork` ("Le Parisien": the element shows it as a `<cite>`, a work).
 * - `translationOfWork`: the words as spoken, a `Quotation` with their own `text` and `inLanguage` and the same
 *   `creator`, when `text` is their translation.
 */
export function quotationData({ text: quote, speaker, jobTitle, date, cite, source, lang, original, originalLang }: QuotationInput): QuotationData {
  const name = text(speaker);
  const creator = name ? defined<AgentData>({ '@type': 'Person', name, jobTitle: text(jobTitle) }) : undefined;
  const spoken = text(original);
  return defined<QuotationData>({
    '@context': SCHEMA_ORG,
    '@type': 'Quotation',
    text: text(quote) ?? '',
    creator,
    dateCreated: isoDate(date),
    isBasedOn: absoluteUrl(cite),
    citation: citedWork(text(source)),
    inLanguage: languageTag(lang),
    translationOfWork: spoken ? defined<OriginalQuotationData>({ '@type': 'Quotation', text: spoken, creator, inLanguage: languageTag(originalLang) }) : undefined,
  });
}

/**
 * The figure as the callout shows it, in words where it is compact ("3 million"), through Intl as the element does;
 * with the currency or unit it was formatted in, `undefined` when Intl did not know it (the element then drops it).
 */
function figureText(value: number | undefined, written: string, input: StatisticInput, lang: string): [string, string | undefined] {
  if (value === undefined) return [written, undefined];
  const digits = input.maximumFractionDigits;
  const options: Intl.NumberFormatOptions = {
    maximumFractionDigits: Number.isInteger(digits) && digits! >= 0 && digits! <= 20 ? digits! : undefined,
  };
  if (input.format === 'compact') Object.assign(options, { notation: 'compact', compactDisplay: 'long' });
  else if (input.format === 'percent') options.style = 'percent';
  const scaled = input.format === 'percent' ? value / 100 : value;
  const currency = text(input.currency);
  const unit = text(input.unit);
  if (currency || unit) {
    try {
      const withUnit: Intl.NumberFormatOptions = currency
        ? { ...options, style: 'currency', currency, currencyDisplay: 'name' }
        : { ...options, style: 'unit', unit, unitDisplay: 'long' };
      return [new Intl.NumberFormat(lang, withUnit).format(scaled), currency ?? unit];
    } catch {
      // An unknown currency or unit: formatted without it.
    }
  }
  return [new Intl.NumberFormat(lang, options).format(scaled), undefined];
}

/**
 * A stat callout as a schema.org `Claim` (https://schema.org/Claim) about an `Observation`
 * (https://schema.org/Observation). An `Observation` is a `QuantitativeValue`, an intangible: it has a value, what
 * is measured and a date, but no property for a source. A `Claim` is a creative work, "a specific, factually-oriented
 * claim", so it has sources, and as a work it can be a `hasPart` of the article (see {@link newsArticleData}).
 *
 * - `Claim.text`: the callout's sentence, qualifiers and all ("Over 3 million Ukrainians have fled…"), formatted
 *   in `lang` (default English); `inLanguage`: `lang`;
 * - `Claim.citation`: the source, a `CreativeWork` with its `name`; `Claim.isBasedOn`: `sourceHref`, absolute http(s)
 *   only;
 * - `Claim.about`: the `Observation`: `value` (a number when the figure is numeric, else the text as written; the
 *   prefix and suffix, free words such as "Over", stay in the claim's text), `variableMeasured` (what the figure
 *   counts, the label: schema.org allows text), `observationDate` (the "as of" date, ISO 8601 only), and `unitCode`
 *   `P1` (UN/CEFACT: percent) for `format: 'percent'` or `unitText` for a currency or unit.
 *
 * `observationAbout` (the place or thing observed) is left out: a callout does not say it apart from its label.
 */
export function statisticData(input: StatisticInput): StatisticData {
  const written = text(String(input.value)) ?? '';
  const numeric = input.format !== 'none' && NUMERIC.test(written) ? Number(written) : undefined;
  const value = numeric !== undefined && Number.isFinite(numeric) ? numeric : undefined;
  const label = text(input.label) ?? '';
  const lang = languageTag(input.lang);
  let formatLang = lang ?? 'en';
  try {
    new Intl.NumberFormat(formatLang);
  } catch {
    formatLang = 'en';
  }
  const prefix = text(input.prefix);
  const [shown, unitText] = figureText(value, written, input, formatLang);
  const figure = `${shown}${text(input.suffix) ?? ''}`;
  return defined<StatisticData>({
    '@context': SCHEMA_ORG,
    '@type': 'Claim',
    text: [prefix, figure, label].filter(Boolean).join(' '),
    about: defined<ObservationData>({
      '@type': 'Observation',
      value: value ?? written,
      variableMeasured: label,
      observationDate: isoDate(input.date),
      unitCode: value !== undefined && input.format === 'percent' ? 'P1' : undefined,
      unitText,
    }),
    isBasedOn: absoluteUrl(input.sourceHref),
    citation: citedWork(text(input.source)),
    inLanguage: lang,
  });
}

function agent(author: AuthorInput): AgentData | undefined {
  const { name, type = 'Person', jobTitle, url } = typeof author === 'string' ? { name: author } : author;
  const folded = text(name);
  if (!folded) return undefined;
  return defined<AgentData>({
    '@type': type,
    name: folded,
    jobTitle: type === 'Person' ? text(jobTitle) : undefined,
    url: absoluteUrl(url),
  });
}

/**
 * A news article (https://schema.org/NewsArticle) with its pull quotes and figures as `hasPart`: "an item or
 * CreativeWork that is part of this item". They are parts of the article as published, not merely works it refers to
 * (`citation`) or things it names (`mentions`), and both a `Quotation` and a `Claim` are creative works, as
 * `hasPart` requires. Their own `@context` is left out inside the article's.
 */
export function newsArticleData({ headline, datePublished, inLanguage, url, description, author, parts = [] }: NewsArticleInput): NewsArticleData {
  const given: readonly AuthorInput[] = author === undefined ? [] : typeof author === 'string' || !Array.isArray(author) ? [author as AuthorInput] : author;
  const authors = given.map(agent).filter((item) => item !== undefined);
  return defined<NewsArticleData>({
    '@context': SCHEMA_ORG,
    '@type': 'NewsArticle',
    headline: text(headline) ?? '',
    datePublished: isoDate(datePublished),
    inLanguage: languageTag(inLanguage),
    url: absoluteUrl(url),
    description: text(description),
    author: authors.length > 1 ? authors : authors[0],
    hasPart: parts.length ? parts.map(({ '@context': _context, ...part }) => part) : undefined,
  });
}

/** `<`, `>`, `&`, U+2028 and U+2029 as JSON escapes: none of them can then end the script or start markup. */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * The data as a `<script type="application/ld+json">` element, to put in the page's head. The JSON escapes `<`, `>`
 * and `&` (as `\u003c`…), so that no page text can close the script (`</script>`), open a comment (`<!--`) or become
 * markup, and U+2028 and U+2029, which older JavaScript parsers read as line ends. JSON.parse gives back the very
 * same strings. A data block is never executed, so a Content-Security-Policy that forbids scripts does not block it.
 */
export function jsonLdScript(data: object): string {
  const json = JSON.stringify(data).replace(UNSAFE_IN_SCRIPT, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/ld+json">${json}</script>`;
}

// Reading an element in the browser. Node types as literals, as in src/internal/slots.ts; no DOM global is touched
// when the module loads, so a server imports it too.

/** Elements whose text a reader does not see. */
const UNSEEN = new Set(['script', 'style', 'template']);
/** Elements that start a line of their own: their text is kept apart from their neighbours'. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** A node's text as a reader sees it (before folding), leaving out elements an element generated (`data-generated`). */
function seenText(node: Node): string {
  if (node.nodeType === 3 /* TEXT_NODE */) return node.nodeValue ?? '';
  if (node.nodeType !== 1 /* ELEMENT_NODE */) return '';
  const element = node as Element;
  if (element.hasAttribute('data-generated') || UNSEEN.has(element.localName)) return '';
  let inner = '';
  for (let child = element.firstChild; child; child = child.nextSibling) inner += seenText(child);
  return BLOCKS.has(element.localName) ? ` ${inner} ` : inner;
}

/** The page's own children of a host for a slot (`''`: the default slot), generated ones left out. */
function childrenFor(host: Element, slot: string): Node[] {
  const nodes: Node[] = [];
  for (let node = host.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 /* ELEMENT_NODE */) {
      const element = node as Element;
      if (!element.hasAttribute('data-generated') && (element.getAttribute('slot') ?? '') === slot) nodes.push(node);
    } else if (node.nodeType === 3 /* TEXT_NODE */ && slot === '') {
      nodes.push(node);
    }
  }
  return nodes;
}

/**
 * The text of a host's slot when the page fills it (the slot wins over the attribute, as in the elements), else the
 * attribute's. A filled slot with blank text gives `undefined`, as the element then shows nothing.
 */
function slotOrAttribute(host: Element, slot: string, attribute = slot): string | undefined {
  const nodes = childrenFor(host, slot);
  const filled = slot === '' ? nodes.some((node) => node.nodeType === 1 || !!node.nodeValue?.trim()) : nodes.length > 0;
  if (!filled) return text(host.getAttribute(attribute));
  return text(nodes.map(seenText).join(''));
}

/** The nearest `lang` of an element or its ancestors, as the elements take their language. */
function nearestLang(element: Element): string | undefined {
  return element.closest('[lang]')?.getAttribute('lang') ?? undefined;
}

/** A URL attribute resolved against the element's document, as a link on it would be. */
function resolvedUrl(element: Element, raw: string | null | undefined): string | undefined {
  const safe = safeUrl(raw);
  if (!safe) return undefined;
  try {
    return new URL(safe, element.baseURI).href;
  } catch {
    return undefined;
  }
}

function pullQuoteData(quote: Element): QuotationData {
  let speaker = slotOrAttribute(quote, 'speaker');
  let jobTitle = slotOrAttribute(quote, 'job-title');
  // A slotted attribution wins over the shorthand, as in the element; a speaker-caption there names the speaker.
  const [attribution] = childrenFor(quote, 'attribution') as Element[];
  if (attribution) {
    const caption = attribution.localName === 'speaker-caption' ? attribution : attribution.querySelector('speaker-caption');
    speaker = caption ? slotOrAttribute(caption, 'name') : undefined;
    jobTitle = caption ? slotOrAttribute(caption, 'job-title') : undefined;
  }
  // The quotation's own language (a `lang` on its content, as the element reads it for its marks), else the nearest.
  const contentLang = (childrenFor(quote, '') as Element[]).find((node) => node.nodeType === 1 && node.getAttribute('lang')?.trim());
  const [slottedOriginal] = childrenFor(quote, 'original') as Element[];
  return quotationData({
    text: slotOrAttribute(quote, '') ?? '',
    speaker,
    jobTitle,
    date: slotOrAttribute(quote, 'date'),
    cite: resolvedUrl(quote, quote.getAttribute('cite')),
    source: slotOrAttribute(quote, 'source'),
    lang: contentLang?.getAttribute('lang') ?? nearestLang(quote),
    original: slotOrAttribute(quote, 'original'),
    originalLang: slottedOriginal?.getAttribute('lang') ?? quote.getAttribute('original-lang'),
  });
}

function statCalloutData(callout: Element): StatisticData {
  const valueSlotted = childrenFor(callout, 'value').length > 0;
  // The label is the `label` slot and the default slot together, or else the attribute.
  const slottedLabel = ['label', ''].map((slot) => childrenFor(callout, slot).map(seenText).join('')).join(' ');
  const digits = callout.getAttribute('maximum-fraction-digits');
  // A slotted source may hold its own link.
  const sourceLink = (childrenFor(callout, 'source') as Element[])
    .map((element) => (element.matches('a[href]') ? element : element.querySelector('a[href]')))
    .find((link) => link !== null);
  return statisticData({
    value: slotOrAttribute(callout, 'value') ?? '',
    label: text(slottedLabel) ?? text(callout.getAttribute('label')) ?? '',
    prefix: slotOrAttribute(callout, 'prefix'),
    suffix: slotOrAttribute(callout, 'suffix'),
    // A slotted figure is shown as written.
    format: valueSlotted ? 'none' : callout.getAttribute('format'),
    currency: callout.getAttribute('currency'),
    unit: callout.getAttribute('unit'),
    maximumFractionDigits: digits === null || digits.trim() === '' ? undefined : Number(digits),
    source: slotOrAttribute(callout, 'source'),
    sourceHref: resolvedUrl(callout, sourceLink ? sourceLink.getAttribute('href') : callout.getAttribute('source-href')),
    date: slotOrAttribute(callout, 'date'),
    lang: nearestLang(callout),
  });
}

/**
 * The structured data of a `pull-quote` or `stat-callout` on the page, read as the element reads it: from its
 * attributes and its light DOM, upgraded or not (a slot wins over the attribute; children marked `data-generated`,
 * which an element wrote from its attributes, are left out), white space folded. The same objects as
 * {@link quotationData} and {@link statisticData}; `undefined` for any other element. Reads only: nothing on the page
 * changes. Properties set without an attribute (by a framework) are not seen.
 */
export function structuredDataOf(element: Element): QuotationData | StatisticData | undefined {
  if (element.localName === 'pull-quote') return pullQuoteData(element);
  if (element.localName === 'stat-callout') return statCalloutData(element);
  return undefined;
}
