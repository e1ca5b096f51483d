import { readFileSync } from 'node:fs';

/** Mozilla Readability's source (the library Firefox's Reader View ships), injected into pages as is. */
export const READABILITY_SOURCE = readFileSync(new URL('../../../node_modules/@mozilla/readability/Readability.js', import.meta.url), 'utf8');

/** The display elements: every word they show must reach Reader View. */
export const DISPLAY_ELEMENTS = ['stat-callout', 'fact-box', 'pull-quote', 'speaker-caption', 'social-follow'];

/** One display element's words, and how many of them Readability's article text holds, in order. */
export interface ElementWords {
  element: string;
  shown: string;
  /** How many of the shown words Readability's text holds in order, from the best place its first word appears. */
  kept: number;
  total: number;
  /** Whether the shown words are one unbroken run of Readability's words, as a reader would read them. */
  inOrder: boolean;
}

/**
 * In the page (with Readability.js injected first): each display element's shown words, that is the text a reader
 * sees in its composed tree (shadow roots and slotted content, without visually hidden or invisible text), compared
 * with the `textContent` of Readability's article, parsed from a clone of the document as Reader View does.
 * Self-contained: passed to `page.evaluate` through `inPage`.
 */
export function readerViewWordsInPage(tags: string[]): ElementWords[] {
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
  type ReadabilityClass = new (document: Document) => { parse(): { textContent: string } | null };
  const article = new (window as unknown as { Readability: ReadabilityClass }).Readability(document.cloneNode(true) as Document).parse();
  const read = squeeze(article?.textContent ?? '');
  const report: ElementWords[] = [];
  for (const element of Array.from(document.querySelectorAll(tags.join(',')))) {
    const shown = shownText(element);
    const own = shown.split(' ').map(squeeze).filter(Boolean);
    if (own.length === 0) continue;
    // From each place where the element's first word appears: how many of its words follow, in order.
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
    const label = element.getAttribute('label') || element.getAttribute('name') || element.getAttribute('speaker') || element.getAttribute('heading') || '';
    report.push({ element: `${element.localName}${label ? ` (${label.slice(0, 40)})` : ''}`, shown, kept, total: own.length, inOrder: read.includes(squeeze(shown)) });
  }
  return report;
}
