// A throwaway PostgreSQL cluster for tests: a temp data dir, a free loopback port, started and stopped with pg_ctl.
// initdb and postgres refuse to run as root, so as root they run as the `postgres` user (Debian's package).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import pg from 'pg';
import { postgresBin } from '../../support/requirements.mjs';

// PG_BIN, else Debian's newest; `npm test` checks it is there before any test starts.
const BIN = postgresBin();

export interface TestPostgres {
  /** `postgres://…` of the cluster's default database. */
  url: string;
  port: number;
  /** Creates an empty database and returns its URL (one per test suite keeps suites independent). */
  createDatabase(name: string): Promise<string>;
  /** Creates an empty schema and returns a URL whose connections use it (faster than a database). */
  createSchema(name: string): Promise<string>;
  /** Stops the server (`immediate` = crash-like, no checkpoint). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stops the server and removes its files. */
  destroy(): void;
}

export const postgresAvailable = (): boolean => BIN !== undefined && existsSync(join(BIN, 'pg_ctl'));

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function asPostgresUser(command: string, args: string[]): void {
  if (!BIN) throw new Error('No PostgreSQL: install Debian\'s postgresql package or set PG_BIN to the folder of pg_ctl');
  const [file, argv] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]] : [join(BIN, command), args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function startPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'comments-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asPostgresUser('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let running = false;
  const start = () => {
    if (running) return;
    asPostgresUser('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
    running = true;
  };
  const stop = (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    asPostgresUser('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    running = false;
  };
  start();
  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    async createSchema(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `${url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    stop,
    start,
    destroy() {
      stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The PostgreSQL storage of a test file's suites: one throwaway cluster, started before the tests of the file (or of
 * the describe it is called in) and destroyed after them, and on each call a fresh schema named `<name>_<n>`.
 */
export function freshPostgresSchemas(name: string): () => Promise<{ dataDir: string; databaseUrl: string }> {
  let cluster: TestPostgres | undefined;
  let schemas = 0;
  const dataDir = mkdtempSync(join(tmpdir(), `comments-${name}-pg-`));
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => {
    cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return async () => {
    schemas += 1;
    return { dataDir, databaseUrl: await cluster!.createSchema(`${name}_${schemas}`) };
  };
}
