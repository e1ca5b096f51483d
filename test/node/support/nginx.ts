// A private nginx (Debian's package) for tests: a temp prefix with its own config, cache zone, temp folders and logs,
// run in the foreground as a child process on a loopback port, stopped with the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgres.js';

export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
export const nginxAvailable = (): boolean => existsSync(NGINX);

export interface TestNginx {
  url: string;
  /** The error log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** The `http { … }` body of the config, given the upstream address and the folders nginx may write to. */
export type NginxSite = (site: { upstream: string; listen: string; cacheDir: string }) => string;

function listening(port: number, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nginx did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Starts nginx in front of `upstream` (`127.0.0.1:PORT`) with the given site; resolves once it accepts connections. */
export async function startNginx(upstream: string, site: NginxSite): Promise<TestNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'comments-nginx-'));
  const cacheDir = join(prefix, 'cache');
  const temp = join(prefix, 'temp');
  for (const dir of [cacheDir, temp]) mkdirSync(dir);
  // As root, nginx's workers run as nobody: they must be able to write the cache and temp folders.
  const root = process.getuid?.() === 0;
  if (root) {
    chmodSync(prefix, 0o711);
    for (const dir of [cacheDir, temp]) chownSync(dir, 65534, 65534);
  }
  const port = await freePort();
  const errorLog = join(prefix, 'error.log');
  const config = `
${root ? 'user nobody nogroup;' : ''}
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${errorLog} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
${site({ upstream, listen: `127.0.0.1:${port}`, cacheDir })}
}
`;
  const configFile = join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', configFile, '-e', errorLog, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => `${stderr}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`;
  try {
    await Promise.race([
      listening(port, Date.now() + 10_000),
      exited.then(() => Promise.reject(new Error(`nginx exited before listening:\n${log()}`))),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    async stop() {
      // SIGTERM: fast shutdown of the master and its workers.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
