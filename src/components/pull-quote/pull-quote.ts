import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { isRtlLanguage } from '../../internal/localize.js';
import { safeUrl } from '../../internal/safe-url.js';
import { hasSlotted } from '../../internal/slots.js';
import { isDateOnly, parseIsoDate } from '../../internal/dates.js';
import { tokens } from '../../internal/tokens.styles.js';
import type { ShareActions } from './share-menu.js';
import { pullQuoteTerms } from './pull-quote.terms.js';
import { styles } from './pull-quote.styles.js';

/** How a pull quote is laid out. */
export type PullQuoteVariant = 'inline' | 'aside' | 'feature';

/** Resolves quotation marks from the quotation's own `lang` when its markup has one, else from the element's. */
/** A CSS string holding the text (quotation marks come from registered translations: escape them all the same). */
const cssString = (text: string) => `"${text.replace(/["\\\n]/g, (char) => (char === '\n' ? '\\a ' : `\\${char}`))}"`;

/**
 * @tag pull-quote
 * @summary A quotation with its speaker: a `figure` with a `blockquote`, quotation marks in the quotation's
 *   language, and optional "Copy" and "Share" actions.
 *
 * @slot - The quotation, such as a `<p>`; its inline markup and `lang` attributes are kept.
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
 *
 * @cssprop --pull-quote-accent - Colour of the rule and quotation marks (default: the accent colour).
 * @cssprop --pull-quote-font-family - Font of the quotation (default: inherited).
 * @cssprop --pull-quote-font-size - Size of the quotation (default: 1.25em; 1.75em for `feature`).
 * @cssprop --pull-quote-aside-width - Width of an `aside` quote beside the text (default: 40%).
 *
 * @fires {PullQuoteShareEvent} pull-quote-share - Before the quote is copied or shared; cancelable.
 */
export class PullQuote extends NewsroomElement {
  static override styles = [tokens, styles];
  static override terms = pullQuoteTerms;


  /** The copy and share actions, loaded with the share menu on the first click. */
  @state() private sharing?: ShareActions;

  /** URL of the quotation's source (http, https or relative URLs only; anything else is ignored). */
  @property() cite = '';

  /** The speaker's name (shorthand for a slotted `speaker-caption`). */
  @property() speaker = '';

  /** The speaker's job title. */
  @property({ attribute: 'job-title' }) jobTitle = '';

  /** Where it was said or published, such as a newspaper's name. */
  @property() source = '';

  /** When it was said (ISO 8601), shown in the element's language; other text is shown as written. */
  @property() date = '';

  /** `inline` (default), `aside` (beside the text on wide screens) or `feature` (large display). */
  @property({ reflect: true }) variant: PullQuoteVariant = 'inline';

  /** The quote repeats the article's own text: assistive technology skips it so it is not read twice. */
  @property({ type: Boolean, reflect: true }) excerpt = false;

  /** Shows the "Copy quote" and "Share quote" actions. */
  @property({ type: Boolean, reflect: true }) share = false;

  /** The `lang` of the quotation's own content, when it differs from the element's (derived in willUpdate). */
  private contentLang = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.contentLang = isServer ? '' : (this.querySelector(':scope > [lang]:not([slot])')?.getAttribute('lang')?.trim() ?? '');
  }

  /** The quotation's language, which picks its quotation marks. */
  private get quoteLang(): string {
    return this.contentLang || this.localize.lang;
  }

  private handleSlotChange(): void {
    this.requestUpdate();
  }

  private async handleActionClick(event: Event): Promise<void> {
    const action = (event.currentTarget as HTMLButtonElement).value as 'copy' | 'share';
    if (!this.sharing) {
      const { ShareActions } = await import('./share-menu.js');
      this.sharing ??= new ShareActions(this, () => this.localize.quotes(false, this.quoteLang), () => this.localize.term('separator'));
    }
    await this.sharing[action]();
  }

  private renderAttribution() {
    const cite = safeUrl(this.cite);
    const has = (name: string, value: string) => value.trim() !== '' || hasSlotted(this, name);
    const date = parseIsoDate(this.date);
    const parts = [
      has('speaker', this.speaker) && html`<span class="speaker"><slot name="speaker">${this.speaker}</slot></span>`,
      has('job-title', this.jobTitle) && html`<slot name="job-title">${this.jobTitle}</slot>`,
      has('source', this.source)
        ? html`<cite>${cite ? html`<a href=${cite}><slot name="source">${this.source}</slot></a>` : html`<slot name="source">${this.source}</slot>`}</cite>`
        : cite && html`<a href=${cite}>${this.localize.term('source')}</a>`,
      has('date', this.date) &&
        html`<slot name="date"
          ><time datetime=${date ? this.date.trim() : nothing}
            >${date ? this.localize.date(date, { dateStyle: 'long', timeZone: isDateOnly(this.date) ? 'UTC' : undefined }) : this.date}</time
          ></slot
        >`,
    ].filter(Boolean);
    const separator = this.localize.term('separator');
    // Every slot stays in the tree, even unused, so that content the page adds later is noticed.
    // A server cannot see slotted content: it keeps the caption, empty or not, so nothing appears on hydration.
    return html`<figcaption part="attribution" class="attribution" ?hidden=${!isServer && !parts.length && !hasSlotted(this, 'attribution')}
      ><slot name="attribution" @slotchange=${this.handleSlotChange}
        >${parts.length ? '— ' : nothing}${parts.map((part, index) => html`${index ? separator : nothing}${part}`)}</slot
      ></figcaption
    >`;
  }

  private renderActions() {
    const open = this.sharing?.open;
    return html`<div part="actions" class="actions">
      <button type="button" value="copy" @click=${this.handleActionClick}>${this.localize.term('copy')}</button>
      <button type="button" value="share" class="share" aria-controls=${open ? 'share-menu' : nothing}
        aria-expanded=${typeof navigator.share === 'function' ? nothing : open ? 'true' : 'false'} @click=${this.handleActionClick}>
        ${this.localize.term('share')}
      </button>
      <span role="status">${this.sharing?.status}</span>
      ${this.sharing?.render()}
    </div>`;
  }

  protected override render() {
    const hasQuote = hasSlotted(this);
    // Marks go inside the first and last paragraphs (CSS generated content, also when rendered on a server), so that
    // they hug the words whatever white space the page's markup has around them; other content gets elements.
    const inParagraphs = !isServer && this.querySelector(':scope > p:not([slot])') !== null;
    const [open, close] = this.localize.quotes(false, this.quoteLang);
    // An Arabic or Hebrew quote mirrors even in a page laid out left to right, and an English one inside it does not.
    const pageRtl = !isServer && this.matches(':dir(rtl)');
    const rtl = pageRtl || this.localize.rtl;
    const quoteRtl = this.contentLang ? isRtlLanguage(this.contentLang) : rtl;
    const spans = hasQuote && !inParagraphs;
    return html`<figure part="base" class="base" dir=${rtl === pageRtl ? nothing : 'rtl'} aria-hidden=${this.excerpt ? 'true' : nothing}>
        <blockquote part="quote" class="quote" cite=${safeUrl(this.cite) ?? nothing}
          dir=${quoteRtl === rtl ? nothing : quoteRtl ? 'rtl' : 'ltr'} style=${styleMap({ '--_open': cssString(open), '--_close': cssString(close) })}
          >${spans ? html`<span class="mark">${open}</span>` : nothing}<slot @slotchange=${this.handleSlotChange}></slot
          >${spans ? html`<span class="mark-end">${close}</span>` : nothing}</blockquote
        >
        ${this.renderAttribution()}
      </figure>
      ${this.share && hasQuote && !isServer ? this.renderActions() : nothing}`;
  }
}
