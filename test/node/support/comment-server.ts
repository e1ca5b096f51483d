// Starts the real comment server on a loopback port for a test, on a temp SQLite file or a given PostgreSQL URL.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import pg from 'pg';
import { startServer, type CommentServerOptions } from '../../../server/app.js';
import type { WpComment, WpCommentCreate } from 'newsroom-comment-protocol';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestCommentServer {
  url: string;
  api: string;
  dataDir: string;
  /** POSTs a JSON body (any value, so malformed bodies can be sent) to /wp-json/wp/v2/comments. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** GETs a path under /wp-json/wp/v2. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Every comment in every status, read as the moderator. */
  all(post?: number): Promise<WpComment[]>;
  close(): Promise<void>;
}

export const moderator = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export async function startTestServer(options: CommentServerOptions = {}): Promise<TestCommentServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'comments-'));
  const server = await startServer({ host: '127.0.0.1', port: 0, adminToken: ADMIN_TOKEN, logger: false, ...options, dataDir });
  const api = `${server.url}/wp-json/wp/v2`;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api}${path}`, { headers });
  return {
    url: server.url,
    api,
    dataDir,
    post: (body, headers = {}) =>
      fetch(`${api}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get,
    async all(post) {
      const comments: WpComment[] = [];
      for (const status of ['approved', 'hold', 'spam', 'trash']) {
        for (let page = 1; ; page += 1) {
          const response = await get(`/comments?status=${status}&per_page=100&page=${page}${post ? `&post=${post}` : ''}`, moderator);
          const batch = (await response.json()) as WpComment[];
          comments.push(...batch);
          if (page >= Number(response.headers.get('X-WP-TotalPages'))) break;
        }
      }
      return comments;
    },
    async close() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Test servers of one describe block: each call starts one, and those still open when the block ends are closed then
 * (one the test closes itself is forgotten).
 */
export function suiteServers(): (options?: CommentServerOptions) => Promise<TestCommentServer> {
  const open = new Set<TestCommentServer>();
  after(() => Promise.all([...open].map((server) => server.close())));
  return async (options = {}) => {
    const server = await startTestServer(options);
    const tracked: TestCommentServer = {
      ...server,
      close: () => {
        open.delete(tracked);
        return server.close();
      },
    };
    open.add(tracked);
    return tracked;
  };
}

/**
 * Runs one SQL statement straight on the server's database (SQLite in `dataDir`, or `databaseUrl`), with `$1`-style
 * parameters: to check what the server keeps, not what it answers, or to plant rows as an older version left them.
 */
export async function queryDatabase(options: CommentServerOptions, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(options.dataDir ?? '', 'comments.db'));
  try {
    const statement = db.prepare(sql.replace(/\$\d+/g, '?'));
    return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), []);
  } finally {
    db.close();
  }
}

let sequence = 0;
/** A valid new comment; each call gets a different author and text unless overridden. */
export function newComment(overrides: Partial<WpCommentCreate> & Record<string, unknown> = {}): WpCommentCreate {
  sequence += 1;
  return {
    post: 1,
    author_name: `Reader ${sequence}`,
    author_email: `reader${sequence}-${process.pid}@example.com`,
    content: `Comment number ${sequence}.`,
    ...overrides,
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the process printed, for failure messages. */
  output(): string;
}

/** A command that runs the server's bin. */
export interface ServerProgram {
  file: string;
  args: string[];
  cwd: string;
}

/** `server/main.ts` from source, as `npm run server` runs it. */
const FROM_SOURCE: ServerProgram = {
  file: process.execPath,
  args: ['--import', 'tsx', 'server/main.ts'],
  cwd: new URL('../../../', import.meta.url).pathname,
};

/** Runs the server's bin (from source unless another program is given) as a separate process; waits until it listens. */
export function spawnServerProcess(env: Record<string, string>, program: ServerProgram = FROM_SOURCE): Promise<ServerProcess> {
  const child = spawn(program.file, program.args, {
    cwd: program.cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', COMMENTS_ADMIN_TOKEN: ADMIN_TOKEN, LOG: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
      if (url) {
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => (printed += more.toString()));
        resolve({ url, child, exited, output: () => printed });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${printed}`)));
  });
}
