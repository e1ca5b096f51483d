import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { contentTypeOf, toAsset, type Asset } from './build.js';
import type { SpeakerId } from '../content/types.js';

const dir = new URL('../content/portraits/', import.meta.url);

/** The placeholder portraits by served name, which carries a content hash so that browsers may cache them for good. */
export const PORTRAITS = new Map<string, Asset>();
const urls = new Map<string, string>();
for (const file of readdirSync(dir).filter((name) => name.endsWith('.svg'))) {
  const body = readFileSync(new URL(file, dir));
  const name = `${file.slice(0, -'.svg'.length)}-${createHash('sha256').update(body).digest('hex').slice(0, 10)}.svg`;
  PORTRAITS.set(name, toAsset(body, contentTypeOf(name)));
  urls.set(file.slice(0, -'.svg'.length), `/portraits/${name}`);
}

/** The URL of a speaker's placeholder portrait. */
export function portraitUrl(id: SpeakerId): string {
  const url = urls.get(id);
  if (!url) throw new Error(`demo/content/portraits/${id}.svg is missing`);
  return url;
}
