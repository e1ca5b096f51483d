// Every rule of the comment server, run once per storage (sqlite.test.ts, postgres.test.ts) against the real HTTP
// server on a loopback port. Each test starts its own server with the options it needs, on fresh storage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommentServerOptions } from '../../../server/app.js';
import { COMMENT_LIMITS, HONEYPOT_FIELD, SERVER_HEADER, type WpComment, type WpCommentCreated, type WpError } from 'newsroom-comment-protocol';
import { ADVERSARIAL_SHAPES } from '../support/adversarial.js';
import { moderator, newComment, queryDatabase, startTestServer, suiteServers, type TestCommentServer } from '../support/comment-server.js';

/** Gives each server fresh storage: a temp SQLite file by default, or a new PostgreSQL database. */
export type FreshStorage = () => Promise<CommentServerOptions>;

const DUPLICATE = 'Duplicate comment detected; it looks as though you’ve already said that!';
const FLOOD = 'You are posting comments too quickly. Slow down.';

async function error(response: Response): Promise<WpError> {
  const body = (await response.json()) as WpError;
  assert.equal(body.data.status, response.status, 'data.status repeats the HTTP status');
  assert.equal(typeof body.code, 'string');
  assert.equal(typeof body.message, 'string');
  return body;
}

const json = async <T = WpComment>(response: Response): Promise<T> => (await response.json()) as T;

/** A created comment as lists show it: the author's edit token and its deadline are given once, at creation. */
const shownLater = ({ edit_token, edit_until, ...comment }: WpCommentCreated): WpComment => comment;

async function approve(server: TestCommentServer, id: number): Promise<void> {
  const response = await fetch(`${server.api}/comments/${id}`, {
    method: 'POST',
    headers: { ...moderator, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'approved' }),
  });
  assert.equal(response.status, 200);
}

export function commentServerSuite(name: string, fresh: FreshStorage): void {
  describe(`comment server on ${name}`, () => {
    const start = suiteServers();
    const serve = async (options: CommentServerOptions = {}) => start({ moderation: 'none', floodSeconds: 0, ...(await fresh()), ...options });

    it('creates a comment (201) and lists it, without the email or IP address', async () => {
      const server = await serve();
      const body = newComment({ post: 7, author_url: 'https://reader.example/me' });
      const response = await server.post(body);
      assert.equal(response.status, 201);
      assert.equal(response.headers.get(SERVER_HEADER), 'newsroom-elements');
      const withToken = await json<WpCommentCreated>(response);
      assert.match(withToken.edit_token ?? '', /^[\w-]{43}$/);
      const created = shownLater(withToken);
      assert.equal(response.headers.get('Location'), `/wp-json/wp/v2/comments/${created.id}`);
      assert.deepEqual(
        { post: created.post, parent: created.parent, author_name: created.author_name, author_url: created.author_url },
        { post: 7, parent: 0, author_name: body.author_name, author_url: 'https://reader.example/me' },
      );
      assert.equal(created.status, 'approved');
      assert.match(created.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      assert.match(created.date_gmt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      assert.equal(created.content.rendered, `<p>${body.content}</p>\n`);
      assert.equal(created.link, `/?p=7#comment-${created.id}`);

      const list = await server.get('/comments?post=7');
      assert.equal(list.status, 200);
      assert.equal(list.headers.get('X-WP-Total'), '1');
      assert.equal(list.headers.get('X-WP-TotalPages'), '1');
      const text = await list.text();
      assert.deepEqual(JSON.parse(text), [created]);
      assert.ok(!text.includes(body.author_email!), 'no email');
      assert.ok(!text.includes('127.0.0.1'), 'no IP address');
      const single = await server.get(`/comments/${created.id}`);
      assert.deepEqual(await single.json(), created);
    });

    it('paginates and orders like WordPress, and validates the query', async () => {
      const server = await serve();
      const ids: number[] = [];
      for (let index = 0; index < 5; index += 1) ids.push((await json(await server.post(newComment({ post: 3 })))).id);
      await server.post(newComment({ post: 4 }));
      const page2 = await server.get('/comments?post=3&per_page=2&page=2&order=asc');
      assert.equal(page2.headers.get('X-WP-Total'), '5');
      assert.equal(page2.headers.get('X-WP-TotalPages'), '3');
      assert.deepEqual((await json<WpComment[]>(page2)).map((comment) => comment.id), ids.slice(2, 4));
      const newestFirst = await json<WpComment[]>(await server.get('/comments?post=3'));
      assert.deepEqual(newestFirst.map((comment) => comment.id), [...ids].reverse());
      assert.equal((await error(await server.get('/comments?post=3&per_page=2&page=4'))).code, 'rest_comment_invalid_page_number');
      const tooMany = await error(await server.get('/comments?post=3&per_page=101'));
      assert.equal(tooMany.code, 'rest_invalid_param');
      assert.ok(tooMany.data.params?.per_page);
      assert.equal((await error(await server.get('/comments?order=sideways'))).code, 'rest_invalid_param');
      assert.equal((await error(await server.get('/comments?post=abc'))).code, 'rest_invalid_param');
      const empty = await server.get('/comments?post=99');
      assert.deepEqual(await empty.json(), []);
      assert.equal(empty.headers.get('X-WP-Total'), '0');
    });

    it('threads replies: parent must be an approved comment of the same post', async () => {
      const server = await serve({ moderation: 'first-time' });
      const held = await json(await server.post(newComment({ post: 1 })));
      assert.equal(held.status, 'hold');
      const approved = await json(
        await (await fetch(`${server.api}/comments/${held.id}`, {
          method: 'POST',
          headers: { ...moderator, 'Content-Type': 'application/json' },
          body: JSON.stringify({ status: 'approved' }),
        })),
      );
      assert.equal(approved.status, 'approved');
      const reply = await server.post(newComment({ post: 1, parent: approved.id }));
      assert.equal(reply.status, 201);
      assert.equal((await json(reply)).parent, approved.id);
      const replies = await json<WpComment[]>(await server.get(`/comments?post=1&parent=${approved.id}`));
      assert.equal(replies.length, 0, 'the reply of a first-time commenter is held');

      const heldParent = await json(await server.post(newComment({ post: 1 })));
      for (const parent of [heldParent.id, 999999, approved.id]) {
        const post = parent === approved.id ? 2 : 1;
        const refused = await server.post(newComment({ post, parent }));
        assert.equal(refused.status, 400, `parent ${parent} on post ${post}`);
        assert.ok((await error(refused)).data.params?.parent);
      }
      for (const parent of [-1, 1.5, 'abc', true, [1]]) {
        assert.equal((await server.post({ ...newComment(), parent })).status, 400, `parent ${JSON.stringify(parent)}`);
      }
    });

    it('holds first-time commenters, approves an email with an earlier approved comment', async () => {
      const server = await serve({ moderation: 'first-time' });
      const first = newComment();
      const held = await json(await server.post(first));
      assert.equal(held.status, 'hold');
      assert.equal((await error(await server.get(`/comments/${held.id}`))).code, 'rest_cannot_read');
      assert.deepEqual(await (await server.get('/comments?post=1')).json(), []);
      const again = await json(await server.post({ ...first, content: 'Still first-time.' }));
      assert.equal(again.status, 'hold');
      await fetch(`${server.api}/comments/${held.id}`, {
        method: 'POST',
        headers: { ...moderator, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'approve' }),
      });
      const trusted = await json(await server.post({ ...first, content: 'Now I am known.' }));
      assert.equal(trusted.status, 'approved');
    });

    it('holds everything in "all" mode, and 2+ links or a keyword in any mode', async () => {
      const all = await serve({ moderation: 'all' });
      assert.equal((await json(await all.post(newComment()))).status, 'hold');
      const server = await serve({ moderation: 'none', moderationKeywords: ['casino'] });
      assert.equal((await json(await server.post(newComment({ content: 'One link: https://a.example' })))).status, 'approved');
      const twoLinks = newComment({ content: 'See https://a.example and http://b.example' });
      assert.equal((await json(await server.post(twoLinks))).status, 'hold');
      assert.equal((await json(await server.post(newComment({ content: 'Best CASINO deals' })))).status, 'hold');
      assert.equal((await json(await server.post(newComment({ author_name: 'casino king' })))).status, 'hold');
    });

    it('requires a name and a valid email (configurable), refuses empty text', async () => {
      const server = await serve();
      const missing = await error(await server.post({ post: 1, content: 'Who am I?' }));
      assert.equal(missing.code, 'rest_comment_author_data_required');
      assert.equal(missing.message, 'Creating a comment requires valid author name and email values.');
      assert.deepEqual(Object.keys(missing.data.params ?? {}).sort(), ['author_email', 'author_name']);
      for (const content of ['', '   \n\t  ', undefined]) {
        const empty = await error(await server.post(newComment({ content })));
        assert.equal(empty.code, 'rest_comment_content_invalid');
        assert.equal(empty.data.params?.content, 'Please type your comment text.');
      }
      for (const email of ['a:b@example.com', 'a;b@example.com', 'a b@example.com', 'no-at-sign', 'x@y', 'a@b..com', 'é@example.com', `${'a'.repeat(250)}@example.com`]) {
        const invalid = await error(await server.post(newComment({ author_email: email })));
        assert.equal(invalid.code, 'rest_invalid_param', email);
        assert.equal(invalid.data.params?.author_email, 'Please enter a valid email address.');
      }
      const missingPost = await error(await server.post({ ...newComment(), post: undefined }));
      assert.equal(missingPost.code, 'rest_comment_invalid_post_id');
      assert.equal(missingPost.data.status, 403);

      const anonymous = await serve({ requireNameEmail: false });
      assert.equal((await anonymous.post({ post: 1, content: 'No name needed here.' })).status, 201);
    });

    it('counts length limits in UTF-8 bytes', async () => {
      const server = await serve();
      assert.equal((await server.post(newComment({ author_name: 'é'.repeat(122) }))).status, 201, '244 bytes');
      const name = await error(await server.post(newComment({ author_name: 'é'.repeat(123) })));
      assert.equal(name.code, 'comment_author_column_length');
      assert.equal(name.message, 'Comment field exceeds maximum length allowed.');
      assert.equal(name.data.params?.author_name, 'Your name is too long.');
      assert.equal((await server.post(newComment({ content: 'a'.repeat(65524) + 'b' }))).status, 201, '65,525 bytes');
      const content = await error(await server.post(newComment({ content: '€'.repeat(21842) })));
      assert.equal(content.code, 'comment_content_column_length');
      assert.equal(content.data.params?.content, 'Your comment is too long.');
      const email = await error(await server.post(newComment({ author_email: `${'a'.repeat(90)}@example.com` })));
      assert.equal(email.code, 'comment_author_email_column_length');
      const url = await error(await server.post(newComment({ author_url: `https://example.com/${'p'.repeat(190)}` })));
      assert.equal(url.code, 'comment_author_url_column_length');
    });

    it('accepts only http(s) author URLs and escapes every text on output', async () => {
      const server = await serve();
      for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'ftp://example.com', '//example.com']) {
        const refused = await error(await server.post(newComment({ author_url: url })));
        assert.equal(refused.data.params?.author_url, 'Invalid URL.', url);
      }
      const tricky = "http://x.com/?'onmouseover='alert(1)'x='";
      const created = await json(
        await server.post(
          newComment({
            author_name: '<script>alert(1)</script>Mallory',
            author_url: tricky,
            content: '<details open ontoggle=alert(1)><style>*{}</style><form><input autofocus onfocus=alert(1)>\n"quoted" & \'single\'',
          }),
        ),
      );
      assert.equal(created.author_name, 'alert(1)Mallory', 'tags stripped from the name, as WordPress does');
      assert.equal(created.author_url, tricky, 'stored as given; JSON carries it as text');
      assert.equal(
        created.content.rendered,
        '<p>&lt;details open ontoggle=alert(1)&gt;&lt;style&gt;*{}&lt;/style&gt;&lt;form&gt;&lt;input autofocus onfocus=alert(1)&gt;<br />\n&quot;quoted&quot; &amp; &#039;single&#039;</p>\n',
      );
    });

    it('makes links clickable with rel="nofollow ugc", paragraphs and line breaks', async () => {
      const server = await serve();
      const created = await json(
        await server.post(newComment({ content: 'Source: https://example.com/a?b=1&c="2".\r\nThanks.\n\n\n  Second paragraph  ' })),
      );
      assert.equal(
        created.content.rendered,
        '<p>Source: <a href="https://example.com/a?b=1&amp;c=" rel="nofollow ugc">https://example.com/a?b=1&amp;c=</a>&quot;2&quot;.<br />\nThanks.</p>\n<p>Second paragraph</p>\n',
      );
    });

    it('survives pathological input without catastrophic backtracking', async () => {
      const server = await serve();
      const hostile = ['http://'.repeat(8000), `${'<'.repeat(20000)}a`, `https://${'a'.repeat(60000)}`, '\n \n'.repeat(15000)];
      for (const content of hostile) {
        const response = await server.post(newComment({ content, author_name: '<'.repeat(200) }));
        assert.ok([201, 400].includes(response.status), `status ${response.status}`);
      }
      const list = await server.get('/comments?per_page=100');
      assert.equal(list.status, 200);
    });

    it('keeps the whole write and read path linear: adversarial texts take at most ~4× the time of 4× smaller ones', async () => {
      const server = await serve();
      let post = 1000;
      // CPU time of this process (the server runs in it), which other jobs on a loaded machine do not inflate as they
      // do the wall clock.
      const timed = async (send: () => Promise<Response>) => {
        const start = process.cpuUsage();
        const response = await send();
        const text = await response.text();
        const used = process.cpuUsage(start);
        return { ms: (used.user + used.system) / 1000, status: response.status, text };
      };
      /** POSTs the text in a field on a post of its own, then reads that post's list (which renders the text). */
      const sample = async (field: string, text: string) => {
        post += 1;
        const sent = await timed(() => server.post(newComment({ post, [field]: text })));
        if (sent.status !== 201) return { postMs: sent.ms, getMs: 0 };
        const { status } = JSON.parse(sent.text) as WpComment;
        const read = await timed(() => server.get(`/comments?post=${post}&status=${status}`, moderator));
        assert.equal(read.status, 200);
        return { postMs: sent.ms, getMs: read.ms };
      };
      const limit = COMMENT_LIMITS.content;
      const slow: string[] = [];
      for (const field of ['content', 'author_name', 'author_email', 'author_url']) {
        for (const [shape, build] of Object.entries(ADVERSARIAL_SHAPES)) {
          const texts = { small: build(limit / 4), large: build(limit) };
          // The fastest of several interleaved tries: a garbage collection is not the cost of the text.
          const best = { small: { postMs: Infinity, getMs: Infinity }, large: { postMs: Infinity, getMs: Infinity } };
          for (let attempt = 0; attempt < 5; attempt += 1) {
            for (const size of ['small', 'large'] as const) {
              const { postMs, getMs } = await sample(field, texts[size]);
              best[size] = { postMs: Math.min(best[size].postMs, postMs), getMs: Math.min(best[size].getMs, getMs) };
            }
          }
          // Linear work gives a ratio of 4 at most (less, with the fixed cost of a request); quadratic work gives 16.
          const { small, large } = best;
          if (large.postMs / small.postMs >= 8 || large.getMs / small.getMs >= 8) {
            slow.push(`${field}, ${shape}: POST ${small.postMs.toFixed(1)} → ${large.postMs.toFixed(1)} ms, GET ${small.getMs.toFixed(1)} → ${large.getMs.toFixed(1)} ms`);
          }
        }
      }
      assert.deepEqual(slow, [], 'super-linear time at 4× the size');
    });

    it('refuses a duplicate with 409', async () => {
      const server = await serve();
      const body = newComment();
      assert.equal((await server.post(body)).status, 201);
      const duplicate = await error(await server.post(body));
      assert.equal(duplicate.data.status, 409);
      assert.equal(duplicate.code, 'comment_duplicate');
      assert.equal(duplicate.message, DUPLICATE);
      assert.equal((await server.post({ ...body, post: 2 })).status, 201, 'same text on another post is fine');
    });

    it('compares texts for duplicates in a normalised form: NFKC, invisible characters, whitespace and case', async () => {
      const server = await serve();
      const body = newComment({ content: 'Great article about the Café, thank you.\n\nSecond line.' });
      assert.equal((await server.post(body)).status, 201);
      const variants = [
        'great  article about the café,  thank you.\n\nsecond line.',
        'GREAT ARTICLE ABOUT THE CAFÉ, THANK YOU. SECOND LINE.',
        'Great\u200b article about the Cafe\u0301, thank\u00ad you.\n\nSecond\u2060 line.',
        'Ｇｒｅａｔ article about the Café, thank you.\tSecond line.',
        ' Great article about the Café, thank you.\u3000\u00a0Second line.\ufeff',
      ];
      for (const content of variants) {
        const response = await server.post({ ...body, content });
        assert.equal(response.status, 409, JSON.stringify(content));
        assert.equal((await error(response)).code, 'comment_duplicate');
      }
      assert.equal((await server.post({ ...body, author_email: body.author_email!.toUpperCase() })).status, 409, 'email in capitals');
      assert.equal((await server.post({ ...body, content: 'Great article about the Cafe, thank you. Second line.' })).status, 201, 'an accent is a difference');
    });

    it('compares emails case-insensitively for the flood limit and first-time moderation', async () => {
      let now = Date.UTC(2026, 0, 1);
      const server = await serve({ floodSeconds: 15, moderation: 'first-time', trustedProxies: ['127.0.0.1'], now: () => now });
      const author = newComment({ author_email: `Flood-${process.pid}@Example.com` });
      const first = await json(await server.post(author, { 'X-Forwarded-For': '203.0.113.40' }));
      const lower = { ...author, author_email: author.author_email!.toLowerCase(), content: 'From my phone now.' };
      const flood = await server.post(lower, { 'X-Forwarded-For': '203.0.113.41' });
      assert.equal(flood.status, 429, 'one sender, whatever the case of the email');
      await approve(server, first.id);
      now += 60_000;
      const trusted = await json(await server.post(lower, { 'X-Forwarded-For': '203.0.113.41' }));
      assert.equal(trusted.status, 'approved', 'known by an approved comment whose email differs only in case');
    });

    it('publishes a first-time commenter at once only when an approved comment has the same name and email', async () => {
      const server = await serve({ moderation: 'first-time' });
      const reader = newComment({ author_name: 'Ada Reader' });
      await approve(server, (await json(await server.post(reader))).id);
      const impostor = await json(await server.post({ ...reader, author_name: 'The Editor', content: 'Official statement.' }));
      assert.equal(impostor.status, 'hold', 'a known email under another name is held');
      const same = await json(await server.post({ ...reader, content: 'Me again.' }));
      assert.equal(same.status, 'approved');
    });

    it('counts IPv6 senders per /64 network for the flood limit', async () => {
      const server = await serve({ floodSeconds: 15, trustedProxies: ['127.0.0.1'] });
      const from = (address: string) => ({ 'X-Forwarded-For': address });
      assert.equal((await server.post(newComment(), from('2001:db8:1:2::1'))).status, 201);
      for (const neighbour of ['2001:db8:1:2::2', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:0:0:0:3']) {
        assert.equal((await server.post(newComment(), from(neighbour))).status, 429, neighbour);
      }
      assert.equal((await server.post(newComment(), from('2001:db8:1:3::1'))).status, 201, 'another /64');
      assert.equal((await server.post(newComment(), from('203.0.113.50'))).status, 201, 'IPv4 addresses count one by one');
      assert.equal((await server.post(newComment(), from('203.0.113.51'))).status, 201);
    });

    it('refuses a text or a name of only invisible characters like an empty one', async () => {
      const server = await serve();
      for (const content of ['\u200b', '\u200b\u200c\u200d\u2060\ufeff', ' \u00ad\n\u3164\u115f\u2800 ', '\u180e\ufe0f\u034f\u3000\u00a0']) {
        const response = await server.post(newComment({ content }));
        assert.equal(response.status, 400, JSON.stringify(content));
        const refused = await error(response);
        assert.equal(refused.code, 'rest_comment_content_invalid');
        assert.equal(refused.data.params?.content, 'Please type your comment text.');
      }
      const namelessResponse = await server.post(newComment({ author_name: '\u200b\u200b' }));
      assert.equal(namelessResponse.status, 400, 'a name of only zero-width spaces');
      const nameless = await error(namelessResponse);
      assert.equal(nameless.code, 'rest_comment_author_data_required');
      assert.deepEqual(Object.keys(nameless.data.params ?? {}), ['author_name']);
      assert.equal((await server.post(newComment({ content: '\u200b👍\u200b' }))).status, 201, 'something visible');
    });

    it('shows the email and raw text to the moderator only in the edit context, as WordPress', async () => {
      const server = await serve({ moderation: 'all' });
      const body = newComment();
      const created = await json(await server.post(body));
      const secret = body.author_email!;
      for (const path of ['/comments?status=hold', `/comments/${created.id}`, `/comments/${created.id}?context=view`]) {
        const text = await (await server.get(path, moderator)).text();
        assert.ok(!text.includes(secret), `no email in ${path}`);
        assert.ok(!text.includes('"raw"'), `no raw text in ${path}`);
      }
      const listed = await json<(WpComment & { author_email: string; content: { raw: string } })[]>(
        await server.get('/comments?status=hold&context=edit', moderator),
      );
      assert.equal(listed[0].author_email, secret);
      assert.equal(listed[0].content.raw, body.content);
      const single = await json<WpComment & { author_email: string }>(await server.get(`/comments/${created.id}?context=edit`, moderator));
      assert.equal(single.author_email, secret);
      assert.equal((await error(await server.get(`/comments/${created.id}?context=edit`))).code, 'rest_forbidden_context');
    });

    it('refuses a second comment within the flood window from the same address or email (429 + Retry-After)', async () => {
      let now = Date.UTC(2026, 0, 1);
      const server = await serve({ floodSeconds: 15, trustedProxies: ['127.0.0.1'], now: () => now });
      const fromAddress = (address: string) => ({ 'X-Forwarded-For': address });
      assert.equal((await server.post(newComment(), fromAddress('203.0.113.1'))).status, 201);
      now += 5000;
      const sameAddress = await server.post(newComment(), fromAddress('203.0.113.1'));
      assert.equal(sameAddress.status, 429);
      assert.equal(sameAddress.headers.get('Retry-After'), '10');
      const flood = await error(sameAddress);
      assert.equal(flood.code, 'comment_flood');
      assert.equal(flood.message, FLOOD);
      const author = newComment();
      assert.equal((await server.post(author, fromAddress('203.0.113.2'))).status, 201);
      const sameEmail = await server.post({ ...author, content: 'From my phone now.' }, fromAddress('203.0.113.3'));
      assert.equal(sameEmail.status, 429, 'same email from another address');
      now += 10_001;
      assert.equal((await server.post(newComment(), fromAddress('203.0.113.1'))).status, 201, 'after the window');
    });

    it('believes X-Forwarded-For only from a trusted proxy', async () => {
      const server = await serve({ floodSeconds: 15 });
      assert.equal((await server.post(newComment(), { 'X-Forwarded-For': '198.51.100.1' })).status, 201);
      const spoofed = await server.post(newComment(), { 'X-Forwarded-For': '198.51.100.2' });
      assert.equal(spoofed.status, 429, 'a spoofed header does not dodge the flood rule');
    });

    it('stores a filled honeypot as spam and answers exactly as a held first comment, whoever the email', async () => {
      for (const moderation of ['none', 'first-time'] as const) {
        const server = await serve({ moderation });
        const known = newComment();
        const knownComment = await json(await server.post(known));
        await approve(server, knownComment.id);
        const genuine = await json(await server.post(newComment()));
        for (const claimed of [known, newComment()]) {
          const response = await server.post({ ...claimed, content: `Cheap pills ${moderation}`, [HONEYPOT_FIELD]: 'call me' });
          assert.equal(response.status, 201);
          const bot = await json(response);
          assert.equal(bot.status, 'hold', `told what a held first comment is told (${moderation}, ${claimed.author_email})`);
          assert.deepEqual(Object.keys(bot).sort(), Object.keys(genuine).sort());
          const spam = await json<WpComment[]>(await server.get('/comments?status=spam', moderator));
          assert.ok(spam.some((comment) => comment.id === bot.id), 'stored as spam');
        }
        const published = (await json<WpComment[]>(await server.get('/comments'))).map((comment) => comment.id);
        assert.ok(published.includes(knownComment.id) && published.every((id) => id <= genuine.id), 'no spam published');
      }
    });

    it('puts a filled honeypot through the same duplicate and flood limits as any comment', async () => {
      let now = Date.UTC(2026, 0, 1);
      const server = await serve({ floodSeconds: 15, trustedProxies: ['127.0.0.1'], now: () => now });
      const bot = newComment({ content: 'x'.repeat(60_000), [HONEYPOT_FIELD]: 'call me' });
      assert.equal((await server.post(bot, { 'X-Forwarded-For': '203.0.113.10' })).status, 201);
      now += 60_000;
      const again = await server.post(bot, { 'X-Forwarded-For': '203.0.113.11' });
      assert.equal(again.status, 409, 'the same text again is a duplicate');
      assert.equal((await error(again)).code, 'comment_duplicate');
      assert.equal((await server.post({ ...bot, content: 'y' }, { 'X-Forwarded-For': '203.0.113.12' })).status, 201);
      const flood = await server.post({ ...bot, content: 'z', author_email: 'other-bot@example.com' }, { 'X-Forwarded-For': '203.0.113.12' });
      assert.equal(flood.status, 429, 'one address, too quickly');
      assert.equal((await error(flood)).code, 'comment_flood');
    });

    it('replays an Idempotency-Key retry and never creates a second row, even concurrently', async () => {
      const server = await serve();
      const body = newComment();
      const first = await server.post(body, { 'Idempotency-Key': 'retry-1' });
      const retry = await server.post(body, { 'Idempotency-Key': 'retry-1' });
      assert.equal(first.status, 201);
      assert.equal(retry.status, 201);
      const [firstBody, retryBody] = [await json<WpCommentCreated>(first), await json<WpCommentCreated>(retry)];
      assert.ok(firstBody.edit_token && !retryBody.edit_token, 'the edit token is given once');
      assert.deepEqual(retryBody, shownLater(firstBody));
      const racing = newComment();
      const responses = await Promise.all(
        Array.from({ length: 12 }, () => server.post(racing, { 'Idempotency-Key': 'race-1' })),
      );
      const bodies = await Promise.all(responses.map((response) => json<WpCommentCreated>(response)));
      assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([201]));
      assert.equal(bodies.filter((body) => body.edit_token).length, 1, 'the edit token is given once');
      assert.equal(new Set(bodies.map((body) => JSON.stringify(shownLater(body)))).size, 1, 'every retry gets the first response');
      assert.equal((await server.all()).length, 2);
      assert.equal((await server.post(newComment(), { 'Idempotency-Key': 'bad key with spaces' })).status, 400);
    });

    it('keeps a bounded reference for an Idempotency-Key, not a copy of the reply, and re-presents the comment', async () => {
      const options = await fresh();
      const server = await serve(options);
      const body = newComment({ content: '"'.repeat(COMMENT_LIMITS.content) });
      const first = shownLater(await json(await server.post(body, { 'Idempotency-Key': 'bounded-1' })));
      const records = await queryDatabase(options, 'SELECT * FROM idempotency_keys');
      assert.equal(records.length, 1);
      const recordBytes = Object.values(records[0]).reduce<number>((sum, value) => sum + String(value).length, 0);
      assert.ok(recordBytes < 512, `the record holds ${recordBytes} characters for a reply of ${JSON.stringify(first).length}`);
      assert.deepEqual(await json(await server.post(body, { 'Idempotency-Key': 'bounded-1' })), first);
    });

    it('binds an Idempotency-Key to its request and sender: a reuse is refused 422, a key of a deleted comment is forgotten', async () => {
      const server = await serve({ moderation: 'first-time', trustedProxies: ['127.0.0.1'] });
      const from = (address: string, key: string) => ({ 'X-Forwarded-For': address, 'Idempotency-Key': key });
      const body = newComment({ content: 'A held, not yet public text.' });
      const created = shownLater(await json(await server.post(body, from('203.0.113.20', 'bound-1'))));
      assert.equal(created.status, 'hold');

      const reused = await server.post(newComment({ post: 2 }), from('198.51.100.20', 'bound-1'));
      assert.equal(reused.status, 422);
      const reuse = await error(reused);
      assert.equal(reuse.code, 'idempotency_key_reused');
      assert.ok(reuse.data.params?.['Idempotency-Key']);
      assert.ok(!JSON.stringify(reuse).includes(body.content!) && !JSON.stringify(reuse).includes(body.author_name!), 'nothing of the first comment');
      assert.equal((await server.post({ ...body, content: 'Edited.' }, from('203.0.113.20', 'bound-1'))).status, 422, 'another body');

      // The same request from another network is the same sender when its email is the same (a phone changing networks).
      assert.deepEqual(await json(await server.post(body, from('198.51.100.21', 'bound-1'))), created);
      // Without an email, the sender is its address.
      const anonymous = await serve({ requireNameEmail: false, trustedProxies: ['127.0.0.1'] });
      const unsigned = { post: 1, content: 'No name, no email.' };
      const unsignedCreated = shownLater(await json(await anonymous.post(unsigned, from('203.0.113.30', 'bound-2'))));
      assert.equal((await anonymous.post(unsigned, from('198.51.100.30', 'bound-2'))).status, 422);
      assert.deepEqual(await json(await anonymous.post(unsigned, from('203.0.113.30', 'bound-2'))), unsignedCreated);

      const deleted = await fetch(`${server.api}/comments/${created.id}?force=true`, { method: 'DELETE', headers: moderator });
      assert.equal(deleted.status, 200);
      const anew = await server.post(body, from('203.0.113.20', 'bound-1'));
      assert.equal(anew.status, 201, 'a key whose comment is gone is forgotten');
      const recreated = await json(anew);
      assert.notEqual(recreated.id, created.id);
      assert.equal((await server.get(`/comments/${recreated.id}`, moderator)).status, 200);
    });

    it('refuses wrong types with 400, ignores unknown fields, accepts numeric strings for IDs', async () => {
      const server = await serve();
      const wrong: Record<string, unknown>[] = [
        { post: 'abc' },
        { post: 1.5 },
        { post: -3 },
        { post: 2 ** 40 },
        { author_name: 42 },
        { author_email: ['a@example.com'] },
        { author_url: { href: 'https://x.example' } },
        { content: ['text'] },
        { content: null },
        { [HONEYPOT_FIELD]: 1 },
      ];
      for (const fields of wrong) {
        const response = await server.post({ ...newComment(), ...fields });
        assert.equal(response.status, 400, JSON.stringify(fields));
        assert.equal((await error(response)).code, 'rest_invalid_param');
      }
      for (const body of ['[]', '"text"', '42', 'null']) {
        assert.equal((await server.post(body)).status, 400, body);
      }
      const created = await server.post({ ...newComment({ post: '5' as unknown as number }), surprise: { nested: true }, author_ip: '10.0.0.1' });
      assert.equal(created.status, 201);
      assert.equal((await json(created)).post, 5);
      const selfApproved = await server.post({ ...newComment(), status: 'approved' });
      assert.equal(selfApproved.status, 401, 'only the moderator sets a status');
    });

    it('accepts only JSON bodies (415), caps the body (413), reports bad JSON (400)', async () => {
      const server = await serve();
      const send = (contentType: string | undefined, body: string) =>
        fetch(`${server.api}/comments`, { method: 'POST', headers: contentType ? { 'Content-Type': contentType } : {}, body });
      for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', undefined]) {
        const response = await send(type, 'post=1&content=hi');
        assert.equal(response.status, 415, String(type));
        assert.equal((await error(response)).code, 'rest_unsupported_media_type');
      }
      const huge = await send('application/json', JSON.stringify({ ...newComment(), content: 'x'.repeat(300_000) }));
      assert.equal(huge.status, 413);
      assert.equal((await error(huge)).code, 'rest_request_too_large');
      const broken = await send('application/json', '{"post": 1, "content": ');
      assert.equal((await error(broken)).code, 'rest_invalid_json');
      assert.equal((await send('application/json; charset=utf-8', JSON.stringify(newComment()))).status, 201);
    });

    it('answers CORS only for allowed origins, with the headers the comment form needs', async () => {
      const server = await serve({ allowedOrigins: ['https://news.example'] });
      const preflight = (origin: string) =>
        fetch(`${server.api}/comments`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
        });
      const allowed = await preflight('https://news.example');
      assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://news.example');
      assert.match(allowed.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/);
      assert.match(allowed.headers.get('Access-Control-Allow-Headers') ?? '', /Authorization/);
      const refused = await preflight('https://evil.example');
      assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null);
      const list = await server.get('/comments', { Origin: 'https://news.example' });
      assert.match(list.headers.get('Access-Control-Expose-Headers') ?? '', /X-WP-Total.*X-WP-TotalPages.*X-Comment-Server/);
    });

    it('lets only the admin token moderate: list held, approve, spam, trash, delete', async () => {
      const server = await serve({ moderation: 'all' });
      const body = newComment();
      const created = await json(await server.post(body));
      const change = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
        fetch(`${server.api}${path}`, {
          method,
          headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
      const intruders: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong-token-0123456789' }, { Authorization: moderator.Authorization.replace('Bearer', 'Basic') }];
      for (const headers of intruders) {
        assert.equal((await error(await server.get('/comments?status=hold', headers))).code, 'rest_forbidden_param');
        assert.equal((await error(await change('POST', `/comments/${created.id}`, headers, { status: 'approved' }))).code, 'rest_cannot_edit');
        assert.equal((await change('PUT', `/comments/${created.id}`, headers, { status: 'bogus' })).status, 401, 'checked before the body');
        assert.equal((await error(await change('DELETE', `/comments/${created.id}?force=true`, headers))).code, 'rest_cannot_delete');
        assert.equal((await server.get('/comments?context=edit', headers)).status, 401);
      }
      const held = await json<(WpComment & { author_email: string })[]>(await server.get('/comments?status=hold&context=edit', moderator));
      assert.deepEqual(held.map((comment) => [comment.id, comment.status]), [[created.id, 'hold']], 'nothing changed');
      assert.equal(held[0].author_email, body.author_email, 'the moderator sees the email');
      assert.ok(!JSON.stringify(held).includes('127.0.0.1'), 'not even the moderator gets the IP address');

      assert.equal((await json(await change('POST', `/comments/${created.id}`, moderator, { status: 'spam' }))).status, 'spam');
      assert.equal((await json(await change('DELETE', `/comments/${created.id}`, moderator))).status, 'trash');
      assert.equal((await error(await change('DELETE', `/comments/${created.id}`, moderator))).code, 'rest_already_trashed');
      const deleted = await json<{ deleted: boolean; previous: WpComment }>(await change('DELETE', `/comments/${created.id}?force=true`, moderator));
      assert.equal(deleted.deleted, true);
      assert.equal(deleted.previous.id, created.id);
      assert.equal((await error(await server.get(`/comments/${created.id}`, moderator))).code, 'rest_comment_invalid_id');
      assert.equal((await error(await server.get('/comments/abc'))).code, 'rest_no_route');
      assert.equal((await error(await server.get('/nothing-here'))).code, 'rest_no_route');
    });

    it('fills the duplicate and flood keys of comments stored by an older version when it starts', async () => {
      const options = await fresh();
      await (await startTestServer({ ...options })).close();
      // A row as the previous schema version stored it: no sender, no duplicate key.
      const old = newComment({ author_email: `Older-${process.pid}@Example.com` });
      await queryDatabase(
        options,
        `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, content, status, created_at)
         VALUES ($1, 0, $2, $3, '', '2001:db8:9:9::1', $4, 'approved', $5)`,
        [old.post, old.author_name, old.author_email, old.content, Date.now()],
      );
      const server = await serve({ ...options, floodSeconds: 3600, trustedProxies: ['127.0.0.1'] });
      const again = { ...old, author_email: old.author_email!.toLowerCase(), content: ` ${old.content!.toUpperCase()} ` };
      assert.equal((await server.post(again, { 'X-Forwarded-For': '198.51.100.60' })).status, 409, 'a duplicate of the old comment');
      assert.equal((await server.post(newComment(), { 'X-Forwarded-For': '2001:db8:9:9::2' })).status, 429, 'the old comment counts for the flood limit');
    });

    it('keeps comments across a restart, serves /healthz and the moderation page', async () => {
      const options = await fresh();
      const first = await startTestServer({ moderation: 'none', floodSeconds: 0, ...options });
      const created = shownLater(await json(await first.post(newComment())));
      await first.close();
      const second = await serve(options);
      assert.deepEqual(await (await second.get(`/comments/${created.id}`)).json(), created);
      const health = await fetch(`${second.url}/healthz`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { status: string }).status, 'ok');
      const page = await fetch(`${second.url}/admin`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('Content-Security-Policy') ?? '', /frame-ancestors 'none'/);
      assert.equal(page.headers.get(SERVER_HEADER), 'newsroom-elements');
      const html = await page.text();
      assert.match(html, /type="password"/);
      assert.ok(!/[?&]token=/.test(html), 'the token never goes into a URL');
      assert.equal((await fetch(`${second.url}/admin/admin.js`)).status, 200);
    });
  });
}
