import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WpCommentStatus } from 'newsroom-comment-protocol';
import { comparableEmail } from './keys.js';
import {
  derivedColumns,
  toStoredComment,
  type CommentRow,
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
  const setStatus = db.transaction((id: number, status: WpCommentStatus) => {
    const before = byId(id);
    if (!before) return undefined;
    statements.setStatus.run(status, id);
    logEvent(before, visibilityEvent(before.status, status));
    return byId(id);
  });
  const deleteComment = db.transaction((id: number) => {
    const before = byId(id);
    if (!before) return false;
    statements.delete.run(id);
    logEvent(before, visibilityEvent(before.status, undefined));
    return true;
  });

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
    return { kind: 'created', comment: { ...comment, id, status: told, createdAt: request.createdAt } };
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
    kind: 'sqlite',
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
    async setStatus(id, status) {
      const updated = setStatus.immediate(id, status);
      wakeWatchers();
      return updated;
    },
    async changeByAuthor<R>(id: number, decide: (current: EditableComment) => AuthorChange<R>) {
      const outcome = changeByAuthor.immediate(id, decide) as AuthorChangeOutcome<R>;
      wakeWatchers();
      return outcome;
    },
    async deleteComment(id) {
      const deleted = deleteComment.immediate(id);
      wakeWatchers();
      return deleted;
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
