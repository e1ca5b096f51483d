import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WpCommentStatus } from 'newsroom-comment-protocol';
import {
  toStoredComment,
  type CommentRow,
  type CommentStorage,
  type CreateOutcome,
  type CreateRequest,
  type ListQuery,
  type StoredResponse,
} from './storage.js';

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
];

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
  }).immediate();
}

/** Opens (creating and migrating) the SQLite database at `file`. */
export function openSqliteStorage(file: string): CommentStorage {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a comment answered 201 is on disk, not only in the OS cache.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const statements = {
    idempotent: db.prepare('SELECT status_code, body FROM idempotency_keys WHERE key = ?'),
    remember: db.prepare('INSERT INTO idempotency_keys (key, status_code, body, created_at) VALUES (?, ?, ?, ?)'),
    approvedParent: db.prepare("SELECT 1 FROM comments WHERE id = ? AND post = ? AND status = 'approved'"),
    duplicate: db.prepare(
      `SELECT 1 FROM comments WHERE post = ? AND parent = ? AND author_name = ? AND author_email = ? AND content = ?
       AND status != 'trash' LIMIT 1`,
    ),
    lastByIp: db.prepare('SELECT max(created_at) AS last FROM comments WHERE author_ip = ?'),
    lastByEmail: db.prepare('SELECT max(created_at) AS last FROM comments WHERE author_email = ?'),
    previouslyApproved: db.prepare("SELECT 1 FROM comments WHERE author_email = ? AND status = 'approved' LIMIT 1"),
    insert: db.prepare(
      `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, content, status, created_at)
       VALUES (@post, @parent, @authorName, @authorEmail, @authorUrl, @authorIp, @content, @status, @createdAt)`,
    ),
    byId: db.prepare('SELECT * FROM comments WHERE id = ?'),
    setStatus: db.prepare('UPDATE comments SET status = ? WHERE id = ?'),
    delete: db.prepare('DELETE FROM comments WHERE id = ?'),
    prune: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
    ping: db.prepare('SELECT 1'),
  };

  const listStatements = new Map<string, { count: Database.Statement; page: Database.Statement }>();
  function listStatement(query: ListQuery) {
    const key = `${query.post !== undefined}${query.parent !== undefined}${query.order}`;
    let prepared = listStatements.get(key);
    if (!prepared) {
      const where = ['status = @status'];
      if (query.post !== undefined) where.push('post = @post');
      if (query.parent !== undefined) where.push('parent = @parent');
      const clause = where.join(' AND ');
      const direction = query.order === 'asc' ? 'ASC' : 'DESC';
      prepared = {
        count: db.prepare(`SELECT count(*) AS total FROM comments WHERE ${clause}`),
        page: db.prepare(`SELECT * FROM comments WHERE ${clause} ORDER BY id ${direction} LIMIT @limit OFFSET @offset`),
      };
      listStatements.set(key, prepared);
    }
    return prepared;
  }

  const create = db.transaction((request: CreateRequest): CreateOutcome => {
    const { comment, idempotencyKey } = request;
    if (idempotencyKey !== undefined) {
      const kept = statements.idempotent.get(idempotencyKey) as { status_code: number; body: string } | undefined;
      if (kept) return { kind: 'replayed', response: { statusCode: kept.status_code, body: kept.body } };
    }
    if (comment.parent !== 0 && !statements.approvedParent.get(comment.parent, comment.post)) {
      return { kind: 'invalid-parent' };
    }
    const { post, parent, authorName, authorEmail, content } = comment;
    if (!request.spam) {
      if (statements.duplicate.get(post, parent, authorName, authorEmail, content)) return { kind: 'duplicate' };
      if (request.floodSeconds > 0) {
        const byIp = (statements.lastByIp.get(comment.authorIp) as { last: number | null }).last ?? 0;
        const byEmail = authorEmail ? ((statements.lastByEmail.get(authorEmail) as { last: number | null }).last ?? 0) : 0;
        const waitMs = Math.max(byIp, byEmail) + request.floodSeconds * 1000 - request.createdAt;
        if (waitMs > 0) return { kind: 'flood', retryAfterSeconds: Math.ceil(waitMs / 1000) };
      }
    }
    const decided = request.decideStatus(authorEmail !== '' && statements.previouslyApproved.get(authorEmail) !== undefined);
    const status: WpCommentStatus = request.spam ? 'spam' : decided;
    const { lastInsertRowid } = statements.insert.run({ ...comment, status, createdAt: request.createdAt });
    const response: StoredResponse = request.respond({
      ...comment,
      id: Number(lastInsertRowid),
      status: decided,
      createdAt: request.createdAt,
    });
    if (idempotencyKey !== undefined) {
      statements.remember.run(idempotencyKey, response.statusCode, response.body, request.createdAt);
    }
    return { kind: 'created', response };
  });

  const byId = (id: number) => {
    const row = statements.byId.get(id) as CommentRow | undefined;
    return row && toStoredComment(row);
  };

  return {
    kind: 'sqlite',
    async createComment(request) {
      return create.immediate(request);
    },
    async getComment(id) {
      return byId(id);
    },
    async listComments(query) {
      const prepared = listStatement(query);
      const offset = (query.page - 1) * query.perPage;
      // better-sqlite3 refuses undefined values but ignores named parameters a statement does not use.
      const params = { status: query.status, post: query.post ?? 0, parent: query.parent ?? 0, limit: query.perPage, offset };
      const { total } = prepared.count.get(params) as { total: number };
      const items = total > offset ? (prepared.page.all(params) as CommentRow[]).map(toStoredComment) : [];
      return { items, total };
    },
    async setStatus(id, status) {
      statements.setStatus.run(status, id);
      return byId(id);
    },
    async deleteComment(id) {
      return statements.delete.run(id).changes > 0;
    },
    async pruneIdempotencyKeys(before) {
      statements.prune.run(before);
    },
    async ping() {
      statements.ping.get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
