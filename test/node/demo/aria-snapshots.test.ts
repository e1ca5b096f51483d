import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { PAGES } from '../../../demo/server/page.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/browsers.mjs';
import { inPage, registeredTags, startTestDemo, upgradedInPage, type TestDemo } from './support.js';
import { shownTextsInPage } from './reader-view.js';

// What screen readers are told about each display element of the demo article, in en, fr and uk: the accessibility
// tree of every element (Playwright's `ariaSnapshot`), once upgraded, compared with the committed files
// aria-snapshots/{lang}.aria.yml, so that a change in what is announced shows in review. The snapshots are
// Chromium's: Playwright drives Debian's Chromium, but not Debian's Firefox (it needs Playwright's patched build).
// The snapshots' text also keeps the rules of issue #16: no space before a comma or full stop, no empty paragraph,
// no text read more often than it is shown (text in the light DOM that the shadow tree announces as well).
//
// Update the files after a change in what the elements announce, then review the diff:
//   npm run build && UPDATE_ARIA_SNAPSHOTS=1 node --import tsx --test test/node/demo/aria-snapshots.test.ts

/** The display elements, in the order the file names them. A fact-box's snapshot holds its stat-callouts. */
const DISPLAY_ELEMENTS = ['pull-quote', 'speaker-caption', 'fact-box', 'social-follow'];
const UPDATE = process.env.UPDATE_ARIA_SNAPSHOTS === '1';
const SNAPSHOT_DIR = new URL('./aria-snapshots/', import.meta.url);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const UPDATE_COMMAND = 'npm run build && UPDATE_ARIA_SNAPSHOTS=1 node --import tsx --test test/node/demo/aria-snapshots.test.ts';
const TEST_TIMEOUT_MS = 60_000;

interface Announced {
  /** "pull-quote 1": the tag and its rank among the page's elements of that tag. */
  label: string;
  /** Playwright's YAML of the element's accessibility tree. */
  snapshot: string;
  /** The text the element shows on screen, white space folded (see `shownTextsInPage`). */
  shownText: string;
}

/** Loads a page, upgrades every element in it, and takes each display element's snapshot, in document order. */
async function announcedElements(browser: Browser, url: string): Promise<Announced[]> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const upgraded = (await page.evaluate(inPage(upgradedInPage, registeredTags()))) as number;
    assert.ok(upgraded >= 5, `only ${upgraded} elements upgraded`);
    const selector = DISPLAY_ELEMENTS.join(', ');
    // Playwright's CSS pierces shadow roots; the document's own list says the elements are all in the light DOM,
    // in the same order, and that every stat-callout is inside a fact-box (whose snapshot covers it).
    const inDocument = await page.evaluate(`Array.from(document.querySelectorAll(${JSON.stringify(selector)}), (element) => element.localName)`);
    const loose = await page.evaluate(`document.querySelectorAll('stat-callout:not(fact-box stat-callout)').length`);
    assert.equal(loose, 0, 'a stat-callout outside a fact-box has no snapshot');
    const locators = await page.locator(selector).all();
    const tags = await Promise.all(locators.map((locator) => locator.evaluate((element) => element.localName)));
    assert.deepEqual(tags, inDocument, 'the display elements Playwright finds are not the document’s');
    for (const tag of DISPLAY_ELEMENTS) assert.ok(tags.includes(tag), `no ${tag} on ${url}`);
    const shownTexts = (await page.evaluate(inPage(shownTextsInPage, selector))) as string[];
    const ranks = new Map<string, number>();
    const elements: Announced[] = [];
    for (const [index, locator] of locators.entries()) {
      const rank = (ranks.get(tags[index]) ?? 0) + 1;
      ranks.set(tags[index], rank);
      elements.push({
        label: `${tags[index]} ${rank}`,
        snapshot: await locator.ariaSnapshot(),
        shownText: shownTexts[index],
      });
    }
    return elements;
  } finally {
    await page.close();
  }
}

/** One language's file: a header, then each element's snapshot under a comment line naming it. */
function snapshotFile(lang: string, path: string, elements: Announced[]): string {
  const header = [
    `# What screen readers are told about each display element of the demo article, ${lang} (${path}):`,
    '# Playwright ariaSnapshot in Chromium, every element upgraded. Written by test/node/demo/aria-snapshots.test.ts:',
    `#   ${UPDATE_COMMAND}`,
  ];
  return `${[header.join('\n'), ...elements.map(({ label, snapshot }) => `# ${label}\n${snapshot}`)].join('\n\n')}\n`;
}

/** One node of a snapshot: `- role "name" [attributes]: text`, `- text: …` or a property such as `- /url: …`. */
interface SnapshotNode {
  line: string;
  depth: number;
  role: string;
  name?: string;
  text?: string;
  /** Whether nodes (not properties) are nested under it. */
  hasChildren: boolean;
}

/** A value as Playwright writes it: plain, or double-quoted with JSON's escapes when YAML needs quotes. */
function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1, -1);
  }
}

/**
 * A snapshot's nodes, in order. Each line is `- key` or `- key: value`, the key `role "name" [attribute=…]` (the name
 * JSON-quoted), the whole key single-quoted when YAML needs it (a name with ": " in it). A line of any other shape
 * fails the check, rather than go unchecked.
 */
function parseSnapshot(snapshot: string): SnapshotNode[] {
  const nodes = snapshot.split('\n').map((line) => {
    const item = /^(\s*)- (?:'((?:[^']|'')*)'|(\/?[\w-]+(?: "(?:[^"\\]|\\.)*")?(?: \[[^\]]*\])*))(?::(?: (.*))?)?$/.exec(line);
    const key = item && /^(\/?[\w-]+)(?: ("(?:[^"\\]|\\.)*"))?(?: \[[^\]]*\])*$/.exec(item[2]?.replaceAll("''", "'") ?? item[3]);
    if (!item || !key) assert.fail(`cannot read this snapshot line (the checks read one node a line): ${line}`);
    const [, indent, , , text] = item;
    const [, role, name] = key;
    return { line: line.trim(), depth: indent.length, role, name: name === undefined ? undefined : unquote(name), text: text === undefined ? undefined : unquote(text), hasChildren: false };
  });
  nodes.forEach((node, index) => {
    for (const next of nodes.slice(index + 1)) {
      if (next.depth <= node.depth) break;
      if (!next.role.startsWith('/')) node.hasChildren = true;
    }
  });
  return nodes;
}

/**
 * The text an element reads out, for counting words: each node's own text, and the name of a node with nothing
 * nested (an image's alternative, a link's or a heading's text). A node with children is read through them, its name
 * left out: a figure named by its caption, a box by its heading, a list by the heading before it say that name
 * on entering, by design.
 */
function readText(nodes: SnapshotNode[]): string {
  return nodes
    .filter((node) => !node.role.startsWith('/'))
    .flatMap((node) => [node.hasChildren ? undefined : node.name, node.text])
    .filter((text): text is string => text !== undefined)
    .join(' ');
}

const words = (text: string): string[] => text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Words in a row that make a repeat "read twice". Two would flag every portrait: its alternative names the person
 * its caption shows ("Placeholder portrait of Antony Blinken", then "Antony Blinken, US Secretary of State").
 */
const RUN_LENGTH = 3;

/** How many times each run of RUN_LENGTH words occurs in a list of words. */
function runCounts(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = 0; at + RUN_LENGTH <= list.length; at += 1) {
    const run = list.slice(at, at + RUN_LENGTH).join(' ');
    counts.set(run, (counts.get(run) ?? 0) + 1);
  }
  return counts;
}

/**
 * The phrases `read` holds more often than `shown` (runs of RUN_LENGTH words or more that the element shows, read
 * more times than shown), each with its counts. Runs that are only read (an image's alternative, a link's label)
 * are not text the element shows, so they do not count.
 */
function readMoreThanShown(read: string, shown: string): string[] {
  const list = words(read);
  const readCounts = runCounts(list);
  const shownCounts = runCounts(words(shown));
  const flagged = (at: number): boolean => {
    const run = list.slice(at, at + RUN_LENGTH).join(' ');
    const times = shownCounts.get(run) ?? 0;
    return at + RUN_LENGTH <= list.length && times > 0 && readCounts.get(run)! > times;
  };
  const phrases = new Set<string>();
  for (let at = 0; at < list.length; at += 1) {
    if (!flagged(at)) continue;
    const first = list.slice(at, at + RUN_LENGTH).join(' ');
    let end = at;
    while (flagged(end + 1)) end += 1;
    phrases.add(`"${list.slice(at, end + RUN_LENGTH).join(' ')}" read ${readCounts.get(first)} times, shown ${shownCounts.get(first)}`);
    at = end;
  }
  return [...phrases];
}

describe('what screen readers are told about the display elements (Chromium, ariaSnapshot)', () => {
  let demo: TestDemo;
  let browser: Browser;
  before(async () => {
    [demo, browser] = await Promise.all([startTestDemo(), chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })]);
  });
  after(() => Promise.all([demo?.close(), browser?.close()]));

  for (const { path, content } of PAGES) {
    describe(`${content.lang} (${path})`, () => {
      let elements: Announced[];
      before(async () => {
        elements = await announcedElements(browser, `${demo.url}${path}`);
      }, { timeout: TEST_TIMEOUT_MS });

      const file = new URL(`${content.lang}.aria.yml`, SNAPSHOT_DIR);
      test(`matches ${relative(ROOT, fileURLToPath(file))}`, (t) => {
        const actual = snapshotFile(content.lang, path, elements);
        if (UPDATE) {
          mkdirSync(SNAPSHOT_DIR, { recursive: true });
          writeFileSync(file, actual);
          t.diagnostic(`UPDATE_ARIA_SNAPSHOTS=1: wrote ${relative(ROOT, fileURLToPath(file))}; review its diff and commit it`);
          return;
        }
        assert.ok(existsSync(file), `${relative(ROOT, fileURLToPath(file))} is missing: create it with\n  ${UPDATE_COMMAND}\nthen review and commit it`);
        assert.equal(actual, readFileSync(file, 'utf8'), `what is announced changed; if that is intended, update the file with\n  ${UPDATE_COMMAND}`);
      });

      // French puts a (narrow) no-break space before ; : ! ? and », so only commas and full stops are checked.
      test('no space before a comma or a full stop', () => {
        const offending = elements.flatMap(({ label, snapshot }) =>
          parseSnapshot(snapshot)
            .filter((node) => !node.role.startsWith('/') && [node.name, node.text].some((text) => text !== undefined && /\s[,.]/u.test(text)))
            .map((node) => `${label}: ${node.line}`),
        );
        assert.deepEqual(offending, []);
      });

      test('no empty paragraph', () => {
        const offending = elements.flatMap(({ label, snapshot }) =>
          parseSnapshot(snapshot)
            .filter((node) => node.role === 'paragraph' && !node.name && !node.text && !node.hasChildren)
            .map((node) => `${label}: ${node.line}`),
        );
        assert.deepEqual(offending, []);
      });

      // Text both in the light DOM and in the shadow tree's accessible text is read twice but shown once. A run of
      // words the element shows counts only when read more often than shown: a quote that repeats itself is fine.
      test(`no run of ${RUN_LENGTH} words read more often than the element shows it`, () => {
        const offending = elements.flatMap(({ label, snapshot, shownText }) =>
          readMoreThanShown(readText(parseSnapshot(snapshot)), shownText).map((phrase) => `${label}: ${phrase}`),
        );
        assert.deepEqual(offending, []);
      });
    });
  }
});
