// Property-based hardening of POST and GET (fast-check): random and malformed bodies, wrong types, huge and
// multibyte strings, bad UTF-8 and header abuse. Never a 5xx, never a crash, never a stored row that breaks a later
// GET, never an email or IP address in a response. Once on SQLite, once on PostgreSQL.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CommentServerOptions } from '../../../server/app.js';
import { HONEYPOT_FIELD, type WpComment, type WpError } from 'newsroom-comment-protocol';
import { ADVERSARIAL_SHAPES } from '../support/adversarial.js';
import { moderator, startTestServer, type TestCommentServer } from '../support/comment-server.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const SECRET_EMAIL = 'hidden.reader@secret-mail.example';
const SECRET_IP = '192.0.2.77';
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

let cluster: TestPostgres;
const dirs: string[] = [];
before(async () => {
  cluster = await startPostgres();
});
after(() => {
  cluster?.destroy();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 80 });
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    '   ',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    '<svg><script>alert(1)</script></svg>',
    '<math><mtext><style><img src=x onerror=alert(1)>',
    '${alert(1)}',
    '"\'><x>',
    '\u0000\u0001\u001f',
    '\ud800 lone \udfff',
    '\u202eevil\u202c',
    'https://a.example https://b.example',
    "http://x.com/?'onmouseover='alert(1)'x='",
  ),
  fc.nat(70_000).map((length) => 'é'.repeat(length >> 1)),
  // Runs that hit super-linear work in a regex or a normaliser, at any size up to a little over the limit.
  fc
    .tuple(fc.constantFrom(...Object.values(ADVERSARIAL_SHAPES)), fc.integer({ min: 1, max: 70_000 }))
    .map(([shape, bytes]) => shape(bytes)),
);
const anyValue = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const id = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom('1', '2', '-1', '1e3', 2 ** 31, 2 ** 53), anyValue);
const commentBody = fc.record(
  {
    post: id,
    parent: id,
    author_name: anyValue,
    author_email: fc.oneof(fc.constant(SECRET_EMAIL), anyValue),
    author_url: fc.oneof(fc.constantFrom('https://reader.example', 'javascript:alert(1)'), anyValue),
    content: anyValue,
    [HONEYPOT_FIELD]: anyValue,
    status: anyValue,
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const validComment = fc.record({
  post: fc.integer({ min: 1, max: 4 }),
  author_name: fc.oneof(fc.constantFrom('Reader', 'Lecteur', 'Читач'), fc.string({ minLength: 1, maxLength: 40 })),
  author_email: fc.constant(SECRET_EMAIL),
  author_url: fc.constantFrom('', 'https://reader.example/'),
  content: hostileText,
});
// One field of an otherwise valid comment replaced by anything.
const mutatedComment = fc
  .tuple(validComment, fc.constantFrom('post', 'parent', 'author_name', 'author_email', 'author_url', 'content', HONEYPOT_FIELD, 'status'), anyValue)
  .map(([comment, field, value]) => ({ ...comment, [field]: value }));
const body = fc.oneof(
  { weight: 3, arbitrary: validComment.map((value) => JSON.stringify(value)) },
  { weight: 3, arbitrary: mutatedComment.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: commentBody.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.anything().map((value) => JSON.stringify(value) ?? 'undefined') },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);
const headers = fc.record(
  {
    'Content-Type': fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON') },
      fc.constantFrom('application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', ''),
    ),
    'Idempotency-Key': fc.oneof(fc.uuid(), printable),
    'X-Forwarded-For': fc.oneof(fc.constant(SECRET_IP), fc.constant(`${SECRET_IP}, 10.0.0.1`), printable),
    Authorization: fc.oneof(printable, fc.constant('Bearer '), printable.map((token) => `Bearer ${token}`)),
    Origin: fc.oneof(fc.constant('https://news.example'), printable),
  },
  { requiredKeys: ['Content-Type'] },
);

function assertSafe(text: string): void {
  assert.ok(!text.includes(SECRET_EMAIL), `no email in ${text.slice(0, 200)}`);
  assert.ok(!text.includes(SECRET_IP), `no IP address in ${text.slice(0, 200)}`);
}

function assertComment(comment: WpComment): void {
  assert.equal(typeof comment.id, 'number');
  assert.equal(typeof comment.author_name, 'string');
  assert.equal(typeof comment.content.rendered, 'string');
  assert.ok(!/<(?!\/?(p|br|a)[\s>/])/i.test(comment.content.rendered), `only p, br and a tags: ${comment.content.rendered.slice(0, 200)}`);
  assert.ok(comment.author_url === '' || /^https?:\/\//i.test(comment.author_url), comment.author_url);
}

/** Every public GET still answers 200 with well-formed comments and nothing private. */
async function assertReadable(server: TestCommentServer): Promise<void> {
  for (let page = 1; ; page += 1) {
    const response = await server.get(`/comments?per_page=100&page=${page}`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assertSafe(text);
    const comments = JSON.parse(text) as WpComment[];
    comments.forEach(assertComment);
    for (const comment of comments.slice(0, 3)) {
      const single = await server.get(`/comments/${comment.id}`);
      assert.equal(single.status, 200);
      assertSafe(await single.text());
    }
    if (page >= Number(response.headers.get('X-WP-TotalPages'))) break;
  }
  for (const status of ['hold', 'spam']) {
    const response = await server.get(`/comments?status=${status}&per_page=100`, moderator);
    assert.equal(response.status, 200);
    ((await response.json()) as WpComment[]).forEach(assertComment);
  }
}

function rawPost(url: string, bytes: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/wp-json/wp/v2/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    request.end(bytes);
  });
}

const storages: [string, () => Promise<CommentServerOptions>, number][] = [
  ['SQLite', async () => ({}), 300],
  ['PostgreSQL', async () => ({ databaseUrl: await cluster.createSchema('properties') }), 150],
];

for (const [name, storage, numRuns] of storages) {
  describe(`random and malformed requests on ${name}`, () => {
    it(`never answer 5xx, never leak, never store a row that breaks a GET (seed ${SEED})`, async (t) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'comments-properties-'));
      dirs.push(dataDir);
      const server = await startTestServer({
        ...(await storage()),
        dataDir,
        moderation: 'none',
        moderationKeywords: ['casino'],
        floodSeconds: 0,
        trustedProxies: ['127.0.0.1'],
        allowedOrigins: ['https://news.example'],
      });
      let created = 0;
      try {
        await fc.assert(
          fc.asyncProperty(body, headers, async (payload, sent) => {
            const response = await fetch(`${server.api}/comments`, { method: 'POST', headers: sent, body: payload });
            const text = await response.text();
            assert.ok(response.status < 500, `${response.status}: ${text.slice(0, 300)}`);
            assertSafe(text);
            const answer = JSON.parse(text) as WpComment | WpError;
            if (response.status === 201) {
              created += 1;
              assertComment(answer as WpComment);
            } else {
              assert.equal((answer as WpError).data.status, response.status);
              assert.equal(typeof (answer as WpError).code, 'string');
            }
          }),
          { numRuns, seed: SEED },
        );
        await fc.assert(
          fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
            // Arbitrary bytes (bad UTF-8 included) inside an otherwise valid JSON string.
            const prefix = Buffer.from('{"post":1,"author_name":"Bytes","author_email":"bytes@example.com","content":"');
            const { status, text } = await rawPost(server.url, Buffer.concat([prefix, Buffer.from(bytes), Buffer.from('"}')]));
            assert.ok(status < 500, `${status}: ${text.slice(0, 300)}`);
          }),
          { numRuns: Math.round(numRuns / 3), seed: SEED },
        );
        t.diagnostic(`${created} of ${numRuns} random requests created a comment`);
        assert.ok(created > 0, 'some random bodies were valid and stored');
        const hugeHeader = await fetch(`${server.api}/comments`, { headers: { 'X-Padding': 'x'.repeat(40_000) } });
        assert.equal(hugeHeader.status, 431);
        await assertReadable(server);
      } finally {
        await server.close();
      }
    });
  });
}
