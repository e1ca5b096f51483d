import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: var(--comment-section-gap, 2rem);
    margin-block-start: var(--comment-section-gap, 2rem);
  }

  .body[hidden] {
    display: none;
  }
`;
