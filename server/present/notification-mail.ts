import type { MailContent, MailWriter, NotifiedReply } from '../comments/notifications.js';
import type { StoredComment } from '../comments/service.js';
import { notificationTerms } from './notification-terms.js';
import { escapeHtml } from './render.js';

/**
 * The notification emails: plain text, and the same as HTML in which every name and comment text is escaped, no link
 * of a comment is made clickable, and nothing is loaded from elsewhere (no image, no style sheet). A reader's emails
 * are in their language (notification-terms.ts); the moderator's stays English, as the moderation desk does.
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

const authorOf = (comment: StoredComment, anonymous = 'Anonymous'): string => oneLine(comment.authorName) || anonymous;

const textQuote = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${line}`)
    .join('\n');

const htmlQuote = (text: string): string =>
  `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #999">${escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')}</blockquote>`;

const link = (href: string, label: string): string => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

const htmlDocument = (title: string, body: string, lang = 'en'): string =>
  `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

export const notificationMails: MailWriter = {
  confirmation({ confirm }, language): MailContent {
    const t = notificationTerms(language);
    const subject = t.confirmSubject;
    const text = [t.hello, '', t.confirmAsked, t.confirmHow, '', confirm, '', t.confirmIgnore].join('\n');
    const html = htmlDocument(
      subject,
      `<p>${escapeHtml(t.hello)}</p><p>${escapeHtml(t.confirmAsked)}</p><p>${link(confirm, t.confirmLink)}</p><p>${escapeHtml(t.confirmIgnore)}</p>`,
      t.lang,
    );
    return { subject, text, html };
  },

  replies(replies: NotifiedReply[], { unsubscribe }, language): MailContent {
    const t = notificationTerms(language);
    const author = (comment: StoredComment) => authorOf(comment, t.anonymous);
    const subject =
      replies.length === 1
        ? t.repliedSubject(author(replies[0].comment))
        : t.newReplies(replies.length, new Intl.NumberFormat(t.lang).format(replies.length));
    const text = [
      t.hello,
      '',
      ...replies.flatMap(({ comment, link: href }) => [t.replied(author(comment)), '', textQuote(quoted(comment)), '', t.readItAt(href), '']),
      '--',
      t.footerWhy,
      `${t.stopText} ${unsubscribe}`,
    ].join('\n');
    const html = htmlDocument(
      subject,
      `<p>${escapeHtml(t.hello)}</p>` +
        replies
          .map(({ comment, link: href }) => `<p>${escapeHtml(t.replied(author(comment)))}</p>${htmlQuote(quoted(comment))}<p>${link(href, t.readIt)}</p>`)
          .join('') +
        `<hr><p>${escapeHtml(t.footerWhy)} ${link(unsubscribe, t.stopLink)} ${escapeHtml(t.stopNote)}</p>`,
      t.lang,
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
