// A Web Test Runner command that writes an image card's reference PNG (test/browser/share-cards/<browser>/<name>.png)
// when UPDATE_CARD_REFERENCES=1 is set; otherwise it writes nothing and resolves to false, and the test compares.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REFERENCES = join(dirname(fileURLToPath(import.meta.url)), '../browser/share-cards');

export function cardReferencesPlugin() {
  return {
    name: 'card-references',
    async executeCommand({ command, payload }) {
      if (command !== 'write-card-reference') return undefined;
      if (process.env.UPDATE_CARD_REFERENCES !== '1') return false;
      const { browser, name, png } = payload;
      // Names come from the test file; anything else would write outside the folder.
      if (!/^(chromium|firefox)$/.test(browser) || !/^[a-z0-9-]+$/.test(name)) throw new Error(`bad reference name ${browser}/${name}`);
      const file = join(REFERENCES, browser, `${name}.png`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, Buffer.from(png, 'base64'));
      return true;
    },
  };
}
