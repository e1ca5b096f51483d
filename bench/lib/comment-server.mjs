// The comment server as the server benchmarks run it: a child process on a loopback port, the moderator's token
// known, every comment approved at once, no flood limit, no logs.
import { spawn } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

/** The moderator's token: the benchmarks set it so that the server prints no generated one. */
const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** Starts `server/main.ts` with `env` over the benchmark settings; resolves with its URL and a way to stop it. */
export function startBenchServer(env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG: 'false', COMMENTS_ADMIN_TOKEN: BENCH_ADMIN_TOKEN, FLOOD_SECONDS: '0', MODERATION: 'none', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
      if (url) resolve({ url, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${printed}`)));
  });
}
