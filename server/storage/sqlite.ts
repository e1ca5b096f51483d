import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WpCommentStatus } from 'newsroom-comment-protocol';
import { comparableEmail } from './keys.js';
import type { ClaimedMail, LinkOutcome, MailKind, NotifyStorage } from './notify-port.js';
import {
  derivedColumns,
  toStoredComment,
  type CommentRow,
  type StoredComment,
  type CommentStorage,
  type CreateOutcome,
  type CreateRequest,
  type CommentListQuery,
  type AuthorChange,
  type AuthorChangeOutcome,
  type EditableComment,
  type CommentEventKind,
  type StoredEvent,
  visibilityEvent,
} from './port.js';
import type { ErasureOutcome, ErasureRequest } from './rights-port.js';
import {
  likePattern,
  type AuditDetail,
  type AuditNote,
  type ModerationStorage,
  type StatusChange,
  type StoredBlockEntry,
  type StoredModeratorToken,
} from './moderation-port.js';
import type { ImportedComment, ImportOutcome } from './transfer-port.js';

/** Versioned migrations: each runs once, in order, inside a transaction. Never edit one that has shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE comments (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     post INTEGER NOT NULL,
     parent INTEGER NOT NULL DEFAULT 0,
     author_name TEXT NOT NULL,
     author_email TEXT NOT NULL,
     author_url TEXT NOT NULL,
     author_ip TEXT NOT NULL,
     content TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('approved', 'hold', 'spam', 'trash')),
     created_at INTEGER NOT NULL
   );
   CREATE INDEX comments_listing ON comments (status, post, parent, id);
   CREATE INDEX comments_by_ip ON comments (author_ip, created_at);
   CREATE INDEX comments_by_email ON comments (author_email, status, created_at);
   CREATE TABLE idempotency_keys (
     key TEXT PRIMARY KEY,
     status_code INTEGER NOT NULL,
     body TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );`,
  // A post's comments without a parent filter, newest first, straight from the index (no sort).
  'CREATE INDEX comments_by_post ON comments (status, post, id)',
  // The flood rule counts a sender (an IPv6 /64 as one); duplicates compare a key of the normalised fields; emails
  // compare case-insensitively. An idempotency record keeps a reference to the comment, not a copy of the reply
  // (records of the old form are dropped: a retry of one then meets the duplicate rule).
  `ALTER TABLE comments ADD COLUMN sender TEXT;
   ALTER TABLE comments ADD COLUMN duplicate_key TEXT;
   CREATE INDEX comments_by_sender ON comments (sender, created_at);
   CREATE INDEX comments_by_duplicate_key ON comments (duplicate_key);
   DROP INDEX comments_by_ip;
   DROP INDEX comments_by_email;
   CREATE INDEX comments_by_folded_email ON comments (lower(author_email), status, created_at);
   DROP TABLE idempotency_keys;
   CREATE TABLE idempotency_keys (
     key TEXT PRIMARY KEY,
     fingerprint TEXT NOT NULL,
     comment_id INTEGER NOT NULL,
     told_status TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );`,
  // Lists are ordered by date then ID (as WordPress orders by date): a post's comments, the replies of some parents
  // and a status queue across posts each come straight from an index, at any page.
  `DROP INDEX comments_listing;
   DROP INDEX comments_by_post;
   CREATE INDEX comments_by_parent_date ON comments (status, post, parent, created_at, id);
   CREATE INDEX comments_by_post_date ON comments (status, post, created_at, id);
   CREATE INDEX comments_by_status_date ON comments (status, created_at, id);`,
  // Authors edit or delete their comment for a while with a token given at creation (only its digest is kept), until a
  // moderator acts on it.
  `ALTER TABLE comments ADD COLUMN edit_token_hash TEXT;
   ALTER TABLE comments ADD COLUMN edited_at INTEGER;
   ALTER TABLE comments ADD COLUMN moderated INTEGER NOT NULL DEFAULT 0;`,
  // The durable log of what readers see change, which live streams deliver and resume from.
  `CREATE TABLE comment_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     post INTEGER NOT NULL,
     comment_id INTEGER NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('comment', 'edited', 'removed')),
     created_at INTEGER NOT NULL
   );
   CREATE INDEX comment_events_by_post ON comment_events (post, id);
   CREATE INDEX comment_events_by_date ON comment_events (created_at);`,
  // 7: notifications (#18)
  // Reply notifications: addresses confirmed by their owner (double opt-in), subscriptions to a thread, the queue of
  // emails (a digest gathers a thread's replies until it is due) and the key that signs links in emails.
  `CREATE TABLE notify_keys (name TEXT PRIMARY KEY, secret TEXT NOT NULL, created_at INTEGER NOT NULL);
   CREATE TABLE notify_addresses (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     email TEXT NOT NULL UNIQUE,
     confirmed_at INTEGER,
     confirmation_queued_at INTEGER,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE notify_subscriptions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     address_id INTEGER NOT NULL REFERENCES notify_addresses (id) ON DELETE CASCADE,
     post INTEGER NOT NULL,
     thread INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     unsubscribed_at INTEGER,
     UNIQUE (address_id, thread)
   );
   CREATE TABLE notify_outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL CHECK (kind IN ('confirm', 'replies', 'held')),
     recipient TEXT NOT NULL,
     ref INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('gathering', 'queued', 'sent', 'skipped', 'failed')),
     send_at INTEGER NOT NULL,
     claimed_until INTEGER,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     created_at INTEGER NOT NULL,
     sent_at INTEGER
   );
   CREATE INDEX notify_outbox_due ON notify_outbox (state, send_at);
   CREATE UNIQUE INDEX notify_outbox_gathering ON notify_outbox (ref) WHERE kind = 'replies' AND state = 'gathering';
   CREATE TABLE notify_outbox_comments (
     outbox_id INTEGER NOT NULL REFERENCES notify_outbox (id) ON DELETE CASCADE,
     comment_id INTEGER NOT NULL,
     PRIMARY KEY (outbox_id, comment_id)
   );`,
  // 8: the moderation desk (#18): named moderator tokens (digests only), block lists with a version every process
  // compares before a new comment, and the audit log of every moderation action.
  `CREATE TABLE moderation_tokens (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     label TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     configured INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     revoked_at INTEGER
   );
   CREATE UNIQUE INDEX moderation_tokens_live_label ON moderation_tokens (label) WHERE revoked_at IS NULL;
   CREATE TABLE moderation_blocklist (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL CHECK (kind IN ('hold', 'spam', 'email', 'ip')),
     value TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     UNIQUE (kind, value)
   );
   CREATE TABLE moderation_state (id INTEGER PRIMARY KEY CHECK (id = 1), blocklist_version INTEGER NOT NULL);
   INSERT INTO moderation_state (id, blocklist_version) VALUES (1, 0);
   CREATE TABLE moderation_audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     moderator TEXT NOT NULL,
     action TEXT NOT NULL,
     detail TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     undone_by INTEGER
   );`,
  // 9: import and export (#18). Each imported comment's ID in its source file, so a second import adds nothing; a
  // reply whose parent comes later in the file waits with its parent's source ID. Exports read by post then ID.
  `CREATE TABLE import_sources (
     source TEXT NOT NULL,
     source_id TEXT NOT NULL,
     comment_id INTEGER NOT NULL,
     parent_source_id TEXT,
     imported_at INTEGER NOT NULL,
     PRIMARY KEY (source, source_id)
   );
   CREATE INDEX import_sources_waiting ON import_sources (source) WHERE parent_source_id IS NOT NULL;
   CREATE INDEX comments_by_post_id ON comments (post, id);`,
  // 10: data rights (#18). The IP retention job finds the comments that still hold an address, oldest first; erased
  // ones leave this index, so it stays the size of the retention period.
  "CREATE INDEX comments_with_address_by_date ON comments (created_at) WHERE author_ip != ''",
  // 11: reply notifications in the reader's language: a subscription's (its digests, its unsubscribe page) and the one
  // an address's confirmation was asked in (that email, its confirm page). Rows from before were all English.
  `ALTER TABLE notify_subscriptions ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
   ALTER TABLE notify_addresses ADD COLUMN confirmation_language TEXT NOT NULL DEFAULT 'en';`,
];

const BACKFILL_BATCH = 500;

/** Fills the keys of comments stored before they existed (computed in JavaScript, so not in a migration). */
function backfillDerivedColumns(db: Database.Database): void {
  const missing = db.prepare(
    `SELECT id, post, parent, author_name, author_email, author_ip, content FROM comments WHERE duplicate_key IS NULL LIMIT ${BACKFILL_BATCH}`,
  );
  const fill = db.prepare('UPDATE comments SET sender = @sender, duplicate_key = @duplicateKey WHERE id = @id');
  for (let rows = missing.all() as CommentRow[]; rows.length > 0; rows = missing.all() as CommentRow[]) {
    for (const row of rows) {
      const { authorName, authorEmail, authorIp, post, parent, content } = toStoredComment(row);
      fill.run({ id: row.id, ...derivedColumns({ post, parent, authorName, authorEmail, authorIp, content }) });
    }
  }
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  db.transaction(() => {
    const { current } = db.prepare('SELECT coalesce(max(version), 0) AS current FROM schema_migrations').get() as {
      current: number;
    };
    MIGRATIONS.slice(current).forEach((sql, index) => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(current + index + 1, Date.now());
    });
    backfillDerivedColumns(db);
  }).immediate();
}

/** The database, its WAL and shared-memory files hold emails and addresses: readable by the owner only. */
function restrictDatabaseFiles(file: string): void {
  // SQLite gives the -wal and -shm files it creates the mode of the database file.
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}

/** Opens (creating and migrating) the SQLite database at `file`. */
export function openSqliteStorage(file: string): CommentStorage {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  restrictDatabaseFiles(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a comment answered 201 is on disk, not only in the OS cache.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Erased comments and addresses are overwritten with zeros, not only unlinked from the tables (docs/data-rights.md).
  db.pragma('secure_delete = ON');
  migrate(db);

  const statements = {
    idempotent: db.prepare('SELECT fingerprint, comment_id, told_status FROM idempotency_keys WHERE key = ?'),
    forget: db.prepare('DELETE FROM idempotency_keys WHERE key = ?'),
    remember: db.prepare(
      'INSERT INTO idempotency_keys (key, fingerprint, comment_id, told_status, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    approvedParent: db.prepare("SELECT 1 FROM comments WHERE id = ? AND post = ? AND status = 'approved'"),
    duplicate: db.prepare("SELECT 1 FROM comments WHERE duplicate_key = ? AND status != 'trash' LIMIT 1"),
    lastBySender: db.prepare('SELECT max(created_at) AS last FROM comments WHERE sender = ?'),
    lastByEmail: db.prepare('SELECT max(created_at) AS last FROM comments WHERE lower(author_email) = ?'),
    previouslyApproved: db.prepare(
      "SELECT 1 FROM comments WHERE lower(author_email) = ? AND author_name = ? AND status = 'approved' LIMIT 1",
    ),
    insert: db.prepare(
      `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, content, status, created_at,
         sender, duplicate_key, edit_token_hash)
       VALUES (@post, @parent, @authorName, @authorEmail, @authorUrl, @authorIp, @content, @status, @createdAt,
         @sender, @duplicateKey, @editTokenHash)`,
    ),
    byId: db.prepare('SELECT * FROM comments WHERE id = ?'),
    setStatus: db.prepare('UPDATE comments SET status = ?, moderated = 1 WHERE id = ?'),
    hasReplies: db.prepare("SELECT 1 FROM comments WHERE status IN ('approved', 'hold') AND post = ? AND parent = ? LIMIT 1"),
    otherDuplicate: db.prepare("SELECT 1 FROM comments WHERE duplicate_key = ? AND status != 'trash' AND id != ? LIMIT 1"),
    authorUpdate: db.prepare(
      'UPDATE comments SET content = @content, status = @status, duplicate_key = @duplicateKey, edited_at = @editedAt WHERE id = @id',
    ),
    delete: db.prepare('DELETE FROM comments WHERE id = ?'),
    prune: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
    logEvent: db.prepare('INSERT INTO comment_events (post, comment_id, kind, created_at) VALUES (?, ?, ?, ?)'),
    eventsAfter: db.prepare('SELECT id, post, comment_id AS commentId, kind FROM comment_events WHERE id > ? ORDER BY id LIMIT ?'),
    postEventsAfter: db.prepare(
      'SELECT id, post, comment_id AS commentId, kind FROM comment_events WHERE post = ? AND id > ? ORDER BY id LIMIT ?',
    ),
    lastEventId: db.prepare('SELECT coalesce(max(id), 0) AS last FROM comment_events'),
    pruneEvents: db.prepare('DELETE FROM comment_events WHERE created_at < ?'),
    ping: db.prepare('SELECT 1'),
  };

  const listStatements = new Map<string, { count: Database.Statement; page: Database.Statement }>();
  function listStatement(query: CommentListQuery) {
    const several = query.parents !== undefined && query.parents.length > 1;
    const key = `${query.post !== undefined}${query.parents?.length === 1}${several}${query.thread !== undefined}${query.order}`;
    let prepared = listStatements.get(key);
    if (!prepared) {
      const direction = query.order === 'asc' ? 'ASC' : 'DESC';
      const order = `ORDER BY comments.created_at ${direction}, comments.id ${direction}`;
      let chosen: string | undefined;
      if (query.thread !== undefined) {
        // The comments below the given ones, level by level through comments of the same status and post, each level
        // found through the parent index (CROSS JOIN keeps SQLite from scanning the whole post instead).
        chosen = `WITH RECURSIVE chosen(id) AS (
            SELECT id FROM comments WHERE status = @status AND post = @post AND parent IN (SELECT value FROM json_each(@thread))
            UNION ALL
            SELECT comments.id FROM chosen CROSS JOIN comments
            WHERE comments.parent = chosen.id AND comments.status = @status AND comments.post = @post
          )`;
      } else if (several) {
        chosen = `WITH chosen(id) AS (
            SELECT id FROM comments WHERE status = @status ${query.post !== undefined ? 'AND post = @post' : ''}
              AND parent IN (SELECT value FROM json_each(@parents))
          )`;
      }
      if (chosen !== undefined) {
        // A few comments found through the parent index, then sorted: never a walk through every comment of the post.
        prepared = {
          count: db.prepare(`${chosen} SELECT count(*) AS total FROM chosen`),
          page: db.prepare(
            `${chosen} SELECT comments.* FROM chosen CROSS JOIN comments ON comments.id = chosen.id ${order} LIMIT @limit OFFSET @offset`,
          ),
        };
      } else {
        // A post's comments, or the replies of one parent (0: top-level), read in order straight from an index.
        const where = ['status = @status'];
        if (query.post !== undefined) where.push('post = @post');
        if (query.parents !== undefined) where.push('parent = @parent');
        const clause = where.join(' AND ');
        prepared = {
          count: db.prepare(`SELECT count(*) AS total FROM comments WHERE ${clause}`),
          page: db.prepare(`SELECT * FROM comments WHERE ${clause} ${order} LIMIT @limit OFFSET @offset`),
        };
      }
      listStatements.set(key, prepared);
    }
    return prepared;
  }

  const byId = (id: number) => {
    const row = statements.byId.get(id) as CommentRow | undefined;
    return row && toStoredComment(row);
  };

  // One process writes an SQLite database: its own writes are all the events there are to watch for.
  const watchers = new Set<() => void>();
  const wakeWatchers = () => watchers.forEach((wake) => wake());
  const logEvent = (comment: { id: number; post: number }, kind: CommentEventKind | undefined) => {
    if (kind) statements.logEvent.run(comment.post, comment.id, kind, Date.now());
  };

  const create = db.transaction((request: CreateRequest): CreateOutcome => {
    const { comment, idempotency } = request;
    if (idempotency !== undefined) {
      const kept = statements.idempotent.get(idempotency.key) as
        | { fingerprint: string; comment_id: number; told_status: WpCommentStatus }
        | undefined;
      const original = kept && byId(kept.comment_id);
      if (kept && !original) statements.forget.run(idempotency.key);
      if (kept && original) {
        if (kept.fingerprint !== idempotency.fingerprint) return { kind: 'idempotency-key-reused' };
        return { kind: 'replayed', comment: { ...original, status: kept.told_status } };
      }
    }
    if (comment.parent !== 0 && !statements.approvedParent.get(comment.parent, comment.post)) {
      return { kind: 'invalid-parent' };
    }
    const derived = derivedColumns(comment);
    const email = comparableEmail(comment.authorEmail);
    if (statements.duplicate.get(derived.duplicateKey)) return { kind: 'duplicate' };
    if (request.floodSeconds > 0) {
      const bySender = (statements.lastBySender.get(derived.sender) as { last: number | null }).last ?? 0;
      const byEmail = email ? ((statements.lastByEmail.get(email) as { last: number | null }).last ?? 0) : 0;
      const waitMs = Math.max(bySender, byEmail) + request.floodSeconds * 1000 - request.createdAt;
      if (waitMs > 0) return { kind: 'flood', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    }
    const previouslyApproved = email !== '' && statements.previouslyApproved.get(email, comment.authorName) !== undefined;
    const { stored, told } = previouslyApproved ? request.verdicts.knownAuthor : request.verdicts.newAuthor;
    const { lastInsertRowid } = statements.insert.run({
      ...comment,
      ...derived,
      status: stored,
      createdAt: request.createdAt,
      editTokenHash: request.editTokenHash ?? null,
    });
    const id = Number(lastInsertRowid);
    logEvent({ id, post: comment.post }, visibilityEvent(undefined, stored));
    if (idempotency !== undefined) {
      statements.remember.run(idempotency.key, idempotency.fingerprint, id, told, request.createdAt);
    }
    return { kind: 'created', comment: { ...comment, id, status: told, createdAt: request.createdAt }, storedStatus: stored };
  });

  const changeByAuthor = db.transaction(<R>(id: number, decide: (current: EditableComment) => AuthorChange<R>): AuthorChangeOutcome<R> => {
    const row = statements.byId.get(id) as CommentRow | undefined;
    if (!row) return { kind: 'not-found' };
    const previous = toStoredComment(row);
    const decision = decide({
      comment: previous,
      editTokenHash: row.edit_token_hash ?? null,
      moderated: Boolean(row.moderated),
      hasReplies: statements.hasReplies.get(row.post, id) !== undefined,
    });
    switch (decision.kind) {
      case 'refuse':
        return { kind: 'refused', refusal: decision.refusal };
      case 'delete':
        statements.delete.run(id);
        logEvent(previous, visibilityEvent(previous.status, undefined));
        return { kind: 'deleted', comment: previous, previous };
      case 'update': {
        if (statements.otherDuplicate.get(decision.duplicateKey, id)) return { kind: 'duplicate' };
        statements.authorUpdate.run({ id, ...decision });
        logEvent(previous, visibilityEvent(previous.status, decision.status, true));
        return { kind: 'updated', comment: byId(id) ?? previous, previous };
      }
    }
  });

  // Data rights (#18): an address's comments found and erased, old IP addresses erased.
  const rights = {
    countByEmail: db.prepare('SELECT count(*) AS total FROM comments WHERE lower(author_email) = ?'),
    pageByEmail: db.prepare('SELECT * FROM comments WHERE lower(author_email) = ? ORDER BY created_at, id LIMIT ? OFFSET ?'),
    allByEmail: db.prepare('SELECT * FROM comments WHERE lower(author_email) = ? ORDER BY id'),
    // Every status is named so that the lookup uses the (status, post, parent) index.
    repliesOf: db.prepare("SELECT * FROM comments WHERE status IN ('approved', 'hold', 'spam', 'trash') AND post = ? AND parent = ?"),
    reparent: db.prepare('UPDATE comments SET parent = ? WHERE id = ?'),
    // An empty duplicate key matches no comment's; NULL would mark the row for the start-up backfill to fill again.
    anonymise: db.prepare(
      `UPDATE comments SET author_name = ?, author_email = '', author_url = '', author_ip = '', sender = NULL, duplicate_key = '',
         edit_token_hash = NULL WHERE id = ?`,
    ),
    forgetKeys: db.prepare('DELETE FROM idempotency_keys WHERE comment_id = ?'),
    eraseAddresses: db.prepare("UPDATE comments SET author_ip = '', sender = NULL WHERE author_ip != '' AND created_at < ?"),
    // The address's notification subscriptions go with its row (ON DELETE CASCADE), its queued emails with theirs.
    forgetMail: db.prepare('DELETE FROM notify_outbox WHERE lower(recipient) = ?'),
    forgetSubscriber: db.prepare('DELETE FROM notify_addresses WHERE email = ?'),
  };
  /**
   * Copies the erasure's zeroed pages into the database file and empties the write-ahead log, which still holds the
   * pages as they were before. A reader in another process may delay this to the next checkpoint.
   */
  const flushErased = () => db.pragma('wal_checkpoint(TRUNCATE)');
  const eraseByEmail = db.transaction((request: ErasureRequest): ErasureOutcome => {
    const erased = (rights.allByEmail.all(comparableEmail(request.email)) as CommentRow[]).map(toStoredComment);
    const parentOf = new Map(erased.map((comment) => [comment.id, comment.parent]));
    const outcome: ErasureOutcome = { comments: erased.length, reparented: 0, idempotencyKeys: 0 };
    for (const comment of erased) {
      outcome.idempotencyKeys += rights.forgetKeys.run(comment.id).changes;
      if (request.mode === 'anonymise') {
        rights.anonymise.run(request.anonymousName, comment.id);
        logEvent(comment, visibilityEvent(comment.status, comment.status, true));
        continue;
      }
      // The replies of other people move up to the nearest ancestor that stays.
      let survivor = comment.parent;
      while (parentOf.has(survivor)) survivor = parentOf.get(survivor)!;
      for (const reply of (rights.repliesOf.all(comment.post, comment.id) as CommentRow[]).map(toStoredComment)) {
        if (parentOf.has(reply.id)) continue;
        rights.reparent.run(survivor, reply.id);
        logEvent(reply, visibilityEvent(reply.status, reply.status, true));
        outcome.reparented += 1;
      }
      statements.delete.run(comment.id);
      logEvent(comment, visibilityEvent(comment.status, undefined));
    }
    rights.forgetMail.run(comparableEmail(request.email));
    rights.forgetSubscriber.run(comparableEmail(request.email));
    audit(request.note, { action: 'erase', mode: request.mode, comments: outcome.comments, reparented: outcome.reparented });
    return outcome;
  });
  // The moderation desk (#18): tokens, block lists, audit log, and changes to several comments in one transaction.
  const toToken = (row: { id: number; label: string; configured: number; created_at: number; revoked_at: number | null }): StoredModeratorToken => ({
    id: row.id,
    label: row.label,
    configured: row.configured === 1,
    createdAt: row.created_at,
    ...(row.revoked_at !== null && { revokedAt: row.revoked_at }),
  });
  const toBlockEntry = (row: { id: number; kind: StoredBlockEntry['kind']; value: string; created_at: number }): StoredBlockEntry => ({
    id: row.id,
    kind: row.kind,
    value: row.value,
    createdAt: row.created_at,
  });
  const desk = {
    moderator: db.prepare('SELECT label FROM moderation_tokens WHERE token_hash = ? AND revoked_at IS NULL'),
    retireConfigured: db.prepare('UPDATE moderation_tokens SET revoked_at = ? WHERE configured = 1 AND token_hash != ? AND revoked_at IS NULL'),
    upsertConfigured: db.prepare(
      `INSERT INTO moderation_tokens (label, token_hash, configured, created_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (token_hash) DO UPDATE SET revoked_at = NULL, configured = 1, label = excluded.label`,
    ),
    tokens: db.prepare('SELECT * FROM moderation_tokens ORDER BY revoked_at IS NOT NULL, id'),
    tokenById: db.prepare('SELECT * FROM moderation_tokens WHERE id = ?'),
    liveLabel: db.prepare('SELECT 1 FROM moderation_tokens WHERE label = ? AND revoked_at IS NULL'),
    insertToken: db.prepare('INSERT INTO moderation_tokens (label, token_hash, created_at) VALUES (?, ?, ?)'),
    revokeToken: db.prepare('UPDATE moderation_tokens SET revoked_at = ? WHERE id = ?'),
    version: db.prepare('SELECT blocklist_version AS version FROM moderation_state WHERE id = 1'),
    bumpVersion: db.prepare('UPDATE moderation_state SET blocklist_version = blocklist_version + 1 WHERE id = 1'),
    blockEntries: db.prepare('SELECT * FROM moderation_blocklist ORDER BY kind, value'),
    blockEntry: db.prepare('SELECT * FROM moderation_blocklist WHERE id = ?'),
    insertBlockEntry: db.prepare('INSERT INTO moderation_blocklist (kind, value, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    deleteBlockEntry: db.prepare('DELETE FROM moderation_blocklist WHERE id = ?'),
    counts: db.prepare('SELECT status, count(*) AS total FROM comments GROUP BY status'),
    audit: db.prepare('INSERT INTO moderation_audit (moderator, action, detail, created_at) VALUES (?, ?, ?, ?)'),
    auditById: db.prepare('SELECT * FROM moderation_audit WHERE id = ?'),
    markUndone: db.prepare('UPDATE moderation_audit SET undone_by = ? WHERE id = ?'),
    auditPage: db.prepare('SELECT * FROM moderation_audit ORDER BY id DESC LIMIT ? OFFSET ?'),
    auditCount: db.prepare('SELECT count(*) AS total FROM moderation_audit'),
  };
  const audit = (note: AuditNote, detail: AuditDetail): number =>
    Number(desk.audit.run(note.moderator, detail.action, JSON.stringify(detail), note.at).lastInsertRowid);
  const changeStatus = (before: StoredComment, status: WpCommentStatus): StatusChange => {
    statements.setStatus.run(status, before.id);
    logEvent(before, visibilityEvent(before.status, status));
    return { previous: before, comment: byId(before.id) ?? before };
  };
  const moderateComments = db.transaction((ids: readonly number[], status: WpCommentStatus, note: AuditNote) => {
    const changes = ids.map(byId).filter((comment) => comment !== undefined).map((before) => changeStatus(before, status));
    const auditId = audit(note, { action: 'status', status, changes: changes.map(({ previous }) => ({ id: previous.id, from: previous.status })) });
    return { auditId, changes };
  });
  const deleteComments = db.transaction((ids: readonly number[], note: AuditNote) => {
    const deleted = ids.map(byId).filter((comment) => comment !== undefined);
    for (const comment of deleted) {
      statements.delete.run(comment.id);
      logEvent(comment, visibilityEvent(comment.status, undefined));
    }
    return { auditId: audit(note, { action: 'delete', ids: deleted.map(({ id }) => id) }), deleted };
  });
  const undoModeration = db.transaction((auditId: number, notBefore: number, note: AuditNote) => {
    const row = desk.auditById.get(auditId) as { detail: string; created_at: number; undone_by: number | null } | undefined;
    const detail = row && (JSON.parse(row.detail) as AuditDetail);
    if (!row || detail?.action !== 'status') return { kind: 'not-found' as const };
    if (row.undone_by !== null) return { kind: 'already-undone' as const };
    if (row.created_at < notBefore) return { kind: 'expired' as const };
    const changes: StatusChange[] = [];
    for (const { id, from } of detail.changes) {
      const current = byId(id);
      if (current?.status === detail.status) changes.push(changeStatus(current, from));
    }
    const undoId = audit(note, { action: 'undo', undoes: auditId, ids: changes.map(({ comment }) => comment.id) });
    desk.markUndone.run(undoId, auditId);
    return { kind: 'undone' as const, auditId: undoId, changes };
  });
  const setConfiguredToken = db.transaction((tokenHash: string, label: string, at: number) => {
    desk.retireConfigured.run(at, tokenHash);
    desk.upsertConfigured.run(label, tokenHash, at);
  });
  const createToken = db.transaction((label: string, tokenHash: string, note: AuditNote) => {
    if (desk.liveLabel.get(label)) return undefined;
    const id = Number(desk.insertToken.run(label, tokenHash, note.at).lastInsertRowid);
    audit(note, { action: 'token-create', label });
    return toToken(desk.tokenById.get(id) as Parameters<typeof toToken>[0]);
  });
  const revokeToken = db.transaction((id: number, note: AuditNote) => {
    const row = desk.tokenById.get(id) as Parameters<typeof toToken>[0] | undefined;
    if (!row || row.revoked_at !== null) return 'not-found' as const;
    if (row.configured === 1) return 'configured' as const;
    desk.revokeToken.run(note.at, id);
    audit(note, { action: 'token-revoke', label: row.label });
    return toToken({ ...row, revoked_at: note.at });
  });
  const addBlockEntry = db.transaction((kind: StoredBlockEntry['kind'], value: string, note: AuditNote) => {
    const { changes, lastInsertRowid } = desk.insertBlockEntry.run(kind, value, note.at);
    if (changes === 0) return undefined;
    desk.bumpVersion.run();
    audit(note, { action: 'block-add', kind, value });
    return toBlockEntry(desk.blockEntry.get(lastInsertRowid) as Parameters<typeof toBlockEntry>[0]);
  });
  const removeBlockEntry = db.transaction((id: number, note: AuditNote) => {
    const row = desk.blockEntry.get(id) as Parameters<typeof toBlockEntry>[0] | undefined;
    if (!row) return undefined;
    desk.deleteBlockEntry.run(id);
    desk.bumpVersion.run();
    audit(note, { action: 'block-remove', kind: row.kind, value: row.value });
    return toBlockEntry(row);
  });
  const moderation: ModerationStorage = {
    async moderatorByTokenHash(tokenHash) {
      return desk.moderator.get(tokenHash) as { label: string } | undefined;
    },
    async setConfiguredToken(tokenHash, label, at) {
      setConfiguredToken.immediate(tokenHash, label, at);
    },
    async listModeratorTokens() {
      return (desk.tokens.all() as Parameters<typeof toToken>[0][]).map(toToken);
    },
    async createModeratorToken(label, tokenHash, note) {
      return createToken.immediate(label, tokenHash, note);
    },
    async revokeModeratorToken(id, note) {
      return revokeToken.immediate(id, note);
    },
    async blockListVersion() {
      return (desk.version.get() as { version: number }).version;
    },
    async listBlockEntries() {
      return db.transaction(() => ({
        version: (desk.version.get() as { version: number }).version,
        entries: (desk.blockEntries.all() as Parameters<typeof toBlockEntry>[0][]).map(toBlockEntry),
      }))();
    },
    async addBlockEntry(kind, value, note) {
      return addBlockEntry.immediate(kind, value, note);
    },
    async removeBlockEntry(id, note) {
      return removeBlockEntry.immediate(id, note);
    },
    async moderationQueue(query) {
      const where = ['status = @status'];
      if (query.post !== undefined) where.push('post = @post');
      if (query.search) where.push("(content LIKE @search ESCAPE '\\' OR author_name LIKE @search ESCAPE '\\' OR author_email LIKE @search ESCAPE '\\')");
      const clause = where.join(' AND ');
      const params = {
        status: query.status,
        post: query.post ?? 0,
        search: likePattern(query.search ?? ''),
        limit: query.perPage,
        offset: (query.page - 1) * query.perPage,
      };
      const { total } = db.prepare(`SELECT count(*) AS total FROM comments WHERE ${clause}`).get(params) as { total: number };
      const rows = db.prepare(`SELECT * FROM comments WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`).all(params);
      return { items: (rows as CommentRow[]).map(toStoredComment), total };
    },
    async queueCounts() {
      const counts: Record<WpCommentStatus, number> = { hold: 0, approved: 0, spam: 0, trash: 0 };
      for (const row of desk.counts.all() as Array<{ status: WpCommentStatus; total: number }>) counts[row.status] = row.total;
      return counts;
    },
    async moderateComments(ids, status, note) {
      const result = moderateComments.immediate(ids, status, note);
      wakeWatchers();
      return result;
    },
    async deleteComments(ids, note) {
      const result = deleteComments.immediate(ids, note);
      wakeWatchers();
      return result;
    },
    async undoModeration(auditId, notBefore, note) {
      const outcome = undoModeration.immediate(auditId, notBefore, note);
      wakeWatchers();
      return outcome;
    },
    async listAudit(page, perPage) {
      const rows = desk.auditPage.all(perPage, (page - 1) * perPage) as Array<{ id: number; moderator: string; detail: string; created_at: number }>;
      return {
        items: rows.map((row) => ({ id: row.id, moderator: row.moderator, at: row.created_at, detail: JSON.parse(row.detail) as AuditDetail })),
        total: (desk.auditCount.get() as { total: number }).total,
      };
    },
  };

  const notify = notifyStatements(db);
  // Import and export (#18).
  const transfer = {
    known: db.prepare('SELECT comment_id FROM import_sources WHERE source = ? AND source_id = ?'),
    parentOnPost: db.prepare(
      'SELECT comments.id FROM import_sources JOIN comments ON comments.id = import_sources.comment_id WHERE source = ? AND source_id = ? AND comments.post = ?',
    ),
    insert: db.prepare(
      `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, content, status, created_at,
         sender, duplicate_key)
       VALUES (@post, @parent, @authorName, @authorEmail, @authorUrl, @authorIp, @content, @status, @createdAt,
         @sender, @duplicateKey)`,
    ),
    remember: db.prepare(
      'INSERT INTO import_sources (source, source_id, comment_id, parent_source_id, imported_at) VALUES (?, ?, ?, ?, ?)',
    ),
    waiting: db.prepare(
      `SELECT import_sources.source_id, comments.*, parents.id AS parent_id
       FROM import_sources
       JOIN comments ON comments.id = import_sources.comment_id
       LEFT JOIN import_sources AS mapped ON mapped.source = import_sources.source AND mapped.source_id = import_sources.parent_source_id
       LEFT JOIN comments AS parents ON parents.id = mapped.comment_id AND parents.post = comments.post
       WHERE import_sources.source = ? AND import_sources.parent_source_id IS NOT NULL AND import_sources.source_id > ?
       ORDER BY import_sources.source_id LIMIT ${BACKFILL_BATCH}`,
    ),
    link: db.prepare('UPDATE comments SET parent = ?, duplicate_key = ? WHERE id = ?'),
    linked: db.prepare('UPDATE import_sources SET parent_source_id = NULL WHERE source = ? AND source_id = ?'),
    // The rest of the cursor's post, then the next posts, each a range of the (post, id) index: SQLite seeks a row
    // value `(post, id) > (?, ?)` on `post` alone, which rescans a long post from its start on every page.
    page: db.prepare(
      `SELECT * FROM (
         SELECT * FROM (SELECT * FROM comments WHERE post = @post AND id > @id ORDER BY id LIMIT @limit)
         UNION ALL
         SELECT * FROM (SELECT * FROM comments WHERE post > @post ORDER BY post, id LIMIT @limit)
       ) ORDER BY post, id LIMIT @limit`,
    ),
  };
  const importComments = db.transaction((batch: readonly ImportedComment[]): ImportOutcome[] =>
    batch.map((comment) => {
      const known = transfer.known.get(comment.source, comment.sourceId) as { comment_id: number } | undefined;
      if (known) return { id: known.comment_id, created: false };
      const parent =
        comment.parentSourceId === undefined
          ? undefined
          : (transfer.parentOnPost.get(comment.source, comment.parentSourceId, comment.post) as { id: number } | undefined);
      const stored = { ...comment, parent: parent?.id ?? 0 };
      const { lastInsertRowid } = transfer.insert.run({ ...stored, ...derivedColumns(stored) });
      const id = Number(lastInsertRowid);
      const waiting = comment.parentSourceId !== undefined && parent === undefined ? comment.parentSourceId : null;
      transfer.remember.run(comment.source, comment.sourceId, id, waiting, Date.now());
      return { id, created: true };
    }),
  );
  const linkBatch = db.transaction((source: string, after: string) => {
    const rows = transfer.waiting.all(source, after) as Array<CommentRow & { source_id: string; parent_id: number | null }>;
    let linked = 0;
    for (const row of rows) {
      if (row.parent_id === null) continue;
      const comment = { ...toStoredComment(row), parent: row.parent_id };
      transfer.link.run(row.parent_id, derivedColumns(comment).duplicateKey, row.id);
      transfer.linked.run(source, row.source_id);
      linked += 1;
    }
    return { linked, seen: rows.length, last: rows.at(-1)?.source_id };
  });

  return {
    ...moderation,
    kind: 'sqlite',
    ...notify,
    async createComment(request) {
      const outcome = create.immediate(request);
      wakeWatchers();
      return outcome;
    },
    async getComment(id) {
      return byId(id);
    },
    async listComments(query) {
      const prepared = listStatement(query);
      const offset = (query.page - 1) * query.perPage;
      // better-sqlite3 refuses undefined values but ignores named parameters a statement does not use.
      const params = {
        status: query.status,
        post: query.post ?? 0,
        parent: query.parents?.[0] ?? 0,
        parents: JSON.stringify(query.parents ?? []),
        thread: JSON.stringify(query.thread ?? []),
        limit: query.perPage,
        offset,
      };
      const { total } = prepared.count.get(params) as { total: number };
      const items = total > offset ? (prepared.page.all(params) as CommentRow[]).map(toStoredComment) : [];
      return { items, total };
    },
    async changeByAuthor<R>(id: number, decide: (current: EditableComment) => AuthorChange<R>) {
      const outcome = changeByAuthor.immediate(id, decide) as AuthorChangeOutcome<R>;
      wakeWatchers();
      return outcome;
    },
    async eventsAfter(after, limit, post) {
      return (post === undefined ? statements.eventsAfter.all(after, limit) : statements.postEventsAfter.all(post, after, limit)) as StoredEvent[];
    },
    async lastEventId() {
      return (statements.lastEventId.get() as { last: number }).last;
    },
    async watchEvents(wake) {
      watchers.add(wake);
      return async () => void watchers.delete(wake);
    },
    async pruneEvents(before) {
      statements.pruneEvents.run(before);
    },
    async pruneIdempotencyKeys(before) {
      statements.prune.run(before);
    },
    async commentsByEmail(email, page, perPage) {
      const folded = comparableEmail(email);
      const { total } = rights.countByEmail.get(folded) as { total: number };
      const rows = rights.pageByEmail.all(folded, perPage, (page - 1) * perPage) as CommentRow[];
      return { items: rows.map(toStoredComment), total };
    },
    async eraseByEmail(request) {
      const outcome = eraseByEmail.immediate(request);
      flushErased();
      wakeWatchers();
      return outcome;
    },
    async eraseAddressesBefore(before) {
      const erased = rights.eraseAddresses.run(before).changes;
      if (erased > 0) flushErased();
      return erased;
    },
    async ping() {
      statements.ping.get();
    },
    async importComments(batch) {
      return importComments.immediate(batch);
    },
    async linkImportedReplies(source) {
      let linked = 0;
      let orphans = 0;
      for (let after = ''; ; ) {
        const batch = linkBatch.immediate(source, after);
        linked += batch.linked;
        orphans += batch.seen - batch.linked;
        if (batch.last === undefined) return { linked, orphans };
        after = batch.last;
      }
    },
    async exportComments(after, limit) {
      return (transfer.page.all({ ...after, limit }) as CommentRow[]).map(toStoredComment);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

// Reply notifications (#18): one writer (this process) and immediate transactions, so a claim is never shared.
function notifyStatements(db: Database.Database): NotifyStorage {
  const sql = {
    keepKey: db.prepare("INSERT INTO notify_keys (name, secret, created_at) VALUES ('links', ?, ?) ON CONFLICT (name) DO NOTHING"),
    key: db.prepare("SELECT secret FROM notify_keys WHERE name = 'links'"),
    addAddress: db.prepare('INSERT INTO notify_addresses (email, created_at) VALUES (?, ?) ON CONFLICT (email) DO NOTHING'),
    address: db.prepare('SELECT id, confirmed_at, confirmation_queued_at FROM notify_addresses WHERE email = ?'),
    subscribe: db.prepare(
      `INSERT INTO notify_subscriptions (address_id, post, thread, language, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (address_id, thread) DO UPDATE SET unsubscribed_at = NULL, language = excluded.language RETURNING id`,
    ),
    confirmationQueued: db.prepare('UPDATE notify_addresses SET confirmation_queued_at = ?, confirmation_language = ? WHERE id = ?'),
    queue: db.prepare("INSERT INTO notify_outbox (kind, recipient, ref, state, send_at, created_at) VALUES (?, ?, ?, 'queued', ?, ?)"),
    confirm: db.prepare('UPDATE notify_addresses SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL'),
    addressExists: db.prepare('SELECT 1 FROM notify_addresses WHERE id = ?'),
    unsubscribe: db.prepare('UPDATE notify_subscriptions SET unsubscribed_at = ? WHERE id = ? AND unsubscribed_at IS NULL'),
    subscriptionExists: db.prepare('SELECT 1 FROM notify_subscriptions WHERE id = ?'),
    dropUnsent: db.prepare(
      `UPDATE notify_outbox SET state = 'skipped' WHERE kind = 'replies' AND ref = ? AND state IN ('gathering', 'queued')
         AND (claimed_until IS NULL OR claimed_until <= ?)`,
    ),
    confirmedAt: db.prepare('SELECT confirmed_at AS at, confirmation_language AS language FROM notify_addresses WHERE id = ?'),
    unsubscribedAt: db.prepare('SELECT unsubscribed_at AS at, language FROM notify_subscriptions WHERE id = ?'),
    activeSubscription: db.prepare(
      `SELECT s.id, a.email FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
       WHERE a.email = ? AND s.thread = ? AND s.unsubscribed_at IS NULL AND a.confirmed_at IS NOT NULL`,
    ),
    openDigest: db.prepare(
      `INSERT INTO notify_outbox (kind, recipient, ref, state, send_at, created_at) VALUES ('replies', ?, ?, 'gathering', ?, ?)
       ON CONFLICT (ref) WHERE kind = 'replies' AND state = 'gathering' DO NOTHING`,
    ),
    gathering: db.prepare("SELECT id FROM notify_outbox WHERE kind = 'replies' AND ref = ? AND state = 'gathering'"),
    addToDigest: db.prepare('INSERT INTO notify_outbox_comments (outbox_id, comment_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    claim: db.prepare(
      `UPDATE notify_outbox SET state = 'queued', claimed_until = @until, attempts = attempts + 1
       WHERE id = (SELECT id FROM notify_outbox WHERE state IN ('gathering', 'queued') AND send_at <= @now
                     AND (claimed_until IS NULL OR claimed_until <= @now) ORDER BY send_at, id LIMIT 1)
       RETURNING id, kind, recipient, ref, attempts`,
    ),
    digestComments: db.prepare('SELECT comment_id FROM notify_outbox_comments WHERE outbox_id = ? ORDER BY comment_id'),
    confirmationLanguage: db.prepare('SELECT confirmation_language AS language FROM notify_addresses WHERE id = ?'),
    subscriptionLanguage: db.prepare('SELECT language FROM notify_subscriptions WHERE id = ?'),
    sent: db.prepare('UPDATE notify_outbox SET state = ?, sent_at = ?, claimed_until = NULL WHERE id = ?'),
    retry: db.prepare("UPDATE notify_outbox SET state = 'queued', send_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?"),
    fail: db.prepare("UPDATE notify_outbox SET state = 'failed', claimed_until = NULL, last_error = ? WHERE id = ?"),
    pruneMail: db.prepare("DELETE FROM notify_outbox WHERE state IN ('sent', 'skipped', 'failed') AND created_at < ?"),
    pruneUnconfirmed: db.prepare('DELETE FROM notify_addresses WHERE confirmed_at IS NULL AND created_at < ?'),
  };
  const prune = db.transaction((before: number) => {
    sql.pruneMail.run(before);
    sql.pruneUnconfirmed.run(before);
  });
  const subscribe = db.transaction((request: Parameters<NotifyStorage['subscribe']>[0]) => {
    const email = comparableEmail(request.email);
    sql.addAddress.run(email, request.now);
    const address = sql.address.get(email) as { id: number; confirmed_at: number | null; confirmation_queued_at: number | null };
    const { id: subscription } = sql.subscribe.get(address.id, request.post, request.thread, request.language, request.now) as { id: number };
    const confirmed = address.confirmed_at !== null;
    const confirmationQueued =
      !confirmed && (address.confirmation_queued_at === null || address.confirmation_queued_at <= request.confirmationAfter);
    if (confirmationQueued) {
      sql.queue.run('confirm', email, address.id, request.now, request.now);
      sql.confirmationQueued.run(request.now, request.language, address.id);
    }
    return { subscription, address: address.id, confirmed, confirmationQueued };
  });
  const queueReply = db.transaction((request: Parameters<NotifyStorage['queueReply']>[0]) => {
    const email = comparableEmail(request.email);
    if (email === '' || email === comparableEmail(request.replier)) return 0;
    const subscription = sql.activeSubscription.get(email, request.thread) as { id: number; email: string } | undefined;
    if (!subscription) return 0;
    sql.openDigest.run(subscription.email, subscription.id, request.sendAt, request.now);
    const { id } = sql.gathering.get(subscription.id) as { id: number };
    sql.addToDigest.run(id, request.comment);
    return 1;
  });
  const claim = db.transaction((now: number, leaseMs: number): ClaimedMail | undefined => {
    const row = sql.claim.get({ now, until: now + leaseMs }) as Omit<ClaimedMail, 'comments'> | undefined;
    if (!row) return undefined;
    const comments = row.kind === 'replies' ? (sql.digestComments.all(row.id) as { comment_id: number }[]).map((item) => item.comment_id) : [];
    const reader = row.kind === 'confirm' ? sql.confirmationLanguage : row.kind === 'replies' ? sql.subscriptionLanguage : undefined;
    const language = (reader?.get(row.ref) as { language: string } | undefined)?.language;
    return { ...row, kind: row.kind as MailKind, comments, language };
  });
  const outcome = (changed: number, exists: unknown): LinkOutcome => (changed > 0 ? 'done' : exists ? 'already' : 'not-found');
  const unsubscribe = db.transaction((subscription: number, now: number) => {
    const changed = sql.unsubscribe.run(now, subscription).changes;
    if (changed > 0) sql.dropUnsent.run(subscription, now);
    return outcome(changed, sql.subscriptionExists.get(subscription));
  });
  return {
    async notifySigningKey(generate) {
      sql.keepKey.run(generate(), Date.now());
      return (sql.key.get() as { secret: string }).secret;
    },
    async subscribe(request) {
      return subscribe.immediate(request);
    },
    async confirmAddress(address, now) {
      return outcome(sql.confirm.run(now, address).changes, sql.addressExists.get(address));
    },
    async unsubscribe(subscription, now) {
      return unsubscribe.immediate(subscription, now);
    },
    async linkState(purpose, id) {
      const row = (purpose === 'confirm' ? sql.confirmedAt : sql.unsubscribedAt).get(id) as { at: number | null; language: string } | undefined;
      return row === undefined ? { state: 'not-found' } : { state: row.at === null ? 'unused' : 'used', language: row.language };
    },
    async queueReply(request) {
      return queueReply.immediate(request);
    },
    async queueMail({ kind, recipient, ref, now }) {
      sql.queue.run(kind, recipient, ref, now, now);
    },
    async claimMail(now, leaseMs) {
      return claim.immediate(now, leaseMs);
    },
    async mailSent(id, now, skipped = false) {
      sql.sent.run(skipped ? 'skipped' : 'sent', now, id);
    },
    async mailFailed(id, error, retryAt) {
      if (retryAt === undefined) sql.fail.run(error, id);
      else sql.retry.run(retryAt, error, id);
    },
    async pruneNotifications(before) {
      prune.immediate(before);
    },
  };
}
