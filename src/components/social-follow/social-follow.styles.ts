import { css, unsafeCSS } from 'lit';
import { likelyNetworkLink } from './networks.js';

// Built from networks.ts's own tables, never from input: safe to use as CSS.
const likelyLinked = unsafeCSS(likelyNetworkLink);

/** A recognised link with `labels`: its icon's square, then its text. */
const withIcon = css`
  padding-inline: var(--_size) 0.5em;
`;

/** A recognised link without `labels`: just its icon's square, the text moved out of sight. */
const iconOnly = css`
  display: block;
  inline-size: var(--_size);
  block-size: var(--_size);
  padding: 0;
  overflow: hidden;
  white-space: nowrap;
  text-indent: calc(var(--_size) * 2);
`;

// Each recognised link is a square target (44 px at the default font size) with its icon centred in it; with
// `labels`, the link's text follows the square. The page's own <a> covers the icon, so the whole square is the link,
// and the icon ignores the pointer.
export const styles = css`
  :host {
    --_size: var(--social-follow-size, 2.75em);
    --_icon: var(--social-follow-icon-size, 1.5em);
    --_gap: var(--social-follow-gap, 0.5em);
    --_color: var(--social-follow-color, var(--_link));
    display: block;
    line-height: 1.4;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }

  .heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.25;
  }

  /* The page's own heading takes the wrapper's font, rather than compounding its size. */
  ::slotted([slot='heading']) {
    margin: 0;
    font: inherit;
  }

  .list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    position: relative;
    display: flex;
    color: var(--_color);
  }

  .icon {
    position: absolute;
    inset-block-start: calc((var(--_size) - var(--_icon)) / 2);
    inset-inline-start: calc((var(--_size) - var(--_icon)) / 2);
    inline-size: var(--_icon);
    block-size: var(--_icon);
    fill: currentColor;
    pointer-events: none;
  }

  /* Before the element has its links (server-rendered, until the module arrives), they wait in the default slot, laid
     out as the list lays them out: with scripting on, each link the element will likely recognise keeps its icon's
     square (empty until then); without it no icon is coming, and every link shows its text. */
  .pending {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }

  .item > slot::slotted(a),
  .pending::slotted(a[href]) {
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
    min-block-size: var(--_size);
    color: var(--_color);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  .linked > slot::slotted(a) {
    ${withIcon}
  }

  /* Icon only: the link's text moves out of its square; its aria-label names it. Paper keeps the text. */
  @media not print {
    :host(:not([labels])) .linked > slot::slotted(a) {
      ${iconOnly}
    }
  }

  @media (scripting: enabled) {
    .pending::slotted(${likelyLinked}) {
      ${withIcon}
    }

    @media not print {
      :host(:not([labels])) .pending::slotted(${likelyLinked}) {
        ${iconOnly}
      }
    }
  }

  .item > slot::slotted(a:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .icon {
      fill: CanvasText;
    }

    .item > slot::slotted(a:focus-visible) {
      outline-color: Highlight;
    }
  }
`;
