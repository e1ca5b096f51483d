import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  button {
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

  @media (forced-colors: active) {
    button {
      color: ButtonText;
      border-color: ButtonText;
    }
  }
`;
