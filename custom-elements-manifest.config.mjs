import { readdirSync } from 'node:fs';

/**
 * The analyzer also lists every `dispatchEvent(new SomeEvent(…))` it sees, without a name (or with a variable's
 * name). The documented `@fires` tags are the truth, so only events with a description are kept.
 */
function keepDocumentedEvents() {
  return {
    name: 'keep-documented-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => event.name && event.description);
          }
        }
      }
    },
  };
}

const ELEMENT_TAGS = readdirSync(new URL('src/components/', import.meta.url));

/**
 * The JavaScript entry points package.json `exports` maps, each with the source module Vite builds it from (an
 * element's entry registers its tag itself; the others import define.js files). The elements' entries come first, so
 * that an element's class is declared in its own entry and the others point there. Left out: the locales (data) and
 * the CDN file (index.js bundled with Lit).
 */
const SHIPPED_MODULES = [
  ...ELEMENT_TAGS.map((tag) => ({ path: `dist/${tag}.js`, source: `src/components/${tag}/define.ts`, tags: [tag] })),
  { path: 'dist/classes.js', source: 'src/classes.ts' },
  { path: 'dist/ssr.js', source: 'src/ssr.ts' },
  { path: 'dist/structured-data/index.js', source: 'src/structured-data.ts' },
  { path: 'dist/index.js', source: 'src/index.ts' },
];

const referencesIn = (value) =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, item]) => (key === 'superclass' || key === 'inheritedFrom' ? [item] : referencesIn(item)))
    : [];

const PUBLIC_KINDS = new Set(['class', 'function', 'mixin']);
const DEFINE_IMPORT = /^\.\/components\/([a-z-]+)\/define\.js$/;

/**
 * Rewrites the analyzed sources into what users install: the modules of `SHIPPED_MODULES` only, each exporting the
 * classes and functions its source exports, and naming the tags it registers. Helper modules, variables, types and
 * every `src/` path are left out; a reference to a class that is not public keeps its name only.
 */
function describeShippedModules() {
  // Which tags each source module registers, by its `import './components/<tag>/define.js'` lines.
  const registeredTags = new Map();
  return {
    name: 'describe-shipped-modules',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isImportDeclaration(node) || node.importClause) return;
      const tag = DEFINE_IMPORT.exec(node.moduleSpecifier.text)?.[1];
      if (tag) registeredTags.set(moduleDoc.path, [...(registeredTags.get(moduleDoc.path) ?? []), tag]);
    },
    packageLinkPhase({ customElementsManifest }) {
      const sources = new Map(customElementsManifest.modules.map((module) => [module.path, module]));
      const declarations = new Map();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (PUBLIC_KINDS.has(declaration.kind) && !declarations.has(declaration.name)) {
            declarations.set(declaration.name, declaration);
          }
        }
      }

      // `export * from './classes.js'` is followed to the names that module exports.
      const exportedNames = (sourcePath) =>
        (sources.get(sourcePath)?.exports ?? []).flatMap((entry) => {
          if (entry.kind !== 'js') return [];
          if (entry.name === '*') return exportedNames(entry.declaration.module.replace(/\.js$/, '.ts'));
          return declarations.has(entry.name) ? [entry.name] : [];
        });

      const shipped = SHIPPED_MODULES.map(({ path, source, tags = registeredTags.get(source) ?? [] }) => ({
        path,
        tags,
        names: [...new Set(exportedNames(source))],
      }));
      const declaringModule = new Map();
      for (const { path, names } of shipped) {
        for (const name of names) if (!declaringModule.has(name)) declaringModule.set(name, path);
      }

      customElementsManifest.modules = shipped.map(({ path, tags, names }) => ({
        kind: 'javascript-module',
        path,
        declarations: names.filter((name) => declaringModule.get(name) === path).map((name) => declarations.get(name)),
        exports: [
          ...names.map((name) => ({ kind: 'js', name, declaration: { name, module: declaringModule.get(name) } })),
          ...tags.map((tag) => ({ kind: 'custom-element-definition', name: tag, declaration: elementOf(tag) })),
        ],
      }));

      function elementOf(tag) {
        const name = [...declarations.values()].find((declaration) => declaration.tagName === tag)?.name;
        return { name, module: declaringModule.get(name) };
      }

      // Superclasses and inherited members, attributes and events name the shipped module of a public class, and no
      // module otherwise.
      for (const reference of customElementsManifest.modules.flatMap((module) => referencesIn(module.declarations))) {
        if (declaringModule.has(reference.name)) reference.module = declaringModule.get(reference.name);
        else delete reference.module;
      }
    },
  };
}

/**
 * The analyser reads every `static properties` entry as a public property with an attribute, including internal
 * state (`{ state: true }`), which has neither: those entries are dropped from the class's attributes and members.
 */
function dropStaticStates() {
  return {
    name: 'drop-static-states',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.ClassDeclaration) return;
      const declaration = moduleDoc.declarations?.find((candidate) => candidate.name === node.name?.getText());
      const properties = node.members.find((member) => member.name?.getText() === 'properties' && ts.isPropertyDeclaration(member));
      if (!declaration || !properties?.initializer || !ts.isObjectLiteralExpression(properties.initializer)) return;
      const states = properties.initializer.properties
        .filter((entry) => ts.isPropertyAssignment(entry) && ts.isObjectLiteralExpression(entry.initializer))
        .filter((entry) => entry.initializer.properties.some((option) => option.name?.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword))
        .map((entry) => entry.name.getText());
      declaration.attributes = declaration.attributes?.filter((attribute) => !states.includes(attribute.fieldName));
      declaration.members = declaration.members?.filter((member) => !states.includes(member.name));
    },
  };
}

/**
 * What a reader of an element's documentation needs and the analyser leaves out or gets wrong:
 * - The analyser puts everything between `@summary` and the next tag into `summary`: its first paragraph stays the
 *   summary, the paragraphs after it become the `description` (which Storybook and most tools show).
 * - A default given as a constant (`visibleCount = DEFAULT_VISIBLE_COUNT`) is replaced by the constant's literal, and
 *   `20_000` is written `20000`.
 * - A type that names a union of literals (`StatFormat`) is spelled out in `parsedType` (the field
 *   @wc-toolkit/type-parser writes), from which Storybook offers its values in a select.
 * - An event class that extends `CustomEvent<Detail>` gets its `detail` field, with the detail's fields spelled out.
 * - Static members (`terms`, `styles`) are how an element is built, not what a page calls: left out.
 */
function documentForReaders() {
  const typeTexts = new Map();
  const constants = new Map();
  const eventDetails = new Map();
  const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/\s+/g, ' ').trim();
  const LITERAL = /^(?:'[^']*'|"[^"]*"|-?[\d_.]+|true|false)$/;
  const LITERAL_UNION = /^(?:'[^']*'|"[^"]*")(?:\s*\|\s*(?:'[^']*'|"[^"]*"))*$/;
  const expand = (text) => text.replace(/\b[A-Z]\w*\b/g, (name) => (LITERAL_UNION.test(typeTexts.get(name) ?? '') ? typeTexts.get(name) : name));
  const expandAll = (text) => text.replace(/\b[A-Z]\w*\b/g, (name) => (typeTexts.has(name) ? expandAll(typeTexts.get(name)) : name));
  return {
    name: 'document-for-readers',
    analyzePhase({ ts, node }) {
      if (!node.parent || !ts.isSourceFile(node.parent)) return;
      if (ts.isTypeAliasDeclaration(node)) typeTexts.set(node.name.text, withoutComments(node.type.getText()));
      if (ts.isInterfaceDeclaration(node)) typeTexts.set(node.name.text, `{ ${node.members.map((member) => withoutComments(member.getText())).join(' ')} }`);
      if (ts.isVariableStatement(node) && node.declarationList.flags & ts.NodeFlags.Const) {
        for (const declaration of node.declarationList.declarations) {
          const value = declaration.initializer?.getText();
          if (ts.isIdentifier(declaration.name) && value && LITERAL.test(value)) constants.set(declaration.name.text, value);
        }
      }
      const base = ts.isClassDeclaration(node) && node.heritageClauses?.[0]?.types[0];
      if (base && base.expression.getText() === 'CustomEvent' && base.typeArguments?.length === 1) eventDetails.set(node.name.text, base.typeArguments[0].getText());
    },
    packageLinkPhase({ customElementsManifest }) {
      const readable = (value) => {
        const literal = constants.get(value) ?? value;
        return /^-?[\d_.]+$/.test(literal) ? literal.replaceAll('_', '') : literal;
      };
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        const detail = eventDetails.get(declaration.name);
        if (detail && !declaration.members?.some((member) => member.name === 'detail')) {
          const text = `${detail}: ${expandAll(detail)}`;
          declaration.members = [...(declaration.members ?? []), { kind: 'field', name: 'detail', type: { text: detail }, parsedType: { text: expandAll(detail) }, readonly: true, description: `The event's detail (${text}).` }];
        }
        if (!declaration.tagName) continue;
        if (declaration.summary) {
          const [summary, ...rest] = declaration.summary.split(/\n\s*\n/);
          declaration.summary = summary.replace(/\s+/g, ' ').trim();
          const description = [...rest, declaration.description ?? ''].map((paragraph) => paragraph.trim()).filter(Boolean).join('\n\n');
          if (description) declaration.description = description;
        }
        declaration.members = declaration.members?.filter((member) => !member.static);
        for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
          if (item.default !== undefined) item.default = readable(item.default);
          const text = item.type?.text;
          if (text && expand(text) !== text) item.parsedType = { text: expand(text) };
        }
      }
    },
  };
}

export default {
  globs: ['src/index.ts', 'src/classes.ts', 'src/ssr.ts', 'src/structured-data.ts', 'src/components/**/*.ts', 'src/comments/*.ts', 'src/events/*.ts', 'src/internal/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.terms.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [keepDocumentedEvents(), dropStaticStates(), documentForReaders(), describeShippedModules()],
};
