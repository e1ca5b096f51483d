// `node --import tsx bench/export-memory.mjs`: memory of `export` on 1,000,000 comments (issue 18). Seeds an SQLite
// database with 1,000,000 comments (20,000 posts of 50, every fifth one a reply, mixed French and Ukrainian text of
// about 200 characters), then exports it as WXR and as JSON Lines to files: the peak RSS of each run, against the same
// command on an empty database, and the same exports under a 48 MB V8 heap limit (a command that held the comments
// would fail there). Rows are seeded with their duplicate and flood keys, as the server writes them (rows without them
// would be backfilled when the command opens the database). Writes bench/results/export-memory.json. BENCH_COMMENTS
// changes the count.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStorage } from '../server/storage/sqlite.ts';
import { load, peakMegabytes, runTransfer } from './lib/transfer-cli.mjs';

const root = new URL('../', import.meta.url).pathname;
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1_000_000);
const HEAP_LIMIT = ['--max-old-space-size=48', '--max-semi-space-size=1'];

function seed(dataDir, count) {
  openSqliteStorage(join(dataDir, 'comments.db')).close();
  const db = new Database(join(dataDir, 'comments.db'));
  const started = performance.now();
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO comments (id, post, parent, author_name, author_email, author_url, author_ip, content, status, created_at,
       sender, duplicate_key)
     SELECT i, (i - 1) / 50 + 1, CASE WHEN i % 5 = 0 THEN i - 1 ELSE 0 END, 'Lecteur ' || i, 'reader' || i || '@example.com',
       '', '192.0.2.' || (i % 250), 'Le conseil a voté le budget; Рада ухвалила бюджет, коментар ' || i || '. ' ||
       replace(hex(zeroblob(12)), '00', 'Ça va. Так. '), CASE WHEN i % 7 = 0 THEN 'hold' ELSE 'approved' END,
       1600000000000 + i * 1000, '192.0.2.' || (i % 250), 'seeded ' || i
     FROM n`,
  ).run(count);
  db.close();
  return (performance.now() - started) / 1000;
}

const dirs = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  dirs.push(dir);
  return dir;
};

try {
  const empty = tempDir();
  openSqliteStorage(join(empty, 'comments.db')).close();
  const full = tempDir();
  console.log(`seeding ${COMMENTS} comments…`);
  const seedSeconds = seed(full, COMMENTS);
  const rows = [];
  for (const format of ['wxr', 'jsonl']) {
    for (const [database, dataDir] of [['empty', empty], [`${COMMENTS} comments`, full]]) {
      for (const [heap, node] of [['default heap', []], ['48 MB heap', HEAP_LIMIT]]) {
        const output = join(dataDir, `export.${format}`);
        const run = await runTransfer(['export', '--format', format, '--output', output], { dataDir, node });
        if (run.code !== 0) throw new Error(`export ${format} (${database}, ${heap}) failed: ${run.stderr}`);
        const row = { format, database, heap, peakRssMb: peakMegabytes(run), seconds: Number(run.seconds.toFixed(1)), outputMb: Math.round(statSync(output).size / 1024 / 1024), load: load() };
        rows.push(row);
        console.log(JSON.stringify(row));
        rmSync(output);
      }
    }
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/export-memory.json'), `${JSON.stringify({ comments: COMMENTS, seedSeconds: Math.round(seedSeconds), rows }, null, 2)}\n`);
} finally {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}
