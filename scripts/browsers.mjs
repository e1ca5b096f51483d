// The browsers every test, benchmark and script drives: Debian's packages (`npm test` installs them where it can,
// see test/support/requirements.mjs). On another machine, CHROME_PATH and FIREFOX_PATH point at local installs.
/** Where the browsers are for an environment: its CHROME_PATH and FIREFOX_PATH, else Debian's packages. */
export const browserPaths = (env = process.env) => ({
  chromium: env.CHROME_PATH || '/usr/bin/chromium',
  firefox: env.FIREFOX_PATH || '/usr/bin/firefox-esr',
});

export const { chromium: CHROMIUM_PATH, firefox: FIREFOX_PATH } = browserPaths();

/** Root needs --no-sandbox; the closed network wants no background connections (they fail, many at a time). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
