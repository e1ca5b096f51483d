/**
 * When two comments, two senders or two requests count as the same: the keys the storage compares inside its
 * transaction (duplicates, flood, idempotency). Every step is linear in the length of the text.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { NewComment } from './port.js';

// Characters that show nothing: whitespace, default-ignorable code points (zero-width, joiners, soft hyphen, BOM,
// variation selectors, Hangul fillers…) and the blank Braille pattern.
const INVISIBLE = '\\p{White_Space}\\p{Default_Ignorable_Code_Point}\\u2800';
const VISIBLE = new RegExp(`[^${INVISIBLE}]`, 'u');
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
const WHITESPACE_RUN = /\p{White_Space}+/gu;
// Normalisation sorts each run of combining marks, which is quadratic in the run's length. UAX #15's stream-safe
// format bounds the runs: a combining grapheme joiner (itself ignorable, removed below) after every 30 characters
// that are or decompose to marks (U+FF9E and U+FF9F are letters that decompose to marks).
const MARK_RUN = /[\p{M}\uFF9E\uFF9F]{30}/gu;

/** True when the text shows nothing at all. */
export const isBlank = (text: string): boolean => !VISIBLE.test(text);

/**
 * The form in which two texts are compared for duplicates: NFKC, invisible characters removed, lower case,
 * whitespace runs folded to one space, trimmed.
 */
export function comparableText(text: string): string {
  return text
    .replace(MARK_RUN, '$&\u034f')
    .normalize('NFKC')
    .replace(IGNORABLE, '')
    .toLowerCase()
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** Emails are compared case-insensitively, as WordPress does (they are ASCII: see isEmail). */
export const comparableEmail = (email: string): string => email.toLowerCase();

const sha256 = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** Same post, parent, name, email and text, each in its comparable form. */
export const duplicateKey = (comment: Omit<NewComment, 'authorIp' | 'authorUrl'>): string =>
  sha256([comment.post, comment.parent, comparableText(comment.authorName), comparableEmail(comment.authorEmail), comparableText(comment.content)]);

const ipv4Groups = (dotted: string): number[] => {
  const [a, b, c, d] = dotted.split('.').map(Number);
  return [(a << 8) | b, (c << 8) | d];
};

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, an embedded IPv4 tail converted, zone dropped). */
function ipv6Groups(address: string): number[] {
  const groups = (part: string): number[] =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ipv4Groups(group) : [parseInt(group, 16)]));
  const [head, tail] = address.split('%')[0].split('::');
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The unit of the flood limit: an IPv4 address, or the /64 network of an IPv6 address (one subscriber's
 * network, in which a client picks new addresses at will).
 */
export function senderOf(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/**
 * What an Idempotency-Key is bound to: the request's fields and, when it has no email to tell the sender by, the
 * sender's network. A key sent again with anything else is a reuse, refused.
 */
export const requestFingerprint = (comment: NewComment, spam: boolean): string =>
  sha256([
    comment.post,
    comment.parent,
    comment.authorName,
    comment.authorEmail,
    comment.authorUrl,
    comment.content,
    spam,
    comment.authorEmail === '' ? senderOf(comment.authorIp) : '',
  ]);
