import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { PullQuoteShareDetail } from '../src/events/pull-quote-share-event.js';
import { langOf, optional } from './demo-facts.js';
import { ARTICLE_TEXT, QUOTES, SPEAKERS, VOICE_LANGS, inLang, type QuoteName, type VoiceLang } from './demo-voices.js';
import '../src/components/pull-quote/define.js';
import '../src/components/speaker-caption/define.js';

interface PullQuoteArgs {
  quote: QuoteName;
  variant?: 'inline' | 'aside' | 'feature';
  excerpt?: boolean;
  share?: boolean;
  /** Attribution as a slotted speaker-caption (true) or the shorthand attributes (false). */
  caption?: boolean;
  cite?: string;
  source?: string;
  date?: string;
}

function pullQuote(args: PullQuoteArgs, lang: VoiceLang) {
  const { speaker: speakerName, text } = QUOTES[args.quote];
  const speaker = speakerName && SPEAKERS[speakerName];
  const caption = speaker && args.caption;
  return html`<pull-quote
    variant=${optional(args.variant)}
    ?excerpt=${args.excerpt ?? false}
    ?share=${args.share ?? false}
    cite=${optional(args.cite)}
    speaker=${optional(caption ? undefined : speaker?.name[lang])}
    job-title=${optional(caption ? undefined : speaker?.jobTitle[lang])}
    source=${optional(args.source)}
    date=${optional(args.date)}
  >
    <p>${text[lang]}</p>
    ${caption
      ? html`<speaker-caption slot="attribution" name=${speaker.name[lang]} job-title=${speaker.jobTitle[lang]}></speaker-caption>`
      : ''}
  </pull-quote>`;
}

/** A quote among paragraphs of article text, so that `aside` can float beside them. */
const inArticle = (args: PullQuoteArgs, lang: VoiceLang) =>
  html`<article style="max-inline-size: 48rem;">
    <p>${ARTICLE_TEXT[lang]}</p>
    ${pullQuote(args, lang)}
    <p>${ARTICLE_TEXT[lang]}</p>
    <p>${ARTICLE_TEXT[lang]}</p>
  </article>`;

const meta: Meta<PullQuoteArgs> = {
  title: 'Elements/pull-quote',
  component: 'pull-quote',
  args: { quote: 'blinken', caption: true },
  argTypes: {
    quote: { control: 'select', options: Object.keys(QUOTES), description: 'Demo quotation, in the toolbar’s language' },
    variant: { control: 'select', options: ['inline', 'aside', 'feature'] },
    excerpt: { control: 'boolean' },
    share: { control: 'boolean' },
    caption: { control: 'boolean', description: 'Attribution as a slotted speaker-caption rather than attributes' },
  },
  render: (args, { globals }) => inArticle(args, langOf(globals)),
};

export default meta;
type Story = StoryObj<PullQuoteArgs>;

/** `variant="inline"` (the default): a rule on the inline-start side, marks from the quote's language. */
export const Inline: Story = { args: { cite: 'https://www.state.gov/' } };

/** `variant="aside"`: beside the text on the inline-end side on wide screens, full width on narrow ones. */
export const Aside: Story = { args: { quote: 'arel', variant: 'aside', caption: false } };

/** `variant="feature"`: a large display quote. */
export const Feature: Story = { args: { quote: 'zelensky', variant: 'feature' } };

/** `excerpt`: the quote repeats the article's own words, so assistive technology skips it (it is read once). */
export const Excerpt: Story = { args: { quote: 'excerpt', variant: 'aside', excerpt: true } };

/**
 * `share`: "Copy quote" puts the quote, its speaker and a link to it on the clipboard; "Share quote" opens the
 * browser's share sheet, or a menu of networks where there is none. Nothing is requested from a network before a click.
 */
export const Share: Story = { args: { share: true, cite: 'https://www.state.gov/' } };

/**
 * A reader presses "Copy quote": `pull-quote-share` carries the quotation with its speaker and a link that scrolls to
 * it. This page cancels the event, as a page that copies or counts shares itself would.
 */
export const CopyingAQuote: Story = {
  args: { share: true, cite: 'https://www.state.gov/' },
  play: async ({ canvasElement }) => {
    const quote = canvasElement.querySelector('pull-quote')!;
    const shared: PullQuoteShareDetail[] = [];
    quote.addEventListener('pull-quote-share', (event) => {
      event.preventDefault();
      shared.push(event.detail);
    });
    const copy = await waitFor(() => {
      const button = quote.shadowRoot!.querySelector<HTMLButtonElement>('button[value="copy"]');
      if (!button) throw new Error('no "Copy quote" button yet');
      return button;
    });
    await userEvent.click(copy);
    await expect(shared).toHaveLength(1);
    await expect(shared[0].network).toBe('copy');
    await expect(shared[0].text).toContain('The actions that we see Russia committing');
    await expect(shared[0].text).toContain('Antony Blinken');
    await expect(shared[0].url).toContain('#:~:text=');
  },
};

/** The shorthand attributes: speaker, job title, source (a linked `<cite>` when `cite` is safe) and date. */
export const ShorthandAttribution: Story = {
  args: { quote: 'leDrian', caption: false, source: 'Le Parisien', cite: 'https://www.leparisien.fr/', date: '2022-03-17' },
};

/** Every variant in English, French, Ukrainian and Arabic (right to left), whatever the toolbar says. */
export const AllLanguages: Story = {
  render: () =>
    html`<div style="display: grid; gap: 3rem;">
      ${VOICE_LANGS.map((lang) =>
        inLang(
          lang,
          html`<div style="display: grid; gap: 2rem;">
            ${pullQuote({ quote: 'blinken', caption: true, cite: 'https://www.state.gov/' }, lang)}
            ${inArticle({ quote: 'arel', variant: 'aside' }, lang)}
            ${pullQuote({ quote: 'zelensky', variant: 'feature', caption: true }, lang)}
            ${pullQuote({ quote: 'excerpt', excerpt: true }, lang)}
            ${pullQuote({ quote: 'leDrian', share: true, source: 'Le Parisien', date: '2022-03-17' }, lang)}
          </div>`,
        ),
      )}
    </div>`,
};

/** Every variant in Arabic, in a right-to-left page: rules, float side and quotation marks mirror. */
export const RightToLeft: Story = {
  render: (args) =>
    inLang(
      'ar',
      html`<div style="display: grid; gap: 2rem;">
        ${inArticle({ ...args, quote: 'arel', variant: 'aside' }, 'ar')} ${pullQuote({ quote: 'blinken', caption: true }, 'ar')}
        ${pullQuote({ quote: 'zelensky', variant: 'feature', caption: true }, 'ar')} ${pullQuote({ quote: 'excerpt', excerpt: true }, 'ar')}
        ${pullQuote({ quote: 'leDrian', share: true, caption: true }, 'ar')}
      </div>`,
    ),
};

/** An Arabic quotation inside an English page: the quote alone is set right to left, in its own marks. */
export const RightToLeftQuoteInLeftToRightPage: Story = {
  render: () =>
    inLang(
      'en',
      html`<pull-quote share speaker=${SPEAKERS.blinken.name.en} job-title=${SPEAKERS.blinken.jobTitle.en}
        ><p lang="ar">${QUOTES.blinken.text.ar}</p></pull-quote
      >`,
    ),
};

const HOSTILE = '<img src=x onerror="window.__xss = 1">';

/**
 * Bad input: an empty quote, a missing speaker, a 10,000-word quote (shared texts are shortened on a word boundary
 * to each network's limit), `javascript:` in `cite`, and hostile strings everywhere, which stay text.
 */
export const BadInput: Story = {
  tags: ['!autodocs'],
  render: () =>
    html`<div style="display: grid; gap: 2rem;">
      <pull-quote share speaker="Empty quote"></pull-quote>
      <pull-quote><p>A quotation with no speaker.</p></pull-quote>
      <div role="region" aria-label="A quote of 10,000 words, in a scrolling box" tabindex="0" style="max-block-size: 12rem; overflow: auto;">
        <pull-quote share speaker="Long quote"><p>${'word '.repeat(10_000)}</p></pull-quote>
      </div>
      <pull-quote share cite="javascript:alert(1)" source="Unsafe cite, shown without a link"><p>Text</p></pull-quote>
      <pull-quote share cite=${HOSTILE} speaker=${HOSTILE} job-title=${HOSTILE} source=${HOSTILE} date=${HOSTILE} variant=${HOSTILE}
        ><p>${HOSTILE}</p></pull-quote
      >
    </div>`,
};
