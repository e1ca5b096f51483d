/**
 * The URL fragments the comment elements answer to: `#comments` opens the section, `#comment-<id>` one comment, and
 * `#comments-newest` / `#comments-oldest` the section in that order (the fragment a reader's sort choice writes, so
 * that a link shared opens the same view).
 */
export const COMMENT_FRAGMENT = /^#comment-(\d+)$/;
export const ORDER_FRAGMENT = /^#comments-(newest|oldest)$/;

/** The sort order a fragment asks for, in WordPress's words, if it asks for one. */
export function orderOfFragment(hash: string): 'asc' | 'desc' | undefined {
  const name = ORDER_FRAGMENT.exec(hash)?.[1];
  return name === 'newest' ? 'desc' : name === 'oldest' ? 'asc' : undefined;
}

/** The fragment for a sort order. */
export const fragmentOfOrder = (order: 'asc' | 'desc'): string => `#comments-${order === 'desc' ? 'newest' : 'oldest'}`;
