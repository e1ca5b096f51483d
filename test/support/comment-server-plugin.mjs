// A Web Test Runner plugin that runs the real comment server (server/app.ts) for the comment elements' browser tests.
// Nothing starts until a test asks `GET /__comment-server` (so stat-callout runs pay nothing); the answer is
// `{ url, adminToken }` of an instance on 127.0.0.1, a random port and a temporary SQLite folder, allowing the test
// page's origin. `?flood=KEY` gives a separate instance per KEY with WordPress's 15-second flood rule on (one per
// browser, since Chromium and Firefox run at the same time from the same address); the main one has it off.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export function commentServerPlugin() {
  const adminToken = randomBytes(24).toString('hex');
  const instances = new Map();

  async function start(origin, floodSeconds) {
    const { startServer } = await tsImport('../../server/app.ts', import.meta.url);
    const dataDir = mkdtempSync(join(tmpdir(), 'comment-server-'));
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      adminToken,
      allowedOrigins: [origin],
      moderation: 'first-time',
      floodSeconds,
      requireNameEmail: true,
    });
    return { ...server, dataDir };
  }

  return {
    name: 'comment-server',
    async serve(context) {
      if (context.path !== '/__comment-server') return undefined;
      const flood = typeof context.query.flood === 'string' ? context.query.flood : '';
      const name = flood ? `flood:${flood}` : 'main';
      if (!instances.has(name)) instances.set(name, start(context.origin, flood ? 15 : 0));
      const { url } = await instances.get(name);
      return { body: JSON.stringify({ url, adminToken }), type: 'json' };
    },
    async serverStop() {
      for (const pending of instances.values()) {
        const instance = await pending.catch(() => undefined);
        if (!instance) continue;
        await instance.close();
        rmSync(instance.dataDir, { recursive: true, force: true });
      }
    },
  };
}
