import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newComment, startTestServer } from '../support/comment-server.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { startSmtp } from '../support/smtp.js';
import { FAST_QUEUE, PUBLIC_URL, eventually, notificationSuite, outbox } from './notifications-suite.js';

let cluster: TestPostgres;
let schemas = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'comments-notify-pg-'));
before(async () => {
  cluster = await startPostgres();
});
after(() => {
  cluster?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

const freshSchema = async () => {
  schemas += 1;
  return { dataDir, databaseUrl: await cluster.createSchema(`notify_${schemas}`) };
};
notificationSuite('PostgreSQL', freshSchema);

describe('the mail queue with several server processes on one PostgreSQL', () => {
  it('sends each email once, whichever process claims it', async () => {
    const smtp = await startSmtp();
    const storage = await freshSchema();
    const options = {
      ...storage,
      moderation: 'all' as const,
      floodSeconds: 0,
      smtpUrl: smtp.url,
      publicUrl: PUBLIC_URL,
      moderatorEmail: 'desk@news.example',
      notifyQueue: FAST_QUEUE,
    };
    const processes = [await startTestServer(options), await startTestServer(options), await startTestServer(options)];
    try {
      const count = 12;
      for (let index = 0; index < count; index += 1) {
        assert.equal((await processes[index % processes.length].post(newComment({ post: 9 }))).status, 201);
      }
      const mails = await smtp.waitFor(count);
      await eventually('every email is recorded as sent', async () => (await outbox(storage)).every((row) => row.state === 'sent'));
      assert.equal(smtp.received.length, count, `emails received: ${count}, one per held comment`);
      assert.equal(new Set(mails.map((mail) => mail.parsed.messageId)).size, count);
      assert.ok((await outbox(storage)).every((row) => row.attempts === 1), 'no email was claimed twice');
    } finally {
      await Promise.all(processes.map((server) => server.close()));
      await smtp.stop();
    }
  });
});
