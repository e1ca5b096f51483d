// The moderation desk's API (/wp-json/newsroom/v1/moderation) on SQLite and on PostgreSQL, against real HTTP servers:
// queues and search, bulk actions and their undo, block lists, named tokens and the audit log. Two server instances
// share one database where the issue asks for "every server process": an edit on one applies on the other at once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  COMMENT_BLOCKED_CODE,
  MODERATION_API_PATH,
  type BlockListEntry,
  type ModerationAuditEntry,
  type ModerationBulkResult,
  type ModerationPage,
  type ModerationQueuePage,
  type ModeratorTokenInfo,
  type WpComment,
  type WpCommentStatus,
  type WpError,
} from 'newsroom-comment-protocol';
import { openStorage, type CommentServerOptions } from '../../../server/app.js';
import { createModerationDesk } from '../../../server/comments/desk.js';
import { ADMIN_TOKEN, newComment, startTestServer, suiteServers, type TestCommentServer } from '../support/comment-server.js';
import { freshPostgresSchemas } from '../support/postgres.js';

type FreshStorage = () => Promise<CommentServerOptions>;

/** A moderator's client of the desk API on one server. */
function desk(server: TestCommentServer, token = ADMIN_TOKEN) {
  const call = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${server.url}${MODERATION_API_PATH}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const ok = async <T>(response: Response, status = 200): Promise<T> => {
    assert.equal(response.status, status, await response.clone().text());
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    return (await response.json()) as T;
  };
  return {
    call,
    queue: async (query = 'status=hold') => ok<ModerationQueuePage>(await call(`/comments?${query}`)),
    bulk: async (ids: number[], action: string) => ok<ModerationBulkResult>(await call('/bulk', 'POST', { ids, action })),
    undo: (actionId: number) => call('/undo', 'POST', { action_id: actionId }),
    block: (kind: string, value: string) => call('/blocklist', 'POST', { kind, value }),
    audit: async (query = '') => ok<ModerationPage<ModerationAuditEntry>>(await call(`/audit${query}`)),
    ok,
  };
}

const errorOf = async (response: Response): Promise<WpError> => {
  const body = (await response.json()) as WpError;
  assert.equal(body.data.status, response.status, 'WordPress error shape');
  return body;
};

const created = async (response: Response): Promise<WpComment> => {
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as WpComment;
};

/** The stored status of each comment, read as the moderator through the desk. */
async function statuses(server: TestCommentServer, ids: number[]): Promise<WpCommentStatus[]> {
  const client = desk(server);
  const all = new Map<number, WpCommentStatus>();
  for (const status of ['hold', 'approved', 'spam', 'trash']) {
    for (const comment of (await client.queue(`status=${status}&per_page=100`)).items) all.set(comment.id, comment.status);
  }
  return ids.map((id) => all.get(id) ?? ('gone' as WpCommentStatus));
}

function moderationSuite(name: string, fresh: FreshStorage): void {
  describe(`moderation desk API on ${name}`, () => {
    const start = suiteServers();
    /** Two server instances on one fresh database, as two processes behind a load balancer. */
    const pair = async (options: CommentServerOptions = {}) => {
      const storage = await fresh();
      const settings = { moderation: 'none' as const, floodSeconds: 0, trustedProxies: ['127.0.0.1'], ...storage, ...options };
      return [await start(settings), await start(settings)] as const;
    };

    it('answers moderators only, never cached, and names the moderator', async () => {
      const [a] = await pair();
      for (const headers of [{}, { Authorization: 'Bearer not-the-token-0123456789' }] as Array<Record<string, string>>) {
        const response = await fetch(`${a.url}${MODERATION_API_PATH}/comments`, { headers });
        assert.equal(response.status, 401);
        assert.equal(response.headers.get('cache-control'), 'private, no-store');
        assert.equal((await errorOf(response)).code, 'rest_forbidden');
      }
      assert.deepEqual(await desk(a).ok(await desk(a).call('/me')), { label: 'admin' });
      // Not CORS-enabled: only the same-origin desk page calls it.
      const preflight = await fetch(`${a.url}${MODERATION_API_PATH}/bulk`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    });

    it('lists each queue newest first with counts, pages it, and searches text, name, email or post literally', async () => {
      const [a] = await pair({ moderation: 'all' });
      const ids: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        ids.push((await created(await a.post(newComment({ post: 10 + (index % 2), content: `Queue comment ${index} about 100 things.` })))).id);
      }
      const special = await created(await a.post(newComment({ author_name: 'Zoë_Percent', author_email: 'zoe@news.example', content: 'Costs 100% more' })));
      const client = desk(a);
      await client.bulk([ids[0]], 'spam');
      const held = await client.queue('status=hold&per_page=2');
      assert.deepEqual(held.counts, { hold: 5, approved: 0, spam: 1, trash: 0 });
      assert.equal(held.total, 5);
      assert.equal(held.total_pages, 3);
      assert.deepEqual(held.items.map((comment) => comment.id), [special.id, ids[4]], 'newest first');
      assert.deepEqual((await client.queue('status=hold&per_page=2&page=3')).items.map((comment) => comment.id), [ids[1]]);
      assert.equal(held.items[0].author_email, 'zoe@news.example', 'the moderator sees the email');
      assert.equal(held.items[0].content.raw, 'Costs 100% more');

      const search = async (query: string) => (await client.queue(`status=hold&${query}`)).items.map((comment) => comment.id);
      assert.deepEqual(await search('search=100%25'), [special.id], '% is a character, not a wildcard');
      assert.deepEqual(await search('search=zo%C3%AB_'), [special.id], '_ is a character: the name');
      assert.deepEqual(await search('search=%C3%AB_PERCENT'), [special.id], 'ASCII letters case-insensitively');
      assert.deepEqual(await search('search=NEWS.EXAMPLE'), [special.id], 'the email');
      assert.deepEqual(await search('search=comment%203'), [ids[3]], 'the text');
      assert.deepEqual(await search('post=11'), [ids[3], ids[1]], 'a post');
      assert.deepEqual(await search('search=%5C'), [], 'a backslash is a character too');
      const tooLong = await client.call(`/comments?search=${'a'.repeat(201)}`);
      assert.equal(tooLong.status, 400, 'a search text is bounded');
    });

    it('applies a bulk action in one go, audits it with the label, and undoes it to each comment’s previous status', async () => {
      let now = Date.now();
      const [a, b] = await pair({ moderation: 'all', now: () => now });
      const ids: number[] = [];
      for (let index = 0; index < 3; index += 1) ids.push((await created(await a.post(newComment({ post: 20 })))).id);
      const client = desk(a);
      await client.bulk([ids[1]], 'spam');
      const approved = await client.bulk([...ids, ids[0], 999999], 'approve');
      assert.deepEqual([...approved.changed].sort(), [...ids].sort(), 'every existing comment, once');
      assert.ok(approved.undo_until && Date.parse(approved.undo_until) > now);
      assert.deepEqual(await statuses(a, ids), ['approved', 'approved', 'approved']);
      const publicList = (await (await a.get('/comments?post=20')).json()) as WpComment[];
      assert.equal(publicList.length, 3, 'readers see the approved comments');

      // Undone from the other process: each comment gets back the status it had (held, spam, held).
      const undone = await desk(b).ok<ModerationBulkResult>(await desk(b).undo(approved.action_id));
      assert.equal(undone.changed.length, 3);
      assert.deepEqual(await statuses(a, ids), ['hold', 'spam', 'hold']);
      assert.equal((await errorOf(await client.undo(approved.action_id))).code, 'moderation_undo_done', 'once only');

      // A comment changed after the action keeps its newer status.
      const trashed = await client.bulk(ids, 'trash');
      await client.bulk([ids[2]], 'approve');
      await client.ok(await client.undo(trashed.action_id));
      assert.deepEqual(await statuses(a, ids), ['hold', 'spam', 'approved']);

      const late = await client.bulk([ids[0]], 'approve');
      now += 61_000;
      const expired = await client.undo(late.action_id);
      assert.equal(expired.status, 410);
      assert.equal((await errorOf(expired)).code, 'moderation_undo_expired');
      assert.equal((await client.undo(123456)).status, 404);

      const deleted = await client.bulk([ids[1]], 'delete');
      assert.deepEqual(deleted.changed, [ids[1]]);
      assert.equal(deleted.undo_until, undefined, 'no undo for delete forever');
      assert.equal((await client.undo(deleted.action_id)).status, 404);
      assert.deepEqual(await statuses(a, ids), ['approved', 'gone', 'approved']);

      const bad = await client.call('/bulk', 'POST', { ids: [ids[0]], action: 'publish' });
      assert.equal(bad.status, 400);
      assert.equal((await client.call('/bulk', 'POST', { ids: [], action: 'approve' })).status, 400);

      const log = await client.audit();
      assert.deepEqual(
        log.items.map((entry) => [entry.moderator, entry.action, entry.summary]),
        [
          ['admin', 'delete', `delete for good 1 comment: #${ids[1]}`],
          ['admin', 'status', `approve 1 comment: #${ids[0]}`],
          ['admin', 'undo', `undo action ${trashed.action_id}, restoring 2 comments: #${ids[0]}, #${ids[1]}`],
          ['admin', 'status', `approve 1 comment: #${ids[2]}`],
          ['admin', 'status', `trash 3 comments: #${ids[0]}, #${ids[1]}, #${ids[2]}`],
          ['admin', 'undo', `undo action ${approved.action_id}, restoring 3 comments: #${ids[0]}, #${ids[1]}, #${ids[2]}`],
          ['admin', 'status', `approve 3 comments: #${ids[0]}, #${ids[1]}, #${ids[2]}`],
          ['admin', 'status', `mark as spam 1 comment: #${ids[1]}`],
        ],
      );
      const paged = await client.audit('?per_page=3&page=2');
      assert.equal(paged.total, 8);
      assert.equal(paged.total_pages, 3);
      assert.deepEqual(paged.items.map((entry) => entry.id), log.items.slice(3, 6).map((entry) => entry.id));
    });

    it('audits status changes and deletions made through the WordPress routes, with the moderator’s label', async () => {
      const [a] = await pair({ moderation: 'all' });
      const comment = await created(await a.post(newComment()));
      const headers = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
      await fetch(`${a.api}/comments/${comment.id}`, { method: 'POST', headers, body: JSON.stringify({ status: 'approved' }) });
      await fetch(`${a.api}/comments/${comment.id}`, { method: 'DELETE', headers: { Authorization: headers.Authorization } });
      await fetch(`${a.api}/comments/${comment.id}?force=true`, { method: 'DELETE', headers: { Authorization: headers.Authorization } });
      assert.deepEqual(
        (await desk(a).audit()).items.map((entry) => entry.summary),
        [`delete for good 1 comment: #${comment.id}`, `trash 1 comment: #${comment.id}`, `approve 1 comment: #${comment.id}`],
      );
    });

    it('applies block lists to new comments at once on every process: hold and spam words, refused emails and IP ranges', async () => {
      const [a, b] = await pair({ moderationKeywords: ['configured-word'] });
      const client = desk(a);
      const statusOf = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
        const response = await b.post(newComment(body), headers);
        if (response.status !== 201) return response;
        const { id } = (await response.json()) as WpComment;
        return (await statuses(b, [id]))[0];
      };
      assert.equal(await statusOf({ content: 'A casino bonus.' }), 'approved');
      assert.equal(await statusOf({ content: 'Mentions the configured-word.' }), 'hold', 'MODERATION_KEYWORDS keep working');

      // Added on A, applied by B at its next comment; full-width letters and case fold to the stored form.
      const hold = await client.ok<BlockListEntry>(await client.block('hold', 'ＣＡＳＩＮＯ'), 201);
      assert.equal(hold.value, 'casino');
      assert.equal(await statusOf({ content: 'Another CASINO bonus.' }), 'hold');
      assert.equal(await statusOf({ content: 'A cas\u200bino hidden by a zero-width space.' }), 'hold');
      assert.equal(await statusOf({ author_name: 'Casino King', content: 'Innocent text.' }), 'hold', 'the name counts');
      const spamWord = await client.ok<BlockListEntry>(await client.block('spam', 'cheap pills'), 201);
      const spam = await b.post(newComment({ content: 'Buy CHEAP   pills now.' }));
      assert.equal(spam.status, 201);
      assert.equal(((await spam.json()) as WpComment).status, 'hold', 'a spammer is told what a held comment is told');
      assert.deepEqual((await client.queue('status=spam')).items.map((comment) => comment.content.raw), ['Buy CHEAP   pills now.']);

      // Refused: an address, a domain, an IPv4 range and an IPv6 range (the server believes 127.0.0.1's X-Forwarded-For).
      await client.ok(await client.block('email', 'Troll@Example.com'), 201);
      await client.ok(await client.block('email', '@spam.example'), 201);
      await client.ok(await client.block('ip', '203.0.113.0/24'), 201);
      const v6 = await client.ok<BlockListEntry>(await client.block('ip', '2001:DB8::/32'), 201);
      assert.equal(v6.value, '2001:db8::/32');
      const byEmail = await statusOf({ author_email: 'troll@example.com', content: 'Let me in.' });
      assert.ok(byEmail instanceof Response);
      assert.equal(byEmail.status, 403);
      const emailError = await errorOf(byEmail);
      assert.equal(emailError.code, COMMENT_BLOCKED_CODE);
      assert.match(emailError.message, /email address/);
      assert.deepEqual(Object.keys(emailError.data.params ?? {}), ['author_email'], 'the form marks the email field');
      const byDomain = await statusOf({ author_email: 'anyone@SPAM.example' });
      assert.equal(byDomain instanceof Response && byDomain.status, 403);
      for (const address of ['203.0.113.77', '2001:db8:1234::1']) {
        const byNetwork = await statusOf({ content: `From ${address}.` }, { 'X-Forwarded-For': address });
        assert.ok(byNetwork instanceof Response, address);
        const refusal = await errorOf(byNetwork);
        assert.equal(refusal.code, COMMENT_BLOCKED_CODE);
        assert.match(refusal.message, /network/);
      }
      assert.equal(await statusOf({ content: 'From next door.' }, { 'X-Forwarded-For': '203.0.114.1' }), 'approved');

      // Removed on A: accepted again on B at once.
      await client.ok(await client.call(`/blocklist/${v6.id}`, 'DELETE'));
      assert.equal(await statusOf({ content: 'Back again.' }, { 'X-Forwarded-For': '2001:db8:1234::1' }), 'approved');
      await client.ok(await client.call(`/blocklist/${spamWord.id}`, 'DELETE'));
      assert.equal(await statusOf({ content: 'cheap pills are fine now' }), 'approved');

      const listed = await client.ok<BlockListEntry[]>(await client.call('/blocklist'));
      assert.deepEqual(listed.map((entry) => [entry.kind, entry.value]).sort(), [
        ['email', '@spam.example'],
        ['email', 'troll@example.com'],
        ['hold', 'casino'],
        ['ip', '203.0.113.0/24'],
      ]);
      assert.equal((await client.block('hold', 'casino')).status, 409, 'listed already');
      for (const [kind, value] of [['ip', '203.0.113.0/33'], ['ip', '10.0.0.1/8/8'], ['ip', 'example.com'], ['email', 'no-at-sign'], ['hold', '   ']]) {
        const refused = await client.block(kind, value);
        assert.equal(refused.status, 400, `${kind} ${value}`);
        assert.ok((await errorOf(refused)).data.params?.value, 'says what to enter');
      }
      assert.equal((await client.block('words', 'x')).status, 400);
      assert.equal((await client.call('/blocklist/999999', 'DELETE')).status, 404);
      const summaries = (await client.audit()).items.map((entry) => entry.summary);
      assert.ok(summaries.includes('add “casino” to words that hold'));
      assert.ok(summaries.includes('remove “2001:db8::/32” from refused IP ranges'));
    });

    it('creates named tokens shown once, stored hashed, and a revoked token is refused at once by the other process', async () => {
      const [a, b] = await pair({ moderation: 'all' });
      const admin = desk(a);
      const ana = await admin.ok<ModeratorTokenInfo>(await admin.call('/tokens', 'POST', { label: '  Ana  ' }), 201);
      assert.equal(ana.label, 'Ana');
      assert.match(ana.token ?? '', /^[\w-]{43}$/, '32 random bytes');
      const listed = await admin.ok<ModeratorTokenInfo[]>(await admin.call('/tokens'));
      assert.deepEqual(listed.map(({ label, configured, token }) => [label, configured, token]), [
        ['admin', true, undefined],
        ['Ana', false, undefined],
      ], 'never shown again');
      assert.equal((await admin.call('/tokens', 'POST', { label: 'Ana' })).status, 400, 'a live label is unique');
      assert.equal((await admin.call('/tokens', 'POST', { label: ' ' })).status, 400);

      // Ana works on the other process, and her actions carry her label.
      const asAna = desk(b, ana.token);
      assert.deepEqual(await asAna.ok(await asAna.call('/me')), { label: 'Ana' });
      const comment = await created(await b.post(newComment()));
      await asAna.bulk([comment.id], 'approve');
      const anaRead = await fetch(`${b.api}/comments/${comment.id}?context=edit`, { headers: { Authorization: `Bearer ${ana.token}` } });
      assert.equal(anaRead.status, 200, 'a named token is a moderator on the WordPress routes too');

      await admin.ok(await admin.call(`/tokens/${ana.id}`, 'DELETE'));
      assert.equal((await asAna.call('/me')).status, 401, 'revoked on A, refused by B at once');
      const refusedRead = await fetch(`${b.api}/comments/${comment.id}?context=edit`, { headers: { Authorization: `Bearer ${ana.token}` } });
      assert.equal(refusedRead.status, 401);
      assert.equal((await admin.call(`/tokens/${ana.id}`, 'DELETE')).status, 404, 'revoked already');
      const configured = listed.find((token) => token.configured);
      assert.equal((await errorOf(await admin.call(`/tokens/${configured?.id}`, 'DELETE'))).code, 'moderation_token_configured');

      const log = (await admin.audit()).items.map((entry) => [entry.moderator, entry.summary]);
      assert.deepEqual(log, [
        ['admin', 'revoke the token “Ana”'],
        ['Ana', `approve 1 comment: #${comment.id}`],
        ['admin', 'create the token “Ana”'],
      ]);
    });

    it('registers the configured token from several server processes at the same moment (replicas starting together)', async () => {
      for (let round = 0; round < 10; round += 1) {
        const { dataDir, databaseUrl } = await fresh();
        const processes = await Promise.all(Array.from({ length: 4 }, () => openStorage(databaseUrl, dataDir!)));
        try {
          const registered = await Promise.allSettled(processes.map((storage) => createModerationDesk(storage, Date.now).registerConfiguredToken(ADMIN_TOKEN)));
          assert.deepEqual(registered.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : [])), [], `round ${round}`);
          const live = (await processes[0].listModeratorTokens()).filter((token) => token.revokedAt === undefined);
          assert.deepEqual(live.map((token) => [token.label, token.configured]), [['admin', true]]);
        } finally {
          await Promise.all(processes.map((storage) => storage.close()));
        }
      }
    });

    it('replaces the configured token when COMMENTS_ADMIN_TOKEN changes, on a restart', async () => {
      const storage = await fresh();
      const first = await startTestServer({ ...storage });
      await first.close();
      const changed = 'a-new-admin-token-9876543210';
      const second = await start({ ...storage, adminToken: changed });
      assert.equal((await desk(second).call('/me')).status, 401, 'the old configured token is retired');
      assert.deepEqual(await desk(second, changed).ok(await desk(second, changed).call('/me')), { label: 'admin' });
    });
  });
}

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'moderation-'));
  dirs.push(dir);
  return dir;
};

moderationSuite('SQLite', async () => ({ dataDir: tempDir() }));
moderationSuite('PostgreSQL', freshPostgresSchemas('moderation'));
