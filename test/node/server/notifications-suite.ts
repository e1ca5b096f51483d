// Reply notifications by email, run once per storage (notifications.test.ts, notifications-postgres.test.ts): the real
// comment server on a loopback port sends to a real SMTP server the test starts, and the test reads what it received.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  EDIT_TOKEN_HEADER,
  HONEYPOT_FIELD,
  NOTIFICATIONS_HEADER,
  NOTIFY_FIELD,
  NOTIFY_LANGUAGE_FIELD,
  type WpComment,
  type WpCommentCreated,
  type WpError,
} from 'newsroom-comment-protocol';
import { join } from 'node:path';
import type { CommentServerOptions } from '../../../server/app.js';
import type { CommentStorage } from '../../../server/storage/port.js';
import { openSqliteStorage } from '../../../server/storage/sqlite.js';
import { moderator, newComment, queryDatabase, suiteServers, type TestCommentServer } from '../support/comment-server.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.js';
import type { FreshStorage } from './api-suite.js';

/** Links in emails start with this, never with the address the test server listens on. */
export const PUBLIC_URL = 'https://comments.news.example';
/** Fast queue settings: a test waits for the SMTP server's messages, never a fixed time. */
export const FAST_QUEUE = { pollMs: 50, retryBaseMs: 50, retryMaxMs: 400, leaseMs: 10_000 };
const HOLD_WORD = 'hold-me-please';

/** The same path on the test server: what following a link of the email does. */
export const local = (server: TestCommentServer, link: string): string => {
  assert.ok(link.startsWith(`${PUBLIC_URL}/`), `${link} starts with PUBLIC_URL`);
  return `${server.url}${link.slice(PUBLIC_URL.length)}`;
};

export const linkIn = (mail: ReceivedMail, path: string): string => {
  const found = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/notifications/${path}/[\\w.-]+`).exec(mail.parsed.text ?? '');
  assert.ok(found, `the email has a /notifications/${path}/ link`);
  return found[0];
};

const json = async <T = WpComment>(response: Response): Promise<T> => {
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as T;
};

export const setStatus = async (server: TestCommentServer, id: number, status: string) => {
  const response = await fetch(`${server.api}/comments/${id}`, {
    method: 'POST',
    headers: { ...moderator, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  assert.equal(response.status, 200);
};

/** Rows of the mail queue, oldest first. */
export const outbox = async (storage: CommentServerOptions) =>
  (await queryDatabase(storage, 'SELECT id, kind, recipient, state, attempts FROM notify_outbox ORDER BY id')).map((row) => ({
    ...row,
    attempts: Number(row.attempts),
  })) as { id: number; kind: string; recipient: string; state: string; attempts: number }[];

/** Polls the database (a state, not an event) until `done` holds, for at most `timeoutMs`. */
export async function eventually(what: string, done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The pages behind the links: their status and their visible text. */
export const page = async (response: Response) => ({
  status: response.status,
  text: (await response.text()).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' '),
});
/** A page behind a link with the language it declares on <html>. */
const pageIn = async (response: Response) => {
  const html = await response.text();
  // Spaces between tags collapse; a no-break space stays (French puts one before a colon).
  const text = html.replace(/<[^>]*>/g, ' ').replace(/[ \t\r\n]+/g, ' ').trim();
  return { status: response.status, lang: /^<!doctype html><html lang="([^"]*)">/.exec(html)?.[1], text };
};
/** The one `<html lang>` of an email's HTML part. */
const htmlLang = (mail: ReceivedMail) => /<html lang="([^"]*)">/.exec(mail.parsed.html || '')?.[1];

export const oneClick = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

/** The server's storage opened straight, for what no HTTP route does (data rights erasure, pruning). */
async function openStorage(options: CommentServerOptions): Promise<CommentStorage> {
  if (!options.databaseUrl) return openSqliteStorage(join(options.dataDir!, 'comments.db'));
  const { openPostgresStorage } = await import('../../../server/storage/postgres.js');
  return openPostgresStorage(options.databaseUrl);
}

export function notificationSuite(name: string, fresh: FreshStorage): void {
  describe(`reply notifications by email on ${name}`, () => {
    let smtp: TestSmtp;
    const start = suiteServers();
    before(async () => {
      smtp = await startSmtp();
    });
    after(async () => {
      await smtp?.stop();
    });
    // Each test's figure for the record (the assertions pin the exact numbers).
    let receivedBefore = 0;
    beforeEach(() => {
      receivedBefore = smtp.received.length;
    });
    afterEach((t) => {
      if ('diagnostic' in t) t.diagnostic(`emails received in this test: ${smtp.received.length - receivedBefore}`);
    });

    const serve = async (options: CommentServerOptions = {}) => {
      const storage = { ...(await fresh()), ...options };
      const server = await start({
        moderation: 'none',
        moderationKeywords: [HOLD_WORD],
        floodSeconds: 0,
        smtpUrl: smtp.url,
        publicUrl: PUBLIC_URL,
        notifyDigestMinutes: 0,
        notifyQueue: FAST_QUEUE,
        ...storage,
      });
      return { server, storage };
    };
    /** Messages received from here on, to one address. */
    const mark = () => {
      const start = smtp.received.length;
      return {
        to: (address: string) => smtp.received.slice(start).filter((mail) => mail.recipients.includes(address)),
        count: () => smtp.received.length - start,
        waitFor: async (count: number) => (await smtp.waitFor(start + count)).slice(start),
      };
    };
    /** A reader's comment asking for replies, with the address confirmed through the link of its one email. */
    const confirmedAuthor = async (server: TestCommentServer, post: number) => {
      const since = mark();
      const comment = await json(await server.post(newComment({ post, [NOTIFY_FIELD]: true })));
      const [confirmation] = await since.waitFor(1);
      const confirmed = await page(await fetch(local(server, linkIn(confirmation, 'confirm')), { method: 'POST' }));
      assert.match(confirmed.text, /Address confirmed/);
      return { comment, email: confirmation.recipients[0] };
    };

    it('is offered only by a server with SMTP_URL (a header on API responses); without it a request to be notified changes nothing', async () => {
      const { server: off, storage } = await serve({ smtpUrl: undefined });
      const response = await off.get('/comments?post=1');
      assert.equal(response.headers.get(NOTIFICATIONS_HEADER), null);
      assert.equal((await off.post(newComment({ [NOTIFY_FIELD]: true }))).status, 201);
      assert.deepEqual(await queryDatabase(storage, 'SELECT * FROM notify_subscriptions'), []);
      assert.equal((await fetch(`${off.url}/notifications/confirm/1.${'a'.repeat(43)}`)).status, 404, 'no notification pages');

      const { server: on } = await serve({ allowedOrigins: ['https://news.example'] });
      const list = await on.get('/comments?post=1', { Origin: 'https://news.example' });
      assert.equal(list.headers.get(NOTIFICATIONS_HEADER), 'email');
      assert.ok(list.headers.get('Access-Control-Expose-Headers')?.includes(NOTIFICATIONS_HEADER), 'readable by a page on another origin');
    });

    it('sends one confirmation email; no notification before the address is confirmed, then replies are notified', async () => {
      const { server, storage } = await serve();
      const since = mark();
      const alice = await json(await server.post(newComment({ post: 2, [NOTIFY_FIELD]: true })));
      const [confirmation] = await since.waitFor(1);
      const email = confirmation.recipients[0];
      assert.match(email, /^reader\d+-\d+@example\.com$/);
      assert.match(confirmation.parsed.subject ?? '', /Confirm your address/);
      const confirmLink = linkIn(confirmation, 'confirm');
      assert.ok(!confirmation.raw.includes(server.url), 'links never use the address the request came to');
      // Asking again (another comment in another thread) sends no second confirmation.
      await json(await server.post(newComment({ post: 2, author_email: email, [NOTIFY_FIELD]: true })));
      // Someone replies before the address is confirmed: nothing is queued for it.
      await json(await server.post(newComment({ post: 2, parent: alice.id })));
      assert.deepEqual(
        (await outbox(storage)).map((row) => row.kind),
        ['confirm'],
        'one confirmation, and no reply notification for an unconfirmed address',
      );

      const shown = await page(await fetch(local(server, confirmLink)));
      assert.equal(shown.status, 200);
      assert.match(shown.text, /Confirm your address .* Confirm/);
      assert.match((await page(await fetch(local(server, confirmLink), { method: 'POST' }))).text, /Address confirmed/);
      assert.match((await page(await fetch(local(server, confirmLink), { method: 'POST' }))).text, /Already confirmed/, 'works once');

      const bob = await json(await server.post(newComment({ post: 2, parent: alice.id, author_name: 'Bob Replier' })));
      const [notification] = (await since.waitFor(2)).slice(1);
      assert.deepEqual(notification.recipients, [email]);
      assert.match(notification.parsed.subject ?? '', /Bob Replier replied to your comment/);
      assert.ok(notification.parsed.text?.includes(bob.content.rendered.replace(/<\/?p>\n?/g, '')));
      assert.ok(notification.parsed.text?.includes(`${PUBLIC_URL}/?p=2#comment-${bob.id}`));
      assert.equal(since.count(), 2, 'emails received: the confirmation and one notification');
    });

    it('notifies approved replies only: a held reply once a moderator approves it, spam never; moderators hear of held comments, not spam', async () => {
      const moderatorEmail = 'desk@news.example';
      const { server, storage } = await serve({ moderatorEmail, notifyDigestMinutes: 1 / 60 });
      const { comment: alice, email } = await confirmedAuthor(server, 3);
      const since = mark();
      const held = await json(await server.post(newComment({ post: 3, parent: alice.id, author_name: 'Held Hal', content: `Wait ${HOLD_WORD}.` })));
      assert.equal(held.status, 'hold');
      const spam = await server.post(newComment({ post: 3, parent: alice.id, author_name: 'Spam Sam', [HONEYPOT_FIELD]: 'buy now' }));
      assert.equal(spam.status, 201);
      const [moderatorMail] = await since.waitFor(1);
      assert.deepEqual(moderatorMail.recipients, [moderatorEmail]);
      assert.match(moderatorMail.parsed.subject ?? '', /held for moderation: Held Hal/);
      assert.ok(moderatorMail.parsed.text?.includes(`${PUBLIC_URL}/admin`));
      assert.deepEqual(
        (await outbox(storage)).filter((row) => row.kind !== 'confirm').map((row) => row.kind),
        ['held'],
        'nothing for the subscriber while the reply is held, nothing at all for spam',
      );

      await setStatus(server, held.id, 'approved');
      // A reply approved, then marked spam before its email went (within the digest window): it is not named.
      const late = await json(await server.post(newComment({ post: 3, parent: alice.id, author_name: 'Late Lou' })));
      await setStatus(server, late.id, 'spam');
      const [, notification] = await since.waitFor(2);
      assert.deepEqual(notification.recipients, [email]);
      assert.match(notification.parsed.subject ?? '', /Held Hal replied/);
      assert.ok(!notification.raw.includes('Spam Sam'));
      assert.ok(!notification.raw.includes('Late Lou'));
      await eventually('the queue is worked through', async () => (await outbox(storage)).every((row) => ['sent', 'skipped'].includes(row.state)));
      assert.equal(since.count(), 2, 'emails received: one to the moderator, one notification');
      assert.equal(since.to(email).length, 1);
    });

    it("tells the moderator of a comment its author's edit holds again", async () => {
      const moderatorEmail = 'desk@news.example';
      const { server } = await serve({ moderatorEmail });
      const since = mark();
      const created = await json<WpCommentCreated>(await server.post(newComment({ post: 11 })));
      assert.equal(created.status, 'approved');
      const edited = await fetch(`${server.api}/comments/${created.id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [EDIT_TOKEN_HEADER]: created.edit_token! },
        body: JSON.stringify({ content: `Edited, ${HOLD_WORD}.` }),
      });
      assert.equal(((await edited.json()) as WpComment).status, 'hold');
      const [mail] = await since.waitFor(1);
      assert.deepEqual(mail.recipients, [moderatorEmail]);
      assert.ok(mail.parsed.text?.includes(`Edited, ${HOLD_WORD}.`));
      assert.equal(since.count(), 1, 'emails received: one, to the moderator');
    });

    it('gathers the replies of a digest window into one email naming them all', async () => {
      const { server, storage } = await serve({ notifyDigestMinutes: 2 / 60 });
      const { comment: alice, email } = await confirmedAuthor(server, 4);
      const since = mark();
      const first = await json(await server.post(newComment({ post: 4, parent: alice.id, author_name: 'First Fay' })));
      const second = await json(await server.post(newComment({ post: 4, parent: alice.id, author_name: 'Second Sid' })));
      const [digest] = await since.waitFor(1);
      assert.deepEqual(digest.recipients, [email]);
      assert.match(digest.parsed.subject ?? '', /2 new replies/);
      for (const reply of [first, second]) assert.ok(digest.parsed.text?.includes(`#comment-${reply.id}`));
      assert.ok(digest.parsed.text?.includes('First Fay') && digest.parsed.text.includes('Second Sid'));
      await eventually('the queue is empty', async () => (await outbox(storage)).every((row) => row.state === 'sent'));
      assert.equal((await outbox(storage)).filter((row) => row.kind === 'replies').length, 1);
      assert.equal(since.count(), 1, 'emails received: one digest for two replies');
    });

    it('unsubscribes with one click (RFC 8058 POST) or the page, once, then says so; a forged signature is refused', async () => {
      const { server, storage } = await serve();
      const { comment: alice, email } = await confirmedAuthor(server, 5);
      const since = mark();
      await json(await server.post(newComment({ post: 5, parent: alice.id })));
      const [notification] = await since.waitFor(1);
      const head = notification.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
      const listUnsubscribe = /^List-Unsubscribe: <([^>]+)>$/m.exec(head)?.[1] ?? '';
      assert.match(head, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      assert.equal(listUnsubscribe, linkIn(notification, 'unsubscribe'), 'the header and the body give the same link');
      assert.match(notification.parsed.html || '', new RegExp(`href="${listUnsubscribe.replace(/[.?]/g, '\\$&')}"`));

      const url = local(server, listUnsubscribe);
      const forged = url.replace(/(unsubscribe\/\d+\.)(.)/, (_match, start: string, first: string) => `${start}${first === 'A' ? 'B' : 'A'}`);
      assert.equal((await fetch(forged)).status, 403);
      assert.equal((await oneClick(forged)).status, 403);
      // The last character's two spare bits changed: the same bytes once decoded, still not the signature given.
      const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const respelled = url.replace(/.$/, (last) => BASE64URL[BASE64URL.indexOf(last) ^ 1]);
      assert.equal((await oneClick(respelled)).status, 403);
      const otherId = url.replace(/unsubscribe\/(\d+)\./, (_match, id: string) => `unsubscribe/${Number(id) + 1}.`);
      assert.equal((await oneClick(otherId)).status, 403, "a signature does not fit another subscription's ID");

      const shown = await page(await fetch(url));
      assert.equal(shown.status, 200);
      assert.match(shown.text, /Stop these emails .* Unsubscribe/);
      const first = await page(await oneClick(url));
      assert.deepEqual([first.status, /Unsubscribed/.test(first.text)], [200, true]);
      const again = await page(await oneClick(url));
      assert.deepEqual([again.status, /Already unsubscribed/.test(again.text)], [200, true]);
      assert.match((await page(await fetch(url))).text, /Already unsubscribed/);

      await json(await server.post(newComment({ post: 5, parent: alice.id })));
      assert.equal((await outbox(storage)).filter((row) => row.kind === 'replies').length, 1, 'no email after unsubscribing');
      assert.equal(since.to(email).length, 1, 'emails received: one notification, then none');
    });

    /** Makes the digest gathering now due at once (the tests' digest window is long, so every reply joins it first). */
    const sendDigestNow = (storage: CommentServerOptions) =>
      queryDatabase(storage, "UPDATE notify_outbox SET send_at = 0 WHERE kind = 'replies' AND state = 'gathering'");
    /** A reader asking for replies in `language`, confirmed through the (checked) link of their one email. */
    const confirmedIn = async (server: TestCommentServer, post: number, language: string) => {
      const since = mark();
      const comment = await json(await server.post(newComment({ post, [NOTIFY_FIELD]: true, [NOTIFY_LANGUAGE_FIELD]: language })));
      const [confirmation] = await since.waitFor(1);
      const done = await pageIn(await fetch(local(server, linkIn(confirmation, 'confirm')), { method: 'POST' }));
      assert.equal(done.status, 200);
      return { comment, email: confirmation.recipients[0], confirmation, confirmed: done };
    };

    it('writes to a French reader in French (fr-CA → fr): the confirmation, its page, the digest and the unsubscribe page', async () => {
      const { server, storage } = await serve({ notifyDigestMinutes: 60 });
      const { comment: alice, email, confirmation, confirmed } = await confirmedIn(server, 20, 'fr-CA');
      const confirmLink = linkIn(confirmation, 'confirm');
      assert.equal(confirmation.parsed.subject, 'Confirmez votre adresse pour recevoir les réponses');
      assert.equal(
        confirmation.parsed.text?.trimEnd(),
        [
          'Bonjour,',
          '',
          'Quelqu’un (vous, nous l’espérons) a demandé à recevoir à cette adresse les réponses à un commentaire.',
          'Pour confirmer, ouvrez ce lien et appuyez sur «\u00a0Confirmer\u00a0»\u00a0:',
          '',
          confirmLink,
          '',
          'Si ce n’était pas vous, ignorez ce message\u00a0: vous ne recevrez rien d’autre.',
        ].join('\n'),
      );
      assert.equal(htmlLang(confirmation), 'fr');
      assert.ok((confirmation.parsed.html || '').includes('>Confirmer mon adresse</a>'));
      assert.deepEqual(confirmed, {
        status: 200,
        lang: 'fr',
        text: 'Adresse confirmée Adresse confirmée Vous recevrez par e-mail les réponses dans les conversations que vous suivez. Chaque message contient un lien pour arrêter.',
      });
      assert.deepEqual(await pageIn(await fetch(local(server, confirmLink))), {
        status: 200,
        lang: 'fr',
        text: 'Adresse déjà confirmée Adresse déjà confirmée Ce lien a déjà servi\u00a0: votre adresse est confirmée.',
      });

      const since = mark();
      const first = await json(await server.post(newComment({ post: 20, parent: alice.id, author_name: 'Fay', content: 'Première réponse.' })));
      const second = await json(await server.post(newComment({ post: 20, parent: alice.id, author_name: 'Sid', content: 'Seconde.' })));
      await sendDigestNow(storage);
      const [digest] = await since.waitFor(1);
      assert.deepEqual(digest.recipients, [email]);
      assert.equal(digest.parsed.subject, '2 nouvelles réponses à votre commentaire');
      const unsubscribe = linkIn(digest, 'unsubscribe');
      assert.equal(
        digest.parsed.text?.trimEnd(),
        [
          'Bonjour,',
          '',
          'Fay a répondu\u00a0:',
          '',
          '> Première réponse.',
          '',
          `Lire sur la page\u00a0: ${PUBLIC_URL}/?p=20#comment-${first.id}`,
          '',
          'Sid a répondu\u00a0:',
          '',
          '> Seconde.',
          '',
          `Lire sur la page\u00a0: ${PUBLIC_URL}/?p=20#comment-${second.id}`,
          '',
          '--',
          'Vous recevez ce message parce que vous avez demandé à recevoir les réponses de cette conversation.',
          `Ne plus rien recevoir (un clic, sans connexion)\u00a0: ${unsubscribe}`,
        ].join('\n'),
      );
      assert.equal(htmlLang(digest), 'fr');
      assert.ok((digest.parsed.html || '').includes('>Ne plus recevoir ces messages</a> (un clic, sans connexion).'));

      const url = local(server, unsubscribe);
      assert.deepEqual(await pageIn(await fetch(url)), {
        status: 200,
        lang: 'fr',
        text: 'Ne plus recevoir ces messages Ne plus recevoir ces messages Appuyez sur le bouton pour ne plus recevoir de messages sur les réponses dans cette conversation. Se désabonner',
      });
      assert.deepEqual(await pageIn(await oneClick(url)), {
        status: 200,
        lang: 'fr',
        text: 'Désabonnement effectué Désabonnement effectué Vous ne recevrez plus de messages sur les réponses dans cette conversation.',
      });
      // A forged link has no stored language: its page follows the browser's, else English.
      const forged = url.replace(/(unsubscribe\/\d+\.)(.)/, (_match, start: string, first: string) => `${start}${first === 'A' ? 'B' : 'A'}`);
      const refused = await pageIn(await fetch(forged, { headers: { 'Accept-Language': 'de-DE, fr-CA;q=0.8, en;q=0.5' } }));
      assert.deepEqual(refused, { status: 403, lang: 'fr', text: 'Ce lien n’est pas valide Ce lien n’est pas valide Utilisez le lien tel qu’il figure dans le message.' });
      assert.deepEqual(
        { ...(await pageIn(await fetch(forged))), text: undefined },
        { status: 403, lang: 'en', text: undefined },
        'English without Accept-Language',
      );
      assert.equal(since.count(), 1, 'emails received: one digest for two replies');
    });

    it("writes Ukrainian plurals right (2 нові відповіді, 5 нових відповідей) and gives a language not built in (de) English", async () => {
      const { server, storage } = await serve({ notifyDigestMinutes: 60 });
      const { comment: olena, email, confirmation, confirmed } = await confirmedIn(server, 21, 'uk');
      assert.equal(confirmation.parsed.subject, 'Підтвердьте адресу, щоб отримувати відповіді');
      assert.equal(htmlLang(confirmation), 'uk');
      assert.deepEqual([confirmed.lang, confirmed.text.split(' ').slice(0, 2).join(' ')], ['uk', 'Адресу підтверджено']);

      const since = mark();
      const digestOf = async (replies: number, received: number) => {
        for (let index = 0; index < replies; index += 1) {
          await json(await server.post(newComment({ post: 21, parent: olena.id, author_name: `Автор ${index}` })));
        }
        await sendDigestNow(storage);
        return (await since.waitFor(received))[received - 1];
      };
      const two = await digestOf(2, 1);
      assert.deepEqual(two.recipients, [email]);
      assert.equal(two.parsed.subject, '2 нові відповіді на ваш коментар');
      assert.equal(htmlLang(two), 'uk');
      assert.ok(two.parsed.text?.startsWith('Вітаємо!\n\nАвтор 0 пише:\n'), two.parsed.text);
      const five = await digestOf(5, 2);
      assert.equal(five.parsed.subject, '5 нових відповідей на ваш коментар');
      const unsubscribe = await pageIn(await fetch(local(server, linkIn(five, 'unsubscribe'))));
      assert.deepEqual([unsubscribe.lang, unsubscribe.text.endsWith('Відписатися')], ['uk', true]);

      const german = mark();
      await json(await server.post(newComment({ post: 22, [NOTIFY_FIELD]: true, [NOTIFY_LANGUAGE_FIELD]: 'de-AT' })));
      const [englishConfirmation] = await german.waitFor(1);
      assert.equal(englishConfirmation.parsed.subject, 'Confirm your address for reply notifications');
      assert.equal(htmlLang(englishConfirmation), 'en');
      const page = await pageIn(await fetch(local(server, linkIn(englishConfirmation, 'confirm'))));
      assert.deepEqual([page.lang, page.text], ['en', 'Confirm your address Confirm your address Press the button to be emailed replies in the conversations you follow. Confirm']);
      assert.equal(since.count(), 3, 'emails received: two digests and one confirmation');
    });

    it('gives addresses and subscriptions from before the language was kept (migration 11) English', async () => {
      const { server, storage } = await serve();
      const since = mark();
      await json(await server.post(newComment({ post: 24, [NOTIFY_FIELD]: true, [NOTIFY_LANGUAGE_FIELD]: 'fr' })));
      const [confirmation] = await since.waitFor(1);
      assert.equal(htmlLang(confirmation), 'fr');
      await server.close();
      // The database as migration 10 left it, with this address and subscription in it.
      for (const sql of [
        'ALTER TABLE notify_subscriptions DROP COLUMN language',
        'ALTER TABLE notify_addresses DROP COLUMN confirmation_language',
        'DELETE FROM schema_migrations WHERE version = 11',
      ]) {
        await queryDatabase(storage, sql);
      }
      const { server: upgraded } = await serve(storage);
      assert.deepEqual(await queryDatabase(storage, 'SELECT language FROM notify_subscriptions'), [{ language: 'en' }]);
      const shown = await pageIn(await fetch(local(upgraded, linkIn(confirmation, 'confirm'))));
      assert.deepEqual([shown.status, shown.lang, shown.text.startsWith('Confirm your address')], [200, 'en', true]);
      assert.equal(since.count(), 1, 'emails received: the confirmation');
    });

    it('refuses a malformed notify_language with WordPress’s 400 rest_invalid_param and stores nothing', async () => {
      const { server, storage } = await serve();
      const since = mark();
      for (const language of ['fr_FR', 'f', 'fr-', '-fr', 'fr-toolongsubtag', `fr-${'ab-'.repeat(20)}cd`, 'fr\nBcc: x', 'a-'.repeat(50_000) + '!', 42]) {
        const response = await server.post({ ...newComment({ post: 23, [NOTIFY_FIELD]: true }), [NOTIFY_LANGUAGE_FIELD]: language });
        assert.equal(response.status, 400, String(language).slice(0, 40));
        const body = (await response.json()) as WpError & { data: { params?: Record<string, string> } };
        assert.equal(body.code, 'rest_invalid_param');
        assert.ok(body.data.params?.[NOTIFY_LANGUAGE_FIELD], 'the field is named');
      }
      for (const table of ['comments', 'notify_addresses', 'notify_subscriptions', 'notify_outbox']) {
        assert.deepEqual(await queryDatabase(storage, `SELECT * FROM ${table}`), [], `nothing in ${table}`);
      }
      assert.equal(since.count(), 0, 'emails received: none');
    });

    it('keeps names and texts out of the headers and comment links and images out of the HTML', async () => {
      const moderatorEmail = 'desk@news.example';
      const { server } = await serve({ moderatorEmail });
      const { comment: alice, email } = await confirmedAuthor(server, 6);
      const since = mark();
      const evilName = 'Eve\r\nBcc: victim@example.com\r\nX-Injected: yes\nSubject: forged';
      // One address only: two would hold the reply for moderation.
      const content = 'See <a href="https://evil.example/x">this</a> <img src="cid:pixel"> and\r\n.\r\nMAIL FROM:<x@evil.example>';
      const reply = await json(await server.post(newComment({ post: 6, parent: alice.id, author_name: evilName, content })));
      await json(await server.post(newComment({ post: 6, author_name: evilName, content: `Held ${HOLD_WORD} ${content}` })));
      const mails = await since.waitFor(2);
      for (const mail of mails) {
        assert.equal(mail.recipients.length, 1, 'one recipient: the injected Bcc is not one');
        for (const forbidden of ['bcc', 'x-injected']) assert.equal(mail.parsed.headers.has(forbidden), false, forbidden);
        assert.ok(!/^(Bcc|X-Injected|Subject: forged)/im.test(mail.raw.split(/\r?\n\r?\n/)[0].replace(/^Subject:.*$/m, '')), 'no injected header line');
        assert.match(mail.parsed.subject ?? '', /^[^\r\n]*Eve Bcc: victim@example\.com X-Injected: yes Subject: forged/);
        const html = mail.parsed.html || '';
        assert.ok(!/<img/i.test(html), 'no image');
        assert.ok(!/href="https:\/\/evil/i.test(html), "no link of the comment's");
        assert.ok(html.includes('&lt;a href=&quot;https'), 'the markup shown as text');
        for (const href of html.matchAll(/href="([^"]*)"/g)) assert.ok(href[1].startsWith(PUBLIC_URL), href[1]);
        assert.ok(!mail.parsed.text?.includes('https://evil.example/x'), 'the address in the text is not linkable');
      }
      assert.deepEqual(mails.map((mail) => mail.recipients[0]).sort(), [email, moderatorEmail].sort());
      assert.ok(mails.some((mail) => mail.parsed.text?.includes(`#comment-${reply.id}`)));
      assert.equal(since.count(), 2, 'emails received: one notification, one to the moderator');
    });

    it('forgets an address with its subscriptions and emails on request, and prunes finished emails and unconfirmed addresses', async () => {
      const { server, storage } = await serve();
      const { comment: alice, email } = await confirmedAuthor(server, 10);
      const since = mark();
      await json(await server.post(newComment({ post: 10, parent: alice.id })));
      await since.waitFor(1);
      const bob = await json(await server.post(newComment({ post: 10, [NOTIFY_FIELD]: true })));
      await since.waitFor(2);
      await server.close();
      const rowsOf = async (address: string) => ({
        addresses: (await queryDatabase(storage, 'SELECT id FROM notify_addresses WHERE email = $1', [address])).length,
        mails: (await queryDatabase(storage, 'SELECT id FROM notify_outbox WHERE recipient = $1', [address])).length,
      });
      assert.deepEqual(await rowsOf(email), { addresses: 1, mails: 2 });
      const direct = await openStorage(storage);
      try {
        // A data-rights erasure of the address (docs/data-rights.md) takes its notifications in the same transaction.
        await direct.eraseByEmail({ email: email.toUpperCase(), mode: 'anonymise', anonymousName: '', note: { moderator: 'admin', at: Date.now() } });
        assert.deepEqual(await rowsOf(email), { addresses: 0, mails: 0 });
        assert.equal((await queryDatabase(storage, 'SELECT id FROM notify_subscriptions')).length, 1, "only the other reader's subscription is left");
        await direct.pruneNotifications(Date.now() + 1);
      } finally {
        await direct.close();
      }
      assert.equal(bob.status, 'approved');
      assert.deepEqual(await queryDatabase(storage, 'SELECT id FROM notify_outbox'), [], 'sent emails pruned');
      assert.deepEqual(await queryDatabase(storage, 'SELECT id FROM notify_addresses'), [], 'the unconfirmed address pruned');
      assert.deepEqual(await queryDatabase(storage, 'SELECT id FROM notify_subscriptions'), [], 'with its subscription');
    });

    it('loses nothing while the mail server is down or answers 451, and sends each email once when it is back', async () => {
      const { server, storage } = await serve();
      await smtp.stop();
      try {
        await json(await server.post(newComment({ post: 7, [NOTIFY_FIELD]: true })));
        // Two attempts made and failed (the row is no longer claimed by one in flight).
        const failedTwice = 'SELECT 1 FROM notify_outbox WHERE attempts >= 2 AND claimed_until IS NULL AND last_error IS NOT NULL';
        await eventually('two attempts failed', async () => (await queryDatabase(storage, failedTwice)).length === 1);
        smtp.refusing = true;
        const refused = smtp.refusals;
        await smtp.start();
        await smtp.waitForRefusals(refused + 1);
      } finally {
        smtp.refusing = false;
      }
      const since = mark();
      const [confirmation] = await since.waitFor(1);
      assert.match(confirmation.parsed.subject ?? '', /Confirm/);
      await eventually('the email is recorded as sent', async () => (await outbox(storage))[0]?.state === 'sent');
      const [row] = await outbox(storage);
      assert.ok(row.attempts >= 4, `attempts: ${row.attempts}`);
      assert.equal(since.count(), 1, 'emails received after the outage: one');
    });

    it('sends nothing twice when the comment server restarts in the middle of its queue', async () => {
      const moderatorEmail = 'desk@news.example';
      const { server, storage } = await serve({ moderatorEmail });
      const since = mark();
      // The mail server answers two emails, then keeps the third waiting while the comment server shuts down.
      smtp.holdAfter = smtp.received.length + 2;
      const held: WpComment[] = [];
      try {
        for (let index = 0; index < 6; index += 1) {
          held.push(await json(await server.post(newComment({ post: 8, content: `Comment ${index} ${HOLD_WORD}.` }))));
        }
        await smtp.waitForHolding(1);
        const closing = server.close();
        // Closing has begun once the server answers 503 (or nothing): its queue worker stops after the email in flight.
        await eventually('the server is closing', async () => (await fetch(`${server.url}/healthz`).catch(() => undefined))?.status !== 200);
        smtp.release();
        await closing;
      } finally {
        smtp.release();
      }
      const sentBefore = since.count();
      assert.equal(sentBefore, 3, 'two emails, and the one in flight when the server closed');
      await serve({ ...storage, moderatorEmail });
      const mails = await since.waitFor(held.length);
      await eventually('the queue is empty', async () => (await outbox(storage)).every((row) => row.state === 'sent'));
      assert.equal(since.count(), held.length, `emails received: ${held.length} (${sentBefore} before the restart)`);
      const ids = mails.map((mail) => mail.parsed.messageId);
      assert.equal(new Set(ids).size, held.length, 'distinct messages');
      assert.equal(Number((await queryDatabase(storage, 'SELECT count(*) AS keys FROM notify_keys'))[0].keys), 1, 'one signing key, kept');
    });
  });
}
