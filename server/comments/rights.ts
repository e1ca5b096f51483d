import { comparableEmail } from '../storage/keys.js';
import type { CommentStorage, StoredComment } from '../storage/port.js';
import type { ErasureMode, ErasureOutcome } from '../storage/rights-port.js';
import { CommentRejected } from './rejection.js';

export type { ErasureMode, ErasureOutcome } from '../storage/rights-port.js';

/** WordPress's name for a comment's author once their data is erased (wp_comments_personal_data_eraser). */
export const ANONYMOUS_NAME = 'Anonymous';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many comments the export reads at a time. */
const EXPORT_BATCH = 500;

/** What the data-rights service needs of the configuration. */
export interface DataRightsPolicy {
  /** Days a comment's IP address is kept. */
  ipRetentionDays: number;
  /** Clock in ms. */
  now(): number;
}

/** Everything kept of an address's comments, for an access request. */
export interface DataExport {
  /** The address as it was asked for. */
  email: string;
  /** When the export was made (ms). */
  exportedAt: number;
  /** Every comment of the address, any status, oldest first (IP addresses as still kept: empty once erased). */
  comments: StoredComment[];
}

/** The moderator's answers to access and erasure requests, and the erasure of old IP addresses. */
export interface DataRightsService {
  /** One page of the address's comments (any status, oldest first), with how many there are in all. */
  find(email: string, page: number, perPage: number): Promise<{ items: StoredComment[]; total: number; totalPages: number }>;
  export(email: string): Promise<DataExport>;
  /**
   * Anonymises or deletes every comment of the address and what is derived from them, in one transaction; anonymised
   * comments then show `anonymousName` (default ANONYMOUS_NAME; the site's own word in its language, or empty).
   */
  erase(email: string, mode: ErasureMode, moderator: string, anonymousName?: string): Promise<ErasureOutcome>;
  /** Erases the IP addresses kept longer than the retention period; resolves with how many comments held one. */
  eraseExpiredAddresses(): Promise<number>;
}

/** An address without a visible character would match every comment without an email: never looked up. */
const checked = (email: string): string => {
  const trimmed = email.trim();
  if (comparableEmail(trimmed) === '') throw new CommentRejected({ reason: 'malformed', fields: ['author_email'] });
  return trimmed;
};

export function createDataRightsService(storage: CommentStorage, policy: DataRightsPolicy): DataRightsService {
  return {
    async find(email, page, perPage) {
      const { items, total } = await storage.commentsByEmail(checked(email), page, perPage);
      const totalPages = Math.ceil(total / perPage);
      if (total > 0 && page > totalPages) throw new CommentRejected({ reason: 'page-out-of-range' });
      return { items, total, totalPages };
    },
    async export(email) {
      const address = checked(email);
      const exportedAt = policy.now();
      const comments: StoredComment[] = [];
      for (let page = 1; ; page += 1) {
        const { items, total } = await storage.commentsByEmail(address, page, EXPORT_BATCH);
        comments.push(...items);
        if (items.length === 0 || page * EXPORT_BATCH >= total) break;
      }
      return { email: address, exportedAt, comments };
    },
    erase(email, mode, moderator, anonymousName = ANONYMOUS_NAME) {
      return storage.eraseByEmail({ email: checked(email), mode, anonymousName, note: { moderator, at: policy.now() } });
    },
    eraseExpiredAddresses() {
      return storage.eraseAddressesBefore(policy.now() - policy.ipRetentionDays * DAY_MS);
    },
  };
}
