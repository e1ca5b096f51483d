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

/** A selector for the display elements that are not inside another one (a fact-box's stat-callouts are its words). */
export const TOP_LEVEL_DISPLAY_ELEMENTS = `:is(${DISPLAY_ELEMENTS.join(', ')}):not(:is(${DISPLAY_ELEMENTS.join(', ')}) *)`;

/** What `shownTextsInPage` counts beyond the text on screen, and what it leaves out of it. */
export interface ShownTextOptions {
  /** Whether the labels of buttons count: controls, not the article's words (Reader View drops every button). */
  controls?: boolean;
  /**
   * Whether the page's words an element keeps in its light DOM for readers while its shadow tree does not show them
   * (a quote's original beside its translation, a collapsed fact box's items) count, in their places: slotted, and
   * neither hidden nor marked hidden in the light DOM itself. What a reader of the light DOM gets.
   */
  offered?: boolean;
}

/**
 * In the page: the text each element matching `selector` shows on screen, in its flat tree's order (shadow root and
 * slotted content), leaving out visually hidden text (clipped, or in a box of 1 px or less that hides its overflow),
 * which is laid out yet only read; with `options`, without button labels or with the words offered to readers. White
 * space folded. Self-contained: passed to `page.evaluate` through `inPage`.
 */
export function shownTextsInPage(selector: string, { controls = true, offered: withOffered = false }: ShownTextOptions = {}): string[] {
  const skip = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'NOSCRIPT', ...(controls ? [] : ['BUTTON'])]);
  const parentOf = (node: Node): Element | null => {
    const slot = node instanceof Element || node instanceof Text ? node.assignedSlot : null;
    return slot ?? node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);
  };
  return Array.from(document.querySelectorAll(selector), (element) => {
    const parts: string[] = [];
    const hidden = (box: Element): boolean => {
      for (let at: Element | null = box; at; at = at === element ? null : parentOf(at)) {
        const style = getComputedStyle(at);
        if (style.display === 'contents') continue;
        if (!at.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
        if (style.clipPath !== 'none' || (style.clip !== 'auto' && style.position === 'absolute')) return true;
        const rect = at.getBoundingClientRect();
        if (style.overflow !== 'visible' && (rect.width <= 1 || rect.height <= 1)) return true;
      }
      return false;
    };
    // In the element's light DOM (not in a shadow tree) and hidden by nothing there: only its shadow tree hides it.
    const offered = (text: Node): boolean => {
      if (!element.contains(text)) return false;
      for (let at = text.parentElement; at && at !== element; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (at.hasAttribute('hidden') || at.getAttribute('aria-hidden') === 'true' || style.display === 'none' || style.visibility !== 'visible') return false;
      }
      return true;
    };
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        const shown = node.parentElement && rect.width > 0 && rect.height > 0 && !hidden(node.parentElement);
        if (shown || (withOffered && offered(node))) parts.push(node.textContent ?? '');
        return;
      }
      if (node instanceof Element && skip.has(node.tagName)) return;
      if (node instanceof HTMLSlotElement) {
        const assigned = node.assignedNodes({ flatten: true });
        (assigned.length > 0 ? assigned : Array.from(node.childNodes)).forEach(walk);
        return;
      }
      Array.from(node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes).forEach(walk);
    };
    walk(element);
    return parts.join(' ').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  });
}

/**
 * In the page (with Readability.js injected first): each element matching `selector` and its words, compared with what
 * readers of the light DOM get: Readability's article text (parsed from a clone of the document, as Reader View does)
 * and `markup`, the HTML as sent, read as a crawler that runs no script does (templates, which hold declarative shadow
 * roots, left out), against `offeredTexts` (`shownTextsInPage` with the words offered to readers); and
 * `document.body.innerText` and the whole article selected and copied, which hold only what is rendered, against
 * `shownTexts`. Self-contained: passed to `page.evaluate` through `inPage`.
 */
export function readersInPage(selector: string, markup: string, shownTexts: string[], offeredTexts: string[]): ReaderReport {
  // Readability's text runs blocks together ("Learn moreOver 3M"): words are compared with white space removed.
  const squeeze = (text: string): string => text.toLocaleLowerCase().replace(/[\s\u00a0\u202f]+/g, '');
  const readable = new (window as unknown as { Readability: new (document: Document) => { parse(): { textContent: string } | null } }).Readability(
    document.cloneNode(true) as Document,
  ).parse();
  const selection = getSelection()!;
  selection.selectAllChildren(document.querySelector('article')!);
  const copied = selection.toString();
  selection.removeAllRanges();
  const sent = new DOMParser().parseFromString(markup, 'text/html');
  for (const element of Array.from(sent.querySelectorAll('script, style, template'))) element.remove();
  const readers: Record<string, [string, string[]]> = {
    readability: [readable?.textContent ?? '', offeredTexts],
    innerText: [document.body.innerText, shownTexts],
    copied: [copied, shownTexts],
    markup: [sent.body.textContent ?? '', offeredTexts],
  };
  const elements = Array.from(document.querySelectorAll(selector));
  const report: ReaderReport = {};
  for (const [reader, [text, texts]] of Object.entries(readers)) {
    const read = squeeze(text);
    let from = 0;
    report[reader] = elements.flatMap((element, index) => {
      const shown = texts[index];
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
