import type { DataExport, ErasureOutcome } from '../comments/rights.js';

/** Names the document's shape; `version` changes when a field changes meaning or goes (new fields may be added). */
export const DATA_EXPORT_FORMAT = 'newsroom-comment-data';
export const DATA_EXPORT_VERSION = 1;

/** A comment as the export gives it: WordPress's field names, the raw text, the email, and the IP address if still kept. */
export interface ExportedComment {
  id: number;
  post: number;
  parent: number;
  status: string;
  date_gmt: string;
  edited_gmt?: string;
  author_name: string;
  author_email: string;
  author_url: string;
  author_ip?: string;
  content: string;
  link: string;
}

/** The JSON document answering an access request (docs/data-rights.md describes it). */
export interface DataExportDocument {
  format: typeof DATA_EXPORT_FORMAT;
  version: typeof DATA_EXPORT_VERSION;
  email: string;
  exported_gmt: string;
  comments: ExportedComment[];
}

const gmt = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

export function presentExport(data: DataExport, postLink: string): DataExportDocument {
  return {
    format: DATA_EXPORT_FORMAT,
    version: DATA_EXPORT_VERSION,
    email: data.email,
    exported_gmt: gmt(data.exportedAt),
    comments: data.comments.map((comment) => ({
      id: comment.id,
      post: comment.post,
      parent: comment.parent,
      status: comment.status,
      date_gmt: gmt(comment.createdAt),
      ...(comment.editedAt !== undefined && { edited_gmt: gmt(comment.editedAt) }),
      author_name: comment.authorName,
      author_email: comment.authorEmail,
      author_url: comment.authorUrl,
      ...(comment.authorIp !== '' && { author_ip: comment.authorIp }),
      content: comment.content,
      link: `${postLink.replaceAll('{post}', String(comment.post))}#comment-${comment.id}`,
    })),
  };
}

const exportedCommentProperties = {
  id: { type: 'integer' },
  post: { type: 'integer' },
  parent: { type: 'integer' },
  status: { type: 'string' },
  date_gmt: { type: 'string' },
  edited_gmt: { type: 'string' },
  author_name: { type: 'string' },
  author_email: { type: 'string' },
  author_url: { type: 'string' },
  author_ip: { type: 'string' },
  content: { type: 'string' },
  link: { type: 'string' },
} as const;

/** Response schema of the export: Fastify serialises with it and drops anything not listed. */
export const dataExportSchema = {
  type: 'object',
  properties: {
    format: { type: 'string' },
    version: { type: 'integer' },
    email: { type: 'string' },
    exported_gmt: { type: 'string' },
    comments: { type: 'array', items: { type: 'object', properties: exportedCommentProperties } },
  },
} as const;

/** The answer to an erasure: what was changed, in the API's snake case. */
export interface ErasureReport {
  mode: string;
  comments: number;
  reparented: number;
  idempotency_keys: number;
}

export const presentErasure = (mode: string, outcome: ErasureOutcome): ErasureReport => ({
  mode,
  comments: outcome.comments,
  reparented: outcome.reparented,
  idempotency_keys: outcome.idempotencyKeys,
});

export const erasureSchema = {
  type: 'object',
  properties: { mode: { type: 'string' }, comments: { type: 'integer' }, reparented: { type: 'integer' }, idempotency_keys: { type: 'integer' } },
} as const;
