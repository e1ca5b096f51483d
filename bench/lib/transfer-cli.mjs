// The `import` and `export` commands as the transfer benchmarks run them: the bin from source (as `npm run server`
// runs it), on a given data folder, with optional Node options (a heap limit). Peak memory is what the command
// reports: the kernel's maximum resident set (getrusage), tsx's own share included.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

const root = new URL('../../', import.meta.url).pathname;

/** Runs the bin with `args`; resolves with its exit code, output, and wall time in seconds. */
export function runTransfer(args, { dataDir, node = [] }) {
  const started = performance.now();
  const child = spawn(process.execPath, [...node, '--import', 'tsx', 'server/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

/** The peak memory a command printed (`peak memory N MB`, or `peakRssBytes` in a JSON report). */
export function peakMegabytes(run) {
  const printed = /peak memory (\d+) MB/.exec(run.stderr + run.stdout)?.[1];
  if (printed !== undefined) return Number(printed);
  const json = /"peakRssBytes":(\d+)/.exec(run.stdout)?.[1];
  return json === undefined ? undefined : Math.round(Number(json) / 1024 / 1024);
}

/** The machine's load when a figure was taken: figures from a busy machine say so. */
export const load = () => Number(loadavg()[0].toFixed(2));
