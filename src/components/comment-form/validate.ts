import { COMMENT_LIMITS } from 'newsroom-comment-protocol';

/** The fields of the form, named as in the REST API (and in its error `params`). */
export type CommentField = 'content' | 'author_name' | 'author_email' | 'author_url';
export type CommentValues = Record<CommentField, string>;

/** The order the fields appear in, so that focus goes to the first invalid one. */
export const FIELD_ORDER: readonly CommentField[] = ['content', 'author_name', 'author_email', 'author_url'];

/** The terms of the form that name what is wrong with a field. */
export type ValidationTerm =
  | `${CommentField}TooLong`
  | 'contentRequired'
  | 'author_nameRequired'
  | 'author_emailRequired'
  | 'author_emailNeededToNotify'
  | 'author_emailInvalid'
  | 'author_urlInvalid';

const encoder = new TextEncoder();
// Longest email address SMTP allows; checked before the pattern so that it never runs on a huge input.
const EMAIL_MAX = 254;
// No spaces, ":" or ";" (they smuggle extra headers into mail software), one "@", a dot in the domain.
const EMAIL = /^[^\s@:;,<>()[\]"]+@[^\s@:;,<>()[\]"]+\.[^\s@:;,<>()[\]".]+$/;

function isWebAddress(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/**
 * Checks the values as WordPress would (limits in UTF-8 bytes); returns a term name for each field at fault. Reply
 * notifications (`notify`) need an email address even where comments do not.
 */
export function validateComment(values: CommentValues, requireNameEmail: boolean, notify = false): Partial<Record<CommentField, ValidationTerm>> {
  const errors: Partial<Record<CommentField, ValidationTerm>> = {};
  for (const field of FIELD_ORDER) {
    if (encoder.encode(values[field]).length > COMMENT_LIMITS[field]) errors[field] = `${field}TooLong` as const;
  }
  if (!values.content.trim()) errors.content = 'contentRequired';
  if (requireNameEmail && !values.author_name.trim()) errors.author_name = 'author_nameRequired';
  const email = values.author_email.trim();
  if (requireNameEmail && !email) errors.author_email = 'author_emailRequired';
  else if (notify && !email) errors.author_email = 'author_emailNeededToNotify';
  else if (email && !errors.author_email && (email.length > EMAIL_MAX || !EMAIL.test(email))) errors.author_email = 'author_emailInvalid';
  const url = values.author_url.trim();
  if (url && !errors.author_url && !isWebAddress(url)) errors.author_url = 'author_urlInvalid';
  return errors;
}
