/**
 * The source of an expression that runs `fn` in the page. tsx compiles functions with esbuild's `keepNames`, which
 * wraps them in a `__name` helper that exists only in Node: the page gets a stand-in.
 */
export function inPage<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(...${JSON.stringify(args)}); })()`;
}
