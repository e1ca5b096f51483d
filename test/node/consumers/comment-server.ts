// The comment server that the consumer apps' <comment-section> talks to. The one place that knows where the server
// comes from: today the project's own source (server/app.ts, through tsx); once the server is its own npm package,
// the installed package.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export interface CommentServer {
  /** The WordPress-compatible API base, for a comment element's `endpoint`. */
  endpoint: string;
  close(): Promise<void>;
}

/** Starts a comment server on a random loopback port, with an empty database, that answers pages of `pageOrigin`. */
export async function startCommentServer(pageOrigin: string): Promise<CommentServer> {
  const { startServer, API_PREFIX } = (await tsImport('../../../server/app.ts', import.meta.url)) as typeof import('../../../server/app.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'newsroom-consumer-comments-'));
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    allowedOrigins: [pageOrigin],
    adminToken: randomBytes(24).toString('base64url'), // else the server generates one and prints it
    logger: false,
  });
  return {
    endpoint: `${server.url}${API_PREFIX}`,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
