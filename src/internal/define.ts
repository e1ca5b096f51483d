/**
 * Registers a custom element unless the tag is already taken, so that two bundles (or the CDN file beside an npm
 * build) can load the same element on one page without a `NotSupportedError`.
 */
export function defineElement(tag: string, elementClass: CustomElementConstructor): void {
  if (!customElements.get(tag)) {
    customElements.define(tag, elementClass);
  }
}
