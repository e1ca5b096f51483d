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

export default {
  globs: ['src/components/**/*.ts', 'src/comments/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.terms.ts', 'src/**/define.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [keepDocumentedEvents(), dropStaticStates()],
};
