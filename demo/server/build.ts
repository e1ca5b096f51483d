import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** The page's scripts, in the order the page runs them. */
const ENTRIES = ['hydrate', 'client'].map((name) => ({ name, path: new URL(`../browser/${name}.ts`, import.meta.url).pathname }));

/** A built file served from memory, with its precompressed variants. */
export interface Asset {
  body: Buffer;
  brotli: Buffer;
  gzip: Buffer;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
};

export function contentTypeOf(name: string): string {
  return CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
}

/** Compresses once, so that every response is cheap (and Lighthouse sees what a CDN would send). */
export function toAsset(body: string | Buffer, contentType: string): Asset {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return {
    body: bytes,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(bytes, { level: 9 }),
    contentType,
  };
}

/**
 * Bundles the page's scripts (hydrate support, then the elements as the package exports them from dist/, which
 * `npm start` builds first) with esbuild, in memory. File names carry a content hash, so they are cached forever.
 * Resolves with the scripts' file names in page order, and every file by name.
 */
export async function buildClient(): Promise<{ scripts: string[]; assets: Map<string, Asset> }> {
  const result = await build({
    entryPoints: Object.fromEntries(ENTRIES.map(({ name, path }) => [name, path])),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    outdir: '/assets',
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  const assets = new Map<string, Asset>();
  const scripts: string[] = [];
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    assets.set(name, toAsset(Buffer.from(file.contents), contentTypeOf(name)));
    const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith(`/${name}`))?.[1];
    // Lazily imported modules are entry points too (of their own chunks): the page's scripts are ours.
    const order = ENTRIES.findIndex(({ path }) => output?.entryPoint !== undefined && resolve(output.entryPoint) === path);
    if (order >= 0) scripts[order] = name;
  }
  if (scripts.filter(Boolean).length !== ENTRIES.length) throw new Error('esbuild did not produce every page script');
  return { scripts, assets };
}
