import { css } from 'lit';

/**
 * The words an element generates into its light DOM (`data-generated`) are laid out by its shadow tree alone, as when
 * they lived there: a page's rules for paragraphs, headings or spans do not restyle them. Important, so that the
 * shadow tree's rule wins over the page's; the element's parts and custom properties style the places they fill.
 */
export const generatedText = css`
  ::slotted([data-generated]) {
    all: unset !important;
  }
`;
