import type { WpCommentStatus } from 'newsroom-comment-protocol';
import { duplicateKey, senderOf } from './keys.js';
import type { RightsStorage } from './rights-port.js';
import type { ModerationStorage } from './moderation-port.js';
import type { NotifyStorage } from './notify-port.js';
import type { TransferStorage } from './transfer-port.js';

/** A comment row as stored. The email and IP address never leave the server except to the moderator (email only). */
export interface StoredComment {
  id: number;
  post: number;
  parent: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  content: string;
  status: WpCommentStatus;
  /** Milliseconds since the epoch, UTC. */
  createdAt: number;
  /** When its author last edited it (ms), if ever. */
  editedAt?: number;
}

/** What readers of a post see change: a comment shown, its text changed, a comment no longer shown. */
export type CommentEventKind = 'comment' | 'edited' | 'removed';

/** An entry of the durable event log; `id` orders every event of every post. */
export interface StoredEvent {
  id: number;
  post: number;
  commentId: number;
  kind: CommentEventKind;
}

/** The event a change makes, if readers see a difference (only approved comments are shown). */
export function visibilityEvent(before: WpCommentStatus | undefined, after: WpCommentStatus | undefined, textChanged = false): CommentEventKind | undefined {
  const wasShown = before === 'approved';
  const isShown = after === 'approved';
  if (!wasShown && isShown) return 'comment';
  if (wasShown && !isShown) return 'removed';
  return wasShown && isShown && textChanged ? 'edited' : undefined;
}

/** A `comments` table row as either database returns it (PostgreSQL gives its BIGINT `created_at` as a string). */
export interface CommentRow {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  author_email: string;
  author_url: string;
  author_ip: string;
  content: string;
  status: WpCommentStatus;
  created_at: number | string;
  edited_at?: number | string | null;
  edit_token_hash?: string | null;
  moderated?: number | boolean;
}

export const toStoredComment = (row: CommentRow): StoredComment => ({
  id: row.id,
  post: row.post,
  parent: row.parent,
  authorName: row.author_name,
  authorEmail: row.author_email,
  authorUrl: row.author_url,
  authorIp: row.author_ip,
  content: row.content,
  status: row.status,
  createdAt: Number(row.created_at),
  ...(row.edited_at !== null && row.edited_at !== undefined && { editedAt: Number(row.edited_at) }),
});

export type NewComment = Omit<StoredComment, 'id' | 'status' | 'createdAt' | 'editedAt'>;

/** A comment as its author's edit or deletion is decided on, read inside the change's transaction. */
export interface EditableComment {
  comment: StoredComment;
  /** Digest of the edit token given at creation; null when none was (no edit window, or stored before there was one). */
  editTokenHash: string | null;
  /** A moderator changed its status. */
  moderated: boolean;
  /** Another comment (not trashed or spam) replies to it. */
  hasReplies: boolean;
}

/** What to do with a comment its author wants to change; `refusal` is passed back as it is. */
export type AuthorChange<Refusal> =
  | { kind: 'update'; content: string; status: WpCommentStatus; duplicateKey: string; editedAt: number }
  | { kind: 'delete' }
  | { kind: 'refuse'; refusal: Refusal };

export type AuthorChangeOutcome<Refusal> =
  | { kind: 'updated' | 'deleted'; comment: StoredComment; previous: StoredComment }
  | { kind: 'not-found' }
  | { kind: 'duplicate' }
  | { kind: 'refused'; refusal: Refusal };

/** Which comments to list, one page of them, ordered by date then ID. */
export interface CommentListQuery {
  post?: number;
  /** Only direct replies of these comments (0: top-level comments). */
  parents?: readonly number[];
  /** With `post`: every comment at any depth below these comments, each reachable through comments of `status`. */
  thread?: readonly number[];
  status: WpCommentStatus;
  page: number;
  perPage: number;
  order: 'asc' | 'desc';
}

export interface CreateRequest {
  comment: NewComment;
  createdAt: number;
  /** 0 disables the flood rule. */
  floodSeconds: number;
  /** The key, and the fingerprint of the request it is bound to (see requestFingerprint). */
  idempotency?: { key: string; fingerprint: string };
  /** Digest of the token that lets the author edit the comment (none when authors may not edit). */
  editTokenHash?: string;
  /**
   * The moderation decision, made by the comment service before the transaction for both answers to the one question
   * only the database can answer: has an approved comment the same name and email?
   */
  verdicts: { knownAuthor: Verdict; newAuthor: Verdict };
}

/** The status a new comment is stored with, and the status its author is told (they differ for spam). */
export interface Verdict {
  stored: WpCommentStatus;
  told: WpCommentStatus;
}

export type CreateOutcome =
  /** `comment.status` is the status the author is told (and told again on a replay); `storedStatus` the one stored. */
  | { kind: 'created'; comment: StoredComment; storedStatus: WpCommentStatus }
  | { kind: 'replayed'; comment: StoredComment }
  | { kind: 'idempotency-key-reused' }
  | { kind: 'invalid-parent' }
  | { kind: 'duplicate' }
  | { kind: 'flood'; retryAfterSeconds: number };

/** The keys kept with each comment: `sender` for the flood rule, `duplicate_key` for the duplicate rule. */
export const derivedColumns = (comment: Omit<NewComment, 'authorUrl'>) => ({
  sender: senderOf(comment.authorIp),
  duplicateKey: duplicateKey(comment),
});

/**
 * One interface over SQLite and PostgreSQL. Every check that must hold across several server processes (idempotency,
 * duplicates, flood, first-time moderation) runs inside `createComment`'s transaction, so the database is the single
 * source of truth.
 */
export interface CommentStorage extends RightsStorage, ModerationStorage, NotifyStorage, TransferStorage {
  readonly kind: 'sqlite' | 'postgres';
  createComment(request: CreateRequest): Promise<CreateOutcome>;
  getComment(id: number): Promise<StoredComment | undefined>;
  listComments(query: CommentListQuery): Promise<{ items: StoredComment[]; total: number }>;
  /**
   * An author's edit or deletion, atomic with the facts it is decided on: `decide` (which must not throw) sees the
   * comment as locked inside the transaction; an update whose text duplicates another comment is refused.
   */
  changeByAuthor<Refusal>(id: number, decide: (current: EditableComment) => AuthorChange<Refusal>): Promise<AuthorChangeOutcome<Refusal>>;
  /**
   * Events after the event `after`, oldest first, at most `limit`, of one post or of all. Every change that shows or
   * hides a comment or changes a shown one logs its event in the change's own transaction, and event IDs grow in the
   * order changes commit, so a reader that resumes after an ID misses nothing.
   */
  eventsAfter(after: number, limit: number, post?: number): Promise<StoredEvent[]>;
  /** The ID of the latest event (0 when none). */
  lastEventId(): Promise<number>;
  /**
   * Calls `wake` whenever events may have been logged: by this process, and on PostgreSQL by any process on the same
   * database (LISTEN/NOTIFY). Resolves with a function that stops watching.
   */
  watchEvents(wake: () => void): Promise<() => Promise<void>>;
  /** Forgets events logged before `before` (ms). */
  pruneEvents(before: number): Promise<void>;
  /** Forgets idempotency keys older than `before` (ms). */
  pruneIdempotencyKeys(before: number): Promise<void>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Events are kept this long: a stream resumed after longer may have missed some (the page reloads its lists). */
export const EVENT_TTL_MS = 24 * 60 * 60 * 1000;

/** Idempotency keys are kept this long: long enough for any client's retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The database cannot be reached (down, restarting): answered 503 with Retry-After, never a crash. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The comment database is unavailable', { cause });
  }
}
