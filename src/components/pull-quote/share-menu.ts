import { css, html, nothing } from 'lit';
import { LocalizeController } from '../../internal/localize.js';
import type { PullQuoteShareNetwork } from '../../events/pull-quote-share-event.js';
import type { ShareHost, SharedQuote } from './share-host.js';
import { CardActions } from '../../internal/card-actions.js';
import { quoteCard } from './quote-card.js';
import { shareMenuTerms } from './share-menu.terms.js';

const SERVER_KEY = 'newsroom-elements:mastodon-server';

// The menu's looks, added to the quote's shadow root with the menu (its buttons are the share buttons' own).
const styles = css`
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
`;

// X and Mastodon count any link as 23 characters; one more for the space before it.
const LINK_COST = 24;
const e = encodeURIComponent;

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
 * The menu of share links a pull quote's "Share" button opens where the browser has no Web Share API (or where it can
 * also share files: the menu then leads to the share sheet too, and to the image cards), loaded on the first click. Each link goes to a network's own share page, built only from the quotation and this page's URL:
 * nothing is requested from any network before the reader picks one. Mastodon asks for the reader's server once and
 * remembers it in localStorage.
 */
export class ShareMenu {
  /** Whether the menu is open. */
  open = false;

  private readonly localize: LocalizeController;
  /** "Share as image" and "Download image", which draw the quote as a card. */
  private readonly card: CardActions;
  private askingServer = false;
  private serverError = '';

  constructor(
    private readonly host: ShareHost,
    /** The quotation as shared, and the `pull-quote-share` event. */
    private readonly actions: SharedQuote,
  ) {
    this.localize = new LocalizeController(host, shareMenuTerms);
    this.card = new CardActions(host, () => quoteCard(host, actions), (action, text) =>
      actions.dispatch({ text, url: actions.url(), network: action === 'share' ? 'image' : 'image-download' }),
    );
    const root = host.shadowRoot!;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
    host.renderRoot.addEventListener('keydown', (event) => this.handleKeyDown(event as KeyboardEvent));
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      this.toggle();
      this.host.renderRoot.querySelector<HTMLElement>('[value=share]')?.focus();
    }
  }

  /** Opens or closes the menu. */
  toggle(): void {
    this.open = !this.open;
    this.host.requestUpdate();
  }

  /** The share page of a network, with the text shortened to that network's limit. */
  private link(network: PullQuoteShareNetwork, server = ''): { href: string; text: string } {
    const url = this.actions.url();
    const text = (max?: number) => this.actions.text(max);
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
    if (!this.actions.dispatch({ text, url: this.actions.url(), network })) event.preventDefault();
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
      if (this.actions.dispatch({ text, url: this.actions.url(), network: 'mastodon' })) window.open(href, '_blank', 'noopener');
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

  /** Mastodon's item: a link to the remembered server and a way to change it, or a button that asks for one. */
  private renderMastodon(server: string | undefined) {
    return server && !this.askingServer
      ? html`${this.renderLink('mastodon', `Mastodon (${server})`, server)}
          <button type="button" @click=${() => this.showServerForm()}>${this.localize.term('changeServer')}</button>`
      : html`<button type="button" id="mastodon" aria-expanded=${this.askingServer ? 'true' : 'false'}
          @click=${() => this.showServerForm()}>Mastodon</button>`;
  }

  /** The form that asks for the reader's Mastodon server. */
  private renderServerForm(server: string | undefined) {
    return html`<form @submit=${(event: SubmitEvent) => this.handleServerSubmit(event)} novalidate>
      <label
        >${this.localize.term('server')}
        <input id="mastodon-server" name="server" value=${server ?? ''} autocomplete="url" inputmode="url"
          aria-invalid=${this.serverError ? 'true' : 'false'} aria-describedby="server-error" />
      </label>
      <button>${this.localize.term('go')}</button>
      <p id="server-error" class="error" role="alert">${this.serverError}</p>
    </form>`;
  }

  /** The menu, while open. */
  render() {
    if (!this.open) return nothing;
    const server = storedServer();
    return html`<div id="share-menu" class="menu">
      <span id="share-on">${this.localize.term('shareOn')}</span>
      <ul aria-labelledby="share-on">
        ${typeof navigator.share === 'function'
          ? html`<li><button type="button" id="native" @click=${() => this.actions.shareNatively()}>${this.localize.term('otherApps')}</button></li>`
          : nothing}
        <li>${this.renderLink('x', 'X')}</li>
        <li>${this.renderLink('bluesky', 'Bluesky')}</li>
        <li>${this.renderLink('facebook', 'Facebook')}</li>
        <li>${this.renderLink('linkedin', 'LinkedIn')}</li>
        <li>${this.renderLink('email', this.localize.term('email'))}</li>
        <li>${this.renderMastodon(server)}</li>
      </ul>
      ${this.askingServer ? this.renderServerForm(server) : nothing} ${this.card.render()}
    </div>`;
  }
}
