import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { commentServerSuite } from './api-suite.js';
import { scaleSuite } from './scale-suite.js';

let cluster: TestPostgres;
let databases = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'comments-pg-data-'));
before(async () => {
  cluster = await startPostgres();
});
after(() => {
  cluster?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

const freshSchema = async () => {
  databases += 1;
  return { dataDir, databaseUrl: await cluster.createSchema(`comments_${databases}`) };
};
commentServerSuite('PostgreSQL', freshSchema);
scaleSuite('PostgreSQL', freshSchema);
