import { COMMENT_LIMITS, type WpCommentStatus } from 'newsroom-comment-protocol';
import { MESSAGES, WpHttpError, invalidParams } from './errors.js';
import { isBlank } from './keys.js';
import { countLinks } from './render.js';

export type ModerationMode = 'first-time' | 'all' | 'none';

/** The author fields and text of a new comment, cleaned and checked as WordPress checks them. */
export interface CleanComment {
  post: number;
  parent: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  content: string;
}

/** The POST body after schema validation: types are right, values are not yet checked. */
export interface CommentBody {
  post?: number | string;
  parent?: number | string;
  author_name?: string;
  author_email?: string;
  author_url?: string;
  content?: string;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

// Lone surrogates become U+FFFD; control characters (NUL breaks PostgreSQL text) are dropped or turned into spaces.
const wellFormed = (text: string): string => text.toWellFormed();
/* eslint-disable no-control-regex -- matching control characters is the point */
const singleLine = (text: string): string => wellFormed(text).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
const multiLine = (text: string): string =>
  wellFormed(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
/* eslint-enable no-control-regex */
// As WordPress's strip_tags on the name: an unclosed tag runs to the end.
const stripTags = (text: string): string => text.replace(/<[^>]*>?/g, '').trim();

/** WordPress's is_email(), plus the 254-character limit of RFC 5321: rejects `:`, `;`, spaces and non-ASCII. */
export function isEmail(email: string): boolean {
  if (email.length < 6 || email.length > 254) return false;
  const at = email.indexOf('@', 1);
  if (at < 1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!/^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) return false;
  if (domain.includes('..') || domain.startsWith('.') || domain.endsWith('.')) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(label));
}

const isHttpUrl = (url: string): boolean =>
  URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol);

const toId = (value: number | string | undefined): number => (value === undefined || value === '' ? 0 : Number(value));

/** Cleans and checks a POST body; throws the WordPress error a REST client expects. */
export function cleanComment(body: CommentBody, requireNameEmail: boolean): CleanComment {
  const comment: CleanComment = {
    post: toId(body.post),
    parent: toId(body.parent),
    authorName: stripTags(singleLine(body.author_name ?? '')),
    authorEmail: singleLine(body.author_email ?? ''),
    authorUrl: singleLine(body.author_url ?? ''),
    content: multiLine(body.content ?? ''),
  };

  const formats: Record<string, string> = {};
  if (comment.authorEmail && !isEmail(comment.authorEmail)) formats.author_email = MESSAGES.invalidEmail;
  if (comment.authorUrl && !isHttpUrl(comment.authorUrl)) formats.author_url = MESSAGES.invalidUrl;
  if (Object.keys(formats).length > 0) throw invalidParams(formats);

  if (!Number.isSafeInteger(comment.post) || comment.post < 1 || comment.post > 2147483647) {
    throw new WpHttpError(403, 'rest_comment_invalid_post_id', MESSAGES.noPost, { post: MESSAGES.noPost });
  }
  // A text (or name) that shows nothing, only whitespace or zero-width and other invisible characters, is missing.
  if (isBlank(comment.content)) {
    throw new WpHttpError(400, 'rest_comment_content_invalid', MESSAGES.contentInvalid, { content: MESSAGES.typeComment });
  }
  if (requireNameEmail && (isBlank(comment.authorName) || !comment.authorEmail)) {
    const missing: Record<string, string> = {};
    if (isBlank(comment.authorName)) missing.author_name = MESSAGES.fillRequired;
    if (!comment.authorEmail) missing.author_email = MESSAGES.fillRequired;
    throw new WpHttpError(400, 'rest_comment_author_data_required', MESSAGES.authorDataRequired, missing);
  }

  const tooLong: [keyof typeof COMMENT_LIMITS, string, string, string][] = [
    ['author_name', comment.authorName, 'comment_author_column_length', MESSAGES.nameTooLong],
    ['author_email', comment.authorEmail, 'comment_author_email_column_length', MESSAGES.emailTooLong],
    ['author_url', comment.authorUrl, 'comment_author_url_column_length', MESSAGES.urlTooLong],
    ['content', comment.content, 'comment_content_column_length', MESSAGES.commentTooLong],
  ];
  const over = tooLong.filter(([field, value]) => bytes(value) > COMMENT_LIMITS[field]);
  if (over.length > 0) {
    throw new WpHttpError(
      400,
      over[0][2],
      MESSAGES.fieldTooLong,
      Object.fromEntries(over.map(([field, , , message]) => [field, message])),
    );
  }
  return comment;
}

export interface ModerationRules {
  mode: ModerationMode;
  keywords: readonly string[];
}

/**
 * WordPress's check_comment(): `all` holds everything; 2 or more links or a moderation keyword hold the comment in
 * every other mode; `first-time` also holds an author without an earlier approved comment of the same name and email
 * (emails compared case-insensitively).
 */
export function decideStatus(
  comment: CleanComment & { authorIp: string },
  rules: ModerationRules,
  previouslyApproved: boolean,
): WpCommentStatus {
  if (rules.mode === 'all') return 'hold';
  if (countLinks(comment.content) >= 2) return 'hold';
  const haystack = [comment.authorName, comment.authorEmail, comment.authorUrl, comment.content, comment.authorIp]
    .join('\n')
    .toLowerCase();
  if (rules.keywords.some((word) => word !== '' && haystack.includes(word.toLowerCase()))) return 'hold';
  if (rules.mode === 'first-time' && !previouslyApproved) return 'hold';
  return 'approved';
}
