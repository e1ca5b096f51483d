import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { until } from 'lit/directives/until.js';
import { registerTranslation } from '../src/index.js';
import { cardContent, loadFonts, type CardHost } from '../src/internal/card-actions.js';
import { quoteCard } from '../src/components/pull-quote/quote-card.js';
import { drawCard, type CardShape } from '../src/internal/share-card.js';
import type { PullQuote } from '../src/components/pull-quote/pull-quote.js';
import { ARTICLE_FACTS, factCallout, langOf, optional, type FactName } from './demo-facts.js';
import { QUOTES, SPEAKERS, inLang, type QuoteName, type VoiceLang } from './demo-voices.js';

// The image controls in Arabic, added at run time as the other stories add the rest of Arabic.
registerTranslation({
  $code: 'ar',
  imageShape: 'شكل الصورة',
  imageWide: 'عريضة، لمعاينات الروابط (1200 × 630)',
  imageTall: 'طويلة، للخلاصات (1080 × 1350)',
  shareImage: 'مشاركة كصورة',
  downloadImage: 'تنزيل الصورة',
  imageDownloaded: 'تم تنزيل الصورة',
  imageFailed: 'تعذّر إنشاء الصورة',
});

interface ShareCardArgs {
  quote: QuoteName;
  fact: FactName;
  arabic: boolean;
}

const voiceLang = (args: ShareCardArgs, globals: Record<string, unknown>): VoiceLang => (args.arabic ? 'ar' : langOf(globals));

function pullQuote(name: QuoteName, lang: VoiceLang) {
  const { speaker, text } = QUOTES[name];
  const who = speaker && SPEAKERS[speaker];
  return html`<pull-quote share speaker=${optional(who?.name[lang])} job-title=${optional(who?.jobTitle[lang])}><p>${text[lang]}</p></pull-quote>`;
}

/** Both shapes of the card a pull quote makes, drawn as the reader's click would draw them. */
async function quotePreviews(name: QuoteName, lang: VoiceLang) {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.body.append(wrapper);
  render(pullQuote(name, lang), wrapper);
  const element = wrapper.querySelector<PullQuote>('pull-quote')!;
  await element.updateComplete;
  const source = quoteCard(element as unknown as Parameters<typeof quoteCard>[0], { text: () => '' });
  const content = cardContent(element as unknown as CardHost, source);
  wrapper.remove();
  await loadFonts(content);
  const image = (shape: CardShape) => {
    const canvas = drawCard(content, shape);
    return html`<img src=${canvas.toDataURL('image/png')} width=${canvas.width / 3} height=${canvas.height / 3} alt=${`${source.main} ${source.byline}`} />`;
  };
  return html`<div style="display: flex; gap: 1rem; align-items: start; flex-wrap: wrap">${image('wide')} ${image('tall')}</div>`;
}

const meta: Meta<ShareCardArgs> = {
  title: 'Features/Share cards',
  args: { quote: 'blinken', fact: 'refugees', arabic: false },
  argTypes: {
    quote: { control: 'select', options: Object.keys(QUOTES) },
    fact: { control: 'select', options: ARTICLE_FACTS },
    arabic: { control: 'boolean', description: 'Show the quote in Arabic, right to left' },
  },
};

export default meta;
type Story = StoryObj<ShareCardArgs>;

/**
 * A pull quote with `share`: where the browser has no Web Share API, "Share quote" opens the menu, whose last row
 * makes an image card ("Share as image", "Download image") in the chosen shape.
 */
export const QuoteShareMenu: Story = {
  render: (args, { globals }) => inLang(voiceLang(args, globals), pullQuote(args.quote, voiceLang(args, globals))),
};

/** A stat callout with `share`: "Share figure" opens the image controls. */
export const FigureShare: Story = {
  render: (args, { globals }) => inLang(langOf(globals), factCallout(args.fact, langOf(globals), { withDate: true, share: true })),
};

/** The article's four figures, each with its share button. */
export const ArticleFigures: Story = {
  render: (_args, { globals }) =>
    inLang(
      langOf(globals),
      html`<div style="display: grid; gap: 2rem">${ARTICLE_FACTS.map((name) => factCallout(name, langOf(globals), { withDate: true, share: true }))}</div>`,
    ),
};

/** The cards a quote makes, wide (link previews) and tall (portrait feeds), shown at a third of their size. */
export const QuoteCards: Story = {
  render: (args, { globals }) => html`${until(quotePreviews(args.quote, voiceLang(args, globals)), html`<p>Drawing…</p>`)}`,
};

/** The Le Drian quotation with its French insertion, in Arabic: right to left, with the insertion left to right. */
export const ArabicCards: Story = {
  args: { quote: 'leDrian', arabic: true },
  render: (args) => html`${until(quotePreviews(args.quote, 'ar'), html`<p>Drawing…</p>`)}`,
};
