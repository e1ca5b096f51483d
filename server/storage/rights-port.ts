import type { AuditNote } from './moderation-port.js';
import type { StoredComment } from './port.js';

/**
 * How an address's comments are erased. `anonymise` keeps each comment's text, status and place in its thread (so the
 * replies to it still make sense) and forgets who wrote it; `delete` removes the comments, and the replies to them
 * move up to the deleted comment's parent, as WordPress's wp_delete_comment() moves them.
 */
export type ErasureMode = 'anonymise' | 'delete';

export interface ErasureRequest {
  /** The address, compared case-insensitively (as the comment rules compare it). */
  email: string;
  mode: ErasureMode;
  /** With `anonymise`: the name the comments show from now on (may be empty). */
  anonymousName: string;
  /** The moderator who erases, for the audit log (which records the mode and the counts, never the address). */
  note: AuditNote;
}

/** What an erasure changed, for the moderator's answer to the person who asked. */
export interface ErasureOutcome {
  /** Comments anonymised or deleted. */
  comments: number;
  /** Replies of other people moved up to a deleted comment's parent (always 0 when anonymising). */
  reparented: number;
  /** Idempotency records of the address's requests forgotten. */
  idempotencyKeys: number;
}

/**
 * What data-rights requests need from the storage, beyond the comment port: everything kept of an email address,
 * found, erased in one transaction; and the IP addresses of old comments erased.
 */
export interface RightsStorage {
  /** One page of every comment (any status) whose email is `email`, case-insensitively, oldest first. */
  commentsByEmail(email: string, page: number, perPage: number): Promise<{ items: StoredComment[]; total: number }>;
  /**
   * Erases every comment of the address as `mode` says, with everything derived from them (flood and duplicate keys,
   * edit tokens, idempotency records), in one transaction that also logs the events readers need: `removed` for a
   * deleted comment that was shown, `edited` for a shown comment anonymised or a shown reply moved up.
   */
  eraseByEmail(request: ErasureRequest): Promise<ErasureOutcome>;
  /** Clears the IP address, and the flood key derived from it, of every comment created before `before` (ms). */
  eraseAddressesBefore(before: number): Promise<number>;
}
