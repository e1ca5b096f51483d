import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  EDIT_TOKEN_HEADER,
  HONEYPOT_FIELD,
  LANGUAGE_TAG,
  NOTIFY_FIELD,
  NOTIFY_LANGUAGE_FIELD,
  STREAM_POSITION_HEADER,
  type WpCommentDeleted,
  type WpCommentStatus,
} from 'newsroom-comment-protocol';
import type { CommentService, StoredComment } from '../comments/service.js';
import { commentSchema, createdCommentSchema, presentComment, presentCreated, presentForModerator } from '../present/comment.js';
import { MESSAGES, WpHttpError, invalidParams } from './errors.js';

export interface CommentRoutesOptions {
  comments: CommentService;
  postLink: string;
  isModerator(request: FastifyRequest): boolean;
  /** The moderator making the request (their token's label, written to the audit log), if any. */
  moderatorOf(request: FastifyRequest): { label: string } | undefined;
  clientAddress(request: FastifyRequest): string;
}

const MAX_ID = 2147483647;
const id = { type: 'integer', minimum: 1, maximum: MAX_ID } as const;
// WordPress accepts numeric strings for integer fields; anything else is a wrong type.
const idInBody = { type: ['integer', 'string'], minimum: 0, maximum: MAX_ID, pattern: '^[0-9]{1,10}$' } as const;
const text = { type: 'string' } as const;
const STATUS_ALIASES: Record<string, WpCommentStatus> = {
  approved: 'approved',
  approve: 'approved',
  '1': 'approved',
  hold: 'hold',
  '0': 'hold',
  spam: 'spam',
  trash: 'trash',
};

// WordPress's contexts: `view` (the default, also for the moderator) never has the email or the raw text; `edit` does.
const context = { type: 'string', enum: ['view', 'embed', 'edit'], default: 'view' } as const;
type Context = 'view' | 'embed' | 'edit';

/** WordPress's list cap, also the most IDs a `parent` or `thread` list may name. */
const MAX_PER_PAGE = 100;
const idList = (minimum: number) =>
  ({ type: 'array', items: { type: 'integer', minimum, maximum: MAX_ID }, minItems: 1, maxItems: MAX_PER_PAGE }) as const;
/** Query parameters that take several IDs: comma-separated (`parent=3,7`), repeated or PHP's `parent[]=3`, as in WordPress. */
const ID_LISTS = ['parent', 'thread'] as const;

const listQuerySchema = {
  type: 'object',
  properties: {
    post: id,
    parent: idList(0),
    // Our extension: every reply below these top-level comments of `post`, oldest first.
    thread: idList(1),
    page: { type: 'integer', minimum: 1, maximum: MAX_ID, default: 1 },
    per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: 10 },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
    status: { type: 'string', enum: Object.keys(STATUS_ALIASES), default: 'approved' },
    context,
  },
} as const;

const createBodySchema = {
  type: 'object',
  properties: {
    post: idInBody,
    parent: idInBody,
    author_name: text,
    author_email: text,
    author_url: text,
    content: text,
    [HONEYPOT_FIELD]: text,
    [NOTIFY_FIELD]: { type: 'boolean' },
    [NOTIFY_LANGUAGE_FIELD]: text,
  },
} as const;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The POST body after schema validation, in WordPress's field names. */
interface CreateBody {
  post?: number | string;
  parent?: number | string;
  author_name?: string;
  author_email?: string;
  author_url?: string;
  content?: string;
  [HONEYPOT_FIELD]?: string;
  [NOTIFY_FIELD]?: boolean;
  [NOTIFY_LANGUAGE_FIELD]?: string;
  status?: unknown;
}

/** The query string of GET /comments, as the schema above leaves it. */
interface ListQuerystring {
  post?: number;
  parent?: number[];
  thread?: number[];
  page: number;
  per_page: number;
  order: 'asc' | 'desc';
  status: string;
  context: Context;
}

/** One array of the ID texts of a list parameter, however it was sent; the schema then checks and converts each. */
function splitIdLists(query: Record<string, unknown>): void {
  for (const name of ID_LISTS) {
    const values = [query[name], query[`${name}[]`]].flat().filter((value) => value !== undefined);
    delete query[`${name}[]`];
    if (values.length === 0) continue;
    query[name] = values.flatMap((value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [value]));
  }
}

export function commentRoutes(app: FastifyInstance, options: CommentRoutesOptions): void {
  const { comments, postLink } = options;
  /** The comment in the requested context; `edit` is refused (401) without the admin token. */
  const presentIn = (request: FastifyRequest, requested: Context) => {
    if (requested !== 'edit') return (comment: StoredComment) => presentComment(comment, postLink);
    if (!options.isModerator(request)) throw new WpHttpError(401, 'rest_forbidden_context', MESSAGES.forbiddenContext);
    return (comment: StoredComment) => presentForModerator(comment, postLink);
  };

  app.get<{ Querystring: ListQuerystring }>(
    '/comments',
    {
      schema: { querystring: listQuerySchema, response: { 200: { type: 'array', items: commentSchema } } },
      preValidation: async (request) => splitIdLists(request.query as unknown as Record<string, unknown>),
    },
    async (request, reply) => {
      const query = request.query;
      if (query.thread !== undefined && query.post === undefined) {
        throw invalidParams({ thread: 'thread needs post: the ID of the post whose comments these are.' });
      }
      if (query.thread !== undefined && query.parent !== undefined) {
        throw invalidParams({ thread: 'thread and parent cannot be combined: thread already lists every reply below its comments.' });
      }
      const status = STATUS_ALIASES[query.status];
      const moderator = options.isModerator(request);
      if (status !== 'approved' && !moderator) {
        throw new WpHttpError(401, 'rest_forbidden_param', MESSAGES.forbiddenStatusParam);
      }
      const present = presentIn(request, query.context);
      const { items, total, totalPages, eventPosition } = await comments.list({
        post: query.post,
        parents: query.parent,
        thread: query.thread,
        status,
        page: query.page,
        perPage: query.per_page,
        // A thread reads as a conversation, oldest first, whatever order its top-level comments are shown in.
        order: query.thread !== undefined ? 'asc' : query.order,
      });
      reply.header('X-WP-Total', String(total)).header('X-WP-TotalPages', String(totalPages));
      // Not part of the ETag: a cached list with an older position only makes a stream replay events the list holds.
      reply.header(STREAM_POSITION_HEADER, String(eventPosition));
      return items.map(present);
    },
  );

  app.get(
    '/comments/:id',
    {
      schema: {
        params: { type: 'object', properties: { id } },
        querystring: { type: 'object', properties: { context } },
        response: { 200: commentSchema },
      },
    },
    async (request: FastifyRequest<{ Params: { id: number }; Querystring: { context: Context } }>) => {
      const present = presentIn(request, request.query.context);
      const comment = await comments.get(request.params.id);
      if (comment.status !== 'approved' && !options.isModerator(request)) {
        throw new WpHttpError(401, 'rest_cannot_read', MESSAGES.cannotRead);
      }
      return present(comment);
    },
  );

  app.post(
    '/comments',
    { schema: { body: createBodySchema, response: { 201: createdCommentSchema } } },
    async (request: FastifyRequest<{ Body: CreateBody }>, reply: FastifyReply) => {
      const body = request.body ?? {};
      const idempotencyKey = request.headers['idempotency-key'];
      if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(idempotencyKey))) {
        throw invalidParams({ 'Idempotency-Key': 'Idempotency-Key must be 1 to 255 printable ASCII characters.' });
      }
      const language = body[NOTIFY_LANGUAGE_FIELD];
      // Refused rather than dropped, as any malformed field: the reader would otherwise get emails in a language not theirs.
      if (language !== undefined && !LANGUAGE_TAG.test(language)) {
        throw invalidParams({ [NOTIFY_LANGUAGE_FIELD]: MESSAGES.invalidLanguage });
      }
      if (body.status !== undefined && !options.isModerator(request)) {
        throw new WpHttpError(401, 'rest_comment_invalid_status', MESSAGES.invalidStatusField);
      }
      const created = await comments.create({
        post: body.post,
        parent: body.parent,
        authorName: body.author_name,
        authorEmail: body.author_email,
        authorUrl: body.author_url,
        content: body.content,
        honeypot: body[HONEYPOT_FIELD],
        authorIp: options.clientAddress(request),
        idempotencyKey,
        notifyReplies: body[NOTIFY_FIELD] === true,
        notifyLanguage: language,
      });
      return reply
        .code(201)
        .header('Location', `${request.routeOptions.url}/${created.comment.id}`)
        .send(presentCreated(created, postLink));
    },
  );

  // Called once isModerator has let the request through, so a moderator is there.
  const labelOf = (request: FastifyRequest): string => options.moderatorOf(request)?.label ?? '';

  /** The author's edit token, when the request carries exactly one. */
  const editTokenOf = (request: FastifyRequest): string | undefined => {
    const token = request.headers[EDIT_TOKEN_HEADER.toLowerCase()];
    return typeof token === 'string' && token !== '' ? token : undefined;
  };
  // Checked before the body is even parsed: without the admin token or an edit token, nothing is looked at and
  // nothing changes.
  const onlyModeratorOrAuthor = (code: string, message: string) => async (request: FastifyRequest) => {
    if (!options.isModerator(request) && editTokenOf(request) === undefined) throw new WpHttpError(401, code, message);
  };

  type ChangeRoute = { Params: { id: number }; Body: { status?: string; content?: string } };
  /** The moderator sets a status; an author with the comment's edit token replaces its text. */
  const change = async (request: FastifyRequest<ChangeRoute>) => {
    const { id: commentId } = request.params;
    const editToken = editTokenOf(request);
    if (!options.isModerator(request) && editToken !== undefined) {
      if (request.body?.status !== undefined) throw new WpHttpError(401, 'rest_comment_invalid_status', MESSAGES.invalidStatusField);
      return presentComment(await comments.edit(commentId, editToken, request.body?.content), postLink);
    }
    const requested = request.body?.status;
    const comment =
      requested === undefined ? await comments.get(commentId) : await comments.setStatus(commentId, STATUS_ALIASES[requested], labelOf(request));
    return presentForModerator(comment, postLink);
  };
  const changeSchema = {
    params: { type: 'object', properties: { id } },
    body: { type: 'object', properties: { status: { type: 'string', enum: Object.keys(STATUS_ALIASES) }, content: text } },
    response: { 200: commentSchema },
  };
  const changeOptions = { schema: changeSchema, onRequest: onlyModeratorOrAuthor('rest_cannot_edit', MESSAGES.cannotEdit) };
  app.post<ChangeRoute>('/comments/:id', changeOptions, change);
  app.put<ChangeRoute>('/comments/:id', changeOptions, change);
  app.patch<ChangeRoute>('/comments/:id', changeOptions, change);

  app.delete<{ Params: { id: number }; Querystring: { force: boolean } }>(
    '/comments/:id',
    {
      schema: {
        params: { type: 'object', properties: { id } },
        querystring: { type: 'object', properties: { force: { type: 'boolean', default: false } } },
      },
      onRequest: onlyModeratorOrAuthor('rest_cannot_delete', MESSAGES.cannotDelete),
    },
    async (request: FastifyRequest<{ Params: { id: number }; Querystring: { force: boolean } }>) => {
      const editToken = editTokenOf(request);
      if (!options.isModerator(request) && editToken !== undefined) {
        // An author's deletion is for good, as WordPress's forced delete.
        const deleted: WpCommentDeleted = { deleted: true, previous: presentComment(await comments.deleteOwn(request.params.id, editToken), postLink) };
        return deleted;
      }
      if (request.query.force) {
        return { deleted: true, previous: presentForModerator(await comments.delete(request.params.id, labelOf(request)), postLink) };
      }
      return presentForModerator(await comments.trash(request.params.id, labelOf(request)), postLink);
    },
  );
}
