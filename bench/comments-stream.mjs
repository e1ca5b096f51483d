// `node --import tsx bench/comments-stream.mjs`: live-update fan-out of the comment server (issue 17). 1,000
// concurrent Server-Sent Events streams of one post on one server process (server/main.ts on SQLite, its own process),
// over loopback; a new approved comment is posted, and the time from sending it to its arrival on each stream is
// measured, for several comments in turn. Goal: p99 < 1 s. Writes bench/results/comments-stream.json; exits 1 when the
// goal is missed. BENCH_POSTGRES=1 measures PostgreSQL too (no goal of its own).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { onEachStorage, startBenchServer } from './lib/comment-server.mjs';

const root = new URL('../', import.meta.url).pathname;
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 20);
const GOAL_P99_MS = 1000;

/** Opens a stream; calls `arrived(commentId, time)` for each `comment` event. */
function openStream(url, agent, arrived) {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent, headers: { Accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`stream answered ${response.statusCode}`));
      let pending = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        const now = performance.now();
        pending += chunk;
        const blocks = pending.split('\n\n');
        pending = blocks.pop();
        for (const block of blocks) {
          const match = /^event: comment\ndata: \{"id":(\d+),/m.exec(block);
          if (match) arrived(Number(match[1]), now);
        }
      });
      resolve(request);
    });
    request.once('error', reject);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(storage, env) {
  const server = await startBenchServer({ STREAMS_PER_ADDRESS: String(STREAMS + 10), ...env });
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const requests = [];
  try {
    const api = `${server.url}/wp-json/wp/v2/comments`;
    // Arrival times by comment ID: a stream may get the event before the POST's answer names the comment.
    const arrivals = new Map();
    let everyStreamHasIt = () => undefined;
    const arrived = (commentId, time) => {
      if (!arrivals.has(commentId)) arrivals.set(commentId, []);
      arrivals.get(commentId).push(time);
      everyStreamHasIt();
    };
    const latencies = [];
    const openStart = performance.now();
    for (let index = 0; index < STREAMS; index += 1) requests.push(await openStream(`${api}/stream?post=1`, agent, arrived));
    const openSeconds = (performance.now() - openStart) / 1000;
    for (let index = 0; index < COMMENTS; index += 1) {
      const sentAt = performance.now();
      const response = await fetch(api, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ post: 1, author_name: `Reader ${index}`, author_email: `reader${index}@example.com`, content: `Live comment ${index}.` }),
      });
      const { id, status } = await response.json();
      if (status !== 'approved') throw new Error(`comment ${id} is ${status}`);
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`comment ${id} reached ${arrivals.get(id)?.length ?? 0} of ${STREAMS} streams in 10 s`)), 10_000);
        everyStreamHasIt = () => {
          if ((arrivals.get(id)?.length ?? 0) < STREAMS) return;
          clearTimeout(timer);
          resolve();
        };
        everyStreamHasIt();
      });
      latencies.push(...arrivals.get(id).map((time) => time - sentAt));
    }
    const sorted = latencies.sort((a, b) => a - b);
    const round = (ms) => Math.round(ms * 10) / 10;
    return { storage, streams: STREAMS, comments: COMMENTS, deliveries: sorted.length, openSeconds: round(openSeconds), p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted.at(-1)) };
  } finally {
    requests.forEach((request) => request.destroy());
    agent.destroy();
    await server.stop();
  }
}

const rows = await onEachStorage('comments-stream', measure, { postgres: process.env.BENCH_POSTGRES === '1' });
const goal = { goal: `a new approved comment reaches ${STREAMS} open streams in < ${GOAL_P99_MS} ms p99 (SQLite)`, value: rows[0].p99Ms, unit: 'ms', pass: rows[0].p99Ms < GOAL_P99_MS };
mkdirSync(join(root, 'bench/results'), { recursive: true });
// The machine's load over the last 1, 5 and 15 minutes: figures from a busy machine are not the server's own.
const loadAverage = loadavg().map((load) => Math.round(load * 10) / 10);
writeFileSync(join(root, 'bench/results/comments-stream.json'), `${JSON.stringify({ rows, goal, loadAverage }, null, 2)}\n`);
console.log(`Live updates: ${STREAMS} streams of one post on one server process, ${COMMENTS} comments, loopback:`);
console.table(rows);
console.log(`${goal.pass ? 'PASS' : 'FAIL'}  ${goal.goal}: p99 ${goal.value} ms`);
console.log(`Load average while measuring (1, 5, 15 min): ${loadAverage.join(', ')}`);
process.exit(goal.pass ? 0 : 1);
