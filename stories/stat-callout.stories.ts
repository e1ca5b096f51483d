import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FACTS, langOf, optional, type FactName, type Lang } from './demo-facts.js';
import '../src/components/stat-callout/define.js';

/** The attributes a story sets; text left empty comes from the fact in the toolbar's language. */
interface StatCalloutArgs {
  fact: FactName;
  value?: string;
  format?: string;
  currency?: string;
  unit?: string;
  'maximum-fraction-digits'?: number;
  prefix?: string;
  suffix?: string;
  label?: string;
  source?: string;
  'source-href'?: string;
  date?: string;
  animate?: boolean;
}

function callout(args: StatCalloutArgs, lang: Lang) {
  const fact = FACTS[args.fact];
  return html`<stat-callout
    value=${args.value ?? fact.value}
    format=${optional(args.format ?? fact.format)}
    currency=${optional(args.currency)}
    unit=${optional(args.unit)}
    maximum-fraction-digits=${optional(args['maximum-fraction-digits'])}
    prefix=${optional(args.prefix ?? fact.prefix?.[lang])}
    suffix=${optional(args.suffix)}
    label=${args.label ?? fact.label[lang]}
    source=${optional(args.source ?? fact.source?.[lang])}
    source-href=${optional(args['source-href'])}
    date=${optional(args.date)}
    ?animate=${args.animate ?? false}
  ></stat-callout>`;
}

const meta: Meta<StatCalloutArgs> = {
  title: 'Elements/stat-callout',
  component: 'stat-callout',
  args: { fact: 'soldiers' },
  argTypes: {
    fact: { control: 'select', options: Object.keys(FACTS), description: 'Demo figure whose texts fill empty args' },
    format: { control: 'select', options: ['number', 'compact', 'percent', 'none'] },
    animate: { control: 'boolean' },
  },
  render: (args, { globals }) => callout(args, langOf(globals)),
};

export default meta;
type Story = StoryObj<StatCalloutArgs>;

/** `format="number"` (the default): 7000 → "7,000" in English, "7 000" in French and Ukrainian. */
export const FormatNumber: Story = { args: { fact: 'soldiers', source: '' } };

/** `format="compact"` with a prefix: "Over 3M", read aloud as "Over 3 million". */
export const FormatCompact: Story = { args: { fact: 'refugees', source: '' } };

/** `format="percent"`: 80 → "80%" / "80 %". */
export const FormatPercent: Story = { args: { fact: 'housing', source: '' } };

/** `currency` (ISO 4217) and `maximum-fraction-digits`; an illustrative figure. */
export const Currency: Story = {
  args: { fact: 'euros', currency: 'EUR', 'maximum-fraction-digits': 0 },
};

/** `unit` (an Intl unit identifier) with one decimal; an illustrative figure. */
export const Unit: Story = {
  args: { fact: 'distance', unit: 'kilometer', 'maximum-fraction-digits': 1 },
};

/** `format="none"`: numeric text shown exactly as written. */
export const FormatNone: Story = { args: { fact: 'year', format: 'none' } };

/** `prefix` and `suffix` around the figure. */
export const PrefixAndSuffix: Story = { args: { fact: 'children', prefix: '≈', suffix: '+', source: '' } };

/** A source without a link: plain text after the localised "Source:". */
export const SourceWithoutLink: Story = { args: { fact: 'children' } };

/** A source with a safe link (`source-href`). */
export const SourceWithLink: Story = { args: { fact: 'soldiers', 'source-href': 'https://www.nytimes.com/' } };

/** `date`: "as of March 15, 2022" in the element's language, beside the source. */
export const WithDate: Story = { args: { fact: 'refugees', 'source-href': 'https://www.afp.com/', date: '2022-03-15' } };

/** A date alone, with no source. */
export const DateOnly: Story = { args: { fact: 'housing', source: '', date: '2022-03-17' } };

/** `animate`: counts up once when scrolled into view (never under reduced motion); the box keeps its size. */
export const Animate: Story = { args: { fact: 'soldiers', animate: true } };

/** Every text part given as a slot (slots win over attributes): the text is in the page even before upgrade. */
export const Slotted: Story = {
  render: (_args, { globals }) => {
    const lang = langOf(globals);
    const fact = FACTS.refugees;
    return html`<stat-callout value=${fact.value} format="compact" date="2022-03-15">
      <span slot="prefix">${fact.prefix![lang]}</span>
      ${fact.label[lang]}
      <a slot="source" href="https://www.afp.com/">${fact.source![lang]}</a>
    </stat-callout>`;
  },
};

const HOSTILE = '<img src=x onerror="window.__xss = 1">';

/**
 * Bad input renders something sensible and never markup: a non-numeric value is shown as written, an unknown
 * format falls back to numbers, an unknown currency is ignored, `javascript:` links are dropped, an unparsable date
 * is shown as written, and hostile strings stay text.
 */
export const BadInput: Story = {
  tags: ['!autodocs'],
  render: (_args, { globals }) => {
    const lang = langOf(globals);
    return html`<div style="display: grid; gap: 1.5rem;">
      <stat-callout value="about half" label="Non-numeric value, shown as written"></stat-callout>
      <stat-callout value="" label="Empty value"></stat-callout>
      <stat-callout value="NaN" label="NaN"></stat-callout>
      <stat-callout value="-Infinity" label="-Infinity"></stat-callout>
      <stat-callout value="-12.5" label="Negative value"></stat-callout>
      <stat-callout value=${'9'.repeat(60)} label="Enormous value"></stat-callout>
      <stat-callout value="7000" format="sideways" label="Unknown format"></stat-callout>
      <stat-callout value="1500" currency="XYZ!" label="Unknown currency"></stat-callout>
      <stat-callout value="42" maximum-fraction-digits="99" label="Fraction digits out of range"></stat-callout>
      <stat-callout value="108" label=${FACTS.children.label[lang]} source=${FACTS.children.source![lang]}
        source-href="javascript:alert(1)" date="last spring"></stat-callout>
      <stat-callout value=${HOSTILE} prefix=${HOSTILE} suffix=${HOSTILE} label=${HOSTILE} source=${HOSTILE}
        source-href=${HOSTILE} date=${HOSTILE}></stat-callout>
    </div>`;
  },
};

/** The same figures side by side in English, French and Ukrainian, whatever the toolbar says. */
export const AllLanguages: Story = {
  render: (args) =>
    html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1.5rem;">
      ${(['en', 'fr', 'uk'] as const).map(
        (lang) => html`<div lang=${lang}>${callout({ ...args, 'source-href': FACTS[args.fact].sourceHref, date: '2022-03-15' }, lang)}</div>`,
      )}
    </div>`,
  args: { fact: 'refugees' },
};
