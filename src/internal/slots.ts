import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** An element that says whether it may read its light DOM now (as NewsroomElement does). */
interface LightDomHost extends ReactiveControllerHost, HTMLElement {
  readonly lightDomReadable: boolean;
}

/**
 * The slots the host has light-DOM content for: the names of its `slot`-attributed children, and `''` when it has
 * an element or non-blank text for the default slot. Elements render an attribute's text only when the same-named
 * slot is empty ("a slot wins over the attribute"). One pass over the children, so an element can ask once per update.
 */
export function slottedNames(host: HTMLElement): Set<string> {
  const names = new Set<string>();
  // During server rendering there is no light DOM (no firstChild): the attribute's text is rendered as slot fallback.
  // Sibling pointers rather than iterating `childNodes`: DOM collection iterators are slow, and this runs per update.
  // Node types as literals: `Node.ELEMENT_NODE` is a property read that no minifier shortens, in every element.
  for (let node = host.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 /* ELEMENT_NODE */) names.add((node as Element).getAttribute('slot') ?? '');
    else if (node.nodeType === 3 /* TEXT_NODE */ && node.nodeValue!.trim()) names.add('');
  }
  return names;
}


/**
 * Which slots the host fills, for an element that renders a named slot only while it is filled: each slot costs
 * render time, and most pages give most text parts as attributes. A slot that is not rendered cannot report content
 * that arrives for it, so the host's children and their `slot` attributes are watched instead of `slotchange`, and
 * the host updates whenever they change (it may read more of its children than their slots, such as their `lang`).
 */
export class FilledSlotsController implements ReactiveController {
  /**
   * The filled slots, read before each render; `undefined` while the light DOM cannot be read (on the server, and in
   * a server-rendered element's first update, which must render what the server did).
   */
  filled?: Set<string>;

  private readonly host: LightDomHost;
  private observer?: MutationObserver;

  constructor(host: LightDomHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // `subtree` to hear of the children's `slot` attributes; edits inside a child are not the host's concern.
    this.observer ??= new MutationObserver((records) => {
      if (records.some(({ type, target }) => target === this.host || (type === 'attributes' && target.parentNode === this.host))) {
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host, { childList: true, subtree: true, attributeFilter: ['slot'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    this.filled = this.host.lightDomReadable ? slottedNames(this.host) : undefined;
  }

  hostUpdated(): void {
    // A server-rendered host's first update had to render what the server did: the next one reads its light DOM.
    if (!this.filled) this.host.requestUpdate();
  }

  /** Whether the host fills a slot (`false` while that is not known). */
  has(name: string): boolean {
    return !!this.filled?.has(name);
  }

  /** Whether a text part is given: in its slot, or as text that is not blank (unset and null are not given). */
  given(name: string, text?: string | null): boolean {
    return !!text?.trim() || this.has(name);
  }

  /**
   * The named slot around `fallback` (an attribute's text), or the text alone when the host does not fill the slot.
   * While the light DOM is unknown every slot is there, so slotted text shows even without JavaScript.
   */
  slotOr(name: string, fallback: unknown): unknown {
    return this.filled && !this.filled.has(name) ? fallback : html`<slot name=${name}>${this.filled ? nothing : fallback}</slot>`;
  }
}
