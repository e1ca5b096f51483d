/**
 * Where a quotation is being sent: the clipboard, the browser's own share sheet, one network's share page, or an image
 * card shared (`image`) or downloaded (`image-download`).
 */
export type PullQuoteShareNetwork =
  | 'copy'
  | 'native'
  | 'x'
  | 'bluesky'
  | 'facebook'
  | 'linkedin'
  | 'email'
  | 'mastodon'
  | 'image'
  | 'image-download';

export interface PullQuoteShareDetail {
  /**
   * The quotation with its marks and attribution, as it will be sent (shortened for networks with a limit); for an
   * image, its description.
   */
  text: string;
  /** The page URL with a text fragment that scrolls to the quotation. */
  url: string;
  network: PullQuoteShareNetwork;
}

/**
 * Fired as `pull-quote-share` before a pull quote is copied or shared. Cancel it (`preventDefault()`) to replace
 * the action with your own; read `detail` to track it.
 */
export class PullQuoteShareEvent extends CustomEvent<PullQuoteShareDetail> {
  constructor(detail: PullQuoteShareDetail) {
    super('pull-quote-share', { bubbles: true, cancelable: true, detail });
  }
}

// Typed for `addEventListener` on elements, the document and the window (the event bubbles to them).
declare global {
  interface GlobalEventHandlersEventMap {
    'pull-quote-share': PullQuoteShareEvent;
  }
}
