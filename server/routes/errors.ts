import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { COMMENT_BLOCKED_CODE, type EditRefusal, type WpError } from 'newsroom-comment-protocol';
import { CommentRejected, type CommentField, type Rejection } from '../comments/rejection.js';
import { StorageUnavailableError } from '../comments/service.js';

/** An error answered in WordPress's shape; thrown from handlers and turned into the response by the error handler. */
export class WpHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params?: Record<string, string>,
    readonly headers: Record<string, string> = {},
    readonly reason?: EditRefusal,
  ) {
    super(message);
  }

  toJSON(): WpError {
    return {
      code: this.code,
      message: this.message,
      data: { status: this.status, ...(this.params && { params: this.params }), ...(this.reason && { reason: this.reason }) },
    };
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
  forbidden: 'Sorry, you are not allowed to do that.',
  pageTooLarge: 'The page number requested is larger than the number of pages available.',
  // Not WordPress's (it has no idempotency keys): the wording of Stripe's idempotency_key_reused error.
  // Not WordPress's (it has no edit window for anonymous authors): why an author may no longer change a comment.
  editExpired: 'The time to edit this comment is over.',
  editReplied: 'Someone has replied to this comment, so it can no longer be changed.',
  editModerated: 'A moderator has reviewed this comment, so it can no longer be changed.',
  // Not WordPress's (it files a disallowed comment in the trash without a word): the desk's block lists refuse it.
  blockedEmail: 'Sorry, comments from this email address are not accepted on this site.',
  blockedNetwork: 'Sorry, comments from your network are not accepted on this site.',
  undoNotFound: 'There is no moderation action with this ID that can be undone.',
  undoExpired: 'The time to undo this action is over.',
  undoDone: 'This action has already been undone.',
  // Ours: the reader's language for reply notifications.
  invalidLanguage: 'notify_language must be a language tag such as fr or pt-BR.',
  idempotencyKeyReused:
    'Keys for idempotent requests can only be used with the same parameters they were first used with. Send a new key with a new comment.',
} as const;

export const invalidParams = (params: Record<string, string>): WpHttpError =>
  new WpHttpError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(params).join(', ')}`, params);

const fieldsWith = (fields: readonly string[], message: (field: string) => string): Record<string, string> =>
  Object.fromEntries(fields.map((field) => [field, message(field)]));

const TOO_LONG: Record<CommentField, { code: string; message: string }> = {
  author_name: { code: 'comment_author_column_length', message: MESSAGES.nameTooLong },
  author_email: { code: 'comment_author_email_column_length', message: MESSAGES.emailTooLong },
  author_url: { code: 'comment_author_url_column_length', message: MESSAGES.urlTooLong },
  content: { code: 'comment_content_column_length', message: MESSAGES.commentTooLong },
};

/** The comment service's refusal, in WordPress's status, code and words. */
function fromRejection(rejection: Rejection): WpHttpError {
  switch (rejection.reason) {
    case 'malformed':
      return invalidParams(fieldsWith(rejection.fields, (field) => (field === 'author_email' ? MESSAGES.invalidEmail : MESSAGES.invalidUrl)));
    case 'no-post':
      return new WpHttpError(403, 'rest_comment_invalid_post_id', MESSAGES.noPost, { post: MESSAGES.noPost });
    case 'no-content':
      return new WpHttpError(400, 'rest_comment_content_invalid', MESSAGES.contentInvalid, { content: MESSAGES.typeComment });
    case 'author-data-required':
      return new WpHttpError(400, 'rest_comment_author_data_required', MESSAGES.authorDataRequired, fieldsWith(rejection.fields, () => MESSAGES.fillRequired));
    case 'too-long':
      return new WpHttpError(
        400,
        TOO_LONG[rejection.fields[0]].code,
        MESSAGES.fieldTooLong,
        fieldsWith(rejection.fields, (field) => TOO_LONG[field as CommentField].message),
      );
    case 'invalid-parent':
      return new WpHttpError(400, 'rest_comment_invalid_parent', 'Invalid parent comment.', {
        parent: 'The comment you reply to does not exist, is not approved, or belongs to another post.',
      });
    case 'duplicate':
      return new WpHttpError(409, 'comment_duplicate', MESSAGES.duplicate);
    case 'flood':
      return new WpHttpError(429, 'comment_flood', MESSAGES.flood, undefined, { 'Retry-After': String(rejection.retryAfterSeconds) });
    case 'idempotency-key-reused':
      return new WpHttpError(422, 'idempotency_key_reused', MESSAGES.idempotencyKeyReused, {
        'Idempotency-Key': MESSAGES.idempotencyKeyReused,
      });
    case 'not-found':
      return new WpHttpError(404, 'rest_comment_invalid_id', MESSAGES.invalidId);
    case 'already-trashed':
      return new WpHttpError(410, 'rest_already_trashed', MESSAGES.alreadyTrashed);
    case 'page-out-of-range':
      return new WpHttpError(400, 'rest_comment_invalid_page_number', MESSAGES.pageTooLarge);
    case 'blocked':
      return rejection.field === 'author_email'
        ? new WpHttpError(403, COMMENT_BLOCKED_CODE, MESSAGES.blockedEmail, { author_email: MESSAGES.blockedEmail })
        : new WpHttpError(403, COMMENT_BLOCKED_CODE, MESSAGES.blockedNetwork);
    case 'cannot-undo': {
      const [status, code, message] = {
        'not-found': [404, 'moderation_undo_invalid_id', MESSAGES.undoNotFound],
        expired: [410, 'moderation_undo_expired', MESSAGES.undoExpired],
        'already-undone': [409, 'moderation_undo_done', MESSAGES.undoDone],
      }[rejection.why] as [number, string, string];
      return new WpHttpError(status, code, message);
    }
    case 'cannot-edit': {
      if (rejection.refusal === undefined) return new WpHttpError(401, 'rest_cannot_edit', MESSAGES.cannotEdit);
      const message = { expired: MESSAGES.editExpired, replied: MESSAGES.editReplied, moderated: MESSAGES.editModerated }[rejection.refusal];
      return new WpHttpError(403, 'rest_cannot_edit', message, undefined, {}, rejection.refusal);
    }
  }
}

/** WordPress's wording of a schema violation, per field. */
function validationParams(error: FastifyError): Record<string, string> {
  const params: Record<string, string> = {};
  for (const issue of error.validation ?? []) {
    const missing = (issue.params as { missingProperty?: string }).missingProperty;
    // A list item is named as WordPress names it: `parent[2]`.
    const path = issue.instancePath.split('/').filter(Boolean);
    const named = path.map((part, index) => (index > 0 && /^\d+$/.test(part) ? `[${part}]` : `${index > 0 ? '.' : ''}${part}`)).join('');
    const field = missing ?? (named || error.validationContext || 'body');
    const limit = (issue.params as { limit?: number }).limit;
    const message = {
      type: `${field} is not of type ${String((issue.params as { type?: string | string[] }).type).split(',')[0]}.`,
      minimum: `${field} must be greater than or equal to ${limit}`,
      maximum: `${field} must be less than or equal to ${limit}`,
      enum: `${field} is not one of ${((issue.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}.`,
      pattern: `${field} is not of type integer.`,
      required: `${field} is a required property.`,
      minItems: `${field} must list at least ${limit} ID.`,
      maxItems: `${field} must list at most ${limit} IDs.`,
    }[issue.keyword];
    params[field] ??= message ?? `${field} is invalid.`;
  }
  return params;
}

/** Turns any error into WordPress's `{ code, message, data: { status } }`. */
export function toWpError(error: FastifyError): WpHttpError {
  if (error instanceof WpHttpError) return error;
  if (error instanceof CommentRejected) return fromRejection(error.rejection);
  if (error.validation) {
    return error.validationContext === 'params'
      ? new WpHttpError(404, 'rest_no_route', MESSAGES.noRoute)
      : invalidParams(validationParams(error));
  }
  if (error instanceof StorageUnavailableError) {
    return new WpHttpError(503, 'rest_storage_unavailable', 'The comment database is unavailable. Please try again shortly.', undefined, {
      'Retry-After': '5',
    });
  }
  switch (error.statusCode) {
    case 413:
      return new WpHttpError(413, 'rest_request_too_large', 'The request body is too large.');
    case 415:
      return new WpHttpError(415, 'rest_unsupported_media_type', 'Send the request body as application/json.');
    case 400:
      return new WpHttpError(400, 'rest_invalid_json', MESSAGES.invalidJson);
    default:
      return error.statusCode && error.statusCode < 500
        ? new WpHttpError(error.statusCode, 'rest_invalid_request', 'The request is invalid.')
        : new WpHttpError(500, 'rest_internal_error', 'The server could not handle the request.');
  }
}

/** Answers every error and unknown route of a Fastify scope in WordPress's shape (a 5xx is logged). */
export function answerInWordPressShape(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const wpError = toWpError(error);
    if (wpError.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(wpError.status).headers(wpError.headers).send(wpError.toJSON());
  });
  scope.setNotFoundHandler((_request, reply) => reply.code(404).send(new WpHttpError(404, 'rest_no_route', MESSAGES.noRoute).toJSON()));
}

/** Only JSON bodies: a cross-site HTML form or text/plain POST (no preflight) is refused before it is read. */
export function requireJsonBody(request: FastifyRequest): void {
  if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new WpHttpError(415, 'rest_unsupported_media_type', 'Send the request body as application/json.');
}
