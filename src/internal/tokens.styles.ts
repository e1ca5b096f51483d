import { css } from 'lit';

/**
 * Design tokens shared by every element. Each public `--ne-*` custom property has a default that follows the page's
 * `color-scheme` through `light-dark()`: a page that sets `color-scheme: dark` (or `light dark`) gets dark defaults.
 * Fonts are inherited from the page. `--ne-color-border` is read by the only element that draws such borders,
 * comment-list.
 */
export const tokens = css`
  :host {
    --_accent: var(--ne-color-accent, light-dark(#b3121d, #ff8a80));
    --_muted: var(--ne-color-text-muted, light-dark(#4a4a4a, #c4c4c4));
    --_surface: var(--ne-color-surface, light-dark(#f5f3ef, #24211e));
    --_link: var(--ne-color-link, light-dark(#0b5394, #8ab4f8));
    --_focus: var(--ne-color-focus, light-dark(#0b5394, #8ab4f8));
    --_radius: var(--ne-radius, 0.25rem);
    --_space: var(--ne-space, 1rem);
    font-family: var(--ne-font-family, inherit);
    color: var(--ne-color-text, inherit);
  }

  :host([hidden]) {
    display: none !important;
  }

  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
