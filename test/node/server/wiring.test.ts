// How the library is wired: options resolved once, the admin token loaded once, nothing printed by library code.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createCommentApp, startServer } from '../../../server/app.js';

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
