import { html, nothing, type TemplateResult } from 'lit';

/** An element heading's outline level: an integer from 2 to 6 (level 1 is the page's own title), else 2. */
export function clampHeadingLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(6, Math.max(2, level)) : 2;
}

/**
 * The `heading` part: the page's own heading element when one is slotted (wrapping it in a second heading would
 * nest headings), otherwise a heading of the given level holding the attribute's text; `onSlotChange` hears of a
 * heading slotted later, for an element that does not watch its children otherwise. An empty text is `nothing`:
 * a server renders '' as no text node at all, and a heading set after hydration would be written into Lit's marker.
 */
export function renderHeading(slotted: boolean, level: number, text: string | null | undefined, onSlotChange?: () => void): TemplateResult {
  return slotted
    ? html`<div part="heading" class="heading" id="heading"><slot name="heading" @slotchange=${onSlotChange}></slot></div>`
    : html`<div part="heading" class="heading" id="heading" role="heading" aria-level=${level}>
        <slot name="heading" @slotchange=${onSlotChange}>${text || nothing}</slot>
      </div>`;
}
