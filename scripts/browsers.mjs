// The browsers every test, benchmark and script drives: Debian's packages, as .ci/run installs them. On another
// machine, CHROME_PATH and FIREFOX_PATH point at local installs.
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

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
