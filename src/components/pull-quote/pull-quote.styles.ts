import { css } from 'lit';

// Marks go in the first and last paragraphs as generated content; quotations that are not paragraphs get them as
// generated content of the blockquote, the opening one floating so that the white space after it starts the line.
// In `feature`, a slotted speaker-caption (a block) shrinks to its content so that it centres too. The shadow root
// holds one element of each kind, so element selectors are enough. Slots pass their inherited styles to what they
// show.
export const styles = css`
  :host {
    display: block;
    line-height: 1.4;
  }

  figure {
    margin: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--pull-quote-accent, var(--_accent));
  }

  blockquote {
    margin: 0;
    font-family: var(--pull-quote-font-family, inherit);
    font-size: var(--pull-quote-font-size, 1.25em);
    font-weight: 600;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }

  ::slotted(p) {
    margin-block: 0 0.75em;
  }

  ::slotted(p:last-of-type) {
    margin-block-end: 0;
  }

  ::slotted(p:first-of-type)::before {
    content: var(--_open, '“');
  }

  ::slotted(p:last-of-type)::after {
    content: var(--_close, '”');
  }

  .marks::before {
    content: var(--_open, '“');
    float: inline-start;
  }

  .marks::after {
    content: var(--_close, '”');
  }

  /* The original replaces the translation in place when the reader asks for it. */
  .original,
  .original-label,
  .showing-original .translation {
    display: none;
  }

  /* Its own root, so that the margins of an original's paragraphs stay inside it rather than move the quote. */
  .showing-original .original {
    display: flow-root;
  }

  ::slotted([slot='original']) {
    margin: 0;
  }

  .original-label {
    margin-block: 0.25em 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* A block of its own, so that its line is its own height (not-defined.css reserves it). */
  .original-toggle {
    display: block;
    min-block-size: 1.5rem;
    margin-block-start: 0.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--pull-quote-accent, var(--_accent));
    font: inherit;
    font-size: 0.875em;
    text-decoration: underline;
    cursor: pointer;
  }

  .original-toggle:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .original-toggle[aria-pressed='true'] {
    font-weight: 600;
  }

  /* Printed, or with JavaScript off (a server-rendered page), both texts show, the original labelled. */
  @media print, (scripting: none) {
    .original {
      display: flow-root;
    }

    .original-label,
    .showing-original .translation {
      display: block;
    }

    .original-toggle {
      display: none;
    }
  }

  figcaption {
    margin-block-start: 0.5rem;
    color: var(--_muted);
  }

  b {
    color: var(--ne-color-text, CanvasText);
  }

  cite {
    font-style: normal;
  }

  :host([variant='feature']) figure {
    padding: 0;
    border: 0;
    text-align: center;
  }

  :host([variant='feature']) blockquote {
    font-size: var(--pull-quote-font-size, 1.75em);
  }

  :host([variant='feature']) .marks::before {
    float: none;
  }

  :host([variant='feature']) ::slotted([slot='attribution']) {
    display: inline-block;
  }

  @media (min-width: 48rem) {
    :host([variant='aside']) {
      float: inline-end;
      inline-size: var(--pull-quote-aside-width, 40%);
      margin-inline-start: calc(var(--_space) * 1.5);
      margin-block-end: var(--_space);
    }
  }

  /* The buttons' row, reserved on screen until they load: a button's 2.75rem minimum or its line, padding and
     border (internal/button.styles.ts). */
  @media screen {
    .actions {
      min-block-size: max(2.75rem, 1lh + 1rem + 2px);
      margin-block-start: 0.75rem;
    }
  }
`;
