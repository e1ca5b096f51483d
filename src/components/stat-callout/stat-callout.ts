import { html, nothing, type PropertyValues } from 'lit';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { FilledSlotsController, generatedSpan } from '../../internal/slots.js';
import { safeUrl } from '../../internal/safe-url.js';
import { renderDate } from '../../internal/dates.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { statCalloutTerms } from './stat-callout.terms.js';
import { styles } from './stat-callout.styles.js';

/** How `value` is formatted. */
export type StatFormat = 'number' | 'compact' | 'percent' | 'none';

/** The slots of the figure's region and of the source line's: the page slotting any of them keeps the region's detail. */
const FIGURE_SLOTS = ['figure', 'prefix', 'value', 'suffix'];
const SOURCE_SLOTS = ['source-line', 'source', 'date'];

/** The figure as worked out for one update: its number when it is formatted, and its text as shown. */
interface ShownFigure {
  numeric?: number;
  shown?: string;
}

// Plain decimal numbers only: "3e6", "0x10" or "1,000" are shown as written rather than guessed at.
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * @tag stat-callout
 * @summary A figure, what it counts and where it comes from: "Over 3M — Ukrainians who fled — Source: AFP".
 *
 * Its words are in the page's light DOM, where Reader View, translation tools and crawlers read them: the page's own
 * slotted children, and for the attributes, children the element generates (marked `data-generated`, one per
 * region: `figure`, `label`, `source-line`), which a server renders with Lit's `renderLight()` directive.
 *
 * @slot - What the figure counts (the label); wins over the `label` attribute.
 * @slot label - The label, as a named slot.
 * @slot figure - The whole figure with its qualifiers ("Over 3M"), as shown; wins over `value`, `prefix` and `suffix`.
 * @slot value - The figure, shown as written; wins over the `value` attribute.
 * @slot prefix - A qualifier before the figure, such as "Over".
 * @slot suffix - A qualifier after the figure, such as "+".
 * @slot source-line - The whole source line ("Source: AFP, as of 17 March 2022"); wins over `source` and `date`.
 * @slot source - The source; put your own link here, or use `source` and `source-href`.
 * @slot date - The "as of" date, shown as written.
 *
 * @csspart base - The wrapper of the whole callout.
 * @csspart value - The figure with its prefix and suffix.
 * @csspart label - What the figure counts.
 * @csspart source - The "Source: …" line.
 * @csspart actions - The "Share figure" button and the image controls it opens.
 *
 * @cssprop --stat-callout-value-color - Colour of the figure (default: the accent colour).
 * @cssprop --stat-callout-value-size - Font size of the figure (default: 2.25em).
 * @cssprop --stat-callout-value-weight - Font weight of the figure (default: 700).
 * @cssprop --stat-callout-label-color - Colour of the label (default: the text colour).
 * @cssprop --stat-callout-source-color - Colour of the source line (default: the muted text colour).
 * @cssprop --ne-color-accent - Accent colour shared by all elements.
 */
export class StatCallout extends NewsroomElement<typeof statCalloutTerms.en> {
  static override styles = [visuallyHidden, styles];
  static override terms = statCalloutTerms;
  static override properties = {
    value: {},
    format: {},
    currency: {},
    unit: {},
    maximumFractionDigits: { attribute: 'maximum-fraction-digits', type: Number },
    valuePrefix: { attribute: 'prefix' },
    valueSuffix: { attribute: 'suffix' },
    label: {},
    source: {},
    sourceHref: { attribute: 'source-href' },
    date: {},
    countUp: { attribute: 'animate', type: Boolean, reflect: true },
    share: { type: Boolean },
  };

  static {
    // React 19 and Vue write a prop as a property whenever its name is `in` the element. Two attribute names are
    // also DOM members: `prefix` (a getter-only namespace prefix, so the write would throw) and `animate` (the Web
    // Animations method). Writes go to the element's own properties; reads stay as the DOM defines them.
    if (typeof Element !== 'undefined') {
      const dom = Element.prototype;
      Object.defineProperties(this.prototype, {
        prefix: {
          configurable: true,
          // A custom element is always in the HTML namespace, which has no namespace prefix.
          get: () => null,
          set(this: StatCallout, value: unknown) {
            this.valuePrefix = value == null ? undefined : String(value);
          },
        },
        animate: {
          configurable: true,
          get() {
            return dom.animate;
          },
          set(this: StatCallout, value: unknown) {
            this.countUp = Boolean(value);
          },
        },
      });
    }
  }

  // The figure and the label come first in reading order, before any words the page slots (such as a label given as
  // text); the source line last.
  protected override readonly slots = new FilledSlotsController(this, {
    first: (filled) => this.generateFigureAndLabel(filled),
    last: () => this.generateSourceLine(),
  });

  /** The figure shown while counting up, or `undefined` when the final value shows. */
  private countingValue?: number;

  // Text properties start unset, like their attributes: unset, null and blank text all mean "not given".
  /** The figure: numeric text is formatted in the element's language, anything else is shown as written. */
  value?: string;

  /** How a numeric value is formatted: `number`, `compact` ("3M"), `percent` (80 → "80%") or `none`. */
  format: StatFormat = 'number';

  /** ISO 4217 currency code, such as `EUR`, for money figures. */
  currency?: string;

  /** Unit identifier for `Intl.NumberFormat`, such as `kilometer` or `percent`. */
  unit?: string;

  /** Most digits after the decimal point (0–20). */
  maximumFractionDigits?: number;

  /** A qualifier before the figure, such as "Over" (the `prefix` attribute; `Element.prefix` is taken). */
  valuePrefix?: string;

  /** A qualifier after the figure, such as "+". */
  valueSuffix?: string;

  /** What the figure counts. */
  label?: string;

  /** Who published the figure. */
  source?: string;

  /** Link to the source (http, https or relative URLs only; anything else is ignored). */
  sourceHref?: string;

  /** The date the figure was true on (ISO 8601), shown as "as of …". */
  date?: string;

  /** Counts up to the figure once when it first scrolls into view, never under reduced motion (the `animate`
   * attribute; `Element.animate()` is taken). */
  countUp = false;

  /** Shows a "Share figure" button that shares or downloads the figure as an image card. */
  share = false;

  /** Loads the share button when the callout first shows it; the button renders itself into its row. */
  private sharing?: Promise<unknown>;

  private numericValue?: number;
  /** The figure of the current update, worked out once for the generated text and the shadow tree. */
  private updateFigure?: ShownFigure;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      const text = this.value?.trim() ?? '';
      const parsed = NUMERIC.test(text) ? Number(text) : Number.NaN;
      this.numericValue = Number.isFinite(parsed) ? parsed : undefined;
    }
    // Which slots the page fills is read after this (by the slots controller), so the figure is worked out on first use.
    this.updateFigure = undefined;
  }

  protected override firstUpdated(): void {
    const target = this.numericValue;
    if (!this.countUp || target === undefined || this.slots.has('value')) return;
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const show = (figure?: number): void => {
      this.countingValue = figure;
      this.requestUpdate();
    };
    show(0);
    // Most callouts do not count: the observer and the frame loop load only for those that do. Should they fail
    // to load, the final figure shows.
    import('./count-up.js').then(({ countUp }) => countUp(this, target, show), () => show());
  }

  protected override updated(): void {
    // The button's row keeps its place (styles) until its module arrives.
    if (this.share) this.sharing ??= import('./share-figure.js').then((module) => new module.ShareFigure(this));
  }

  /** Intl options for the figure; `withUnit` false leaves out the currency or unit (for when Intl rejects one). */
  private numberOptions(display: 'short' | 'long', withUnit: boolean): Intl.NumberFormatOptions {
    const digits = this.maximumFractionDigits;
    const options: Intl.NumberFormatOptions = {
      maximumFractionDigits: Number.isInteger(digits) && digits! >= 0 && digits! <= 20 ? digits : undefined,
    };
    if (this.format === 'compact') {
      options.notation = 'compact';
      options.compactDisplay = display;
    } else if (this.format === 'percent') {
      options.style = 'percent';
    }
    if (withUnit && this.currency) {
      options.style = 'currency';
      options.currency = this.currency;
      options.currencyDisplay = display === 'long' ? 'name' : 'symbol';
    } else if (withUnit && this.unit) {
      options.style = 'unit';
      options.unit = this.unit;
      options.unitDisplay = display;
    }
    return options;
  }

  /** Formats a number, dropping a currency or unit that Intl does not know rather than failing to render. */
  private formatNumber(value: number, display: 'short' | 'long'): string {
    const scaled = this.format === 'percent' ? value / 100 : value;
    try {
      return this.localize.number(scaled, this.numberOptions(display, true));
    } catch {
      return this.localize.number(scaled, this.numberOptions(display, false));
    }
  }

  /**
   * The words of the regions the page gives no slot for, generated into the light DOM: the figure with its prefix and
   * suffix ("Over 3M") and the label; then the source line ("Source: AFP, as of 17 March 2022").
   */
  private generateFigureAndLabel(filled: Set<string>): unknown {
    const figure = this.slots.hasAny(FIGURE_SLOTS) ? '' : this.figureText(this.shownFigure().shown);
    const label = filled.has('') || filled.has('label') ? '' : this.label?.trim();
    return [generatedSpan('figure', figure), generatedSpan('label', label)];
  }

  private generateSourceLine(): unknown {
    return generatedSpan('source-line', !this.slots.hasAny(SOURCE_SLOTS) && (!!this.source?.trim() || !!this.date?.trim()) && this.renderSourceLine());
  }

  /** The figure of this update: numeric unless the page slots it or `format` is `none`, and as shown. */
  private shownFigure(): ShownFigure {
    if (!this.updateFigure) {
      const numeric = this.format !== 'none' && !this.slots.has('value') ? this.numericValue : undefined;
      this.updateFigure = { numeric, shown: numeric === undefined ? this.value : this.formatNumber(numeric, 'short') };
    }
    return this.updateFigure;
  }

  /** The figure with the prefix and suffix attributes: "Over 3M". */
  private figureText(figure: string | undefined): string {
    const prefix = this.valuePrefix?.trim() ? `${this.valuePrefix} ` : '';
    return figure?.trim() || prefix || this.valueSuffix?.trim() ? `${prefix}${figure ?? ''}${this.valueSuffix ?? ''}` : '';
  }

  /**
   * The figure with its slotted or given prefix and suffix, where the page slots part of it. Compact figures are read in
   * words: here the figure shows and its words are visually hidden beside it, as a slotted prefix or suffix cannot be
   * copied into the words.
   */
  private renderFigure(shown: string | undefined, spoken: string | undefined, hasPrefix: boolean) {
    let figure = this.slots.slotOr('value', shown || nothing);
    if (spoken) figure = html`<span aria-hidden="true">${figure}</span><span class="visually-hidden">${spoken}</span>`;
    return html`${this.slots.slotOr('prefix', this.valuePrefix || nothing)}${hasPrefix ? ' ' : nothing}${figure}${
      this.slots.slotOr('suffix', this.valueSuffix || nothing)
    }`;
  }

  /** "Source: AFP, as of 17 March 2022", with the page's slotted source or date where it gives them. */
  private renderSourceLine() {
    const href = safeUrl(this.sourceHref);
    const hasSource = this.slots.given('source', this.source);
    const hasDate = this.slots.given('date', this.date);
    return html`${hasSource ? `${this.localize.term('sourceLabel')} ` : nothing}${this.slots.slotOr(
      'source',
      href ? html`<a href=${href}>${this.source}</a>` : this.source || nothing,
    )}${hasSource && hasDate ? this.localize.term('separator') : nothing}${this.slots.slotOr(
      'date',
      hasDate ? renderDate(this.date, this.localize, 'asOf') : nothing,
    )}`;
  }

  protected override render() {
    const { numeric, shown } = this.shownFigure();
    // Compact figures ("3M") are read in full ("3 million") so that no one hears "3 metres".
    const spoken = numeric !== undefined && this.format === 'compact' ? this.formatNumber(numeric, 'long') : undefined;
    const hasPrefix = this.slots.given('prefix', this.valuePrefix);
    const counting = this.countingValue !== undefined && numeric !== undefined;
    const { filled } = this.slots;
    // Usually the whole figure, prefix and suffix included, is hidden from assistive technology and read from one
    // visually hidden copy in words: fewer elements, and a page may show thousands.
    const readInWords = spoken !== undefined && !!filled && !filled.has('prefix') && !filled.has('suffix');
    let figure = this.slots.region('figure', () => this.renderFigure(shown, readInWords ? undefined : spoken, hasPrefix));
    // While counting, the final figure keeps its box (invisible) and the ticker is drawn over it: nothing moves.
    if (counting) {
      figure = html`<span class="number"><span class="counting">${figure}</span><span class="ticker" aria-hidden="true"
        >${this.figureText(this.formatNumber(this.countingValue!, 'short'))}</span></span>`;
    }
    // Few elements: a page may show thousands of callouts. Empty text is `nothing`, never '': a server renders '' as no
    // text node, and a later value would land in Lit's marker. Figure and label are one paragraph, so that they are
    // read as one unit. The words are the light DOM's (generated or the page's): here are only their places.
    return html`<div part="base"
      ><p
        ><data part="value" class="value" value=${numeric ?? nothing} aria-hidden=${readInWords ? 'true' : nothing}
          >${figure}</data
        ><span class="visually-hidden">${readInWords ? this.figureText(spoken) : nothing}</span> <span part="label" class="label"
          ><slot name="label">${this.slots.generated.has('label') || filled?.has('') ? nothing : this.label || nothing}</slot
          ><slot></slot></span
        ></p
      > <p part="source" class="source" ?hidden=${!this.slots.given('source', this.source) && !this.slots.given('date', this.date)}
        >${this.slots.region('source-line', () => this.renderSourceLine())}</p
      >${this.share ? html`<div part="actions"></div>` : nothing}</div
    >`;
  }
}
