import { html, isServer, nothing, type PropertyValues } from 'lit';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { foldWhitespace } from '../../internal/text.js';
import { clampHeadingLevel, headingSlots, headingSlotted, renderHeading } from '../../internal/heading.js';
import { addressOf, handleOf, networkOf, type Network } from './networks.js';
import { socialFollowTerms } from './social-follow.terms.js';
import { styles } from './social-follow.styles.js';

/** One of the page's links, with the slot it is shown in and the network it leads to (if recognised). */
interface FollowLink {
  link: HTMLAnchorElement;
  slot: string;
  network?: Network;
}

const SLOT_PREFIX = 'link-';

const foldedText = (link: HTMLAnchorElement) => foldWhitespace(link.textContent ?? '');

/**
 * @tag social-follow
 * @summary "Connect with us": the page's own links to its social accounts, feed and email, each with its network's
 *   icon and a name such as "Follow us on Facebook".
 *
 * The links stay the page's own `<a>` elements (they work before and without JavaScript). Each direct `<a href>`
 * child is recognised by its URL (Facebook, X, Instagram, YouTube, LinkedIn, TikTok, Bluesky, Mastodon, Threads,
 * Telegram, WhatsApp, RSS and `mailto:`), gets an icon, and an `aria-label` unless the page gave it a name; two links
 * never share a name. Links to anything else keep their text. A Mastodon server the URL does not give away is named
 * with `data-network="mastodon"` on the link.
 *
 * Its heading is in the page's light DOM, where Reader View, translation tools and crawlers read it: the page's own
 * slotted heading, or a real `<h2>`…`<h6>` the element generates from `heading` (marked `data-generated`), which a
 * server renders with Lit's `renderLight()` directive.
 *
 * @slot - The links: `<a href>` children, one per account.
 * @slot heading - The heading; wins over the `heading` attribute. Put a real `<h2>`…`<h6>` here for the outline to
 *   hold it even without JavaScript.
 *
 * @csspart base - The wrapper of the heading and the links.
 * @csspart heading - The heading.
 * @csspart list - The list of links.
 * @csspart item - Each link's list item.
 * @csspart icon - Each icon; also `icon-<network>` (`icon-facebook`, `icon-x`…) for brand colours.
 *
 * @cssprop --social-follow-color - Colour of the icons and links (default: the link colour).
 * @cssprop --social-follow-size - Size of each link's square target (default: 2.75em).
 * @cssprop --social-follow-icon-size - Size of the icons (default: 1.5em).
 * @cssprop --social-follow-gap - Space between links (default: 0.5em).
 */
export class SocialFollow extends NewsroomElement<typeof socialFollowTerms.en> {
  static override styles = styles;
  static override terms = socialFollowTerms;
  static override properties = {
    links: { state: true },
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    showLabels: { attribute: 'labels', type: Boolean, reflect: true },
  };

  /** The page's links, in order; undefined until the element has looked at its children, which the server cannot. */
  private links?: FollowLink[];

  /** The heading text, such as "Connect with us". */
  heading?: string;

  /** The heading's level in the document outline, 2 to 6. */
  headingLevel = 2;

  /** Shows each link's own text beside its icon (the `labels` attribute); without it, recognised links show only
   * their icon. */
  showLabels = false;

  // The heading comes first in reading order, before the page's links.
  protected override readonly slots = headingSlots(this);
  private level = 2;
  private names = new Map<HTMLAnchorElement, string>();
  /** The names this element gave, so that it never overwrites a name the page wrote. */
  private readonly givenNames = new WeakMap<HTMLAnchorElement, string>();
  private readonly observer = isServer ? undefined : new MutationObserver(() => this.collectLinks());

  override connectedCallback(): void {
    super.connectedCallback();
    // Links added, removed, re-pointed or re-worded later are picked up; the element's own changes (slot and
    // aria-label attributes) are not watched, so they cause no loop.
    this.observer?.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'type', 'data-network', 'aria-labelledby'],
    });
    // A server-rendered element hydrates as the server rendered it, every link in the default slot: it takes its
    // links in only after that first update.
    if (this.lightDomReadable) this.collectLinks();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) {
      this.level = clampHeadingLevel(this.headingLevel);
    }
    // Names depend on the language too, which changes without a property change.
    this.names = this.accessibleNames();
  }

  protected override firstUpdated(): void {
    // Enhanced in the very next update, before anything is painted.
    if (this.serverRendered) this.collectLinks();
  }

  protected override updated(): void {
    for (const { link } of this.links ?? []) {
      const name = this.names.get(link);
      if (name !== undefined) {
        if (link.getAttribute('aria-label') !== name) link.setAttribute('aria-label', name);
        this.givenNames.set(link, name);
      } else if (this.givenNames.has(link) && link.getAttribute('aria-label') === this.givenNames.get(link)) {
        link.removeAttribute('aria-label');
        this.givenNames.delete(link);
      }
    }
  }

  /** Gives each direct `<a href>` child a slot of its own (its list item), and releases links that left. */
  private collectLinks(): void {
    const links: FollowLink[] = [];
    for (const child of Array.from(this.children)) {
      const slot = child.getAttribute('slot');
      if (!(child instanceof HTMLAnchorElement) || !child.hasAttribute('href') || (slot && !slot.startsWith(SLOT_PREFIX))) continue;
      const name = `${SLOT_PREFIX}${links.length + 1}`;
      if (slot !== name) child.setAttribute('slot', name);
      links.push({ link: child, slot: name, network: networkOf(child) });
    }
    for (const { link } of this.links ?? []) {
      if (!links.some((kept) => kept.link === link)) this.release(link);
    }
    this.links = links;
  }

  /** Undoes what the element did to a link that is no longer one of its links. */
  private release(link: HTMLAnchorElement): void {
    if (link.getAttribute('slot')?.startsWith(SLOT_PREFIX)) link.removeAttribute('slot');
    if (this.givenNames.has(link) && link.getAttribute('aria-label') === this.givenNames.get(link)) {
      link.removeAttribute('aria-label');
    }
    this.givenNames.delete(link);
  }

  private namedByPage(link: HTMLAnchorElement): boolean {
    if (link.hasAttribute('aria-labelledby')) return true;
    const label = link.getAttribute('aria-label');
    return label !== null && label !== this.givenNames.get(link);
  }

  /** "Follow us on Facebook", with the link's own text when the name would not already say it. */
  private nameOf(link: HTMLAnchorElement, network: Network): string {
    const base =
      network.id === 'rss'
        ? this.localize.term('subscribeRss')
        : network.id === 'email'
          ? this.localize.term('emailUs')
          : this.localize.term('follow', network.name);
    const text = foldedText(link);
    return text && !base.toLocaleLowerCase().includes(text.toLocaleLowerCase()) ? this.localize.term('detail', base, text) : base;
  }

  /** A name for every recognised link the page did not name; links to different places never share one. */
  private accessibleNames(): Map<HTMLAnchorElement, string> {
    const base = new Map<HTMLAnchorElement, string>();
    for (const { link, network } of this.links ?? []) {
      if (network && !this.namedByPage(link)) base.set(link, this.nameOf(link, network));
    }
    const names = new Map(base);
    // Usually every name differs already (a page links each network once).
    if (new Set(base.values()).size === base.size) return names;
    // First the account tells them apart; two accounts of the same name on different hosts need the address.
    for (const detail of [handleOf, addressOf]) {
      const byName = new Map<string, HTMLAnchorElement[]>();
      for (const [link, name] of names) byName.set(name, [...(byName.get(name) ?? []), link]);
      for (const group of byName.values()) {
        if (new Set(group.map((link) => link.href)).size < 2) continue;
        for (const link of group) names.set(link, this.localize.term('detail', base.get(link), detail(link)));
      }
    }
    return names;
  }

  /** A list item: one template with its icon (the HTML parser puts an <svg>'s children in the SVG namespace). */
  private renderItem({ slot, network }: FollowLink) {
    return network
      ? html`<li part="item" class="item linked"
          ><svg part="icon icon-${network.id}" class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"
            ><path d=${network.path}></path></svg
          ><slot name=${slot}></slot
        ></li>`
      : html`<li part="item" class="item"><slot name=${slot}></slot></li>`;
  }

  protected override render() {
    const slotted = headingSlotted(this.slots);
    const headed = !!this.heading?.trim() || slotted;
    const { links } = this;
    // Without a heading, a bare slot (no box, no gap in the column) takes one the page adds later. Links not yet known
    // (server-rendered) wait in the default slot, laid out as the list will lay them out.
    return html`<div part="base" class="base">
      ${headed
        ? renderHeading(this.level, slotted ? undefined : this.heading)
        : html`<slot name="heading" class="heading"></slot>`}
      ${links?.length
        ? html`<ul part="list" class="list" role="list" aria-labelledby=${headed ? 'heading' : nothing}>
            ${links.map((link) => this.renderItem(link))}
          </ul>`
        : nothing}
      <slot class=${links ? 'rest' : 'rest pending'}></slot>
    </div>`;
  }
}
