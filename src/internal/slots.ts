import { html, nothing, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { GENERATED } from './text.js';

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
    if (node.nodeType === 1 /* ELEMENT_NODE */) {
      if (!(node as Element).hasAttribute(GENERATED)) names.add((node as Element).getAttribute('slot') ?? '');
    }
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
/**
 * The words a host generates into its light DOM: `template`, a Lit template of elements that carry `data-generated`
 * and the slot of the region they fill, and `regions`, the names of those slots.
 */
export interface GeneratedText {
  regions: string[];
  template: unknown;
  /** Words that follow the page's children in reading order, for a host that generates `template` before them (a
   * photo credit after a caption). */
  after?: unknown;
}

/** Generated words in reading order: `after` only when there is one (the same template as before otherwise). */
const joined = (template: unknown, after: unknown): unknown => (after === undefined ? template : [template, after]);

/**
 * A run of generated children among the host's children, from its `start` to its `end` comment (Lit keeps its part on
 * `end`, the node it renders before), kept first or last among them: where the words come in reading order.
 */
class GeneratedRange {
  start?: Comment;
  end?: Comment;

  constructor(readonly first: boolean) {}

  /** Whether the page left the range in place (a page that replaces the host's children takes it away). */
  intact(host: Node): boolean {
    return !this.start || (this.start.parentNode === host && this.end!.parentNode === host);
  }

  clear(host: Node): void {
    for (const mark of [this.start, this.end]) if (mark?.parentNode === host) mark.remove();
    this.start = this.end = undefined;
  }

  render(host: HTMLElement, value: unknown): void {
    const at = () => (this.first ? host.firstChild : null);
    if (!this.start) {
      this.start = host.insertBefore(document.createComment(''), at());
      this.end = host.insertBefore(document.createComment(''), this.start.nextSibling);
    } else if (this.first ? host.firstChild !== this.start : this.end!.nextSibling) {
      // The page added children on the wrong side: the words move back to their place in reading order.
      const nodes: Node[] = [];
      for (let node: Node | null = this.start; node; node = node === this.end ? null : node.nextSibling) nodes.push(node);
      const place = at();
      for (const node of nodes) host.insertBefore(node, place);
    }
    render(value, host, { renderBefore: this.end });
  }
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
  private readonly generate?: (filled: Set<string>) => GeneratedText;
  private readonly generateFirst: boolean;
  /** Where the generated children go: before the page's children and after them. */
  private readonly ranges = [new GeneratedRange(true), new GeneratedRange(false)];
  /** Whether the generated children are this page's own (any a server wrote gave way). */
  private adopted = false;
  private observer?: MutationObserver;

  /**
   * `generate`, given the slots the page fills (also in `filled` by then), gives the words the host shows for its attributes and terms, rendered
   * into the light DOM before the page's children (`generateFirst`) or after them: where they come in reading order.
   */
  constructor(host: LightDomHost, generate?: (filled: Set<string>) => GeneratedText, generateFirst = false) {
    this.host = host;
    this.generate = generate;
    this.generateFirst = generateFirst;
    host.addController(this);
  }

  hostConnected(): void {
    // `subtree` to hear of the children's `slot` attributes; edits inside a child are not the host's concern.
    this.observer ??= new MutationObserver((records) => {
      if (records.some((record) => (record.target === this.host ? !this.ownChange(record) : record.type === 'attributes' && record.target.parentNode === this.host))) {
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
    // Elements are the host's when generated; comments (Lit's markers) and blank text never fill a slot.
    const own = (node: Node) => (node.nodeType === 1 ? (node as Element).hasAttribute(GENERATED) : node.nodeType === 8 || !node.nodeValue?.trim());
    return [...addedNodes, ...removedNodes].every(own);
  }

  hostUpdate(): void {
    const { host } = this;
    if (!host.lightDomReadable) {
      this.filled = undefined;
      return;
    }
    const filled = slottedNames(host);
    this.filled = filled;
    if (this.generate) {
      const { regions, template, after } = this.generate(filled);
      const { ranges } = this;
      if (!this.adopted || !ranges.every((range) => range.intact(host))) {
        // A server wrote the same children (renderLight), or the page replaced the host's children and took some of
        // them away: they make way for ones this page's Lit keeps up to date.
        for (const range of ranges) range.clear(host);
        for (const child of Array.from(host.children)) if (child.hasAttribute(GENERATED)) child.remove();
        this.adopted = true;
      }
      const [lead, tail] = ranges;
      if (this.generateFirst) lead.render(host, template);
      // The range after the page's children only once there is something to put there.
      if (!this.generateFirst || after !== undefined || tail.start) tail.render(host, this.generateFirst ? after : joined(template, after));
      this.generated = new Set(regions);
    }
  }

  /**
   * The generated words for a server renderer, which calls an element's `renderLight()` where a page's template holds
   * the `renderLight()` directive: the server sees no light DOM, so every region given by attributes is generated.
   */
  renderLight(): unknown {
    const { filled } = this;
    this.filled = new Set();
    try {
      const generated = this.generate?.(this.filled);
      return generated ? joined(generated.template, generated.after) : nothing;
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
