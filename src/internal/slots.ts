/**
 * Whether the host has light-DOM content for a slot: an element child, or non-blank text for the default slot.
 * Elements render an attribute's text only when the same-named slot is empty ("a slot wins over the attribute").
 */
export function hasSlotted(host: HTMLElement, name = ''): boolean {
  // During server rendering there is no light DOM to look at: the attribute's text is rendered as slot fallback.
  if (typeof host.querySelector !== 'function') return false;
  if (name) return host.querySelector(`:scope > [slot="${CSS.escape(name)}"]`) !== null;
  for (const node of Array.from(host.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
    if (node.nodeType === Node.ELEMENT_NODE && !(node as Element).hasAttribute('slot')) return true;
  }
  return false;
}
