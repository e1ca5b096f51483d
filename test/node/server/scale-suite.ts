// Comments at newsroom scale (issue 17), run once per storage (sqlite.test.ts, postgres.test.ts) against the real HTTP
// server on a loopback port: long threads read page by page.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { CommentServerOptions } from '../../../server/app.js';
import type { WpComment, WpError } from 'newsroom-comment-protocol';
import { moderator, newComment, startTestServer, type TestCommentServer } from '../support/comment-server.js';
import type { FreshStorage } from './api-suite.js';

const json = async <T = WpComment>(response: Response): Promise<T> => (await response.json()) as T;
const ids = (comments: WpComment[]) => comments.map((comment) => comment.id);

async function error(response: Response): Promise<WpError> {
  const body = (await response.json()) as WpError;
  assert.equal(body.data.status, response.status, 'data.status repeats the HTTP status');
  return body;
}

export async function setStatus(server: TestCommentServer, id: number, status: string): Promise<WpComment> {
  const response = await fetch(`${server.api}/comments/${id}`, {
    method: 'POST',
    headers: { ...moderator, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  assert.equal(response.status, 200);
  return json(response);
}

export function scaleSuite(name: string, fresh: FreshStorage): void {
  describe(`comments at scale on ${name}`, () => {
    const servers: TestCommentServer[] = [];
    const serve = async (options: CommentServerOptions = {}) => {
      const server = await startTestServer({ moderation: 'none', floodSeconds: 0, ...(await fresh()), ...options });
      servers.push(server);
      return server;
    };
    after(async () => {
      await Promise.all(servers.map((server) => server.close()));
    });

    it('pages top-level comments by date then ID, counts only them, and lists replies by parent list or whole threads', async () => {
      // The clock goes back for the third comment (date order is not ID order); the fourth and fifth share a second.
      let clock = 1_700_000_000_000;
      const server = await serve({ now: () => clock });
      const post = async (seconds: number, parent = 0) => {
        clock = 1_700_000_000_000 + seconds * 1000;
        return (await json(await server.post(newComment({ post: 4, parent })))).id;
      };
      const [a, b, c, d, e] = [await post(5), await post(6), await post(1), await post(7), await post(7)];
      const aReply = await post(8, a);
      const aReplyReply = await post(9, aReply);
      const cReply = await post(10, c);
      const hidden = await post(11, cReply);
      await setStatus(server, hidden, 'hold');

      const page = async (query: string) => {
        const response = await server.get(`/comments?post=4&${query}`);
        assert.equal(response.status, 200, query);
        return { ids: ids(await json<WpComment[]>(response)), total: response.headers.get('X-WP-Total'), pages: response.headers.get('X-WP-TotalPages') };
      };
      assert.deepEqual(await page('parent=0&per_page=2&order=asc'), { ids: [c, a], total: '5', pages: '3' });
      assert.deepEqual(await page('parent=0&per_page=2&page=2&order=asc'), { ids: [b, d], total: '5', pages: '3' });
      assert.deepEqual(await page('parent=0&per_page=2&page=3&order=asc'), { ids: [e], total: '5', pages: '3' });
      assert.deepEqual(await page('parent=0&per_page=2'), { ids: [e, d], total: '5', pages: '3' }, 'newest first by default');
      assert.deepEqual(await page(`parent=${a},${c}&order=asc`), { ids: [aReply, cReply], total: '2', pages: '1' });
      assert.deepEqual(await page(`parent[]=${aReply}&parent[]=${cReply}&order=asc`), { ids: [aReplyReply], total: '1', pages: '1' }, 'held replies are not listed');
      assert.deepEqual(await page(`parent=${aReply}&parent=${b}`), { ids: [aReplyReply], total: '1', pages: '1' });
      assert.deepEqual(await page(`thread=${a},${b},${c}&per_page=2`), { ids: [aReply, aReplyReply], total: '3', pages: '2' }, 'oldest first');
      assert.deepEqual(await page(`thread=${a},${b},${c}&per_page=2&page=2&order=desc`), { ids: [cReply], total: '3', pages: '2' });
      assert.deepEqual(await page(`thread=${d}`), { ids: [], total: '0', pages: '0' });
      const otherPost = await server.get(`/comments?post=5&thread=${a}`);
      assert.deepEqual(await otherPost.json(), [], 'a thread is read within its post');
    });

    it('gives public reads an ETag and a short public Cache-Control, answers If-None-Match with 304, never caches the rest', async () => {
      const server = await serve({ moderation: 'first-time', cacheMaxAgeSeconds: 7, cacheStaleSeconds: 20 });
      const first = await json(await server.post(newComment({ post: 6 })));
      await setStatus(server, first.id, 'approved');
      const reply = await json(await server.post(newComment({ post: 6, parent: first.id })));
      await setStatus(server, reply.id, 'approved');
      const lists = ['/comments?post=6', '/comments?post=6&parent=0', `/comments?post=6&thread=${first.id}`, `/comments?post=6&parent=${first.id}`];
      const read = async (path: string, headers: Record<string, string> = {}) => {
        const response = await server.get(path, headers);
        const body = await response.text();
        return { status: response.status, etag: response.headers.get('ETag'), cacheControl: response.headers.get('Cache-Control'), body };
      };
      const tags = new Map<string, string>();
      for (const path of [...lists, `/comments/${first.id}`]) {
        const fresh = await read(path);
        assert.equal(fresh.status, 200, path);
        assert.equal(fresh.cacheControl, 'public, max-age=7, stale-while-revalidate=20', path);
        assert.match(fresh.etag ?? '', /^"[\w-]+"$/, path);
        const again = await read(path, { 'If-None-Match': fresh.etag! });
        assert.deepEqual([again.status, again.body, again.etag], [304, '', fresh.etag], path);
        assert.equal((await read(path, { 'If-None-Match': `"other", W/${fresh.etag}` })).status, 304, 'a weak match in a list');
        assert.equal((await read(path, { 'If-None-Match': '"other"' })).status, 200);
        tags.set(path, fresh.etag!);
      }

      // A newly approved reply changes every list it is in (and their totals), not the others.
      const second = await json(await server.post(newComment({ post: 6, parent: first.id })));
      assert.equal(second.status, 'hold');
      for (const path of lists) assert.equal((await read(path)).etag, tags.get(path), `a held comment changes nothing: ${path}`);
      await setStatus(server, second.id, 'approved');
      const changed = ['/comments?post=6', `/comments?post=6&thread=${first.id}`, `/comments?post=6&parent=${first.id}`];
      for (const path of lists) {
        const now = (await read(path)).etag;
        assert.equal(now !== tags.get(path), changed.includes(path), `approval and ${path}`);
        tags.set(path, now!);
      }
      // Trashing or deleting it changes them again.
      await setStatus(server, second.id, 'trash');
      for (const path of changed) {
        const now = (await read(path)).etag;
        assert.notEqual(now, tags.get(path), `trash and ${path}`);
        tags.set(path, now!);
      }
      await setStatus(server, second.id, 'approved');
      for (const path of changed) tags.set(path, (await read(path)).etag!);
      const deleted = await fetch(`${server.api}/comments/${second.id}?force=true`, { method: 'DELETE', headers: moderator });
      assert.equal(deleted.status, 200);
      assert.equal(deleted.headers.get('Cache-Control'), 'no-store');
      for (const path of changed) assert.notEqual((await read(path)).etag, tags.get(path), `deletion and ${path}`);

      // The moderator's answers, errors and writes are never stored by a cache.
      const held = await json(await server.post(newComment({ post: 6 })));
      const asModerator = await read(`/comments?post=6&status=hold&context=edit`, moderator);
      assert.deepEqual([asModerator.status, asModerator.cacheControl, asModerator.etag], [200, 'private, no-store', null]);
      assert.ok(asModerator.body.includes(String(held.id)));
      assert.equal((await read('/comments?post=6', moderator)).cacheControl, 'private, no-store');
      assert.deepEqual([(await read(`/comments/${held.id}`)).status, (await read(`/comments/${held.id}`)).cacheControl], [401, 'no-store']);
      assert.equal((await read('/comments?post=6&status=hold')).cacheControl, 'no-store');
      assert.equal((await read('/comments?post=6&page=9')).cacheControl, 'no-store');
      assert.equal((await server.post(newComment({ post: 6 }))).headers.get('Cache-Control'), 'no-store');
      const cors = await server.get('/comments?post=6', { Origin: 'https://news.example' });
      assert.match(cors.headers.get('Access-Control-Expose-Headers') ?? '', /ETag/);
    });

    it('answers bad list parameters in WordPress’s error shape with a message that names the parameter', async () => {
      const server = await serve();
      await server.post(newComment({ post: 4 }));
      const refused = async (query: string, status = 400) => {
        const response = await server.get(`/comments?${query}`);
        assert.equal(response.status, status, query);
        return error(response);
      };
      const hundredAndOne = Array.from({ length: 101 }, (_, index) => index + 1).join(',');
      const cases: [string, string, string][] = [
        ['post=4&page=2', 'rest_comment_invalid_page_number', 'The page number requested is larger than the number of pages available.'],
        ['post=4&page=0', 'rest_invalid_param', 'page must be greater than or equal to 1'],
        ['post=4&per_page=0', 'rest_invalid_param', 'per_page must be greater than or equal to 1'],
        ['post=4&per_page=1000', 'rest_invalid_param', 'per_page must be less than or equal to 100'],
        ['post=4&order=newest', 'rest_invalid_param', 'order is not one of asc, desc.'],
        [`post=4&thread=${hundredAndOne}`, 'rest_invalid_param', 'thread must list at most 100 IDs.'],
        [`post=4&parent=${hundredAndOne}`, 'rest_invalid_param', 'parent must list at most 100 IDs.'],
        ['post=4&parent=1,%3Cscript%3E', 'rest_invalid_param', 'parent[1] is not of type integer.'],
        ['post=4&parent=1,,2', 'rest_invalid_param', 'parent[1] is not of type integer.'],
        ['post=4&thread=0', 'rest_invalid_param', 'thread[0] must be greater than or equal to 1'],
        ['post=4&thread=99999999999', 'rest_invalid_param', 'thread[0] must be less than or equal to 2147483647'],
        ['post=4&thread=-1', 'rest_invalid_param', 'thread[0] must be greater than or equal to 1'],
        ['thread=1', 'rest_invalid_param', 'thread needs post: the ID of the post whose comments these are.'],
        ['post=4&thread=1&parent=0', 'rest_invalid_param', 'thread and parent cannot be combined: thread already lists every reply below its comments.'],
      ];
      for (const [query, code, message] of cases) {
        const body = await refused(query);
        assert.equal(body.code, code, query);
        assert.ok(body.message === message || Object.values(body.data.params ?? {}).includes(message), `${query}: ${JSON.stringify(body)}`);
      }
      const long = await server.get(`/comments?post=4&parent=${'1,'.repeat(3000)}1`);
      assert.equal(long.status, 400, 'a long hostile list is refused, not processed');
    });
  });
}
