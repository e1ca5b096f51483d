import type { WpError } from 'newsroom-comment-protocol';

/** An error answered in WordPress's shape; thrown from handlers and turned into the response by the error handler. */
export class WpHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params?: Record<string, string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toJSON(): WpError {
    return { code: this.code, message: this.message, data: { status: this.status, ...(this.params && { params: this.params }) } };
  }
}

/** WordPress's messages, verbatim (wp-includes/comment.php, class-wp-rest-comments-controller.php), unless noted. */
export const MESSAGES = {
  fillRequired: 'Please fill the required fields.',
  invalidEmail: 'Please enter a valid email address.',
  invalidUrl: 'Invalid URL.',
  typeComment: 'Please type your comment text.',
  nameTooLong: 'Your name is too long.',
  emailTooLong: 'Your email address is too long.',
  urlTooLong: 'Your URL is too long.',
  commentTooLong: 'Your comment is too long.',
  fieldTooLong: 'Comment field exceeds maximum length allowed.',
  authorDataRequired: 'Creating a comment requires valid author name and email values.',
  contentInvalid: 'Invalid comment content.',
  noPost: 'Sorry, you are not allowed to create this comment without a post.',
  duplicate: 'Duplicate comment detected; it looks as though you’ve already said that!',
  flood: 'You are posting comments too quickly. Slow down.',
  invalidId: 'Invalid comment ID.',
  noRoute: 'No route was found matching the URL and request method.',
  cannotRead: 'Sorry, you are not allowed to read this comment.',
  cannotEdit: 'Sorry, you are not allowed to edit this comment.',
  cannotDelete: 'Sorry, you are not allowed to delete this comment.',
  forbiddenStatusParam: 'Query parameter not permitted: status',
  forbiddenContext: 'Sorry, you are not allowed to edit comments.',
  invalidStatusField: "Sorry, you are not allowed to edit 'status' for comments.",
  alreadyTrashed: 'The comment has already been trashed.',
  invalidJson: 'Invalid JSON body passed.',
  pageTooLarge: 'The page number requested is larger than the number of pages available.',
  // Not WordPress's (it has no idempotency keys): the wording of Stripe's idempotency_key_reused error.
  idempotencyKeyReused:
    'Keys for idempotent requests can only be used with the same parameters they were first used with. Send a new key with a new comment.',
} as const;

export const invalidParams = (params: Record<string, string>): WpHttpError =>
  new WpHttpError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(params).join(', ')}`, params);
