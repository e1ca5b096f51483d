import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { WpHttpError } from './errors.js';

/** The export formats, by the `format` query parameter: their media type and file name. */
const FORMATS = {
  wxr: { type: 'application/rss+xml; charset=utf-8', file: 'comments.xml' },
  jsonl: { type: 'application/jsonl; charset=utf-8', file: 'comments.jsonl' },
} as const;
export type ExportFormat = keyof typeof FORMATS;

export interface ExportRouteOptions {
  isModerator(request: FastifyRequest): boolean;
  /** The export's text, chunk after chunk, as the `export` command writes it. */
  exportComments(format: ExportFormat): AsyncIterable<string>;
}

/**
 * `GET /export?format=wxr|jsonl` (under /wp-json/newsroom/v1): every comment, emails and IP addresses included, for
 * the moderator only, streamed from the database as the `export` command streams it (docs/import-export.md).
 */
export function exportRoutes(app: FastifyInstance, options: ExportRouteOptions): void {
  app.get('/export', async (request, reply) => {
    const fail = (error: WpHttpError) => reply.code(error.status).header('Cache-Control', 'no-store').send(error.toJSON());
    if (!options.isModerator(request)) {
      return fail(new WpHttpError(401, 'rest_forbidden', 'Sorry, you are not allowed to export comments.'));
    }
    const { format } = request.query as { format?: unknown };
    if (typeof format !== 'string' || !Object.hasOwn(FORMATS, format)) {
      return fail(new WpHttpError(400, 'rest_invalid_param', 'Invalid parameter(s): format', { format: 'format must be wxr or jsonl.' }));
    }
    const { type, file } = FORMATS[format as ExportFormat];
    return reply
      .headers({ 'Content-Type': type, 'Content-Disposition': `attachment; filename="${file}"`, 'Cache-Control': 'no-store' })
      .send(Readable.from(options.exportComments(format as ExportFormat)));
  });
}
