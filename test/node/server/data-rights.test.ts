// Data rights (#18, docs/data-rights.md) on SQLite and on PostgreSQL, through the real HTTP server: a moderator finds,
// exports and erases an address's comments; IP addresses are erased after IP_RETENTION_DAYS by the server itself.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { WpComment, WpCommentCreate, WpError } from 'newsroom-comment-protocol';
import type { CommentServerOptions } from '../../../server/app.js';
import { ConfigError, resolveOptions } from '../../../server/config.js';
import { ADMIN_TOKEN, moderator, newComment, queryDatabase, startTestServer, suiteServers, type TestCommentServer } from '../support/comment-server.js';
import { openEventStream, type StreamEvent, type TestEventStream } from '../support/event-stream.js';
import { freshPostgresSchemas } from '../support/postgres.js';

type FreshStorage = () => Promise<CommentServerOptions>;

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 0, 5, 12);

const dataApi = (server: TestCommentServer) => `${server.url}/wp-json/newsroom/v1/data`;
const dataPost = (server: TestCommentServer, path: string, body: unknown, headers: Record<string, string> = moderator) =>
  fetch(`${dataApi(server)}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function created(response: Response): Promise<WpComment> {
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as WpComment;
}

/** A comment row as stored, the way both databases give it back (PostgreSQL's BIGINT as a string). */
interface Row {
  id: number;
  parent: number;
  author_name: string;
  author_email: string;
  author_url: string;
  author_ip: string;
  content: string;
  status: string;
  sender: string | null;
  duplicate_key: string | null;
  edit_token_hash: string | null;
}
const COLUMNS = 'id, parent, author_name, author_email, author_url, author_ip, content, status, sender, duplicate_key, edit_token_hash';

async function rows(storage: CommentServerOptions): Promise<Map<number, Row>> {
  const found = (await queryDatabase(storage, `SELECT ${COLUMNS} FROM comments ORDER BY id`)) as unknown as Row[];
  return new Map(found.map((row) => [Number(row.id), { ...row, id: Number(row.id), parent: Number(row.parent) }]));
}

async function idempotencyRecords(storage: CommentServerOptions): Promise<number[]> {
  const found = await queryDatabase(storage, 'SELECT comment_id FROM idempotency_keys ORDER BY comment_id');
  return found.map((row) => Number(row.comment_id));
}

/** Waits for the next `count` events of a stream. */
async function nextEvents(stream: TestEventStream, count: number): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  while (events.length < count) events.push(await stream.next(20_000));
  return events;
}

/** Resolves once `check` holds (re-read every 20 ms), or fails after 20 s: for work the server does on its own. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function dataRightsSuite(name: string, fresh: FreshStorage): void {
  describe(`data rights on ${name}`, () => {
    const start = suiteServers();
    /** A server whose clock the test moves; each author posts from an address of their own (behind a trusted proxy). */
    const serve = async (options: CommentServerOptions = {}) => {
      const storage = await fresh();
      let clock = START;
      const server = await start({
        moderation: 'none',
        moderationKeywords: ['later'],
        floodSeconds: 60,
        trustedProxies: ['127.0.0.1'],
        now: () => clock,
        ...storage,
        ...options,
      });
      /** Posts as the reader at `ip`, a minute after the previous post (outside the flood window). */
      const post = async (ip: string, body: WpCommentCreate, headers: Record<string, string> = {}) => {
        clock += 61_000;
        return created(await server.post(body, { 'X-Forwarded-For': ip, ...headers }));
      };
      return { server, storage, post, advance: (ms: number) => (clock += ms), now: () => clock };
    };

    it('answers only a moderator, privately, in WordPress error shapes, and takes no address in a URL', async () => {
      const { server } = await serve();
      const requests: [string, unknown][] = [
        ['/comments', { email: 'a@example.com' }],
        ['/export', { email: 'a@example.com' }],
        ['/erase', { email: 'a@example.com', mode: 'delete' }],
      ];
      for (const [path, body] of requests) {
        const strangers: Record<string, string>[] = [{}, { Authorization: `Bearer ${ADMIN_TOKEN}x` }, { Authorization: ADMIN_TOKEN }];
        for (const headers of strangers) {
          const refused = await dataPost(server, path, body, headers);
          assert.equal(refused.status, 401, path);
          assert.equal(refused.headers.get('Cache-Control'), 'private, no-store');
          const error = (await refused.json()) as WpError;
          assert.deepEqual(error, { code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } });
        }
      }
      const lookupInUrl = await fetch(`${dataApi(server)}/comments?email=a@example.com`, { headers: moderator });
      assert.equal(lookupInUrl.status, 404);
      assert.equal(((await lookupInUrl.json()) as WpError).code, 'rest_no_route');
      const form = await fetch(`${dataApi(server)}/erase`, { method: 'POST', headers: { ...moderator, 'Content-Type': 'text/plain' }, body: '{}' });
      assert.equal(form.status, 415);
      for (const email of ['', '   ', 'no-at-sign', 'two words@example.com']) {
        const invalid = await dataPost(server, '/erase', { email, mode: 'delete' });
        assert.equal(invalid.status, 400, JSON.stringify(email));
        assert.equal(((await invalid.json()) as WpError).code, 'rest_invalid_param');
      }
      const badMode = await dataPost(server, '/erase', { email: 'a@example.com', mode: 'shred' });
      assert.equal(((await badMode.json()) as WpError).data.params?.mode, 'mode is not one of anonymise, delete.');
      const wrongType = await dataPost(server, '/comments', { email: 'a@example.com', page: '2' });
      assert.equal(wrongType.status, 400, 'a JSON body must carry the right types');
    });

    it('finds every comment of an address, exactly and case-insensitively, oldest first and paged', async () => {
      const { server, post } = await serve();
      const mine = [
        await post('203.0.113.1', newComment({ author_email: 'Reader@Example.com' })),
        await post('203.0.113.1', newComment({ author_email: 'reader@example.com', content: 'Hold this for later.', post: 2 })),
        await post('203.0.113.1', newComment({ author_email: 'READER@EXAMPLE.COM' })),
      ];
      assert.equal(mine[1].status, 'hold');
      for (const other of ['xreader@example.com', 'reader@example.com.evil', 'reader@example.co']) {
        await post('203.0.113.2', newComment({ author_email: other }));
      }
      const first = await dataPost(server, '/comments', { email: 'rEADER@example.COM', per_page: 2 });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('Cache-Control'), 'private, no-store');
      assert.equal(first.headers.get('X-WP-Total'), '3');
      assert.equal(first.headers.get('X-WP-TotalPages'), '2');
      const second = await dataPost(server, '/comments', { email: 'reader@example.com', per_page: 2, page: 2 });
      const found = [...((await first.json()) as WpComment[]), ...((await second.json()) as WpComment[])];
      assert.deepEqual(
        found.map((comment) => [comment.id, comment.status, (comment as WpComment & { author_email: string }).author_email]),
        [
          [mine[0].id, 'approved', 'Reader@Example.com'],
          [mine[1].id, 'hold', 'reader@example.com'],
          [mine[2].id, 'approved', 'READER@EXAMPLE.COM'],
        ],
      );
      assert.ok(!JSON.stringify(found).includes('203.0.113'), 'the lookup shows no IP address');
      const beyond = await dataPost(server, '/comments', { email: 'reader@example.com', per_page: 2, page: 3 });
      assert.equal(((await beyond.json()) as WpError).code, 'rest_comment_invalid_page_number');
      const none = await dataPost(server, '/comments', { email: 'nobody@example.com' });
      assert.deepEqual(await none.json(), []);
      assert.equal(none.headers.get('X-WP-Total'), '0');
    });

    it('exports an address’s comments as a JSON file with the stored email and IP address', async () => {
      const { server, post, now } = await serve();
      const top = await post('203.0.113.7', newComment({ author_email: 'Ann@Example.com', author_url: 'https://ann.example/', content: 'Plain <b>text</b>' }));
      const reply = await post('203.0.113.8', newComment({ author_email: 'ann@example.com', parent: top.id, content: 'Keep it for later.' }));
      await post('203.0.113.9', newComment({ author_email: 'bob@example.com' }));
      const response = await dataPost(server, '/export', { email: 'ANN@example.com' });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
      assert.equal(response.headers.get('Content-Disposition'), `attachment; filename="comment-data-${new Date(now()).toISOString().slice(0, 10)}.json"`);
      assert.equal(response.headers.get('Cache-Control'), 'private, no-store');
      const document = (await response.json()) as Record<string, unknown>;
      assert.deepEqual(document, {
        format: 'newsroom-comment-data',
        version: 1,
        email: 'ANN@example.com',
        exported_gmt: new Date(now()).toISOString().slice(0, 19),
        comments: [
          {
            id: top.id,
            post: 1,
            parent: 0,
            status: 'approved',
            date_gmt: top.date_gmt,
            author_name: top.author_name,
            author_email: 'Ann@Example.com',
            author_url: 'https://ann.example/',
            author_ip: '203.0.113.7',
            content: 'Plain <b>text</b>',
            link: `/?p=1#comment-${top.id}`,
          },
          {
            id: reply.id,
            post: 1,
            parent: top.id,
            status: 'hold',
            date_gmt: reply.date_gmt,
            author_name: reply.author_name,
            author_email: 'ann@example.com',
            author_url: '',
            author_ip: '203.0.113.8',
            content: 'Keep it for later.',
            link: `/?p=1#comment-${reply.id}`,
          },
        ],
      });
    });

    it('anonymises: text and threads stay, the author and every key derived from them go, readers see the edit', async () => {
      const { server, storage, post } = await serve();
      const ann = { author_email: 'ann@example.com', author_name: 'Ann Example', author_url: 'https://ann.example/' };
      const a1 = await post('203.0.113.1', newComment({ ...ann, post: 5 }), { 'Idempotency-Key': 'ann-first' });
      const b1 = await post('203.0.113.2', newComment({ post: 5, parent: a1.id, author_email: 'bob@example.com' }), { 'Idempotency-Key': 'bob-first' });
      const a2 = await post('203.0.113.1', newComment({ ...ann, author_email: 'ANN@example.com', post: 5, parent: b1.id }));
      const c1 = await post('203.0.113.3', newComment({ post: 6 }));
      const a3 = await post('203.0.113.1', newComment({ ...ann, post: 5, content: 'Held until later.' }));
      // As things stand, Ann's next comment meets the duplicate rule, then the flood rule.
      const again = newComment({ ...ann, post: 5, content: (await dataExport(server, 'ann@example.com')).comments[0].content });
      assert.equal((await server.post(again, { 'X-Forwarded-For': '203.0.113.1' })).status, 409);
      assert.equal((await server.post(newComment({ ...ann, post: 5 }), { 'X-Forwarded-For': '203.0.113.1' })).status, 429);

      const before = await rows(storage);
      const stream = await openEventStream(`${server.api}/comments/stream?post=5`);
      try {
        const response = await dataPost(server, '/erase', { email: 'Ann@Example.COM', mode: 'anonymise', anonymous_name: ' Utilisateur supprimé ' });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('Cache-Control'), 'private, no-store');
        assert.deepEqual(await response.json(), { mode: 'anonymise', comments: 3, reparented: 0, idempotency_keys: 1 });
        const events = await nextEvents(stream, 2);
        assert.deepEqual(
          events.map((event) => [event.event, JSON.parse(event.data).id, JSON.parse(event.data).author_name, JSON.parse(event.data).author_url]),
          [
            ['edited', a1.id, 'Utilisateur supprimé', ''],
            ['edited', a2.id, 'Utilisateur supprimé', ''],
          ],
          'an event for each shown comment, none for the held one',
        );
      } finally {
        stream.close();
      }

      const afterwards = await rows(storage);
      for (const id of [a1.id, a2.id, a3.id]) {
        const was = before.get(id)!;
        assert.deepEqual(afterwards.get(id), {
          ...was,
          author_name: 'Utilisateur supprimé',
          author_email: '',
          author_url: '',
          author_ip: '',
          sender: null,
          duplicate_key: '',
          edit_token_hash: null,
        });
      }
      for (const id of [b1.id, c1.id]) assert.deepEqual(afterwards.get(id), before.get(id), 'other people’s comments are untouched');
      assert.deepEqual(await idempotencyRecords(storage), [b1.id]);
      const thread = (await (await server.get(`/comments?post=5&parent=${b1.id}`)).json()) as WpComment[];
      assert.deepEqual(thread.map((comment) => [comment.id, comment.author_name]), [[a2.id, 'Utilisateur supprimé']]);
      assert.deepEqual(await (await dataPost(server, '/comments', { email: 'ann@example.com' })).json(), []);

      // Nothing stale blocks the address: the same text, from the same network, at the same moment, is a new comment.
      assert.equal((await server.post(again, { 'X-Forwarded-For': '203.0.113.1' })).status, 201);

      // The start-up backfill of missing keys leaves the anonymised comments as they are.
      await server.close();
      const restarted = await startTestServer(storage);
      try {
        const reopened = await rows(storage);
        for (const id of [a1.id, a2.id, a3.id]) assert.deepEqual(reopened.get(id), afterwards.get(id));
      } finally {
        await restarted.close();
      }
    });

    it('deletes: the comments go, replies move up to the nearest remaining ancestor (as WordPress), readers see both', async () => {
      const { server, storage, post } = await serve();
      const ann = { author_email: 'ann@example.com', author_name: 'Ann', post: 5 };
      const a1 = await post('203.0.113.1', newComment(ann), { 'Idempotency-Key': 'ann-first' });
      const b1 = await post('203.0.113.2', newComment({ post: 5, parent: a1.id }));
      const a2 = await post('203.0.113.1', newComment({ ...ann, parent: a1.id }));
      const b2 = await post('203.0.113.2', newComment({ post: 5, parent: a2.id, content: 'A reply held for later.' }));
      const b3 = await post('203.0.113.2', newComment({ post: 5, parent: b1.id }));
      const c1 = await post('203.0.113.3', newComment({ post: 6 }), { 'Idempotency-Key': 'carl-first' });
      const a3 = await post('203.0.113.1', newComment({ ...ann, parent: b3.id, content: 'Ann, held for later.' }));
      const again = newComment({ ...ann, content: (await dataExport(server, 'ann@example.com')).comments[0].content });
      assert.equal((await server.post(again, { 'X-Forwarded-For': '203.0.113.1' })).status, 409);
      assert.equal((await server.post(newComment(ann), { 'X-Forwarded-For': '203.0.113.1' })).status, 429);

      const before = await rows(storage);
      const stream = await openEventStream(`${server.api}/comments/stream?post=5`);
      try {
        const response = await dataPost(server, '/erase', { email: 'ANN@example.com', mode: 'delete' });
        assert.deepEqual(await response.json(), { mode: 'delete', comments: 3, reparented: 2, idempotency_keys: 1 });
        const events = await nextEvents(stream, 3);
        assert.deepEqual(
          events.map((event) => [event.event, JSON.parse(event.data).id, JSON.parse(event.data).parent]),
          [
            // b1 moves up to the top level; a1 goes; b2 (held: no event) moves up too; a2 goes; a3 (held) goes unseen.
            ['edited', b1.id, 0],
            ['removed', a1.id, undefined],
            ['removed', a2.id, undefined],
          ],
        );
      } finally {
        stream.close();
      }
      const afterwards = await rows(storage);
      for (const id of [a1.id, a2.id, a3.id]) assert.equal(afterwards.has(id), false);
      assert.deepEqual(afterwards.get(b1.id), { ...before.get(b1.id)!, parent: 0 });
      assert.deepEqual(afterwards.get(b2.id), { ...before.get(b2.id)!, parent: 0 }, 'a2 → a1 → top level');
      for (const id of [b3.id, c1.id]) assert.deepEqual(afterwards.get(id), before.get(id));
      assert.deepEqual(await idempotencyRecords(storage), [c1.id]);
      assert.equal((await server.post(again, { 'X-Forwarded-For': '203.0.113.1' })).status, 201);
      const second = await dataPost(server, '/erase', { email: 'nobody@example.com', mode: 'delete' });
      assert.deepEqual(await second.json(), { mode: 'delete', comments: 0, reparented: 0, idempotency_keys: 0 });
      // The audit log says who erased what, and never the address.
      const audit = await fetch(`${server.url}/wp-json/newsroom/v1/moderation/audit`, { headers: moderator });
      const entries = ((await audit.json()) as { items: Array<{ moderator: string; action: string; summary: string }> }).items;
      assert.deepEqual(
        entries.filter((entry) => entry.action === 'erase').map(({ moderator: label, summary }) => [label, summary]),
        [
          ['admin', "delete 0 comments at their author's request, moving 0 replies up"],
          ['admin', "delete 3 comments at their author's request, moving 2 replies up"],
        ],
      );
      assert.ok(!JSON.stringify(entries).toLowerCase().includes('ann@example.com'));
    });

    it('erases IP addresses older than IP_RETENTION_DAYS, at start and every hour, and nothing newer', async (t) => {
      // The hourly timer is mocked (the clock is the server's `now`); everything else runs on real timers.
      t.mock.timers.enable({ apis: ['setInterval'] });
      const { server, storage, post, advance } = await serve({ ipRetentionDays: 30 });
      const old = await post('203.0.113.1', newComment({ author_email: 'ann@example.com' }));
      advance(2 * DAY_MS);
      const recent = await post('2001:db8:1:2::5', newComment({ author_email: 'ann@example.com' }));
      advance(28 * DAY_MS);
      const fresh = await post('203.0.113.2', newComment({ author_email: 'bob@example.com' }));
      // Now the first comment is a little over 30 days old, the second a little over 28.
      const addresses = async () =>
        new Map([...(await rows(storage)).values()].map((row) => [row.id, [row.author_ip, row.sender]]));
      assert.deepEqual(await addresses(), new Map([
        [old.id, ['203.0.113.1', '203.0.113.1']],
        [recent.id, ['2001:db8:1:2::5', '2001:db8:1:2::/64']],
        [fresh.id, ['203.0.113.2', '203.0.113.2']],
      ]));
      t.mock.timers.tick(60 * 60 * 1000);
      await until(async () => (await addresses()).get(old.id)?.[0] === '', 'the hourly job ran');
      assert.deepEqual(await addresses(), new Map([
        [old.id, ['', null]],
        [recent.id, ['2001:db8:1:2::5', '2001:db8:1:2::/64']],
        [fresh.id, ['203.0.113.2', '203.0.113.2']],
      ]));
      const exported = await dataExport(server, 'ann@example.com');
      assert.deepEqual(exported.comments.map((comment) => comment.author_ip), [undefined, '2001:db8:1:2::5']);
      // The flood rule still knows the recent sender.
      const flood = await server.post(newComment(), { 'X-Forwarded-For': '203.0.113.2' });
      assert.equal(flood.status, 429);
      await server.close();

      // A server started later erases at once what has grown too old meanwhile.
      const later = await startTestServer({ ...storage, now: () => START + 90 * DAY_MS });
      try {
        assert.deepEqual(await addresses(), new Map([
          [old.id, ['', null]],
          [recent.id, ['', null]],
          [fresh.id, ['', null]],
        ]));
      } finally {
        await later.close();
      }
    });
  });
}

interface ExportedForTest {
  comments: { content: string; author_ip?: string }[];
}
async function dataExport(server: TestCommentServer, email: string): Promise<ExportedForTest> {
  const response = await dataPost(server, '/export', { email });
  assert.equal(response.status, 200);
  return (await response.json()) as ExportedForTest;
}

describe('IP_RETENTION_DAYS', () => {
  it('defaults to 30 days, and refuses 0 or a fraction with a message naming it', () => {
    assert.equal(resolveOptions({}, {}).ipRetentionDays, 30);
    assert.equal(resolveOptions({}, { IP_RETENTION_DAYS: '7' }).ipRetentionDays, 7);
    for (const value of ['0', '1.5', '-1', 'thirty', '3651']) {
      assert.throws(() => resolveOptions({}, { IP_RETENTION_DAYS: value }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.message, `IP_RETENTION_DAYS must be an integer from 1 to 3650, got "${value}"`);
        return true;
      });
    }
  });
});

const sqliteDirs: string[] = [];
after(() => sqliteDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
dataRightsSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'comments-rights-'));
  sqliteDirs.push(dir);
  return { dataDir: dir, databaseUrl: undefined };
});

describe('on SQLite, what is erased leaves no copy in the database files', () => {
  const start = suiteServers();
  /** Which of `needles` any file of the data folder (the database, its write-ahead log and index) still holds. */
  const leftOnDisk = (dataDir: string, needles: string[]) => {
    const files = readdirSync(dataDir).filter((name) => name.startsWith('comments.db')).map((name) => readFileSync(join(dataDir, name)));
    return needles.filter((needle) => files.some((bytes) => bytes.includes(Buffer.from(needle))));
  };

  it('deletes and anonymises an address\'s comments, and erases old IP addresses, in the file and its log as well as in the tables', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const dataDir = mkdtempSync(join(tmpdir(), 'comments-rights-disk-'));
    sqliteDirs.push(dataDir);
    let clock = START;
    const server = await start({ dataDir, databaseUrl: undefined, moderation: 'none', floodSeconds: 0, trustedProxies: ['127.0.0.1'], ipRetentionDays: 30, now: () => clock });
    // Texts long enough to live on overflow pages as well as short ones that share a page with other comments.
    const deleted = { author_email: 'deleted.reader@example.com', author_name: 'Deletedauthor', content: `Deletedtext ${'ї'.repeat(3000)}` };
    const anonymised = { author_email: 'anonymised.reader@example.com', author_name: 'Anonymisedauthor', content: 'A short text that stays.' };
    for (const body of [deleted, anonymised]) await created(await server.post(newComment({ post: 3, ...body }), { 'X-Forwarded-For': '198.51.100.77' }));
    await created(await server.post(newComment({ post: 3, content: 'Another reader stays.' }), { 'X-Forwarded-For': '203.0.113.9' }));
    clock += 40 * DAY_MS;
    const kept = await created(await server.post(newComment({ post: 3, content: 'A recent comment.' }), { 'X-Forwarded-For': '192.0.2.123' }));
    assert.deepEqual(leftOnDisk(dataDir, ['deleted.reader@example.com', 'Deletedtext', 'anonymised.reader@example.com', 'Anonymisedauthor', '198.51.100.77', '192.0.2.123']).length, 6);

    assert.equal((await dataPost(server, '/erase', { email: deleted.author_email, mode: 'delete' })).status, 200);
    assert.equal((await dataPost(server, '/erase', { email: anonymised.author_email, mode: 'anonymise' })).status, 200);
    t.mock.timers.tick(60 * 60 * 1000);
    await until(async () => (await queryDatabase({ dataDir }, "SELECT count(*) AS n FROM comments WHERE author_ip = '198.51.100.77'"))[0].n === 0, 'the hourly job ran');

    assert.deepEqual(leftOnDisk(dataDir, ['deleted.reader@example.com', 'Deletedauthor', 'Deletedtext', 'anonymised.reader@example.com', 'Anonymisedauthor', '198.51.100.77', '203.0.113.9']), []);
    assert.deepEqual(leftOnDisk(dataDir, ['A short text that stays.', 'Another reader stays.', '192.0.2.123']).length, 3, 'what is not erased is still there');
    assert.equal(existsSync(join(dataDir, 'comments.db')), true);
    assert.equal((await queryDatabase({ dataDir }, 'SELECT id FROM comments WHERE id = $1', [kept.id])).length, 1);
  });
});

dataRightsSuite('PostgreSQL', freshPostgresSchemas('rights'));
