import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { resolveOptions } from '../../../server/config.js';
import { notificationSuite } from './notifications-suite.js';

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
