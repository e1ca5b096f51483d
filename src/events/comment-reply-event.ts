/**
 * Fired as `comment-reply` by `comment-list` when the reader presses a comment's Reply button. A `comment-section`
 * turns its form into a reply to that comment; a page using the parts alone can do the same.
 */
export class CommentReplyEvent extends Event {
  readonly commentId: number;
  readonly authorName: string;

  constructor(commentId: number, authorName: string) {
    super('comment-reply', { bubbles: true, composed: true });
    this.commentId = commentId;
    this.authorName = authorName;
  }
}

// Typed for `addEventListener` on elements, the document and the window (the event bubbles to them).
declare global {
  interface GlobalEventHandlersEventMap {
    'comment-reply': CommentReplyEvent;
  }
}
