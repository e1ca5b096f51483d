/**
 * Fired as `comment-count` by `comment-list` when the number of a post's approved comments changes under the reader's
 * eyes: a comment the reader posted, one that arrived live, one removed. `delta` is the change; `since` is when it
 * began (`performance.now()`), so that a count fetched before that moment is not trusted to hold it (see
 * `CommentToggle.adjustCount`). Composed, so that a page can keep its own counter in step.
 */
export class CommentCountEvent extends Event {
  readonly delta: number;
  readonly since: number;

  constructor(delta: number, since: number) {
    super('comment-count', { bubbles: true, composed: true });
    this.delta = delta;
    this.since = since;
  }
}

// Typed for `addEventListener` on elements, the document and the window (the event bubbles to them).
declare global {
  interface GlobalEventHandlersEventMap {
    'comment-count': CommentCountEvent;
  }
}
