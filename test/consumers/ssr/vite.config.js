import { defineConfig } from 'vite';

// The browser's part only: dist/hydrate.js. The page itself is rendered by server.js on each request.
export default defineConfig({
  build: { rollupOptions: { input: 'hydrate.js', output: { entryFileNames: '[name].js' } } },
});
