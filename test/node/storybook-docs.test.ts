// Every element's Docs page in the built Storybook against custom-elements.json: its description, import snippets, the
// example's exact markup, and its whole public API, each kind in its own table with exactly the manifest's public
// members, so that a member missing from the page, or a private, protected or static one showing, fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { launch } from './demo/support.js';
import { inPage } from './support/in-page.js';
import { builtStorybook, serveDirectory, type StaticServer } from './support/storybook.js';

interface Item {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  fieldName?: string;
  default?: string;
  type?: { text: string };
  parsedType?: { text: string };
  description?: string;
  parameters?: { name: string }[];
}
interface ElementDeclaration {
  name: string;
  tagName?: string;
  summary?: string;
  attributes?: Item[];
  members?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  events?: Item[];
}

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8')) as { modules: { declarations?: ElementDeclaration[] }[] };
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
const tags = readdirSync(new URL('src/components/', root));
const elementOf = (tag: string) => declarations.find((declaration) => declaration.tagName === tag)!;
const isPublic = (member: Item) => (member.privacy ?? 'public') === 'public' && !member.static;

/** What the docs page shows, read in the page: each API table's rows (cell texts), the attributes' rows by name. */
function docsInPage() {
  const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const tables: Record<string, string[][]> = {};
  for (const table of Array.from(document.querySelectorAll('table[data-api]'))) {
    tables[table.getAttribute('data-api')!] = Array.from(table.querySelectorAll('tbody tr')).map((row) => Array.from(row.children).map(text));
  }
  // Storybook's controls table: one row of four cells (name, description with type, default, control) per argType.
  tables.attributes = Array.from(document.querySelectorAll('[data-api="attributes"] tbody tr'))
    .filter((row) => row.children.length === 4)
    .map((row) => Array.from(row.children).map(text));
  return { page: text(document.querySelector('[data-element-docs]')), tables };
}

/** The primary example's "Show code": pressed until the code shows (the switch is checked once it does). */
async function primarySource(page: Page): Promise<string> {
  const source = await page.waitForFunction(
    inPage(() => {
      // The primary example is the page's first story; its toggle controls the region that shows the code.
      const toggle = document.querySelector<HTMLElement>('.docblock-code-toggle');
      const region = document.getElementById(toggle?.getAttribute('aria-controls') ?? '');
      const code = region?.querySelector('pre')?.textContent?.trim();
      if (toggle?.getAttribute('aria-checked') === 'true' && code) return code;
      if (toggle?.getAttribute('aria-checked') === 'false') toggle.click();
      return false;
    }),
    { polling: 250, timeout: 15_000 },
  );
  return String(await source.jsonValue());
}

/** Whether the page's docs show this text (code blocks render a moment after the rest). */
function showsInPage(wanted: string): boolean {
  return (document.querySelector('[data-element-docs]')?.textContent ?? '').includes(wanted);
}

describe('the Docs page of each element', () => {
  let server: StaticServer;
  let browser: Browser;
  before(async () => {
    server = await serveDirectory(builtStorybook());
    browser = await launch('chromium');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const tag of tags) {
    test(`${tag}: description, import, exact example markup and every public member, nothing private`, { timeout: 60_000 }, async () => {
      const element = elementOf(tag);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
      await page.goto(`${server.origin}/iframe.html?id=elements-${tag}--docs&viewMode=docs`, { waitUntil: 'load' });
      await page.waitForSelector('[data-api="attributes"] tbody tr td + td + td + td', { timeout: 15_000 });
      const importLine = `import 'newsroom-elements/${tag}.js';`;
      const imported = await page.waitForFunction(inPage(showsInPage, importLine), { timeout: 15_000 }).then(() => true, () => false);
      assert.ok(imported, `${tag}: the npm import`);
      const { page: text, tables } = (await page.evaluate(inPage(docsInPage))) as ReturnType<typeof docsInPage>;

      assert.ok(element.summary && text.includes(element.summary.replace(/`/g, '')), `${tag}: the summary is on the page`);
      assert.ok(text.includes('cdn.jsdelivr.net/npm/newsroom-elements'), `${tag}: the CDN script`);

      const source = await primarySource(page);
      assert.match(source, new RegExp(`^(?:<[a-z][^]*)?<${tag}[\\s>]`), `${tag}: "Show code" is markup with the element in it:\n${source}`);
      assert.doesNotMatch(source, /<div lang=/, `${tag}: no wrapper in "Show code"`);

      // Attributes: exactly the manifest's, each with its property, type and default.
      const attributes = element.attributes ?? [];
      assert.deepEqual(tables.attributes.map(([name]) => name).sort(), attributes.map(({ name }) => name).sort(), `${tag}: attribute rows`);
      for (const attribute of attributes) {
        const [, description, shownDefault] = tables.attributes.find(([name]) => name === attribute.name)!;
        assert.ok(description.includes(`Property: ${attribute.fieldName}`), `${tag} ${attribute.name}: property ${attribute.fieldName} in "${description}"`);
        const type = (attribute.parsedType ?? attribute.type)!.text;
        for (const part of type.split('|').map((piece) => piece.trim())) assert.ok(description.includes(part), `${tag} ${attribute.name}: type ${part}`);
        assert.equal(shownDefault, attribute.default ?? '-', `${tag} ${attribute.name}: default`);
      }

      const members = (element.members ?? []).filter(isPublic);
      const withAttribute = new Set(attributes.map(({ fieldName }) => fieldName));
      const firstCells = (api: string) => (tables[api] ?? []).map(([first]) => first);
      assert.deepEqual(firstCells('properties'), members.filter((member) => member.kind === 'field' && !withAttribute.has(member.name)).map(({ name }) => name), `${tag}: properties`);
      assert.deepEqual(
        firstCells('methods').map((signature) => signature.split('(')[0]),
        members.filter((member) => member.kind === 'method').map(({ name }) => name),
        `${tag}: methods`,
      );
      assert.deepEqual(firstCells('events'), (element.events ?? []).map(({ name }) => name), `${tag}: events`);
      for (const [name, detail] of tables.events ?? []) {
        const event = element.events!.find((candidate) => candidate.name === name)!;
        assert.ok(detail.startsWith(event.type!.text), `${tag} ${name}: its event class ${event.type!.text}`);
      }
      assert.deepEqual(firstCells('slots'), (element.slots ?? []).map(({ name }) => name || '(default)'), `${tag}: slots`);
      assert.deepEqual(firstCells('css-parts'), (element.cssParts ?? []).map(({ name }) => `::part(${name})`), `${tag}: CSS parts`);
      assert.deepEqual(firstCells('css-properties'), (element.cssProperties ?? []).map(({ name }) => name), `${tag}: CSS custom properties`);

      // Nothing private anywhere in the tables (a name that is also public, such as a slot's, is judged above).
      const publicNames = new Set([...attributes.flatMap(({ name, fieldName }) => [name, fieldName]), ...members.map(({ name }) => name)]);
      const privateNames = (element.members ?? []).filter((member) => !isPublic(member) && !publicNames.has(member.name)).map(({ name }) => name);
      const cells = Object.values(tables).flatMap((rows) => rows.map(([first]) => first));
      assert.deepEqual(cells.filter((cell) => privateNames.some((name) => cell === name || cell.startsWith(`${name}(`))), [], `${tag}: private members`);
      assert.doesNotMatch(text, /\bDEFAULT_[A-Z_]+\b|new [A-Z]\w+Controller/, `${tag}: a constant's name or an initializer as a default`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

});
