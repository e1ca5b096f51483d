import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--fact-box-gap, 1.25rem);
    padding: var(--_space);
    background: var(--fact-box-background, var(--_surface));
    /* Transparent sides still draw in forced-colours mode, so the box keeps its boundary there. */
    border: 1px solid transparent;
    border-block-start: 4px solid var(--fact-box-border-color, var(--_accent));
    border-radius: var(--_radius);
  }

  .heading,
  ::slotted([slot='heading']) {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }

  .items {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--fact-box-item-min-width, 12rem)), 1fr));
    gap: var(--fact-box-gap, 1.25rem);
  }

  @container (max-width: 30rem) {
    .items {
      grid-template-columns: 1fr;
    }
  }

  .list {
    grid-template-columns: 1fr;
  }

  .toggle {
    align-self: flex-start;
  }

  @media print {
    .base {
      background: none;
      border: 1px solid;
    }

    .toggle {
      display: none;
    }
  }
`;
