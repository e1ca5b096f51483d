import { html, nothing, type TemplateResult } from 'lit';
import { renderLight } from 'newsroom-elements/ssr';
import type { ArticleContent, Block, SpeakerId } from '../content/types.js';
import { portraitUrl } from './portraits.js';

/** When the reference article was published (the Thursday three weeks into the invasion). */
export const PUBLISHED = '2022-03-17';
/** The comment server's post ID of the article; its three languages share one thread. */
export const POST_ID = 1;
/** The id of the footer, the page's last part: the page is first painted once it is parsed. */
export const PAGE_END = 'site-footer';

/** The site's profiles shown by social-follow (example accounts). */
const PROFILES = [
  ['Facebook', 'https://www.facebook.com/example'],
  ['X', 'https://x.com/example'],
  ['Instagram', 'https://www.instagram.com/example/'],
  ['YouTube', 'https://www.youtube.com/@example'],
  ['Bluesky', 'https://bsky.app/profile/example.com'],
  ['Mastodon', 'https://mastodon.social/@example'],
  ['Email', 'mailto:newsroom@example.com'],
] as const;

export interface LanguageLink {
  lang: string;
  name: string;
  href: string;
}

function renderQuote(content: ArticleContent, block: Extract<Block, { quote: string }>): TemplateResult {
  const speaker = content.speakers[block.speaker];
  const { insertion, original } = block;
  // The original's language as an attribute too: a server cannot see the slotted original.
  return html`<pull-quote share speaker=${speaker.name} job-title=${speaker.role} original-lang=${original?.lang ?? nothing}>
    <p>${insertion ? html`<span lang=${insertion.lang}>[${insertion.text}]</span> ` : nothing}${block.quote}</p>
    ${original
      ? html`<blockquote slot="original" lang=${original.lang}>${insertion ? `[${insertion.text}] ` : nothing}${original.text}</blockquote>`
      : nothing}
    ${renderLight()}
  </pull-quote>`;
}

function renderPortrait(content: ArticleContent, block: Extract<Block, { portrait: SpeakerId }>): TemplateResult {
  const speaker = content.speakers[block.portrait];
  const alt = content.portraitAlt(speaker.name);
  return block.caption
    ? html`<speaker-caption src=${portraitUrl(block.portrait)} alt=${alt}>${block.caption}</speaker-caption>`
    : html`<speaker-caption name=${speaker.name} job-title=${speaker.role} src=${portraitUrl(block.portrait)} alt=${alt}
        >${renderLight()}</speaker-caption
      >`;
}

function renderBlock(content: ArticleContent, block: Block): TemplateResult {
  if ('paragraph' in block) return html`<p>${block.paragraph}</p>`;
  if ('heading' in block) return html`<h2>${block.heading}</h2>`;
  if ('quote' in block) return renderQuote(content, block);
  return renderPortrait(content, block);
}

/** The page body of one language's article: language switcher, article, facts, social links and comments. */
export function articleBody(content: ArticleContent, languages: LanguageLink[]): TemplateResult {
  const published = new Intl.DateTimeFormat(content.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(PUBLISHED));
  return html`<a class="skip-link" href="#article">${content.skipLink}</a>
    <header class="site-header">
      <nav aria-label=${content.languagesLabel}>
        <ul class="languages">
          ${languages.map(
            (language) =>
              html`<li><a href=${language.href} hreflang=${language.lang} lang=${language.lang}
                aria-current=${language.lang === content.lang ? 'page' : nothing}>${language.name}</a></li>`,
          )}
        </ul>
      </nav>
    </header>
    <main>
      <article id="article">
        <header class="article-header">
          <p class="kicker">${content.kicker}</p>
          <h1>${content.headline}</h1>
          <p class="standfirst">${content.standfirst}</p>
          <p class="byline">${content.byline} · ${content.published} <time datetime=${PUBLISHED}>${published}</time></p>
        </header>
        ${content.body.map((block) => renderBlock(content, block))}
        <fact-box heading=${content.factsHeading}>
          ${renderLight()}
          ${content.facts.map(
            (fact) => html`<stat-callout share value=${fact.value} format=${fact.format ?? 'number'} prefix=${fact.prefix ?? nothing}
              source=${fact.source} source-href=${fact.sourceHref} label=${fact.label}>${renderLight()}</stat-callout>`,
          )}
        </fact-box>
        <social-follow heading=${content.followHeading}>
          ${renderLight()}
          ${PROFILES.map(([name, href]) => html`<a href=${href}>${name}</a> `)}
        </social-follow>
      </article>
      <section class="comments">
        <h2>${content.commentsHeading}</h2>
        <comment-section id="comments" endpoint="/wp-json/wp/v2" post-id=${POST_ID} heading-level="3"></comment-section>
      </section>
    </main>
    <footer class="site-footer" id=${PAGE_END}><p>${content.footer}</p></footer>`;
}
