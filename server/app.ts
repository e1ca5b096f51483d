import AjvCompiler from '@fastify/ajv-compiler';
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { SERVER_HEADER } from 'newsroom-comment-protocol';
import { type CommentServerOptions, ConfigError, loadAdminToken, resolveOptions } from './config.js';
import { MESSAGES, WpHttpError, invalidParams } from './errors.js';
import { adminRoutes } from './routes/admin.js';
import { commentRoutes } from './routes/comments.js';
import { openSqliteStorage } from './storage/sqlite.js';
import { IDEMPOTENCY_TTL_MS, StorageUnavailableError, type CommentStorage } from './storage/storage.js';

export type { CommentServerOptions } from './config.js';

/** Where the WordPress-compatible API lives, as on a WordPress site. */
export const API_PREFIX = '/wp-json/wp/v2';
const SERVER_NAME = 'newsroom-elements';
// The largest valid comment (65,525 bytes of text) escaped as \uXXXX JSON fits; anything bigger is refused with 413.
const BODY_LIMIT = 256 * 1024;

async function openStorage(databaseUrl: string | undefined, dataDir: string): Promise<CommentStorage> {
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

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** WordPress's wording of a schema violation, per field. */
function validationParams(error: FastifyError): Record<string, string> {
  const params: Record<string, string> = {};
  for (const issue of error.validation ?? []) {
    const missing = (issue.params as { missingProperty?: string }).missingProperty;
    const field = missing ?? (issue.instancePath.split('/').filter(Boolean).join('.') || error.validationContext || 'body');
    const limit = (issue.params as { limit?: number }).limit;
    const message = {
      type: `${field} is not of type ${String((issue.params as { type?: string | string[] }).type).split(',')[0]}.`,
      minimum: `${field} must be greater than or equal to ${limit}`,
      maximum: `${field} must be less than or equal to ${limit}`,
      enum: `${field} is not one of ${((issue.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}.`,
      pattern: `${field} is not of type integer.`,
      required: `${field} is a required property.`,
    }[issue.keyword];
    params[field] ??= message ?? `${field} is invalid.`;
  }
  return params;
}

/** Turns any error into WordPress's `{ code, message, data: { status } }`. */
function toWpError(error: FastifyError): WpHttpError {
  if (error instanceof WpHttpError) return error;
  if (error.validation) {
    return error.validationContext === 'params'
      ? new WpHttpError(404, 'rest_no_route', MESSAGES.noRoute)
      : invalidParams(validationParams(error));
  }
  if (error instanceof StorageUnavailableError) {
    return new WpHttpError(503, 'rest_storage_unavailable', 'The comment database is unavailable. Please try again shortly.', undefined, {
      'Retry-After': '5',
    });
  }
  switch (error.statusCode) {
    case 413:
      return new WpHttpError(413, 'rest_request_too_large', 'The request body is too large.');
    case 415:
      return new WpHttpError(415, 'rest_unsupported_media_type', 'Send the request body as application/json.');
    case 400:
      return new WpHttpError(400, 'rest_invalid_json', MESSAGES.invalidJson);
    default:
      return error.statusCode && error.statusCode < 500
        ? new WpHttpError(error.statusCode, 'rest_invalid_request', 'The request is invalid.')
        : new WpHttpError(500, 'rest_internal_error', 'The server could not handle the request.');
  }
}

/**
 * The comment server as a Fastify instance, routes registered but not listening: the WordPress-compatible API under
 * `/wp-json/wp/v2`, the moderation page at `/admin` and `/healthz`. The caller may add its own routes before `listen`.
 */
export async function createCommentApp(options: CommentServerOptions = {}): Promise<FastifyInstance> {
  const settings = resolveOptions(options);
  const admin = loadAdminToken(settings.adminToken, settings.dataDir);
  if (admin.generated) {
    console.log(`Generated the moderator's admin token (stored in ${admin.file}; shown only once): ${admin.token}`);
  }
  const adminDigest = digest(admin.token);
  const storage = await openStorage(settings.databaseUrl, settings.dataDir);

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

  const isModerator = (request: FastifyRequest): boolean => {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
    return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), adminDigest);
  };
  const clientAddress = (request: FastifyRequest): string => request.ip.replace(/^::ffff:/, '');

  // While shutting down, idle connections close at once (Fastify's default), requests still in flight get the grace
  // period to finish and their connections close instead of idling on keep-alive; then every connection is closed,
  // stalled uploads included, so shutdown never waits on a client.
  let closing = false;
  let forceClose: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = true;
    forceClose = setTimeout(() => app.server.closeAllConnections(), settings.shutdownGraceSeconds * 1000).unref();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header(SERVER_HEADER, SERVER_NAME);
    if (closing) reply.header('Connection', 'close');
  });

  const validators = AjvCompiler();
  const strict = validators({}, { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true, allowUnionTypes: true } });
  const coercing = validators({}, { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } });

  await app.register(
    async (api) => {
      // Query strings are text by nature; a JSON body must carry the right types (WordPress: wrong type → 400).
      api.setValidatorCompiler((route) => (route.httpPart === 'body' ? strict(route) : coercing(route)));
      await api.register(cors, {
        origin: settings.allowedOrigins.includes('*') ? '*' : settings.allowedOrigins,
        methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
        exposedHeaders: ['X-WP-Total', 'X-WP-TotalPages', SERVER_HEADER],
        maxAge: 600,
      });
      // Only JSON bodies: a cross-site HTML form or text/plain POST (no preflight) is refused before it is read.
      api.addHook('onRequest', async (request) => {
        if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return;
        const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'application/json') {
          throw new WpHttpError(415, 'rest_unsupported_media_type', 'Send the request body as application/json.');
        }
      });
      api.setErrorHandler((error: FastifyError, request, reply) => {
        const wpError = toWpError(error);
        if (wpError.status >= 500) request.log.error({ err: error }, 'request failed');
        return reply.code(wpError.status).headers(wpError.headers).send(wpError.toJSON());
      });
      api.setNotFoundHandler((_request, reply) =>
        reply.code(404).send(new WpHttpError(404, 'rest_no_route', MESSAGES.noRoute).toJSON()),
      );
      commentRoutes(api, {
        storage,
        moderation: { mode: settings.moderation, keywords: settings.moderationKeywords },
        floodSeconds: settings.floodSeconds,
        requireNameEmail: settings.requireNameEmail,
        postLink: settings.postLink,
        now: settings.now,
        isModerator,
        clientAddress,
      });
    },
    { prefix: API_PREFIX },
  );

  await app.register(adminRoutes);

  app.get('/healthz', async (_request, reply) => {
    try {
      await storage.ping();
      return { status: 'ok', storage: storage.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', storage: storage.kind });
    }
  });

  const prune = () => storage.pruneIdempotencyKeys(settings.now() - IDEMPOTENCY_TTL_MS).catch(() => undefined);
  await prune();
  const pruner = setInterval(prune, 60 * 60 * 1000).unref();
  app.addHook('onClose', async () => {
    clearTimeout(forceClose);
    clearInterval(pruner);
    await storage.close();
  });
  return app;
}

/** Creates the comment server and listens (127.0.0.1 unless `host`/HOST says otherwise; port 0 = random). */
export async function startServer(
  options: CommentServerOptions = {},
): Promise<{ url: string; app: FastifyInstance; close(): Promise<void> }> {
  const settings = resolveOptions(options);
  const app = await createCommentApp(options);
  await app.listen({ host: settings.host, port: settings.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { url: `http://${host}:${port}`, app, close: () => app.close() };
}
