import type { COMMENT_LIMITS, EditRefusal } from 'newsroom-comment-protocol';

/** A field of a new comment, named as the WordPress API names it. */
export type CommentField = keyof typeof COMMENT_LIMITS;

/** Why the comment service refused a request; the HTTP layer words it as WordPress does. */
export type Rejection =
  | { reason: 'malformed'; fields: Array<'author_email' | 'author_url'> }
  | { reason: 'no-post' }
  | { reason: 'no-content' }
  | { reason: 'author-data-required'; fields: Array<'author_name' | 'author_email'> }
  | { reason: 'too-long'; fields: CommentField[] }
  | { reason: 'invalid-parent' }
  | { reason: 'duplicate' }
  | { reason: 'flood'; retryAfterSeconds: number }
  | { reason: 'idempotency-key-reused' }
  | { reason: 'not-found' }
  | { reason: 'already-trashed' }
  | { reason: 'page-out-of-range' }
  /** The site's block lists refuse the comment: its email address (`field`) or its sender's network. */
  | { reason: 'blocked'; field?: 'author_email' }
  /** A desk action's undo: unknown (or not a status change), too late, or done already. */
  | { reason: 'cannot-undo'; why: 'not-found' | 'expired' | 'already-undone' }
  /** An author's edit or deletion: without `refusal`, the token is missing or wrong. */
  | { reason: 'cannot-edit'; refusal?: EditRefusal };

export class CommentRejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(`comment rejected: ${rejection.reason}`);
  }
}
