import AjvCompiler from '@fastify/ajv-compiler';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { join } from 'node:path';
import { EDIT_TOKEN_HEADER, MODERATION_API_PATH, NOTIFICATIONS_HEADER, SERVER_HEADER, STREAM_POSITION_HEADER } from 'newsroom-comment-protocol';
import { createModerationDesk } from './comments/desk.js';
import { createCommentEventFeed } from './comments/events.js';
import { createNotifier, type Notifier } from './comments/notifications.js';
import { createCommentService, type CommentHooks } from './comments/service.js';
import { createDataRightsService } from './comments/rights.js';
import { type CommentServerOptions, ConfigError, type ResolvedOptions, loadAdminToken, resolveOptions } from './config.js';
import { createMailTransport } from './mailer.js';
import { notificationMails } from './present/notification-mail.js';
import { adminRoutes } from './routes/admin.js';
import { exportRoutes } from './routes/export.js';
import { notificationRoutes } from './routes/notifications.js';
import { httpCaching } from './routes/caching.js';
import { commentRoutes } from './routes/comments.js';
import { dataRoutes } from './routes/data.js';
import { moderationRoutes } from './routes/moderation.js';
import { streamRoutes } from './routes/stream.js';
import { answerInWordPressShape, requireJsonBody } from './routes/errors.js';
import { NOTIFY_RECORDS_TTL_MS } from './storage/notify-port.js';
import { EVENT_TTL_MS, IDEMPOTENCY_TTL_MS, type CommentStorage } from './storage/port.js';
import { openSqliteStorage } from './storage/sqlite.js';
import { exportJsonLines, exportWxr } from './transfer/export.js';

export type { CommentServerOptions } from './config.js';

/** Where the WordPress-compatible API lives, as on a WordPress site. */
export const API_PREFIX = '/wp-json/wp/v2';
/** Where this server's own routes live, beside WordPress's. */
export const EXTENSIONS_PREFIX = '/wp-json/newsroom/v1';

/** Where a moderator answers data-rights requests (docs/data-rights.md). */
export const DATA_PREFIX = `${EXTENSIONS_PREFIX}/data`;
const SERVER_NAME = 'newsroom-elements';
// The largest valid comment (65,525 bytes of text) escaped as \uXXXX JSON fits; anything bigger is refused with 413.
const BODY_LIMIT = 256 * 1024;

/** Opens the configured database: PostgreSQL at `databaseUrl`, else SQLite in `dataDir` (the server and the `import` and `export` commands). */
export async function openStorage(databaseUrl: string | undefined, dataDir: string): Promise<CommentStorage> {
  if (databaseUrl) {
    // pg is an optional peer dependency of the package: SQLite users never install it.
    if (!canResolve('pg')) {
      throw new ConfigError('DATABASE_URL needs the PostgreSQL driver, which is not installed: run `npm install pg`');
    }
    const { openPostgresStorage } = await import('./storage/postgres.js');
    return openPostgresStorage(databaseUrl);
  }
  return openSqliteStorage(join(dataDir, 'comments.db'));
}

function canResolve(specifier: string): boolean {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

/** The moderator's token when the server generated it now: shown once to the operator, then only in its file. */
export interface GeneratedAdminToken {
  token: string;
  file: string;
}

/** The comment server built from resolved settings (the one place they are resolved is the caller). */
async function assemble(settings: ResolvedOptions): Promise<{ app: FastifyInstance; generatedAdminToken?: GeneratedAdminToken }> {
  const admin = loadAdminToken(settings.adminToken, settings.dataDir);
  const storage = await openStorage(settings.databaseUrl, settings.dataDir);
  const desk = createModerationDesk(storage, settings.now);
  // The configured token is the first moderator, `admin`; the desk names more (and revokes them) in the database.
  await desk.registerConfiguredToken(admin.token);
  // How often the event feed reads the log without a wake-up (one may be lost while PostgreSQL reconnects).
  const events = await createCommentEventFeed(storage, { pollMs: 5000 });
  // `app` is read only when something fails, long after it is built.
  const notifier = await startNotifications(settings, storage, (error, context) => app.log.error({ err: error }, context));
  // Reply notifications hear of every new comment and status change the service makes.
  const notify: CommentHooks | undefined = notifier && {
    statusChanged: notifier.statusChanged,
    repliesRequested: notifier.subscribe,
    hookFailed: (error) => app.log.error({ err: error }, 'queueing a notification failed'),
  };
  const comments = createCommentService(
    storage,
    {
      moderation: { mode: settings.moderation, keywords: settings.moderationKeywords },
      floodSeconds: settings.floodSeconds,
      requireNameEmail: settings.requireNameEmail,
      editWindowSeconds: settings.editWindowSeconds,
      now: settings.now,
    },
    notify,
  );

  const app = Fastify({
    logger: settings.logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: settings.trustedProxies.length > 0 ? settings.trustedProxies : false,
    // No client may hold a connection open by sending slowly or not at all (Node answers 408 and closes).
    requestTimeout: settings.requestTimeoutSeconds * 1000,
    connectionTimeout: settings.idleTimeoutSeconds * 1000,
    keepAliveTimeout: settings.keepAliveTimeoutSeconds * 1000,
    http: {
      // Node checks the headers timeout against the request timeout when it creates the server.
      requestTimeout: settings.requestTimeoutSeconds * 1000,
      headersTimeout: settings.headersTimeoutSeconds * 1000,
      // How often Node looks for requests past those timeouts: every second, so a short timeout is not overstayed by
      // Node's much longer default interval.
      connectionsCheckingInterval: 1000,
    },
  });

  // A request's moderator is looked up once, before any route sees it, from the database: a token revoked on any
  // process is refused by the next request everywhere.
  const moderators = new WeakMap<FastifyRequest, { label: string }>();
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return;
    const moderator = await desk.moderatorOf(header.slice('Bearer '.length).trim());
    if (moderator) moderators.set(request, moderator);
  });
  /** The moderator making the request (their token's label, for the audit log), if any. */
  const moderatorOf = (request: FastifyRequest): { label: string } | undefined => moderators.get(request);
  const isModerator = (request: FastifyRequest): boolean => moderatorOf(request) !== undefined;
  const clientAddress = (request: FastifyRequest): string => request.ip.replace(/^::ffff:/, '');

  // While shutting down, idle connections close at once (Fastify's default), requests still in flight get the grace
  // period to finish and their connections close instead of idling on keep-alive; then every connection is closed,
  // stalled uploads included, so shutdown never waits on a client.
  let closing = false;
  let forceClose: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = true;
    forceClose = setTimeout(() => app.server.closeAllConnections(), settings.shutdownGraceSeconds * 1000).unref();
    // No email starts any more; the one being sent is finished and recorded, so a restart does not send it again.
    await notifier?.close();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header(SERVER_HEADER, SERVER_NAME);
    if (closing) reply.header('Connection', 'close');
  });

  const validators = AjvCompiler();
  const strict = validators({}, { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true, allowUnionTypes: true } });
  const coercing = validators({}, { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } });

  /** What every JSON API of the server shares: validation, JSON bodies only, and errors in WordPress's shape. */
  const jsonApi = (api: FastifyInstance): void => {
    // Query strings are text by nature; a JSON body must carry the right types (WordPress: wrong type → 400).
    api.setValidatorCompiler((route) => (route.httpPart === 'body' ? strict(route) : coercing(route)));
    api.addHook('onRequest', async (request) => requireJsonBody(request));
    answerInWordPressShape(api);
  };

  await app.register(
    async (api) => {
      jsonApi(api);
      await api.register(cors, {
        origin: settings.allowedOrigins.includes('*') ? '*' : settings.allowedOrigins,
        methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', EDIT_TOKEN_HEADER, 'Last-Event-ID'],
        exposedHeaders: ['X-WP-Total', 'X-WP-TotalPages', SERVER_HEADER, 'ETag', STREAM_POSITION_HEADER, NOTIFICATIONS_HEADER],
        maxAge: 600,
      });
      httpCaching(api, { maxAgeSeconds: settings.cacheMaxAgeSeconds, staleSeconds: settings.cacheStaleSeconds });
      streamRoutes(api, {
        events,
        postLink: settings.postLink,
        clientAddress,
        perAddress: settings.streamsPerAddress,
        heartbeatSeconds: settings.streamHeartbeatSeconds,
        maxAgeSeconds: settings.streamMaxAgeSeconds,
      });
      // Tells the comment form that it may offer "Notify me of replies by email".
      if (notifier) api.addHook('onSend', async (_request, reply) => void reply.header(NOTIFICATIONS_HEADER, 'email'));
      commentRoutes(api, { comments, postLink: settings.postLink, isModerator, moderatorOf, clientAddress });
    },
    { prefix: API_PREFIX },
  );

  // Same-origin only (no CORS): the desk at /admin is the one page that calls it.
  await app.register(
    async (api) => {
      jsonApi(api);
      moderationRoutes(api, { comments, desk, postLink: settings.postLink, moderatorOf });
    },
    { prefix: MODERATION_API_PATH },
  );

  const rights = createDataRightsService(storage, { ipRetentionDays: settings.ipRetentionDays, now: settings.now });
  await app.register(
    async (data) => {
      data.setValidatorCompiler(strict);
      dataRoutes(data, { rights, postLink: settings.postLink, moderatorOf });
    },
    { prefix: DATA_PREFIX },
  );
  // IP addresses older than IP_RETENTION_DAYS are erased at start and every hour (so kept at most an hour longer).
  const eraseExpiredAddresses = () =>
    rights.eraseExpiredAddresses().catch((error: unknown) => app.log.warn({ err: error }, 'could not erase expired IP addresses'));
  await eraseExpiredAddresses();
  const addressEraser = setInterval(eraseExpiredAddresses, 60 * 60 * 1000).unref();
  app.addHook('onClose', async () => clearInterval(addressEraser));

  await app.register(adminRoutes);
  if (notifier) await app.register(notificationRoutes, { notifier });

  // Import and export (#18): the export, streamed to the moderator.
  await app.register(
    async (extensions) =>
      exportRoutes(extensions, {
        isModerator,
        exportComments: (format) => (format === 'wxr' ? exportWxr(storage, { postLink: settings.postLink }) : exportJsonLines(storage)),
      }),
    { prefix: EXTENSIONS_PREFIX },
  );

  app.get('/healthz', async (_request, reply) => {
    try {
      await storage.ping();
      return { status: 'ok', storage: storage.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', storage: storage.kind });
    }
  });

  const prune = () =>
    Promise.all([
      storage.pruneIdempotencyKeys(settings.now() - IDEMPOTENCY_TTL_MS),
      storage.pruneEvents(Date.now() - EVENT_TTL_MS),
      storage.pruneNotifications(Date.now() - NOTIFY_RECORDS_TTL_MS),
    ]).catch(() => undefined);
  await prune();
  const pruner = setInterval(prune, 60 * 60 * 1000).unref();
  app.addHook('onClose', async () => {
    clearTimeout(forceClose);
    clearInterval(pruner);
    await events.close();
    await storage.close();
  });
  return { app, generatedAdminToken: admin.generated ? { token: admin.token, file: admin.file } : undefined };
}

/** The notification queue's worker, when SMTP_URL is set; its failures are logged, the queue keeps every email. */
async function startNotifications(
  settings: ResolvedOptions,
  storage: CommentStorage,
  onError: (error: unknown, context: string) => void,
): Promise<Notifier | undefined> {
  const options = settings.notifications;
  if (!options) return undefined;
  return createNotifier(storage, createMailTransport(options.smtpUrl, options.mailFrom, options.queue.smtpTimeoutMs), notificationMails, {
    publicUrl: options.publicUrl,
    postLink: settings.postLink,
    digestMs: options.digestMs,
    moderatorEmail: options.moderatorEmail,
    queue: options.queue,
    onError,
  });
}

/**
 * The comment server as a Fastify instance, routes registered but not listening: the WordPress-compatible API under
 * `/wp-json/wp/v2`, the moderation desk at `/admin` with its API under `/wp-json/newsroom/v1/moderation`, and `/healthz`. The caller may add its own routes before `listen`.
 * A generated admin token is stored in the data folder (and logged as generated, never shown, when logging is on).
 */
export async function createCommentApp(options: CommentServerOptions = {}): Promise<FastifyInstance> {
  const { app, generatedAdminToken } = await assemble(resolveOptions(options));
  if (generatedAdminToken) app.log.warn({ file: generatedAdminToken.file }, "generated the moderator's admin token");
  return app;
}

export interface StartOptions {
  /** Environment variables the options fall back to (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Adds the caller's routes to the app before it listens. */
  extend?(app: FastifyInstance): Promise<void> | void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** Where the comments are kept: `PostgreSQL`, or `SQLite in <data folder>`. */
  storage: string;
  /** Present only on the start that generated the token, for the caller to show it once. */
  generatedAdminToken?: GeneratedAdminToken;
  close(): Promise<void>;
}

/**
 * Creates the comment server and listens (127.0.0.1 unless `host`/HOST says otherwise; port 0 = random): options and
 * environment are resolved and checked once, here.
 */
export async function startServer(options: CommentServerOptions = {}, start: StartOptions = {}): Promise<RunningServer> {
  const settings = resolveOptions(options, start.env);
  const { app, generatedAdminToken } = await assemble(settings);
  try {
    await start.extend?.(app);
    await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const storage = settings.databaseUrl ? 'PostgreSQL' : `SQLite in ${settings.dataDir}`;
  return { url: `http://${host}:${port}`, app, storage, generatedAdminToken, close: () => app.close() };
}
