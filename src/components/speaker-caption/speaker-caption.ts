import { html, nothing, type PropertyValues } from 'lit';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { safeUrl } from '../../internal/safe-url.js';
import { hasItalics } from '../../internal/typography.js';
import { FilledSlotsController, generatedSpan } from '../../internal/slots.js';
import { foldWhitespace, slotText, SPOKEN_TEXT, type Spoken } from '../../internal/text.js';
import { styles } from './speaker-caption.styles.js';

/**
 * @tag speaker-caption
 * @summary Who is speaking or shown: "Antony Blinken, US Secretary of State", with an optional portrait, photo
 *   credit, profile link and caption sentence.
 *
 * Its words are in the page's light DOM, where Reader View, translation tools and crawlers read them: the page's own
 * slotted children, and for the attributes, children the element generates (marked `data-generated`: `speaker` and
 * `credit`), which a server renders with Lit's `renderLight()` directive.
 *
 * @slot - A free caption sentence, such as "President Zelensky addressed the Bundestag on Thursday."
 * @slot speaker - The whole "Name, Job title" phrase; wins over `name` and `job-title`.
 * @slot name - The person's name; wins over the `name` attribute.
 * @slot job-title - The person's job title; wins over the `job-title` attribute.
 * @slot image - The portrait, such as your own `<img>` or `<picture>`; wins over `src`.
 * @slot credit - The photo credit; wins over the `credit` attribute.
 *
 * @csspart base - The wrapper of the portrait and the text.
 * @csspart portrait - The portrait image.
 * @csspart speaker - The name and job title, read as one phrase.
 * @csspart caption - The caption sentence.
 * @csspart credit - The photo credit.
 *
 * @cssprop --speaker-caption-image-size - Width and height of the portrait (default: 3.5rem).
 * @cssprop --speaker-caption-credit-color - Colour of the photo credit (default: the muted text colour).
 */
export class SpeakerCaption extends NewsroomElement implements Spoken {
  static override styles = styles;
  static override properties = {
    imageFailed: { state: true },
    name: {},
    jobTitle: { attribute: 'job-title' },
    src: {},
    alt: {},
    shape: { reflect: true },
    credit: {},
    href: {},
  };

  // The name comes first in reading order, before a caption the page slots; the credit last.
  protected override readonly slots = new FilledSlotsController(this, {
    first: () => this.generateSpeaker(),
    last: (filled) => generatedSpan('credit', !filled.has('credit') && this.credit?.trim()),
  });

  /** Whether the portrait at `src` failed to load. */
  private imageFailed = false;

  // Text properties start unset, like their attributes: unset, null and blank text all mean "not given".
  /** The person's name. */
  name?: string;

  /** The person's job title, shown after the name. */
  jobTitle?: string;

  /** URL of the portrait (http, https or relative). */
  src?: string;

  /** Text alternative of the portrait; empty (the default) when the name beside it says it all. */
  alt = '';

  /** `circle` (default) or `square` portrait. */
  shape: 'circle' | 'square' = 'circle';

  /** The photo credit, such as "Photo: AFP". */
  credit?: string;

  /** Link to the person's profile (http, https or relative URLs only; anything else is ignored). */
  href?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.imageFailed = false;
  }

  private handleImageError(): void {
    this.imageFailed = true;
  }

  /** The name and job title as one phrase ("Antony Blinken, US Secretary of State"), as shown: what a quote
   * attributed to this caption shares.
   * @internal */
  get [SPOKEN_TEXT](): string {
    const text = (slot: string, fallback?: string | null) => slotText(this, slot) ?? foldWhitespace(fallback ?? '');
    return [text('name', this.name), text('job-title', this.jobTitle)].filter(Boolean).join(this.localize.term('separator'));
  }

  /**
   * The words of the regions the page gives no slot for, generated into the light DOM: the speaker ("**Antony
   * Blinken**, *US Secretary of State*", a link when `href` is safe) and the credit.
   */
  private generateSpeaker(): unknown {
    const name = this.name?.trim();
    const jobTitle = this.jobTitle?.trim();
    const speaker = !this.slots.hasAny(['speaker', 'name', 'job-title']) && (!!name || !!jobTitle);
    const href = safeUrl(this.href);
    // Bold and italic from the elements' own defaults: the shadow tree's styles cannot reach inside a slotted child.
    const phrase = html`${name ? html`<b>${name}</b>` : nothing}${name && jobTitle ? this.localize.term('separator') : nothing}${
      jobTitle ? (hasItalics(this.localize.lang) ? html`<i>${jobTitle}</i>` : jobTitle) : nothing
    }`;
    return generatedSpan('speaker', speaker && (href ? html`<a href=${href}>${phrase}</a>` : phrase));
  }

  protected override render() {
    const hasName = this.slots.given('name', this.name);
    const hasJobTitle = this.slots.given('job-title', this.jobTitle);
    const src = safeUrl(this.src);
    const href = safeUrl(this.href);
    const phrase = () => html`<span class="name">${this.slots.slotOr('name', this.name || nothing)}</span
      >${hasName && hasJobTitle ? this.localize.term('separator') : nothing}<span class="job-title"
        >${this.slots.slotOr('job-title', this.jobTitle || nothing)}</span
      >`;
    // A generated speaker holds its own link; otherwise the link is here, around the page's slotted name.
    const speaker = this.slots.region('speaker', () => (href ? html`<a href=${href}>${phrase()}</a>` : phrase()));
    // A server cannot see slotted content: it hides nothing, so nothing appears on hydration (empty parts take no space).
    // Hydration must render what the server did, or Lit takes the value as written and never writes it (an empty
    // paragraph left in the accessibility tree): parts are hidden once the light DOM has been read.
    // Empty text is `nothing`, never '': a server renders '' as no text node, and a later value would land in Lit's marker.
    const hidden = (empty: boolean) => !!this.slots.filled && empty;
    // A failed or missing image keeps its reserved box so that nothing below it moves. One unit for assistive
    // technology: a link is read whole; otherwise role="text" keeps VoiceOver from splitting the name from the job
    // title (psammead#374). The words are the light DOM's (generated or the page's): here are only their places.
    return html`<div part="base" class="base">
      ${this.slots.slotOr(
        'image',
        src && !this.imageFailed
          ? html`<img part="portrait" class="portrait" src=${src} alt=${this.alt} width="64" height="64" loading="lazy"
              decoding="async" @error=${this.handleImageError} />`
          : src
            ? html`<span part="portrait" class="portrait"></span>`
            : nothing,
      )}
      <div>
        <p part="speaker" ?hidden=${hidden(!hasName && !hasJobTitle && !this.slots.has('speaker'))}>
          ${href ? speaker : html`<span role="text">${speaker}</span>`}
        </p>
        <div part="caption" class="caption" ?hidden=${hidden(!this.slots.has(''))}><slot></slot></div>
        <p part="credit" class="credit" ?hidden=${hidden(!this.slots.given('credit', this.credit))}
          ><slot name="credit">${this.slots.generated.has('credit') || this.slots.has('credit') ? nothing : this.credit || nothing}</slot
        ></p>
      </div>
    </div>`;
  }
}
