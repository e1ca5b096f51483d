// The package's programmatic API (`import { startServer } from 'newsroom-comment-server'`); main.ts is its bin.
export { createCommentApp, startServer } from './app.js';
export type { CommentServerOptions } from './config.js';
