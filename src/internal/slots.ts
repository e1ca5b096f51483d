import { html, isServer, nothing, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { GENERATED } from './text.js';

/** An element that says whether it may read its light DOM now (as NewsroomElement does). */
export interface LightDomHost extends ReactiveControllerHost, HTMLElement {
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
    if (node.nodeType === 1 /* ELEMENT_NODE */) {
      if (!(node as Element).hasAttribute(GENERATED)) names.add((node as Element).getAttribute('slot') ?? '');
    }
    else if (node.nodeType === 3 /* TEXT_NODE */ && node.nodeValue!.trim()) names.add('');
  }
  return names;
}


/**
 * A generated child: `content` in a `<span>` that fills the region `slot`, between spaces, so that a reader of the text
 * alone (Reader View's `textContent`) keeps its words apart from its neighbours'. Nothing without content.
 */
export function generatedSpan(slot: string, content: unknown): unknown {
  return content && content !== nothing ? html` <span slot=${slot} data-generated>${content}</span> ` : nothing;
}

/**
 * Which slots the host fills, for an element that renders a named slot only while it is filled: each slot costs
 * render time, and most pages give most text parts as attributes. A slot that is not rendered cannot report content
 * that arrives for it, so the host's children and their `slot` attributes are watched instead of `slotchange`, and
 * the host updates whenever they change (it may read more of its children than their slots, such as their `lang`).
 */
/**
 * The words a host generates into its light DOM, given the slots the page fills: Lit templates of elements that carry
 * `data-generated` and the slot of the region they fill, `first` rendered before the page's children and `last` after
 * them, where they come in reading order.
 */
export interface GeneratedText {
  first?: (filled: Set<string>) => unknown;
  last?: (filled: Set<string>) => unknown;
}

/** Whether a child is the host's own: generated, a comment (Lit's markers, the anchors) or blank text; none fills a slot. */
const own = (node: Node) => (node.nodeType === 1 ? (node as Element).hasAttribute(GENERATED) : node.nodeType === 8 || !node.nodeValue?.trim());

/** Whether an anchor is a child of the host with none of the page's children past it (after it, or before it). */
function placed(host: Node, anchor: Node | undefined, after: boolean): boolean {
  if (anchor?.parentNode !== host) return false;
  for (let node = after ? anchor.nextSibling : anchor.previousSibling; node; node = after ? node.nextSibling : node.previousSibling) {
    if (!own(node)) return false;
  }
  return true;
}

export class FilledSlotsController implements ReactiveController {
  /**
   * The filled slots, read before each render; `undefined` while the light DOM cannot be read (on the server, and in
   * a server-rendered element's first update, which must render what the server did).
   */
  filled?: Set<string>;

  /** The regions the host's generated children fill (see {@link GeneratedText}). */
  generated = new Set<string>();

  private readonly host: LightDomHost;
  private readonly text: GeneratedText;
  /**
   * Where the generated children go, before the page's children and after them: Lit keeps its part on the node it
   * renders before, so that node must stay the same (the host's first child would not). Placed the first time, when
   * any children a server wrote give way, and again when the page's children went past them or removed them (React
   * and Vue set `textContent` for a text child).
   */
  private anchors?: [Comment, Comment];
  private observer?: MutationObserver;

  constructor(host: LightDomHost, text: GeneratedText = {}) {
    this.host = host;
    this.text = text;
    host.addController(this);
  }

  hostConnected(): void {
    // `subtree` to hear of the children's `slot` attributes; edits inside a child are not the host's concern.
    this.observer ??= new MutationObserver((records) => {
      // Also when the page removed only generated children: they must come back.
      const lost = this.anchors?.some((anchor) => anchor.parentNode !== this.host);
      if (lost || records.some((record) => (record.target === this.host ? !this.ownChange(record) : record.type === 'attributes' && record.target.parentNode === this.host))) {
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host, { childList: true, subtree: true, attributeFilter: ['slot'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** Whether a change of the host's children only added or removed its generated text (Lit's markers included). */
  private ownChange({ addedNodes, removedNodes }: MutationRecord): boolean {
    return [...addedNodes, ...removedNodes].every(own);
  }

  hostUpdate(): void {
    const { host, text } = this;
    if (!host.lightDomReadable) {
      this.filled = undefined;
      return;
    }
    const filled = slottedNames(host);
    this.filled = filled;
    if (!text.first && !text.last) return;
    let fragments: [DocumentFragment, DocumentFragment] | undefined;
    if (!this.anchors || !placed(host, this.anchors[0], false) || !placed(host, this.anchors[1], true)) {
      // A server wrote the same children (renderLight), or the page's children moved past the anchors: they make way
      // for ones this page's Lit keeps up to date, in new parts (Lit's old markers are left, as comments). The first
      // render goes into fragments, inserted whole: one change of the host's children on each side, not one per node.
      for (const child of Array.from(host.children)) if (child.hasAttribute(GENERATED)) child.remove();
      this.anchors?.forEach((anchor) => anchor.remove());
      fragments = [document.createDocumentFragment(), document.createDocumentFragment()];
      this.anchors = [fragments[0].appendChild(document.createComment('')), fragments[1].appendChild(document.createComment(''))];
    }
    if (text.first) render(text.first(filled), fragments?.[0] ?? host, { renderBefore: this.anchors[0] });
    if (text.last) render(text.last(filled), fragments?.[1] ?? host, { renderBefore: this.anchors[1] });
    if (fragments) {
      host.insertBefore(fragments[0], host.firstChild);
      host.append(fragments[1]);
    }
    // The records of these changes are the host's own: dropped rather than read (the light DOM was read above).
    this.observer?.takeRecords();
    this.generated = new Set();
    for (let child = host.firstElementChild; child; child = child.nextElementSibling) if (child.hasAttribute(GENERATED)) this.generated.add(child.slot);
  }

  /**
   * The generated words for a server renderer, which calls an element's `renderLight()` where a page's template holds
   * the `renderLight()` directive: the server sees no light DOM, so every region given by attributes is generated.
   * Nothing in the browser, where the host renders them itself (a page's Lit template rendered there would otherwise
   * add a second copy).
   */
  renderLight(): unknown {
    if (!isServer) return nothing;
    const { filled } = this;
    const none = new Set<string>();
    this.filled = none;
    try {
      return html`${this.text.first?.(none)}${this.text.last?.(none)}`;
    } finally {
      this.filled = filled;
    }
  }

  hostUpdated(): void {
    // A server-rendered host's first update had to render what the server did: the next one reads its light DOM.
    if (!this.filled) this.host.requestUpdate();
  }

  /**
   * A region's slot: filled by the generated text when there is some, else holding `detail` (the region's own slots
   * and the attributes' text), as it does on the server, which cannot see the light DOM.
   */
  region(name: string, detail: () => unknown): unknown {
    return html`<slot name=${name}>${this.generated.has(name) ? nothing : detail()}</slot>`;
  }

  /** Whether the host fills any of these slots (`false` while that is not known). */
  hasAny(names: string[]): boolean {
    return names.some((name) => this.has(name));
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
