import { readFileSync } from 'node:fs';
import { escapeHtml } from 'newsroom-comment-server';
import { renderToString } from 'newsroom-elements/ssr';
import { jsonLdScript, newsArticleData, quotationData, statisticData } from 'newsroom-elements/structured-data';
import { articleBody, PAGE_END, PUBLISHED, type LanguageLink } from './article.js';
import type { ArticleContent } from '../content/types.js';
import { en } from '../content/en.js';
import { fr } from '../content/fr.js';
import { uk } from '../content/uk.js';

/** The publication's name, which the share cards print (`og:site_name`). */
const SITE_NAME = 'Newsroom Elements Demo';

/** The article's languages and the path of each page. */
export const PAGES: ReadonlyArray<{ path: string; content: ArticleContent }> = [
  { path: '/', content: en },
  { path: '/fr/', content: fr },
  { path: '/uk/', content: uk },
];

const pageStyles = readFileSync(new URL('../browser/page.css', import.meta.url), 'utf8');

/**
 * The article as schema.org JSON-LD: a `NewsArticle` with its pull quotes (as the page shows them, the editor's
 * bracketed insertion included) and the fact box's figures as parts, in reading order.
 */
function articleData(content: ArticleContent): ReturnType<typeof newsArticleData> {
  const quotes = content.body.flatMap((block) => {
    if (!('quote' in block)) return [];
    const speaker = content.speakers[block.speaker];
    const inserted = (words: string) => (block.insertion ? `[${block.insertion.text}] ${words}` : words);
    const { original } = block;
    return [
      quotationData({
        text: inserted(block.quote),
        speaker: speaker.name,
        jobTitle: speaker.role,
        lang: content.lang,
        original: original && inserted(original.text),
        originalLang: original?.lang,
      }),
    ];
  });
  const figures = content.facts.map((fact) => statisticData({ ...fact, lang: content.lang }));
  return newsArticleData({
    headline: content.headline,
    description: content.description,
    datePublished: PUBLISHED,
    inLanguage: content.lang,
    parts: [...quotes, ...figures],
  });
}

/**
 * One language's page as a complete HTML document: the article rendered on the server (elements as declarative
 * shadow DOM), its structured data (a JSON-LD data block, which a CSP that forbids scripts does not block) and the
 * scripts that hydrate it, hydrate support first (module scripts run in document order).
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
<meta property="og:site_name" content="${SITE_NAME}">
<link rel="canonical" href="${escapeHtml(PAGES.find((page) => page.content === content)?.path ?? '/')}">
<style>${pageStyles}</style>
${jsonLdScript(articleData(content))}
<link rel="expect" href="#${PAGE_END}" blocking="render">
${scripts.map((name) => `<script type="module" src="/assets/${escapeHtml(name)}"></script>`).join('\n')}
</head>
<body>
${body}
</body>
</html>
`;
}
