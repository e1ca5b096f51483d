import { createHash, randomBytes } from 'node:crypto';
import type { BlockListKind } from 'newsroom-comment-protocol';
import type { CommentStorage } from '../storage/port.js';
import type { StoredAuditEntry, StoredBlockEntry, StoredModeratorToken } from '../storage/moderation-port.js';
import { normaliseBlockValue } from './blocklist.js';

export type { AuditDetail, StoredAuditEntry, StoredBlockEntry, StoredModeratorToken } from '../storage/moderation-port.js';

/** The label of the configuration's token (COMMENTS_ADMIN_TOKEN or the generated one). */
export const CONFIGURED_TOKEN_LABEL = 'admin';

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The moderation desk's own records: named moderator tokens, the block lists and the audit log. Every check reads the
 * database, so a revoked token or an edited list holds at once on every server process.
 */
export interface ModerationDesk {
  /** Makes `adminToken` the configured moderator (label `admin`), retiring an earlier configured token. */
  registerConfiguredToken(adminToken: string): Promise<void>;
  /** The moderator a bearer token belongs to, unless it is unknown or revoked. */
  moderatorOf(token: string): Promise<{ label: string } | undefined>;
  tokens(): Promise<StoredModeratorToken[]>;
  /** A new random token (shown this once), stored as its SHA-256 digest; or why the label cannot be used. */
  createToken(label: string, moderator: string): Promise<{ stored: StoredModeratorToken; token: string } | { problem: string }>;
  revokeToken(id: number, moderator: string): Promise<StoredModeratorToken | 'not-found' | 'configured'>;
  blockEntries(): Promise<StoredBlockEntry[]>;
  /** Stores a block-list entry, or says why it cannot (`exists`: it is listed already). */
  addBlockEntry(kind: BlockListKind, value: string, moderator: string): Promise<StoredBlockEntry | { problem: string } | 'exists'>;
  removeBlockEntry(id: number, moderator: string): Promise<StoredBlockEntry | undefined>;
  audit(page: number, perPage: number): Promise<{ items: StoredAuditEntry[]; total: number }>;
}

const MAX_LABEL_LENGTH = 60;

export function createModerationDesk(storage: CommentStorage, now: () => number): ModerationDesk {
  return {
    registerConfiguredToken: (adminToken) => storage.setConfiguredToken(tokenHash(adminToken), CONFIGURED_TOKEN_LABEL, now()),
    // Looked up by the SHA-256 digest of a random token: timing can tell an attacker nothing about a token they do not
    // already hold, and the token itself is never stored.
    moderatorOf: (token) => storage.moderatorByTokenHash(tokenHash(token)),
    tokens: () => storage.listModeratorTokens(),
    async createToken(rawLabel, moderator) {
      // eslint-disable-next-line no-control-regex -- control characters are what is refused
      const label = rawLabel.normalize('NFC').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
      if (label === '' || label.length > MAX_LABEL_LENGTH) return { problem: `Name the token with 1 to ${MAX_LABEL_LENGTH} characters.` };
      const token = randomBytes(32).toString('base64url');
      const stored = await storage.createModeratorToken(label, tokenHash(token), { moderator, at: now() });
      return stored ? { stored, token } : { problem: `A token named "${label}" exists already: choose another name or revoke it first.` };
    },
    revokeToken: (id, moderator) => storage.revokeModeratorToken(id, { moderator, at: now() }),
    async blockEntries() {
      return (await storage.listBlockEntries()).entries;
    },
    async addBlockEntry(kind, raw, moderator) {
      const normalised = normaliseBlockValue(kind, raw);
      if ('problem' in normalised) return normalised;
      return (await storage.addBlockEntry(kind, normalised.value, { moderator, at: now() })) ?? 'exists';
    },
    removeBlockEntry: (id, moderator) => storage.removeBlockEntry(id, { moderator, at: now() }),
    audit: (page, perPage) => storage.listAudit(page, perPage),
  };
}
