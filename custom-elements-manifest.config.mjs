export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.terms.ts', 'src/**/define.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
