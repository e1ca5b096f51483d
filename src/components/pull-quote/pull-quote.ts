import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { LocalizeController } from '../../internal/localize.js';
import { safeUrl } from '../../internal/safe-url.js';
import { hasSlotted } from '../../internal/slots.js';
import { isDateOnly, parseIsoDate } from '../../internal/dates.js';
import { tokens } from '../../internal/tokens.styles.js';
import { PullQuoteShareEvent, type PullQuoteShareNetwork } from '../../events/pull-quote-share-event.js';
import type { SpeakerCaption } from '../speaker-caption/speaker-caption.js';
import type { ShareMenu } from './share-menu.js';
import { pullQuoteTerms } from './pull-quote.terms.js';
import { styles } from './pull-quote.styles.js';

/** How a pull quote is laid out. */
export type PullQuoteVariant = 'inline' | 'aside' | 'feature';

/** Resolves quotation marks from the quotation's own `lang` when its markup has one, else from the element's. */
class QuoteLanguage extends LocalizeController {
  contentLang = '';

  override get lang(): string {
    return this.contentLang || super.lang;
  }
}

/** Cuts text to at most `length` UTF-16 units without leaving half a surrogate pair. */
const clip = (text: string, length: number) => text.slice(0, Math.max(0, length)).replace(/[\uD800-\uDBFF]$/, '');

/** A CSS string holding the text (quotation marks come from registered translations: escape them all the same). */
const cssString = (text: string) => `"${text.replace(/["\\\n]/g, (char) => (char === '\n' ? '\\a ' : `\\${char}`))}"`;

/** Keeps a text-fragment directive's own syntax characters (`-`, `,`, `&`) out of the quoted words. */
const fragmentText = (words: string[]) => encodeURIComponent(words.join(' ')).replace(/-/g, '%2D');

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

  private readonly quoteLanguage = new QuoteLanguage(this, pullQuoteTerms);

  @query('.share') private shareButton!: HTMLButtonElement;

  /** What the status line says after an action, such as "Quote copied". */
  @state() private status = '';

  /** The share menu, once loaded and opened (its module loads on first use). */
  @state() private menu?: ShareMenu;

  /** Whether the share menu is open. */
  @state() private menuOpen = false;

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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.quoteLanguage.contentLang = isServer ? '' : (this.querySelector(':scope > [lang]:not([slot])')?.getAttribute('lang')?.trim() ?? '');
  }

  private handleSlotChange(): void {
    this.requestUpdate();
  }

  private async handleCopyClick(): Promise<void> {
    const text = this.shareText();
    const url = this.quoteUrl();
    if (!this.dispatchShare({ text, url, network: 'copy' })) return;
    try {
      await navigator.clipboard.writeText(`${text}\n${url}`);
      this.status = this.localize.term('copied');
    } catch {
      this.status = this.localize.term('copyFailed');
    }
  }

  private async handleShareClick(): Promise<void> {
    if (typeof navigator.share === 'function') {
      const text = this.shareText();
      const url = this.quoteUrl();
      if (!this.dispatchShare({ text, url, network: 'native' })) return;
      // A reader who closes the share sheet rejects the promise: nothing to report.
      await navigator.share({ text, url }).catch(() => undefined);
      return;
    }
    if (!this.menu) {
      const { ShareMenu } = await import('./share-menu.js');
      this.menu = new ShareMenu(this, {
        text: (max) => this.shareText(max),
        url: () => this.quoteUrl(),
        dispatch: (detail) => this.dispatchShare(detail),
      });
    }
    this.menuOpen = !this.menuOpen;
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.menuOpen) {
      this.menuOpen = false;
      this.shareButton.focus();
    }
  }

  private dispatchShare(detail: { text: string; url: string; network: PullQuoteShareNetwork }): boolean {
    return this.dispatchEvent(new PullQuoteShareEvent(detail));
  }

  /** The text of a slot's content, white space folded; for a `speaker-caption`, its name and job title. */
  private slotText(name: string): string {
    const nodes = name
      ? Array.from(this.querySelectorAll(`:scope > [slot="${name}"]`))
      : Array.from(this.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && !node.hasAttribute('slot')));
    return nodes
      .map((node) => (node as Partial<SpeakerCaption>).phrase ?? node.textContent)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  private attributionText(): string {
    if (hasSlotted(this, 'attribution')) return this.slotText('attribution');
    const part = (name: string, value: string) => (hasSlotted(this, name) ? this.slotText(name) : value.trim());
    return [part('speaker', this.speaker), part('job-title', this.jobTitle)].filter(Boolean).join(this.localize.term('separator'));
  }

  /**
   * The quotation as shared: `“quote” — Speaker, Job title`. Past `max` characters the quote is shortened on a word
   * boundary, keeping its marks and attribution.
   */
  shareText(max = Infinity): string {
    const [open, close] = this.quoteLanguage.quotes();
    const by = this.attributionText();
    const end = close + (by ? ` — ${by}` : '');
    let quote = this.slotText('');
    const room = max - open.length - end.length;
    if (quote.length > room) {
      const cut = clip(quote, room - 1);
      const space = cut.lastIndexOf(' ');
      quote = `${space > 0 ? cut.slice(0, space) : cut}…`;
    }
    const text = open + quote + end;
    return text.length > max ? `${clip(text, max - 1)}…` : text;
  }

  /** This page's URL with a text fragment that scrolls to the quotation and highlights it. */
  quoteUrl(): string {
    const words = this.slotText('').split(' ');
    const directive = words.length > 8 ? `${fragmentText(words.slice(0, 4))},${fragmentText(words.slice(-4))}` : fragmentText(words);
    return `${location.href.split('#')[0]}#:~:text=${directive}`;
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
    return html`<figcaption part="attribution" class="attribution" ?hidden=${!parts.length && !hasSlotted(this, 'attribution')}
      ><slot name="attribution" @slotchange=${this.handleSlotChange}
        >${parts.length ? '— ' : nothing}${parts.map((part, index) => html`${index ? separator : nothing}${part}`)}</slot
      ></figcaption
    >`;
  }

  private renderActions() {
    const menuOpen = this.menuOpen && this.menu;
    return html`<div part="actions" class="actions" @keydown=${this.handleKeyDown}>
      <button type="button" @click=${this.handleCopyClick}>${this.localize.term('copy')}</button>
      <button type="button" class="share" aria-controls=${menuOpen ? 'share-menu' : nothing}
        aria-expanded=${typeof navigator.share === 'function' ? nothing : menuOpen ? 'true' : 'false'} @click=${this.handleShareClick}>
        ${this.localize.term('share')}
      </button>
      <span role="status">${this.status}</span>
      ${menuOpen ? this.menu!.render() : nothing}
    </div>`;
  }

  protected override render() {
    const hasQuote = hasSlotted(this);
    // Marks go inside the first and last paragraphs (CSS generated content), so that they hug the words whatever
    // white space the page's markup has around them; other content gets them as elements of their own.
    const inParagraphs = !isServer && this.querySelector(':scope > p:not([slot])') !== null;
    const [open, close] = this.quoteLanguage.quotes();
    // An Arabic or Hebrew quote mirrors even in a page laid out left to right, and an English one inside it does not.
    const pageRtl = !isServer && this.matches(':dir(rtl)');
    const rtl = pageRtl || this.localize.rtl;
    const quoteRtl = this.quoteLanguage.contentLang ? this.quoteLanguage.rtl : rtl;
    const spans = hasQuote && !inParagraphs;
    return html`<figure part="base" class="base" dir=${rtl === pageRtl ? nothing : 'rtl'} aria-hidden=${this.excerpt ? 'true' : nothing}>
        <blockquote part="quote" class="quote ${inParagraphs ? 'in-paragraphs' : ''}" cite=${safeUrl(this.cite) ?? nothing}
          dir=${quoteRtl === rtl ? nothing : quoteRtl ? 'rtl' : 'ltr'} style=${styleMap({ '--_open': cssString(open), '--_close': cssString(close) })}
          >${spans ? html`<span class="mark">${open}</span>` : nothing}<slot @slotchange=${this.handleSlotChange}></slot
          >${spans ? html`<span class="mark-end">${close}</span>` : nothing}</blockquote
        >
        ${this.renderAttribution()}
      </figure>
      ${this.share && hasQuote && !isServer ? this.renderActions() : nothing}`;
  }
}
