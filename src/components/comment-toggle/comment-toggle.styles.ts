import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  button {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    font: inherit;
    color: var(--comment-toggle-color, var(--_link));
    background: var(--comment-toggle-background, transparent);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  button:hover {
    text-decoration: underline;
  }

  .chevron {
    inline-size: 0.5em;
    block-size: 0.5em;
    border-block-end: 2px solid;
    border-inline-end: 2px solid;
    transform: rotate(45deg);
  }

  [aria-expanded='true'] .chevron {
    transform: rotate(-135deg);
  }

  @media (forced-colors: active) {
    button {
      color: ButtonText;
      border-color: ButtonText;
    }
  }
`;
