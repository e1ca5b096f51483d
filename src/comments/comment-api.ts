import { SERVER_HEADER, type WpComment, type WpCommentCreate, type WpError } from 'newsroom-comment-protocol';

/** A refusal from the server (its WordPress error) or a failure to reach it (`network`, `timeout`, status 0). */
export class CommentApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Field name (`author_email`…) to that field's message, when the server names the fields at fault. */
  readonly params: Record<string, string>;

  constructor(code: string, status: number, message: string, params: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.params = params;
  }
}

export interface CommentPage {
  comments: WpComment[];
  total: number;
  totalPages: number;
}

// Whether an endpoint is our comment server (which takes `Idempotency-Key`) or possibly a stock WordPress.
const ourServer = new Map<string, boolean>();

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

async function send(endpoint: string, url: URL, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { credentials: 'omit', ...init }).catch((error: unknown) => {
    throw unanswered(error);
  });
  ourServer.set(endpoint, response.headers.has(SERVER_HEADER));
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function errorOf(response: Response): Promise<CommentApiError> {
  try {
    const body = (await response.json()) as Partial<WpError>;
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      const params = body.data?.params;
      return new CommentApiError(body.code, response.status, body.message, params && typeof params === 'object' ? params : {});
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

/** One page of a post's approved comments, oldest first, with WordPress's totals. */
export async function fetchComments(endpoint: string, post: number, page: number, perPage: number, signal?: AbortSignal): Promise<CommentPage> {
  const url = commentsUrl(endpoint, '', { post, page, per_page: perPage, order: 'asc' });
  const response = await send(endpoint, url, { signal });
  const body: unknown = await response.json();
  return {
    comments: Array.isArray(body) ? (body as WpComment[]) : [],
    total: total(response, 'X-WP-Total'),
    totalPages: total(response, 'X-WP-TotalPages'),
  };
}

/** How many approved comments a post has (`X-WP-Total` of a one-comment page); lean, for the toggle's budget. */
export async function countComments(endpoint: string, post: number, signal?: AbortSignal): Promise<number> {
  const response = await fetch(commentsUrl(endpoint, '', { post, per_page: 1 }), { credentials: 'omit', signal });
  ourServer.set(endpoint, response.headers.has(SERVER_HEADER));
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
 * Posts a comment as JSON. Our server gets the `Idempotency-Key`, so that a retry after a lost response returns the
 * first comment instead of a second one; a stock WordPress on another origin would refuse that header in its CORS
 * preflight, so it gets only standard headers (its "duplicate" answer then tells a retry that the first attempt landed).
 */
export async function createComment(
  endpoint: string,
  payload: WpCommentCreate,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<WpComment> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (await isOurServer(endpoint, payload.post, signal)) headers['Idempotency-Key'] = idempotencyKey;
  const response = await send(endpoint, commentsUrl(endpoint), { method: 'POST', headers, body: JSON.stringify(payload), signal });
  return (await response.json()) as WpComment;
}
