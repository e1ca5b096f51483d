import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { classicCommentsMiddleware, commentServerPlugin } from './test/support/comment-server-plugin.mjs';
import { forcedColorsPlugin } from './test/support/forced-colors-plugin.mjs';
import { defaultReporter } from '@web/test-runner';

// Debian's browsers (see README): Chromium through CDP, Firefox ESR through WebDriver BiDi.
const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

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
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), forcedColorsPlugin(), commentServerPlugin()],
  browsers: [
    browsers.includes('chromium') &&
      chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } }),
    browsers.includes('firefox') &&
      chromeLauncher({
        puppeteer,
        launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
      }),
  ].filter(Boolean),
  reporters: [defaultReporter(), summaryReporter()],
};
