import type { ReactiveControllerHost } from 'lit';
import type { PullQuoteShareDetail } from '../../events/pull-quote-share-event.js';

/** Key of the quotation as the reader sees it now, the original or the translation: for the share parts, not public. */
export const SHOWN_QUOTE = Symbol.for('newsroom-elements.shown-quote');

/** The quotation as the reader sees it now, the original or the translation, and its language. */
export interface ShownQuote {
  text?: string;
  lang: string;
}

/** What the share parts need of the quote they serve: its light DOM, its shadow root and its attribution. */
export interface ShareHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly speaker?: string;
  readonly jobTitle?: string;
  [SHOWN_QUOTE](): ShownQuote;
}

/** The quotation as shared, which the share menu builds its links from. */
export interface SharedQuote {
  /** `“quote” — Speaker, Job title`, shortened to at most `max` characters. */
  text(max?: number): string;
  /** This page's URL with a text fragment that highlights the quotation. */
  url(): string;
  /** Fires the cancelable `pull-quote-share` event; false when the page cancelled it. */
  dispatch(detail: PullQuoteShareDetail): boolean;
  /** Opens the browser's share sheet with the quotation and its link (after the event). */
  shareNatively(): Promise<void>;
}
