import type { WpCommentStatus } from 'newsroom-comment-protocol';
import { requestFingerprint } from '../storage/keys.js';
import type { CommentListQuery, CommentStorage, StoredComment } from '../storage/port.js';
import { CommentRejected } from './rejection.js';
import { cleanComment, verdicts, type CommentInput, type ModerationRules } from './rules.js';

export { StorageUnavailableError, type CommentListQuery, type StoredComment } from '../storage/port.js';

/** The site's comment rules, from the resolved configuration. */
export interface CommentPolicy {
  moderation: ModerationRules;
  /** Minimum seconds between two comments of one sender or email; 0 disables. */
  floodSeconds: number;
  requireNameEmail: boolean;
  /** Clock in ms. */
  now(): number;
}

/** A new comment and what the HTTP layer knows of its sender. */
export interface Submission extends CommentInput {
  authorIp: string;
  /** The honeypot field's value: anything but empty marks a bot. */
  honeypot?: string;
  idempotencyKey?: string;
}

export interface CommentService {
  /** Checks, decides and stores a new comment; resolves with it as its author is told (a replay: as first told). */
  create(submission: Submission): Promise<StoredComment>;
  /** One page of comments and how many there are in all. */
  list(query: CommentListQuery): Promise<{ items: StoredComment[]; total: number; totalPages: number }>;
  get(id: number): Promise<StoredComment>;
  setStatus(id: number, status: WpCommentStatus): Promise<StoredComment>;
  /** Moves a comment to the trash; resolves with it trashed. */
  trash(id: number): Promise<StoredComment>;
  /** Deletes a comment for good; resolves with it as it was. */
  delete(id: number): Promise<StoredComment>;
}

/**
 * The comment rules over a storage port: cleaning, moderation and honeypot are decided here; the storage applies the
 * checks that must hold across server processes (idempotency, parent, duplicates, flood, first-time authors) inside
 * one database transaction.
 */
export function createCommentService(storage: CommentStorage, policy: CommentPolicy): CommentService {
  const existing = async (id: number): Promise<StoredComment> => {
    const comment = await storage.getComment(id);
    if (!comment) throw new CommentRejected({ reason: 'not-found' });
    return comment;
  };

  return {
    async create(submission) {
      const comment = { ...cleanComment(submission, policy.requireNameEmail), authorIp: submission.authorIp };
      const spam = submission.honeypot !== undefined && submission.honeypot !== '';
      const { idempotencyKey } = submission;
      const outcome = await storage.createComment({
        comment,
        createdAt: policy.now(),
        floodSeconds: policy.floodSeconds,
        idempotency: idempotencyKey === undefined ? undefined : { key: idempotencyKey, fingerprint: requestFingerprint(comment, spam) },
        verdicts: verdicts(comment, policy.moderation, spam),
      });
      switch (outcome.kind) {
        case 'created':
        case 'replayed':
          return outcome.comment;
        case 'flood':
          throw new CommentRejected({ reason: 'flood', retryAfterSeconds: outcome.retryAfterSeconds });
        default:
          throw new CommentRejected({ reason: outcome.kind });
      }
    },
    async list(query) {
      const { items, total } = await storage.listComments(query);
      const totalPages = Math.ceil(total / query.perPage);
      if (total > 0 && query.page > totalPages) throw new CommentRejected({ reason: 'page-out-of-range' });
      return { items, total, totalPages };
    },
    get: existing,
    async setStatus(id, status) {
      await existing(id);
      const updated = await storage.setStatus(id, status);
      if (!updated) throw new CommentRejected({ reason: 'not-found' });
      return updated;
    },
    async trash(id) {
      const comment = await existing(id);
      if (comment.status === 'trash') throw new CommentRejected({ reason: 'already-trashed' });
      return (await storage.setStatus(id, 'trash')) ?? comment;
    },
    async delete(id) {
      const comment = await existing(id);
      await storage.deleteComment(id);
      return comment;
    },
  };
}
