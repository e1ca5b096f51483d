// The `import` and `export` commands, run as an operator runs them (the bin from source, as `npm run server` does), on
// SQLite and PostgreSQL: the WXR a real WordPress 6.1 exported (test/fixtures/wxr, made by scripts/wordpress-wxr.sh),
// a Disqus export, our own export imported back, hostile files, and memory that stays flat as files grow.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { once } from 'node:events';
import type { WpComment } from 'newsroom-comment-protocol';
import { newComment, queryDatabase, startTestServer } from '../support/comment-server.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
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

/** The bin with `args`, on `storage`, until it exits. */
function cli(args: string[], storage: Storage): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
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

    it('round-trips: our WXR export imported into an empty server gives the same comments, threads, statuses and dates', async () => {
      const storage = await fresh();
      const server = await startTestServer({ ...storage, moderation: 'none', floodSeconds: 0 });
      try {
        const post = async (fields: Record<string, unknown>) => (await (await server.post(newComment(fields))).json()) as WpComment;
        const top = await post({ post: 3, author_name: 'Amélie « Ami » Lefèvre', content: 'Top <b>not bold</b> & ]]> CDATA\'s end, "quotes"\n\nSecond paragraph.' });
        const reply = await post({ post: 3, parent: top.id, author_name: 'Олександра', author_url: 'https://example.com.ua/', content: 'Відповідь 🇺🇦' });
        await post({ post: 3, parent: reply.id, content: 'Deeper &amp; deeper <script>alert(1)</script>' });
        await post({ post: 9, content: 'On another post.' });
        await setStatus(server, (await post({ post: 3, content: 'Spam for sale' })).id, 'spam');
        await setStatus(server, (await post({ post: 9, content: 'Held back' })).id, 'hold');
        await setStatus(server, (await post({ post: 9, content: 'Thrown away' })).id, 'trash');
      } finally {
        await server.close();
      }
      const original = await exportLines(storage);
      assert.equal(original.length, 7);

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

let cluster: TestPostgres | undefined;
let schemas = 0;
describe('on PostgreSQL', () => {
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => cluster?.destroy());
  transferSuite('PostgreSQL', async () => {
    schemas += 1;
    return { dataDir: tempDir(), databaseUrl: await cluster!.createSchema(`transfer_${schemas}`) };
  });
});
