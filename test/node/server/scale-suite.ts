// Comments at newsroom scale (issue 17), run once per storage (sqlite.test.ts, postgres.test.ts) against the real HTTP
// server on a loopback port: long threads read page by page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommentServerOptions } from '../../../server/app.js';
import { createHash } from 'node:crypto';
import { EDIT_TOKEN_HEADER, STREAM_POSITION_HEADER, type WpComment, type WpCommentCreated, type WpCommentDeleted, type WpError } from 'newsroom-comment-protocol';
import { moderator, newComment, queryDatabase, suiteServers, type TestCommentServer } from '../support/comment-server.js';
import { openEventStream, type StreamEvent } from '../support/event-stream.js';
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
    const start = suiteServers();
    const serve = async (options: CommentServerOptions = {}) => start({ moderation: 'none', floodSeconds: 0, ...(await fresh()), ...options });

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

    it('lets the author edit and delete their comment with the token given once, within the window, as a new comment is checked', async () => {
      let clock = 1_700_000_000_000;
      const storage = await fresh();
      const server = await serve({ ...storage, now: () => clock, moderationKeywords: ['casino'] });
      const send = (method: string, commentId: number, headers: Record<string, string>, body?: unknown) =>
        fetch(`${server.api}/comments/${commentId}`, {
          method,
          headers: { ...headers, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const create = async (body = newComment({ post: 8 })) => json<WpCommentCreated>(await server.post(body));

      const authorBody = newComment({ post: 8 });
      const created = await create(authorBody);
      assert.match(created.edit_token ?? '', /^[\w-]{43}$/);
      assert.equal(created.edit_until, new Date(clock + 600_000).toISOString().slice(0, 19));
      const token = { [EDIT_TOKEN_HEADER]: created.edit_token! };
      const [row] = await queryDatabase(storage, 'SELECT * FROM comments WHERE id = $1', [created.id]);
      assert.equal(row.edit_token_hash, createHash('sha256').update(created.edit_token!).digest('hex'), 'only a digest is kept');
      assert.ok(!JSON.stringify(row).includes(created.edit_token!));
      const listed = await server.get('/comments?post=8');
      assert.ok(!(await listed.text()).includes('edit_token'), 'the token is never listed');
      const before = listed.headers.get('ETag');

      clock += 60_000;
      const edited = await send('POST', created.id, token, { content: 'Corrected: the vote is on Tuesday.' });
      assert.equal(edited.status, 200);
      const editedBody = await json(edited);
      assert.equal(editedBody.content.rendered, '<p>Corrected: the vote is on Tuesday.</p>\n');
      assert.equal(editedBody.status, 'approved');
      assert.equal(editedBody.edited_gmt, new Date(clock).toISOString().slice(0, 19));
      assert.equal(edited.headers.get('Cache-Control'), 'no-store');
      const after = await server.get('/comments?post=8');
      assert.notEqual(after.headers.get('ETag'), before, 'an edit changes the ETag of the lists the comment is in');
      assert.deepEqual(await after.json(), [editedBody]);

      // Refusals: no token, a wrong one, another comment's, or a status from the author.
      const other = await create();
      const wrongTokens: Record<string, string>[] = [{}, { [EDIT_TOKEN_HEADER]: 'x'.repeat(43) }, { [EDIT_TOKEN_HEADER]: other.edit_token! }];
      for (const headers of wrongTokens) {
        const refused = await error(await send('POST', created.id, headers, { content: 'Hijacked.' }));
        assert.deepEqual([refused.data.status, refused.code, refused.data.reason], [401, 'rest_cannot_edit', undefined]);
        assert.equal((await error(await send('DELETE', created.id, headers))).data.status, 401);
      }
      assert.equal((await send('POST', created.id, token, { content: 'Self-approved.', status: 'approved' })).status, 401);

      // The rules of a new comment: length, empty text, duplicates; nothing changes when refused.
      const tooLong = await error(await send('POST', created.id, token, { content: 'a'.repeat(65526) }));
      assert.equal(tooLong.code, 'comment_content_column_length');
      assert.equal((await error(await send('PUT', created.id, token, { content: ' \u200b ' }))).code, 'rest_comment_content_invalid');
      assert.equal((await error(await send('PATCH', created.id, token, {}))).code, 'rest_comment_content_invalid');
      assert.equal((await error(await send('POST', created.id, token, { content: 42 }))).code, 'rest_invalid_param');
      const twin = await create({ ...authorBody, content: 'A second thought.' });
      const duplicate = await error(await send('POST', twin.id, { [EDIT_TOKEN_HEADER]: twin.edit_token! }, { content: 'Corrected: the vote is on Tuesday.' }));
      assert.deepEqual([duplicate.data.status, duplicate.code], [409, 'comment_duplicate'], 'the same author saying the same thing twice');
      assert.equal((await json(await server.get(`/comments/${created.id}`))).content.rendered, editedBody.content.rendered);

      // Links or a keyword hold it again: it leaves the public list until a moderator looks.
      const held = await json(await send('POST', created.id, token, { content: 'Now with casino links.' }));
      assert.equal(held.status, 'hold');
      assert.deepEqual(ids(await json<WpComment[]>(await server.get('/comments?post=8'))), [twin.id, other.id]);
      const clean = await json(await send('POST', created.id, token, { content: 'Sorry, no links.' }));
      assert.equal(clean.status, 'hold', 'an edit never publishes a held comment');

      // A moderator's decision ends the window; so does a reply, and time.
      await setStatus(server, created.id, 'approved');
      const moderated = await error(await send('POST', created.id, token, { content: 'Again.' }));
      assert.deepEqual([moderated.data.status, moderated.code, moderated.data.reason], [403, 'rest_cannot_edit', 'moderated']);
      assert.equal((await error(await send('DELETE', created.id, token))).data.reason, 'moderated');
      const otherToken = { [EDIT_TOKEN_HEADER]: other.edit_token! };
      await server.post(newComment({ post: 8, parent: other.id }));
      const replied = await error(await send('POST', other.id, otherToken, { content: 'Changing the question.' }));
      assert.deepEqual([replied.data.status, replied.data.reason], [403, 'replied']);
      const late = await create();
      clock += 600_000;
      const expired = await error(await send('POST', late.id, { [EDIT_TOKEN_HEADER]: late.edit_token! }, { content: 'Too late.' }));
      assert.deepEqual([expired.data.status, expired.code, expired.data.reason], [403, 'rest_cannot_edit', 'expired']);
      assert.match(expired.message, /over/);

      // Deleting one's own comment, within the window: gone for good, answered as WordPress's forced delete.
      const mine = await create();
      const deleted = await send('DELETE', mine.id, { [EDIT_TOKEN_HEADER]: mine.edit_token! });
      assert.equal(deleted.status, 200);
      const deletedBody = await json<WpCommentDeleted>(deleted);
      assert.equal(deletedBody.deleted, true);
      assert.equal(deletedBody.previous.id, mine.id);
      assert.equal((await server.get(`/comments/${mine.id}`)).status, 404);
      assert.equal((await send('DELETE', mine.id, { [EDIT_TOKEN_HEADER]: mine.edit_token! })).status, 404);
    });

    it('gives no edit token when EDIT_WINDOW_SECONDS is 0, nor on an idempotent replay', async () => {
      const server = await serve({ editWindowSeconds: 0 });
      const created = await json<WpCommentCreated>(await server.post(newComment()));
      assert.equal(created.edit_token, undefined);
      assert.equal(created.edit_until, undefined);
      const refused = await fetch(`${server.api}/comments/${created.id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [EDIT_TOKEN_HEADER]: 'a'.repeat(43) },
        body: JSON.stringify({ content: 'Edited?' }),
      });
      assert.equal(refused.status, 401);
      const windowed = await serve();
      const body = newComment();
      const first = await json<WpCommentCreated>(await windowed.post(body, { 'Idempotency-Key': 'edit-replay-1' }));
      assert.ok(first.edit_token);
      const replay = await json<WpCommentCreated>(await windowed.post(body, { 'Idempotency-Key': 'edit-replay-1' }));
      assert.equal(replay.id, first.id);
      assert.equal(replay.edit_token, undefined, 'the token is given once');
    });

    it('streams a post’s comments as readers see them change: approvals, edits, removals, never a held comment', async () => {
      const server = await serve({ moderationKeywords: ['embargoed'] });
      const stream = await openEventStream(`${server.api}/comments/stream?post=9`);
      try {
        assert.equal(stream.status, 200);
        assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
        assert.equal(stream.headers['cache-control'], 'no-store');
        assert.equal(stream.headers['x-accel-buffering'], 'no');
        const held = await json<WpCommentCreated>(await server.post(newComment({ post: 9, content: 'An embargoed secret.' })));
        assert.equal(held.status, 'hold');
        await server.post(newComment({ post: 10 }));
        const shown = await json<WpCommentCreated>(await server.post(newComment({ post: 9 })));
        const first = await stream.next();
        assert.equal(first.event, 'comment', 'the held comment and the other post’s made no event');
        assert.deepEqual(JSON.parse(first.data), await json(await server.get(`/comments/${shown.id}`)));
        assert.match(first.id ?? '', /^\d+$/);
        assert.ok(!stream.text().includes('embargoed') && !stream.text().includes('@example.com') && !stream.text().includes('127.0.0.1'));

        await setStatus(server, held.id, 'approved');
        const approved = await stream.next();
        assert.deepEqual([approved.event, JSON.parse(approved.data).id], ['comment', held.id]);
        const edit = (content: string) =>
          fetch(`${server.api}/comments/${shown.id}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', [EDIT_TOKEN_HEADER]: shown.edit_token! },
            body: JSON.stringify({ content }),
          });
        assert.equal((await edit('A better wording.')).status, 200);
        const edited = await stream.next();
        assert.equal(edited.event, 'edited');
        assert.equal(JSON.parse(edited.data).content.rendered, '<p>A better wording.</p>\n');
        assert.ok(JSON.parse(edited.data).edited_gmt);
        assert.equal((await edit('Now embargoed too.')).status, 200);
        const heldAgain = await stream.next();
        assert.deepEqual([heldAgain.event, JSON.parse(heldAgain.data)], ['removed', { id: shown.id, post: 9 }]);
        await setStatus(server, held.id, 'trash');
        const trashed = await stream.next();
        assert.deepEqual([trashed.event, JSON.parse(trashed.data)], ['removed', { id: held.id, post: 9 }]);
        const ids = [first, approved, edited, heldAgain, trashed].map((event) => Number(event.id));
        assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'event IDs grow');
        assert.equal(new Set(ids).size, ids.length);
      } finally {
        stream.close();
      }
    });

    it('resumes after Last-Event-ID or last_event_id without losses or duplicates, and refuses hostile IDs cleanly', async () => {
      const server = await serve();
      const url = `${server.api}/comments/stream?post=11`;
      const postOne = async () => (await json(await server.post(newComment({ post: 11 })))).id;
      const commentIds = (events: StreamEvent[]) => events.map((event) => JSON.parse(event.data).id as number);
      const first = await openEventStream(url);
      const sent = [await postOne(), await postOne(), await postOne()];
      const seen = [await first.next(), await first.next(), await first.next()];
      assert.deepEqual(commentIds(seen), sent);
      first.close();
      await first.ended;
      sent.push(await postOne(), await postOne());

      const resumes: { headers: Record<string, string>; query: string }[] = [
        { headers: { 'Last-Event-ID': seen[0].id! }, query: '' },
        { headers: {}, query: `&last_event_id=${seen[0].id}` },
      ];
      for (const resume of resumes) {
        const again = await openEventStream(`${url}${resume.query}`, resume.headers);
        try {
          const expected = sent.slice(1);
          const replayed: StreamEvent[] = [];
          for (const _ of expected) replayed.push(await again.next());
          assert.deepEqual(commentIds(replayed), expected, 'every event after the one given, once, in order');
          const live = await postOne();
          sent.push(live);
          assert.deepEqual(commentIds([await again.next()]), [live]);
          assert.equal(again.received().length, expected.length + 1, 'no duplicates');
        } finally {
          again.close();
        }
      }
      // An ID beyond the log (another server's, or made up) resumes from now.
      const ahead = await openEventStream(url, { 'Last-Event-ID': '999999999999' });
      try {
        const live = await postOne();
        assert.deepEqual(commentIds([await ahead.next()]), [live]);
      } finally {
        ahead.close();
      }
      const hostile = ['abc', '-1', '1e9', '1'.repeat(16), '1 OR 1=1', '١٢', '0x10', ''];
      for (const value of hostile) {
        for (const [query, headers, name] of [
          [`&last_event_id=${encodeURIComponent(value)}`, {}, 'last_event_id'],
          ['', { 'Last-Event-ID': value }, 'Last-Event-ID'],
        ] as const) {
          // A header carries printable ASCII only (fetch refuses the rest), and an empty one is no header.
          if (name === 'Last-Event-ID' && !/^[\x20-\x7e]+$/.test(value)) continue;
          const refused = await fetch(`${url}${query}`, { headers });
          assert.equal(refused.status, 400, `${name}: ${value}`);
          const body = await error(refused);
          assert.equal(body.code, 'rest_invalid_param');
          assert.equal(body.data.params?.[name], `${name} must be the id of an event of this stream (digits only).`);
        }
      }
      for (const query of ['', '?post=0', '?post=abc', '?post=99999999999']) {
        const refused = await fetch(`${server.api}/comments/stream${query}`);
        assert.equal(refused.status, 400, query);
        assert.equal((await error(refused)).code, 'rest_invalid_param');
      }
    });

    it('tells with a list where the event log stood before it was read, so that a stream opened later misses nothing', async () => {
      const server = await serve();
      const postOne = async () => (await json(await server.post(newComment({ post: 12 })))).id;
      const listed = [await postOne()];
      const list = await fetch(`${server.api}/comments?post=12`);
      assert.deepEqual(ids(await json<WpComment[]>(list)), listed);
      const position = list.headers.get(STREAM_POSITION_HEADER);
      assert.match(position ?? '', /^\d+$/);
      // Approved after the list was read and before the page opened its stream.
      const between = await postOne();
      const stream = await openEventStream(`${server.api}/comments/stream?post=12&last_event_id=${position}`);
      try {
        assert.equal(JSON.parse((await stream.next()).data).id, between);
      } finally {
        stream.close();
      }
      const preflight = await fetch(`${server.api}/comments?post=12`, { headers: { Origin: 'https://news.example' } });
      assert.match(preflight.headers.get('Access-Control-Expose-Headers') ?? '', new RegExp(STREAM_POSITION_HEADER, 'i'));
    });

    it('caps the streams of one address (429) and ends a stream after its maximum age', async () => {
      const server = await serve({ streamsPerAddress: 2 });
      const url = `${server.api}/comments/stream?post=12`;
      const [one, two] = [await openEventStream(url), await openEventStream(`${server.api}/comments/stream?post=13`)];
      try {
        assert.deepEqual([one.status, two.status], [200, 200]);
        const third = await fetch(url);
        assert.equal(third.status, 429);
        assert.ok(Number(third.headers.get('Retry-After')) > 0);
        const refusal = await error(third);
        assert.equal(refusal.code, 'rest_too_many_streams');
        assert.match(refusal.message, /Too many live comment streams/);
        one.close();
        // The server counts the stream as closed once it sees the connection go.
        let reopened: Awaited<ReturnType<typeof openEventStream>> | undefined;
        for (const deadline = Date.now() + 5000; Date.now() < deadline && reopened?.status !== 200; ) {
          reopened?.close();
          reopened = await openEventStream(url);
        }
        assert.equal(reopened?.status, 200, 'a closed stream frees its place');
        reopened?.close();
      } finally {
        one.close();
        two.close();
      }
      const brief = await serve({ streamMaxAgeSeconds: 1 });
      const ending = await openEventStream(`${brief.api}/comments/stream?post=12`);
      assert.equal(ending.status, 200);
      const started = Date.now();
      await ending.ended;
      assert.ok(Date.now() - started < 4000, 'ended by the server after its maximum age');
      assert.match(ending.text(), /^retry: \d+\n\n/, 'the browser is told when to reconnect');
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
