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

export default {
  globs: ['src/components/**/*.ts', 'src/comments/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.terms.ts', 'src/**/define.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [keepDocumentedEvents()],
};
