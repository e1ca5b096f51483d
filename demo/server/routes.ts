import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildClient, contentTypeOf, toAsset, type Asset } from './build.js';
import { PAGES, renderPage } from './page.js';
import { PORTRAITS } from './portraits.js';

/** Scripts and portraits have content-hashed names: a changed file is a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface DemoRouteOptions {
  /**
   * Holds every element module back this long before answering (tests use it to prove that a late script shifts
   * nothing on the page). Default 0.
   */
  scriptDelayMs?: number;
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string): FastifyReply {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply.header('content-type', asset.contentType).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(asset.brotli);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}

/**
 * Adds the demo to a Fastify instance: the article in English (/), French (/fr/) and Ukrainian (/uk/), rendered on
 * the server once at start, the bundled page script under /assets/ and the portraits under /portraits/.
 */
export async function registerDemoRoutes(app: FastifyInstance, { scriptDelayMs = 0 }: DemoRouteOptions = {}): Promise<void> {
  const { scripts, assets } = await buildClient();

  for (const { path, content } of PAGES) {
    const page = toAsset(renderPage(content, scripts), contentTypeOf('.html'));
    app.get(path, (request, reply) => send(request, reply, page, 'no-cache'));
  }

  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return reply.callNotFound();
    if (scriptDelayMs > 0) await delay(scriptDelayMs);
    return send(request, reply, asset, IMMUTABLE);
  });

  app.get<{ Params: { name: string } }>('/portraits/:name', (request, reply) => {
    const image = PORTRAITS.get(request.params.name);
    return image ? send(request, reply, image, IMMUTABLE) : reply.callNotFound();
  });
}
