import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface CachingOptions {
  /** Seconds a public response may be served from a cache (0: revalidated every time). */
  maxAgeSeconds: number;
  /** Seconds a cache may serve it stale while it refreshes it (`stale-while-revalidate`; 0 leaves it out). */
  staleSeconds: number;
}

/** The headers that are part of a list's representation: a cache that revalidates keeps them with the body. */
const REPRESENTATION_HEADERS = ['x-wp-total', 'x-wp-totalpages'] as const;

/** True when an `If-None-Match` header names this entity tag (weak or strong, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * HTTP caching of the API's answers, so a viral article's comments are served by caches instead of the database:
 * a public GET that succeeds gets an ETag (a digest of exactly what it shows, totals included, so an approval, edit
 * or deletion changes the tag of every list the comment is in) and `Cache-Control: public, max-age, stale-while-
 * revalidate`, and `If-None-Match` is answered 304. Anything sent with credentials is `private, no-store`; errors
 * and writes are `no-store`. A route that sets its own Cache-Control (the event stream) keeps it.
 */
export function httpCaching(app: FastifyInstance, options: CachingOptions): void {
  const publicPolicy = [
    'public',
    options.maxAgeSeconds > 0 ? `max-age=${options.maxAgeSeconds}` : 'no-cache',
    ...(options.staleSeconds > 0 ? [`stale-while-revalidate=${options.staleSeconds}`] : []),
  ].join(', ');

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.hasHeader('Cache-Control')) return payload;
    const readOnly = request.method === 'GET' || request.method === 'HEAD';
    if (!readOnly || reply.statusCode !== 200 || typeof payload !== 'string') {
      reply.header('Cache-Control', 'no-store');
      return payload;
    }
    if (request.headers.authorization !== undefined) {
      reply.header('Cache-Control', 'private, no-store');
      return payload;
    }
    const digest = createHash('sha256').update(payload);
    for (const name of REPRESENTATION_HEADERS) digest.update(`\n${String(reply.getHeader(name) ?? '')}`);
    const etag = `"${digest.digest('base64url').slice(0, 27)}"`;
    reply.header('ETag', etag).header('Cache-Control', publicPolicy);
    if (matches(request.headers['if-none-match'], etag)) {
      // No body, so no length or type: Fastify sends neither for a null payload.
      reply.code(304).removeHeader('Content-Type');
      return null;
    }
    return payload;
  });
}
