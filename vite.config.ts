import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;
const fromRoot = (path: string) => resolve(root, path);

// Every folder of src/components with a define.ts is an element: a new element needs no change here.
const tags = readdirSync(fromRoot('src/components')).filter((tag) => existsSync(fromRoot(`src/components/${tag}/define.ts`)));
const locales = existsSync(fromRoot('src/locales'))
  ? readdirSync(fromRoot('src/locales')).filter((file) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.ts$/.test(file))
  : [];

/**
 * One entry per element (`newsroom-elements/<tag>.js` registers it), the all-in-one and class-only entries, the
 * server-rendering and structured-data entries and one translation bundle per built-in language.
 */
const entries: Record<string, string> = {
  index: fromRoot('src/index.ts'),
  classes: fromRoot('src/classes.ts'),
  ...(existsSync(fromRoot('src/ssr.ts')) ? { ssr: fromRoot('src/ssr.ts') } : {}),
  // In a folder of its own: package.json `sideEffects` names the elements' entries as `./dist/*-*.js`, a pattern a
  // top-level `structured-data.js` (which registers nothing) would match.
  'structured-data/index': fromRoot('src/structured-data.ts'),
  ...Object.fromEntries(tags.map((tag) => [tag, fromRoot(`src/components/${tag}/define.ts`)])),
  ...Object.fromEntries(locales.map((file) => [`locales/${file.slice(0, -3)}`, fromRoot(`src/locales/${file}`)])),
};

/** The modules that register elements: the all-in-one entry, the server-rendering entry and each element's define.ts. */
const registeringModules = new Set(
  [entries.index, entries.ssr, ...tags.map((tag) => entries[tag])].filter((id): id is string => id !== undefined),
);

/**
 * Fails the build when a registration would run from anywhere but its own entry file: `sideEffects` names only those
 * files, so bundlers drop whatever else registers, and a chunk that `classes.js` shares must register nothing.
 */
const registrationsInTheirEntries: Plugin = {
  name: 'newsroom-registrations-in-their-entries',
  // The library build only: Storybook keeps this config's plugins but not its entries, and bundles every story into
  // chunks of its own.
  apply: (config) => config.build?.lib !== undefined,
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
    const registeringFiles = new Set(
      chunks.filter((chunk) => chunk.isEntry && registeringModules.has(chunk.facadeModuleId ?? '')).map((chunk) => chunk.fileName),
    );
    for (const chunk of chunks) {
      const misplaced = chunk.moduleIds.filter((id) => registeringModules.has(id) && !(chunk.isEntry && chunk.facadeModuleId === id));
      if (misplaced.length > 0) {
        this.error(`${chunk.fileName} holds registrations of other entries (${misplaced.join(', ')}): import a define.ts from a define.ts or an entry only`);
      }
      // A lazy import() of an element's entry, when the element is used, is fine; a static one registers on load.
      const registered = registeringFiles.has(chunk.fileName) ? [] : chunk.imports.filter((file) => registeringFiles.has(file));
      if (registered.length > 0) {
        this.error(`${chunk.fileName} registers no element, yet imports ${registered.join(', ')}, which do: import a define.ts from a define.ts or an entry only`);
      }
    }
  },
};

/** Ships each page stylesheet of src/styles/ (such as not-defined.css) as dist/<name>.css. */
const pageStylesheets: Plugin = {
  name: 'newsroom-page-stylesheets',
  generateBundle() {
    const dir = fromRoot('src/styles');
    for (const file of existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.css')) : []) {
      this.emitFile({ type: 'asset', fileName: file, source: readFileSync(resolve(dir, file), 'utf8') });
    }
  },
};

/**
 * Source maps keep the sources of this package only: a dependency's sources (already published, sometimes minified or
 * huge, such as simple-icons' 5 MB index) would make the maps many times the size of the code.
 */
const ownSourcesInMaps: Plugin = {
  name: 'newsroom-own-sources-in-maps',
  generateBundle(_options, bundle) {
    for (const output of Object.values(bundle)) {
      if (output.type !== 'asset' || !output.fileName.endsWith('.map')) continue;
      const map = JSON.parse(String(output.source)) as { sources: string[]; sourcesContent?: (string | null)[] };
      map.sourcesContent = map.sourcesContent?.map((content, index) => (map.sources[index].includes('node_modules/') ? null : content));
      output.source = JSON.stringify(map);
    }
  },
};

/**
 * Minifies the HTML and CSS inside the elements' `html` and `css` templates (bundlers minify code, not the text of
 * template literals). Server rendering and hydration both use the built files, so their templates stay identical.
 */
const minifiedTemplates: Plugin = {
  name: 'newsroom-minified-templates',
  async transform(code, id) {
    if (!id.startsWith(fromRoot('src/')) || !id.endsWith('.ts')) return null;
    const result = await minifyHTMLLiterals(code, { fileName: id });
    return result ? { code: result.code, map: result.map } : null;
  },
};

/** The npm build: ES modules that keep their dependencies as imports, so that an app bundles one Lit. */
const library: UserConfig = {
  plugins: [minifiedTemplates, pageStylesheets, ownSourcesInMaps, registrationsInTheirEntries],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true, // runs first in `npm run build`: no stale files of a renamed element ship
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^dompurify$/],
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
};

/**
 * `vite build --mode cdn`: dist/cdn/newsroom-elements.js, one minified file with Lit and every dependency inlined,
 * for a page that has no bundler (`<script type="module" src=…>`). It registers every element and exports what
 * the main entry does.
 */
const cdn: UserConfig = {
  plugins: [minifiedTemplates, ownSourcesInMaps],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: { entry: fromRoot('src/index.ts'), formats: ['es'], fileName: () => 'newsroom-elements.js' },
    rollupOptions: { output: { codeSplitting: false } },
  },
};

export default defineConfig(({ mode }) => (mode === 'cdn' ? cdn : library));
