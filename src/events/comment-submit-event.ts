import type { WpCommentCreate } from 'newsroom-comment-protocol';

/**
 * Fired as `comment-submit` by `comment-form` just before it sends a comment. Cancelable: `preventDefault()` stops
 * the form from sending, so that the page can send `payload` itself.
 */
export class CommentSubmitEvent extends Event {
  readonly payload: WpCommentCreate;

  constructor(payload: WpCommentCreate) {
    super('comment-submit', { bubbles: true, composed: true, cancelable: true });
    this.payload = payload;
  }
}

// Typed for `addEventListener` on elements, the document and the window (the event bubbles to them).
declare global {
  interface GlobalEventHandlersEventMap {
    'comment-submit': CommentSubmitEvent;
  }
}
