// A Web Test Runner command that turns forced-colours emulation on or off (Windows High Contrast) through
// Puppeteer's media-feature emulation; WTR's own emulateMedia leaves forced-colors out for Puppeteer browsers.
// Resolves to whether the browser supports it (Chromium through CDP does; Firefox through BiDi does not).
export function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) return false;
      try {
        await page.emulateMediaFeatures([{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }]);
        return true;
      } catch {
        return false;
      }
    },
  };
}
