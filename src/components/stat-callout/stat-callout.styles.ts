import { css } from 'lit';

// Line heights are fixed so that the shipped `:not(:defined)` rules (src/styles/not-defined.css) reserve exactly
// the space the upgraded element takes: no layout shift when the module arrives late.
export const styles = css`
  :host {
    display: block;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  p {
    margin: 0;
  }

  .value {
    display: block;
    color: var(--stat-callout-value-color, var(--_accent));
    font-size: var(--stat-callout-value-size, 2.25em);
    font-weight: var(--stat-callout-value-weight, 700);
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }

  .number {
    position: relative;
  }

  .counting {
    opacity: 0;
  }

  .ticker {
    position: absolute;
    inset-inline-start: 0;
    inset-block-start: 0;
    white-space: nowrap;
  }

  .label {
    display: block;
    color: var(--stat-callout-label-color, inherit);
  }

  .source {
    color: var(--stat-callout-source-color, var(--_muted));
    font-size: 0.875em;
  }

  /* The share button's row, reserved on screen until it loads: a button's 2.75rem minimum or its line, padding and
     border (internal/button.styles.ts); the button hides itself in print. */
  [part='actions'] {
    min-block-size: max(2.75rem, 1lh + 1rem + 2px);
    margin-block-start: 0.75rem;
  }

  @media print {
    .counting {
      opacity: 1;
    }

    .ticker {
      display: none;
    }
  }
`;
