import type { WpCommentStatus } from 'newsroom-comment-protocol';
import type { NewComment, StoredComment } from './port.js';

/** A comment read from another system's export, cleaned, with where it came from. */
export interface ImportedComment extends Omit<NewComment, 'parent'> {
  /** The export it comes from (e.g. `wxr:https://news.example`, `disqus:forum`): source IDs are unique within it. */
  source: string;
  /** Its ID in that export. */
  sourceId: string;
  /** The ID of the comment it replies to in that export, if it is a reply. */
  parentSourceId?: string;
  status: WpCommentStatus;
  /** Milliseconds since the epoch, UTC. */
  createdAt: number;
}

/** What became of an imported comment: stored now, or stored by an earlier import (`id` is ours either way). */
export interface ImportOutcome {
  id: number;
  created: boolean;
}

/** Replies whose parent came later in the file are linked once the whole file is in. */
export interface LinkOutcome {
  linked: number;
  /** Replies whose parent was never imported (refused, or not in the file): they stay top-level comments. */
  orphans: number;
}

/**
 * Import and export of comments (the `import` and `export` commands). Each imported comment is remembered as
 * (source, source ID) → our ID in `import_sources`, so importing the same file again adds nothing.
 */
export interface TransferStorage {
  /**
   * Stores, in one transaction, the comments of `batch` not imported before; a reply whose parent is already imported
   * is linked to it at once, the others wait for `linkImportedReplies`.
   */
  importComments(batch: readonly ImportedComment[]): Promise<ImportOutcome[]>;
  /** Links the replies of `source` still waiting for a parent that has been imported since (same post). */
  linkImportedReplies(source: string): Promise<LinkOutcome>;
  /** Every comment, any status, ordered by post then ID, `limit` at a time after the comment `after` (a cursor). */
  exportComments(after: { post: number; id: number }, limit: number): Promise<StoredComment[]>;
}
