import type { WpCommentStatus } from 'newsroom-comment-protocol';
import { duplicateKey, senderOf } from './keys.js';

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
});

export type NewComment = Omit<StoredComment, 'id' | 'status' | 'createdAt'>;

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
  /** `comment.status` is the status the author is told (and told again on a replay). */
  | { kind: 'created' | 'replayed'; comment: StoredComment }
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
export interface CommentStorage {
  readonly kind: 'sqlite' | 'postgres';
  createComment(request: CreateRequest): Promise<CreateOutcome>;
  getComment(id: number): Promise<StoredComment | undefined>;
  listComments(query: CommentListQuery): Promise<{ items: StoredComment[]; total: number }>;
  setStatus(id: number, status: WpCommentStatus): Promise<StoredComment | undefined>;
  deleteComment(id: number): Promise<boolean>;
  /** Forgets idempotency keys older than `before` (ms). */
  pruneIdempotencyKeys(before: number): Promise<void>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Idempotency keys are kept this long: long enough for any client's retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The database cannot be reached (down, restarting): answered 503 with Retry-After, never a crash. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The comment database is unavailable', { cause });
  }
}
