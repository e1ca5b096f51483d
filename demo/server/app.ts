import type { FastifyInstance } from 'fastify';
import { createCommentApp, startServer, type CommentServerOptions, type RunningServer } from 'newsroom-comment-server';
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

/**
 * Starts the demo through the comment server's own startServer, so HOST and PORT get the server's checks: HOST
 * defaults to 127.0.0.1, PORT to 8080.
 */
export async function startDemo(options: DemoServerOptions = {}): Promise<RunningServer> {
  const { scriptDelayMs, ...commentOptions } = options;
  return startServer(commentOptions, {
    env: { ...process.env, PORT: process.env.PORT || String(DEFAULT_PORT) },
    extend: (app) => registerDemoRoutes(app, { scriptDelayMs }),
  });
}
