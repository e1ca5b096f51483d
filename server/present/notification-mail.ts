import type { MailContent, MailWriter, NotifiedReply } from '../comments/notifications.js';
import type { StoredComment } from '../comments/service.js';
import { escapeHtml } from './render.js';

/**
 * The notification emails, in English: plain text, and the same as HTML in which every name and comment text is
 * escaped, no link of a comment is made clickable, and nothing is loaded from elsewhere (no image, no style sheet).
 */

/** Longest part of a comment quoted in an email; the whole comment is one link away. */
const QUOTED_CHARS = 2000;
const NAME_CHARS = 80;

/**
 * A value for a header or a one-line place: control characters (CR, LF, tab…) and Unicode line separators become
 * spaces, so a name can never start a new header line.
 */
export const oneLine = (text: string, max = NAME_CHARS): string => {
  const line = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/ {2,}/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** A web address in a comment stays text: a word joiner after the scheme keeps mail clients from linking it. */
const defused = (text: string): string => text.replace(/\b(https?|ftp)(:\/\/)/gi, '$1\u2060$2').replace(/\bwww\./gi, 'www\u2060.');

const quoted = (comment: StoredComment): string => {
  const text = comment.content.length > QUOTED_CHARS ? `${comment.content.slice(0, QUOTED_CHARS)}…` : comment.content;
  return defused(text);
};

const authorOf = (comment: StoredComment): string => oneLine(comment.authorName) || 'Anonymous';

const textQuote = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${line}`)
    .join('\n');

const htmlQuote = (text: string): string =>
  `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #999">${escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')}</blockquote>`;

const link = (href: string, label: string): string => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

const htmlDocument = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

export const notificationMails: MailWriter = {
  confirmation({ confirm }): MailContent {
    const subject = 'Confirm your address for reply notifications';
    const text = [
      'Hello,',
      '',
      'Someone, we hope you, asked to be emailed replies to a comment, with this address.',
      'To confirm, open this link and press "Confirm":',
      '',
      confirm,
      '',
      'If it was not you, ignore this email: nothing more will be sent to you.',
    ].join('\n');
    const html = htmlDocument(
      subject,
      '<p>Hello,</p><p>Someone, we hope you, asked to be emailed replies to a comment, with this address.</p>' +
        `<p>${link(confirm, 'Confirm my address')}</p>` +
        '<p>If it was not you, ignore this email: nothing more will be sent to you.</p>',
    );
    return { subject, text, html };
  },

  replies(replies: NotifiedReply[], { unsubscribe }): MailContent {
    const subject = replies.length === 1 ? `${authorOf(replies[0].comment)} replied to your comment` : `${replies.length} new replies to your comment`;
    const text = [
      'Hello,',
      '',
      ...replies.flatMap(({ comment, link: href }) => [`${authorOf(comment)} replied:`, '', textQuote(quoted(comment)), '', `Read it on the page: ${href}`, '']),
      '--',
      'You get this email because you asked to be told of replies in this conversation.',
      `Stop (one click, no login): ${unsubscribe}`,
    ].join('\n');
    const html = htmlDocument(
      subject,
      '<p>Hello,</p>' +
        replies
          .map(({ comment, link: href }) => `<p>${escapeHtml(authorOf(comment))} replied:</p>${htmlQuote(quoted(comment))}<p>${link(href, 'Read it on the page')}</p>`)
          .join('') +
        `<hr><p>You get this email because you asked to be told of replies in this conversation. ${link(unsubscribe, 'Stop these emails')} (one click, no login).</p>`,
    );
    return { subject, text, html };
  },

  held(comment, { comment: href, desk }): MailContent {
    const subject = `Comment held for moderation: ${authorOf(comment)}`;
    const text = [
      `A comment by ${authorOf(comment)} on post ${comment.post} waits for a moderator:`,
      '',
      textQuote(quoted(comment)),
      '',
      `Moderation page: ${desk}`,
      `Where it would appear: ${href}`,
    ].join('\n');
    const html = htmlDocument(
      subject,
      `<p>A comment by ${escapeHtml(authorOf(comment))} on post ${comment.post} waits for a moderator:</p>${htmlQuote(quoted(comment))}` +
        `<p>${link(desk, 'Moderation page')}</p>`,
    );
    return { subject, text, html };
  },
};
