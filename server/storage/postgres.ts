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
  type CommentEventKind,
  visibilityEvent,
} from './port.js';
import type { ImportedComment, ImportOutcome } from './transfer-port.js';

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
  // The durable log of what readers see change, which live streams deliver and resume from.
  `CREATE TABLE comment_events (
     id BIGSERIAL PRIMARY KEY,
     post INTEGER NOT NULL,
     comment_id INTEGER NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('comment', 'edited', 'removed')),
     created_at BIGINT NOT NULL
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
     imported_at BIGINT NOT NULL,
     PRIMARY KEY (source, source_id)
   );
   CREATE INDEX import_sources_waiting ON import_sources (source) WHERE parent_source_id IS NOT NULL;
   CREATE INDEX comments_by_post_id ON comments (post, id);`,
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
// Held from an event's insertion to its transaction's commit, so event IDs are taken in commit order: a reader that has
// seen event N never finds an event below N committed later.
const EVENT_LOG_LOCK = 4_180_731_555;
// Taken by each import batch, so two imports of one file at once cannot both store a comment (#18).
const IMPORT_LOCK = 4_180_731_556;
/** The NOTIFY channel that wakes every server process on the database when events were logged. */
const EVENT_CHANNEL = 'newsroom_comment_events';

async function logEvent(client: pg.PoolClient, comment: { id: number; post: number }, kind: CommentEventKind | undefined): Promise<void> {
  if (!kind) return;
  await client.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK]);
  await client.query('INSERT INTO comment_events (post, comment_id, kind, created_at) VALUES ($1, $2, $3, $4)', [
    comment.post,
    comment.id,
    kind,
    Date.now(),
  ]);
  // Delivered at commit, to every session listening on the database.
  await client.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, String(comment.post)]);
}

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

const RELISTEN_MS = 1000;

/**
 * A connection of its own that LISTENs for events logged by any process on the database and calls `wake`; when it is
 * lost it reconnects, and wakes once more then, since a notification may have been missed meanwhile.
 */
async function listen(url: string, wake: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectLater = (): void => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(wake, reconnectLater);
    }, RELISTEN_MS).unref();
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    const drop = (): boolean => {
      if (client !== next) return false;
      client = undefined;
      next.end().catch(() => undefined);
      return true;
    };
    const lost = () => drop() && reconnectLater();
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', () => wake());
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENT_CHANNEL}`);
    } catch (error) {
      drop();
      throw error;
    }
  };
  try {
    await connect();
  } catch (error) {
    throw classify(error);
  }
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = undefined;
    await current?.end().catch(() => undefined);
  };
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
    await logEvent(client, { id, post: comment.post }, visibilityEvent(undefined, stored));
    if (idempotency !== undefined) {
      await client.query(
        'INSERT INTO idempotency_keys (key, fingerprint, comment_id, told_status, created_at) VALUES ($1, $2, $3, $4, $5)',
        [idempotency.key, idempotency.fingerprint, id, told, request.createdAt],
      );
    }
    return { kind: 'created', comment: { ...comment, id, status: told, createdAt: request.createdAt } };
  }

  // Import and export (#18).
  async function importOne(client: pg.PoolClient, comment: ImportedComment): Promise<ImportOutcome> {
    const known = await client.query<{ comment_id: number }>(
      'SELECT comment_id FROM import_sources WHERE source = $1 AND source_id = $2',
      [comment.source, comment.sourceId],
    );
    if (known.rows[0]) return { id: known.rows[0].comment_id, created: false };
    const parent =
      comment.parentSourceId === undefined
        ? undefined
        : (
            await client.query<{ id: number }>(
              `SELECT comments.id FROM import_sources JOIN comments ON comments.id = import_sources.comment_id
               WHERE source = $1 AND source_id = $2 AND comments.post = $3`,
              [comment.source, comment.parentSourceId, comment.post],
            )
          ).rows[0];
    const stored = { ...comment, parent: parent?.id ?? 0 };
    const { sender, duplicateKey } = derivedColumns(stored);
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, content, status, created_at,
         sender, duplicate_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [stored.post, stored.parent, stored.authorName, stored.authorEmail, stored.authorUrl, stored.authorIp, stored.content,
        stored.status, stored.createdAt, sender, duplicateKey],
    );
    const id = inserted.rows[0].id;
    const waiting = comment.parentSourceId !== undefined && parent === undefined ? comment.parentSourceId : null;
    await client.query(
      'INSERT INTO import_sources (source, source_id, comment_id, parent_source_id, imported_at) VALUES ($1, $2, $3, $4, $5)',
      [comment.source, comment.sourceId, id, waiting, Date.now()],
    );
    return { id, created: true };
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
    setStatus: (id, status) =>
      transaction(async (client) => {
        const before = await client.query<CommentRow>('SELECT * FROM comments WHERE id = $1 FOR UPDATE', [id]);
        if (!before.rows[0]) return undefined;
        const { rows } = await client.query<CommentRow>('UPDATE comments SET status = $1, moderated = 1 WHERE id = $2 RETURNING *', [status, id]);
        await logEvent(client, rows[0], visibilityEvent(before.rows[0].status, status));
        return toStoredComment(rows[0]);
      }),
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
            await logEvent(client, previous, visibilityEvent(previous.status, undefined));
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
            await logEvent(client, previous, visibilityEvent(previous.status, decision.status, true));
            return { kind: 'updated', comment: toStoredComment(updated.rows[0]), previous };
          }
        }
      }),
    deleteComment: (id) =>
      transaction(async (client) => {
        const { rows } = await client.query<CommentRow>('DELETE FROM comments WHERE id = $1 RETURNING *', [id]);
        if (!rows[0]) return false;
        await logEvent(client, rows[0], visibilityEvent(rows[0].status, undefined));
        return true;
      }),
    async eventsAfter(after, limit, post) {
      const { rows } = await query<{ id: string; post: number; comment_id: number; kind: CommentEventKind }>(
        post === undefined
          ? 'SELECT * FROM comment_events WHERE id > $1 ORDER BY id LIMIT $2'
          : 'SELECT * FROM comment_events WHERE post = $3 AND id > $1 ORDER BY id LIMIT $2',
        post === undefined ? [after, limit] : [after, limit, post],
      );
      return rows.map((row) => ({ id: Number(row.id), post: row.post, commentId: row.comment_id, kind: row.kind }));
    },
    async lastEventId() {
      const { rows } = await query<{ last: string }>('SELECT coalesce(max(id), 0) AS last FROM comment_events');
      return Number(rows[0].last);
    },
    watchEvents: (wake) => listen(url, wake),
    async pruneEvents(before) {
      await query('DELETE FROM comment_events WHERE created_at < $1', [before]);
    },
    async pruneIdempotencyKeys(before) {
      await query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
    },
    async ping() {
      await query('SELECT 1');
    },
    importComments: (batch) =>
      transaction(async (client) => {
        // Two imports of the same source at once would both find a comment new: they take turns.
        await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
        const outcomes: ImportOutcome[] = [];
        for (const comment of batch) outcomes.push(await importOne(client, comment));
        return outcomes;
      }),
    async linkImportedReplies(source) {
      let linked = 0;
      let orphans = 0;
      for (let after = ''; ; ) {
        const batch = await transaction(async (client) => {
          const { rows } = await client.query<CommentRow & { source_id: string; parent_id: number | null }>(
            `SELECT import_sources.source_id, comments.*, parents.id AS parent_id
             FROM import_sources
             JOIN comments ON comments.id = import_sources.comment_id
             LEFT JOIN import_sources AS mapped ON mapped.source = import_sources.source AND mapped.source_id = import_sources.parent_source_id
             LEFT JOIN comments AS parents ON parents.id = mapped.comment_id AND parents.post = comments.post
             WHERE import_sources.source = $1 AND import_sources.parent_source_id IS NOT NULL AND import_sources.source_id > $2
             ORDER BY import_sources.source_id LIMIT ${BACKFILL_BATCH}
             FOR UPDATE OF import_sources`,
            [source, after],
          );
          let done = 0;
          for (const row of rows) {
            if (row.parent_id === null) continue;
            const comment = { ...toStoredComment(row), parent: row.parent_id };
            await client.query('UPDATE comments SET parent = $1, duplicate_key = $2 WHERE id = $3', [
              row.parent_id,
              derivedColumns(comment).duplicateKey,
              row.id,
            ]);
            await client.query('UPDATE import_sources SET parent_source_id = NULL WHERE source = $1 AND source_id = $2', [source, row.source_id]);
            done += 1;
          }
          return { linked: done, seen: rows.length, last: rows.at(-1)?.source_id };
        });
        linked += batch.linked;
        orphans += batch.seen - batch.linked;
        if (batch.last === undefined) return { linked, orphans };
        after = batch.last;
      }
    },
    async exportComments(after, limit) {
      const { rows } = await query<CommentRow>('SELECT * FROM comments WHERE (post, id) > ($1, $2) ORDER BY post, id LIMIT $3', [
        after.post,
        after.id,
        limit,
      ]);
      return rows.map(toStoredComment);
    },
    async close() {
      await pool.end();
    },
  };
}
