import type { CommentEventKind, CommentStorage, StoredComment, StoredEvent } from '../storage/port.js';

/** An event as a stream delivers it: `comment` for `comment` and `edited` events is the comment as shown now. */
export interface CommentEvent {
  id: number;
  post: number;
  kind: CommentEventKind;
  commentId: number;
  comment?: StoredComment;
}

export interface Following {
  /** Stops delivering. */
  close(): void;
}

export interface CommentEventFeed {
  /**
   * Delivers the post's events after the event `after` (or from now), in order, each once: first those already
   * logged, then each new one as it is logged. An `after` beyond the latest event counts as the latest.
   */
  follow(post: number, after: number | undefined, deliver: (event: CommentEvent) => void): Promise<Following>;
  close(): Promise<void>;
}

const BATCH = 500;

/**
 * One reader of the event log per process, however many streams are open: when the storage says events were logged
 * (or every `pollMs`, in case a wake-up was lost), it reads the new events once and hands each to the followers of
 * its post, with the comment read once.
 */
export async function createCommentEventFeed(storage: CommentStorage, options: { pollMs: number }): Promise<CommentEventFeed> {
  interface Follower {
    lastId: number;
    /** Events that came live while the follower was catching up on logged ones. */
    pending?: CommentEvent[];
    deliver(event: CommentEvent): void;
  }
  const followers = new Map<number, Set<Follower>>();
  let cursor = await storage.lastEventId();
  let reading: Promise<void> | undefined;
  let readAgain = false;

  /** The event with the comment as shown now; a comment no longer shown is left out (its `removed` event follows). */
  const withComment = async (event: StoredEvent): Promise<CommentEvent | undefined> => {
    if (event.kind === 'removed') return event;
    const comment = await storage.getComment(event.commentId);
    return comment?.status === 'approved' ? { ...event, comment } : undefined;
  };

  const offer = (follower: Follower, event: CommentEvent) => {
    if (follower.pending) follower.pending.push(event);
    else if (event.id > follower.lastId) {
      follower.lastId = event.id;
      follower.deliver(event);
    }
  };

  const readNew = (): Promise<void> => {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      do {
        readAgain = false;
        for (let batch = await storage.eventsAfter(cursor, BATCH); batch.length > 0; batch = await storage.eventsAfter(cursor, BATCH)) {
          for (const logged of batch) {
            cursor = logged.id;
            const watching = followers.get(logged.post);
            if (!watching?.size) continue;
            const event = await withComment(logged);
            if (event) for (const follower of watching) offer(follower, event);
          }
        }
      } while (readAgain);
    })()
      // A database hiccup: the next wake-up or poll reads on from the same cursor.
      .catch(() => undefined)
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };

  const unwatch = await storage.watchEvents(() => void readNew());
  const poll = setInterval(() => {
    if (followers.size > 0) void readNew();
  }, options.pollMs).unref();

  return {
    async follow(post, after, deliver) {
      const latest = await storage.lastEventId();
      const follower: Follower = { lastId: Math.min(after ?? latest, latest), pending: [], deliver };
      let watching = followers.get(post);
      if (!watching) followers.set(post, (watching = new Set()));
      watching.add(follower);
      const close = () => {
        watching.delete(follower);
        if (watching.size === 0 && followers.get(post) === watching) followers.delete(post);
      };
      try {
        // Catch up on logged events; new ones meanwhile wait in `pending`, and any seen twice is delivered once.
        for (let batch = await storage.eventsAfter(follower.lastId, BATCH, post); batch.length > 0; batch = await storage.eventsAfter(follower.lastId, BATCH, post)) {
          for (const logged of batch) {
            const event = await withComment(logged);
            follower.lastId = logged.id;
            if (event) deliver(event);
          }
        }
      } catch (error) {
        close();
        throw error;
      }
      const pending = follower.pending ?? [];
      follower.pending = undefined;
      for (const event of pending) offer(follower, event);
      return { close };
    },
    async close() {
      clearInterval(poll);
      followers.clear();
      await unwatch();
    },
  };
}
