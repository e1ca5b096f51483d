/**
 * `newsroom-comment-protocol`: the comments part of the WordPress REST API (v2) that the comment elements speak and the
 * comment server answers. Types and a few constants, importing nothing: both packages depend on it, so the elements
 * never pull in server code.
 */

/** A comment as `GET /wp-json/wp/v2/comments` returns it. Never carries the author's email or IP address. */
export interface WpComment {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  author_url: string;
  /** Site-local time, `YYYY-MM-DDTHH:mm:ss` without a zone, as WordPress sends it. */
  date: string;
  /** UTC time, `YYYY-MM-DDTHH:mm:ss` without a zone. */
  date_gmt: string;
  content: { rendered: string };
  status: WpCommentStatus;
  link: string;
  type?: 'comment';
  author_avatar_urls?: Record<string, string>;
}

export type WpCommentStatus = 'approved' | 'hold' | 'spam' | 'trash';

/** The JSON body of `POST /wp-json/wp/v2/comments` from an anonymous reader. */
export interface WpCommentCreate {
  post: number;
  parent?: number;
  author_name?: string;
  author_email?: string;
  author_url?: string;
  content: string;
  /** The honeypot: humans never see or fill it; a filled one is stored as spam and answered like a success. */
  [HONEYPOT_FIELD]?: string;
}

/** Name of the honeypot field, in the JSON body and as the hidden form input's name. */
export const HONEYPOT_FIELD = 'fax_number';

/** WordPress's error body: `{ code, message, data: { status } }`; `data.params` maps a field to its message. */
export interface WpError {
  code: string;
  message: string;
  data: { status: number; params?: Record<string, string> };
}

/** WordPress's limits, in UTF-8 bytes (wp-includes/comment.php). */
export const COMMENT_LIMITS = {
  author_name: 245,
  author_email: 100,
  author_url: 200,
  content: 65525,
} as const;

/** Response header by which our server tells clients it is not a stock WordPress (and accepts `Idempotency-Key`). */
export const SERVER_HEADER = 'X-Comment-Server';
