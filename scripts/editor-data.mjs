#!/usr/bin/env node
// Editor and framework data generated from custom-elements.json (run by `npm run build` after the manifest):
// - dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json: VS Code's `html.customData` / `css.customData`
// - dist/web-types.json: JetBrains IDEs (package.json `web-types`)
// - dist/types/jsx.d.ts: every element's attributes, properties and events as props of React's (and Preact's…) JSX,
//   for `import type {} from 'newsroom-elements/jsx'`
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';

const dist = (path) => new URL(`../dist/${path}`, import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));

writeFileSync(dist('vscode.html-custom-data.json'), getVsCodeHtmlCustomData(manifest, { hideLogs: true, descriptionSrc: 'summary' }));
writeFileSync(dist('vscode.css-custom-data.json'), getVsCodeCssCustomData(manifest, { hideLogs: true }));

generateJetBrainsWebTypes(manifest, {
  hideLogs: true,
  outdir: dist('').pathname,
  webTypesFileName: 'web-types.json',
  packageJson: false, // package.json names the file itself (`web-types`)
  descriptionSrc: 'summary',
});

jsxTypesPlugin({
  outdir: dist('types').pathname,
  fileName: 'jsx.d.ts',
  // Relative to dist/types/jsx.d.ts: the declarations tsc emits for each element class.
  componentTypePath: (_name, tag) => `./components/${tag}/${tag}.js`,
}).packageLinkPhase({
  // The elements' own modules only: classes.js also declares NewsroomElement, a custom element class without a tag,
  // for which the generator would import every export of classes.js from a path it cannot name.
  customElementsManifest: { ...manifest, modules: manifest.modules.filter((module) => module.declarations.some((declaration) => declaration.tagName)) },
});

// Two fixes to the generated file, checked so that a new generator version that changes them is noticed:
// - it names event classes (`(e: NewsroomToggleEvent) => void`) without importing them: import each from the
//   declaration file that declares it (a name left unresolved fails the React consumer's tsc);
// - its `ref` type takes an element or a callback, not the `{ current }` object React's useRef returns.
const jsxFile = dist('types/jsx.d.ts');
let jsx = readFileSync(jsxFile, 'utf8');
const refType = '  ref?: (T | ((e: T) => void)) | undefined;';
if (!jsx.includes(refType)) throw new Error(`jsx.d.ts: the generated ref type changed; expected "${refType.trim()}"`);
jsx = jsx.replace(refType, '  ref?: T | ((e: T) => void) | { current: T | null } | null | undefined;');
const declarations = readdirSync(dist('types').pathname, { recursive: true })
  .filter((file) => file.endsWith('.d.ts') && file !== 'jsx.d.ts')
  .map((file) => ({ file, text: readFileSync(dist(`types/${file}`), 'utf8') }));
const eventTypes = new Set([...jsx.matchAll(/\(e: ([A-Z]\w*)\) => void/g)].map((match) => match[1]));
const imports = [...eventTypes].flatMap((name) => {
  const declared = declarations.find(({ text }) => new RegExp(`^export declare class ${name}\\b`, 'm').test(text));
  return declared ? [`import type { ${name} } from "./${declared.file.replace(/\.d\.ts$/, '.js')}";`] : [];
});
writeFileSync(jsxFile, [...imports, jsx].join('\n'));
