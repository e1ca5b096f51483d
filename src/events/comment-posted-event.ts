import type { WpComment } from 'newsroom-comment-protocol';

/**
 * Fired as `comment-posted` by `comment-form` once the server has accepted a comment. `comment` is the server's
 * comment, or `undefined` when only a "duplicate" answer to a retry proved that an earlier attempt got through.
 * Composed, so that a `comment-list` elsewhere on the page can show the new comment at once.
 */
export class CommentPostedEvent extends Event {
  readonly comment?: WpComment;
  /** When the request that created the comment was sent (`performance.now()`). */
  readonly sentAt: number;

  constructor(comment: WpComment | undefined, sentAt = performance.now()) {
    super('comment-posted', { bubbles: true, composed: true });
    this.comment = comment;
    this.sentAt = sentAt;
  }
}

// Typed for `addEventListener` on elements, the document and the window (the event bubbles to them).
declare global {
  interface GlobalEventHandlersEventMap {
    'comment-posted': CommentPostedEvent;
  }
}
