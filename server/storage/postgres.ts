import { createHash } from 'node:crypto';
import pg from 'pg';
import type { WpCommentStatus } from 'newsroom-comment-protocol';
import { comparableEmail } from './keys.js';
import type { ClaimedMail, LinkOutcome, MailKind, NotifyStorage, SubscribeOutcome } from './notify-port.js';
import {
  StorageUnavailableError,
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
  // 7: notifications (#18)
  // Reply notifications: addresses confirmed by their owner (double opt-in), subscriptions to a thread, the queue of
  // emails (a digest gathers a thread's replies until it is due) and the key that signs links in emails.
  `CREATE TABLE notify_keys (name TEXT PRIMARY KEY, secret TEXT NOT NULL, created_at BIGINT NOT NULL);
   CREATE TABLE notify_addresses (
     id SERIAL PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     confirmed_at BIGINT,
     confirmation_queued_at BIGINT,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE notify_subscriptions (
     id SERIAL PRIMARY KEY,
     address_id INTEGER NOT NULL REFERENCES notify_addresses (id) ON DELETE CASCADE,
     post INTEGER NOT NULL,
     thread INTEGER NOT NULL,
     created_at BIGINT NOT NULL,
     unsubscribed_at BIGINT,
     UNIQUE (address_id, thread)
   );
   CREATE TABLE notify_outbox (
     id SERIAL PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('confirm', 'replies', 'held')),
     recipient TEXT NOT NULL,
     ref INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('gathering', 'queued', 'sent', 'skipped', 'failed')),
     send_at BIGINT NOT NULL,
     claimed_until BIGINT,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     created_at BIGINT NOT NULL,
     sent_at BIGINT
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
     id SERIAL PRIMARY KEY,
     label TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     configured INTEGER NOT NULL DEFAULT 0,
     created_at BIGINT NOT NULL,
     revoked_at BIGINT
   );
   CREATE UNIQUE INDEX moderation_tokens_live_label ON moderation_tokens (label) WHERE revoked_at IS NULL;
   CREATE TABLE moderation_blocklist (
     id SERIAL PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('hold', 'spam', 'email', 'ip')),
     value TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     UNIQUE (kind, value)
   );
   CREATE TABLE moderation_state (id INTEGER PRIMARY KEY CHECK (id = 1), blocklist_version BIGINT NOT NULL);
   INSERT INTO moderation_state (id, blocklist_version) VALUES (1, 0);
   CREATE TABLE moderation_audit (
     id SERIAL PRIMARY KEY,
     moderator TEXT NOT NULL,
     action TEXT NOT NULL,
     detail TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     undone_by INTEGER
   );`,
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
// Held while a process registers the configured moderator token: replicas starting together would otherwise insert
// the same live label at once (a unique violation the upsert's conflict target does not cover).
const CONFIGURED_TOKEN_LOCK = 4_180_731_557;
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
    return { kind: 'created', comment: { ...comment, id, status: told, createdAt: request.createdAt }, storedStatus: stored };
  }

  // Data rights (#18): an address's comments erased in one transaction.
  async function eraseByEmail(client: pg.PoolClient, request: ErasureRequest): Promise<ErasureOutcome> {
    const email = comparableEmail(request.email);
    // The lock a new comment of this address takes: none is created halfway through its erasure.
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(`email:${email}`).toString()]);
    const found = await client.query<CommentRow>('SELECT * FROM comments WHERE lower(author_email) = $1 ORDER BY id FOR UPDATE', [email]);
    const erased = found.rows.map(toStoredComment);
    const parentOf = new Map(erased.map((comment) => [comment.id, comment.parent]));
    const outcome: ErasureOutcome = { comments: erased.length, reparented: 0, idempotencyKeys: 0 };
    for (const comment of erased) {
      const forgotten = await client.query('DELETE FROM idempotency_keys WHERE comment_id = $1', [comment.id]);
      outcome.idempotencyKeys += forgotten.rowCount ?? 0;
      if (request.mode === 'anonymise') {
        // An empty duplicate key matches no comment's; NULL would mark the row for the start-up backfill to fill again.
        await client.query(
          `UPDATE comments SET author_name = $1, author_email = '', author_url = '', author_ip = '', sender = NULL, duplicate_key = '',
             edit_token_hash = NULL WHERE id = $2`,
          [request.anonymousName, comment.id],
        );
        await logEvent(client, comment, visibilityEvent(comment.status, comment.status, true));
        continue;
      }
      // The replies of other people move up to the nearest ancestor that stays. Every status is named so that the
      // lookup uses the (status, post, parent) index; FOR UPDATE waits for a reply being posted (FOR SHARE there).
      let survivor = comment.parent;
      while (parentOf.has(survivor)) survivor = parentOf.get(survivor)!;
      const replies = await client.query<CommentRow>(
        "SELECT * FROM comments WHERE status IN ('approved', 'hold', 'spam', 'trash') AND post = $1 AND parent = $2 FOR UPDATE",
        [comment.post, comment.id],
      );
      for (const reply of replies.rows.map(toStoredComment)) {
        if (parentOf.has(reply.id)) continue;
        await client.query('UPDATE comments SET parent = $1 WHERE id = $2', [survivor, reply.id]);
        await logEvent(client, reply, visibilityEvent(reply.status, reply.status, true));
        outcome.reparented += 1;
      }
      await client.query('DELETE FROM comments WHERE id = $1', [comment.id]);
      await logEvent(client, comment, visibilityEvent(comment.status, undefined));
    }
    // The address's notification subscriptions go with its row (ON DELETE CASCADE), its queued emails with theirs.
    await client.query('DELETE FROM notify_outbox WHERE lower(recipient) = $1', [email]);
    await client.query('DELETE FROM notify_addresses WHERE email = $1', [email]);
    await audit(client, request.note, { action: 'erase', mode: request.mode, comments: outcome.comments, reparented: outcome.reparented });
    return outcome;
  }
  // The moderation desk (#18): tokens, block lists, audit log, and changes to several comments in one transaction.
  type TokenRow = { id: number; label: string; configured: number; created_at: string; revoked_at: string | null };
  type BlockRow = { id: number; kind: StoredBlockEntry['kind']; value: string; created_at: string };
  const toToken = (row: TokenRow): StoredModeratorToken => ({
    id: row.id,
    label: row.label,
    configured: row.configured === 1,
    createdAt: Number(row.created_at),
    ...(row.revoked_at !== null && { revokedAt: Number(row.revoked_at) }),
  });
  const toBlockEntry = (row: BlockRow): StoredBlockEntry => ({ id: row.id, kind: row.kind, value: row.value, createdAt: Number(row.created_at) });
  const audit = async (client: pg.PoolClient, note: AuditNote, detail: AuditDetail): Promise<number> => {
    const { rows } = await client.query<{ id: number }>(
      'INSERT INTO moderation_audit (moderator, action, detail, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [note.moderator, detail.action, JSON.stringify(detail), note.at],
    );
    return rows[0].id;
  };
  /** The comments of `ids` that exist, locked for the transaction, in the order given. */
  const lockComments = async (client: pg.PoolClient, ids: readonly number[]): Promise<StoredComment[]> => {
    const { rows } = await client.query<CommentRow>('SELECT * FROM comments WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [ids]);
    const found = new Map(rows.map((row) => [row.id, toStoredComment(row)]));
    return [...new Set(ids)].map((id) => found.get(id)).filter((comment) => comment !== undefined);
  };
  const changeStatus = async (client: pg.PoolClient, before: StoredComment, status: WpCommentStatus): Promise<StatusChange> => {
    const { rows } = await client.query<CommentRow>('UPDATE comments SET status = $1, moderated = 1 WHERE id = $2 RETURNING *', [status, before.id]);
    await logEvent(client, before, visibilityEvent(before.status, status));
    return { previous: before, comment: toStoredComment(rows[0]) };
  };
  const moderation: ModerationStorage = {
    async moderatorByTokenHash(tokenHash) {
      const { rows } = await query<{ label: string }>('SELECT label FROM moderation_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
      return rows[0];
    },
    setConfiguredToken: (tokenHash, label, at) =>
      transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [CONFIGURED_TOKEN_LOCK]);
        await client.query('UPDATE moderation_tokens SET revoked_at = $1 WHERE configured = 1 AND token_hash != $2 AND revoked_at IS NULL', [at, tokenHash]);
        await client.query(
          `INSERT INTO moderation_tokens (label, token_hash, configured, created_at) VALUES ($1, $2, 1, $3)
           ON CONFLICT (token_hash) DO UPDATE SET revoked_at = NULL, configured = 1, label = excluded.label`,
          [label, tokenHash, at],
        );
      }),
    async listModeratorTokens() {
      const { rows } = await query<TokenRow>('SELECT * FROM moderation_tokens ORDER BY revoked_at IS NOT NULL, id');
      return rows.map(toToken);
    },
    createModeratorToken: (label, tokenHash, note) =>
      transaction(async (client) => {
        const { rows } = await client.query<TokenRow>(
          'INSERT INTO moderation_tokens (label, token_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING *',
          [label, tokenHash, note.at],
        );
        if (!rows[0]) return undefined;
        await audit(client, note, { action: 'token-create', label });
        return toToken(rows[0]);
      }),
    revokeModeratorToken: (id, note) =>
      transaction(async (client) => {
        const { rows } = await client.query<TokenRow>('SELECT * FROM moderation_tokens WHERE id = $1 AND revoked_at IS NULL FOR UPDATE', [id]);
        if (!rows[0]) return 'not-found' as const;
        if (rows[0].configured === 1) return 'configured' as const;
        await client.query('UPDATE moderation_tokens SET revoked_at = $1 WHERE id = $2', [note.at, id]);
        await audit(client, note, { action: 'token-revoke', label: rows[0].label });
        return toToken({ ...rows[0], revoked_at: String(note.at) });
      }),
    async blockListVersion() {
      const { rows } = await query<{ version: string }>('SELECT blocklist_version AS version FROM moderation_state WHERE id = 1');
      return Number(rows[0].version);
    },
    listBlockEntries: () =>
      transaction(async (client) => {
        // One snapshot: the version read is the version of the entries read.
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const version = await client.query<{ version: string }>('SELECT blocklist_version AS version FROM moderation_state WHERE id = 1');
        const { rows } = await client.query<BlockRow>('SELECT * FROM moderation_blocklist ORDER BY kind, value');
        return { version: Number(version.rows[0].version), entries: rows.map(toBlockEntry) };
      }),
    addBlockEntry: (kind, value, note) =>
      transaction(async (client) => {
        const { rows } = await client.query<BlockRow>(
          'INSERT INTO moderation_blocklist (kind, value, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING *',
          [kind, value, note.at],
        );
        if (!rows[0]) return undefined;
        await client.query('UPDATE moderation_state SET blocklist_version = blocklist_version + 1 WHERE id = 1');
        await audit(client, note, { action: 'block-add', kind, value });
        return toBlockEntry(rows[0]);
      }),
    removeBlockEntry: (id, note) =>
      transaction(async (client) => {
        const { rows } = await client.query<BlockRow>('DELETE FROM moderation_blocklist WHERE id = $1 RETURNING *', [id]);
        if (!rows[0]) return undefined;
        await client.query('UPDATE moderation_state SET blocklist_version = blocklist_version + 1 WHERE id = 1');
        await audit(client, note, { action: 'block-remove', kind: rows[0].kind, value: rows[0].value });
        return toBlockEntry(rows[0]);
      }),
    async moderationQueue(list) {
      const params: unknown[] = [list.status];
      const where = ['status = $1'];
      if (list.post !== undefined) where.push(`post = $${params.push(list.post)}`);
      if (list.search) {
        const search = `$${params.push(likePattern(list.search))}`;
        where.push(`(content ILIKE ${search} ESCAPE '\\' OR author_name ILIKE ${search} ESCAPE '\\' OR author_email ILIKE ${search} ESCAPE '\\')`);
      }
      const clause = where.join(' AND ');
      const [counted, rows] = await Promise.all([
        query<{ total: string }>(`SELECT count(*) AS total FROM comments WHERE ${clause}`, params),
        query<CommentRow>(
          `SELECT * FROM comments WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
          [...params, list.perPage, (list.page - 1) * list.perPage],
        ),
      ]);
      return { items: rows.rows.map(toStoredComment), total: Number(counted.rows[0].total) };
    },
    async queueCounts() {
      const counts: Record<WpCommentStatus, number> = { hold: 0, approved: 0, spam: 0, trash: 0 };
      const { rows } = await query<{ status: WpCommentStatus; total: string }>('SELECT status, count(*) AS total FROM comments GROUP BY status');
      for (const row of rows) counts[row.status] = Number(row.total);
      return counts;
    },
    moderateComments: (ids, status, note) =>
      transaction(async (client) => {
        const changes: StatusChange[] = [];
        for (const before of await lockComments(client, ids)) changes.push(await changeStatus(client, before, status));
        const auditId = await audit(client, note, { action: 'status', status, changes: changes.map(({ previous }) => ({ id: previous.id, from: previous.status })) });
        return { auditId, changes };
      }),
    deleteComments: (ids, note) =>
      transaction(async (client) => {
        const deleted = await lockComments(client, ids);
        for (const comment of deleted) {
          await client.query('DELETE FROM comments WHERE id = $1', [comment.id]);
          await logEvent(client, comment, visibilityEvent(comment.status, undefined));
        }
        return { auditId: await audit(client, note, { action: 'delete', ids: deleted.map(({ id }) => id) }), deleted };
      }),
    undoModeration: (auditId, notBefore, note) =>
      transaction(async (client) => {
        const { rows } = await client.query<{ detail: string; created_at: string; undone_by: number | null }>(
          'SELECT * FROM moderation_audit WHERE id = $1 FOR UPDATE',
          [auditId],
        );
        const detail = rows[0] && (JSON.parse(rows[0].detail) as AuditDetail);
        if (!rows[0] || detail?.action !== 'status') return { kind: 'not-found' as const };
        if (rows[0].undone_by !== null) return { kind: 'already-undone' as const };
        if (Number(rows[0].created_at) < notBefore) return { kind: 'expired' as const };
        const changes: StatusChange[] = [];
        const from = new Map(detail.changes.map((change) => [change.id, change.from]));
        for (const current of await lockComments(client, [...from.keys()])) {
          if (current.status === detail.status) changes.push(await changeStatus(client, current, from.get(current.id) ?? current.status));
        }
        const undoId = await audit(client, note, { action: 'undo', undoes: auditId, ids: changes.map(({ comment }) => comment.id) });
        await client.query('UPDATE moderation_audit SET undone_by = $1 WHERE id = $2', [undoId, auditId]);
        return { kind: 'undone' as const, auditId: undoId, changes };
      }),
    async listAudit(page, perPage) {
      const [counted, rows] = await Promise.all([
        query<{ total: string }>('SELECT count(*) AS total FROM moderation_audit'),
        query<{ id: number; moderator: string; detail: string; created_at: string }>(
          'SELECT * FROM moderation_audit ORDER BY id DESC LIMIT $1 OFFSET $2',
          [perPage, (page - 1) * perPage],
        ),
      ]);
      return {
        items: rows.rows.map((row) => ({ id: row.id, moderator: row.moderator, at: Number(row.created_at), detail: JSON.parse(row.detail) as AuditDetail })),
        total: Number(counted.rows[0].total),
      };
    },
  };

  const notify = notifyQueries(transaction, query);
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
    ...moderation,
    kind: 'postgres',
    ...notify,
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
    async commentsByEmail(email, page, perPage) {
      const folded = comparableEmail(email);
      const [counted, rows] = await Promise.all([
        query<{ total: string }>('SELECT count(*) AS total FROM comments WHERE lower(author_email) = $1', [folded]),
        query<CommentRow>('SELECT * FROM comments WHERE lower(author_email) = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3', [
          folded,
          perPage,
          (page - 1) * perPage,
        ]),
      ]);
      return { items: rows.rows.map(toStoredComment), total: Number(counted.rows[0].total) };
    },
    eraseByEmail: (request) => transaction((client) => eraseByEmail(client, request)),
    async eraseAddressesBefore(before) {
      const { rowCount } = await query("UPDATE comments SET author_ip = '', sender = NULL WHERE author_ip != '' AND created_at < $1", [before]);
      return rowCount ?? 0;
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

type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;
type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

// Reply notifications (#18). Several processes may share the database: a claim takes a row no other transaction holds
// (FOR UPDATE SKIP LOCKED), and a reply joins a gathering digest only while holding that row's lock.
function notifyQueries(transaction: Transaction, query: Query): NotifyStorage {
  const outcome = (changed: number | null, exists: number | null): LinkOutcome => (changed ? 'done' : exists ? 'already' : 'not-found');
  return {
    async notifySigningKey(generate) {
      await query("INSERT INTO notify_keys (name, secret, created_at) VALUES ('links', $1, $2) ON CONFLICT (name) DO NOTHING", [
        generate(),
        Date.now(),
      ]);
      const { rows } = await query<{ secret: string }>("SELECT secret FROM notify_keys WHERE name = 'links'");
      return rows[0].secret;
    },
    subscribe: (request) =>
      transaction(async (client): Promise<SubscribeOutcome> => {
        const email = comparableEmail(request.email);
        await client.query('INSERT INTO notify_addresses (email, created_at) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING', [email, request.now]);
        const { rows } = await client.query<{ id: number; confirmed_at: string | null; confirmation_queued_at: string | null }>(
          'SELECT id, confirmed_at, confirmation_queued_at FROM notify_addresses WHERE email = $1 FOR UPDATE',
          [email],
        );
        const address = rows[0];
        const subscribed = await client.query<{ id: number }>(
          `INSERT INTO notify_subscriptions (address_id, post, thread, language, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (address_id, thread) DO UPDATE SET unsubscribed_at = NULL, language = excluded.language RETURNING id`,
          [address.id, request.post, request.thread, request.language, request.now],
        );
        const confirmed = address.confirmed_at !== null;
        const confirmationQueued =
          !confirmed && (address.confirmation_queued_at === null || Number(address.confirmation_queued_at) <= request.confirmationAfter);
        if (confirmationQueued) {
          await client.query(
            "INSERT INTO notify_outbox (kind, recipient, ref, state, send_at, created_at) VALUES ('confirm', $1, $2, 'queued', $3, $3)",
            [email, address.id, request.now],
          );
          await client.query('UPDATE notify_addresses SET confirmation_queued_at = $1, confirmation_language = $2 WHERE id = $3', [
            request.now,
            request.language,
            address.id,
          ]);
        }
        return { subscription: subscribed.rows[0].id, address: address.id, confirmed, confirmationQueued };
      }),
    async confirmAddress(address, now) {
      const changed = await query('UPDATE notify_addresses SET confirmed_at = $1 WHERE id = $2 AND confirmed_at IS NULL', [now, address]);
      return outcome(changed.rowCount, changed.rowCount ? 1 : (await query('SELECT 1 FROM notify_addresses WHERE id = $1', [address])).rowCount);
    },
    unsubscribe: (subscription, now) =>
      transaction(async (client) => {
        const changed = await client.query('UPDATE notify_subscriptions SET unsubscribed_at = $1 WHERE id = $2 AND unsubscribed_at IS NULL', [
          now,
          subscription,
        ]);
        if (!changed.rowCount) return outcome(0, (await client.query('SELECT 1 FROM notify_subscriptions WHERE id = $1', [subscription])).rowCount);
        await client.query(
          `UPDATE notify_outbox SET state = 'skipped' WHERE kind = 'replies' AND ref = $1 AND state IN ('gathering', 'queued')
             AND (claimed_until IS NULL OR claimed_until <= $2)`,
          [subscription, now],
        );
        return 'done';
      }),
    async linkState(purpose, id) {
      const { rows } = await query<{ at: string | null; language: string }>(
        purpose === 'confirm'
          ? 'SELECT confirmed_at AS at, confirmation_language AS language FROM notify_addresses WHERE id = $1'
          : 'SELECT unsubscribed_at AS at, language FROM notify_subscriptions WHERE id = $1',
        [id],
      );
      const row = rows[0];
      return row === undefined ? { state: 'not-found' } : { state: row.at === null ? 'unused' : 'used', language: row.language };
    },
    queueReply: (request) =>
      transaction(async (client) => {
        const email = comparableEmail(request.email);
        if (email === '' || email === comparableEmail(request.replier)) return 0;
        const { rows } = await client.query<{ id: number; email: string }>(
          `SELECT s.id, a.email FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
           WHERE a.email = $1 AND s.thread = $2 AND s.unsubscribed_at IS NULL AND a.confirmed_at IS NOT NULL`,
          [email, request.thread],
        );
        const subscription = rows[0];
        if (!subscription) return 0;
        // A worker may close the gathering digest between the insert and the lock: then a new one opens (a second try
        // always finds one, the bound is only a guard).
        for (let tries = 0; tries < 5; tries += 1) {
          await client.query(
            `INSERT INTO notify_outbox (kind, recipient, ref, state, send_at, created_at) VALUES ('replies', $1, $2, 'gathering', $3, $4)
             ON CONFLICT (ref) WHERE kind = 'replies' AND state = 'gathering' DO NOTHING`,
            [subscription.email, subscription.id, request.sendAt, request.now],
          );
          const locked = await client.query<{ id: number }>(
            "UPDATE notify_outbox SET send_at = send_at WHERE kind = 'replies' AND ref = $1 AND state = 'gathering' RETURNING id",
            [subscription.id],
          );
          if (locked.rows[0]) {
            await client.query('INSERT INTO notify_outbox_comments (outbox_id, comment_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
              locked.rows[0].id,
              request.comment,
            ]);
            return 1;
          }
        }
        throw new Error(`no digest could be opened for subscription ${subscription.id}`);
      }),
    async queueMail({ kind, recipient, ref, now }) {
      await query("INSERT INTO notify_outbox (kind, recipient, ref, state, send_at, created_at) VALUES ($1, $2, $3, 'queued', $4, $4)", [
        kind,
        recipient,
        ref,
        now,
      ]);
    },
    claimMail: (now, leaseMs) =>
      transaction(async (client): Promise<ClaimedMail | undefined> => {
        const { rows } = await client.query<{ id: number; kind: MailKind; recipient: string; ref: number; attempts: number }>(
          `UPDATE notify_outbox SET state = 'queued', claimed_until = $2, attempts = attempts + 1
           WHERE id = (SELECT id FROM notify_outbox WHERE state IN ('gathering', 'queued') AND send_at <= $1
                         AND (claimed_until IS NULL OR claimed_until <= $1) ORDER BY send_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
           RETURNING id, kind, recipient, ref, attempts`,
          [now, now + leaseMs],
        );
        const row = rows[0];
        if (!row) return undefined;
        const items =
          row.kind === 'replies'
            ? await client.query<{ comment_id: number }>('SELECT comment_id FROM notify_outbox_comments WHERE outbox_id = $1 ORDER BY comment_id', [
                row.id,
              ])
            : { rows: [] };
        const languageQuery = {
          confirm: 'SELECT confirmation_language AS language FROM notify_addresses WHERE id = $1',
          replies: 'SELECT language FROM notify_subscriptions WHERE id = $1',
          held: undefined,
        }[row.kind];
        const language = languageQuery && (await client.query<{ language: string }>(languageQuery, [row.ref])).rows[0]?.language;
        return { ...row, comments: items.rows.map((item) => item.comment_id), language };
      }),
    async mailSent(id, now, skipped = false) {
      await query('UPDATE notify_outbox SET state = $1, sent_at = $2, claimed_until = NULL WHERE id = $3', [skipped ? 'skipped' : 'sent', now, id]);
    },
    async mailFailed(id, error, retryAt) {
      if (retryAt === undefined) {
        await query("UPDATE notify_outbox SET state = 'failed', claimed_until = NULL, last_error = $1 WHERE id = $2", [error, id]);
      } else {
        await query("UPDATE notify_outbox SET state = 'queued', send_at = $1, claimed_until = NULL, last_error = $2 WHERE id = $3", [
          retryAt,
          error,
          id,
        ]);
      }
    },
    pruneNotifications: (before) =>
      transaction(async (client) => {
        await client.query("DELETE FROM notify_outbox WHERE state IN ('sent', 'skipped', 'failed') AND created_at < $1", [before]);
        await client.query('DELETE FROM notify_addresses WHERE confirmed_at IS NULL AND created_at < $1', [before]);
      }),
  };
}
