import type { BlockListKind, WpCommentStatus } from 'newsroom-comment-protocol';
import type { StoredComment } from './port.js';

/** A moderator token as stored: only the SHA-256 digest of the token is kept. */
export interface StoredModeratorToken {
  id: number;
  label: string;
  createdAt: number;
  revokedAt?: number;
  /** The token of the configuration (COMMENTS_ADMIN_TOKEN or the generated one). */
  configured: boolean;
}

export interface StoredBlockEntry {
  id: number;
  kind: BlockListKind;
  /** Case-folded and Unicode-normalised as the desk stored it. */
  value: string;
  createdAt: number;
}

/** Who did an action and when, written to the audit log in the action's own transaction. */
export interface AuditNote {
  moderator: string;
  at: number;
}

/** What an audit entry records; `changes` lets an undo restore each comment's previous status. */
export type AuditDetail =
  | { action: 'status'; status: WpCommentStatus; changes: Array<{ id: number; from: WpCommentStatus }> }
  | { action: 'delete'; ids: number[] }
  | { action: 'undo'; undoes: number; ids: number[] }
  | { action: 'block-add' | 'block-remove'; kind: BlockListKind; value: string }
  | { action: 'token-create' | 'token-revoke'; label: string }
  | { action: 'erase'; mode: 'anonymise' | 'delete'; comments: number; reparented: number };

export interface StoredAuditEntry extends AuditNote {
  id: number;
  detail: AuditDetail;
}

/** A moderator's queue: one status, newest first, optionally a text (name, email or comment text) or a post. */
export interface ModerationQueueQuery {
  status: WpCommentStatus;
  /** Matched as a plain substring (SQL LIKE with its wildcards escaped), ASCII case-insensitively. */
  search?: string;
  post?: number;
  page: number;
  perPage: number;
}

/** A status change of one comment, as the desk's actions and their undo make it. */
export interface StatusChange {
  previous: StoredComment;
  comment: StoredComment;
}

export type UndoOutcome =
  | { kind: 'undone'; auditId: number; changes: StatusChange[] }
  | { kind: 'not-found' | 'expired' | 'already-undone' };

/**
 * The moderation desk's storage: named moderator tokens, block lists, the audit log, and the desk's changes to several
 * comments, each in one transaction with its audit entry.
 */
export interface ModerationStorage {
  /** The moderator whose token has this digest (hex), unless unknown or revoked. */
  moderatorByTokenHash(tokenHash: string): Promise<{ label: string } | undefined>;
  /** Makes `tokenHash` the configuration's token (label `label`), replacing an earlier configured one. */
  setConfiguredToken(tokenHash: string, label: string, at: number): Promise<void>;
  listModeratorTokens(): Promise<StoredModeratorToken[]>;
  /** Stores a new token's digest; undefined when a live token already has the label. */
  createModeratorToken(label: string, tokenHash: string, note: AuditNote): Promise<StoredModeratorToken | undefined>;
  /** Revokes a token (not the configured one: `configured`), at once for every process. */
  revokeModeratorToken(id: number, note: AuditNote): Promise<StoredModeratorToken | 'not-found' | 'configured'>;

  /** A number that changes whenever the block lists do: processes cache the lists and compare it per comment. */
  blockListVersion(): Promise<number>;
  listBlockEntries(): Promise<{ version: number; entries: StoredBlockEntry[] }>;
  /** Adds an entry; undefined when the same one is there already. */
  addBlockEntry(kind: BlockListKind, value: string, note: AuditNote): Promise<StoredBlockEntry | undefined>;
  removeBlockEntry(id: number, note: AuditNote): Promise<StoredBlockEntry | undefined>;

  moderationQueue(query: ModerationQueueQuery): Promise<{ items: StoredComment[]; total: number }>;
  queueCounts(): Promise<Record<WpCommentStatus, number>>;
  /** Sets the status of every listed comment that exists, in one transaction with the audit entry. */
  moderateComments(ids: readonly number[], status: WpCommentStatus, note: AuditNote): Promise<{ auditId: number; changes: StatusChange[] }>;
  /** Deletes the listed comments for good, in one transaction with the audit entry. */
  deleteComments(ids: readonly number[], note: AuditNote): Promise<{ auditId: number; deleted: StoredComment[] }>;
  /**
   * Restores the statuses a `status` action (made at `notBefore` or later) changed, for each comment whose status is
   * still the one it set; once only.
   */
  undoModeration(auditId: number, notBefore: number, note: AuditNote): Promise<UndoOutcome>;
  listAudit(page: number, perPage: number): Promise<{ items: StoredAuditEntry[]; total: number }>;
}

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern (with `ESCAPE '\'`). */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
