// `npm run bench:server`: requests/s and p99 latency of the comment server for GET (a post's comment list) and POST
// (a new comment), on SQLite and on PostgreSQL, with autocannon over loopback. The server runs as its own process
// (`server/main.ts`, as `npm run server` runs it) so it does not share an event loop with the load generator.
// Writes bench/results/server.json; exits 1 when a goal of issue 4 is missed.
// Run with tsx (the npm script does): the throwaway PostgreSQL cluster comes from the tests' TypeScript helper.
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onEachStorage, startBenchServer } from './lib/comment-server.mjs';

const root = new URL('../', import.meta.url).pathname;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
const SEEDED = 200;
/** The same request against WordPress 6.1 on this machine (issue 8): autocannon, 10 connections, 10 s. */
export const WORDPRESS_GET = { requestsPerSecond: 73, p99Ms: 1074 };

let sequence = 0;
const comment = () => {
  sequence += 1;
  return JSON.stringify({
    post: 1,
    author_name: `Bench reader ${sequence}`,
    author_email: `reader${sequence}@example.com`,
    content: `Benchmark comment number ${sequence}, with a little more text to look like a real one.`,
  });
};

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function measure(storage, env) {
  const server = await startBenchServer(env);
  try {
    const api = `${server.url}/wp-json/wp/v2/comments`;
    for (let index = 0; index < SEEDED; index += 1) {
      const response = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: comment() });
      if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    }
    const get = await run({ url: `${api}?post=1` });
    const post = await run({
      url: api,
      requests: [{ method: 'POST', headers: { 'Content-Type': 'application/json' }, setupRequest: (request) => ({ ...request, body: comment() }) }],
    });
    return [
      { storage, request: 'GET /comments?post=1 (10 per page)', result: get },
      { storage, request: 'POST /comments', result: post },
    ].map(({ storage: name, request, result }) => ({
      storage: name,
      request,
      requestsPerSecond: Math.round(result.requests.average),
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
    }));
  } finally {
    await server.stop();
  }
}

export async function benchServer() {
  const rows = (await onEachStorage('comments', measure)).flat();
  const sqliteGet = rows[0];
  const goals = [
    { id: 'server-get-rps', issue: 4, goal: 'GET ≥ 2,000 req/s on SQLite', value: sqliteGet.requestsPerSecond, limit: 2000, unit: 'req/s', pass: sqliteGet.requestsPerSecond >= 2000 },
    { id: 'server-get-p99', issue: 4, goal: 'GET p99 < 50 ms on SQLite', value: sqliteGet.p99Ms, limit: 50, unit: 'ms', pass: sqliteGet.p99Ms < 50 },
    { id: 'server-no-errors', issue: 4, goal: 'no failed request in any run', value: rows.reduce((sum, row) => sum + row.errors, 0), limit: 0, unit: 'errors', pass: rows.every((row) => row.errors === 0) },
  ];
  return { rows, goals, wordpress: WORDPRESS_GET, connections: CONNECTIONS, durationSeconds: DURATION };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchServer();
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/server.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Comment server, autocannon ${CONNECTIONS} connections × ${DURATION} s, loopback:`);
  console.table(results.rows.map(({ storage, request, requestsPerSecond, p99Ms, errors }) => ({ storage, request, 'req/s': requestsPerSecond, 'p99 ms': p99Ms, errors })));
  const ratio = results.rows[0].requestsPerSecond / WORDPRESS_GET.requestsPerSecond;
  console.log(`WordPress 6.1 on this machine, same GET: ${WORDPRESS_GET.requestsPerSecond} req/s, p99 ${WORDPRESS_GET.p99Ms} ms (SQLite GET is ${ratio.toFixed(0)}× its rate).`);
  for (const goal of results.goals) console.log(`${goal.pass ? 'PASS' : 'FAIL'}  ${goal.goal}: ${goal.value} ${goal.unit}`);
  process.exit(results.goals.every((goal) => goal.pass) ? 0 : 1);
}
