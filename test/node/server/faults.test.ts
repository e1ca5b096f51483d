// Fault injection and load against the real server processes: kill -9 during a burst of POSTs, SIGTERM draining,
// two processes sharing one PostgreSQL, PostgreSQL restarted under load, 50 concurrent posters with retries.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { CommentServerOptions } from '../../../server/app.js';
import type { WpComment, WpCommentCreated, WpError } from 'newsroom-comment-protocol';
import { moderator, newComment, spawnServerProcess, startTestServer } from '../support/comment-server.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

let cluster: TestPostgres;
let schemas = 0;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'comments-faults-'));
  dirs.push(dir);
  return dir;
};
const freshSchema = async () => {
  schemas += 1;
  return cluster.createSchema(`faults_${schemas}`);
};

before(async () => {
  cluster = await startPostgres();
});
after(() => {
  cluster?.destroy();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

const postTo = (url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${url}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal,
  });

/** Every stored comment, all statuses, read as the moderator. */
async function everyComment(url: string): Promise<WpComment[]> {
  const comments: WpComment[] = [];
  for (const status of ['approved', 'hold', 'spam', 'trash']) {
    for (let page = 1; ; page += 1) {
      const response = await fetch(`${url}/wp-json/wp/v2/comments?status=${status}&per_page=100&page=${page}&context=edit`, {
        headers: moderator,
      });
      comments.push(...((await response.json()) as WpComment[]));
      if (page >= Number(response.headers.get('X-WP-TotalPages'))) break;
    }
  }
  return comments;
}

/** Polls /healthz until the server answers ok again (the database came back); fails after `seconds`. */
async function healthy(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/healthz`).catch(() => undefined);
    if (response?.status === 200) return;
    await delay(100);
  }
  assert.fail(`${url} did not become healthy within ${seconds} s`);
}

/** Fresh storage, as environment variables for a server process and as options for an in-process server. */
interface Storage {
  env: Record<string, string>;
  options: CommentServerOptions;
}
const storages: [string, () => Promise<Storage>][] = [
  [
    'SQLite',
    async () => {
      const dataDir = tempDir();
      return { env: { DATA_DIR: dataDir }, options: { dataDir } };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const dataDir = tempDir();
      const databaseUrl = await freshSchema();
      return { env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, options: { dataDir, databaseUrl } };
    },
  ],
];
const relaxed = { FLOOD_SECONDS: '0', MODERATION: 'none' };

for (const [name, freshStorage] of storages) {
  describe(`faults on ${name}`, () => {
    it('keeps every comment answered 201 exactly once across kill -9 during a burst of POSTs', async () => {
      const storage = await freshStorage();
      const first = await spawnServerProcess({ ...storage.env, ...relaxed });
      const bodies = Array.from({ length: 60 }, (_, index) => newComment({ content: `Burst comment ${index} from ${name}.` }));
      let answered = 0;
      let killed = false;
      const results = await Promise.all(
        bodies.map(async (body, index) => {
          try {
            const response = await postTo(first.url, body, { 'Idempotency-Key': `burst-${index}` });
            const created = response.status === 201 ? ((await response.json()) as WpComment) : undefined;
            answered += 1;
            // Kill the process mid-burst, while other requests are still in flight.
            if (answered === 15 && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
            }
            return created;
          } catch {
            return undefined; // the connection died with the process: no answer, so no promise was made
          }
        }),
      );
      if (!killed) first.child.kill('SIGKILL');
      assert.equal(await first.exited, null, 'killed by a signal');
      const confirmed = results.filter((created): created is WpComment => created !== undefined);
      assert.ok(confirmed.length >= 15, `${confirmed.length} comments were answered 201 before the kill`);

      const restarted = await startTestServer({ ...storage.options, moderation: 'none', floodSeconds: 0 });
      try {
        const stored = await everyComment(restarted.url);
        for (const created of confirmed) {
          const copies = stored.filter((comment) => comment.content.rendered === created.content.rendered);
          assert.equal(copies.length, 1, `comment ${created.id} is stored exactly once`);
          assert.equal(copies[0].id, created.id);
        }
        // Clients retry what got no answer, with the same keys: nothing is duplicated, nothing is lost.
        const retried = await Promise.all(
          bodies.map((body, index) => postTo(restarted.url, body, { 'Idempotency-Key': `burst-${index}` })),
        );
        assert.deepEqual(new Set(retried.map((response) => response.status)), new Set([201]));
        const final = await everyComment(restarted.url);
        assert.equal(final.length, bodies.length);
        assert.equal(new Set(final.map((comment) => comment.content.rendered)).size, bodies.length);
      } finally {
        await restarted.close();
      }
    });

    it('drains in-flight requests on SIGTERM, closes the database and exits 0', async () => {
      const storage = await freshStorage();
      const server = await spawnServerProcess({ ...storage.env, ...relaxed });
      const bodies = Array.from({ length: 20 }, () => newComment());
      let stopped = false;
      const results = await Promise.all(
        bodies.map(async (body) => {
          const response = await postTo(server.url, body).catch(() => undefined);
          if (!stopped) {
            stopped = true;
            server.child.kill('SIGTERM');
          }
          return response && response.status === 201 ? ((await response.json()) as WpComment) : undefined;
        }),
      );
      assert.equal(await server.exited, 0, server.output());
      const confirmed = results.filter((created): created is WpComment => created !== undefined);
      const again = await startTestServer({ ...storage.options, moderation: 'none', floodSeconds: 0 });
      try {
        const stored = new Set((await everyComment(again.url)).map((comment) => comment.id));
        for (const created of confirmed) assert.ok(stored.has(created.id), `comment ${created.id} was kept`);
      } finally {
        await again.close();
      }
    });

    it('loses and duplicates nothing with 50 concurrent posters retrying with idempotency keys', async () => {
      const { options } = await freshStorage();
      const server = await startTestServer({ ...options, moderation: 'none', floodSeconds: 0, trustedProxies: ['127.0.0.1'] });
      try {
        const perPoster = 2;
        const posted = await Promise.all(
          Array.from({ length: 50 }, async (_, poster) => {
            const ids: number[] = [];
            for (let index = 0; index < perPoster; index += 1) {
              const body = newComment({ content: `Poster ${poster}, comment ${index}.` });
              const headers = { 'Idempotency-Key': `poster-${poster}-${index}`, 'X-Forwarded-For': `10.0.${poster}.1` };
              // The first attempt may be cut off at any moment, as a flaky mobile connection would; the poster then
              // retries with the same key until it gets an answer, sometimes sending two copies at once.
              const controller = new AbortController();
              const cutoff = setTimeout(() => controller.abort(), Math.floor(Math.random() * 4));
              await postTo(server.url, body, headers, controller.signal).catch(() => undefined);
              clearTimeout(cutoff);
              const [answer, copy] = await Promise.all([postTo(server.url, body, headers), postTo(server.url, body, headers)]);
              assert.equal(answer.status, 201, JSON.stringify(await answer.clone().json()));
              // The edit token is given once, to whichever request created the comment; the rest is the same answer.
              const shown = ({ edit_token: _token, edit_until: _until, ...comment }: WpCommentCreated): WpComment => comment;
              const created = shown((await answer.json()) as WpCommentCreated);
              assert.deepEqual(shown((await copy.json()) as WpCommentCreated), created, 'a retry gets the first response');
              ids.push(created.id);
            }
            return ids;
          }),
        );
        const stored = await everyComment(server.url);
        assert.equal(stored.length, 50 * perPoster, 'no duplicate and no lost comment');
        assert.deepEqual(
          stored.map((comment) => comment.id).sort((a, b) => a - b),
          posted.flat().sort((a, b) => a - b),
        );
      } finally {
        await server.close();
      }
    });
  });
}

describe('several processes on one PostgreSQL', () => {
  it('enforce one flood limit between them', async () => {
    const env = { DATABASE_URL: await freshSchema(), DATA_DIR: tempDir(), FLOOD_SECONDS: '15', TRUSTED_PROXIES: '127.0.0.1' };
    const started = await Promise.allSettled([spawnServerProcess(env), spawnServerProcess(env)]);
    const running = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    if (running.length < started.length) {
      // One failed to start: stop the other, or it would keep this test file from ending.
      for (const server of running) server.child.kill('SIGTERM');
      await Promise.all(running.map((server) => server.exited));
      throw started.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []))[0];
    }
    const [a, b] = running;
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    try {
      assert.equal((await postTo(a.url, newComment(), from('203.0.113.1'))).status, 201);
      const second = await postTo(b.url, newComment(), from('203.0.113.1'));
      assert.equal(second.status, 429, 'the other process knows about the first comment');
      assert.equal(((await second.json()) as WpError).code, 'comment_flood');

      // Simultaneous posts from one reader address spread over both processes: exactly one is accepted.
      const racing = await Promise.all(
        Array.from({ length: 16 }, (_, index) => postTo(index % 2 ? a.url : b.url, newComment(), from('203.0.113.2'))),
      );
      const statuses = racing.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join());
      assert.equal(statuses.filter((status) => status === 429).length, 15, statuses.join());
    } finally {
      for (const server of [a, b]) server.child.kill('SIGTERM');
      await Promise.all([a.exited, b.exited]);
    }
  });

  it('report errors cleanly while PostgreSQL restarts under load, then recover on their own', async () => {
    const server = await startTestServer({
      dataDir: tempDir(),
      databaseUrl: await freshSchema(),
      moderation: 'none',
      floodSeconds: 0,
    });
    try {
      const confirmed: WpComment[] = [];
      const waiting: { count: number; resolve: () => void }[] = [];
      const confirmedAtLeast = (count: number) =>
        new Promise<void>((resolve) => (confirmed.length >= count ? resolve() : waiting.push({ count, resolve })));
      let sawUnavailable: () => void = () => undefined;
      const unavailable = new Promise<void>((resolve) => (sawUnavailable = resolve));
      let running = true;
      const load = Promise.all(
        Array.from({ length: 6 }, async (_, worker) => {
          for (let index = 0; running; index += 1) {
            const response =
              index % 2
                ? await server.get('/comments?per_page=5')
                : await postTo(server.url, newComment({ content: `Worker ${worker} comment ${index}.` }));
            const body = await response.json();
            if (response.status === 201) {
              confirmed.push(body as WpComment);
              waiting.filter(({ count }) => confirmed.length >= count).forEach(({ resolve }) => resolve());
            }
            if (response.status >= 500) {
              assert.equal(response.status, 503, JSON.stringify(body));
              assert.equal((body as WpError).code, 'rest_storage_unavailable');
              assert.ok(response.headers.get('Retry-After'));
              sawUnavailable();
            }
          }
        }),
      );
      // Let the load run against a healthy database, then restart the database underneath it.
      await confirmedAtLeast(10);
      cluster.stop('fast');
      assert.equal((await fetch(`${server.url}/healthz`)).status, 503);
      await unavailable;
      cluster.start();
      await healthy(server.url, 30);
      await confirmedAtLeast(confirmed.length + 10);
      running = false;
      await load;

      const stored = new Set((await everyComment(server.url)).map((comment) => comment.id));
      for (const created of confirmed) assert.ok(stored.has(created.id), `comment ${created.id} survived the restart`);
    } finally {
      cluster.start();
      await server.close();
    }
  });
});
