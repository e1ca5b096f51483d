import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  BlockListKind,
  ModerationAction,
  ModerationAuditEntry,
  ModerationBulkResult,
  ModerationPage,
  ModerationQueuePage,
  WpCommentStatus,
} from 'newsroom-comment-protocol';
import type { ModerationDesk } from '../comments/desk.js';
import type { CommentService } from '../comments/service.js';
import { presentForModerator } from '../present/comment.js';
import { presentAuditEntry, presentBlockEntry, presentToken } from '../present/moderation.js';
import { WpHttpError, invalidParams } from './errors.js';

export interface ModerationRoutesOptions {
  comments: CommentService;
  desk: ModerationDesk;
  postLink: string;
  /** The moderator making the request (their token's label), if any. */
  moderatorOf(request: FastifyRequest): { label: string } | undefined;
}

const MAX_ID = 2147483647;
const id = { type: 'integer', minimum: 1, maximum: MAX_ID } as const;
const idParams = { type: 'object', properties: { id }, required: ['id'] } as const;
const MAX_PER_PAGE = 100;
const paging = {
  page: { type: 'integer', minimum: 1, maximum: MAX_ID, default: 1 },
  per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: 20 },
} as const;
const STATUSES: WpCommentStatus[] = ['hold', 'approved', 'spam', 'trash'];
const ACTIONS: ModerationAction[] = ['approve', 'hold', 'spam', 'trash', 'delete'];
const KINDS: BlockListKind[] = ['hold', 'spam', 'email', 'ip'];
const gmt = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

const forbidden = () => new WpHttpError(401, 'rest_forbidden', 'Sorry, you are not allowed to do that.');

/**
 * The moderation desk's API (`/wp-json/newsroom/v1/moderation/…`), for moderators only: queues, bulk actions and their
 * undo, block lists, named tokens and the audit log. Answers are never cached (`private, no-store`).
 */
export function moderationRoutes(app: FastifyInstance, options: ModerationRoutesOptions): void {
  const { comments, desk, postLink } = options;
  /** The label of the request's moderator; every route below is reached only with one. */
  const labelOf = (request: FastifyRequest): string => {
    const moderator = options.moderatorOf(request);
    if (!moderator) throw forbidden();
    return moderator.label;
  };
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    labelOf(request);
  });

  app.get('/me', async (request) => ({ label: labelOf(request) }));

  app.get<{ Querystring: { status: WpCommentStatus; search?: string; post?: number; page: number; per_page: number } }>(
    '/comments',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: STATUSES, default: 'hold' },
            search: { type: 'string', maxLength: 200 },
            post: id,
            ...paging,
          },
        },
      },
    },
    async (request): Promise<ModerationQueuePage> => {
      const { status, search, post, page, per_page: perPage } = request.query;
      const queue = await comments.queue({ status, search: search?.trim() || undefined, post, page, perPage });
      return {
        items: queue.items.map((comment) => presentForModerator(comment, postLink)),
        total: queue.total,
        total_pages: queue.totalPages,
        counts: queue.counts,
      };
    },
  );

  app.post<{ Body: { ids: number[]; action: ModerationAction } }>(
    '/bulk',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            ids: { type: 'array', items: id, minItems: 1, maxItems: MAX_PER_PAGE },
            action: { type: 'string', enum: ACTIONS },
          },
          required: ['ids', 'action'],
        },
      },
    },
    async (request): Promise<ModerationBulkResult> => {
      const outcome = await comments.moderate(request.body.ids, request.body.action, labelOf(request));
      return {
        action_id: outcome.auditId,
        changed: outcome.changed,
        ...(outcome.undoUntil !== undefined && { undo_until: `${gmt(outcome.undoUntil)}Z` }),
      };
    },
  );

  app.post<{ Body: { action_id: number } }>(
    '/undo',
    { schema: { body: { type: 'object', properties: { action_id: id }, required: ['action_id'] } } },
    async (request): Promise<ModerationBulkResult> => {
      const outcome = await comments.undo(request.body.action_id, labelOf(request));
      return { action_id: outcome.auditId, changed: outcome.changed };
    },
  );

  app.get('/blocklist', async () => (await desk.blockEntries()).map(presentBlockEntry));

  app.post<{ Body: { kind: BlockListKind; value: string } }>(
    '/blocklist',
    {
      schema: {
        body: {
          type: 'object',
          properties: { kind: { type: 'string', enum: KINDS }, value: { type: 'string', maxLength: 1000 } },
          required: ['kind', 'value'],
        },
      },
    },
    async (request, reply) => {
      const added = await desk.addBlockEntry(request.body.kind, request.body.value, labelOf(request));
      if (added === 'exists') throw new WpHttpError(409, 'moderation_block_exists', 'This entry is on the list already.');
      if ('problem' in added) throw invalidParams({ value: added.problem });
      return reply.code(201).send(presentBlockEntry(added));
    },
  );

  app.delete<{ Params: { id: number } }>('/blocklist/:id', { schema: { params: idParams } }, async (request) => {
    const removed = await desk.removeBlockEntry(request.params.id, labelOf(request));
    if (!removed) throw new WpHttpError(404, 'moderation_block_invalid_id', 'There is no block-list entry with this ID.');
    return presentBlockEntry(removed);
  });

  app.get<{ Querystring: { page: number; per_page: number } }>(
    '/audit',
    { schema: { querystring: { type: 'object', properties: paging } } },
    async (request): Promise<ModerationPage<ModerationAuditEntry>> => {
      const { page, per_page: perPage } = request.query;
      const { items, total } = await desk.audit(page, perPage);
      return { items: items.map(presentAuditEntry), total, total_pages: Math.ceil(total / perPage) };
    },
  );

  app.get('/tokens', async () => (await desk.tokens()).map((token) => presentToken(token)));

  app.post<{ Body: { label: string } }>(
    '/tokens',
    { schema: { body: { type: 'object', properties: { label: { type: 'string', maxLength: 1000 } }, required: ['label'] } } },
    async (request, reply) => {
      const created = await desk.createToken(request.body.label, labelOf(request));
      if ('problem' in created) throw invalidParams({ label: created.problem });
      return reply.code(201).send(presentToken(created.stored, created.token));
    },
  );

  app.delete<{ Params: { id: number } }>('/tokens/:id', { schema: { params: idParams } }, async (request) => {
    const revoked = await desk.revokeToken(request.params.id, labelOf(request));
    if (revoked === 'not-found') throw new WpHttpError(404, 'moderation_token_invalid_id', 'There is no live token with this ID.');
    if (revoked === 'configured') {
      throw new WpHttpError(409, 'moderation_token_configured', 'The admin token comes from the configuration (COMMENTS_ADMIN_TOKEN): change it there.');
    }
    return presentToken(revoked);
  });
}
