import { isIP } from 'node:net';
import { COMMENT_LIMITS } from 'newsroom-comment-protocol';
import { cleanComment, type CleanComment } from '../comments/rules.js';
import { CommentRejected } from '../comments/rejection.js';
import type { ImportedComment, TransferStorage } from '../storage/transfer-port.js';
import { htmlToText } from './html-text.js';
import { type PostMapping, resolvePost } from './posts.js';
import { MAX_FIELD_CHARS, type SourceComment, type SourceReader } from './source.js';

/** Why a comment of the file was not imported (the report counts each kind and lists the first ones). */
export type RefusalKind = 'not-a-comment' | 'no-id' | 'oversized' | 'unknown-status' | 'bad-date' | 'no-post' | 'no-text' | 'too-long';

export interface Refusal {
  kind: RefusalKind;
  /** The comment's ID in the file and the line it starts on. */
  sourceId: string;
  line: number;
  message: string;
}

export interface ImportReport {
  /** Comments found in the file. */
  read: number;
  /** Stored now. */
  imported: number;
  /** Stored by an earlier import of the same source (or deleted since): left as they are. */
  alreadyThere: number;
  refused: number;
  refusedByKind: Partial<Record<RefusalKind, number>>;
  /** The first refusals, in file order. */
  refusals: Refusal[];
  /** Imported without a malformed email or website address (WordPress checks neither on old comments). */
  fieldsDropped: number;
  /** Replies linked to a parent that came later in the file. */
  repliesLinked: number;
  /** Replies whose parent is not imported (refused, or not in the file): shown as top-level comments. */
  orphans: number;
}

// A batch is stored in one transaction: at most this many comments, or of text, so memory stays small whatever the
// comments' length.
const BATCH_COMMENTS = 500;
const BATCH_CHARS = 1024 * 1024;
const LISTED_REFUSALS = 50;

/** A comment of the file checked and cleaned as a new comment is, or why it cannot be imported. */
export function prepare(comment: SourceComment, posts: PostMapping): { comment: ImportedComment; dropped: boolean } | { refusal: Omit<Refusal, 'sourceId' | 'line'> } {
  const refuse = (kind: RefusalKind, message: string) => ({ refusal: { kind, message } });
  if (comment.type !== 'comment') return refuse('not-a-comment', `a ${comment.type}, not a reader's comment`);
  if (comment.sourceId === '') return refuse('no-id', 'it has no comment ID');
  if (comment.oversized) return refuse('oversized', `a field is longer than ${MAX_FIELD_CHARS} characters`);
  if (comment.status === undefined) return refuse('unknown-status', `unknown status "${comment.rawStatus}"`);
  if (comment.createdAt === undefined) return refuse('bad-date', `unreadable date "${comment.rawDate}"`);
  const post = resolvePost(posts, comment.post);
  if ('refusal' in post) return refuse('no-post', post.refusal);
  // The export's HTML becomes the text its readers saw; names are HTML-escaped in WordPress's database too.
  const input = {
    post: post.post,
    parent: 0,
    authorName: htmlToText(comment.authorName),
    authorEmail: comment.authorEmail,
    authorUrl: comment.authorUrl,
    content: htmlToText(comment.html),
  };
  let clean: CleanComment;
  let dropped = false;
  try {
    clean = cleanComment(input, false);
  } catch (error) {
    if (!(error instanceof CommentRejected)) throw error;
    const rejection = error.rejection;
    if (rejection.reason === 'no-content') return refuse('no-text', 'its text is empty once its HTML is read');
    if (rejection.reason === 'too-long') {
      return refuse('too-long', `${rejection.fields.join(', ')} longer than allowed (text: ${COMMENT_LIMITS.content} bytes)`);
    }
    if (rejection.reason !== 'malformed') throw error;
    // An old comment keeps its words without an address that would be refused today.
    dropped = true;
    clean = cleanComment(
      {
        ...input,
        ...(rejection.fields.includes('author_email') && { authorEmail: '' }),
        ...(rejection.fields.includes('author_url') && { authorUrl: '' }),
      },
      false,
    );
  }
  const { parent: _unlinked, ...fields } = clean;
  return {
    comment: {
      ...fields,
      authorIp: isIP(comment.authorIp) ? comment.authorIp : '',
      source: comment.source,
      sourceId: comment.sourceId,
      ...(comment.parentSourceId !== undefined && { parentSourceId: comment.parentSourceId }),
      status: comment.status,
      createdAt: comment.createdAt,
    },
    dropped,
  };
}

/**
 * Imports the comments `read` finds in the file at `path`. The file is read twice, in constant memory: once to check
 * all of it (a malformed, hostile or truncated file throws XmlRefused and nothing is stored), then to store its
 * comments in batches. Comments imported before from the same source are counted, not stored again.
 */
export async function importFile(storage: TransferStorage, read: SourceReader, path: string, posts: PostMapping): Promise<ImportReport> {
  for await (const _comment of read(path)) {
    // Checking the whole file is the point of this pass.
  }
  const report: ImportReport = {
    read: 0,
    imported: 0,
    alreadyThere: 0,
    refused: 0,
    refusedByKind: {},
    refusals: [],
    fieldsDropped: 0,
    repliesLinked: 0,
    orphans: 0,
  };
  const sources = new Set<string>();
  let batch: ImportedComment[] = [];
  let batchChars = 0;
  const flush = async () => {
    batchChars = 0;
    if (batch.length === 0) return;
    for (const outcome of await storage.importComments(batch)) {
      if (outcome.created) report.imported += 1;
      else report.alreadyThere += 1;
    }
    batch = [];
  };
  for await (const comment of read(path)) {
    report.read += 1;
    const prepared = prepare(comment, posts);
    if ('refusal' in prepared) {
      report.refused += 1;
      report.refusedByKind[prepared.refusal.kind] = (report.refusedByKind[prepared.refusal.kind] ?? 0) + 1;
      if (report.refusals.length < LISTED_REFUSALS) report.refusals.push({ ...prepared.refusal, sourceId: comment.sourceId, line: comment.line });
      continue;
    }
    if (prepared.dropped) report.fieldsDropped += 1;
    sources.add(comment.source);
    batch.push(prepared.comment);
    batchChars += prepared.comment.content.length;
    if (batch.length >= BATCH_COMMENTS || batchChars >= BATCH_CHARS) await flush();
  }
  await flush();
  for (const source of sources) {
    const linked = await storage.linkImportedReplies(source);
    report.repliesLinked += linked.linked;
    report.orphans += linked.orphans;
  }
  return report;
}
