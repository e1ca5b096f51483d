// `node --import tsx bench/moderation-desk.mjs`: the moderation desk's queue requests on a newsroom-sized database
// (issue 18). Seeds SQLite with 1,000,000 comments (one in seven held), starts the server on it as its own process,
// and times each kind of request the desk page makes (`GET /wp-json/newsroom/v1/moderation/comments`: a queue's first
// page with the four counts, a deep page, a post's queue, a search by text, by name and by email), each alone over a
// kept-alive loopback connection, median and worst of BENCH_SAMPLES. SQLite only: the desk's queries are the same
// shape on PostgreSQL. Writes bench/results/moderation-desk.json. BENCH_COMMENTS changes the count.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URLSearchParams } from 'node:url';
import { BENCH_ADMIN_TOKEN, startBenchServer } from './lib/comment-server.mjs';
import { seedComments } from './lib/seed-comments.mjs';

const root = new URL('../', import.meta.url).pathname;
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 9);

const REQUESTS = {
  'held, first page': { status: 'hold' },
  'approved, first page': { status: 'approved' },
  'approved, page 1,000': { status: 'approved', page: 1000 },
  "a post's held comments": { status: 'hold', post: 7777 },
  'search a text (approved)': { status: 'approved', search: 'коментар 123456.' },
  'search a name (held)': { status: 'hold', search: 'Lecteur 700007' },
  'search an email (approved)': { status: 'approved', search: 'reader999998@example.com' },
};

const dataDir = mkdtempSync(join(tmpdir(), 'bench-desk-'));
try {
  console.log(`seeding ${COMMENTS} comments…`);
  const seedSeconds = seedComments(dataDir, COMMENTS);
  const server = await startBenchServer({ DATA_DIR: dataDir });
  const rows = [];
  try {
    for (const [name, query] of Object.entries(REQUESTS)) {
      const url = `${server.url}/wp-json/newsroom/v1/moderation/comments?${new URLSearchParams({ per_page: '20', ...query })}`;
      const times = [];
      let total;
      for (let sample = 0; sample < SAMPLES; sample += 1) {
        const started = performance.now();
        const response = await fetch(url, { headers: { Authorization: `Bearer ${BENCH_ADMIN_TOKEN}` }, signal: AbortSignal.timeout(60_000) });
        if (response.status !== 200) throw new Error(`${name}: ${response.status} ${await response.text()}`);
        total = (await response.json()).total;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const row = { request: name, total, medianMs: Math.round(times[Math.floor(times.length / 2)]), worstMs: Math.round(times.at(-1)) };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  } finally {
    await server.stop();
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/moderation-desk.json'),
    `${JSON.stringify({ comments: COMMENTS, samples: SAMPLES, seedSeconds: Math.round(seedSeconds), load: loadavg()[0].toFixed(2), rows }, null, 2)}\n`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
