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
  /** Our server only: UTC time of the author's last edit (`YYYY-MM-DDTHH:mm:ss`), absent when never edited. */
  edited_gmt?: string;
}

/**
 * Our server only: what `POST /comments` adds to the created comment when authors may edit their comments. The token
 * is returned this once; sent back in {@link EDIT_TOKEN_HEADER}, it lets this browser edit (`POST /comments/<id>`
 * with `{ content }`) or delete (`DELETE /comments/<id>`) the comment until `edit_until`.
 */
export interface WpCommentCreated extends WpComment {
  edit_token?: string;
  /** UTC time the edit window closes, `YYYY-MM-DDTHH:mm:ss`. */
  edit_until?: string;
}

/** Request header that carries a comment's edit token (never a URL or a cookie). */
export const EDIT_TOKEN_HEADER = 'X-Comment-Edit-Token';

/** Why an edit was refused (`data.reason` of a 403 `rest_cannot_edit`). */
export type EditRefusal = 'expired' | 'replied' | 'moderated';

/** The body of `DELETE /comments/<id>`, as WordPress answers a forced delete. */
export interface WpCommentDeleted {
  deleted: true;
  previous: WpComment;
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
  /** Our server only, when it sends {@link NOTIFICATIONS_HEADER}: email me replies in this thread (double opt-in). */
  [NOTIFY_FIELD]?: boolean;
  /** With {@link NOTIFY_FIELD}: the language of the page commented from, for the emails and the pages they link to. */
  [NOTIFY_LANGUAGE_FIELD]?: string;
}

/** Name of the honeypot field, in the JSON body and as the hidden form input's name. */
export const HONEYPOT_FIELD = 'fax_number';

/** WordPress's error body: `{ code, message, data: { status } }`; `data.params` maps a field to its message. */
export interface WpError {
  code: string;
  message: string;
  data: { status: number; params?: Record<string, string>; reason?: EditRefusal };
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

/**
 * Our server only: path (under the comments route, `…/comments/stream?post=<id>`) of the Server-Sent Events stream of
 * a post's comment changes. Each event's `id` is a position in the server's event log; a client resumes after it with
 * the `Last-Event-ID` header or, when it opens a new `EventSource`, the {@link STREAM_RESUME_PARAM} query parameter.
 */
export const STREAM_PATH = '/stream';
export const STREAM_RESUME_PARAM = 'last_event_id';

/**
 * Our server only: response header of a list, the event log's position read before the list was: a stream opened
 * after the list resumes from it (`last_event_id`), so that nothing approved in between is missed.
 */
export const STREAM_POSITION_HEADER = 'X-Comment-Event-Position';

/** The events of the stream: their `event:` names and the JSON in their `data:`. */
export interface CommentStreamEvents {
  /** A comment became visible (approved, at creation or by a moderator). */
  comment: WpComment;
  /** A visible comment changed (its author edited it). */
  edited: WpComment;
  /** A comment stopped being visible (deleted, trashed, held again or marked spam). */
  removed: { id: number; post: number };
}

/**
 * Error code of a new comment refused by the site's block lists (its email address or network); `data.params` names
 * `author_email` when the address is the reason. The comment elements word it in the reader's language.
 */
export const COMMENT_BLOCKED_CODE = 'comment_blocked';

/** Our server only: where the moderation desk's API lives (`/admin` is its page). Moderator token required. */
export const MODERATION_API_PATH = '/wp-json/newsroom/v1/moderation';

/** What a moderator does to a selection of comments on the desk; `delete` is for good (no undo). */
export type ModerationAction = 'approve' | 'hold' | 'spam' | 'trash' | 'delete';

/** A comment as a moderator sees it (WordPress's `edit` context): with the email and the raw text, never the IP. */
export interface WpModeratedComment extends WpComment {
  author_email: string;
  content: { rendered: string; raw: string };
}

/** `GET …/moderation/comments`: one page of a queue, newest first, and how many comments each queue holds. */
export interface ModerationQueuePage {
  items: WpModeratedComment[];
  total: number;
  total_pages: number;
  counts: Record<WpCommentStatus, number>;
}

/** The answer to `POST …/moderation/bulk`: the audit entry of the action (undo names it) and the comments it changed. */
export interface ModerationBulkResult {
  action_id: number;
  changed: number[];
  /** Until when (UTC ISO time) `POST …/moderation/undo` with `action_id` restores the previous statuses; absent for `delete`. */
  undo_until?: string;
}

/** A block-list kind: words that hold, words that send to spam, refused email addresses (or `@domain`), refused IP ranges. */
export type BlockListKind = 'hold' | 'spam' | 'email' | 'ip';

export interface BlockListEntry {
  id: number;
  kind: BlockListKind;
  value: string;
  created_gmt: string;
}

/** A named moderator token; the token itself is shown once, in the answer that creates it (`token`). */
export interface ModeratorTokenInfo {
  id: number;
  label: string;
  created_gmt: string;
  revoked_gmt?: string;
  /** The token from `COMMENTS_ADMIN_TOKEN` (or the generated one): changed through the configuration, not revoked here. */
  configured: boolean;
  token?: string;
}

/** One entry of the moderation audit log: who (the token's label), what and when. */
export interface ModerationAuditEntry {
  id: number;
  date_gmt: string;
  moderator: string;
  action: string;
  /** The action's particulars in words, for the page (`approve 2 comments: #4, #7`). */
  summary: string;
}

/** A paged list of the desk (`X-WP-Total`-like counts in the body). */
export interface ModerationPage<T> {
  items: T[];
  total: number;
  total_pages: number;
}

/**
 * Our server only: response header of the comments API when the server sends reply notifications by email (value
 * `email`). Without it (a stock WordPress, or our server without `SMTP_URL`) a form offers no notifications.
 */
export const NOTIFICATIONS_HEADER = 'X-Comment-Notifications';

/**
 * Our server only: field of `POST /comments` (`true`) asking to be emailed replies in this thread. The address gets
 * one confirmation email first; only a confirmed address is ever notified.
 */
export const NOTIFY_FIELD = 'notify_replies';

/**
 * Our server only, with {@link NOTIFY_FIELD}: the reader's language (a BCP 47 tag such as `fr` or `uk-UA`, the
 * language of the form's page). The server writes its emails and pages in the best built-in match (`fr-CA` → `fr`),
 * or English. A tag that does not match {@link LANGUAGE_TAG} is refused (400 `rest_invalid_param`).
 */
export const NOTIFY_LANGUAGE_FIELD = 'notify_language';

/**
 * The shape of a language tag as {@link NOTIFY_LANGUAGE_FIELD} takes it: a language subtag, then hyphen-separated
 * subtags of up to 8 letters or digits, at most 35 characters in all (RFC 5646's minimum buffer). Each subtag starts
 * after a hyphen, so the match is linear in the length.
 */
export const LANGUAGE_TAG = /^(?=.{2,35}$)[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
