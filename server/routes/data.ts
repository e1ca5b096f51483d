import type { FastifyInstance, FastifyRequest } from 'fastify';
import { COMMENT_LIMITS } from 'newsroom-comment-protocol';
import type { DataRightsService, ErasureMode } from '../comments/rights.js';
import { commentSchema, presentForModerator } from '../present/comment.js';
import { dataExportSchema, erasureSchema, presentErasure, presentExport } from '../present/data.js';
import { MESSAGES, WpHttpError, answerInWordPressShape, requireJsonBody } from './errors.js';

export interface DataRoutesOptions {
  rights: DataRightsService;
  postLink: string;
  /** The moderator making the request (their token's label, for the audit log), if any. */
  moderatorOf(request: FastifyRequest): { label: string } | undefined;
}

// An exact address: some characters, an @, more characters, no whitespace (not WordPress's full is_email: the
// address of an imported comment may be one it would refuse, and must still be found).
const email = { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' } as const;
const MAX_PER_PAGE = 100;

const findBodySchema = {
  type: 'object',
  required: ['email'],
  properties: {
    email,
    page: { type: 'integer', minimum: 1, maximum: 2147483647, default: 1 },
    per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: 10 },
  },
} as const;

const eraseBodySchema = {
  type: 'object',
  required: ['email', 'mode'],
  properties: {
    email,
    mode: { type: 'string', enum: ['anonymise', 'delete'] },
    // The moderator's word for "anonymous" in the site's language; empty leaves the name blank.
    anonymous_name: { type: 'string', maxLength: COMMENT_LIMITS.author_name, pattern: '^[^\\u0000-\\u001f\\u007f]*$' },
  },
} as const;

/** The date of an export, for its file name (never the address: file names end up in logs and download folders). */
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * A moderator's answers to data-rights requests, under `/wp-json/newsroom/v1/data`: find an address's comments, export
 * them as a JSON file, erase them. Every route is a POST with the address in the JSON body, never in the URL, which
 * access logs and proxies keep; every answer is `private, no-store`.
 */
export function dataRoutes(app: FastifyInstance, options: DataRoutesOptions): void {
  const { rights, postLink } = options;
  answerInWordPressShape(app);
  // Without the moderator's token nothing is read, not even the body.
  app.addHook('onRequest', async (request) => {
    if (!options.moderatorOf(request)) throw new WpHttpError(401, 'rest_forbidden', MESSAGES.forbidden);
    requireJsonBody(request);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
  });

  app.post<{ Body: { email: string; page: number; per_page: number } }>(
    '/comments',
    { schema: { body: findBodySchema, response: { 200: { type: 'array', items: commentSchema } } } },
    async (request, reply) => {
      const { items, total, totalPages } = await rights.find(request.body.email, request.body.page, request.body.per_page);
      reply.header('X-WP-Total', String(total)).header('X-WP-TotalPages', String(totalPages));
      return items.map((comment) => presentForModerator(comment, postLink));
    },
  );

  app.post<{ Body: { email: string } }>(
    '/export',
    { schema: { body: { type: 'object', required: ['email'], properties: { email } }, response: { 200: dataExportSchema } } },
    async (request, reply) => {
      const data = await rights.export(request.body.email);
      reply.header('Content-Disposition', `attachment; filename="comment-data-${day(data.exportedAt)}.json"`);
      return presentExport(data, postLink);
    },
  );

  app.post<{ Body: { email: string; mode: ErasureMode; anonymous_name?: string } }>(
    '/erase',
    { schema: { body: eraseBodySchema, response: { 200: erasureSchema } } },
    async (request) => {
      const { email: address, mode, anonymous_name: anonymousName } = request.body;
      const moderator = options.moderatorOf(request)!.label;
      return presentErasure(mode, await rights.erase(address, mode, moderator, anonymousName?.trim()));
    },
  );
}
