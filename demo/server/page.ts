import { readFileSync } from 'node:fs';
import { escapeHtml } from 'newsroom-comment-server';
import { renderToString } from 'newsroom-elements/ssr';
import { articleBody, PAGE_END, type LanguageLink } from './article.js';
import type { ArticleContent } from '../content/types.js';
import { en } from '../content/en.js';
import { fr } from '../content/fr.js';
import { uk } from '../content/uk.js';

/** The article's languages and the path of each page. */
export const PAGES: ReadonlyArray<{ path: string; content: ArticleContent }> = [
  { path: '/', content: en },
  { path: '/fr/', content: fr },
  { path: '/uk/', content: uk },
];

const pageStyles = readFileSync(new URL('../browser/page.css', import.meta.url), 'utf8');

/**
 * One language's page as a complete HTML document: the article rendered on the server (elements as declarative
 * shadow DOM) and the scripts that hydrate it, hydrate support first (module scripts run in document order).
 * The first paint waits for the footer to be parsed (`<link rel="expect" blocking="render">`, Chromium): a page
 * painted mid-parse shows a shadow root before the light DOM it lays out, and that content then moves.
 */
export function renderPage(content: ArticleContent, scripts: string[]): string {
  const languages: LanguageLink[] = PAGES.map(({ path, content: { lang, languageName } }) => ({ lang, name: languageName, href: path }));
  const body = renderToString(articleBody(content, languages), { lang: content.lang });
  return `<!doctype html>
<html lang="${content.lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(content.title)}</title>
<meta name="description" content="${escapeHtml(content.description)}">
<style>${pageStyles}</style>
<link rel="expect" href="#${PAGE_END}" blocking="render">
${scripts.map((name) => `<script type="module" src="/assets/${escapeHtml(name)}"></script>`).join('\n')}
</head>
<body>
${body}
</body>
</html>
`;
}
