// The `import` and `export` commands, run as an operator runs them (the bin from source, as `npm run server` does), on
// SQLite and PostgreSQL: the WXR a real WordPress 6.1 exported (test/fixtures/wxr, made by scripts/wordpress-wxr.sh),
// a Disqus export, our own export imported back, hostile files, and memory that stays flat as files grow.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { once } from 'node:events';
import type { WpComment } from 'newsroom-comment-protocol';
import { SaxesParser } from 'saxes';
import { openStorage } from '../../../server/app.js';
import { moderator, newComment, queryDatabase, startTestServer } from '../support/comment-server.js';
import { freshPostgresSchemas } from '../support/postgres.js';
import { RSS_OPEN, WXR_HEAD, generateWxr } from '../support/wxr-files.js';
import { setStatus } from './scale-suite.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const WORDPRESS = join(ROOT, 'test/fixtures/wxr/wordpress-6.1.xml');
const DISQUS = join(ROOT, 'test/fixtures/wxr/disqus-sample.xml');

interface Storage {
  dataDir: string;
  databaseUrl?: string;
}
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'comments-transfer-'));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The bin with `args`, on `storage`, until it exits (`node` are Node's own options, such as a heap limit). */
function cli(args: string[], storage: Storage, node: string[] = []): Promise<Run> {
  const child = spawn(process.execPath, [...node, '--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: storage.dataDir, DATABASE_URL: storage.databaseUrl ?? '', LOG: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Report {
  read: number;
  imported: number;
  alreadyThere: number;
  refused: number;
  refusedByKind: Record<string, number>;
  refusals: Array<{ kind: string; sourceId: string; line: number; message: string }>;
  fieldsDropped: number;
  repliesLinked: number;
  orphans: number;
  peakRssBytes: number;
}

async function importFile(file: string, storage: Storage, ...options: string[]): Promise<Report> {
  const run = await cli(['import', ...options, file, '--json'], storage);
  assert.equal(run.code, 0, run.stderr + run.stdout);
  return JSON.parse(run.stdout) as Report;
}

interface Line {
  id: number;
  post: number;
  parent: number;
  status: string;
  date_gmt: string;
  author_name: string;
  author_email: string;
  author_url: string;
  author_ip: string;
  content: string;
}

async function exportLines(storage: Storage): Promise<Line[]> {
  const run = await cli(['export', '--format', 'jsonl'], storage);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^Exported \d+ comments \(jsonl\)/);
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

const byContent = (lines: Line[], start: string): Line => {
  const found = lines.filter((line) => line.content.startsWith(start));
  assert.equal(found.length, 1, `one comment starting "${start}"`);
  return found[0];
};

/** Each comment without our IDs: its parent named by its text, dates to the second (WXR has no milliseconds). */
const portable = (lines: Line[]) => {
  const text = new Map(lines.map((line) => [line.id, line.content]));
  return lines
    .map(({ id: _id, parent, date_gmt, ...rest }) => ({ ...rest, parent: parent === 0 ? '' : text.get(parent), date: date_gmt.slice(0, 19) }))
    .sort((a, b) => a.content.localeCompare(b.content));
};

function transferSuite(name: string, fresh: () => Promise<Storage>): void {
  describe(`import and export on ${name}`, () => {
    it('imports the export of a real WordPress 6.1: counts, threads, statuses, dates, names, HTML as text; twice adds nothing', async () => {
      const storage = await fresh();
      const first = await importFile(WORDPRESS, storage, '--format', 'wxr');
      assert.deepEqual(
        { read: first.read, imported: first.imported, alreadyThere: first.alreadyThere, refused: first.refusedByKind },
        { read: 9, imported: 8, alreadyThere: 0, refused: { 'not-a-comment': 1 } },
      );
      assert.equal(first.refusals[0].message, "a pingback, not a reader's comment");
      assert.equal(first.refusals[0].sourceId, '10');

      const again = await importFile(WORDPRESS, storage, '--format', 'wxr');
      assert.deepEqual([again.imported, again.alreadyThere, again.refused], [0, 8, 1]);

      const lines = await exportLines(storage);
      assert.equal(lines.length, 8, 'the second import added nothing');
      const amelie = byContent(lines, 'Très clair, merci !');
      assert.deepEqual(
        { ...amelie, id: 0 },
        {
          id: 0,
          post: 4,
          parent: 0,
          status: 'approved',
          date_gmt: '2022-11-14T10:15:00.000Z',
          author_name: 'Amélie Lefèvre',
          author_email: 'amelie@example.fr',
          author_url: 'https://amelie.example.fr/',
          author_ip: '192.0.2.10',
          content: 'Très clair, merci ! L’école de mon quartier y gagne-t-elle ?\n\nVoir le document (https://example.org/budget), page 12.',
        },
      );
      const oleksandra = byContent(lines, 'Дякую!');
      assert.deepEqual([oleksandra.author_name, oleksandra.parent], ['Олександра Коваленко', amelie.id]);
      assert.equal(oleksandra.content, 'Дякую! Так, школи отримують на 4 % більше — див. таблицю 3.');
      const third = byContent(lines, 'Parfait');
      assert.deepEqual([third.parent, third.content], [oleksandra.id, 'Parfait, c’est noté. & merci pour le lien <3']);
      const editor = byContent(lines, 'Bonjour Amélie');
      assert.deepEqual([editor.parent, editor.content], [amelie.id, 'Bonjour Amélie, oui : voir le tableau.'], 'tags and the script are gone');
      assert.deepEqual(
        [byContent(lines, 'Pourquoi').status, byContent(lines, 'Off-topic').status, byContent(lines, 'Off-topic').author_name],
        ['hold', 'trash', 'Zoë "Z" O’Brien'],
      );
      assert.deepEqual([byContent(lines, 'Світла').post, byContent(lines, 'Світла').author_name], [5, 'Тарас Шевчук']);
      assert.equal(byContent(lines, 'Off-topic').author_ip, '2001:db8::42');

      // The server shows the approved ones, as text.
      const server = await startTestServer({ ...storage });
      try {
        const shown = (await (await server.get('/comments?post=4&per_page=100')).json()) as WpComment[];
        assert.deepEqual(shown.map((comment) => comment.author_name).sort(), ['Amélie Lefèvre', 'Amélie Lefèvre', 'editor', 'Олександра Коваленко']);
        const rendered = shown.map((comment) => comment.content.rendered).join('\n');
        // No markup of the file survives; the only link is the one the server itself makes of a written address.
        assert.doesNotMatch(rendered, /<script|<strong|<em|owned/);
        assert.deepEqual(rendered.match(/<a [^>]*>/g), ['<a href="https://example.org/budget" rel="nofollow ugc">']);
        assert.match(rendered, /lien &lt;3/);
      } finally {
        await server.close();
      }
    });

    it('imports a Disqus export: spam, deleted, anonymous, a reply listed before its parent, a thread mapped by --post-map', async () => {
      const storage = await fresh();
      const first = await importFile(DISQUS, storage, '--format', 'disqus');
      assert.deepEqual([first.read, first.imported, first.refusedByKind], [6, 5, { 'no-post': 1 }]);
      assert.match(first.refusals[0].message, /ID budget-2023.*no numeric ID: map it with --post-map/);
      assert.equal(first.repliesLinked, 1, 'the reply that came before its parent');

      const map = join(tempDir(), 'posts.json');
      writeFileSync(map, JSON.stringify({ 'https://news.example/2023/05/budget/': 7, '42': 42 }));
      const mapped = await importFile(DISQUS, storage, '--format', 'disqus', '--post-map', map);
      assert.deepEqual([mapped.imported, mapped.alreadyThere, mapped.refused], [1, 5, 0]);

      const lines = await exportLines(storage);
      const helene = byContent(lines, 'Les digues');
      assert.deepEqual([helene.post, helene.author_name, helene.date_gmt], [42, 'Hélène Marchal', '2023-04-03T08:12:45.000Z']);
      assert.equal(helene.content, 'Les digues tiendront-elles ? Le rapport de 2021 (https://news.example/2021/04/digues/) disait que non.\n\nMerci pour l’enquête.');
      const bohdan = byContent(lines, 'Богдан тут');
      assert.deepEqual([bohdan.parent, bohdan.author_email, bohdan.author_ip], [helene.id, '', '2001:db8::7']);
      assert.equal(bohdan.content, 'Богдан тут: так, у Києві & Львові теж <script> не виконується.', 'the script element is gone, the escaped text stays text');
      assert.equal(byContent(lines, '@Богдан').parent, bohdan.id);
      assert.deepEqual([byContent(lines, 'Cheap watches').status, byContent(lines, 'Deleted by').status], ['spam', 'trash']);
      assert.equal(byContent(lines, 'Where does the money').post, 7);
    });

    it('exports a post longer than a page, and every post after it, each comment once, by post then ID', async () => {
      const storage = await fresh();
      await (await openStorage(storage.databaseUrl, storage.dataDir)).close();
      // 2,600 comments on post 1, then posts 2 to 4, inserted out of post order.
      await queryDatabase(
        storage,
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, content, status, created_at, sender, duplicate_key)
         SELECT CASE WHEN i % 5 = 0 THEN 2 + i % 3 ELSE 1 END, 0, 'Reader', 'r@example.com', '', '', 'Comment ' || i, 'approved', 1600000000000 + i, '', 'seeded ' || i FROM n`,
        [3250],
      );
      const lines = await exportLines(storage);
      assert.equal(lines.length, 3250);
      assert.equal(new Set(lines.map((line) => line.id)).size, 3250);
      const order = lines.map(({ post, id }) => [post, id]);
      assert.deepEqual(order, order.toSorted(([a, x], [b, y]) => a - b || x - y));
      assert.deepEqual([lines.filter((line) => line.post === 1).length, lines.at(-1)?.post], [2600, 4]);
    });

    it('round-trips: our WXR export (command or HTTP) imported into an empty server gives the same comments, threads, statuses and dates', async () => {
      const storage = await fresh();
      const server = await startTestServer({ ...storage, moderation: 'none', floodSeconds: 0 });
      let overHttp: Line[] | undefined;
      try {
        const post = async (fields: Record<string, unknown>) => (await (await server.post(newComment(fields))).json()) as WpComment;
        const top = await post({ post: 3, author_name: 'Amélie « Ami » Lefèvre', content: 'Top <b>not bold</b> & ]]> CDATA\'s end, "quotes"\n\nSecond paragraph.' });
        const reply = await post({ post: 3, parent: top.id, author_name: 'Олександра', author_url: 'https://example.com.ua/', content: 'Відповідь 🇺🇦' });
        await post({ post: 3, parent: reply.id, content: 'Deeper &amp; deeper <script>alert(1)</script>' });
        await post({ post: 9, content: 'On another post.' });
        await setStatus(server, (await post({ post: 3, content: 'Spam for sale' })).id, 'spam');
        await setStatus(server, (await post({ post: 9, content: 'Held back' })).id, 'hold');
        await setStatus(server, (await post({ post: 9, content: 'Thrown away' })).id, 'trash');

        // The same export over HTTP, for the moderator only.
        const endpoint = `${server.url}/wp-json/newsroom/v1/export`;
        const anonymous = await fetch(`${endpoint}?format=jsonl`);
        assert.deepEqual([anonymous.status, ((await anonymous.json()) as { code: string }).code], [401, 'rest_forbidden']);
        const wrong = await fetch(`${endpoint}?format=csv`, { headers: moderator });
        assert.deepEqual([wrong.status, ((await wrong.json()) as { code: string }).code], [400, 'rest_invalid_param']);
        const jsonl = await fetch(`${endpoint}?format=jsonl`, { headers: moderator });
        assert.deepEqual(
          [jsonl.status, jsonl.headers.get('content-type'), jsonl.headers.get('cache-control'), jsonl.headers.get('content-disposition')],
          [200, 'application/jsonl; charset=utf-8', 'no-store', 'attachment; filename="comments.jsonl"'],
        );
        overHttp = (await jsonl.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line);
        const wxr = await fetch(`${endpoint}?format=wxr`, { headers: moderator });
        assert.equal(wxr.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
        assert.equal((await wxr.text()).match(/<wp:comment>/g)?.length, 7);
      } finally {
        await server.close();
      }
      const original = await exportLines(storage);
      assert.equal(original.length, 7);
      assert.deepEqual(overHttp, original, "the HTTP export is the command's");

      const file = join(tempDir(), 'export.xml');
      const exported = await cli(['export', '--format', 'wxr', '--output', file], storage);
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(exported.stderr, /^Exported 7 comments \(wxr\)/);

      const empty = await fresh();
      const report = await importFile(file, empty, '--format', 'wxr');
      assert.deepEqual([report.read, report.imported, report.refused, report.orphans], [7, 7, 0, 0]);
      assert.deepEqual(portable(await exportLines(empty)), portable(original));
    });
  });
}

transferSuite('SQLite', async () => ({ dataDir: tempDir() }));

/** A WXR file with one post and one comment whose text is `content` (raw XML), after `prolog`. */
const oneComment = (content: string, prolog = '') =>
  `${WXR_HEAD}${prolog}${RSS_OPEN}<item><wp:post_id>1</wp:post_id><wp:comment><wp:comment_id>1</wp:comment_id>` +
  `<wp:comment_author>Mallory</wp:comment_author><wp:comment_date_gmt>2022-01-01 00:00:00</wp:comment_date_gmt>` +
  `<wp:comment_content>${content}</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment></item></channel></rss>\n`;

describe('post mapping (SQLite)', () => {
  it('--post-map maps WordPress post IDs and permalinks, and refuses posts it does not name', async () => {
    const storage = { dataDir: tempDir() };
    const map = join(tempDir(), 'posts.json');
    writeFileSync(map, JSON.stringify({ '4': 104, 'http://127.0.0.1:8089/?p=5': 105 }));
    const report = await importFile(WORDPRESS, storage, '--format', 'wxr', '--post-map', map);
    assert.deepEqual([report.imported, report.refusedByKind], [7, { 'no-post': 1, 'not-a-comment': 1 }]);
    assert.match(report.refusals.find((refusal) => refusal.kind === 'no-post')!.message, /ID 1, link http:\/\/127\.0\.0\.1:8089\/\?p=1\) is not in the post map/);
    const posts = (await exportLines(storage)).map((line) => line.post);
    assert.deepEqual([...new Set(posts)].sort(), [104, 105]);
  });

  it('--post-id-from reads the number from the permalink by a template, and refuses links it does not match', async () => {
    const storage = { dataDir: tempDir() };
    const matching = await importFile(WORDPRESS, storage, '--format', 'wxr', '--post-id-from', 'http://127.0.0.1:8089/?p={post}');
    assert.deepEqual([matching.imported, matching.refused], [8, 1]);
    const other = await importFile(WORDPRESS, { dataDir: tempDir() }, '--format', 'wxr', '--post-id-from', 'https://news.example/{post}/');
    assert.deepEqual([other.imported, other.refusedByKind], [0, { 'no-post': 8, 'not-a-comment': 1 }]);
    assert.match(other.refusals[0].message, /link does not match https:\/\/news\.example\/\{post\}\//);
  });

  it('refuses contradictory or broken options with exit status 2 and the usage', async () => {
    const storage = { dataDir: tempDir() };
    const both = await cli(['import', '--format', 'wxr', WORDPRESS, '--post-map', 'x.json', '--post-id-from', '/{post}'], storage);
    assert.deepEqual([both.code, /give --post-map or --post-id-from, not both/.test(both.stderr), /^Usage:/m.test(both.stderr)], [2, true, true]);
    const template = await cli(['import', '--format', 'wxr', WORDPRESS, '--post-id-from', '/posts/'], storage);
    assert.deepEqual([template.code, /--post-id-from must contain \{post\} exactly once/.test(template.stderr)], [2, true]);
    const map = join(tempDir(), 'bad.json');
    writeFileSync(map, '{"42": "seven"}');
    const badMap = await cli(['import', '--format', 'wxr', WORDPRESS, '--post-map', map], storage);
    assert.deepEqual([badMap.code, /"42" must map to a post number/.test(badMap.stderr)], [2, true]);
    const format = await cli(['import', '--format', 'csv', WORDPRESS], storage);
    assert.deepEqual([format.code, /import needs --format wxr or --format disqus/.test(format.stderr)], [2, true]);
  });
});

const laughs = Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`).join('');

describe('data rights and imports (SQLite)', () => {
  it('running an import again does not bring back the comments of an author erased since', async () => {
    const storage = { dataDir: tempDir() };
    await importFile(WORDPRESS, storage, '--format', 'wxr');
    const before = await exportLines(storage);
    const { author_email: email } = before.find((line) => line.author_email !== '')!;
    const theirs = before.filter((line) => line.author_email === email).length;
    const direct = await openStorage(undefined, storage.dataDir);
    try {
      const erased = await direct.eraseByEmail({ email, mode: 'delete', anonymousName: '', note: { moderator: 'admin', at: Date.now() } });
      assert.equal(erased.comments, theirs);
    } finally {
      await direct.close();
    }
    const again = await importFile(WORDPRESS, storage, '--format', 'wxr');
    assert.equal(again.imported, 0);
    const after = await exportLines(storage);
    assert.equal(after.length, before.length - theirs);
    assert.ok(after.every((line) => line.author_email !== email));
  });
});

describe('hostile and broken files are refused with a clear message, and nothing of them is stored', () => {
  const requests: string[] = [];
  const listener = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('<!ENTITY exfiltrate SYSTEM "file:///etc/hostname">');
  });
  before(async () => {
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
  });
  after(() => listener.close());
  const listenerUrl = () => {
    const address = listener.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  };

  const cases: Array<{ name: string; file: () => string | Buffer; format?: string; message: RegExp }> = [
    {
      name: 'entity expansion (billion laughs)',
      file: () => oneComment('&lol9;', `<!DOCTYPE rss [<!ENTITY lol0 "lol">${laughs}]>`),
      message: /line 2: the file has a DOCTYPE declaration/,
    },
    {
      name: 'an external entity naming a local file (XXE)',
      file: () => oneComment('&xxe;', '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
      message: /DOCTYPE declaration/,
    },
    {
      name: 'an external entity and DTD at a URL (XXE, out of band)',
      file: () => oneComment('&xxe;', `<!DOCTYPE rss SYSTEM "${listenerUrl()}/dtd" [<!ENTITY % remote SYSTEM "${listenerUrl()}/p">%remote;<!ENTITY xxe SYSTEM "${listenerUrl()}/e">]>`),
      message: /DOCTYPE declaration/,
    },
    { name: 'an entity never declared', file: () => oneComment('&xxe;'), message: /not well-formed XML: .*undefined entity/ },
    {
      name: 'bytes that are not UTF-8',
      file: () => Buffer.concat([Buffer.from(oneComment('Caf').split('Caf')[0] + 'Caf'), Buffer.from([0xe9, 0x20, 0xff]), Buffer.from(oneComment('Caf').split('Caf')[1])]),
      message: /bytes 0 to \d+ of the file are not valid UTF-8/,
    },
    {
      name: 'an encoding other than UTF-8',
      file: () => oneComment('Café').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
      message: /declares the encoding "ISO-8859-1"; only UTF-8/,
    },
    {
      name: 'a truncated file (the comments before the cut are not stored either)',
      file: () => readFileSync(WORDPRESS).subarray(0, Math.floor(readFileSync(WORDPRESS).length * 0.8)),
      message: /not well-formed XML: .*unclosed tag/,
    },
    {
      name: 'one text of 5 million characters',
      file: () => oneComment('A'.repeat(5_000_000)),
      message: /a single text, tag or comment is longer than 4194304 characters/,
    },
    {
      name: 'elements nested 1000 deep',
      file: () => oneComment(`${'<b>'.repeat(1000)}deep${'</b>'.repeat(1000)}`),
      message: /elements are nested more than 64 deep/,
    },
    { name: 'a Disqus file read as WXR', file: () => readFileSync(DISQUS), message: /not a WordPress export \(WXR\): its root element is <disqus>/ },
    { name: 'a WXR file read as Disqus', file: () => readFileSync(WORDPRESS), format: 'disqus', message: /not a Disqus export/ },
    { name: 'JSON instead of XML', file: () => '{"comments": []}', message: /not well-formed XML/ },
    { name: 'an empty file', file: () => '', message: /not well-formed XML: .*root element/ },
  ];
  for (const { name, file, format, message } of cases) {
    it(name, async () => {
      const storage = { dataDir: tempDir() };
      const path = join(tempDir(), 'hostile.xml');
      writeFileSync(path, file());
      const run = await cli(['import', '--format', format ?? 'wxr', path], storage);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /^Refused .*hostile\.xml: .*Nothing was imported\.\n$/s);
      assert.doesNotMatch(run.stdout + run.stderr, /root:|lollol/, 'no entity was expanded');
      assert.deepEqual(await queryDatabase(storage, 'SELECT count(*) AS n FROM comments'), [{ n: 0 }]);
    });
  }
  it('saxes itself, below the DOCTYPE refusal, neither expands declared entities nor fetches external ones', () => {
    const parse = (xml: string) => {
      const texts: string[] = [];
      const parser = new SaxesParser();
      parser.on('text', (text) => texts.push(text));
      let error: Error | undefined;
      parser.on('error', (failure) => (error ??= failure));
      parser.write(xml).close();
      return { texts: texts.join(''), error: error?.message };
    };
    const expanded = parse(`<!DOCTYPE r [<!ENTITY lol0 "lol">${laughs}]><r>&lol9;</r>`);
    assert.match(expanded.error ?? '', /undefined entity/);
    assert.equal(expanded.texts, '&lol9;', 'the reference is reported, and left as it was written');
    const external = parse(`<!DOCTYPE r [<!ENTITY xxe SYSTEM "${listenerUrl()}/saxes">]><r>&xxe;</r>`);
    assert.match(external.error ?? '', /undefined entity/);
  });

  it('fetched nothing: no request reached the URLs the external entities named', () => {
    assert.deepEqual(requests, []);
  });
});

describe('on PostgreSQL', () => {
  transferSuite('PostgreSQL', freshPostgresSchemas('transfer'));
});

// The child's V8 heap is capped below what holding the larger file, or every comment, would take (their text is
// Ukrainian and French: two bytes a character in UTF-16), so the command finishing proves it streams; the young
// generation is kept small so that the peak RSS shows what is held, not how lazily garbage is collected. The smaller
// run of each pair is already past the start-up climb of RSS (the allocator's arenas and SQLite's page cache filling
// in the first seconds of a run), so a difference between the two is memory that grows with the data.
const HEAP_LIMIT = ['--max-old-space-size=48', '--max-semi-space-size=1'];
const peakMegabytes = (stderr: string): number => Number(/peak memory (\d+) MB/.exec(stderr)?.[1]);

describe('memory stays flat as files and databases grow (SQLite)', () => {
  it('imports a 24 MB and a 96 MB WXR file in a 48 MB heap, with about the same peak memory', async (t) => {
    const peaks: number[] = [];
    for (const count of [1000, 4000]) {
      const dataDir = tempDir();
      const file = join(dataDir, `generated-${count}.xml`);
      await generateWxr(file, count, 18_000);
      const run = await cli(['import', '--format', 'wxr', file, '--json'], { dataDir }, HEAP_LIMIT);
      rmSync(dataDir, { recursive: true, force: true });
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout) as Report;
      assert.deepEqual([report.imported, report.orphans], [count, 0]);
      peaks.push(report.peakRssBytes / 1024 / 1024);
    }
    t.diagnostic(`peak RSS: ${peaks.map(Math.round).join(' MB → ')} MB`);
    assert.ok(peaks[1] - peaks[0] < 20, `peak RSS ${peaks.map(Math.round).join(' MB → ')} MB for a file four times larger`);
  });

  it('exports 40,000 and 160,000 comments of 800 characters (WXR and JSON Lines) in a 48 MB heap, with about the same peak memory', async (t) => {
    const peaks: Record<string, number[]> = { wxr: [], jsonl: [] };
    for (const count of [40_000, 160_000]) {
      const storage = { dataDir: tempDir() };
      await (await openStorage(undefined, storage.dataDir)).close();
      await queryDatabase(
        storage,
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, content, status, created_at, sender, duplicate_key)
         SELECT i / 50 + 1, 0, 'Reader ' || i, 'r' || i || '@example.com', '', '192.0.2.1', replace(hex(zeroblob(400)), '00', 'ї ') || i, 'approved',
           1600000000000 + i, '192.0.2.1', 'seeded ' || i FROM n`,
        [count],
      );
      for (const format of ['wxr', 'jsonl']) {
        const output = join(storage.dataDir, `export.${format}`);
        const run = await cli(['export', '--format', format, '--output', output], storage, HEAP_LIMIT);
        rmSync(output, { force: true });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stderr, new RegExp(`^Exported ${count} comments \\(${format}\\)`));
        peaks[format].push(peakMegabytes(run.stderr));
      }
      rmSync(storage.dataDir, { recursive: true, force: true });
    }
    t.diagnostic(`peak RSS: WXR ${peaks.wxr.join(' → ')} MB, JSON Lines ${peaks.jsonl.join(' → ')} MB`);
    for (const [format, [small, large]] of Object.entries(peaks)) {
      assert.ok(large - small < 20, `${format}: peak RSS ${small} MB → ${large} MB for four times the comments`);
    }
  });
});
