import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  form {
    display: flex;
    flex-direction: column;
    gap: var(--comment-form-gap, 1rem);
  }

  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 1rem;
  }

  .heading {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }

  p {
    margin: 0;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  label {
    font-weight: 600;
  }

  input,
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: var(--comment-form-field-max-width, 40rem);
    min-block-size: 2.75rem;
    padding: 0.5rem;
    font: inherit;
    color: inherit;
    background: var(--comment-form-field-background, Field);
    border: 1px solid var(--comment-form-field-border-color, var(--_muted));
    border-radius: var(--_radius);
  }

  textarea {
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_accent);
    border-width: 2px;
  }

  .error,
  .alert {
    color: var(--_accent);
    font-weight: 600;
  }

  .consent {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }

  .consent input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: 0;
    margin: 0.15rem 0 0;
    flex: none;
  }

  .consent label {
    font-weight: 400;
  }

  /* The note under "Notify me of replies", aligned with its label. */
  .note {
    margin: 0;
    padding-inline-start: 1.75rem;
    font-size: 0.9em;
  }

  /* The honeypot: off screen, out of the tab order and of the accessibility tree. */
  .trap {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  button {
    align-self: flex-start;
    padding-inline: 1.25rem;
  }

  .submit {
    font-weight: 700;
    color: var(--comment-form-button-color, light-dark(#fff, #1b1917));
    background: var(--comment-form-button-background, var(--_link));
    border-color: transparent;
  }

  .submit:disabled {
    cursor: progress;
    opacity: 0.75;
  }

  .messages {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  @media (forced-colors: active) {
    input,
    textarea {
      border-color: ButtonText;
    }

    [aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
