/**
 * Marks a child its host generated: the words the host shows for its attributes and its terms, written into its light
 * DOM so that Reader View, translation tools and crawlers, which skip shadow roots, read them.
 */
export const GENERATED = 'data-generated';

/** The text with each run of white space folded to one space, and none at either end: as a reader sees it. */
export const foldWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The key of the text an element stands for when another element quotes it (a speaker caption's "Name, Job title").
 * A registered symbol rather than a public property: two copies of the library on one page still agree on it.
 */
export const SPOKEN_TEXT = Symbol.for('newsroom-elements.spoken-text');

/** An element that says what text it stands for when quoted. */
export interface Spoken {
  readonly [SPOKEN_TEXT]: string;
}

/**
 * The text a host's slot shows, white space folded: its children with that `slot` (for the default slot, `''`, its
 * text and its elements without one), an element that is `Spoken` giving its spoken text. `undefined` when the host
 * gives the slot no child. Children the host generated (`data-generated`) are left out.
 */
export function slotText(host: Element, name: string): string | undefined {
  const texts: string[] = [];
  for (let node = host.firstChild; node; node = node.nextSibling) {
    // Node types as literals, as in slots.ts.
    // The host's generated children repeat its attributes: they are not the page's text.
    const slot =
      node.nodeType === 1 /* ELEMENT_NODE */
        ? (node as Element).hasAttribute(GENERATED) ? undefined : ((node as Element).getAttribute('slot') ?? '')
        : node.nodeType === 3 /* TEXT_NODE */ ? '' : undefined;
    if (slot === name) texts.push((node as Partial<Spoken>)[SPOKEN_TEXT] ?? node.textContent ?? '');
  }
  return texts.length ? foldWhitespace(texts.join(' ')) : undefined;
}
