// How the library is wired: options resolved once, the admin token loaded once, nothing printed by library code, one
// parser for IP ranges.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createCommentApp, startServer } from '../../../server/app.js';
import { normaliseBlockValue } from '../../../server/comments/blocklist.js';
import { ConfigError, resolveOptions } from '../../../server/config.js';

const dataDirs: string[] = [];
const freshDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'comments-wiring-'));
  dataDirs.push(dir);
  return dir;
};
after(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test('createCommentApp prints nothing when it generates the admin token: the token is kept, owner-only, in the data folder', async (t) => {
  const log = t.mock.method(console, 'log', () => undefined);
  const dataDir = freshDataDir();
  const app = await createCommentApp({ dataDir });
  await app.close();
  assert.equal(log.mock.callCount(), 0);
  assert.match(readFileSync(join(dataDir, 'admin-token'), 'utf8'), /^\S{16,}\n$/);
  assert.equal(statSync(join(dataDir, 'admin-token')).mode & 0o777, 0o600);
});

test('startServer hands a generated admin token to its caller on the first start only, and the token works', async (t) => {
  const log = t.mock.method(console, 'log', () => undefined);
  const dataDir = freshDataDir();
  const first = await startServer({ host: '127.0.0.1', port: 0, dataDir });
  await first.close();
  const generated = first.generatedAdminToken;
  assert.ok(generated, 'the first start generated a token');
  assert.equal(readFileSync(generated.file, 'utf8').trim(), generated.token);

  const second = await startServer({ host: '127.0.0.1', port: 0, dataDir });
  try {
    assert.equal(second.generatedAdminToken, undefined);
    const held = await fetch(`${second.url}/wp-json/wp/v2/comments?status=hold`, {
      headers: { Authorization: `Bearer ${generated.token}` },
      signal: AbortSignal.timeout(5000),
    });
    assert.equal(held.status, 200);
  } finally {
    await second.close();
  }
  assert.equal(log.mock.callCount(), 0);
});

test('TRUSTED_PROXIES and the desk\'s IP block list read addresses and CIDR ranges with one parser: they accept and refuse the same', () => {
  const acceptedByConfig = (entry: string) => {
    try {
      return resolveOptions({}, { TRUSTED_PROXIES: entry }).trustedProxies.includes(entry);
    } catch (error) {
      if (error instanceof ConfigError) return false;
      throw error;
    }
  };
  const acceptedByDesk = (entry: string) => 'value' in normaliseBlockValue('ip', entry);
  const accepted = ['127.0.0.1', '10.0.0.0/8', '203.0.113.0/24', '0.0.0.0/0', '::1', '2001:db8::/32', '2001:db8::/128'];
  const refused = ['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/0008', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.256', 'proxy.example', '10.0.0.0/-1'];
  for (const entry of accepted) assert.deepEqual([entry, acceptedByConfig(entry), acceptedByDesk(entry)], [entry, true, true]);
  for (const entry of refused) assert.deepEqual([entry, acceptedByConfig(entry), acceptedByDesk(entry)], [entry, false, false]);
});

// Each process loads server/config.ts, says it is ready, and spins until the gate file exists: all go at once.
const LOAD_AT_THE_GATE = `
  const { existsSync } = await import('node:fs');
  const { loadAdminToken } = await import(process.env.CONFIG_MODULE);
  process.stdout.write('ready\\n');
  while (!existsSync(process.env.GATE)) {}
  try {
    process.stdout.write(JSON.stringify(loadAdminToken('', process.env.DATA_DIR)));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error) }));
  }
`;

test('servers starting together on one data folder without a token share one generated token, and one of them shows it', async () => {
  const config = new URL('../../../server/config.ts', import.meta.url).href;
  for (let round = 0; round < 20; round += 1) {
    const dataDir = freshDataDir();
    const gate = join(freshDataDir(), 'go');
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', LOAD_AT_THE_GATE], {
        env: { ...process.env, CONFIG_MODULE: config, GATE: gate, DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 30_000,
      }),
    );
    const outputs = children.map((child) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      return { ready: () => output.startsWith('ready'), done: once(child, 'close').then(() => output.slice('ready\n'.length)) };
    });
    while (!outputs.every((output) => output.ready())) await new Promise((resolve) => setTimeout(resolve, 10));
    writeFileSync(gate, '');
    const loaded = (await Promise.all(outputs.map((output) => output.done))).map((text) => JSON.parse(text) as { token?: string; generated?: boolean; error?: string });
    assert.deepEqual(loaded.flatMap((answer) => (answer.error ? [answer.error] : [])), [], `round ${round}`);
    assert.equal(new Set(loaded.map((answer) => answer.token)).size, 1, `round ${round}: one token for all`);
    assert.equal(loaded.filter((answer) => answer.generated).length, 1, `round ${round}: one of them generated it`);
    assert.equal(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(), loaded[0].token);
    assert.deepEqual(readdirSync(dataDir), ['admin-token'], 'no draft left behind');
  }
});
