// Vite (Rollup's API, on Rolldown) in production mode over the entries the test writes to entries/.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  base: './', // served from /bundlers/dist/vite/: lazy chunks are found next to the entry that loads them
  build: {
    outDir: 'dist/vite',
    emptyOutDir: true,
    rollupOptions: {
      input: Object.fromEntries(readdirSync(resolve(here, 'entries')).map((file) => [file.replace(/\.js$/, ''), resolve(here, 'entries', file)])),
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
