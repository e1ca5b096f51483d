import { adoptStyles, css, html, nothing, render, type ReactiveController, type ReactiveElement } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';
import { CardActions, shownText, type CardHost } from '../../internal/card-actions.js';
import { LocalizeController, resolveLang } from '../../internal/localize.js';
import { isRtlLanguage } from '../../internal/typography.js';
import { shareFigureTerms } from './share-figure.terms.js';

const styles = css`
  @media print {
    [part='actions'] {
      display: none;
    }
  }
`;

/**
 * A stat callout's "Share figure" button and the panel it opens, with the image card's controls: loaded when a
 * callout with `share` first shows, so that pages pay for them only where they are used. The drawing code loads when
 * the panel first opens. It renders itself into the callout's `actions` row after each of the callout's updates (the
 * callout's own template only holds the row, which keeps the callout small).
 */
export class ShareFigure implements ReactiveController {
  private open = false;
  /** The image controls, made when the panel first opens (they load the drawing code). */
  private card?: CardActions;
  private readonly localize: LocalizeController;

  constructor(private readonly host: CardHost) {
    this.localize = new LocalizeController(host, shareFigureTerms);
    // The buttons' styles join the callout's own in its shadow root.
    const { elementStyles } = host.constructor as typeof ReactiveElement;
    adoptStyles(host.shadowRoot!, [...elementStyles, buttonStyles, styles]);
    host.renderRoot.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && this.open) {
        this.toggle();
        this.host.renderRoot.querySelector<HTMLElement>('#share-figure')?.focus();
      }
    });
    host.addController(this);
    host.requestUpdate();
  }

  hostUpdated(): void {
    const row = this.host.renderRoot.querySelector<HTMLElement>('[part~="actions"]');
    if (row) render(this.render(), row, { host: this.host });
  }

  /** The figure, its label and its source line as shown (a count-up's final figure). */
  private source() {
    const part = (name: string) => {
      const node = this.host.renderRoot.querySelector(`[part~="${name}"]`);
      return node ? shownText(node) : '';
    };
    const [main, label, byline] = [part('value'), part('label'), part('source')];
    const rtl = isRtlLanguage(resolveLang(this.host));
    const alt = [[main, label].filter(Boolean).join(' '), byline].filter(Boolean).join(' — ');
    return { kind: 'figure', main, label, byline, alt, rtl, mainRtl: rtl, accent: 'var(--stat-callout-value-color, var(--_accent))', mainFont: '' } as const;
  }

  private toggle(): void {
    this.open = !this.open;
    this.card ??= new CardActions(this.host, () => this.source());
    this.host.requestUpdate();
  }

  /** The button, and the panel while it is open. */
  private render() {
    return html`<button type="button" id="share-figure" aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'share-panel' : nothing} @click=${() => this.toggle()}>${this.localize.term('shareFigure')}</button
      >${this.open ? html`<div id="share-panel" class="panel">${this.card!.render()}</div>` : nothing}`;
  }
}
