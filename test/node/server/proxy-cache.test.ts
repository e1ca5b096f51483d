// A real caching reverse proxy in front of the comment server (issue 17): nginx from Debian's packages, with the site
// documented in docs/nginx.md, on loopback. Many reads of a popular post reach the server a handful of times, a newly
// approved comment shows within max-age, and nothing private is ever stored or served.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Agent, get } from 'node:http';
import type { WpComment } from 'newsroom-comment-protocol';
import { startServer, type RunningServer } from '../../../server/app.js';
import { ADMIN_TOKEN, moderator, newComment } from '../support/comment-server.js';
import { openEventStream } from '../support/event-stream.js';
import { startNginx, type TestNginx } from '../support/nginx.js';

const MAX_AGE_SECONDS = 3;
const READS = 10_000;
const FIRST_PAGE = '/wp-json/wp/v2/comments?post=1&parent=0&per_page=25';
const HELD_WORD = 'heldforreview';

/** The nginx site of docs/nginx.md, pointed at the test's server, port and cache folder. */
function documentedSite(site: { upstream: string; listen: string; cacheDir: string }): string {
  const markdown = readFileSync(new URL('../../../docs/nginx.md', import.meta.url), 'utf8');
  const snippet = /```nginx\n([\s\S]*?)```/.exec(markdown)?.[1];
  assert.ok(snippet, 'docs/nginx.md has an nginx block');
  const replaced = snippet
    .replace('server 127.0.0.1:8787;', `server ${site.upstream};`)
    .replace('listen 80;', `listen ${site.listen};`)
    .replace('/var/cache/nginx/comments', site.cacheDir);
  assert.notEqual(replaced, snippet);
  return replaced;
}

/** GETs `url` `count` times over `connections` kept-alive connections; resolves with how many answered 200. */
async function readMany(url: string, count: number, connections: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let started = 0;
  let ok = 0;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const request = get(url, { agent, timeout: 10_000 }, (response) => {
        if (response.statusCode === 200) ok += 1;
        response.resume().once('end', resolve).once('error', reject);
      });
      request.once('timeout', () => request.destroy(new Error('read timed out'))).once('error', reject);
    });
  const worker = async () => {
    while (started < count) {
      started += 1;
      await once();
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
  return ok;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

let server: RunningServer;
let nginx: TestNginx;
let cacheDir = '';
const dataDir = mkdtempSync(join(tmpdir(), 'comments-proxy-'));
/** Requests the server received, by path and query. */
const received = new Map<string, number>();

before(async () => {
  server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      adminToken: ADMIN_TOKEN,
      logger: false,
      moderation: 'none',
      moderationKeywords: [HELD_WORD],
      floodSeconds: 0,
      trustedProxies: ['127.0.0.1'],
      cacheMaxAgeSeconds: MAX_AGE_SECONDS,
      cacheStaleSeconds: 30,
    },
    { extend: (app) => void app.server.on('request', (request) => received.set(request.url ?? '', (received.get(request.url ?? '') ?? 0) + 1)) },
  );
  nginx = await startNginx(new URL(server.url).host, (site) => {
    cacheDir = site.cacheDir;
    return documentedSite(site);
  });
});
after(async () => {
  await nginx?.stop();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const viaProxy = (path: string, headers: Record<string, string> = {}) => fetch(`${nginx.url}${path}`, { headers });
const direct = (path: string, init: RequestInit = {}) => fetch(`${server.url}/wp-json/wp/v2${path}`, init);
const post = async (body: unknown) =>
  (await (await direct('/comments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json()) as WpComment;

test('a popular first page: 10,000 reads through nginx reach the server a handful of times; a new approval shows within max-age; nothing private is stored', async (t) => {
  const secrets: string[] = [];
  for (let index = 0; index < 30; index += 1) await post(newComment({ post: 1 }));
  const held = await post(newComment({ post: 1, content: `Please ${HELD_WORD} this one.` }));
  assert.equal(held.status, 'hold');
  secrets.push(held.content.rendered, `Please ${HELD_WORD}`);
  const heldEmail = `held-${process.pid}@example.com`;
  secrets.push(heldEmail, '127.0.0.1');

  // Warm the cache with one read, then 10,000 over 20 kept-alive connections.
  assert.equal((await viaProxy(FIRST_PAGE)).status, 200, nginx.log());
  received.clear();
  const started = Date.now();
  assert.equal(await readMany(`${nginx.url}${FIRST_PAGE}`, READS, 20), READS, 'every read answered 200');
  const seconds = (Date.now() - started) / 1000;
  const reached = received.get(FIRST_PAGE) ?? 0;
  // One request per expiry of the cached copy, at most: nginx refreshes it in the background while serving the stale one.
  assert.ok(reached <= 1 + Math.ceil(seconds / MAX_AGE_SECONDS), `${reached} of ${READS} reads reached the server in ${seconds.toFixed(1)} s`);
  assert.ok(reached <= 5, `at most a handful: ${reached}`);
  t.diagnostic(`${READS} reads in ${seconds.toFixed(1)} s, ${reached} reached the server (hit ratio ${(1 - reached / READS).toFixed(4)})`);

  // A comment held for review never shows; once approved it shows within max-age (plus one background refresh).
  const late = await post({ ...newComment({ post: 1 }), author_email: heldEmail, content: `Late news, ${HELD_WORD}.` });
  assert.equal(late.status, 'hold');
  const cached = await viaProxy(FIRST_PAGE);
  assert.ok(!(await cached.text()).includes(`"id":${late.id},`), 'the held comment is not served');
  const approved = await direct(`/comments/${late.id}`, {
    method: 'POST',
    headers: { ...moderator, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'approved' }),
  });
  assert.equal(approved.status, 200);
  const approvedAt = Date.now();
  let shownAfter = Infinity;
  const deadline = approvedAt + (MAX_AGE_SECONDS + 5) * 1000;
  while (Date.now() < deadline) {
    const newestFirst = (await (await viaProxy(FIRST_PAGE)).json()) as WpComment[];
    if (newestFirst.some((comment) => comment.id === late.id)) {
      shownAfter = Date.now() - approvedAt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(shownAfter <= MAX_AGE_SECONDS * 1000 + 1000, `shown through the proxy ${shownAfter} ms after approval (max-age ${MAX_AGE_SECONDS} s)`);
  t.diagnostic(`the approved comment showed through the proxy ${shownAfter} ms after its approval (max-age ${MAX_AGE_SECONDS} s)`);

  // The moderator goes through the same proxy: answered by the server each time, never stored, never served to others.
  const another = await post(newComment({ post: 1, author_email: `other-${process.pid}@example.com`, content: `Second ${HELD_WORD} one.` }));
  secrets.push(`other-${process.pid}@example.com`, `Second ${HELD_WORD} one.`);
  const queue = '/wp-json/wp/v2/comments?post=1&status=hold&context=edit';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const asModerator = await viaProxy(queue, { Authorization: `Bearer ${ADMIN_TOKEN}` });
    assert.equal(asModerator.status, 200);
    assert.equal(asModerator.headers.get('X-Cache-Status'), 'BYPASS');
    assert.ok((await asModerator.text()).includes(`"id":${another.id},`));
  }
  assert.equal(received.get(queue), 3, 'every moderator read reached the server');
  const anonymous = await viaProxy(queue);
  assert.equal(anonymous.status, 401);
  assert.equal(((await anonymous.json()) as { code: string }).code, 'rest_forbidden_param', 'the queue is not served from the cache');
  const single = await viaProxy(`/wp-json/wp/v2/comments/${another.id}`);
  assert.equal(single.status, 401, 'a held comment is not served');
  const moderatorFirstPage = await viaProxy(`${FIRST_PAGE}&context=edit`, { Authorization: `Bearer ${ADMIN_TOKEN}` });
  assert.equal(moderatorFirstPage.status, 200);
  assert.equal((await viaProxy(`${FIRST_PAGE}&context=edit`)).status, 401, 'the edit context (with emails) is not served from the cache');

  // What nginx keeps on disk: public lists only, without any held text, email or address.
  const stored = filesUnder(cacheDir).map((file) => readFileSync(file, 'latin1'));
  assert.ok(stored.length > 0, 'the cache holds the public pages');
  for (const file of stored) {
    for (const secret of secrets) assert.ok(!file.includes(secret), `the cache holds ${secret}`);
    assert.doesNotMatch(file, /author_email|Authorization|Bearer/);
  }
  assert.doesNotMatch(nginx.log(), /\[(emerg|alert|crit)\]/);
});

test('the live stream passes through the documented site event by event, uncached', async () => {
  const stream = await openEventStream(`${nginx.url}/wp-json/wp/v2/comments/stream?post=21`);
  try {
    assert.equal(stream.status, 200);
    assert.equal(stream.headers['cache-control'], 'no-store');
    const created = await post(newComment({ post: 21 }));
    const event = await stream.next();
    assert.deepEqual([event.event, JSON.parse(event.data).id], ['comment', created.id]);
  } finally {
    stream.close();
  }
  // A refusal is not cached either.
  const refused = await viaProxy('/wp-json/wp/v2/comments/stream?post=abc');
  assert.equal(refused.status, 400);
  assert.notEqual(refused.headers.get('X-Cache-Status'), 'HIT');
});
