import { css } from 'lit';

/**
 * The elements' buttons: outlined in the link colour, at least 2.75rem tall (a touch target), underlined on hover, in
 * system colours where colours are forced. It comes before an element's own styles, whose `button` rules then win.
 * Their height is a reserved row in not-defined.css: the 2.75rem minimum, or one line with its padding and border.
 */
export const buttonStyles = css`
  button {
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    font: inherit;
    color: var(--_link);
    background: transparent;
    border: 1px solid;
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
