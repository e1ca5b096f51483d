// A Web Test Runner plugin that runs the real comment server (server/app.ts) for the comment elements' browser tests.
// Nothing starts until a test asks `GET /__comment-server` (so stat-callout runs pay nothing); the answer is
// `{ url, adminToken }` of an instance on 127.0.0.1, a random port and a temporary SQLite folder, allowing the test
// page's origin. `GET /__comment-server/erase?email=…&mode=…` erases an address on the main instance (data rights).
// `?flood=KEY` gives a separate instance per KEY with WordPress's 15-second flood rule on (one per
// browser, since Chromium and Firefox run at the same time from the same address); the main one has it off.
// `?notify=1` gives an instance that emails reply notifications to an SMTP server on loopback started with it;
// `GET /__comment-server/mail?to=ADDRESS&count=N` waits (at most 10 s) for N messages to ADDRESS and answers their subjects.
// `?streams=KEY` gives a separate instance per KEY that allows one live stream per address (STREAMS_PER_ADDRESS=1).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { tsImport } from 'tsx/esm/api';

/** A real SMTP server on a random loopback port, keeping the recipients and subject of each message. */
async function startMailbox() {
  const messages = [];
  const waiters = new Set();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      // Parsed, so that a subject in another language (MIME encoded-words) reads as written.
      simpleParser(stream).then(
        (mail) => {
          messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), subject: mail.subject ?? '' });
          waiters.forEach((wake) => wake());
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const to = (address) => messages.filter((message) => message.to.includes(address)).map((message) => message.subject);
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    waitFor: (address, count) =>
      new Promise((resolve) => {
        const check = () => {
          if (to(address).length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(to(address));
        };
        const timer = setTimeout(() => (waiters.delete(check), resolve(to(address))), 10_000);
        waiters.add(check);
        check();
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export function commentServerPlugin() {
  const adminToken = randomBytes(24).toString('hex');
  const instances = new Map();

  let mailbox;

  async function start(origin, { floodSeconds = 0, notify = false, streamsPerAddress } = {}) {
    const { startServer } = await tsImport('../../server/app.ts', import.meta.url);
    const notifications = notify
      ? { smtpUrl: (await (mailbox ??= startMailbox())).url, publicUrl: 'https://comments.news.example', notifyDigestMinutes: 0, notifyQueue: { pollMs: 100 } }
      : {};
    const dataDir = mkdtempSync(join(tmpdir(), 'comment-server-'));
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      adminToken,
      allowedOrigins: [origin],
      moderation: 'first-time',
      floodSeconds,
      requireNameEmail: true,
      ...(streamsPerAddress && { streamsPerAddress }),
      ...notifications,
    });
    return { ...server, dataDir };
  }

  // The data-rights API answers no cross-origin request (a moderator's tool): the test page asks through here.
  async function erase({ email, mode }) {
    const { url } = await instances.get('main');
    const response = await fetch(`${url}/wp-json/newsroom/v1/data/erase`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, mode }),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.text(), type: 'json' };
  }

  return {
    name: 'comment-server',
    async serve(context) {
      if (context.path === '/__comment-server/erase') return erase(context.query);
      if (context.path === '/__comment-server/mail' && mailbox) {
        const subjects = await (await mailbox).waitFor(String(context.query.to), Number(context.query.count));
        return { body: JSON.stringify(subjects), type: 'json' };
      }
      if (context.path !== '/__comment-server') return undefined;
      const flood = typeof context.query.flood === 'string' ? context.query.flood : '';
      const streams = typeof context.query.streams === 'string' ? context.query.streams : '';
      const notify = context.query.notify === '1';
      const [name, settings] = flood
        ? [`flood:${flood}`, { floodSeconds: 15 }]
        : streams
          ? [`streams:${streams}`, { streamsPerAddress: 1 }]
          : notify
            ? ['notify', { notify }]
            : ['main', {}];
      if (!instances.has(name)) instances.set(name, start(context.origin, settings));
      const { url } = await instances.get(name);
      return { body: JSON.stringify({ url, adminToken }), type: 'json' };
    },
    async serverStop() {
      for (const pending of instances.values()) {
        const instance = await pending.catch(() => undefined);
        if (!instance) continue;
        await instance.close();
        rmSync(instance.dataDir, { recursive: true, force: true });
      }
      await (await mailbox?.catch(() => undefined))?.close();
    },
  };
}

const CLASSIC_PATH = '/__classic/wp-comments-post.php';
const readBody = (request) =>
  new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });

/**
 * A stand-in for a WordPress site's classic `wp-comments-post.php`, for `comment-form mode="wp-form"` (no WordPress
 * runs here). It answers as WordPress does: a held comment redirects to the post with `?unapproved=N` (303); a
 * refusal is a "Comment Submission Failure" page with the message in `.wp-die-message` (the comment text
 * "duplicate" gets the 409 duplicate page, an empty one the 400 "Please type your comment text."). The last fields
 * received for a post are at `GET /__classic/last?post=N` (per post: both browsers run at once).
 */
export function classicCommentsMiddleware() {
  const last = new Map();
  let nextId = 1;
  const failure = (status, message) => ({
    status,
    body: `<!DOCTYPE html><html><head><title>Comment Submission Failure</title></head><body id="error-page"><div class="wp-die-message"><p><strong>Error:</strong> ${message}</p></div><script>window.__xss = true</script></body></html>`,
  });
  return async (context, next) => {
    if (context.path === '/__classic/last') {
      context.body = JSON.stringify(last.get(context.query.post) ?? {});
      context.type = 'json';
      return;
    }
    if (context.path === '/__classic/post/') {
      context.body = '<!DOCTYPE html><title>Post</title><p>The post.</p>';
      context.type = 'html';
      return;
    }
    if (context.path !== CLASSIC_PATH || context.method !== 'POST') return next();
    const fields = Object.fromEntries(new URLSearchParams(await readBody(context.req)));
    last.set(fields.comment_post_ID, fields);
    const answer = !fields.comment?.trim()
      ? failure(400, 'Please type your comment text.')
      : fields.comment === 'duplicate'
        ? failure(409, 'Duplicate comment detected; it looks as though you’ve already said that!')
        : undefined;
    if (answer) {
      context.status = answer.status;
      context.type = 'html';
      context.body = answer.body;
      return;
    }
    const id = nextId++;
    context.status = 303;
    context.redirect(`/__classic/post/?unapproved=${id}&moderation-hash=0123abcd#comment-${id}`);
  };
}
