// The demo article and its comment server (`npm start`), started in this process on a loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts the demo with a throwaway SQLite directory; `scriptDelayMs` holds its scripts back. */
export async function startBenchDemo({ scriptDelayMs = 0 } = {}) {
  // The demo is TypeScript: tsx loads it in this process.
  const { register } = await import('tsx/esm/api');
  register();
  const { startDemo } = await import('../../demo/server/app.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-demo-'));
  const { url, app } = await startDemo({ host: '127.0.0.1', port: 0, scriptDelayMs, dataDir, adminToken: 'bench-admin-token-not-secret-0123456789', floodSeconds: 0 });
  return {
    origin: url.replace('//localhost:', '//127.0.0.1:'),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
