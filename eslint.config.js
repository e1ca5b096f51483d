import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: ['node_modules/', '**/dist/', 'storybook-static/', 'custom-elements.json', 'bench/results/', 'test/consumers/*/dist/', 'test/consumers/*/node_modules/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts'],
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/recommended']],
  },
  {
    files: ['**/*.mjs', '**/*.js', 'server/**/*.ts', 'bench/**/*', 'test/node/**/*.ts'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' },
    },
  },
  {
    // The consumer apps' browser code (test/consumers/): plain scripts as users write them.
    files: ['test/consumers/**/*.js'],
    languageOptions: { globals: { document: 'readonly' } },
  },
  {
    // Chai's property assertions (`to.exist`, `to.be.true`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
