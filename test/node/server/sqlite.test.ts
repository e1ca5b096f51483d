import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadAdminToken } from '../../../server/config.js';
import { newComment, startTestServer } from '../support/comment-server.js';
import { commentServerSuite } from './api-suite.js';
import { scaleSuite } from './scale-suite.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'comments-sqlite-'));
  dirs.push(dir);
  return dir;
};

commentServerSuite('SQLite', async () => ({ dataDir: tempDir(), databaseUrl: undefined }));
scaleSuite('SQLite', async () => ({ dataDir: tempDir(), databaseUrl: undefined }));

describe('the data directory', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('is created 0700, and the database, its WAL and shared memory and the admin token 0600', async () => {
    const byToken = join(tempDir(), 'data');
    loadAdminToken('', byToken);
    assert.equal(mode(byToken), 0o700);
    assert.equal(mode(join(byToken, 'admin-token')), 0o600);

    const dataDir = join(tempDir(), 'data');
    const server = await startTestServer({ dataDir, moderation: 'none', floodSeconds: 0 });
    try {
      assert.equal((await server.post(newComment())).status, 201);
      assert.equal(mode(dataDir), 0o700);
      for (const file of ['comments.db', 'comments.db-wal', 'comments.db-shm']) {
        assert.equal(mode(join(dataDir, file)), 0o600, file);
      }
    } finally {
      await server.close();
    }
    // A database left readable by all (by an older version) is restricted when the server opens it.
    chmodSync(join(dataDir, 'comments.db'), 0o644);
    const again = await startTestServer({ dataDir });
    await again.close();
    assert.equal(mode(join(dataDir, 'comments.db')), 0o600);
  });
});
