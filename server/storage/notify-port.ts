/** Emails sent (or given up) and addresses never confirmed are forgotten after this long. */
export const NOTIFY_RECORDS_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The kinds of queued emails: an address's confirmation, a digest of replies, a held comment for the moderator. */
export type MailKind = 'confirm' | 'replies' | 'held';

/** A queued email claimed by one server process for one attempt. */
export interface ClaimedMail {
  id: number;
  kind: MailKind;
  recipient: string;
  /** What the email is about: the address's ID (confirm), the subscription's (replies) or the comment's (held). */
  ref: number;
  /** Attempts so far, this one included. */
  attempts: number;
  /** The replies a digest names, oldest first (empty for other kinds). */
  comments: number[];
  /**
   * The reader's language (a BCP 47 tag): the subscription's for a digest, the one the confirmation was asked in for a
   * confirmation; undefined for the moderator's emails.
   */
  language?: string;
}

/** What subscribing did: the address was confirmed already, or a confirmation email is (or was lately) on its way. */
export type SubscribeOutcome = { subscription: number; address: number; confirmed: boolean; confirmationQueued: boolean };

/** What a signed link's one-time action found: done now, done before, or nothing of that ID. */
export type LinkOutcome = 'done' | 'already' | 'not-found';

/** What a signed link's one-time action would find: still to do, done already, or nothing of that ID. */
export type LinkState = 'unused' | 'used' | 'not-found';

/** A link's state, with the language of the email it came in (undefined when nothing has that ID). */
export type LinkTarget = { state: LinkState; language?: string };

/** The one-time actions of the links in emails: confirming an address, ending a subscription. */
export type LinkPurpose = 'confirm' | 'unsubscribe';

/** Storage of reply notifications (tables `notify_*`): subscriptions, confirmed addresses, the mail queue. */
export interface NotifyStorage {
  /** The key that signs links in emails: generated once (by `generate`) and kept in the database for every process. */
  notifySigningKey(generate: () => string): Promise<string>;
  /**
   * Subscribes `email` (compared case-insensitively) to replies in the thread under top-level comment `thread`; queues
   * a confirmation email for an unconfirmed address unless one was queued after `confirmationAfter` (ms). `language`
   * becomes the subscription's (its digests and unsubscribe page) and, when a confirmation is queued, the address's
   * (that email and its confirm page).
   */
  subscribe(request: {
    email: string;
    post: number;
    thread: number;
    language: string;
    now: number;
    confirmationAfter: number;
  }): Promise<SubscribeOutcome>;
  /** Confirms the address: from now on its subscriptions are notified. */
  confirmAddress(address: number, now: number): Promise<LinkOutcome>;
  /** Ends the subscription; its replies not yet sent are dropped. */
  unsubscribe(subscription: number, now: number): Promise<LinkOutcome>;
  /** Whether the address (`confirm`) or the subscription (`unsubscribe`) `id` awaits the link's action, and its language. */
  linkState(purpose: LinkPurpose, id: number): Promise<LinkTarget>;
  /**
   * Adds an approved reply to the digest of the confirmed, active subscription of `email` (the replied-to author) in
   * `thread`, unless `replier` is that address: opens a digest due at `sendAt` when none is gathering. Resolves with
   * the number of digests it joined (0 or 1).
   */
  queueReply(request: { email: string; thread: number; replier: string; comment: number; now: number; sendAt: number }): Promise<number>;
  /** Queues one email to send as soon as possible. */
  queueMail(request: { kind: MailKind; recipient: string; ref: number; now: number }): Promise<void>;
  /**
   * Claims the oldest email due at `now` that no live claim holds, for `leaseMs` (a process that dies mid-send frees it
   * when the lease ends); on PostgreSQL several processes claim different emails (FOR UPDATE SKIP LOCKED).
   */
  claimMail(now: number, leaseMs: number): Promise<ClaimedMail | undefined>;
  /** The claimed email was accepted by the mail server (or needs no sending: `skipped`). */
  mailSent(id: number, now: number, skipped?: boolean): Promise<void>;
  /** The attempt failed: retried at `retryAt`, or never again (`undefined`: a permanent refusal). */
  mailFailed(id: number, error: string, retryAt: number | undefined): Promise<void>;
  /**
   * Forgets what is no longer needed from before `before` (ms): emails sent, skipped or given up, and addresses never
   * confirmed (with their subscriptions).
   */
  pruneNotifications(before: number): Promise<void>;
}
