import { html, nothing, type TemplateResult } from 'lit';
import { FilledSlotsController, type LightDomHost } from './slots.js';

/** An element with a `heading` attribute and a `heading` slot (fact-box, social-follow). */
interface HeadedElement extends LightDomHost {
  heading?: string;
  headingLevel: number;
}

/** An element heading's outline level: an integer from 2 to 6 (level 1 is the page's own title), else 2. */
export function clampHeadingLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(6, Math.max(2, level)) : 2;
}

/**
 * The heading generated into the light DOM from the `heading` attribute: a real `<h2>`…`<h6>`, which the page's
 * outline, Reader View and crawlers see, followed by a space so that a reader of the text alone (Reader View's
 * `textContent`) keeps it apart from what follows. Nothing for blank text.
 */
function generatedHeading(level: number, text: string | null | undefined): unknown {
  return text?.trim() ? html`${headingOfLevel(level, text)} ` : nothing;
}

/** The slots of a headed element: the heading generated first in reading order when the page slots none. */
export function headingSlots(host: HeadedElement): FilledSlotsController {
  return new FilledSlotsController(host, {
    first: (filled) => (filled.has('heading') ? nothing : generatedHeading(clampHeadingLevel(host.headingLevel), host.heading)),
  });
}

/** Whether a heading in the light DOM fills the `heading` slot: the page's own or the generated one. */
export function headingSlotted(slots: FilledSlotsController): boolean {
  return slots.has('heading') || slots.generated.has('heading');
}

/** One template per level: a tag name cannot be a binding. */
function headingOfLevel(level: number, text: string): TemplateResult {
  switch (level) {
    case 3:
      return html`<h3 slot="heading" data-generated>${text}</h3>`;
    case 4:
      return html`<h4 slot="heading" data-generated>${text}</h4>`;
    case 5:
      return html`<h5 slot="heading" data-generated>${text}</h5>`;
    case 6:
      return html`<h6 slot="heading" data-generated>${text}</h6>`;
    default:
      return html`<h2 slot="heading" data-generated>${text}</h2>`;
  }
}

/**
 * The `heading` part: the slot of the page's heading element or of the generated one, holding the attribute's text as
 * a heading of the given level when neither fills it (on a server, which cannot see the light DOM, both are possible:
 * the fallback's role goes with it, so headings never nest). `text` is undefined when the slot is known to be filled.
 * An empty text is `nothing`: a server renders '' as no text node at all, and a heading set after hydration would be
 * written into Lit's marker.
 */
export function renderHeading(level: number, text: string | null | undefined): TemplateResult {
  return html`<div part="heading" class="heading" id="heading"
    ><slot name="heading"
      >${text?.trim() ? html`<span role="heading" aria-level=${level}>${text}</span>` : nothing}</slot
    ></div
  >`;
}
