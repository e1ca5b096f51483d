// The comment server as the server benchmarks run it: a child process on a loopback port, the moderator's token
// known, every comment approved at once, no flood limit, no logs; and a run of a measurement on each storage.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresAvailable, startPostgres } from '../../test/node/support/postgres.ts';

const root = new URL('../../', import.meta.url).pathname;

/** The moderator's token: the benchmarks set it so that the server prints no generated one. */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** Starts `server/main.ts` with `env` over the benchmark settings; resolves with its URL and a way to stop it. */
export function startBenchServer(env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG: 'false', COMMENTS_ADMIN_TOKEN: BENCH_ADMIN_TOKEN, FLOOD_SECONDS: '0', MODERATION: 'none', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
      if (url) resolve({ url, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${printed}`)));
  });
}

/**
 * Runs `measure(storage, env)` on SQLite, then, when `postgres` is true and PostgreSQL is installed, on a throwaway
 * PostgreSQL database; each gets a data folder of its own. Resolves with the results in that order.
 */
export async function onEachStorage(name, measure, { postgres = true } = {}) {
  const results = [];
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  try {
    results.push(await measure('SQLite', { DATA_DIR: join(dataDir, 'sqlite') }));
    if (postgres && postgresAvailable()) {
      const cluster = await startPostgres();
      try {
        results.push(await measure('PostgreSQL', { DATA_DIR: join(dataDir, 'pg'), DATABASE_URL: await cluster.createDatabase('bench') }));
      } finally {
        cluster.destroy();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
