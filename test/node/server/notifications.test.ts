import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { NOTIFY_FIELD } from 'newsroom-comment-protocol';
import { newComment, queryDatabase, startTestServer } from '../support/comment-server.js';
import { resolveOptions } from '../../../server/config.js';
import { FAST_QUEUE, PUBLIC_URL, eventually, notificationSuite, outbox } from './notifications-suite.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

notificationSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'comments-notify-'));
  dirs.push(dir);
  return { dataDir: dir, databaseUrl: undefined };
});

describe('notification settings', () => {
  const base = { smtpUrl: 'smtp://127.0.0.1:2525', publicUrl: 'https://comments.news.example' };
  it('are off without SMTP_URL, and need PUBLIC_URL (links never come from a request) with it', () => {
    assert.equal(resolveOptions({}, {}).notifications, undefined);
    assert.throws(() => resolveOptions({ smtpUrl: base.smtpUrl }, {}), /PUBLIC_URL must be/);
    const resolved = resolveOptions({}, { SMTP_URL: base.smtpUrl, PUBLIC_URL: `${base.publicUrl}/`, MODERATOR_EMAIL: 'desk@news.example' });
    assert.deepEqual(
      { ...resolved.notifications, queue: undefined },
      { ...base, mailFrom: 'comments@comments.news.example', moderatorEmail: 'desk@news.example', digestMs: 15 * 60 * 1000, queue: undefined },
    );
  });

  it('refuse what could inject a header or is not what it says', () => {
    assert.throws(() => resolveOptions({ ...base, mailFrom: 'News <news@news.example>\r\nBcc: x@evil.example' }, {}), /MAIL_FROM must be/);
    assert.throws(() => resolveOptions({ ...base, moderatorEmail: 'desk@news.example\nBcc: x@evil.example' }, {}), /MODERATOR_EMAIL must be/);
    assert.throws(() => resolveOptions({ ...base, smtpUrl: 'http://mail.example' }, {}), /SMTP_URL must be/);
    assert.throws(() => resolveOptions({}, { ...base, SMTP_URL: base.smtpUrl, PUBLIC_URL: base.publicUrl, NOTIFY_DIGEST_MINUTES: 'soon' }), /NOTIFY_DIGEST_MINUTES/);
    assert.equal(resolveOptions({ ...base, mailFrom: 'Newsroom <news@news.example>' }, {}).notifications?.mailFrom, 'Newsroom <news@news.example>');
  });
});

describe('a mail server that never answers', () => {
  it('holds no attempt past the SMTP timeouts: each fails and is retried', async () => {
    const sockets = new Set<Socket>();
    // Accepts connections and never says a word (no greeting).
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dataDir = mkdtempSync(join(tmpdir(), 'comments-notify-'));
    dirs.push(dataDir);
    const storage = { dataDir };
    const server = await startTestServer({
      ...storage,
      moderation: 'none',
      floodSeconds: 0,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      publicUrl: PUBLIC_URL,
      notifyQueue: { ...FAST_QUEUE, smtpTimeoutMs: 300 },
    });
    try {
      assert.equal((await server.post(newComment({ [NOTIFY_FIELD]: true }))).status, 201);
      await eventually('three attempts timed out', async () => (await outbox(storage))[0]?.attempts >= 3);
      const [row] = await queryDatabase(storage, 'SELECT state, last_error FROM notify_outbox');
      assert.equal(row.state, 'queued', 'kept for a later attempt');
      assert.match(String(row.last_error), /Greeting never received|timeout/i);
    } finally {
      await server.close();
      sockets.forEach((socket) => socket.destroy());
      silent.close();
    }
  });
});
