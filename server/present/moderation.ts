import type { BlockListEntry, BlockListKind, ModerationAuditEntry, ModeratorTokenInfo, WpCommentStatus } from 'newsroom-comment-protocol';
import type { AuditDetail, StoredAuditEntry, StoredBlockEntry, StoredModeratorToken } from '../comments/desk.js';

const gmt = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

export const presentToken = (token: StoredModeratorToken, secret?: string): ModeratorTokenInfo => ({
  id: token.id,
  label: token.label,
  created_gmt: gmt(token.createdAt),
  ...(token.revokedAt !== undefined && { revoked_gmt: gmt(token.revokedAt) }),
  configured: token.configured,
  ...(secret !== undefined && { token: secret }),
});

export const presentBlockEntry = (entry: StoredBlockEntry): BlockListEntry => ({
  id: entry.id,
  kind: entry.kind,
  value: entry.value,
  created_gmt: gmt(entry.createdAt),
});

const VERB: Record<WpCommentStatus, string> = { approved: 'approve', hold: 'hold', spam: 'mark as spam', trash: 'trash' };
const LIST_NAME: Record<BlockListKind, string> = {
  hold: 'words that hold',
  spam: 'words that send to spam',
  email: 'refused emails',
  ip: 'refused IP ranges',
};
const SHOWN_IDS = 20;

const comments = (ids: readonly number[]): string => {
  const listed = ids.slice(0, SHOWN_IDS).map((id) => `#${id}`).join(', ');
  const more = ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : '';
  return `${ids.length} comment${ids.length === 1 ? '' : 's'}${ids.length > 0 ? `: ${listed}${more}` : ''}`;
};

const count = (n: number, one = 'comment', many = 'comments'): string => `${n} ${n === 1 ? one : many}`;

/** An audit entry's particulars in words (English, as the whole desk). */
function summary(detail: AuditDetail): string {
  switch (detail.action) {
    case 'status':
      return `${VERB[detail.status]} ${comments(detail.changes.map(({ id }) => id))}`;
    case 'delete':
      return `delete for good ${comments(detail.ids)}`;
    case 'undo':
      return `undo action ${detail.undoes}, restoring ${comments(detail.ids)}`;
    case 'block-add':
      return `add “${detail.value}” to ${LIST_NAME[detail.kind]}`;
    case 'block-remove':
      return `remove “${detail.value}” from ${LIST_NAME[detail.kind]}`;
    case 'token-create':
      return `create the token “${detail.label}”`;
    case 'token-revoke':
      return `revoke the token “${detail.label}”`;
    case 'erase':
      return detail.mode === 'delete'
        ? `delete ${count(detail.comments)} at their author's request, moving ${count(detail.reparented, 'reply', 'replies')} up`
        : `anonymise ${count(detail.comments)} at their author's request`;
  }
}

export const presentAuditEntry = (entry: StoredAuditEntry): ModerationAuditEntry => ({
  id: entry.id,
  date_gmt: gmt(entry.at),
  moderator: entry.moderator,
  action: entry.detail.action,
  summary: summary(entry.detail),
});
