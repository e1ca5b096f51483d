// The esbuild twin of vite.config.ts's template minification, so that the benchmarks measure the elements as they
// ship in dist/: the HTML and CSS inside `html` and `css` templates minified.
import { readFile } from 'node:fs/promises';
import { minifyHTMLLiterals } from 'minify-literals';
import { fromRoot } from './elements.mjs';

export const minifiedTemplates = {
  name: 'minified-templates',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!args.path.startsWith(fromRoot('src/'))) return undefined;
      const source = await readFile(args.path, 'utf8');
      const result = await minifyHTMLLiterals(source, { fileName: args.path });
      return { contents: result ? result.code : source, loader: 'ts' };
    });
  },
};
