/** What the reader typed for one post and parent, and the last attempt to send it. */
export interface Draft {
  content: string;
  /** The `Idempotency-Key` of an attempt that may have reached the server, and the payload it carried. */
  attempt?: { key: string; payload: string };
}

/** The name, email and website kept for next time when the reader ticks "Save my name…". */
export interface Author {
  author_name: string;
  author_email: string;
  author_url: string;
}

const DRAFT_PREFIX = 'newsroom-elements.comment-draft:';
const AUTHOR_KEY = 'newsroom-elements.comment-author';

// Storage may be disabled or full: the form then works, only without memory.
function read<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: object | undefined): void {
  try {
    if (value) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  } catch {
    // See read().
  }
}

export const readDraft = (id: string): Draft | undefined => read<Draft>(DRAFT_PREFIX + id);
export const writeDraft = (id: string, draft: Draft | undefined): void => write(DRAFT_PREFIX + id, draft);
export const readAuthor = (): Author | undefined => read<Author>(AUTHOR_KEY);
export const writeAuthor = (author: Author | undefined): void => write(AUTHOR_KEY, author);

/** A random key for `Idempotency-Key` (randomUUID needs a secure context; getRandomValues does not). */
export function newAttemptKey(): string {
  return crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
