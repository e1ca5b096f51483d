// Clients that stall: raw sockets that never finish their headers or body, drip bytes, or idle on keep-alive, against
// the real server with short configured timeouts; and a server process told to stop while an upload stalls.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, resolveOptions } from '../../../server/config.js';
import { spawnServerProcess, startTestServer, type ServerProcess, type TestCommentServer } from '../support/comment-server.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'comments-timeouts-'));
  dirs.push(dir);
  return dir;
};

// Each test fails by running into this bound if the server keeps a stalled connection open.
const BOUNDED = { timeout: 20_000 };

interface RawConnection {
  socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves once the server sent `text`. */
  receives(text: string): Promise<void>;
  /** Resolves when the connection is closed, with everything the server sent. */
  closed: Promise<string>;
}

function rawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    const waiting: { text: string; resolve: () => void }[] = [];
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      waiting.filter((wait) => text.includes(wait.text)).forEach((wait) => wait.resolve());
    });
    const closed = new Promise<string>((done) => socket.on('close', () => done(text)));
    socket.once('error', () => undefined);
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => text,
        receives: (expected) => new Promise((done) => (text.includes(expected) ? done() : waiting.push({ text: expected, resolve: done }))),
        closed,
      }),
    );
    socket.once('error', reject);
  });
}

const POST_HEAD = 'POST /wp-json/wp/v2/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n';

describe('timeouts', () => {
  it('are read from the environment, and a value Node cannot use stops the server at start', () => {
    const env = { REQUEST_TIMEOUT_SECONDS: '20', HEADERS_TIMEOUT_SECONDS: '5', IDLE_TIMEOUT_SECONDS: '7', KEEP_ALIVE_TIMEOUT_SECONDS: '8', SHUTDOWN_GRACE_SECONDS: '0' };
    const settings = resolveOptions({}, env);
    assert.deepEqual(
      [settings.requestTimeoutSeconds, settings.headersTimeoutSeconds, settings.idleTimeoutSeconds, settings.keepAliveTimeoutSeconds, settings.shutdownGraceSeconds],
      [20, 5, 7, 8, 0],
    );
    assert.throws(() => resolveOptions({}, { ...env, HEADERS_TIMEOUT_SECONDS: '30' }), /HEADERS_TIMEOUT_SECONDS must not exceed REQUEST_TIMEOUT_SECONDS/);
    for (const [name, value] of [['REQUEST_TIMEOUT_SECONDS', '0'], ['IDLE_TIMEOUT_SECONDS', '1.5'], ['KEEP_ALIVE_TIMEOUT_SECONDS', 'soon']]) {
      assert.throws(() => resolveOptions({}, { ...env, [name]: value }), (error) => error instanceof ConfigError && error.message.startsWith(name));
    }
  });

  const servers: TestCommentServer[] = [];
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  const serve = async (seconds: { request: number; headers: number; idle: number; keepAlive: number }) => {
    const server = await startTestServer({
      dataDir: tempDir(),
      requestTimeoutSeconds: seconds.request,
      headersTimeoutSeconds: seconds.headers,
      idleTimeoutSeconds: seconds.idle,
      keepAliveTimeoutSeconds: seconds.keepAlive,
    });
    servers.push(server);
    return server;
  };

  it('closes a connection whose headers never end', BOUNDED, async () => {
    const server = await serve({ request: 60, headers: 1, idle: 60, keepAlive: 60 });
    const connection = await rawConnection(server.url);
    connection.socket.write(`${POST_HEAD}X-Slow: `);
    assert.match(await connection.closed, /^HTTP\/1\.1 408/);
  });

  it('closes an upload whose body never ends', BOUNDED, async () => {
    const server = await serve({ request: 1, headers: 1, idle: 60, keepAlive: 60 });
    const connection = await rawConnection(server.url);
    connection.socket.write(`${POST_HEAD}Content-Length: 1000\r\n\r\n{"post":1,`);
    assert.match(await connection.closed, /^HTTP\/1\.1 408/);
  });

  it('closes an upload that drips a byte at a time, never idle but never done', BOUNDED, async () => {
    const server = await serve({ request: 2, headers: 1, idle: 1, keepAlive: 60 });
    const connection = await rawConnection(server.url);
    connection.socket.write(`${POST_HEAD}Content-Length: 100000\r\n\r\n{"content":"`);
    // Faster than the idle timeout, so only the whole-request timeout can end it.
    const drip = setInterval(() => connection.socket.write('a'), 100);
    try {
      await connection.closed;
    } finally {
      clearInterval(drip);
    }
    assert.doesNotMatch(connection.received(), /^HTTP\/1\.1 2/);
  });

  it('closes a kept-alive connection that sends no next request', BOUNDED, async () => {
    const server = await serve({ request: 60, headers: 60, idle: 60, keepAlive: 1 });
    const connection = await rawConnection(server.url);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await connection.receives('"status":"ok"');
    assert.match(await connection.closed, /^HTTP\/1\.1 200/);
  });
});

describe('SIGTERM', () => {
  const processes: ServerProcess[] = [];
  // A server that never exits (the failure this test is for) must not outlive the test run.
  after(() => processes.forEach(({ child }) => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));

  it('closes an idle connection at once and a stalled upload after the grace period, then exits 0', BOUNDED, async () => {
    const server = await spawnServerProcess({
      DATA_DIR: tempDir(),
      SHUTDOWN_GRACE_SECONDS: '1',
      // Far longer than the test may run: only the shutdown can end the stalled upload.
      REQUEST_TIMEOUT_SECONDS: '600',
      HEADERS_TIMEOUT_SECONDS: '600',
      IDLE_TIMEOUT_SECONDS: '600',
      KEEP_ALIVE_TIMEOUT_SECONDS: '600',
    });
    processes.push(server);
    const idle = await rawConnection(server.url);
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await idle.receives('"status":"ok"');
    const stalled = await rawConnection(server.url);
    stalled.socket.write(`${POST_HEAD}Expect: 100-continue\r\nContent-Length: 1000\r\n\r\n`);
    // The server has read the headers and waits for the body.
    await stalled.receives('100 Continue');
    stalled.socket.write('{"post":1,');

    const order: string[] = [];
    idle.closed.then(() => order.push('idle'));
    stalled.closed.then(() => order.push('stalled'));
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.output());
    await Promise.all([idle.closed, stalled.closed]);
    assert.deepEqual(order, ['idle', 'stalled']);
  });
});
