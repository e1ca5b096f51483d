import { css, html, type ReactiveControllerHost } from 'lit';
import { LocalizeController } from './localize.js';
import { foldWhitespace, SPOKEN_TEXT, type Spoken } from './text.js';
import type { CardContent, CardShape } from './share-card.js';
import { cardActionsTerms } from './card-actions.terms.js';

/** What an element puts on its image card; colours, fonts, the publication's name and the URL are read here. */
export interface CardSource {
  /** Names the file: `quote` or `figure`. */
  kind: 'quote' | 'figure';
  /** The quotation with its marks, or the figure. */
  main: string;
  /** Under a figure, what it counts. */
  label?: string;
  /** The attribution, or the source and date. */
  byline: string;
  /** The words that describe the image (Web Share's `text`): the quotation and its attribution, or the figure's. */
  alt: string;
  /** Whether the main text is written right to left. */
  mainRtl: boolean;
  /** Whether the page around it is. */
  rtl: boolean;
  /** The accent colour as CSS, such as `var(--pull-quote-accent, var(--_accent))`. */
  accent: string;
  /** The main text's font family as CSS; unset custom properties fall back to the element's font. */
  mainFont: string;
}

/** The element the controls live in. */
export interface CardHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** How a card is asked for: shared where the browser can share files, or downloaded. */
export type CardAction = 'share' | 'download';

const styles = css`
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }

  .card-actions label {
    display: flex;
    flex-direction: column;
  }

  select {
    min-block-size: 2.75rem;
    font: inherit;
  }

  @media (forced-colors: active) {
    select {
      color: FieldText;
      border-color: FieldText;
    }
  }
`;

/**
 * The text of a rendered node as a reader sees it, slotted content included: text kept for assistive technology only
 * (`.visually-hidden`) and a count-up's moving figure (`.ticker`) are left out; an element that is `Spoken` gives its
 * spoken text. White space folded.
 */
export function shownText(node: Node): string {
  let text = '';
  const walk = (current: Node): void => {
    const spoken = (current as Partial<Spoken>)[SPOKEN_TEXT];
    if (current.nodeType === 3 /* TEXT_NODE */) text += current.textContent;
    else if (current instanceof HTMLSlotElement) {
      const assigned = current.assignedNodes({ flatten: true });
      (assigned.length ? assigned : [...current.childNodes]).forEach(walk);
    } else if (spoken !== undefined) text += ` ${spoken} `;
    else if (current instanceof Element && !current.matches('.visually-hidden, .ticker, style, [hidden]')) current.childNodes.forEach(walk);
  };
  walk(node);
  return foldWhitespace(text);
}

/** The publication's name: the page's `og:site_name`, else its `application-name`, else its host name. */
function siteName(): string {
  const meta = (selector: string) => document.querySelector<HTMLMetaElement>(`meta[${selector}]`)?.content.trim();
  return meta('property="og:site_name"') || meta('name="application-name"') || location.hostname;
}

/** The page's address: its canonical URL where it names one (the page as published, not as reached). */
function pageUrl(): string {
  return (document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href).split('#')[0];
}

/**
 * The card's content: the element's words, and its colours and fonts as computed where it stands (custom properties
 * and `light-dark()` resolved, as the reader sees them; never the forced colours of a high-contrast theme, which are
 * not the publication's).
 */
export function cardContent(host: CardHost, source: CardSource): CardContent {
  const probe = document.createElement('span');
  probe.style.setProperty('forced-color-adjust', 'none');
  host.shadowRoot!.append(probe);
  const computed = getComputedStyle(probe);
  const color = (value: string) => {
    probe.style.color = value;
    return computed.color;
  };
  const colors = {
    background: color('var(--_surface)'),
    text: color('var(--ne-color-text, light-dark(#1a1a1a, #f2f2f2))'),
    accent: color(source.accent),
    muted: color('var(--_muted)'),
  };
  const font = computed.fontFamily;
  probe.style.fontFamily = source.mainFont;
  const mainFont = computed.fontFamily;
  probe.remove();
  const { main, label, byline, mainRtl, rtl } = source;
  return { main, label, byline, rtl, mainRtl, figure: source.kind === 'figure', site: siteName(), url: pageUrl(), font, mainFont, colors };
}

/** Waits for the page's web fonts, loading the faces the card's text needs (a face the page has not used yet too). */
export async function loadFonts(content: CardContent): Promise<void> {
  await document.fonts.ready;
  const text = [content.main, content.label, content.byline, content.site, content.url].join(' ');
  const loads = [content.font, content.mainFont].flatMap((family) =>
    [400, 700].map((weight) => document.fonts.load(`${weight} 16px ${family}`, text).catch(() => [])),
  );
  await Promise.all(loads);
}

/**
 * The image card's controls: a shape, "Share as image" and "Download image", and what became of the last one. The
 * drawing code loads when they first show. `before` may cancel an action (an element's own event).
 */
export class CardActions {
  private shape: CardShape = 'wide';
  private status = '';
  private readonly localize: LocalizeController;

  constructor(
    private readonly host: CardHost,
    private readonly source: () => CardSource,
    private readonly before: (action: CardAction, alt: string) => boolean = () => true,
  ) {
    this.localize = new LocalizeController(host, cardActionsTerms);
    // The drawing code loads as the controls show, not on the click: a share sheet opens only while the click's user
    // activation lasts (about a second in Safari), which a slow download would outlast.
    import('./share-card.js').catch(() => undefined);
    const root = host.shadowRoot!;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
  }

  /** Draws the card and shares it, or downloads it where the browser cannot share files. */
  async make(action: CardAction): Promise<void> {
    const source = this.source();
    if (!this.before(action, source.alt)) return;
    this.report('');
    try {
      const content = cardContent(this.host, source);
      const [{ cardPng }] = await Promise.all([import('./share-card.js'), loadFonts(content)]);
      const blob = await cardPng(content, this.shape);
      const [width, height] = this.shape === 'wide' ? [1200, 630] : [1080, 1350];
      const file = new File([blob], `${source.kind}-${width}x${height}.png`, { type: 'image/png' });
      if (action === 'share' && navigator.canShare?.({ files: [file] })) {
        // A reader who closes the share sheet rejects the promise: nothing to report.
        await navigator.share({ files: [file], text: source.alt }).catch(() => undefined);
        return;
      }
      this.download(file);
      this.report(this.localize.term('imageDownloaded'));
    } catch {
      this.report(this.localize.term('imageFailed'));
    }
  }

  private download(file: File): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = file.name;
    link.hidden = true;
    this.host.renderRoot.append(link);
    link.click();
    link.remove();
    // The download reads the URL after this task: it is released once surely read.
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  }

  private report(status: string): void {
    this.status = status;
    this.host.requestUpdate();
  }

  private readonly handleClick = (event: Event): void => {
    void this.make((event.currentTarget as HTMLButtonElement).value as CardAction);
  };

  private readonly handleShape = (event: Event): void => {
    this.shape = (event.currentTarget as HTMLSelectElement).value as CardShape;
  };

  /** The controls. */
  render() {
    const term = this.localize.term.bind(this.localize);
    return html`<div class="card-actions">
      <label
        >${term('imageShape')}
        <select id="card-shape" @change=${this.handleShape}>
          <option value="wide" ?selected=${this.shape === 'wide'}>${term('imageWide')}</option>
          <option value="tall" ?selected=${this.shape === 'tall'}>${term('imageTall')}</option>
        </select>
      </label>
      <button type="button" id="share-image" value="share" @click=${this.handleClick}>${term('shareImage')}</button>
      <button type="button" id="download-image" value="download" @click=${this.handleClick}>${term('downloadImage')}</button>
      <span role="status">${this.status}</span>
    </div>`;
  }
}
