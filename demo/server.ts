import type { FastifyInstance } from 'fastify';
import { createCommentApp, type CommentServerOptions } from 'newsroom-comment-server';
import { registerDemoRoutes, type DemoRouteOptions } from './routes.js';

export type DemoServerOptions = CommentServerOptions & DemoRouteOptions;

/** The demo's default port (env PORT wins). */
export const DEFAULT_PORT = 8080;

/**
 * The comment server (API at /wp-json/wp/v2, moderation at /admin) with the demo article added: one Fastify instance,
 * not listening yet.
 */
export async function createDemoApp(options: DemoServerOptions = {}): Promise<FastifyInstance> {
  const { scriptDelayMs, ...commentOptions } = options;
  const app = await createCommentApp(commentOptions);
  await registerDemoRoutes(app, { scriptDelayMs });
  return app;
}

/** Starts the demo on HOST (default 127.0.0.1) and PORT (default 8080); resolves with its URL. */
export async function startDemo(options: DemoServerOptions = {}): Promise<{ url: string; app: FastifyInstance }> {
  const host = options.host ?? (process.env.HOST || '127.0.0.1');
  const port = options.port ?? (process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT);
  const app = await createDemoApp({ ...options, host, port });
  await app.listen({ host, port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  // Loopback is shown as "localhost", the address a newcomer types; any other host as given.
  const shownHost = host === '127.0.0.1' || host === '::1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${boundPort}`, app };
}
