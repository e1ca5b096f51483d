/**
 * Fired as `comment-error` by `comment-form` when sending fails. `code` is WordPress's error code (such as
 * `comment_duplicate` or `comment_flood`), `network` or `timeout`; `status` the HTTP status, 0 without a response.
 */
export class CommentErrorEvent extends Event {
  readonly code: string;
  readonly status: number;
  readonly message: string;

  constructor(code: string, status: number, message: string) {
    super('comment-error', { bubbles: true, composed: true });
    this.code = code;
    this.status = status;
    this.message = message;
  }
}

// Typed for `addEventListener` on elements, the document and the window (the event bubbles to them).
declare global {
  interface GlobalEventHandlersEventMap {
    'comment-error': CommentErrorEvent;
  }
}
