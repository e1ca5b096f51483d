// `node --import tsx bench/comments-scale.mjs`: latency of reading a long thread (issue 17). One post with 10,000
// approved comments (9,000 top-level, 1,000 replies spread over them); random pages of top-level comments
// (`parent=0`) at 10, 25 and 100 per page in both orders, the replies of a page (`thread=` its IDs, and `parent=` its
// IDs) — each request timed alone over a kept-alive loopback connection. The server runs as its own process
// (`server/main.ts`). Goal: every kind of page in < 20 ms p99 on SQLite. Writes bench/results/comments-scale.json;
// exits 1 when the goal is missed. PostgreSQL is measured too when it is installed (no goal of its own).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { onEachStorage, startBenchServer } from './lib/comment-server.mjs';

const root = new URL('../', import.meta.url).pathname;
const TOP_LEVEL = 9000;
const REPLIES = 1000;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const GOAL_P99_MS = 20;

/** Seeds the post through the API, a few requests at a time; resolves with the top-level IDs. */
async function seed(api) {
  const topLevel = [];
  let sequence = 0;
  const create = async (parent) => {
    sequence += 1;
    const response = await fetch(api, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        post: 1,
        parent,
        author_name: `Reader ${sequence}`,
        author_email: `reader${sequence}@example.com`,
        content: `Comment number ${sequence}, about as long as a real one, with a little more to say than that.`,
      }),
    });
    if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    return (await response.json()).id;
  };
  const WORKERS = 8;
  const work = async (count, next) => {
    for (let index = 0; index < count; index += 1) await next();
  };
  await Promise.all(Array.from({ length: WORKERS }, () => work(TOP_LEVEL / WORKERS, async () => topLevel.push(await create(0)))));
  const pick = () => topLevel[Math.floor(Math.random() * topLevel.length)];
  await Promise.all(Array.from({ length: WORKERS }, () => work(REPLIES / WORKERS, () => create(pick()))));
  return topLevel;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timed(url) {
  const start = performance.now();
  const response = await fetch(url);
  const body = await response.json();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, body, total: Number(response.headers.get('X-WP-Total')) };
}

async function measure(storage, env) {
  const server = await startBenchServer(env);
  try {
    const api = `${server.url}/wp-json/wp/v2/comments`;
    const seedStart = performance.now();
    await seed(api);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const kinds = {};
    const record = (kind, ms) => (kinds[kind] ??= []).push(ms);
    // Warm up the connection and the statement caches.
    for (let index = 0; index < 50; index += 1) await timed(`${api}?post=1&parent=0&page=${index + 1}`);
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      for (const perPage of [10, 25, 100]) {
        const pages = Math.ceil(TOP_LEVEL / perPage);
        // The first and last pages are the extremes of the index; the others are random.
        const page = sample === 0 ? 1 : sample === 1 ? pages : 1 + Math.floor(Math.random() * pages);
        const order = sample % 2 === 0 ? 'desc' : 'asc';
        const top = await timed(`${api}?post=1&parent=0&per_page=${perPage}&page=${page}&order=${order}`);
        if (top.total !== TOP_LEVEL) throw new Error(`X-WP-Total ${top.total}, expected ${TOP_LEVEL}`);
        record(`parent=0, ${perPage} per page`, top.ms);
        if (perPage === 10) continue;
        const pageIds = top.body.map((comment) => comment.id).join(',');
        record(`thread= a page of ${perPage}`, (await timed(`${api}?post=1&thread=${pageIds}&per_page=100`)).ms);
        record(`parent= a page of ${perPage}`, (await timed(`${api}?post=1&parent=${pageIds}&per_page=100`)).ms);
      }
    }
    return Object.entries(kinds).map(([request, samples]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const round = (ms) => Math.round(ms * 100) / 100;
      return { storage, request, samples: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted.at(-1)), seedSeconds: Math.round(seedSeconds) };
    });
  } finally {
    await server.stop();
  }
}

const rows = (await onEachStorage('comments-scale', measure, { postgres: process.env.BENCH_POSTGRES !== '0' })).flat();
const sqlite = rows.filter((row) => row.storage === 'SQLite');
const worst = Math.max(...sqlite.map((row) => row.p99Ms));
const goal = { goal: `every page of a 10,000-comment post in < ${GOAL_P99_MS} ms p99 on SQLite`, value: worst, unit: 'ms', pass: worst < GOAL_P99_MS };
mkdirSync(join(root, 'bench/results'), { recursive: true });
// The machine's load over the last 1, 5 and 15 minutes: figures from a busy machine are not the server's own.
const loadAverage = loadavg().map((load) => Math.round(load * 10) / 10);
writeFileSync(join(root, 'bench/results/comments-scale.json'), `${JSON.stringify({ topLevel: TOP_LEVEL, replies: REPLIES, rows, goal, loadAverage }, null, 2)}\n`);
console.log(`A post with ${TOP_LEVEL + REPLIES} approved comments (${TOP_LEVEL} top-level), one request at a time over loopback:`);
console.table(rows.map(({ storage, request, samples, p50Ms, p99Ms, maxMs }) => ({ storage, request, samples, 'p50 ms': p50Ms, 'p99 ms': p99Ms, 'max ms': maxMs })));
console.log(`${goal.pass ? 'PASS' : 'FAIL'}  ${goal.goal}: worst p99 ${goal.value} ms`);
console.log(`Load average while measuring (1, 5, 15 min): ${loadAverage.join(', ')}`);
process.exit(goal.pass ? 0 : 1);
