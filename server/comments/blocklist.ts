import { BlockList, isIP } from 'node:net';
import type { BlockListKind } from 'newsroom-comment-protocol';
import { comparableText } from '../storage/keys.js';

/**
 * Text as block lists compare it, the form duplicates are compared in: NFKC (full-width and compatibility forms match),
 * invisible characters removed, case-folded, whitespace runs as one space; linear in the text's length (runs of
 * combining marks are bounded before normalising).
 */
export const foldText = comparableText;

const MAX_WORD_LENGTH = 200;

/** An IPv4 or IPv6 address with an optional prefix length (`/24`, `/64`), checked with node:net, never a regex. */
export function parseRange(value: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address, bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (rest.length > 0 || version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return undefined;
  const prefix = bits === undefined ? max : Number(bits);
  return prefix <= max ? { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' } : undefined;
}

/**
 * The value as stored (folded; a single address as a full-length range), or why it cannot be, in the moderator's words
 * (the desk is an English operator tool): words and phrases of 1 to 200 characters; an email address or `@domain`; an
 * IP address or CIDR range.
 */
export function normaliseBlockValue(kind: BlockListKind, raw: string): { value: string } | { problem: string } {
  const value = foldText(raw).trim();
  switch (kind) {
    case 'hold':
    case 'spam':
      return value.length >= 1 && value.length <= MAX_WORD_LENGTH ? { value } : { problem: `Enter a word or phrase of 1 to ${MAX_WORD_LENGTH} characters.` };
    case 'email': {
      const at = value.lastIndexOf('@');
      const valid = value.length <= 254 && at >= 0 && at < value.length - 1 && !/\s/.test(value);
      return valid ? { value } : { problem: 'Enter an email address (reader@example.com) or a domain (@example.com).' };
    }
    case 'ip': {
      const range = parseRange(value);
      return range ? { value: `${range.address}/${range.prefix}` } : { problem: 'Enter an IP address or a CIDR range (203.0.113.0/24, 2001:db8::/32).' };
    }
  }
}

/** The block lists compiled for matching new comments: substring checks and node:net's BlockList, all linear in the text. */
export interface CompiledBlockLists {
  holdWords: readonly string[];
  spamWords: readonly string[];
  /** Whether the email address (or its domain) or the IP address is refused. */
  refuses(email: string, ip: string): 'author_email' | 'ip' | undefined;
}

export function compileBlockLists(entries: ReadonlyArray<{ kind: BlockListKind; value: string }>): CompiledBlockLists {
  const of = (kind: BlockListKind) => entries.filter((entry) => entry.kind === kind).map((entry) => entry.value);
  const emails = new Set(of('email'));
  const ranges = new BlockList();
  for (const value of of('ip')) {
    const range = parseRange(value);
    if (range) ranges.addSubnet(range.address, range.prefix, range.family);
  }
  return {
    holdWords: of('hold'),
    spamWords: of('spam'),
    refuses(email, ip) {
      const folded = foldText(email);
      if (folded !== '' && (emails.has(folded) || emails.has(folded.slice(folded.lastIndexOf('@'))))) return 'author_email';
      const version = isIP(ip);
      if (version !== 0 && ranges.check(ip, version === 4 ? 'ipv4' : 'ipv6')) return 'ip';
      return undefined;
    },
  };
}

/** Whether any of `words` (already folded) occurs in the folded text. */
export const containsAny = (foldedText: string, words: readonly string[]): boolean => words.some((word) => word !== '' && foldedText.includes(word));

/**
 * The block lists as of the database's latest version. Each new comment asks the database for the lists' version (one
 * indexed row) and reloads them only when it changed, so an edit on any server process applies to the next comment
 * on every process.
 */
export function blockListCache(storage: { blockListVersion(): Promise<number>; listBlockEntries(): Promise<{ version: number; entries: Array<{ kind: BlockListKind; value: string }> }> }): () => Promise<CompiledBlockLists> {
  let cached: { version: number; lists: CompiledBlockLists } | undefined;
  return async () => {
    const version = await storage.blockListVersion();
    if (cached?.version !== version) {
      const { version: loaded, entries } = await storage.listBlockEntries();
      cached = { version: loaded, lists: compileBlockLists(entries) };
    }
    return cached.lists;
  };
}
