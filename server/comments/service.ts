import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EditRefusal, ModerationAction, WpCommentStatus } from 'newsroom-comment-protocol';
import { duplicateKey, requestFingerprint } from '../storage/keys.js';
import type { AuthorChange, AuthorChangeOutcome, CommentListQuery, CommentStorage, CreateOutcome, EditableComment, StoredComment } from '../storage/port.js';
import type { ModerationQueueQuery, StatusChange } from '../storage/moderation-port.js';
import { blockListCache, containsAny, foldText } from './blocklist.js';
import { CommentRejected, type Rejection } from './rejection.js';
import { cleanComment, decideStatus, verdicts, type CommentInput, type ModerationRules } from './rules.js';

export { StorageUnavailableError, type CommentListQuery, type StoredComment } from '../storage/port.js';
export type { ModerationQueueQuery } from '../storage/moderation-port.js';

/** How long after a desk action its undo is accepted (the page offers it for a shorter while). */
export const UNDO_WINDOW_MS = 60_000;

/** What a desk action did: its audit entry (undo names it), the comments it changed, and until when it can be undone. */
export interface ModerationOutcome {
  auditId: number;
  changed: number[];
  undoUntil?: number;
}

/** The site's comment rules, from the resolved configuration. */
export interface CommentPolicy {
  moderation: ModerationRules;
  /** Minimum seconds between two comments of one sender or email; 0 disables. */
  floodSeconds: number;
  requireNameEmail: boolean;
  /** Seconds after posting during which the author may edit or delete the comment; 0: never. */
  editWindowSeconds: number;
  /** Clock in ms. */
  now(): number;
}

/** A new comment and what the HTTP layer knows of its sender. */
export interface Submission extends CommentInput {
  authorIp: string;
  /** The honeypot field's value: anything but empty marks a bot. */
  honeypot?: string;
  idempotencyKey?: string;
  /** The author asks to be emailed replies in this thread (the address is confirmed by email first). */
  notifyReplies?: boolean;
  /** The author's language for those emails (a tag of `LANGUAGE_TAG`'s shape); English when not given. */
  notifyLanguage?: string;
}
/**
 * What the rest of the server hears of comments (reply notifications), once a change is stored. A failing hook is
 * reported to `hookFailed` and never undoes or fails the change.
 */
export interface CommentHooks {
  /**
   * A comment was stored (`previous` undefined) or its status changed (a moderator's decision, one by one or in bulk
   * through `setStatus`, or its author's edit holding it again).
   */
  statusChanged?(comment: StoredComment, previous: WpCommentStatus | undefined): Promise<void>;
  /** The author of a new comment asked to be emailed replies, in `language` (a BCP 47 tag). */
  repliesRequested?(comment: StoredComment, language: string): Promise<void>;
  hookFailed?(error: unknown): void;
}


/** A new comment as its author is told, with the secret that lets them edit it (given once: not on a replay). */
export interface CreatedComment {
  comment: StoredComment;
  editToken?: string;
  /** When the edit window closes (ms). */
  editUntil?: number;
}

export interface CommentService {
  /** Checks, decides and stores a new comment; resolves with it as its author is told (a replay: as first told). */
  create(submission: Submission): Promise<CreatedComment>;
  /**
   * The author's new text for their comment, proven by the edit token: checked as a new comment's text, held again
   * when the rules hold it; resolves with the comment as its author is told.
   */
  edit(id: number, editToken: string, content: string | undefined): Promise<StoredComment>;
  /** The author deletes their comment, proven by the edit token; resolves with it as it was. */
  deleteOwn(id: number, editToken: string): Promise<StoredComment>;
  /**
   * One page of comments and how many there are in all, with the event log's position read before them (`eventPosition`):
   * every change after it is an event after it.
   */
  list(query: CommentListQuery): Promise<{ items: StoredComment[]; total: number; totalPages: number; eventPosition: number }>;
  get(id: number): Promise<StoredComment>;
  /** A moderator (named by their token's label, for the audit log) sets a comment's status. */
  setStatus(id: number, status: WpCommentStatus, moderator: string): Promise<StoredComment>;
  /** Moves a comment to the trash; resolves with it trashed. */
  trash(id: number, moderator: string): Promise<StoredComment>;
  /** Deletes a comment for good; resolves with it as it was. */
  delete(id: number, moderator: string): Promise<StoredComment>;
  /** One page of a moderator's queue, newest first, with every queue's count. */
  queue(query: ModerationQueueQuery): Promise<{ items: StoredComment[]; total: number; totalPages: number; counts: Record<WpCommentStatus, number> }>;
  /**
   * The desk's bulk action on the comments of `ids` (those that exist), in one transaction with its audit entry; status
   * changes take the same path as `setStatus`.
   */
  moderate(ids: readonly number[], action: ModerationAction, moderator: string): Promise<ModerationOutcome>;
  /** Restores the statuses a desk action changed, within UNDO_WINDOW_MS, once. */
  undo(auditId: number, moderator: string): Promise<ModerationOutcome>;
}

const ACTION_STATUS: Record<Exclude<ModerationAction, 'delete'>, WpCommentStatus> = {
  approve: 'approved',
  hold: 'hold',
  spam: 'spam',
  trash: 'trash',
};

const digestOf = (token: string): Buffer => createHash('sha256').update(token).digest();

/** The status an author is told: spam (a filled honeypot) is told what a held comment is told. */
const told = (comment: StoredComment): StoredComment => (comment.status === 'spam' ? { ...comment, status: 'hold' } : comment);

/**
 * The comment rules over a storage port: cleaning, moderation and honeypot are decided here; the storage applies the
 * checks that must hold across server processes (idempotency, parent, duplicates, flood, first-time authors) inside
 * one database transaction.
 */
export function createCommentService(storage: CommentStorage, policy: CommentPolicy, hooks: CommentHooks = {}): CommentService {
  /**
   * The hook of a status change (or a new comment: `previous` undefined), with the comment as stored; `repliesIn` is
   * the language a new comment's author asked to be emailed replies in, if they asked.
   */
  const announceStatus = async (comment: StoredComment, previous: WpCommentStatus | undefined, repliesIn?: string) => {
    try {
      if (comment.status !== previous) await hooks.statusChanged?.(comment, previous);
      if (repliesIn !== undefined) await hooks.repliesRequested?.(comment, repliesIn);
    } catch (error) {
      hooks.hookFailed?.(error);
    }
  };
  /** A new comment with the status it is stored with: the author may be told another (spam is told "held"). */
  const announceCreated = (created: Extract<CreateOutcome, { kind: 'created' }>, repliesIn: string | undefined) =>
    announceStatus({ ...created.comment, status: created.storedStatus }, undefined, repliesIn);
  const blockLists = blockListCache(storage);
  /** The site's rules with the desk's hold words added to MODERATION_KEYWORDS. */
  const rulesWith = (holdWords: readonly string[]) => ({ ...policy.moderation, keywords: [...policy.moderation.keywords, ...holdWords] });

  /** The hooks of a moderator's status changes, comment by comment. */
  const announceChanges = async (changes: readonly StatusChange[]) => {
    for (const { previous, comment } of changes) await announceStatus(comment, previous.status);
  };
  /**
   * The one path of a moderator's status change, one comment or many (the desk's bulk actions, the WordPress routes),
   * each call one transaction with its audit entry; `changes` has every comment before and after. An undo's
   * restorations come back from `storage.undoModeration` in the same shape.
   */
  const changeStatuses = async (ids: readonly number[], status: WpCommentStatus, moderator: string) => {
    const changed = await storage.moderateComments([...new Set(ids)], status, { moderator, at: policy.now() });
    await announceChanges(changed.changes);
    return changed;
  };
  const changedIds = (changes: readonly StatusChange[]) => changes.map(({ comment }) => comment.id);

  const existing = async (id: number): Promise<StoredComment> => {
    const comment = await storage.getComment(id);
    if (!comment) throw new CommentRejected({ reason: 'not-found' });
    return comment;
  };

  /** Why the bearer of `editToken` may not change the comment now, if they may not (digests compared in constant time). */
  const refusalOf = (current: EditableComment, editToken: string): Rejection | undefined => {
    const stored = current.editTokenHash === null ? undefined : Buffer.from(current.editTokenHash, 'hex');
    const presented = digestOf(editToken);
    if (stored === undefined || stored.length !== presented.length || !timingSafeEqual(stored, presented)) {
      return { reason: 'cannot-edit' };
    }
    const refusal: EditRefusal | undefined = current.moderated
      ? 'moderated'
      : policy.now() >= current.comment.createdAt + policy.editWindowSeconds * 1000
        ? 'expired'
        : current.hasReplies
          ? 'replied'
          : undefined;
    return refusal && { reason: 'cannot-edit', refusal };
  };

  const byAuthor = async (id: number, decide: (current: EditableComment) => AuthorChange<Rejection>): Promise<StoredComment> => {
    const outcome: AuthorChangeOutcome<Rejection> = await storage.changeByAuthor(id, decide);
    switch (outcome.kind) {
      case 'updated':
      case 'deleted':
        return outcome.kind === 'updated' ? outcome.comment : outcome.previous;
      case 'refused':
        throw new CommentRejected(outcome.refusal);
      default:
        throw new CommentRejected({ reason: outcome.kind });
    }
  };

  return {
    async create(submission) {
      const comment = { ...cleanComment(submission, policy.requireNameEmail), authorIp: submission.authorIp };
      const lists = await blockLists();
      const refused = lists.refuses(comment.authorEmail, comment.authorIp);
      if (refused) throw new CommentRejected({ reason: 'blocked', ...(refused === 'author_email' && { field: refused }) });
      const words = foldText([comment.authorName, comment.authorEmail, comment.authorUrl, comment.content].join('\n'));
      // A spam word files the comment as spam, told what a held comment is told (as a filled honeypot is).
      const spam = (submission.honeypot !== undefined && submission.honeypot !== '') || containsAny(words, lists.spamWords);
      const { idempotencyKey } = submission;
      // Every new comment gets a token while edits are allowed, spam too: a bot learns nothing from its answer.
      const editToken = policy.editWindowSeconds > 0 ? randomBytes(32).toString('base64url') : undefined;
      const createdAt = policy.now();
      const outcome = await storage.createComment({
        comment,
        createdAt,
        floodSeconds: policy.floodSeconds,
        idempotency: idempotencyKey === undefined ? undefined : { key: idempotencyKey, fingerprint: requestFingerprint(comment, spam) },
        editTokenHash: editToken && digestOf(editToken).toString('hex'),
        verdicts: verdicts(comment, rulesWith(lists.holdWords), spam),
      });
      switch (outcome.kind) {
        case 'created':
          await announceCreated(outcome, submission.notifyReplies === true ? (submission.notifyLanguage ?? 'en') : undefined);
          return editToken === undefined
            ? { comment: outcome.comment }
            : { comment: outcome.comment, editToken, editUntil: createdAt + policy.editWindowSeconds * 1000 };
        case 'replayed':
          return { comment: outcome.comment };
        case 'flood':
          throw new CommentRejected({ reason: 'flood', retryAfterSeconds: outcome.retryAfterSeconds });
        default:
          throw new CommentRejected({ reason: outcome.kind });
      }
    },
    async list(query) {
      const eventPosition = await storage.lastEventId();
      const { items, total } = await storage.listComments(query);
      const totalPages = Math.ceil(total / query.perPage);
      if (total > 0 && query.page > totalPages) throw new CommentRejected({ reason: 'page-out-of-range' });
      return { items, total, totalPages, eventPosition };
    },
    get: existing,
    async edit(id, editToken, content) {
      const current = await existing(id);
      // The new text meets every rule of a new comment's text; the author's fields were checked when it was posted.
      const cleaned = cleanComment({ ...current, content }, false);
      const rules = rulesWith((await blockLists()).holdWords);
      const editedAt = policy.now();
      let previous: WpCommentStatus = current.status;
      const changed = await byAuthor(id, (locked) => {
        previous = locked.comment.status;
        const refusal = refusalOf(locked, editToken);
        if (refusal) return { kind: 'refuse', refusal };
        const decided = decideStatus({ ...cleaned, authorIp: locked.comment.authorIp }, rules, true);
        // An edit never publishes: a held or spam comment stays so; a published one is held again if the rules say so.
        const status: WpCommentStatus = locked.comment.status === 'approved' ? decided : locked.comment.status;
        return { kind: 'update', content: cleaned.content, status, duplicateKey: duplicateKey(cleaned), editedAt };
      });
      await announceStatus(changed, previous);
      return told(changed);
    },
    async deleteOwn(id, editToken) {
      const deleted = await byAuthor(id, (locked) => {
        const refusal = refusalOf(locked, editToken);
        return refusal ? { kind: 'refuse', refusal } : { kind: 'delete' };
      });
      return told(deleted);
    },
    async setStatus(id, status, moderator) {
      await existing(id);
      const { changes } = await changeStatuses([id], status, moderator);
      if (!changes[0]) throw new CommentRejected({ reason: 'not-found' });
      return changes[0].comment;
    },
    async trash(id, moderator) {
      const comment = await existing(id);
      if (comment.status === 'trash') throw new CommentRejected({ reason: 'already-trashed' });
      const { changes } = await changeStatuses([id], 'trash', moderator);
      return changes[0]?.comment ?? comment;
    },
    async delete(id, moderator) {
      const comment = await existing(id);
      await storage.deleteComments([id], { moderator, at: policy.now() });
      return comment;
    },
    async queue(query) {
      const [{ items, total }, counts] = await Promise.all([storage.moderationQueue(query), storage.queueCounts()]);
      return { items, total, totalPages: Math.ceil(total / query.perPage), counts };
    },
    async moderate(ids, action, moderator) {
      if (action === 'delete') {
        const { auditId, deleted } = await storage.deleteComments([...new Set(ids)], { moderator, at: policy.now() });
        return { auditId, changed: deleted.map(({ id }) => id) };
      }
      const { auditId, changes } = await changeStatuses(ids, ACTION_STATUS[action], moderator);
      return { auditId, changed: changedIds(changes), undoUntil: policy.now() + UNDO_WINDOW_MS };
    },
    async undo(auditId, moderator) {
      const now = policy.now();
      const outcome = await storage.undoModeration(auditId, now - UNDO_WINDOW_MS, { moderator, at: now });
      if (outcome.kind !== 'undone') throw new CommentRejected({ reason: 'cannot-undo', why: outcome.kind });
      await announceChanges(outcome.changes);
      return { auditId: outcome.auditId, changed: changedIds(outcome.changes) };
    },
  };
}
