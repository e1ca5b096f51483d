import type { PostReference } from './source.js';

const MAX_POST = 2147483647;

/**
 * How an export's posts become our post numbers:
 * - `id` (the default): WordPress's post ID as it is, or Disqus's thread identifier when it is a number;
 * - `template`: the number read from the permalink (or Disqus thread link) by a pattern such as
 *   `https://news.example/?p={post}` or `https://news.example/{post}/` (like POST_LINK);
 * - `map`: a JSON object from WordPress post ID, permalink, or Disqus thread identifier or link, to our post number.
 */
export type PostMapping =
  | { kind: 'id' }
  | { kind: 'template'; template: string; pattern: RegExp }
  | { kind: 'map'; posts: ReadonlyMap<string, number> };

/** An option that cannot work; the message says which and why. */
export class PostMappingError extends Error {}

const isPostNumber = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_POST;
const asPostNumber = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d{1,10}$/.test(text) && isPostNumber(Number(text)) ? Number(text) : undefined;

/** A `--post-id-from` template: literal text around one `{post}`, which matches the post number (digits only). */
export function templateMapping(template: string): PostMapping {
  const parts = template.split('{post}');
  if (parts.length !== 2) throw new PostMappingError(`--post-id-from must contain {post} exactly once, got "${template}"`);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Literal text and one run of digits: matching is linear in the link's length.
  return { kind: 'template', template, pattern: new RegExp(`^${escape(parts[0])}(\\d{1,10})${escape(parts[1])}$`) };
}

/** A `--post-map` file's content: a JSON object whose values are post numbers. */
export function mapMapping(json: string, file: string): PostMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new PostMappingError(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PostMappingError(`${file} must hold one JSON object, such as {"42": 7, "https://news.example/?p=43": 8}`);
  }
  const posts = new Map<string, number>();
  for (const [key, value] of Object.entries(parsed)) {
    if (!isPostNumber(value)) throw new PostMappingError(`${file}: "${key}" must map to a post number from 1 to ${MAX_POST}, got ${JSON.stringify(value)}`);
    posts.set(key.trim(), value);
  }
  return { kind: 'map', posts };
}

/** Our post number for an export's post, or why there is none. */
export function resolvePost(mapping: PostMapping, post: PostReference): { post: number } | { refusal: string } {
  const named = [post.id !== undefined && `ID ${post.id}`, post.link && `link ${post.link}`].filter(Boolean).join(', ') || 'no ID or link';
  switch (mapping.kind) {
    case 'id': {
      const number = asPostNumber(post.id);
      return number !== undefined ? { post: number } : { refusal: `its post (${named}) has no numeric ID: map it with --post-map or --post-id-from` };
    }
    case 'template': {
      const match = post.link !== undefined ? mapping.pattern.exec(post.link) : null;
      const number = asPostNumber(match?.[1]);
      return number !== undefined ? { post: number } : { refusal: `its post's link does not match ${mapping.template} (${named})` };
    }
    case 'map': {
      const keys = [post.id, post.link, post.link?.replace(/\/$/, ''), post.link && !post.link.endsWith('/') ? `${post.link}/` : undefined];
      const found = keys.find((key) => key !== undefined && mapping.posts.has(key));
      return found !== undefined ? { post: mapping.posts.get(found)! } : { refusal: `its post (${named}) is not in the post map` };
    }
  }
}
