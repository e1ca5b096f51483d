import { COMMENT_LIMITS, type WpCommentStatus } from 'newsroom-comment-protocol';
import { isBlank } from '../storage/keys.js';
import type { Verdict } from '../storage/port.js';
import { foldText } from './blocklist.js';
import { countLinks } from './links.js';
import { CommentRejected, type CommentField } from './rejection.js';

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

/** A new comment as the client sent it, after schema validation: types are right, values are not yet checked. */
export interface CommentInput {
  post?: number | string;
  parent?: number | string;
  authorName?: string;
  authorEmail?: string;
  authorUrl?: string;
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

/** Cleans and checks a new comment as WordPress does; throws CommentRejected with the first reason found. */
export function cleanComment(input: CommentInput, requireNameEmail: boolean): CleanComment {
  const comment: CleanComment = {
    post: toId(input.post),
    parent: toId(input.parent),
    authorName: stripTags(singleLine(input.authorName ?? '')),
    authorEmail: singleLine(input.authorEmail ?? ''),
    authorUrl: singleLine(input.authorUrl ?? ''),
    content: multiLine(input.content ?? ''),
  };

  const malformed: Array<'author_email' | 'author_url'> = [];
  if (comment.authorEmail && !isEmail(comment.authorEmail)) malformed.push('author_email');
  if (comment.authorUrl && !isHttpUrl(comment.authorUrl)) malformed.push('author_url');
  if (malformed.length > 0) throw new CommentRejected({ reason: 'malformed', fields: malformed });

  if (!Number.isSafeInteger(comment.post) || comment.post < 1 || comment.post > 2147483647) {
    throw new CommentRejected({ reason: 'no-post' });
  }
  // A text (or name) that shows nothing, only whitespace or zero-width and other invisible characters, is missing.
  if (isBlank(comment.content)) throw new CommentRejected({ reason: 'no-content' });
  if (requireNameEmail) {
    const missing: Array<'author_name' | 'author_email'> = [];
    if (isBlank(comment.authorName)) missing.push('author_name');
    if (!comment.authorEmail) missing.push('author_email');
    if (missing.length > 0) throw new CommentRejected({ reason: 'author-data-required', fields: missing });
  }

  const values: Record<CommentField, string> = {
    author_name: comment.authorName,
    author_email: comment.authorEmail,
    author_url: comment.authorUrl,
    content: comment.content,
  };
  const tooLong = (Object.keys(values) as CommentField[]).filter((field) => bytes(values[field]) > COMMENT_LIMITS[field]);
  if (tooLong.length > 0) throw new CommentRejected({ reason: 'too-long', fields: tooLong });
  return comment;
}

export interface ModerationRules {
  mode: ModerationMode;
  /** Words and phrases that hold a comment (MODERATION_KEYWORDS and the desk's hold list), compared case-folded. */
  keywords: readonly string[];
}

/**
 * WordPress's check_comment(): `all` holds everything; 2 or more links or a moderation keyword (a substring of the
 * author fields, text or IP address, Unicode-normalised and case-folded) hold the comment in every other mode; `first-time` also holds an author without an earlier approved comment of the same name and email
 * (emails compared case-insensitively).
 */
export function decideStatus(
  comment: CleanComment & { authorIp: string },
  rules: ModerationRules,
  previouslyApproved: boolean,
): WpCommentStatus {
  if (rules.mode === 'all') return 'hold';
  if (countLinks(comment.content) >= 2) return 'hold';
  const haystack = foldText([comment.authorName, comment.authorEmail, comment.authorUrl, comment.content, comment.authorIp].join('\n'));
  if (rules.keywords.some((word) => word !== '' && haystack.includes(foldText(word)))) return 'hold';
  if (rules.mode === 'first-time' && !previouslyApproved) return 'hold';
  return 'approved';
}

/**
 * The verdicts for a known and a new author, decided before the storage's transaction answers which one it is. A bot
 * that filled the honeypot is stored as spam and told what a held first comment is told, whoever it claims to be.
 */
export function verdicts(
  comment: CleanComment & { authorIp: string },
  rules: ModerationRules,
  spam: boolean,
): { knownAuthor: Verdict; newAuthor: Verdict } {
  const verdict = (previouslyApproved: boolean): Verdict => {
    if (spam) return { stored: 'spam', told: 'hold' };
    const status = decideStatus(comment, rules, previouslyApproved);
    return { stored: status, told: status };
  };
  return { knownAuthor: verdict(true), newAuthor: verdict(false) };
}
