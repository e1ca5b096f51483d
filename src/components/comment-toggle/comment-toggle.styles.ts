import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  button {
    color: var(--comment-toggle-color, var(--_link));
    background: var(--comment-toggle-background, transparent);
  }
`;
