import { html, nothing, type PropertyValues } from 'lit';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { FilledSlotsController, generatedSpan } from '../../internal/slots.js';
import { isRtlLanguage, quoteMarks } from '../../internal/typography.js';
import { safeUrl } from '../../internal/safe-url.js';
import { renderDate } from '../../internal/dates.js';
import { languageName } from '../../internal/intl.js';
import { primaryOf } from '../../internal/localize.js';
import { slotText } from '../../internal/text.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import type { ShareActions } from './share-actions.js';
import { SHOWN_QUOTE, type ShownQuote } from './share-host.js';
import { pullQuoteTerms } from './pull-quote.terms.js';
import { styles } from './pull-quote.styles.js';

/** The attribution's slots: the page slotting any of them keeps the attribution's detail in the shadow tree. */
const ATTRIBUTION_SLOTS = ['attribution', 'speaker', 'job-title', 'source', 'date'];

/** How a pull quote is laid out. */
export type PullQuoteVariant = 'inline' | 'aside' | 'feature';

// English marks are the stylesheet's defaults: a style attribute on every instance would cost a third of its render.
const DEFAULT_OPEN = '“';
const DEFAULT_CLOSE = '”';
/**
 * A CSS string holding the text (marks may come from a page's translation). JSON's escapes of quotes, backslashes
 * and line breaks are valid in CSS and keep the text one string; other escapes only show as letters.
 */
const cssString: (text: string) => string = JSON.stringify;

/** The quotation marks of a language as the custom properties the stylesheet reads (none for the defaults). */
function marksStyle(lang: string) {
  const [open, close] = quoteMarks(lang);
  return open === DEFAULT_OPEN && close === DEFAULT_CLOSE ? nothing : `--_open:${cssString(open)};--_close:${cssString(close)}`;
}

/**
 * @tag pull-quote
 * @summary A quotation with its speaker: a `figure` with a `blockquote`, quotation marks in the quotation's
 *   language, and optional "Copy" and "Share" actions.
 *
 * Its words are in the page's light DOM, where Reader View, translation tools and crawlers read them: the quotation
 * and any slotted parts are the page's own children; for the attributes, the element generates the attribution
 * after them (marked `data-generated`), which a server renders with Lit's `renderLight()` directive.
 *
 * A quotation translated for the page can carry the words as spoken: a button ("Show original (French)") swaps the
 * two in place. Printed, or with JavaScript off, the translation shows with the original beneath it, labelled.
 *
 * @slot - The quotation, such as a `<p>`; its inline markup and `lang` attributes are kept.
 * @slot original - The quotation as spoken, in its own language, such as `<blockquote slot="original" lang="fr">`;
 *   wins over the `original` attribute.
 * @slot attribution - Who said it, such as a `<speaker-caption>`; wins over the shorthand attributes.
 * @slot speaker - The speaker's name; wins over the `speaker` attribute.
 * @slot job-title - The speaker's job title; wins over the `job-title` attribute.
 * @slot source - The publication or occasion; wins over the `source` attribute.
 * @slot date - When it was said, shown as written; wins over the `date` attribute.
 *
 * @csspart base - The figure.
 * @csspart quote - The blockquote, quotation marks included.
 * @csspart attribution - The caption naming the speaker and source.
 * @csspart actions - The "Copy" and "Share" buttons, their status message and the share menu.
 * @csspart original - The blockquote of the original.
 * @csspart original-toggle - The "Show original" button.
 * @csspart original-label - The label after the original where both show (printed, JavaScript off).
 *
 * @cssprop --pull-quote-accent - Colour of the rule (default: the accent colour).
 * @cssprop --pull-quote-font-family - Font of the quotation (default: inherited).
 * @cssprop --pull-quote-font-size - Size of the quotation (default: 1.25em; 1.75em for `feature`).
 * @cssprop --pull-quote-aside-width - Width of an `aside` quote beside the text (default: 40%).
 *
 * @fires {PullQuoteShareEvent} pull-quote-share - Before the quote is copied or shared; cancelable.
 */
export class PullQuote extends NewsroomElement<typeof pullQuoteTerms.en> {
  static override styles = [visuallyHidden, styles];
  static override terms = pullQuoteTerms;
  static override properties = {
    cite: {},
    speaker: {},
    jobTitle: { attribute: 'job-title' },
    source: {},
    date: {},
    variant: { reflect: true },
    excerpt: { type: Boolean },
    share: { type: Boolean },
    original: {},
    originalLang: { attribute: 'original-lang' },
    showingOriginal: { state: true },
    announcement: { state: true },
  };

  // The original and the attribution follow the quotation in reading order.
  protected override readonly slots = new FilledSlotsController(this, {
    last: (filled) => [this.generateOriginal(filled), this.generateOriginalLabel(), this.generateAttribution()],
  });

  // Text properties start unset, like their attributes: unset, null and blank text all mean "not given".
  /** URL of the quotation's source (http, https or relative URLs only; anything else is ignored). */
  cite?: string;

  /** The speaker's name (shorthand for a slotted `speaker-caption`). */
  speaker?: string;

  /** The speaker's job title. */
  jobTitle?: string;

  /** Where it was said or published, such as a newspaper's name. */
  source?: string;

  /** When it was said (ISO 8601), shown in the element's language; other text is shown as written. */
  date?: string;

  // No initial value: reflecting a default would write an attribute on every instance as it upgrades.
  /** `inline` (the default, when unset), `aside` (beside the text on wide screens) or `feature` (large display). */
  variant?: PullQuoteVariant;

  /** The quote repeats the article's own text: assistive technology skips it so it is not read twice. */
  excerpt = false;

  /** Shows the "Copy quote" and "Share quote" actions. */
  share = false;

  /** The quotation as spoken, in its own language (`original-lang`), when the page prints a translation. */
  original?: string;

  /**
   * The language of the original (BCP 47, such as `fr`); the `lang` of a slotted original wins. Give it also with a
   * slotted original on a server-rendered page: the server cannot see the slotted element.
   */
  originalLang?: string;

  /** Whether the reader chose to see the original. */
  private showingOriginal = false;
  /** The polite announcement of the reader's last choice. */
  private announcement = '';
  /** The original's language, when there is an original in another language than the quotation's. */
  private originalLanguage?: string;

  /** The "Copy" and "Share" buttons, loaded when the quote first shows them; they request their own updates. */
  private actions?: ShareActions;
  private loadingActions?: Promise<void>;
  // Read from the light DOM before every update (willUpdate).
  /** The `lang` of the quotation's own content, when it differs from the element's. */
  private contentLang!: string;
  /** Whether the quotation is paragraphs, which carry the marks as generated content. */
  private inParagraphs!: boolean;

  /** `cite` when it is a safe URL (the blockquote's `cite` and the source's link). */
  private citeUrl?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cite')) this.citeUrl = safeUrl(this.cite);
    const content = (selector: string) => (this.lightDomReadable ? this.querySelector(`:scope > ${selector}`) : null);
    this.contentLang = content('[lang]:not([lang=""]):not([slot])')?.getAttribute('lang')!.trim() ?? '';
    this.inParagraphs = !!content('p:not([slot])');
    // A server cannot see a slotted original: `original-lang` tells it there is one.
    const slotted = this.lightDomReadable ? content('[slot="original"]:not([data-generated])') : undefined;
    const given = slotted || this.original?.trim() || (slotted === undefined && this.originalLang);
    const lang = given ? (slotted?.getAttribute('lang') || this.originalLang)?.trim() : undefined;
    // An original in the quotation's own language is the same text: nothing to switch to.
    this.originalLanguage = lang && primaryOf(lang) !== primaryOf(this.contentLang || this.localize.lang) ? lang : undefined;
  }

  protected override updated(): void {
    // The buttons' row keeps its place (styles) until their module arrives.
    if (this.share && this.slots.has('')) {
      this.loadingActions ??= import('./share-actions.js').then(({ ShareActions }) => {
        this.actions = new ShareActions(this, (this.constructor as typeof PullQuote).elementStyles);
      });
    }
  }

  /**
   * The attribution: "— Antony Blinken, US Secretary of State, Le Parisien, 17 March 2022". Each part the page slots
   * is a slot (every part is, while the light DOM is unknown, holding the attribute's text: the server's case); the
   * others are text. Nothing once it is known that no part shows.
   */
  private renderAttribution(): unknown {
    const { slots, citeUrl: cite } = this;
    const hasSource = slots.given('source', this.source);
    const hasDate = slots.given('date', this.date);
    // Whether each part of the attribution shows, in order: speaker, job title, source (or a cite link), date.
    const shown = [slots.given('speaker', this.speaker), slots.given('job-title', this.jobTitle), hasSource || !!cite, hasDate];
    const first = shown.indexOf(true);
    if (first < 0 && slots.filled) return nothing;
    // The text before a part that is shown: a dash before the first, a separator before the others. Empty text is
    // `nothing`, never '': a server renders '' as no text node, and a later value would land in Lit's marker.
    const lead = (part: number) => (shown[part] ? (part > first ? this.localize.term('separator') : '— ') : nothing);
    const linked = (content: unknown) => (cite ? html`<a href=${cite}>${content}</a>` : content);
    // A cite link without a source's name is shown as "Source".
    const sourceAndDate =
      hasSource || cite || hasDate
        ? html`${lead(2)}${hasSource
            ? html`<cite>${linked(slots.slotOr('source', this.source || nothing))}</cite>`
            : cite && linked(this.localize.term('source'))}${lead(3)}${hasDate ? slots.slotOr('date', renderDate(this.date, this.localize)) : nothing}`
        : nothing;
    // Speaker and job title are always in the tree, so that a server, which cannot see slotted content, renders the
    // same structure as the browser (only the separators differ). The name is bold by its element's own default,
    // which also holds when it is generated into the light DOM, where the shadow tree's styles cannot reach.
    return html`${lead(0)}<b>${slots.slotOr('speaker', this.speaker || nothing)}</b>${lead(1)}${slots.slotOr(
      'job-title',
      this.jobTitle || nothing,
    )}${sourceAndDate}`;
  }

  /** The original from the attributes, generated into the light DOM after the quotation when the page slots none. */
  private generateOriginal(filled: Set<string>): unknown {
    const text = filled.has('original') ? undefined : this.original?.trim();
    return text ? html`<blockquote slot="original" lang=${this.originalLang?.trim() || nothing} data-generated>${text}</blockquote>` : nothing;
  }

  /** The original's label ("Original in French"), shown after it where both texts show. */
  private generateOriginalLabel(): unknown {
    return this.originalLanguage ? generatedSpan('original-label', this.originalLabel()) : nothing;
  }

  private originalLabel(): string {
    return this.localize.term('originalLabel', this.originalName());
  }

  private toggleOriginal(): void {
    this.showingOriginal = !this.showingOriginal;
    this.announcement = this.showingOriginal
      ? this.localize.term('showingOriginal', this.originalName())
      : this.localize.term('showingTranslation');
  }

  /** The original's language by name, in the reader's language. */
  private originalName(): string {
    return languageName(this.localize.lang, this.originalLanguage!);
  }

  /** The quotation as the reader sees it now: the original or the page's translation (for copying and sharing). */
  [SHOWN_QUOTE](): ShownQuote {
    return this.originalLanguage && this.showingOriginal
      ? { text: slotText(this, 'original') ?? this.original?.trim(), lang: this.originalLanguage }
      : { text: slotText(this, ''), lang: this.contentLang || this.localize.lang };
  }

  /** The attribution, generated into the light DOM after the quotation when the page slots none of its parts. */
  private generateAttribution(): unknown {
    return this.slots.hasAny(ATTRIBUTION_SLOTS) ? nothing : generatedSpan('attribution', this.renderAttribution());
  }

  protected override render() {
    const { slots } = this;
    const hasQuote = slots.has('');
    const language = this.originalLanguage;
    const showingOriginal = !!language && this.showingOriginal;
    const translationLang = this.contentLang || this.localize.lang;
    // Marks go inside the first and last paragraphs (CSS generated content, also when rendered on a server), so that
    // they hug the words whatever white space the page's markup has around them; other content gets them as
    // generated content of the blockquote.
    const ownMarks = hasQuote && !this.inParagraphs;
    // Known to be empty once the light DOM is read: nothing generated from attributes, and nothing slotted. The
    // actions' row likewise stays until the quote is known to be empty, as a server renders it.
    const unattributed = !!slots.filled && !slots.generated.has('attribution') && !slots.hasAny(ATTRIBUTION_SLOTS);
    // An Arabic or Hebrew quote mirrors even in a page laid out left to right, and an English one inside it does not.
    return html`<figure part="base" class=${showingOriginal ? 'showing-original' : nothing}
        dir=${isRtlLanguage(this.localize.lang) ? 'rtl' : nothing} aria-hidden=${this.excerpt || nothing}
        ><blockquote part="quote" cite=${this.citeUrl ?? nothing}
          dir=${this.contentLang ? (isRtlLanguage(this.contentLang) ? 'rtl' : 'ltr') : nothing}
          style=${marksStyle(translationLang)}
          class=${ownMarks ? 'translation marks' : 'translation'}><slot></slot></blockquote
        >${language ? this.renderOriginal(language) : nothing} <figcaption part="attribution" ?hidden=${unattributed}
          >${slots.region('attribution', () => this.renderAttribution())}</figcaption
        ></figure
      >${this.share && (hasQuote || !slots.filled)
        ? html`<div part="actions" class="actions">${this.actions?.render(quoteMarks(showingOriginal ? language : translationLang))}</div>`
        : nothing}`;
  }

  /**
   * The original in place of the translation, shown by the reader's choice; where both show (printed, JavaScript
   * off), beneath it, followed by its label (after it in the light DOM too, where the page's original comes first).
   */
  private renderOriginal(language: string) {
    return html`<blockquote part="original" class="original marks" lang=${language} dir=${isRtlLanguage(language) ? 'rtl' : 'ltr'} style=${marksStyle(language)}
        ><slot name="original"></slot></blockquote
      ><p part="original-label" class="original-label">${this.slots.region('original-label', () => this.originalLabel())}</p
      ><button type="button" part="original-toggle" class="original-toggle" aria-pressed=${this.showingOriginal}
        @click=${this.toggleOriginal}>${this.localize.term('showOriginal', this.originalName())}</button
      ><span class="visually-hidden" role="status">${this.announcement}</span>`;
  }
}
