// custom-elements.json (from `npm run manifest`, which `npm test` runs first) describes the package as installed: the
// modules package.json `exports` maps, the elements of src/components, and the public classes and functions only.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

interface Reference {
  name: string;
  module?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: Reference;
  summary?: string;
  description?: string;
  attributes?: { name: string; default?: string }[];
  members?: { name: string; static?: boolean; privacy?: string; default?: string }[];
}
interface Export {
  kind: 'js' | 'custom-element-definition';
  name: string;
  declaration: Reference;
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: Export[];
}

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const manifestText = read('custom-elements.json');
const manifest = JSON.parse(manifestText) as { modules: Module[] };
const packageJson = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };
const tags = readdirSync(new URL('../../src/components/', import.meta.url));
const moduleAt = (path: string) => manifest.modules.find((module) => module.path === path);
const declarations = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })));

/** Every file an `exports` entry points to (its `default` condition, or the plain string), `*` patterns included. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value.replace(/^\.\//, '')];
  if (value && typeof value === 'object') return 'default' in value ? exportTargets(value.default) : [];
  return [];
}
const targets = Object.values(packageJson.exports).flatMap(exportTargets);
function isExported(path: string): boolean {
  return targets.some((target) => {
    const [prefix, suffix, ...more] = target.split('*');
    if (suffix === undefined) return target === path;
    return more.length === 0 && path.length > prefix.length + suffix.length && path.startsWith(prefix) && path.endsWith(suffix);
  });
}

describe('custom-elements.json', () => {
  it('describes only modules that package.json exports maps, with no source paths', () => {
    assert.ok(manifest.modules.length > 0);
    for (const module of manifest.modules) assert.ok(isExported(module.path), `${module.path} is not a file that package.json exports maps`);
    assert.doesNotMatch(manifestText, /"[^"]*\bsrc\/[^"]*"/, 'a src/ path');
    assert.doesNotMatch(manifestText, /"[^"\s]*\.ts"/, 'a TypeScript file');
  });

  it('declares each element of src/components once, in its own entry, which registers it', () => {
    const elements = declarations.filter(({ declaration }) => declaration.tagName);
    assert.deepEqual(elements.map(({ declaration }) => declaration.tagName).sort(), [...tags].sort());
    for (const tag of tags) {
      const entry = moduleAt(`dist/${tag}.js`);
      const element = entry?.declarations?.find((declaration) => declaration.tagName === tag);
      assert.ok(element, `dist/${tag}.js declares <${tag}>`);
      assert.deepEqual(
        entry?.exports?.find((exported) => exported.kind === 'custom-element-definition'),
        { kind: 'custom-element-definition', name: tag, declaration: { name: element.name, module: `dist/${tag}.js` } },
      );
    }
  });

  it('lists public classes and functions only, each exported by classes.js, ssr.js or structured-data/index.js', () => {
    const publicNames = new Set(
      ['dist/classes.js', 'dist/ssr.js', 'dist/structured-data/index.js'].flatMap((path) => (moduleAt(path)?.exports ?? []).filter(({ kind }) => kind === 'js').map(({ name }) => name)),
    );
    for (const { module, declaration } of declarations) {
      assert.ok(['class', 'function'].includes(declaration.kind), `${declaration.kind} ${declaration.name} in ${module.path}`);
      assert.ok(publicNames.has(declaration.name), `${declaration.name} (${module.path}) is not public`);
    }
    assert.ok(publicNames.has('registerTranslation') && publicNames.has('CommentPostedEvent') && publicNames.has('renderToString'));
    assert.deepEqual(
      (moduleAt('dist/structured-data/index.js')?.exports ?? []).map(({ kind, name }) => `${kind} ${name}`).sort(),
      ['js jsonLdScript', 'js newsArticleData', 'js quotationData', 'js statisticData', 'js structuredDataOf'],
    );
  });

  it('exports from index.js what classes.js exports, and registers every element there only', () => {
    const names = (path: string, kind: Export['kind']) =>
      (moduleAt(path)?.exports ?? []).filter((exported) => exported.kind === kind).map(({ name }) => name).sort();
    assert.ok(names('dist/classes.js', 'js').length > tags.length);
    assert.deepEqual(names('dist/index.js', 'js'), names('dist/classes.js', 'js'));
    assert.deepEqual(names('dist/index.js', 'custom-element-definition'), [...tags].sort());
    assert.deepEqual(names('dist/classes.js', 'custom-element-definition'), []);
  });

  it('points every export and superclass at a module of the manifest that declares it', () => {
    const references = manifest.modules.flatMap((module) => [
      ...(module.exports ?? []).map(({ declaration }) => declaration),
      ...(module.declarations ?? []).flatMap(({ superclass }) => (superclass?.module ? [superclass] : [])),
    ]);
    for (const { name, module } of references) {
      assert.ok(module && moduleAt(module)?.declarations?.some((declaration) => declaration.name === name), `${name} in ${module}`);
    }
  });

  it('gives every element a one-line summary, a description, literal public defaults and no static members', () => {
    for (const { declaration } of declarations.filter(({ declaration }) => declaration.tagName)) {
      assert.match(declaration.summary ?? '', /^\S[^\n]*$/, `${declaration.tagName}'s summary`);
      assert.ok(declaration.description, `${declaration.tagName} has no description`);
      const publicMembers = (declaration.members ?? []).filter((member) => (member.privacy ?? 'public') === 'public');
      for (const item of [...(declaration.attributes ?? []), ...publicMembers]) {
        if (item.default !== undefined) assert.match(item.default, /^(?:'[^']*'|-?\d+(?:\.\d+)?|true|false)$/, `${declaration.tagName} ${item.name} = ${item.default}`);
      }
      assert.deepEqual((declaration.members ?? []).filter((member) => member.static).map(({ name }) => name), [], declaration.tagName);
    }
  });
});
