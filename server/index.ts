// The package's programmatic API (`import { startServer } from 'newsroom-comment-server'`); main.ts is its bin.
export { createCommentApp, startServer, type GeneratedAdminToken, type RunningServer, type StartOptions } from './app.js';
export type { CommentServerOptions } from './config.js';
export { escapeHtml } from './present/render.js';
