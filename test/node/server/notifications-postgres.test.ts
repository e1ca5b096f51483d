import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTIFY_FIELD } from 'newsroom-comment-protocol';
import { newComment, startTestServer } from '../support/comment-server.js';
import { freshPostgresSchemas } from '../support/postgres.js';
import { startSmtp } from '../support/smtp.js';
import { FAST_QUEUE, PUBLIC_URL, eventually, linkIn, local, notificationSuite, outbox, page } from './notifications-suite.js';

const freshSchema = freshPostgresSchemas('notify');
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

      // One signing key for all: a link one process sent works on another, once.
      assert.equal((await processes[0].post(newComment({ post: 9, [NOTIFY_FIELD]: true }))).status, 201);
      // Two more: the comment is held (the moderator hears of it) and its author gets the confirmation.
      const confirmation = (await smtp.waitFor(count + 2)).slice(count).find((mail) => !mail.recipients.includes('desk@news.example'))!;
      const link = linkIn(confirmation, 'confirm');
      assert.match((await page(await fetch(local(processes[1], link), { method: 'POST' }))).text, /Address confirmed/);
      assert.match((await page(await fetch(local(processes[2], link), { method: 'POST' }))).text, /Already confirmed/);
    } finally {
      await Promise.all(processes.map((server) => server.close()));
      await smtp.stop();
    }
  });
});
