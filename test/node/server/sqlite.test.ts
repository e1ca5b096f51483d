import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { commentServerSuite } from './api-suite.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

commentServerSuite('SQLite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'comments-sqlite-'));
  dirs.push(dataDir);
  return { dataDir, databaseUrl: undefined };
});
