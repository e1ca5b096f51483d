import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { FactBox } from '../src/components/fact-box/fact-box.js';
import { registerTranslation } from '../src/internal/localize.js';
import { ARTICLE_FACTS, HEADINGS, factCallout, langOf, optional, type Lang } from './demo-facts.js';
import '../src/components/fact-box/define.js';
import '../src/components/stat-callout/define.js';

interface FactBoxArgs {
  heading?: string;
  'heading-level'?: number | string;
  layout?: 'grid' | 'list';
  collapsible?: boolean;
  'visible-count'?: number | string;
  open?: boolean;
}

function box(args: FactBoxArgs, lang: Lang) {
  return html`<fact-box
    heading=${args.heading ?? HEADINGS[lang]}
    heading-level=${optional(args['heading-level'])}
    layout=${optional(args.layout)}
    ?collapsible=${args.collapsible ?? false}
    visible-count=${optional(args['visible-count'])}
    ?open=${args.open ?? false}
  >
    ${ARTICLE_FACTS.map((name) => factCallout(name, lang))}
  </fact-box>`;
}

const meta: Meta<FactBoxArgs> = {
  title: 'Elements/fact-box',
  component: 'fact-box',
  argTypes: {
    layout: { control: 'inline-radio', options: ['grid', 'list'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
    'visible-count': { control: { type: 'number', min: 0 } },
  },
  render: (args, { globals }) => box(args, langOf(globals)),
};

export default meta;
type Story = StoryObj<FactBoxArgs>;

/** The default grid: as many columns as the box's own width allows (container queries). */
export const Grid: Story = {};

/** `layout="list"`: items stacked. */
export const List: Story = { args: { layout: 'list' } };

/** A narrow box stacks its grid by itself: the layout follows the box, not the viewport. */
export const NarrowGrid: Story = {
  render: (args, { globals }) => html`<div style="max-inline-size: 20rem">${box(args, langOf(globals))}</div>`,
};

/** `collapsible`, closed: the first `visible-count` items and a "Show all (4)" button. */
export const CollapsibleClosed: Story = { args: { collapsible: true, 'visible-count': 2 } };

/** The reader presses "Show all": every item shows, the button says "Show less", and a `toggle` event tells the page. */
export const OpenedByTheReader: Story = {
  args: { collapsible: true, 'visible-count': 2 },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector<FactBox>('fact-box')!;
    await box.updateComplete;
    const states: string[] = [];
    box.addEventListener('toggle', (event) => states.push((event as ToggleEvent).newState));
    const button = box.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'true'));
    await expect(box.open).toBe(true);
    await expect(states).toEqual(['open']);
    for (const item of box.querySelectorAll('stat-callout')) await expect(item.checkVisibility()).toBe(true);
  },
};

/** `collapsible` and `open`: every item and a "Show less" button. */
export const CollapsibleOpen: Story = { args: { collapsible: true, 'visible-count': 2, open: true } };

/** `heading-level="3"` for a box inside an h2 section. */
export const HeadingLevel3: Story = { args: { 'heading-level': 3 } };

/** The page's own `<h2>` in the heading slot: the outline holds it even without JavaScript. */
export const HeadingSlot: Story = {
  render: (_args, { globals }) => {
    const lang = langOf(globals);
    return html`<fact-box>
      <h2 slot="heading">${HEADINGS[lang]}</h2>
      ${ARTICLE_FACTS.slice(0, 2).map((name) => factCallout(name, lang))}
    </fact-box>`;
  },
};

/** Bad input: heading level out of range (clamped to 6), negative visible count (default 2), a hostile heading
 * shown as text, and plain paragraphs as items. */
export const BadInput: Story = {
  tags: ['!autodocs'],
  render: (_args, { globals }) => html`<fact-box
    heading=${'<img src=x onerror="window.__xss = 1">'}
    heading-level="9"
    collapsible
    visible-count="-1"
  >
    ${ARTICLE_FACTS.map((name) => factCallout(name, langOf(globals)))}
    <p>Any other content is an item too.</p>
  </fact-box>`,
};

/** The collapsible box in English, French and Ukrainian side by side, whatever the toolbar says. */
export const AllLanguages: Story = {
  render: () => html`<div style="display: grid; gap: 1.5rem;">
    ${(['en', 'fr', 'uk'] as const).map((lang) => html`<div lang=${lang}>${box({ collapsible: true }, lang)}</div>`)}
  </div>`,
};

/** The custom properties each element documents, as controls; shown on a light and a dark page at once. */
interface ThemingArgs {
  '--ne-color-accent': string;
  '--ne-color-text': string;
  '--ne-color-text-muted': string;
  '--ne-color-surface': string;
  '--ne-color-border': string;
  '--ne-color-link': string;
  '--ne-color-focus': string;
  '--ne-radius': string;
  '--ne-space': string;
  '--ne-font-family': string;
  '--fact-box-background': string;
  '--fact-box-border-color': string;
  '--fact-box-gap': string;
  '--fact-box-item-min-width': string;
  '--stat-callout-value-color': string;
  '--stat-callout-value-size': string;
  '--stat-callout-value-weight': string;
  '--stat-callout-label-color': string;
  '--stat-callout-source-color': string;
}

/** Edit a custom property in the controls: both panes follow. Empty means the element's default. The headings
 * name their pane so that the two landmarks stay distinct. */
export const Theming: StoryObj<ThemingArgs> = {
  args: {
    '--ne-color-accent': '',
    '--ne-color-text': '',
    '--ne-color-text-muted': '',
    '--ne-color-surface': '',
    '--ne-color-border': '',
    '--ne-color-link': '',
    '--ne-color-focus': '',
    '--ne-radius': '',
    '--ne-space': '',
    '--ne-font-family': '',
    '--fact-box-background': '',
    '--fact-box-border-color': '',
    '--fact-box-gap': '',
    '--fact-box-item-min-width': '',
    '--stat-callout-value-color': '',
    '--stat-callout-value-size': '',
    '--stat-callout-value-weight': '',
    '--stat-callout-label-color': '',
    '--stat-callout-source-color': '',
  },
  argTypes: Object.fromEntries(
    ['--ne-color-accent', '--ne-color-text', '--ne-color-text-muted', '--ne-color-surface', '--ne-color-border', '--ne-color-link',
      '--ne-color-focus', '--fact-box-background', '--fact-box-border-color', '--stat-callout-value-color',
      '--stat-callout-label-color', '--stat-callout-source-color'].map((name) => [name, { control: 'color' }]),
  ),
  render: (args, { globals }) => {
    const lang = langOf(globals);
    const style = Object.entries(args)
      .filter(([name, value]) => name.startsWith('--') && value !== '')
      .map(([name, value]) => `${name}: ${value};`)
      .join(' ');
    const pane = (scheme: 'light' | 'dark') =>
      html`<div style="color-scheme: ${scheme}; background: ${scheme === 'dark' ? '#1b1917' : '#fff'};
        color: ${scheme === 'dark' ? '#eee' : '#1b1917'}; padding: 1rem; ${style}">
        <fact-box heading="${HEADINGS[lang]} (${scheme})">${ARTICLE_FACTS.slice(0, 2).map((name) => factCallout(name, lang))}</fact-box>
      </div>`;
    return html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem;">
      ${pane('light')} ${pane('dark')}
    </div>`;
  },
};

/**
 * A language added at run time: the box below is in German (`lang="de"`). Until German is registered, numbers and
 * dates are German (Intl) and the words fall back to English; the button registers the words and the elements
 * already shown update at once.
 */
export const AddedLanguage: Story = {
  render: () => {
    const register = () =>
      registerTranslation({
        $code: 'de',
        $quotes: ['„', '“'],
        sourceLabel: 'Quelle:',
        asOf: (date: string) => `Stand: ${date}`,
        showAll: (count: number) => `Alle zeigen (${count})`,
        showLess: 'Weniger zeigen',
      });
    return html`<div lang="de">
      <p><button type="button" @click=${register}>registerTranslation({ $code: 'de', … })</button></p>
      <fact-box heading="Mehr erfahren" collapsible>
        <stat-callout value="3000000" format="compact" prefix="Mehr als" source="Agence France-Presse" date="2022-03-15"
          >Ukrainer haben das Land verlassen, die meisten in Richtung Polen</stat-callout>
        <stat-callout value="7000" source="The New York Times">russische Soldaten starben in drei Wochen</stat-callout>
        <stat-callout value="80" format="percent">der Wohnungen in Mariupol zerstört</stat-callout>
      </fact-box>
    </div>`;
  },
};
