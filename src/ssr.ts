/**
 * Server-side rendering in Node (`newsroom-elements/ssr`): registers every element for @lit-labs/ssr and renders a
 * Lit template to HTML with declarative shadow DOM, in the page's language.
 *
 * ```js
 * import { html } from 'lit';
 * import { renderLight, renderToString } from 'newsroom-elements/ssr';
 * const body = renderToString(html`<stat-callout value="108" label="children killed">${renderLight()}</stat-callout>`, { lang: 'fr' });
 * ```
 *
 * `renderLight()` inside a display element (stat-callout, fact-box, pull-quote, speaker-caption, social-follow) writes
 * the words it generates from its attributes into the page's light DOM, as the element does in the browser: Reader
 * View, translation tools and crawlers, which skip shadow roots, then read them in the HTML as sent.
 *
 * On the page, load `@lit-labs/ssr-client/lit-element-hydrate-support.js` before any element module, so that the
 * elements adopt the server's shadow roots instead of rendering a second copy.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { setServerLanguage } from './internal/localize.js';
import './components/stat-callout/define.js';
import './components/fact-box/define.js';
import './components/social-follow/define.js';
import './components/pull-quote/define.js';
import './components/speaker-caption/define.js';
import './components/comment-section/define.js';
import './components/comment-toggle/define.js';
import './components/comment-form/define.js';
// comment-list is left out: it sets DOMPurify up on `window` when imported, which Node does not have. It never renders
// on the server anyway: comment-section loads it in the browser when the reader opens the comments.

export { setServerLanguage };
export { renderLight } from '@lit-labs/ssr-client/directives/render-light.js';

/** Options of {@link renderToString}. */
export interface RenderOptions {
  /** The language of the page the HTML goes into (its `<html lang>`); elements' own `lang` attributes still win. */
  lang?: string;
}

/**
 * Renders a Lit template (elements included, as declarative shadow DOM) to an HTML string. Rendering is synchronous,
 * so the language set for one page never leaks into another rendered at the same time.
 */
export function renderToString(template: unknown, { lang = 'en' }: RenderOptions = {}): string {
  setServerLanguage(lang);
  return collectResultSync(render(template));
}
