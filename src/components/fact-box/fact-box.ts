import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { clampHeadingLevel, headingSlots, headingSlotted, renderHeading } from '../../internal/heading.js';
import { buttonStyles } from '../../internal/button.styles.js';
import { NewsroomToggleEvent } from '../../events/toggle-event.js';
import { factBoxTerms } from './fact-box.terms.js';
import { styles } from './fact-box.styles.js';

const DEFAULT_VISIBLE_COUNT = 2;

/** The rule that hides the items past the first `count`, one shared sheet per count: no `<style>` per box. */
const collapseSheets = new Map<number, CSSStyleSheet>();
function collapseSheet(count: number): CSSStyleSheet {
  let sheet = collapseSheets.get(count);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    // The count is a clamped integer, so this generated rule holds no page text.
    sheet.replaceSync(`@media screen { ::slotted(:nth-child(n + ${count + 1} of :not([slot]))) { display: none !important; } }`);
    collapseSheets.set(count, sheet);
  }
  return sheet;
}

/**
 * @tag fact-box
 * @summary A box of related facts, such as stat callouts, under a heading like "Learn more".
 *
 * Its heading is in the page's light DOM, where Reader View, translation tools and crawlers read it: the page's own
 * slotted heading, or a real `<h2>`…`<h6>` the element generates from `heading` (marked `data-generated`), which a
 * server renders with Lit's `renderLight()` directive.
 *
 * @slot - The items: `stat-callout` elements or any other content.
 * @slot heading - The heading; wins over the `heading` attribute. Put a real `<h2>`…`<h6>` here for the outline
 *   to hold it even without JavaScript.
 *
 * @csspart base - The box (a complementary landmark labelled by its heading).
 * @csspart heading - The heading.
 * @csspart items - The grid of items.
 * @csspart toggle - The "Show all" / "Show less" button.
 *
 * @cssprop --fact-box-background - Background of the box (default: the surface colour).
 * @cssprop --fact-box-border-color - Colour of the box's top rule (default: the accent colour).
 * @cssprop --fact-box-gap - Space between items (default: 1.25rem).
 * @cssprop --fact-box-item-min-width - Narrowest an item gets before the grid wraps (default: 12rem).
 *
 * @fires {NewsroomToggleEvent} toggle - The box was expanded or collapsed by its button (`newState` tells which).
 */
export class FactBox extends NewsroomElement<typeof factBoxTerms.en> {
  static override styles = [buttonStyles, styles];
  static override terms = factBoxTerms;
  static override properties = {
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    layout: {},
    collapsible: { type: Boolean, reflect: true },
    visibleCount: { attribute: 'visible-count', type: Number },
    open: { type: Boolean, reflect: true },
  };

  // The heading comes first in reading order, before the page's items.
  protected override readonly slots = headingSlots(this);

  /** The heading text. */
  heading?: string;

  /** The heading's level in the document outline, 2 to 6. */
  headingLevel = 2;

  /** `grid` lays items out in as many columns as the box's own width allows; `list` stacks them. */
  layout: 'grid' | 'list' = 'grid';

  /** Shows only the first `visible-count` items, with a button to show the rest. */
  collapsible = false;

  /** How many items a collapsed box shows. */
  visibleCount = DEFAULT_VISIBLE_COUNT;

  /** Whether a collapsible box shows all its items. */
  open = false;

  private level = 2;
  private shownCount = DEFAULT_VISIBLE_COUNT;
  /** How many items the page gave, counted before each update (none on the server, which shows no light DOM). */
  private itemCount = 0;
  /** How many items the collapse rule applied to the shadow root shows, if one is applied. */
  private appliedCollapse?: number;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) {
      this.level = clampHeadingLevel(this.headingLevel);
    }
    if (changed.has('visibleCount')) {
      this.shownCount = Number.isInteger(this.visibleCount) && this.visibleCount >= 0 ? this.visibleCount : DEFAULT_VISIBLE_COUNT;
    }
    // The slots controller updates the box when its children change, and once more after hydration.
    this.itemCount = 0;
    if (!this.lightDomReadable) return;
    for (let child = this.firstElementChild; child; child = child.nextElementSibling) if (!child.getAttribute('slot')) this.itemCount++;
  }

  protected override updated(): void {
    const hiddenFrom = this.collapses && !this.open ? this.shownCount : undefined;
    if (hiddenFrom === this.appliedCollapse) return;
    this.appliedCollapse = hiddenFrom;
    const styles = (this.constructor as typeof FactBox).elementStyles;
    adoptStyles(this.shadowRoot!, hiddenFrom === undefined ? styles : [...styles, collapseSheet(hiddenFrom)]);
  }

  private handleToggleClick(): void {
    this.open = !this.open;
    this.dispatchEvent(new NewsroomToggleEvent(this.open));
  }

  private get collapses(): boolean {
    return this.collapsible && this.itemCount > this.shownCount;
  }

  protected override render() {
    return html`<aside part="base" class="base" aria-labelledby="heading">
      ${renderHeading(this.level, headingSlotted(this.slots) ? undefined : this.heading)}
      <div part="items" class=${this.layout === 'list' ? 'items list' : 'items'} id="items">
        <slot></slot>
      </div>
      ${this.collapses
        ? html`<button part="toggle" class="toggle" type="button" aria-expanded=${this.open ? 'true' : 'false'}
            aria-controls="items" @click=${this.handleToggleClick}>
            ${this.open ? this.localize.term('showLess') : this.localize.term('showAll', this.localize.number(this.itemCount))}
          </button>`
        : nothing}
    </aside>`;
  }
}
