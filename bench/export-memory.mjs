// `node --import tsx bench/export-memory.mjs`: memory of `export` on 1,000,000 comments (issue 18). Seeds an SQLite
// database with 1,000,000 comments (20,000 posts of 50, every fifth one a reply, mixed French and Ukrainian text of
// about 200 characters), then exports it as WXR and as JSON Lines to files: the peak RSS of each run, against the same
// command on an empty database, and the same exports under a 48 MB V8 heap limit (a command that held the comments
// would fail there). Rows are seeded with their duplicate and flood keys, as the server writes them (rows without them
// would be backfilled when the command opens the database). Writes bench/results/export-memory.json. BENCH_COMMENTS
// changes the count.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../server/storage/sqlite.ts';
import { seedComments } from './lib/seed-comments.mjs';
import { load, peakMegabytes, runTransfer } from './lib/transfer-cli.mjs';

const root = new URL('../', import.meta.url).pathname;
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1_000_000);
const HEAP_LIMIT = ['--max-old-space-size=48', '--max-semi-space-size=1'];

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
  const seedSeconds = seedComments(full, COMMENTS);
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
