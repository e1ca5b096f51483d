// Loaded with `--import` (through NODE_OPTIONS) by every Node process of the LTS stage of `npm test`. The repository's
// better-sqlite3 is compiled for the Node.js that ran `npm ci`; run-all.mjs builds a copy for the LTS line in
// node_modules/.cache/node-lts, and this hook resolves the repository's imports of it there. Packages that tests
// install elsewhere (temporary projects) are left alone: they compile for the LTS line themselves.
import { registerHooks } from 'node:module';

const installed = new URL('../../../node_modules/better-sqlite3/', import.meta.url).href;
const rebuilt = new URL('../../../node_modules/.cache/node-lts/node_modules/better-sqlite3/', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    return resolved.url.startsWith(installed) ? { ...resolved, url: rebuilt + resolved.url.slice(installed.length) } : resolved;
  },
});
