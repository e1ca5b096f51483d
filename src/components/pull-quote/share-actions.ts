import { adoptStyles, css, html, nothing, type CSSResultOrNative } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';
import { LocalizeController } from '../../internal/localize.js';
import { slotText } from '../../internal/text.js';
import { PullQuoteShareEvent, type PullQuoteShareDetail } from '../../events/pull-quote-share-event.js';
import { SHOWN_QUOTE, type ShareHost, type SharedQuote } from './share-host.js';
import type { ShareMenu } from './share-menu.js';
import { shareActionsTerms } from './share-actions.terms.js';

/** Whether "Share" opens the menu rather than the browser's share sheet. */
const opensMenu = () =>
  typeof navigator.share !== 'function' || !!navigator.canShare?.({ files: [new File([], 'card.png', { type: 'image/png' })] });

/** Cuts text to at most `length` UTF-16 units without leaving half a surrogate pair. */
const clip = (text: string, length: number) => text.slice(0, Math.max(0, length)).replace(/[\uD800-\uDBFF]$/, '');

/** Keeps a text-fragment directive's own syntax characters (`-`, `,`, `&`) out of the quoted words. */
const fragmentText = (words: string[]) => encodeURIComponent(words.join(' ')).replace(/-/g, '%2D');

// The buttons' looks, added to the element's styles when they load (the place their row keeps on screen meanwhile is
// the element's own, so that nothing moves).
const styles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  [role='status'] {
    color: var(--_muted);
  }

  @media print {
    .actions {
      display: none;
    }
  }
`;

/**
 * A pull quote's "Copy" and "Share" buttons, loaded when a quote with `share` first shows, so that pages pay for
 * them only where they are used. "Share" opens the browser's share sheet, or else the menu of share links, which
 * loads with its own module on the first click.
 */
export class ShareActions implements SharedQuote {
  /** What the status line says after an action, such as "Quote copied". */
  private status = '';
  private menu?: ShareMenu;
  private readonly localize: LocalizeController;

  /** The quotation marks of the quote's language, as the quote last rendered them. */
  private marks: readonly [string, string] = ['“', '”'];

  /** `hostStyles`: the quote's own styles, which the buttons' styles join in its shadow root. */
  constructor(
    private readonly host: ShareHost,
    hostStyles: readonly CSSResultOrNative[],
  ) {
    this.localize = new LocalizeController(host, shareActionsTerms);
    adoptStyles(host.shadowRoot!, [...hostStyles, buttonStyles, styles]);
    host.requestUpdate();
  }

  /** Fires the cancelable `pull-quote-share` event; false when the page cancelled it. */
  dispatch(detail: PullQuoteShareDetail): boolean {
    return this.host.dispatchEvent(new PullQuoteShareEvent(detail));
  }

  /** The speaker as shared: the attribution slot's text (a caption's name and job title), or speaker and job title. */
  private attribution(): string {
    const caption = slotText(this.host, 'attribution');
    const part = (name: string, value?: string | null) => slotText(this.host, name) || value?.trim();
    return caption || [part('speaker', this.host.speaker), part('job-title', this.host.jobTitle)].filter(Boolean).join(this.localize.term('separator'));
  }

  /**
   * The quotation as shared: `“quote” — Speaker, Job title`. Past `max` characters the quote is shortened on a word
   * boundary, keeping its marks and attribution.
   */
  text(max = Infinity): string {
    const [open, close] = this.marks;
    const by = this.attribution();
    const end = close + (by ? ` — ${by}` : '');
    let quote = this.host[SHOWN_QUOTE]().text ?? '';
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
  url(): string {
    const words = (this.host[SHOWN_QUOTE]().text ?? '').split(' ');
    const directive = words.length > 8 ? `${fragmentText(words.slice(0, 4))},${fragmentText(words.slice(-4))}` : fragmentText(words);
    return `${location.href.split('#')[0]}#:~:text=${directive}`;
  }

  /** Copies the quotation, its speaker and its link, and says whether that worked. */
  private async copy(): Promise<void> {
    const text = this.text();
    const url = this.url();
    if (!this.dispatch({ text, url, network: 'copy' })) return;
    try {
      await navigator.clipboard.writeText(`${text}\n${url}`);
      this.status = this.localize.term('copied');
    } catch {
      this.status = this.localize.term('copyFailed');
    }
    this.host.requestUpdate();
  }

  /** Opens the browser's share sheet with the quotation and its link, unless the page cancels the event. */
  async shareNatively(): Promise<void> {
    const text = this.text();
    const url = this.url();
    // A reader who closes the share sheet rejects the promise: nothing to report.
    if (this.dispatch({ text, url, network: 'native' })) await navigator.share({ text, url }).catch(() => undefined);
  }

  /**
   * Opens the browser's share sheet, or else opens or closes the menu: where the browser has no Web Share API, or where
   * it can also share files, whose image cards the menu offers beside the sheet.
   */
  private async share(): Promise<void> {
    if (!opensMenu()) {
      await this.shareNatively();
      return;
    }
    if (!this.menu) {
      const { ShareMenu } = await import('./share-menu.js');
      this.menu ??= new ShareMenu(this.host, this);
    }
    this.menu.toggle();
  }

  private readonly handleClick = (event: Event): void => {
    void this[(event.currentTarget as HTMLButtonElement).value as 'copy' | 'share']();
  };

  /** The buttons, the status line and the menu while it is open; `marks` are the quotation marks of the quote. */
  render(marks: readonly [string, string]) {
    this.marks = marks;
    const open = this.menu?.open;
    return html`<button type="button" value="copy" @click=${this.handleClick}>${this.localize.term('copy')}</button>
      <button type="button" value="share" aria-controls=${open ? 'share-menu' : nothing}
        aria-expanded=${opensMenu() ? (open ? 'true' : 'false') : nothing} @click=${this.handleClick}>
        ${this.localize.term('share')}
      </button>
      <span role="status">${this.status}</span>
      ${this.menu?.render()}`;
  }
}
