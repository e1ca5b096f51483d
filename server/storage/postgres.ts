import { createHash } from 'node:crypto';
import pg from 'pg';
import type { WpCommentStatus } from 'newsroom-comment-protocol';
import { comparableEmail } from './keys.js';
import {
  StorageUnavailableError,
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
} from './port.js';

/** Versioned migrations: each runs once, in order, inside a transaction. Never edit one that has shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE comments (
     id SERIAL PRIMARY KEY,
     post INTEGER NOT NULL,
     parent INTEGER NOT NULL DEFAULT 0,
     author_name TEXT NOT NULL,
     author_email TEXT NOT NULL,
     author_url TEXT NOT NULL,
     author_ip TEXT NOT NULL,
     content TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('approved', 'hold', 'spam', 'trash')),
     created_at BIGINT NOT NULL
   );
   CREATE INDEX comments_listing ON comments (status, post, parent, id);
   CREATE INDEX comments_by_ip ON comments (author_ip, created_at);
   CREATE INDEX comments_by_email ON comments (author_email, status, created_at);
   CREATE TABLE idempotency_keys (
     key TEXT PRIMARY KEY,
     status_code INTEGER NOT NULL,
     body TEXT NOT NULL,
     created_at BIGINT NOT NULL
   );`,
  // A post's comments without a parent filter, newest first, straight from the index (no sort).
  'CREATE INDEX comments_by_post ON comments (status, post, id)',
  // The flood rule counts a sender (an IPv6 /64 as one); duplicates compare a key of the normalised fields; emails
  // compare case-insensitively. An idempotency record keeps a reference to the comment, not a copy of the reply
  // (records of the old form are dropped: a retry of one then meets the duplicate rule).
  `ALTER TABLE comments ADD COLUMN sender TEXT, ADD COLUMN duplicate_key TEXT;
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
     created_at BIGINT NOT NULL
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
  `ALTER TABLE comments ADD COLUMN edit_token_hash TEXT, ADD COLUMN edited_at BIGINT, ADD COLUMN moderated INTEGER NOT NULL DEFAULT 0;`,
];

const BACKFILL_BATCH = 500;

/** Fills the keys of comments stored before they existed (computed in JavaScript, so not in a migration). */
async function backfillDerivedColumns(client: pg.PoolClient): Promise<void> {
  for (;;) {
    const { rows } = await client.query<CommentRow>(
      `SELECT id, post, parent, author_name, author_email, author_ip, content FROM comments WHERE duplicate_key IS NULL LIMIT ${BACKFILL_BATCH}`,
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      const { authorName, authorEmail, authorIp, post, parent, content } = toStoredComment(row);
      const { sender, duplicateKey } = derivedColumns({ post, parent, authorName, authorEmail, authorIp, content });
      await client.query('UPDATE comments SET sender = $1, duplicate_key = $2 WHERE id = $3', [sender, duplicateKey, row.id]);
    }
  }
}

// Any number unlikely to collide with another application's advisory locks on the same database.
const MIGRATION_LOCK = 4_180_731_554;

/** A 64-bit advisory-lock key for a string (address, email or idempotency key). */
const lockKey = (text: string): bigint => createHash('sha256').update(text).digest().readBigInt64BE(0);

/**
 * Connection problems (server down, restarting, network) become StorageUnavailableError, answered 503; SQL errors
 * (a bug) stay as they are. SQLSTATE classes 08 (connection) and 57 (operator intervention) mean unavailable.
 */
function classify(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
  if (sqlState && !/^(08|57)/.test(code)) return error;
  return new StorageUnavailableError(error);
}

/** Connects to PostgreSQL at `url`, creating and migrating the tables. */
export async function openPostgresStorage(url: string): Promise<CommentStorage> {
  // connectionTimeoutMillis also bounds the wait for a free pooled connection, so it allows for bursts.
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 10_000 });
  // A connection dropped by a database restart must not crash the process: the pending query fails (answered 503)
  // and the pool opens new connections when the database is back.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw classify(error);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      const broken = classify(error) instanceof StorageUnavailableError;
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      client.release(broken ? (error as Error) : undefined);
      throw classify(error);
    }
  }

  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    try {
      return await pool.query<R>(sql, params);
    } catch (error) {
      throw classify(error);
    }
  };

  await transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query<{ current: number }>('SELECT coalesce(max(version), 0) AS current FROM schema_migrations');
    const current = rows[0].current;
    for (const [index, sql] of MIGRATIONS.slice(current).entries()) {
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [current + index + 1, Date.now()]);
    }
    await backfillDerivedColumns(client);
  });

  const byId = async (id: number) => {
    const { rows } = await query<CommentRow>('SELECT * FROM comments WHERE id = $1', [id]);
    return rows[0] && toStoredComment(rows[0]);
  };

  async function create(client: pg.PoolClient, request: CreateRequest): Promise<CreateOutcome> {
    const { comment, idempotency } = request;
    const derived = derivedColumns(comment);
    const email = comparableEmail(comment.authorEmail);
    // Serialise every request that shares a key, sender, email or duplicate key, across all server processes;
    // locking in one global order means two requests can never wait on each other.
    const keys = [
      ...(idempotency !== undefined ? [`key:${idempotency.key}`] : []),
      `sender:${derived.sender}`,
      ...(email ? [`email:${email}`] : []),
      `duplicate:${derived.duplicateKey}`,
    ]
      .map(lockKey)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) await client.query('SELECT pg_advisory_xact_lock($1)', [key.toString()]);

    if (idempotency !== undefined) {
      const kept = await client.query<{ fingerprint: string; comment_id: number; told_status: WpCommentStatus }>(
        'SELECT fingerprint, comment_id, told_status FROM idempotency_keys WHERE key = $1',
        [idempotency.key],
      );
      const record = kept.rows[0];
      const found = record && (await client.query<CommentRow>('SELECT * FROM comments WHERE id = $1', [record.comment_id]));
      const original = found && found.rows[0] && toStoredComment(found.rows[0]);
      if (record && !original) await client.query('DELETE FROM idempotency_keys WHERE key = $1', [idempotency.key]);
      if (record && original) {
        if (record.fingerprint !== idempotency.fingerprint) return { kind: 'idempotency-key-reused' };
        return { kind: 'replayed', comment: { ...original, status: record.told_status } };
      }
    }
    if (comment.parent !== 0) {
      // FOR SHARE: an author's edit or deletion of the parent waits for this reply (and then sees it), or this reply
      // waits for the edit and checks the parent as it is then.
      const parent = await client.query("SELECT 1 FROM comments WHERE id = $1 AND post = $2 AND status = 'approved' FOR SHARE", [
        comment.parent,
        comment.post,
      ]);
      if (parent.rowCount === 0) return { kind: 'invalid-parent' };
    }
    const duplicate = await client.query("SELECT 1 FROM comments WHERE duplicate_key = $1 AND status != 'trash' LIMIT 1", [
      derived.duplicateKey,
    ]);
    if (duplicate.rowCount !== 0) return { kind: 'duplicate' };
    if (request.floodSeconds > 0) {
      const { rows } = await client.query<{ last: string | null }>(
        `SELECT greatest(
           (SELECT max(created_at) FROM comments WHERE sender = $1),
           (SELECT max(created_at) FROM comments WHERE $2 != '' AND lower(author_email) = $2)) AS last`,
        [derived.sender, email],
      );
      const waitMs = Number(rows[0].last ?? 0) + request.floodSeconds * 1000 - request.createdAt;
      if (waitMs > 0) return { kind: 'flood', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    }
    const approved = email
      ? await client.query(
          "SELECT 1 FROM comments WHERE lower(author_email) = $1 AND author_name = $2 AND status = 'approved' LIMIT 1",
          [email, comment.authorName],
        )
      : { rowCount: 0 };
    const { stored, told } = approved.rowCount !== 0 ? request.verdicts.knownAuthor : request.verdicts.newAuthor;
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, content, status, created_at,
         sender, duplicate_key, edit_token_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [comment.post, comment.parent, comment.authorName, comment.authorEmail, comment.authorUrl, comment.authorIp,
        comment.content, stored, request.createdAt, derived.sender, derived.duplicateKey, request.editTokenHash ?? null],
    );
    const id = inserted.rows[0].id;
    if (idempotency !== undefined) {
      await client.query(
        'INSERT INTO idempotency_keys (key, fingerprint, comment_id, told_status, created_at) VALUES ($1, $2, $3, $4, $5)',
        [idempotency.key, idempotency.fingerprint, id, told, request.createdAt],
      );
    }
    return { kind: 'created', comment: { ...comment, id, status: told, createdAt: request.createdAt } };
  }

  return {
    kind: 'postgres',
    createComment: (request) => transaction((client) => create(client, request)),
    getComment: byId,
    async listComments(list: CommentListQuery) {
      const params: unknown[] = [list.status];
      const where = ['status = $1'];
      if (list.post !== undefined) where.push(`post = $${params.push(list.post)}`);
      const direction = list.order === 'asc' ? 'ASC' : 'DESC';
      const order = `ORDER BY comments.created_at ${direction}, comments.id ${direction}`;
      let count: string;
      let page: string;
      if (list.thread !== undefined || (list.parents !== undefined && list.parents.length > 1)) {
        const parents = `parent = ANY($${params.push(list.thread ?? list.parents)}::int[])`;
        // The thread: the comments below the given ones, level by level through comments of the same status and post.
        const chosen =
          list.thread !== undefined
            ? `WITH RECURSIVE chosen(id) AS (
                 SELECT id FROM comments WHERE ${where.join(' AND ')} AND ${parents}
                 UNION ALL
                 SELECT comments.id FROM chosen JOIN comments ON comments.parent = chosen.id WHERE comments.${where.join(' AND comments.')}
               )`
            : `WITH chosen(id) AS (SELECT id FROM comments WHERE ${where.join(' AND ')} AND ${parents})`;
        count = `${chosen} SELECT count(*) AS total FROM chosen`;
        page = `${chosen} SELECT comments.* FROM chosen JOIN comments ON comments.id = chosen.id ${order}`;
      } else {
        if (list.parents !== undefined) where.push(`parent = $${params.push(list.parents[0])}`);
        count = `SELECT count(*) AS total FROM comments WHERE ${where.join(' AND ')}`;
        page = `SELECT * FROM comments WHERE ${where.join(' AND ')} ${order}`;
      }
      const limits = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
      const [counted, rows] = await Promise.all([
        query<{ total: string }>(count, params),
        query<CommentRow>(`${page} ${limits}`, [...params, list.perPage, (list.page - 1) * list.perPage]),
      ]);
      return { items: rows.rows.map(toStoredComment), total: Number(counted.rows[0].total) };
    },
    async setStatus(id, status) {
      await query('UPDATE comments SET status = $1, moderated = 1 WHERE id = $2', [status, id]);
      return byId(id);
    },
    changeByAuthor: <R>(id: number, decide: (current: EditableComment) => AuthorChange<R>) =>
      transaction(async (client): Promise<AuthorChangeOutcome<R>> => {
        // The row lock orders this change with a moderator's decision and with a reply being posted (FOR SHARE there).
        const { rows } = await client.query<CommentRow>('SELECT * FROM comments WHERE id = $1 FOR UPDATE', [id]);
        if (!rows[0]) return { kind: 'not-found' };
        const previous = toStoredComment(rows[0]);
        const replies = await client.query(
          "SELECT 1 FROM comments WHERE status IN ('approved', 'hold') AND post = $1 AND parent = $2 LIMIT 1",
          [previous.post, id],
        );
        const decision = decide({
          comment: previous,
          editTokenHash: rows[0].edit_token_hash ?? null,
          moderated: Boolean(rows[0].moderated),
          hasReplies: replies.rowCount !== 0,
        });
        switch (decision.kind) {
          case 'refuse':
            return { kind: 'refused', refusal: decision.refusal };
          case 'delete':
            await client.query('DELETE FROM comments WHERE id = $1', [id]);
            return { kind: 'deleted', comment: previous, previous };
          case 'update': {
            const duplicate = await client.query(
              "SELECT 1 FROM comments WHERE duplicate_key = $1 AND status != 'trash' AND id != $2 LIMIT 1",
              [decision.duplicateKey, id],
            );
            if (duplicate.rowCount !== 0) return { kind: 'duplicate' };
            const updated = await client.query<CommentRow>(
              'UPDATE comments SET content = $1, status = $2, duplicate_key = $3, edited_at = $4 WHERE id = $5 RETURNING *',
              [decision.content, decision.status, decision.duplicateKey, decision.editedAt, id],
            );
            return { kind: 'updated', comment: toStoredComment(updated.rows[0]), previous };
          }
        }
      }),
    async deleteComment(id) {
      const { rowCount } = await query('DELETE FROM comments WHERE id = $1', [id]);
      return rowCount !== 0;
    },
    async pruneIdempotencyKeys(before) {
      await query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
    },
    async ping() {
      await query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
