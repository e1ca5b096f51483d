/**
 * The slots the host has light-DOM content for: the names of its `slot`-attributed children, and `''` when it has
 * an element or non-blank text for the default slot. Elements render an attribute's text only when the same-named
 * slot is empty ("a slot wins over the attribute"). One pass over the children, so an element can ask once per update.
 */
export function slottedNames(host: HTMLElement): Set<string> {
  const names = new Set<string>();
  // During server rendering there is no light DOM (no firstChild): the attribute's text is rendered as slot fallback.
  // Sibling pointers rather than iterating `childNodes`: DOM collection iterators are slow, and this runs per update.
  for (let node = host.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE) names.add((node as Element).getAttribute('slot') ?? '');
    else if (node.nodeType === Node.TEXT_NODE && node.nodeValue!.trim()) names.add('');
  }
  return names;
}

/** Whether the host has light-DOM content for a slot (the default slot when `name` is empty). */
export function hasSlotted(host: HTMLElement, name = ''): boolean {
  return slottedNames(host).has(name);
}

/** Whether two reads of `slottedNames` found the same slots filled. */
export function sameSlots(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((name) => b.has(name));
}
