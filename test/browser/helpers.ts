import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options?: RunOptions): Promise<AxeResults> };
  }
}

/** Runs axe (WCAG 2.2 A/AA and best practices) over an element and its shadow trees; fails listing each violation. */
export async function expectAccessible(context: Element | Document, options: RunOptions = {}): Promise<void> {
  const results = await window.axe.run(context, { resultTypes: ['violations'], ...options });
  const report = results.violations.map(
    (violation) => `${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
  );
  expect(report, report.join('\n')).to.deep.equal([]);
}

/** The visible text of a shadow root's rendering, slotted content included, with white space folded. */
export function renderedText(element: HTMLElement): string {
  return element.shadowRoot ? flatText(element.shadowRoot).replace(/\s+/g, ' ').trim() : '';
}

/**
 * The text of a shadow root's rendering as assistive technology gets it: text hidden with `aria-hidden` is left out,
 * visually hidden text is kept. White space folded.
 */
export function spokenText(element: HTMLElement): string {
  return element.shadowRoot ? flatText(element.shadowRoot, 'spoken').replace(/\s+/g, ' ').trim() : '';
}

/** The visible text of one part of an element's shadow tree (`[part~=name]`), slotted content included, folded. */
export function partText(element: HTMLElement, part: string): string {
  const node = element.shadowRoot?.querySelector(`[part~="${part}"]`);
  return node ? flatText(node).replace(/\s+/g, ' ').trim() : '';
}

/**
 * The elements matching `selector` in an element's rendering as the reader sees it (the flat tree): its shadow tree and
 * the light-DOM children its slots show, generated or the page's, in that order.
 */
export function shownElements(element: HTMLElement, selector: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element && node.matches(selector)) found.push(node);
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      (assigned.length > 0 ? assigned : Array.from(node.childNodes)).forEach(walk);
      return;
    }
    const children = node instanceof HTMLElement && node.shadowRoot && node !== element ? [] : Array.from(node.childNodes);
    children.forEach(walk);
  };
  if (element.shadowRoot) Array.from(element.shadowRoot.childNodes).forEach(walk);
  return found;
}

/** The children an element generated into its light DOM (`data-generated`), by the slot they fill. */
export function generatedChildren(element: HTMLElement): Record<string, string> {
  const children: Record<string, string> = {};
  for (const child of Array.from(element.querySelectorAll(':scope > [data-generated]'))) {
    children[child.getAttribute('slot') ?? ''] = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  return children;
}

function flatText(node: Node, audience: 'visible' | 'spoken' = 'visible'): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return (assigned.length > 0 ? assigned : Array.from(node.childNodes)).map((child) => flatText(child, audience)).join('');
  }
  if (node instanceof HTMLStyleElement) return '';
  if (node instanceof Element) {
    // What is not rendered (display: none) is neither shown nor spoken.
    const hidden =
      audience === 'visible'
        ? node.classList.contains('visually-hidden')
        : node.getAttribute('aria-hidden') === 'true' || getComputedStyle(node).display === 'none';
    if (hidden) return '';
  }
  if (node instanceof HTMLElement && node.shadowRoot) return flatText(node.shadowRoot, audience);
  return Array.from(node.childNodes).map((child) => flatText(child, audience)).join('');
}

/** A global that a successful XSS payload would set; tests assert it stays untouched. */
export function xssTrapped(): boolean {
  return (window as unknown as { __xss?: boolean }).__xss === true;
}

/** Hostile strings for attribute and slot tests; each one, if it ever ran, would set `window.__xss`. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__xss=true">',
  '"><script>window.__xss=true</script>',
  "'><svg onload=window.__xss=true>",
  'javascript:window.__xss=true',
  ' JaVaScRiPt:window.__xss=true',
  'java\tscript:window.__xss=true',
  'data:text/html,<script>window.__xss=true</script>',
  '${window.__xss=true}',
  '\u202eevil\u202c',
];

/** An element's light DOM as text, white space folded: what Reader View, translation tools and crawlers read (#16). */
export const lightText = (element: Element): string => element.textContent!.replace(/\s+/g, ' ').trim();

/** Lets an element hear of a change (mutation observers report in a microtask) and finish the update it asks for. */
export async function afterChange(element: { updateComplete: Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await element.updateComplete;
}

/** The accessible text says each word once, with no space before a comma ("— Antony Blinken , US Secretary of State"). */
export function expectSpokenOnce(element: HTMLElement, message = ''): void {
  const spoken = spokenText(element);
  const words = spoken.split(' ');
  expect(words.filter((word, index) => words.indexOf(word) !== index), `${message} ${spoken}`).to.deep.equal([]);
  expect(spoken, message).not.to.match(/\s[,،]/);
}

/**
 * A page of its own, in an iframe, where no element is defined yet and not-defined.css lays them out: `body` is its
 * markup. `boxes(selector)` describes where each match is ("p After: 0,272 640×24"); `define(tag)` loads the element's
 * module and resolves once the tag is defined. Remove the frame when done.
 */
export async function notDefinedPage(body: string, size = 'inline-size: 640px; block-size: 640px') {
  const frame = document.createElement('iframe');
  frame.style.cssText = `${size}; border: 0`;
  frame.srcdoc = `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/src/styles/not-defined.css"></head>
    <body style="margin: 0; font: 16px/1.5 sans-serif">${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const page = frame.contentDocument!;
  return {
    frame,
    page,
    boxes: (selector: string) =>
      Array.from(page.querySelectorAll(selector)).map((node) => {
        const { x, y, width, height } = node.getBoundingClientRect();
        return `${node.localName} ${node.textContent!.trim().slice(0, 12)}: ${Math.round(x)},${Math.round(y)} ${Math.round(width)}×${Math.round(height)}`;
      }),
    define: async (tag: string) => {
      const script = page.createElement('script');
      script.type = 'module';
      script.src = `/src/components/${tag}/define.ts`;
      page.head.append(script);
      await frame.contentWindow!.customElements.whenDefined(tag);
    },
  };
}

/** Resolves once `find` returns something, checked each frame: for what arrives with a lazily loaded module, which fires no event. */
export function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const found = find();
      if (found) resolve(found);
      else requestAnimationFrame(check);
    };
    check();
  });
}
