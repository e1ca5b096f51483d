import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WpCommentStatus } from 'newsroom-comment-protocol';
import type { ClaimedMail, LinkOutcome, LinkPurpose, LinkTarget } from '../storage/notify-port.js';
import type { CommentStorage, StoredComment } from '../storage/port.js';

/** How the mail queue is worked (ms); tests shorten every one. */
export interface NotifyQueueTiming {
  /** How often a server process looks for emails due (digests fall due without any other wake-up). */
  pollMs: number;
  /** Wait before the first retry of a failed email, doubled at each further failure. */
  retryBaseMs: number;
  /** Longest wait between two retries. */
  retryMaxMs: number;
  /** How long a claimed email is left to the process sending it; past that (the process died) another sends it. */
  leaseMs: number;
  /** Longest wait for the mail server's connection and for its greeting; a conversation may stay silent 3× as long. */
  smtpTimeoutMs: number;
}

export const DEFAULT_QUEUE_TIMING: NotifyQueueTiming = {
  pollMs: 5000,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60 * 1000,
  leaseMs: 5 * 60 * 1000,
  smtpTimeoutMs: 10_000,
};

/** What an email says, as `server/present` writes it. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** A reply named in a digest, with the address of the comment on the post's page. */
export interface NotifiedReply {
  comment: StoredComment;
  link: string;
}

/** Writes the emails (the wiring passes server/present's writer: the comments room does not present). */
export interface MailWriter {
  /** The confirmation, in the reader's `language` (a BCP 47 tag; undefined: English). */
  confirmation(links: { confirm: string }, language: string | undefined): MailContent;
  /** A digest, in the subscription's `language`. */
  replies(replies: NotifiedReply[], links: { unsubscribe: string }, language: string | undefined): MailContent;
  held(comment: StoredComment, links: { comment: string; desk: string }): MailContent;
}

/** A ready email. Header values are single lines: every name and text in them went through `oneLine`. */
export interface OutgoingMail extends MailContent {
  to: string;
  messageId: string;
  headers: Record<string, string>;
}

/** Sends one email; rejects with the mail server's `responseCode` when it refused it. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface NotificationSettings {
  /** The server's public origin (and path prefix, if any), without a trailing slash: every link in an email starts so. */
  publicUrl: string;
  /** The post link template (`{post}` replaced), resolved against `publicUrl` when relative. */
  postLink: string;
  /** How long a thread's replies are gathered into one email per address. */
  digestMs: number;
  moderatorEmail?: string;
  queue: NotifyQueueTiming;
  /** Told of every failure to queue or send (the server logs it); the queue keeps the email. */
  onError(error: unknown, context: string): void;
}

/** Reply notifications: the comment service's hook, the signed links of the emails, and the worker of the queue. */
export interface Notifier {
  /** A comment was stored (`previous` undefined) or its status changed: queues what that calls for. */
  statusChanged(comment: StoredComment, previous: WpCommentStatus | undefined): Promise<void>;
  /**
   * The author of `comment` asked for replies in its thread, in `language`: subscribes the address, confirmed by email
   * first.
   */
  subscribe(comment: StoredComment, language: string): Promise<void>;
  /** Whether a link from an email is genuine (its signature), whether it was used already, and the email's language. */
  inspectLink(purpose: LinkPurpose, token: string): Promise<LinkTarget | 'forged'>;
  /** Does what a genuine link is for, once: confirms the address, or ends the subscription; with the email's language. */
  useLink(purpose: LinkPurpose, token: string): Promise<{ outcome: LinkOutcome; language?: string } | 'forged'>;
  /** Sends every email due now; resolves when the queue has nothing more due (the timer also runs it). */
  flush(): Promise<void>;
  /** Stops the timer and waits for the email being sent, if any. */
  close(): Promise<void>;
}

/** A confirmation email is sent at most this often to one address, however often its box is ticked. */
const CONFIRMATION_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Threads deeper than this are cut at this depth when the top is looked for (a cycle cannot be stored, but a bound costs nothing). */
const MAX_DEPTH = 1000;
const TOKEN = /^([1-9]\d{0,9})\.([\w-]{43})$/;

/** SMTP 5xx answers are permanent refusals (a recipient that does not exist): retrying cannot help. */
const isPermanent = (error: unknown): boolean => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

export async function createNotifier(
  storage: CommentStorage,
  transport: MailTransport,
  writer: MailWriter,
  settings: NotificationSettings,
): Promise<Notifier> {
  // Shared by every process on the database, generated by whichever starts first; never in a file or the repository.
  const key = Buffer.from(await storage.notifySigningKey(() => randomBytes(32).toString('base64url')), 'base64url');
  const mac = (purpose: string, id: number) => createHmac('sha256', key).update(`${purpose}:${id}`).digest();
  const sign = (purpose: LinkPurpose, id: number) => `${id}.${mac(purpose, id).toString('base64url')}`;
  const verify = (purpose: LinkPurpose, token: string): number | undefined => {
    const [, id, signature] = TOKEN.exec(token) ?? [];
    if (id === undefined) return undefined;
    // The text is compared, not its decoding: base64url decoders ignore the last character's spare bits, so four
    // spellings would decode to one signature.
    const given = Buffer.from(signature);
    const expected = Buffer.from(mac(purpose, Number(id)).toString('base64url'));
    return given.length === expected.length && timingSafeEqual(given, expected) ? Number(id) : undefined;
  };
  const link = (path: string) => `${settings.publicUrl}${path}`;
  const commentLink = (comment: StoredComment) =>
    `${new URL(settings.postLink.replaceAll('{post}', String(comment.post)), `${settings.publicUrl}/`).href.replace(/#.*$/, '')}#comment-${comment.id}`;
  const host = new URL(settings.publicUrl).hostname;

  /** The top-level comment of the thread `comment` is in. */
  const threadOf = async (comment: StoredComment): Promise<number> => {
    let current = comment;
    for (let depth = 0; current.parent !== 0 && depth < MAX_DEPTH; depth += 1) {
      const parent = await storage.getComment(current.parent);
      if (!parent) break;
      current = parent;
    }
    return current.id;
  };

  async function compose(mail: ClaimedMail): Promise<OutgoingMail | undefined> {
    const common = { to: mail.recipient, messageId: `<notify-${mail.id}.${mac('message', mail.id).toString('hex', 0, 8)}@${host}>` };
    const automatic = { 'Auto-Submitted': 'auto-generated' };
    switch (mail.kind) {
      case 'confirm':
        return {
          ...common,
          headers: automatic,
          ...writer.confirmation({ confirm: link(`/notifications/confirm/${sign('confirm', mail.ref)}`) }, mail.language),
        };
      case 'replies': {
        // Read now: a reply held, marked spam or deleted since it was approved is no longer named.
        const replies: NotifiedReply[] = [];
        for (const id of mail.comments) {
          const comment = await storage.getComment(id);
          if (comment?.status === 'approved') replies.push({ comment, link: commentLink(comment) });
        }
        if (replies.length === 0) return undefined;
        const unsubscribe = link(`/notifications/unsubscribe/${sign('unsubscribe', mail.ref)}`);
        return {
          ...common,
          // RFC 8058: the mail client unsubscribes with one POST of `List-Unsubscribe=One-Click` to this address.
          headers: { ...automatic, 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          ...writer.replies(replies, { unsubscribe }, mail.language),
        };
      }
      case 'held': {
        const comment = await storage.getComment(mail.ref);
        if (comment?.status !== 'hold') return undefined;
        return { ...common, headers: automatic, ...writer.held(comment, { comment: commentLink(comment), desk: link('/admin') }) };
      }
    }
  }

  async function deliver(mail: ClaimedMail): Promise<void> {
    try {
      const outgoing = await compose(mail);
      if (outgoing) await transport.send(outgoing);
      await storage.mailSent(mail.id, Date.now(), outgoing === undefined);
    } catch (error) {
      settings.onError(error, `sending notification email ${mail.id} (attempt ${mail.attempts})`);
      const { retryBaseMs, retryMaxMs } = settings.queue;
      const retryAt = isPermanent(error) ? undefined : Date.now() + Math.min(retryMaxMs, retryBaseMs * 2 ** (mail.attempts - 1));
      // Not recorded (the database is down too): the lease runs out and the email is tried again then.
      await storage.mailFailed(mail.id, String(error).slice(0, 500), retryAt).catch((failure: unknown) => settings.onError(failure, 'recording a failed email'));
    }
  }

  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;
  const drain = async () => {
    do {
      again = false;
      for (let mail = await storage.claimMail(Date.now(), settings.queue.leaseMs); mail && !closed; ) {
        await deliver(mail);
        mail = closed ? undefined : await storage.claimMail(Date.now(), settings.queue.leaseMs);
      }
    } while (again && !closed);
  };
  const flush = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch((error: unknown) => settings.onError(error, 'reading the notification queue'))
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void flush(), settings.queue.pollMs).unref();
  // What is due at once (a confirmation, a held comment) goes without waiting for the timer.
  const soon = () => void flush();

  return {
    async statusChanged(comment, previous) {
      const now = Date.now();
      if (comment.status === 'approved' && previous !== 'approved' && comment.parent !== 0) {
        const parent = await storage.getComment(comment.parent);
        if (parent) {
          const queued = await storage.queueReply({
            email: parent.authorEmail,
            thread: await threadOf(parent),
            replier: comment.authorEmail,
            comment: comment.id,
            now,
            sendAt: now + settings.digestMs,
          });
          if (queued > 0 && settings.digestMs === 0) soon();
        }
      }
      // Spam is never announced: a bot's comments would otherwise fill the moderator's inbox.
      if (comment.status === 'hold' && previous !== 'hold' && settings.moderatorEmail) {
        await storage.queueMail({ kind: 'held', recipient: settings.moderatorEmail, ref: comment.id, now });
        soon();
      }
    },
    async subscribe(comment, language) {
      if (comment.authorEmail === '' || comment.status === 'spam' || comment.status === 'trash') return;
      const now = Date.now();
      const { confirmationQueued } = await storage.subscribe({
        email: comment.authorEmail,
        post: comment.post,
        thread: await threadOf(comment),
        language,
        now,
        confirmationAfter: now - CONFIRMATION_INTERVAL_MS,
      });
      if (confirmationQueued) soon();
    },
    async inspectLink(purpose, token) {
      const id = verify(purpose, token);
      return id === undefined ? 'forged' : storage.linkState(purpose, id);
    },
    async useLink(purpose, token) {
      const id = verify(purpose, token);
      if (id === undefined) return 'forged';
      // Read first: the page that answers is in the language of the email the link came in.
      const { language } = await storage.linkState(purpose, id);
      const outcome = await (purpose === 'confirm' ? storage.confirmAddress(id, Date.now()) : storage.unsubscribe(id, Date.now()));
      return { outcome, language };
    },
    flush,
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
