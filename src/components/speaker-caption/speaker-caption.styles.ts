import { css } from 'lit';

// Scripts that have no italics (see hasItalics in internal/typography.ts) keep upright job titles.
export const styles = css`
  :host {
    display: block;
    line-height: 1.4;
    --_size: var(--speaker-caption-image-size, 3.5rem);
  }

  .base {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .portrait,
  ::slotted([slot='image']) {
    flex: none;
    inline-size: var(--_size);
    block-size: var(--_size);
    object-fit: cover;
    border-radius: 50%;
    background: var(--_surface);
  }

  :host([shape='square']) .portrait,
  :host([shape='square']) ::slotted([slot='image']) {
    border-radius: var(--_radius);
  }

  p,
  .caption {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .name {
    font-weight: 700;
  }

  .job-title {
    font-style: italic;
  }

  .credit {
    color: var(--speaker-caption-credit-color, var(--_muted));
    font-size: 0.8125em;
  }

  :host(:is(:lang(ar), :lang(fa), :lang(ur), :lang(he), :lang(yi), :lang(zh), :lang(ja), :lang(ko))) .job-title,
  ::slotted(:is(:lang(ar), :lang(fa), :lang(ur), :lang(he), :lang(yi), :lang(zh), :lang(ja), :lang(ko))) {
    font-style: normal;
  }
`;
