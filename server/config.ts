import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { parseRange } from './comments/blocklist.js';
import { DEFAULT_QUEUE_TIMING, type NotifyQueueTiming } from './comments/notifications.js';
import type { ModerationMode } from './comments/rules.js';

/** Options of `createCommentApp` / `startServer`; every one falls back to its environment variable, then a default. */
export interface CommentServerOptions {
  /** Interface to listen on (env HOST, default 127.0.0.1). */
  host?: string;
  /** Port to listen on, 0 = random (env PORT, default 8787). */
  port?: number;
  /** Folder of the SQLite file and the generated admin token (env DATA_DIR, default ./data). */
  dataDir?: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite (env DATABASE_URL). */
  databaseUrl?: string;
  /** Bearer token of the moderator (env COMMENTS_ADMIN_TOKEN; generated and stored in the data folder if unset). */
  adminToken?: string;
  /** Origins allowed to call the API from a browser (env ALLOWED_ORIGINS, comma-separated; `*` for any). */
  allowedOrigins?: string[];
  /** Which comments wait for a moderator (env MODERATION, default first-time). */
  moderation?: ModerationMode;
  /** Words that hold a comment for moderation (env MODERATION_KEYWORDS, comma-separated). */
  moderationKeywords?: string[];
  /** Proxies whose X-Forwarded-For is believed (env TRUSTED_PROXIES, comma-separated addresses or CIDR ranges). */
  trustedProxies?: string[];
  /** Minimum seconds between two comments from one address or email; 0 disables (env FLOOD_SECONDS, default 15). */
  floodSeconds?: number;
  /** Refuse comments without a name and email (env REQUIRE_NAME_EMAIL, default true). */
  requireNameEmail?: boolean;
  /** Post URL template for a comment's `link`, `{post}` replaced by the post ID (env POST_LINK, default /?p={post}). */
  postLink?: string;
  /** Seconds a client has to send a whole request, headers and body (env REQUEST_TIMEOUT_SECONDS, default 30). */
  requestTimeoutSeconds?: number;
  /** Seconds a client has to send a request's headers, at most the request timeout (env HEADERS_TIMEOUT_SECONDS, default 10). */
  headersTimeoutSeconds?: number;
  /** Seconds a connection may stay silent while a request or response is under way (env IDLE_TIMEOUT_SECONDS, default 30). */
  idleTimeoutSeconds?: number;
  /**
   * Seconds a kept-alive connection waits for its next request (env KEEP_ALIVE_TIMEOUT_SECONDS, default 72: longer
   * than the 60 s idle timeout of common load balancers, which then close first).
   */
  keepAliveTimeoutSeconds?: number;
  /** Seconds requests in flight get to finish on shutdown before every connection is closed (env SHUTDOWN_GRACE_SECONDS, default 10). */
  shutdownGraceSeconds?: number;
  /**
   * Seconds after posting during which the author's browser (holding the token given once at creation) may edit or
   * delete the comment, until someone replies or a moderator acts on it (env EDIT_WINDOW_SECONDS, default 600; 0 disables).
   */
  editWindowSeconds?: number;
  /**
   * Seconds a browser or a shared cache (a CDN, nginx's proxy_cache) may serve a public comment list or comment
   * without asking again (env CACHE_MAX_AGE_SECONDS, default 10; 0 = revalidate every time with the ETag). A newly
   * approved, edited or deleted comment shows through such a cache within this time; moderator responses are never
   * cached.
   */
  cacheMaxAgeSeconds?: number;
  /**
   * Seconds after max-age a cache may still serve a public response while it fetches a fresh one in the background
   * (`stale-while-revalidate`; env CACHE_STALE_SECONDS, default 30; 0 leaves it out).
   */
  cacheStaleSeconds?: number;
  /**
   * Live comment streams (`GET …/comments/stream`) one client address may hold open at once; more are answered 429
   * (env STREAMS_PER_ADDRESS, default 20: readers behind one office or mobile network share an address).
   */
  streamsPerAddress?: number;
  /**
   * Seconds between the heartbeats of a live stream, which keep proxies and the idle timeout from closing a quiet one
   * (env STREAM_HEARTBEAT_SECONDS, default 20 or half of IDLE_TIMEOUT_SECONDS if that is less; it must be less than
   * IDLE_TIMEOUT_SECONDS and than any proxy's read timeout).
   */
  streamHeartbeatSeconds?: number;
  /**
   * Seconds after which the server ends a live stream, so no tab holds one forever; the browser reconnects and
   * resumes without loss (env STREAM_MAX_AGE_SECONDS, default 900).
   */
  streamMaxAgeSeconds?: number;
  /** Structured JSON logs on stdout (env LOG, default false; `npm run server` turns it on). */
  logger?: boolean;
  /** Clock in ms, for tests of the flood window. */
  now?: () => number;
  /**
   * Days a comment's IP address is kept; the server then erases it, with the flood key derived from it (env
   * IP_RETENTION_DAYS, default 30, at least 1: the flood rule and moderation keywords need the address of recent
   * comments). See docs/data-rights.md.
   */
  ipRetentionDays?: number;
  // Reply notifications (#18)
  /**
   * The mail server, as a nodemailer transport URL: `smtp://user:pass@host:587` or `smtps://…` (env SMTP_URL). Unset:
   * no notifications, and the comment form does not offer them.
   */
  smtpUrl?: string;
  /** Sender of the notification emails, `address` or `Name <address>` (env MAIL_FROM, default `comments@` the PUBLIC_URL host). */
  mailFrom?: string;
  /**
   * The server's public address, `https://comments.news.example` (env PUBLIC_URL; needed with SMTP_URL): every link in
   * an email starts with it, never with a request's Host header.
   */
  publicUrl?: string;
  /** Where comments held for moderation are announced (env MODERATOR_EMAIL; unset: nowhere). Spam is never announced. */
  moderatorEmail?: string;
  /**
   * Minutes during which replies in one thread are gathered into one email per address, so nobody gets more than one
   * such email per thread in that time (env NOTIFY_DIGEST_MINUTES, default 15; 0 sends each reply at once).
   */
  notifyDigestMinutes?: number;
  /** Timing of the mail queue in ms (poll, retry backoff, claim lease, SMTP timeouts; tests shorten it); defaults suit production. */
  notifyQueue?: Partial<NotifyQueueTiming>;
}

/** Reply notifications, when SMTP_URL is set. */
export interface NotificationOptions {
  smtpUrl: string;
  mailFrom: string;
  publicUrl: string;
  moderatorEmail?: string;
  digestMs: number;
  queue: NotifyQueueTiming;
}

type NotificationKeys = 'smtpUrl' | 'mailFrom' | 'publicUrl' | 'moderatorEmail' | 'notifyDigestMinutes' | 'notifyQueue';
export type ResolvedOptions = Required<Omit<CommentServerOptions, 'databaseUrl' | NotificationKeys>> & {
  databaseUrl?: string;
  notifications?: NotificationOptions;
};

/** A setting that cannot work; the message names the option or environment variable. */
export class ConfigError extends Error {}

const list = (value: string | undefined): string[] | undefined =>
  value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter(Boolean);

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

function boolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

const isOrigin = (origin: string): boolean =>
  origin === '*' || (URL.canParse(origin) && /^https?:$/.test(new URL(origin).protocol) && new URL(origin).origin === origin);

/** Merges options over the environment over defaults, and checks every value. */
export function resolveOptions(options: CommentServerOptions, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  const resolved: ResolvedOptions = {
    host: options.host ?? (env.HOST || '127.0.0.1'),
    port: options.port ?? integer('PORT', env.PORT, 0, 65535) ?? 8787,
    dataDir: resolve(options.dataDir ?? (env.DATA_DIR || './data')),
    databaseUrl: options.databaseUrl ?? (env.DATABASE_URL || undefined),
    adminToken: options.adminToken ?? env.COMMENTS_ADMIN_TOKEN ?? '',
    allowedOrigins: options.allowedOrigins ?? list(env.ALLOWED_ORIGINS) ?? [],
    moderation: options.moderation ?? ((env.MODERATION || 'first-time') as ModerationMode),
    moderationKeywords: options.moderationKeywords ?? list(env.MODERATION_KEYWORDS) ?? [],
    trustedProxies: options.trustedProxies ?? list(env.TRUSTED_PROXIES) ?? [],
    floodSeconds: options.floodSeconds ?? integer('FLOOD_SECONDS', env.FLOOD_SECONDS, 0, 86400) ?? 15,
    requireNameEmail: options.requireNameEmail ?? boolean('REQUIRE_NAME_EMAIL', env.REQUIRE_NAME_EMAIL) ?? true,
    postLink: options.postLink ?? (env.POST_LINK || '/?p={post}'),
    requestTimeoutSeconds: options.requestTimeoutSeconds ?? integer('REQUEST_TIMEOUT_SECONDS', env.REQUEST_TIMEOUT_SECONDS, 1, 3600) ?? 30,
    headersTimeoutSeconds: options.headersTimeoutSeconds ?? integer('HEADERS_TIMEOUT_SECONDS', env.HEADERS_TIMEOUT_SECONDS, 1, 3600) ?? 10,
    idleTimeoutSeconds: options.idleTimeoutSeconds ?? integer('IDLE_TIMEOUT_SECONDS', env.IDLE_TIMEOUT_SECONDS, 1, 3600) ?? 30,
    keepAliveTimeoutSeconds:
      options.keepAliveTimeoutSeconds ?? integer('KEEP_ALIVE_TIMEOUT_SECONDS', env.KEEP_ALIVE_TIMEOUT_SECONDS, 1, 3600) ?? 72,
    shutdownGraceSeconds: options.shutdownGraceSeconds ?? integer('SHUTDOWN_GRACE_SECONDS', env.SHUTDOWN_GRACE_SECONDS, 0, 3600) ?? 10,
    editWindowSeconds: options.editWindowSeconds ?? integer('EDIT_WINDOW_SECONDS', env.EDIT_WINDOW_SECONDS, 0, 86400) ?? 600,
    cacheMaxAgeSeconds: options.cacheMaxAgeSeconds ?? integer('CACHE_MAX_AGE_SECONDS', env.CACHE_MAX_AGE_SECONDS, 0, 86400) ?? 10,
    cacheStaleSeconds: options.cacheStaleSeconds ?? integer('CACHE_STALE_SECONDS', env.CACHE_STALE_SECONDS, 0, 86400) ?? 30,
    streamsPerAddress: options.streamsPerAddress ?? integer('STREAMS_PER_ADDRESS', env.STREAMS_PER_ADDRESS, 1, 100000) ?? 20,
    streamHeartbeatSeconds: options.streamHeartbeatSeconds ?? integer('STREAM_HEARTBEAT_SECONDS', env.STREAM_HEARTBEAT_SECONDS, 1, 3600) ?? 0,
    streamMaxAgeSeconds: options.streamMaxAgeSeconds ?? integer('STREAM_MAX_AGE_SECONDS', env.STREAM_MAX_AGE_SECONDS, 1, 86400) ?? 900,
    logger: options.logger ?? boolean('LOG', env.LOG) ?? false,
    now: options.now ?? Date.now,
    ipRetentionDays: options.ipRetentionDays ?? integer('IP_RETENTION_DAYS', env.IP_RETENTION_DAYS, 1, 3650) ?? 30,
    notifications: resolveNotifications(options, env),
  };
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${resolved.port}"`);
  }
  if (!isIP(resolved.host) && !/^[a-z0-9.-]+$/i.test(resolved.host)) {
    throw new ConfigError(`HOST must be an IP address or host name, got "${resolved.host}"`);
  }
  if (resolved.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(resolved.databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (resolved.adminToken !== '' && !/^[\x21-\x7e]{16,200}$/.test(resolved.adminToken)) {
    throw new ConfigError('COMMENTS_ADMIN_TOKEN must be 16 to 200 printable ASCII characters without spaces');
  }
  const badOrigin = resolved.allowedOrigins.find((origin) => !isOrigin(origin));
  if (badOrigin !== undefined) {
    throw new ConfigError(`ALLOWED_ORIGINS must list origins such as https://news.example, got "${badOrigin}"`);
  }
  if (!['first-time', 'all', 'none'].includes(resolved.moderation)) {
    throw new ConfigError(`MODERATION must be first-time, all or none, got "${resolved.moderation}"`);
  }
  const badProxy = resolved.trustedProxies.find((entry) => parseRange(entry) === undefined);
  if (badProxy !== undefined) {
    throw new ConfigError(`TRUSTED_PROXIES must list IP addresses or CIDR ranges, got "${badProxy}"`);
  }
  if (!Number.isInteger(resolved.floodSeconds) || resolved.floodSeconds < 0) {
    throw new ConfigError(`FLOOD_SECONDS must be a non-negative integer, got "${resolved.floodSeconds}"`);
  }
  for (const [name, seconds] of [
    ['EDIT_WINDOW_SECONDS', resolved.editWindowSeconds],
    ['CACHE_MAX_AGE_SECONDS', resolved.cacheMaxAgeSeconds],
    ['CACHE_STALE_SECONDS', resolved.cacheStaleSeconds],
  ] as const) {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86400) {
      throw new ConfigError(`${name} must be an integer from 0 to 86400, got "${seconds}"`);
    }
  }
  if (resolved.streamHeartbeatSeconds === 0) {
    resolved.streamHeartbeatSeconds = Math.max(1, Math.min(20, Math.floor(resolved.idleTimeoutSeconds / 2)));
  } else if (resolved.streamHeartbeatSeconds >= resolved.idleTimeoutSeconds) {
    // A quiet stream would otherwise be closed as idle between two heartbeats.
    throw new ConfigError('STREAM_HEARTBEAT_SECONDS must be less than IDLE_TIMEOUT_SECONDS');
  }
  const streamLimits: [string, number, number, number][] = [
    ['STREAMS_PER_ADDRESS', resolved.streamsPerAddress, 1, 100000],
    ['STREAM_HEARTBEAT_SECONDS', resolved.streamHeartbeatSeconds, 1, 3600],
    ['STREAM_MAX_AGE_SECONDS', resolved.streamMaxAgeSeconds, 1, 86400],
  ];
  for (const [name, value, min, max] of streamLimits) {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
    }
  }
  const timeouts: [string, number, number][] = [
    ['REQUEST_TIMEOUT_SECONDS', resolved.requestTimeoutSeconds, 1],
    ['HEADERS_TIMEOUT_SECONDS', resolved.headersTimeoutSeconds, 1],
    ['IDLE_TIMEOUT_SECONDS', resolved.idleTimeoutSeconds, 1],
    ['KEEP_ALIVE_TIMEOUT_SECONDS', resolved.keepAliveTimeoutSeconds, 1],
    ['SHUTDOWN_GRACE_SECONDS', resolved.shutdownGraceSeconds, 0],
  ];
  for (const [name, seconds, min] of timeouts) {
    if (!Number.isInteger(seconds) || seconds < min || seconds > 3600) {
      throw new ConfigError(`${name} must be an integer from ${min} to 3600, got "${seconds}"`);
    }
  }
  // Node refuses a headers timeout longer than the request timeout.
  if (resolved.headersTimeoutSeconds > resolved.requestTimeoutSeconds) {
    throw new ConfigError('HEADERS_TIMEOUT_SECONDS must not exceed REQUEST_TIMEOUT_SECONDS');
  }
  if (!resolved.postLink.includes('{post}')) {
    throw new ConfigError('POST_LINK must contain {post}');
  }
  if (!Number.isInteger(resolved.ipRetentionDays) || resolved.ipRetentionDays < 1 || resolved.ipRetentionDays > 3650) {
    throw new ConfigError(`IP_RETENTION_DAYS must be an integer from 1 to 3650, got "${resolved.ipRetentionDays}"`);
  }
  return resolved;
}

/** A bare email address (what a form accepts), without display name, spaces or line breaks. */
const EMAIL = /^[^\s@<>"(),;:]+@[a-z0-9-]+(\.[a-z0-9-]+)*$/i;

function resolveNotifications(options: CommentServerOptions, env: NodeJS.ProcessEnv): NotificationOptions | undefined {
  const smtpUrl = options.smtpUrl ?? (env.SMTP_URL || undefined);
  if (smtpUrl === undefined) return undefined;
  if (!/^smtps?:\/\/[^\s]+$/.test(smtpUrl) || !URL.canParse(smtpUrl)) {
    throw new ConfigError('SMTP_URL must be a mail server URL such as smtp://user:password@mail.example:587 or smtps://…');
  }
  const publicUrl = (options.publicUrl ?? env.PUBLIC_URL ?? '').replace(/\/+$/, '');
  if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol) || /[?#]/.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL must be the server's public http(s) address (links in emails start with it), got "${publicUrl}"`);
  }
  const mailFrom = options.mailFrom ?? (env.MAIL_FROM || `comments@${new URL(publicUrl).hostname}`);
  const fromAddress = /<([^<>]*)>$/.exec(mailFrom)?.[1] ?? mailFrom;
  if (/[\r\n]/.test(mailFrom) || !EMAIL.test(fromAddress)) {
    throw new ConfigError(`MAIL_FROM must be an email address or Name <address>, got "${mailFrom}"`);
  }
  const moderatorEmail = options.moderatorEmail ?? (env.MODERATOR_EMAIL || undefined);
  if (moderatorEmail !== undefined && !EMAIL.test(moderatorEmail)) {
    throw new ConfigError(`MODERATOR_EMAIL must be an email address, got "${moderatorEmail}"`);
  }
  const minutes = options.notifyDigestMinutes ?? integer('NOTIFY_DIGEST_MINUTES', env.NOTIFY_DIGEST_MINUTES, 0, 1440) ?? 15;
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 1440) {
    throw new ConfigError(`NOTIFY_DIGEST_MINUTES must be from 0 to 1440, got "${minutes}"`);
  }
  const queue = { ...DEFAULT_QUEUE_TIMING, ...options.notifyQueue };
  const badTiming = Object.entries(queue).find(([, ms]) => !Number.isFinite(ms) || ms <= 0);
  if (badTiming) throw new ConfigError(`notifyQueue.${badTiming[0]} must be a positive number of milliseconds`);
  return { smtpUrl, mailFrom, publicUrl, moderatorEmail, digestMs: minutes * 60 * 1000, queue };
}

/**
 * The moderator's token: the configured one, else the one stored in the data folder, else a new one stored there
 * (readable by the owner only). `generated` is true only the first time, when it must be shown to the operator.
 */
export function loadAdminToken(configured: string, dataDir: string): { token: string; generated: boolean; file: string } {
  const file = join(dataDir, 'admin-token');
  if (configured !== '') return { token: configured, generated: false, file };
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false, file };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(24).toString('base64url');
  // Written whole under a name of its own, then linked into place: of processes starting together on one data
  // folder, exactly one link succeeds, and the others read its complete token.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(draft, `${token}\n`, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(draft, 0o600);
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { token: readFileSync(file, 'utf8').trim(), generated: false, file };
  } finally {
    unlinkSync(draft);
  }
  return { token, generated: true, file };
}
