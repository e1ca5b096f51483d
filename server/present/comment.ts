import type { WpComment, WpCommentCreated } from 'newsroom-comment-protocol';
import { renderContent } from './render.js';
import type { CreatedComment, StoredComment } from '../comments/service.js';

/** A comment for a moderator (WordPress's `edit` context): adds the email and the raw text, never the IP address. */
export interface WpCommentForModerator extends WpComment {
  author_email: string;
  content: { rendered: string; raw: string };
}

// WordPress's `YYYY-MM-DDTHH:mm:ss` without a zone; the site's local time is UTC.
const wpDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/** The public shape of a stored comment: no email, no IP address. */
export function presentComment(comment: StoredComment, postLink: string): WpComment {
  const date = wpDate(comment.createdAt);
  return {
    id: comment.id,
    post: comment.post,
    parent: comment.parent,
    author_name: comment.authorName,
    author_url: comment.authorUrl,
    date,
    date_gmt: date,
    content: { rendered: renderContent(comment.content) },
    status: comment.status,
    link: `${postLink.replaceAll('{post}', String(comment.post))}#comment-${comment.id}`,
    type: 'comment',
    ...(comment.editedAt !== undefined && { edited_gmt: wpDate(comment.editedAt) }),
  };
}

/** The answer to `POST /comments`: the comment, and once only, the author's edit token and when it stops working. */
export function presentCreated(created: CreatedComment, postLink: string): WpCommentCreated {
  const shown: WpCommentCreated = presentComment(created.comment, postLink);
  if (created.editToken !== undefined && created.editUntil !== undefined) {
    shown.edit_token = created.editToken;
    shown.edit_until = wpDate(created.editUntil);
  }
  return shown;
}

export function presentForModerator(comment: StoredComment, postLink: string): WpCommentForModerator {
  const shown = presentComment(comment, postLink);
  return { ...shown, author_email: comment.authorEmail, content: { ...shown.content, raw: comment.content } };
}

const commentProperties = {
  id: { type: 'integer' },
  post: { type: 'integer' },
  parent: { type: 'integer' },
  author_name: { type: 'string' },
  author_url: { type: 'string' },
  date: { type: 'string' },
  date_gmt: { type: 'string' },
  content: {
    type: 'object',
    properties: { rendered: { type: 'string' }, raw: { type: 'string' } },
    required: ['rendered'],
  },
  status: { type: 'string' },
  link: { type: 'string' },
  type: { type: 'string' },
  edited_gmt: { type: 'string' },
  author_email: { type: 'string' },
} as const;

/**
 * Response schema: Fastify serialises with it (fast) and drops any property not listed, so a field such as the IP
 * address can never slip into a response.
 */
export const commentSchema = { type: 'object', properties: commentProperties } as const;

/** The created comment's schema: the comment and its author's edit token. */
export const createdCommentSchema = {
  type: 'object',
  properties: { ...commentProperties, edit_token: { type: 'string' }, edit_until: { type: 'string' } },
} as const;
