import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const tags = readdirSync(resolve(root, 'src/components'));

/** One entry per element (`newsroom-elements/<tag>.js` registers it), plus the all-in-one and class-only entries. */
const entries: Record<string, string> = {
  index: resolve(root, 'src/index.ts'),
  classes: resolve(root, 'src/classes.ts'),
  ...Object.fromEntries(tags.map((tag) => [tag, resolve(root, `src/components/${tag}/define.ts`)])),
};

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: entries,
      formats: ['es'],
    },
    rollupOptions: {
      // Dependencies stay imports, so that an app bundles one Lit however many libraries use it.
      external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^dompurify$/],
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
