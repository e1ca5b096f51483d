import {
  EDIT_TOKEN_HEADER,
  NOTIFICATIONS_HEADER,
  SERVER_HEADER,
  STREAM_PATH,
  STREAM_POSITION_HEADER,
  STREAM_RESUME_PARAM,
  type EditRefusal,
  type WpComment,
  type WpCommentCreate,
  type WpCommentCreated,
  type WpError,
} from 'newsroom-comment-protocol';

/** A refusal from the server (its WordPress error) or a failure to reach it (`network`, `timeout`, status 0). */
export class CommentApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Field name (`author_email`…) to that field's message, when the server names the fields at fault. */
  readonly params: Record<string, string>;
  /** Why an edit was refused (`data.reason` of a 403 `rest_cannot_edit`), when the server says. */
  readonly reason?: EditRefusal;

  constructor(code: string, status: number, message: string, params: Record<string, string> = {}, reason?: EditRefusal) {
    super(message);
    this.code = code;
    this.status = status;
    this.params = params;
    this.reason = reason;
  }
}

export interface CommentPage {
  comments: WpComment[];
  total: number;
  totalPages: number;
  /** Our server only: the event log's position before this list was read, where a stream opened after it resumes. */
  streamPosition?: string;
}

// Whether an endpoint is our comment server (which takes `Idempotency-Key`) or possibly a stock WordPress.
const ourServer = new Map<string, boolean>();
// Whether an endpoint is our comment server and says it emails reply notifications.
const notifying = new Map<string, boolean>();

/** What a response tells of the server that answered it. */
function learnServer(endpoint: string, response: Response): void {
  const ours = response.headers.has(SERVER_HEADER);
  ourServer.set(endpoint, ours);
  notifying.set(endpoint, ours && response.headers.get(NOTIFICATIONS_HEADER) === 'email');
}

function commentsUrl(endpoint: string, path = '', query: Record<string, string | number> = {}): URL {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/comments${path}`, document.baseURI);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  return url;
}

/** A request that got no answer, as a `CommentApiError`: `timeout` when its signal timed out, else `network`. */
export function unanswered(error: unknown): CommentApiError {
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
  return new CommentApiError(timedOut ? 'timeout' : 'network', 0, String(error));
}

// Every read asks past the browser's own cache (`no-cache`: a 304 when nothing changed), so that a reader who reloads
// sees what the server or its caching proxy shows now; the proxy still answers most reads within its max-age.
const READ = { credentials: 'omit', cache: 'no-cache' } as const;

async function send(endpoint: string, url: URL, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...READ, ...init }).catch((error: unknown) => {
    throw unanswered(error);
  });
  learnServer(endpoint, response);
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function errorOf(response: Response): Promise<CommentApiError> {
  try {
    const body = (await response.json()) as Partial<WpError>;
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      const params = body.data?.params;
      const reason = body.data?.reason;
      return new CommentApiError(body.code, response.status, body.message, params && typeof params === 'object' ? params : {}, reason);
    }
  } catch {
    // Not WordPress's JSON (a proxy's error page, say): the status alone tells what happened.
  }
  return new CommentApiError('http_error', response.status, response.statusText);
}

const total = (response: Response, header: string): number => {
  const value = Number(response.headers.get(header));
  return Number.isInteger(value) && value >= 0 ? value : 0;
};

/** What a list request asks for, beyond the post: WordPress's `page`, `per_page`, `order` and `parent`, and our `thread`. */
export interface CommentQuery {
  page?: number;
  perPage: number;
  order?: 'asc' | 'desc';
  /** Direct replies of these comments (`[0]`: the top-level comments). */
  parent?: readonly number[];
  /** Our server only: every reply at any depth below these top-level comments, oldest first. */
  thread?: readonly number[];
}

/** One page of a post's approved comments, with WordPress's totals. */
export async function fetchComments(endpoint: string, post: number, query: CommentQuery, signal?: AbortSignal): Promise<CommentPage> {
  const params: Record<string, string | number> = { post, page: query.page ?? 1, per_page: query.perPage, order: query.order ?? 'asc' };
  if (query.parent) params.parent = query.parent.join(',');
  if (query.thread) params.thread = query.thread.join(',');
  const response = await send(endpoint, commentsUrl(endpoint, '', params), { signal });
  const body: unknown = await response.json();
  return {
    comments: Array.isArray(body) ? (body as WpComment[]) : [],
    total: total(response, 'X-WP-Total'),
    totalPages: total(response, 'X-WP-TotalPages'),
    streamPosition: /^\d{1,16}$/.exec(response.headers.get(STREAM_POSITION_HEADER) ?? '')?.[0],
  };
}

/** One approved comment by id (a 404 `CommentApiError` when it is not visible). */
export async function fetchComment(endpoint: string, id: number, signal?: AbortSignal): Promise<WpComment> {
  return (await (await send(endpoint, commentsUrl(endpoint, `/${id}`), { signal })).json()) as WpComment;
}

/** Whether an earlier response told that the endpoint is our comment server (`undefined`: no response yet). */
export const knownOurServer = (endpoint: string): boolean | undefined => ourServer.get(endpoint);

/** How many approved comments a post has (`X-WP-Total` of a one-comment page); lean, for the toggle's budget. */
export async function countComments(endpoint: string, post: number, signal?: AbortSignal): Promise<number> {
  const response = await fetch(commentsUrl(endpoint, '', { post, per_page: 1 }), { ...READ, signal });
  learnServer(endpoint, response);
  // The one comment is not needed, but reading it to the end frees the connection at once.
  await response.text();
  if (!response.ok) throw new Error(String(response.status));
  return total(response, 'X-WP-Total');
}

/** Whether the endpoint is our comment server, asking it once when no earlier response told. */
async function isOurServer(endpoint: string, post: number, signal?: AbortSignal): Promise<boolean> {
  if (!ourServer.has(endpoint)) await countComments(endpoint, post, signal);
  return ourServer.get(endpoint) === true;
}

/**
 * Whether the endpoint is our comment server and emails reply notifications (it says so in a header of its answers;
 * a stock WordPress never does), asking it once when no earlier response told.
 */
export async function offersNotifications(endpoint: string, post: number, signal?: AbortSignal): Promise<boolean> {
  if (!notifying.has(endpoint)) await countComments(endpoint, post, signal);
  return notifying.get(endpoint) === true;
}

/**
 * Posts a comment as JSON. Our server gets the `Idempotency-Key`, so that a retry after a lost response returns the
 * first comment instead of a second one; a stock WordPress on another origin would refuse that header in its CORS
 * preflight, so it gets only standard headers (its "duplicate" answer then tells a retry that the first attempt landed).
 */
export async function createComment(
  endpoint: string,
  payload: WpCommentCreate,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<WpCommentCreated> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (await isOurServer(endpoint, payload.post, signal)) headers['Idempotency-Key'] = idempotencyKey;
  const response = await send(endpoint, commentsUrl(endpoint), { method: 'POST', headers, body: JSON.stringify(payload), signal });
  return (await response.json()) as WpCommentCreated;
}

/** Our server only: edits one's own comment's text with its edit token; answers the comment as it now is. */
export async function editComment(endpoint: string, id: number, content: string, token: string, signal?: AbortSignal): Promise<WpComment> {
  const headers = { 'Content-Type': 'application/json', [EDIT_TOKEN_HEADER]: token };
  const response = await send(endpoint, commentsUrl(endpoint, `/${id}`), { method: 'POST', headers, body: JSON.stringify({ content }), signal });
  return (await response.json()) as WpComment;
}

/** Our server only: deletes one's own comment with its edit token. */
export async function deleteComment(endpoint: string, id: number, token: string, signal?: AbortSignal): Promise<void> {
  await send(endpoint, commentsUrl(endpoint, `/${id}`), { method: 'DELETE', headers: { [EDIT_TOKEN_HEADER]: token }, signal });
}

/** Our server only: the URL of a post's stream of comment changes, resuming after `lastEventId` when given. */
/** The kinds of events a post's stream sends. */
const STREAM_EVENTS = ['comment', 'edited', 'removed'] as const;

type StreamListener = (event: MessageEvent<string>) => void;

/** A post's stream shared by the lists that follow it; `source` is replaced when the stream is opened again. */
interface SharedStream {
  source?: EventSource;
  listeners: Set<StreamListener>;
  /** The last event's ID: a stream opened again resumes after it, so nothing sent in between is missed. */
  lastEventId?: string;
  /** Refusals in a row, for the back-off. */
  refusals: number;
  retry?: ReturnType<typeof setTimeout>;
}

/** One stream per endpoint and post, however many lists follow it: a browser opens few connections per server. */
const streams = new Map<string, SharedStream>();

/** The first wait before opening a refused stream again; each refusal in a row doubles it, up to the longest. */
const REOPEN_FIRST_MS = 2_000;
const REOPEN_LONGEST_MS = 5 * 60_000;

/**
 * Opens the stream's EventSource. A browser reconnects by itself after a dropped connection, but gives up for good
 * when the server answers other than 200 (429: the address has too many streams, as in an office behind one NAT; a
 * proxy's 502 while the server restarts): then this opens it again after a back-off, randomised so that the readers of
 * a restarted server do not all come back at once.
 */
function openStream(key: string, endpoint: string, post: number, stream: SharedStream): void {
  const source = new EventSource(streamUrl(endpoint, post, stream.lastEventId));
  stream.source = source;
  for (const name of STREAM_EVENTS) {
    source.addEventListener(name, (event) => {
      if (event.lastEventId) stream.lastEventId = event.lastEventId;
      stream.listeners.forEach((each) => each(event));
    });
  }
  source.addEventListener('open', () => (stream.refusals = 0));
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED || stream.source !== source || streams.get(key) !== stream) return;
    const longest = Math.min(REOPEN_LONGEST_MS, REOPEN_FIRST_MS * 2 ** stream.refusals);
    stream.refusals += 1;
    stream.retry = setTimeout(() => {
      if (streams.get(key) === stream) openStream(key, endpoint, post, stream);
    }, longest / 2 + Math.random() * (longest / 2));
  });
}

/**
 * Follows a post's stream of comment changes, from `lastEventId` when this opens it; lists of the same post on one
 * page share one connection. Returns the function that stops following (the last one closes the stream).
 */
export function followStream(endpoint: string, post: number, lastEventId: string | undefined, listener: StreamListener): () => void {
  const key = `${endpoint}|${post}`;
  let stream = streams.get(key);
  if (!stream) {
    stream = { listeners: new Set(), lastEventId, refusals: 0 };
    streams.set(key, stream);
    openStream(key, endpoint, post, stream);
  }
  const shared = stream;
  shared.listeners.add(listener);
  return () => {
    shared.listeners.delete(listener);
    if (shared.listeners.size > 0 || streams.get(key) !== shared) return;
    clearTimeout(shared.retry);
    shared.source?.close();
    streams.delete(key);
  };
}

function streamUrl(endpoint: string, post: number, lastEventId?: string): string {
  return commentsUrl(endpoint, STREAM_PATH, lastEventId ? { post, [STREAM_RESUME_PARAM]: lastEventId } : { post }).href;
}
