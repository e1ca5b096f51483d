const SAFE_PROTOCOLS = new Set(['http:', 'https:']);
// Any base will do: it only lets the URL parser tell relative references from ones with a scheme of their own.
const PROBE_BASE = 'https://relative.invalid/';

/**
 * Returns the URL if it is http(s) or relative, otherwise `undefined`.
 *
 * The check uses the same WHATWG URL parser the browser uses when it follows the link, so tricks such as
 * `java\tscript:`, mixed case or leading control characters are judged exactly as the browser would read them.
 */
export function safeUrl(raw: string | null | undefined): string | undefined {
  const trimmed = raw?.trim();
  if (!trimmed) return undefined;
  let absolute: URL | undefined;
  try {
    absolute = new URL(trimmed);
  } catch {
    // Not absolute: a relative reference, kept as written so it resolves against the page.
  }
  if (absolute) return SAFE_PROTOCOLS.has(absolute.protocol) ? absolute.href : undefined;
  try {
    const resolved = new URL(trimmed, PROBE_BASE);
    return SAFE_PROTOCOLS.has(resolved.protocol) ? trimmed : undefined;
  } catch {
    return undefined;
  }
}
