import { html, nothing } from 'lit';
import { LocalizeController } from '../../internal/localize.js';
import { PullQuoteShareEvent, type PullQuoteShareDetail, type PullQuoteShareNetwork } from '../../events/pull-quote-share-event.js';
import type { SpeakerCaption } from '../speaker-caption/speaker-caption.js';
import type { PullQuote } from './pull-quote.js';
import { shareMenuTerms } from './share-menu.terms.js';

const SERVER_KEY = 'newsroom-elements:mastodon-server';
// X and Mastodon count any link as 23 characters; one more for the space before it.
const LINK_COST = 24;
const e = encodeURIComponent;

/** Cuts text to at most `length` UTF-16 units without leaving half a surrogate pair. */
const clip = (text: string, length: number) => text.slice(0, Math.max(0, length)).replace(/[\uD800-\uDBFF]$/, '');

/** Keeps a text-fragment directive's own syntax characters (`-`, `,`, `&`) out of the quoted words. */
const fragmentText = (words: string[]) => encodeURIComponent(words.join(' ')).replace(/-/g, '%2D');

/** A host name as a reader types it ("mastodon.social", "https://fosstodon.org/"), or undefined. */
function parseServer(input: string): string | undefined {
  const host = input.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (!/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d{1,5})?$/u.test(host)) return undefined;
  try {
    return new URL(`https://${host}`).host;
  } catch {
    return undefined;
  }
}

function storedServer(): string | undefined {
  try {
    return parseServer(localStorage.getItem(SERVER_KEY) ?? '');
  } catch {
    return undefined; // storage blocked by the reader's settings
  }
}

/**
 * A pull quote's "Copy" and "Share" actions, loaded on the first click so that pages pay for them only when a
 * reader uses them. Where the browser has no Web Share API, "Share" opens a menu of links to each network's own
 * share page, built only from the quotation and this page's URL: nothing is requested from any network before the
 * reader picks one. Mastodon asks for the reader's server once and remembers it in localStorage.
 */
export class ShareActions {
  /** What the status line says after an action, such as "Quote copied". */
  status = '';
  /** Whether the menu is open. */
  open = false;

  private readonly localize: LocalizeController;
  private askingServer = false;
  private serverError = '';

  constructor(
    private readonly host: PullQuote,
    /** The quotation marks of the quote's language. */
    private readonly marks: () => readonly [string, string],
    /** The separator between a name and a job title in the element's language. */
    private readonly separator: () => string,
  ) {
    this.localize = new LocalizeController(host, shareMenuTerms);
    host.renderRoot.addEventListener('keydown', (event) => this.handleKeyDown(event as KeyboardEvent));
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      this.open = false;
      this.host.requestUpdate();
      this.host.renderRoot.querySelector<HTMLElement>('[value=share]')?.focus();
    }
  }

  /** Fires the cancelable `pull-quote-share` event; false when the page cancelled it. */
  private dispatch(detail: PullQuoteShareDetail): boolean {
    return this.host.dispatchEvent(new PullQuoteShareEvent(detail));
  }

  /** The text of a slot's content, white space folded; for a `speaker-caption`, its name and job title. */
  private slotText(name: string): string {
    const host = this.host;
    const nodes = name
      ? Array.from(host.querySelectorAll(`:scope > [slot="${name}"]`))
      : Array.from(host.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && !node.hasAttribute('slot')));
    return nodes
      .map((node) => (node as Partial<SpeakerCaption>).phrase ?? node.textContent)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  private attribution(): string {
    const caption = this.slotText('attribution');
    const part = (name: string, value: string) => this.slotText(name) || value.trim();
    return caption || [part('speaker', this.host.speaker), part('job-title', this.host.jobTitle)].filter(Boolean).join(this.separator());
  }

  /**
   * The quotation as shared: `“quote” — Speaker, Job title`. Past `max` characters the quote is shortened on a word
   * boundary, keeping its marks and attribution.
   */
  text(max = Infinity): string {
    const [open, close] = this.marks();
    const by = this.attribution();
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
  url(): string {
    const words = this.slotText('').split(' ');
    const directive = words.length > 8 ? `${fragmentText(words.slice(0, 4))},${fragmentText(words.slice(-4))}` : fragmentText(words);
    return `${location.href.split('#')[0]}#:~:text=${directive}`;
  }

  /** Copies the quotation, its speaker and its link, and says whether that worked. */
  async copy(): Promise<void> {
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

  /** Opens the browser's share sheet, or else opens or closes the menu. */
  async share(): Promise<void> {
    if (typeof navigator.share === 'function') {
      const text = this.text();
      const url = this.url();
      // A reader who closes the share sheet rejects the promise: nothing to report.
      if (this.dispatch({ text, url, network: 'native' })) await navigator.share({ text, url }).catch(() => undefined);
      return;
    }
    this.open = !this.open;
    this.host.requestUpdate();
  }

  /** The share page of a network, with the text shortened to that network's limit. */
  private link(network: PullQuoteShareNetwork, server = ''): { href: string; text: string } {
    const url = this.url();
    const text = (max?: number) => this.text(max);
    switch (network) {
      case 'x':
        return { text: text(280 - LINK_COST), href: `https://x.com/intent/post?text=${e(text(280 - LINK_COST))}&url=${e(url)}` };
      case 'bluesky': // Bluesky counts the link in full.
        return { text: text(300 - url.length - 1), href: `https://bsky.app/intent/compose?text=${e(`${text(300 - url.length - 1)} ${url}`)}` };
      case 'mastodon':
        return { text: text(500 - LINK_COST), href: `https://${server}/share?text=${e(`${text(500 - LINK_COST)} ${url}`)}` };
      case 'facebook':
        return { text: text(), href: `https://www.facebook.com/sharer/sharer.php?u=${e(url)}` };
      case 'linkedin':
        return { text: text(), href: `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}` };
      default:
        return { text: text(), href: `mailto:?subject=${e(text(100))}&body=${e(`${text()}\n\n${url}`)}` };
    }
  }

  /** Lets the page track or replace the action; a cancelled event stops the link. */
  private pick(event: Event, network: PullQuoteShareNetwork, text: string): void {
    if (!this.dispatch({ text, url: this.url(), network })) event.preventDefault();
  }

  private async showServerForm(): Promise<void> {
    this.askingServer = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('#mastodon-server')?.focus();
  }

  private async handleServerSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('server') as HTMLInputElement;
    const server = parseServer(input.value);
    this.serverError = server ? '' : this.localize.term('badServer');
    if (server) {
      try {
        localStorage.setItem(SERVER_KEY, server);
      } catch {
        // Not remembered, but this share still goes ahead.
      }
      this.askingServer = false;
      const { text, href } = this.link('mastodon', server);
      if (this.dispatch({ text, url: this.url(), network: 'mastodon' })) window.open(href, '_blank', 'noopener');
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(server ? '#mastodon' : '#mastodon-server')?.focus();
  }

  private renderLink(network: PullQuoteShareNetwork, label: string, server?: string) {
    const { href, text } = this.link(network, server);
    return html`<a id=${network} href=${href} target=${network === 'email' ? nothing : '_blank'} rel="noopener noreferrer"
      @click=${(event: Event) => this.pick(event, network, text)}>${label}</a>`;
  }

  /** The menu, while open. */
  render() {
    if (!this.open) return nothing;
    const term = (key: string) => this.localize.term(key);
    const server = storedServer();
    return html`<style>
        .menu {
          flex-basis: 100%;
        }
        ul {
          display: flex;
          flex-wrap: wrap;
          gap: 0.25rem 1rem;
          margin: 0.25rem 0 0;
          padding: 0;
          list-style: none;
        }
        a {
          display: inline-block;
          padding-block: 0.5rem;
        }
        form {
          display: flex;
          flex-wrap: wrap;
          align-items: end;
          gap: 0.5rem;
          margin-block-start: 0.5rem;
        }
        label {
          display: flex;
          flex-direction: column;
        }
        input {
          min-block-size: 2.75rem;
          padding-inline: 0.5rem;
          font: inherit;
        }
        .error {
          flex-basis: 100%;
          margin: 0;
          color: var(--_accent);
        }
      </style>
      <div id="share-menu" class="menu">
        <span id="share-on">${term('shareOn')}</span>
        <ul aria-labelledby="share-on">
          <li>${this.renderLink('x', 'X')}</li>
          <li>${this.renderLink('bluesky', 'Bluesky')}</li>
          <li>${this.renderLink('facebook', 'Facebook')}</li>
          <li>${this.renderLink('linkedin', 'LinkedIn')}</li>
          <li>${this.renderLink('email', term('email'))}</li>
          <li>
            ${server && !this.askingServer
              ? html`${this.renderLink('mastodon', `Mastodon (${server})`, server)}
                  <button type="button" @click=${() => this.showServerForm()}>${term('changeServer')}</button>`
              : html`<button type="button" id="mastodon" aria-expanded=${this.askingServer ? 'true' : 'false'}
                  @click=${() => this.showServerForm()}>Mastodon</button>`}
          </li>
        </ul>
        ${this.askingServer
          ? html`<form @submit=${(event: SubmitEvent) => this.handleServerSubmit(event)} novalidate>
              <label
                >${term('server')}
                <input id="mastodon-server" name="server" value=${server ?? ''} autocomplete="url" inputmode="url"
                  aria-invalid=${this.serverError ? 'true' : 'false'} aria-describedby="server-error" />
              </label>
              <button>${term('go')}</button>
              <p id="server-error" class="error" role="alert">${this.serverError}</p>
            </form>`
          : nothing}
      </div>`;
  }
}
