import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { classicCommentsMiddleware, commentServerPlugin } from './test/support/comment-server-plugin.mjs';
import { forcedColorsPlugin } from './test/support/forced-colors-plugin.mjs';
import { cardReferencesPlugin } from './test/support/card-references-plugin.mjs';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from './scripts/browsers.mjs';

// Chromium through CDP, Firefox ESR through WebDriver BiDi.
const browsers = (process.env.BROWSERS ?? 'chromium,firefox').split(',');

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  concurrentBrowsers: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [classicCommentsMiddleware()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), forcedColorsPlugin(), commentServerPlugin(), cardReferencesPlugin()],
  browsers: [
    browsers.includes('chromium') &&
      chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS } }),
    browsers.includes('firefox') &&
      chromeLauncher({
        puppeteer,
        launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true },
      }),
  ].filter(Boolean),
  reporters: [defaultReporter(), summaryReporter()],
};
