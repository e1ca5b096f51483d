// Size: each element's define module bundled with esbuild (minified), gzip and brotli, with and without Lit; the
// shared internals; groups of elements with Lit counted once; and the anchors beside them. Deterministic, and fast
// (about two seconds without the anchors).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { build } from 'esbuild';
import { minifiedTemplates } from './lib/minified-templates.mjs';
import { DISPLAY_ELEMENTS, SIZE_ANCHORS, THEME_CSS, anchorModules, discoverElements, fromRoot, ROOT } from './lib/elements.mjs';

const LIT = /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/;
const KIB = 1024;

/** Compressed sizes of one file, as a server would send it. */
export function compressedSizes(bytes) {
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (sizes) =>
  sizes.reduce((total, size) => ({ min: total.min + size.min, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli }), {
    min: 0,
    gzip: 0,
    brotli: 0,
  });

/**
 * Bundles modules into one entry (code split, so lazily imported chunks stay separate) and sizes what a page loads
 * up front (`initial`: the entry and its static imports) and on demand (`lazy`).
 * `exclude`: 'lit' leaves Lit out, 'lit+internals' also src/internal/ (as the elements and src/comments import it),
 * 'none' bundles everything. `source`: code of the entry itself (before the imports).
 */
export async function bundleSize(modules, { exclude = 'lit', reexport = false, source = '' } = {}) {
  const entry = source + modules.map((module) => (reexport ? `export * from ${JSON.stringify(module)};` : `import ${JSON.stringify(module)};`)).join('\n');
  const result = await build({
    entryPoints: ['bench-entry'],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: fromRoot('bench/results/.esbuild'),
    absWorkingDir: ROOT,
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    tsconfig: fromRoot('tsconfig.json'),
    plugins: [
      minifiedTemplates,
      {
        name: 'bench',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^bench-entry$/ }, () => ({ path: 'bench-entry', namespace: 'bench' }));
          pluginBuild.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({ contents: entry, resolveDir: ROOT, loader: 'js' }));
          if (exclude !== 'none') pluginBuild.onResolve({ filter: LIT }, (args) => ({ path: args.path, external: true }));
          if (exclude === 'lit+internals') {
            pluginBuild.onResolve({ filter: /\/internal\// }, (args) =>
              /\/src\/(components|comments)\//.test(args.importer) ? { path: args.path, external: true } : undefined,
            );
          }
        },
      },
    ],
  });
  const outputs = result.metafile.outputs;
  const entryFile = Object.keys(outputs).find((file) => outputs[file].entryPoint);
  // The initial download: the entry and the chunks it imports statically, transitively.
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  visit(entryFile);
  const files = result.outputFiles.map((file) => {
    const path = relative(ROOT, file.path);
    return { path, initial: initial.has(path), inputs: Object.keys(outputs[path]?.inputs ?? {}), ...compressedSizes(file.contents) };
  });
  const initialFiles = files.filter((file) => file.initial);
  const lazyFiles = files.filter((file) => !file.initial);
  return {
    initial: sum(initialFiles),
    lazy: sum(lazyFiles),
    total: sum(files),
    lazyChunks: lazyFiles.length,
    /** Source files bundled into the initial download (to check what is deferred). */
    initialInputs: [...new Set(initialFiles.flatMap((file) => file.inputs))],
  };
}

/** Minified CSS size (the anchors' theme stylesheets). */
async function cssSize(file) {
  const result = await build({ entryPoints: [file], bundle: true, minify: true, write: false, logLevel: 'silent', outdir: '/css-out', absWorkingDir: ROOT, nodePaths: [fromRoot('node_modules')] });
  return sum(result.outputFiles.filter((output) => output.path.endsWith('.css')).map((output) => compressedSizes(output.contents)));
}

/** FT Origami's o-quote: Sass only, compiled here with its default options. */
async function oQuoteSize() {
  const sass = await import('sass');
  const { css } = sass.compileString('$system-code: "newsroom-elements-bench";\n@import "@financial-times/o-quote/main";\n@include oQuote();', {
    loadPaths: [fromRoot('node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin', 'mixed-decls', 'slash-div', 'color-functions'],
    logger: { warn() {}, debug() {} },
  });
  return compressedSizes(Buffer.from(css));
}

/** The baseline: Lit and the smallest useful element (a property, styles, a template). */
const TRIVIAL_LIT_ELEMENT = `import { LitElement, css, html } from 'lit';
customElements.define('trivial-element', class extends LitElement {
  static properties = { text: {} };
  static styles = css\`:host { display: block; }\`;
  render() { return html\`<p>\${this.text}</p>\`; }
});
`;
const defineModule = (tag) => fromRoot(`src/components/${tag}/define.ts`);
const internalModules = () =>
  readdirSync(fromRoot('src/internal'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => fromRoot('src/internal', file));

/** Every size measurement; elements that do not exist yet are left out. */
export async function measureSizes() {
  const tags = discoverElements();
  const elements = {};
  for (const tag of tags) {
    const [withLit, beyondLit, own] = await Promise.all([
      bundleSize([defineModule(tag)], { exclude: 'none' }),
      bundleSize([defineModule(tag)], { exclude: 'lit' }),
      bundleSize([defineModule(tag)], { exclude: 'lit+internals' }),
    ]);
    elements[tag] = { withLit, beyondLit, own };
  }
  const present = (list) => list.filter((tag) => tags.includes(tag));
  const groups = {
    lit: await bundleSize([], { exclude: 'none', source: TRIVIAL_LIT_ELEMENT }),
    internals: await bundleSize(internalModules(), { exclude: 'lit', reexport: true }),
    dompurify: await bundleSize(['dompurify'], { exclude: 'lit', reexport: true }),
    foundation: await bundleSize(present(['stat-callout', 'fact-box']).map(defineModule), { exclude: 'lit' }),
    display: await bundleSize(present(DISPLAY_ELEMENTS).map(defineModule), { exclude: 'lit' }),
    all: await bundleSize(tags.map(defineModule), { exclude: 'lit' }),
    allWithLit: await bundleSize(tags.map(defineModule), { exclude: 'none' }),
    // The image cards' drawing code, a chunk of its own that pull-quote and stat-callout load on first use.
    shareCard: await bundleSize([fromRoot('src/internal/share-card.ts')], { exclude: 'lit', reexport: true }),
  };
  const anchors = {};
  for (const [tag, { wa, sl }] of Object.entries(SIZE_ANCHORS)) {
    if (!tags.includes(tag)) continue;
    anchors[tag] = {
      wa: { names: wa.map((name) => `wa-${name}`), ...(await bundleSize(anchorModules('wa', wa), { exclude: 'lit' })) },
      sl: { names: sl.map((name) => `sl-${name}`), ...(await bundleSize(anchorModules('sl', sl), { exclude: 'lit' })) },
    };
  }
  const union = (library) => [...new Set(Object.values(SIZE_ANCHORS).flatMap((anchor) => anchor[library]))];
  const anchorGroups = {
    waAll: { names: union('wa').map((name) => `wa-${name}`), ...(await bundleSize(anchorModules('wa', union('wa')), { exclude: 'lit' })) },
    slAll: { names: union('sl').map((name) => `sl-${name}`), ...(await bundleSize(anchorModules('sl', union('sl')), { exclude: 'lit' })) },
    oQuoteCss: await oQuoteSize(),
  };
  const themes = {};
  for (const [name, file] of Object.entries(THEME_CSS)) themes[name] = await cssSize(fromRoot('node_modules', file));
  return { tags, elements, groups, anchors, anchorGroups, themes };
}

export const kib = (bytes) => bytes / KIB;

/** The size tables as markdown. */
export function sizeMarkdown(sizes) {
  const k = (bytes) => `${kib(bytes).toFixed(2)}`;
  const lines = [
    '| element | own (beyond Lit and internals), brotli | beyond Lit, brotli (lazy chunks) | beyond Lit, gzip | with Lit, brotli | nearest Web Awesome anchor, brotli | nearest Shoelace anchor, brotli |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const tag of sizes.tags) {
    const { own, beyondLit, withLit } = sizes.elements[tag];
    const anchor = sizes.anchors[tag];
    const lazy = beyondLit.lazyChunks ? ` (+${k(beyondLit.lazy.brotli)})` : '';
    lines.push(
      `| ${tag} | ${k(own.initial.brotli)} | ${k(beyondLit.initial.brotli)}${lazy} | ${k(beyondLit.initial.gzip)} | ${k(withLit.initial.brotli)} | ${
        anchor ? `${anchor.wa.names.join(' + ')}: ${k(anchor.wa.initial.brotli)}` : '—'
      } | ${anchor ? `${anchor.sl.names.join(' + ')}: ${k(anchor.sl.initial.brotli)}` : '—'} |`,
    );
  }
  const g = sizes.groups;
  const a = sizes.anchorGroups;
  lines.push(
    '',
    '| bundle | brotli KiB | gzip KiB | minified KiB |',
    '| --- | ---: | ---: | ---: |',
    `| Lit + a trivial element | ${k(g.lit.initial.brotli)} | ${k(g.lit.initial.gzip)} | ${k(g.lit.initial.min)} |`,
    `| shared internals (src/internal, all of it), beyond Lit | ${k(g.internals.initial.brotli)} | ${k(g.internals.initial.gzip)} | ${k(g.internals.initial.min)} |`,
    `| DOMPurify (inside comment-list) | ${k(g.dompurify.initial.brotli)} | ${k(g.dompurify.initial.gzip)} | ${k(g.dompurify.initial.min)} |`,
    `| stat-callout + fact-box + internals, beyond Lit | ${k(g.foundation.initial.brotli)} | ${k(g.foundation.initial.gzip)} | ${k(g.foundation.initial.min)} |`,
    `| display elements (${DISPLAY_ELEMENTS.filter((tag) => sizes.tags.includes(tag)).join(', ')}), beyond Lit | ${k(g.display.initial.brotli)} | ${k(g.display.initial.gzip)} | ${k(g.display.initial.min)} |`,
    `| all ${sizes.tags.length} elements, beyond Lit, initial | ${k(g.all.initial.brotli)} | ${k(g.all.initial.gzip)} | ${k(g.all.initial.min)} |`,
    `| all ${sizes.tags.length} elements, beyond Lit, with lazy chunks | ${k(g.all.total.brotli)} | ${k(g.all.total.gzip)} | ${k(g.all.total.min)} |`,
    `| image cards' drawing chunk (internal/share-card.ts) | ${k(g.shareCard.initial.brotli)} | ${k(g.shareCard.initial.gzip)} | ${k(g.shareCard.initial.min)} |`,
    `| all ${sizes.tags.length} elements with Lit, initial | ${k(g.allWithLit.initial.brotli)} | ${k(g.allWithLit.initial.gzip)} | ${k(g.allWithLit.initial.min)} |`,
    `| Web Awesome: ${a.waAll.names.join(', ')}, beyond Lit | ${k(a.waAll.initial.brotli)} | ${k(a.waAll.initial.gzip)} | ${k(a.waAll.initial.min)} |`,
    `| Shoelace: ${a.slAll.names.join(', ')}, beyond Lit | ${k(a.slAll.initial.brotli)} | ${k(a.slAll.initial.gzip)} | ${k(a.slAll.initial.min)} |`,
    `| FT Origami o-quote CSS | ${k(a.oQuoteCss.brotli)} | ${k(a.oQuoteCss.gzip)} | ${k(a.oQuoteCss.min)} |`,
    ...Object.entries(sizes.themes).map(([name, size]) => `| theme CSS: ${name} | ${k(size.brotli)} | ${k(size.gzip)} | ${k(size.min)} |`),
    '| theme CSS newsroom-elements needs | 0 | 0 | 0 |',
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await measureSizes();
  console.log(sizeMarkdown(sizes));
}
