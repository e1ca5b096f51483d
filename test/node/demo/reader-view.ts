import { readFileSync } from 'node:fs';

/** Mozilla Readability's source (the library Firefox's Reader View ships), injected into pages as is. */
export const READABILITY_SOURCE = readFileSync(new URL('../../../node_modules/@mozilla/readability/Readability.js', import.meta.url), 'utf8');

/** The display elements: every word they show must reach Reader View. */
export const DISPLAY_ELEMENTS = ['stat-callout', 'fact-box', 'pull-quote', 'speaker-caption', 'social-follow'];

/** One display element's words, and how many of them a reader of the page's light DOM gets, in order. */
export interface ElementWords {
  element: string;
  shown: string;
  /** How many of the shown words the reader's text holds in order, from the best place the first one appears. */
  kept: number;
  total: number;
  /** Whether the shown words are one unbroken run of the reader's text, after the previous element's. */
  inOrder: boolean;
}

/** What each reader of the page gets: a text per reader, and each top-level display element's words in it. */
export type ReaderReport = Record<string, ElementWords[]>;

/**
 * In the page (with Readability.js injected first): each top-level display element's shown words, that is the text a
 * reader sees in its composed tree (shadow roots and slotted content, without visually hidden or invisible text),
 * compared with what readers of the light DOM get: Readability's article text (parsed from a clone of the document,
 * as Reader View does), `document.body.innerText`, the whole article selected and copied, and `markup`, the HTML as
 * sent, read as a crawler that runs no script does (templates, which hold declarative shadow roots, left out).
 * Self-contained: passed to `page.evaluate` through `inPage`.
 */
export function readersInPage(tags: string[], markup: string): ReaderReport {
  // Readability's text runs blocks together ("Learn moreOver 3M"): words are compared with white space removed.
  const squeeze = (text: string): string => text.toLocaleLowerCase().replace(/[\s\u00a0\u202f]+/g, '');
  const shownText = (root: Element): string => {
    const parts: string[] = [];
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        let box: Element | null = node.parentElement;
        while (box && getComputedStyle(box).display === 'contents') box = box.parentElement ?? ((box.getRootNode() as ShadowRoot).host ?? null);
        const range = document.createRange();
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        if (box && box.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && rect.width > 0 && rect.height > 0) parts.push(node.textContent ?? '');
        return;
      }
      if (node instanceof Element) {
        if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
        // Visually hidden text (a clipped box of one pixel) is for assistive technology only.
        const box = node.getBoundingClientRect();
        if (getComputedStyle(node).display !== 'contents' && box.width <= 1 && box.height <= 1 && getComputedStyle(node).overflow === 'hidden') return;
      }
      if (node instanceof HTMLSlotElement) {
        const assigned = node.assignedNodes({ flatten: true });
        (assigned.length > 0 ? assigned : Array.from(node.childNodes)).forEach(walk);
        return;
      }
      Array.from(node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes).forEach(walk);
    };
    walk(root);
    return parts.join(' ').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  };
  const readable = new (window as unknown as { Readability: new (document: Document) => { parse(): { textContent: string } | null } }).Readability(
    document.cloneNode(true) as Document,
  ).parse();
  const selection = getSelection()!;
  selection.selectAllChildren(document.querySelector('article')!);
  const copied = selection.toString();
  selection.removeAllRanges();
  const sent = new DOMParser().parseFromString(markup, 'text/html');
  for (const element of Array.from(sent.querySelectorAll('script, style, template'))) element.remove();
  const readers: Record<string, string> = {
    readability: readable?.textContent ?? '',
    innerText: document.body.innerText,
    copied,
    markup: sent.body.textContent ?? '',
  };
  const elements = Array.from(document.querySelectorAll(tags.join(','))).filter((element) => !element.parentElement?.closest(tags.join(',')));
  const report: ReaderReport = {};
  for (const [reader, text] of Object.entries(readers)) {
    const read = squeeze(text);
    let from = 0;
    report[reader] = elements.flatMap((element) => {
      const shown = shownText(element);
      const own = shown.split(' ').map(squeeze).filter(Boolean);
      if (own.length === 0) return [];
      let kept = 0;
      for (let start = read.indexOf(own[0]); start >= 0; start = read.indexOf(own[0], start + 1)) {
        let at = start;
        let found = 0;
        for (const word of own) {
          const next = read.indexOf(word, at);
          if (next < 0) continue;
          found++;
          at = next + word.length;
        }
        kept = Math.max(kept, found);
      }
      const at = read.indexOf(squeeze(shown), from);
      if (at >= 0) from = at + squeeze(shown).length;
      const label = element.getAttribute('speaker') || element.getAttribute('name') || element.getAttribute('heading') || '';
      return [{ element: `${element.localName}${label ? ` (${label})` : ''}`, shown, kept, total: own.length, inOrder: at >= 0 }];
    });
  }
  return report;
}
