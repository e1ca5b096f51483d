import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/pull-quote/define.js';
import { langOf, optional } from './demo-facts.js';
import { QUOTES, SPEAKERS, VOICE_LANGS, inLang, type VoiceLang } from './demo-voices.js';

/**
 * Le Drian's words as the page prints them in its language, with the French he spoke them in: "Show original
 * (French)" swaps the two in place. On a French page the French text is the quote itself, with no button.
 */
function leDrian(lang: VoiceLang, given: 'slot' | 'attributes' = 'slot') {
  const speaker = SPEAKERS.leDrian;
  const original = lang === 'fr' ? undefined : QUOTES.leDrian.text.fr;
  return html`<pull-quote speaker=${speaker.name[lang]} job-title=${speaker.jobTitle[lang]} original-lang="fr"
    original=${optional(given === 'attributes' ? ORIGINAL_TEXT : undefined)}
    ><p>${QUOTES.leDrian.text[lang]}</p>${original && given === 'slot' ? html`<blockquote slot="original" lang="fr">${original}</blockquote>` : ''}</pull-quote
  >`;
}

const ORIGINAL_TEXT =
  '[Cette approche prévoit] des bombardements indiscriminés, de prétendus « couloirs » humanitaires conçus pour accuser ensuite l’adversaire de ne pas les respecter, et des pourparlers sans autre objectif que de faire semblant de négocier.';

const meta: Meta = {
  title: 'Features/Quotes in their original language',
  component: 'pull-quote',
  render: (_args, { globals }) => leDrian(langOf(globals)),
};

export default meta;
type Story = StoryObj;

/** The original slotted as `<blockquote slot="original" lang="fr">`, in the toolbar's language. */
export const SlottedOriginal: Story = {};

/** The original given as the `original` and `original-lang` attributes: the element writes it into its light DOM. */
export const OriginalAsAttributes: Story = { render: () => leDrian('en', 'attributes') };

/** English and Ukrainian pages offer the French original; the French page shows the French words alone. */
export const AllLanguages: Story = {
  render: () =>
    html`<div style="display: grid; gap: 2rem;">${VOICE_LANGS.filter((lang) => lang !== 'ar').map((lang) => inLang(lang, leDrian(lang)))}</div>`,
};
