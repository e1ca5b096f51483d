// A Node server that renders the article with the elements' shadow DOM (`newsroom-elements/ssr`), so that it reads
// before any script runs, and describes it to search engines as schema.org JSON-LD (`newsroom-elements/structured-data`);
// dist/hydrate.js (built by Vite) then makes the elements interactive.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { html } from 'lit';
import { renderLight, renderToString } from 'newsroom-elements/ssr';
import { jsonLdScript, newsArticleData, quotationData, statisticData } from 'newsroom-elements/structured-data';

const hydrateScript = readFileSync(new URL('dist/hydrate.js', import.meta.url));

function renderPage(commentsEndpoint) {
  const article = renderToString(
    // renderLight() writes the words each element generates from its attributes into the page's light DOM, where
    // Reader View, translation tools and crawlers read them in the HTML as sent.
    html`<fact-box heading="En savoir plus" collapsible visible-count="1">${renderLight()}
      <stat-callout value="3000000" format="compact" prefix="Plus de" label="d’Ukrainiens partis en exil" source="Agence France-Presse"
                    source-href="https://www.afp.com/">${renderLight()}</stat-callout>
      <stat-callout value="108" label="enfants tués depuis le début de l’invasion" source="Parquet général d’Ukraine">${renderLight()}</stat-callout>
    </fact-box>
    <pull-quote cite="https://www.state.gov/">
      <p>Les actions que nous voyons la Russie commettre chaque jour sont en totale contradiction avec tout effort
         diplomatique sérieux pour mettre fin à la guerre.</p>
      <speaker-caption slot="attribution" name="Antony Blinken" job-title="Secrétaire d’État des États-Unis">${renderLight()}</speaker-caption>
    </pull-quote>
    <social-follow heading="Suivez-nous">${renderLight()}
      <a href="https://bsky.app/profile/newsroom.example">Bluesky</a>
      <a href="/feed/">RSS</a>
    </social-follow>
    <comment-section endpoint=${commentsEndpoint} post-id="1"></comment-section>`,
    { lang: 'fr' },
  );
  // The same figures and quote, for machines: one NewsArticle with its parts, escaped for the page.
  const structuredData = jsonLdScript(
    newsArticleData({
      headline: 'Les pourparlers de paix piétinent',
      datePublished: '2022-03-17',
      inLanguage: 'fr',
      parts: [
        statisticData({ value: '3000000', format: 'compact', prefix: 'Plus de', label: 'd’Ukrainiens partis en exil',
                        source: 'Agence France-Presse', sourceHref: 'https://www.afp.com/', lang: 'fr' }),
        statisticData({ value: '108', label: 'enfants tués depuis le début de l’invasion', source: 'Parquet général d’Ukraine', lang: 'fr' }),
        quotationData({ text: 'Les actions que nous voyons la Russie commettre chaque jour sont en totale contradiction avec tout effort diplomatique sérieux pour mettre fin à la guerre.',
                        speaker: 'Antony Blinken', jobTitle: 'Secrétaire d’État des États-Unis', cite: 'https://www.state.gov/', lang: 'fr' }),
      ],
    }),
  );
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>newsroom-elements rendered on the server</title>
    ${structuredData}
    <script type="module" src="/hydrate.js"></script>
  </head>
  <body>
    <main>
      ${article}
      <p>La boîte est <output id="toggle-state">closed</output>.</p>
    </main>
  </body>
</html>`;
}

const server = createServer((request, response) => {
  if (request.url === '/hydrate.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(hydrateScript);
  } else if (new URL(request.url, 'http://localhost').pathname === '/') {
    // The comment server's API: the test passes its own in ?comments=; a site writes its URL here.
    const commentsEndpoint = new URL(request.url, 'http://localhost').searchParams.get('comments') ?? '/wp-json/wp/v2';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderPage(commentsEndpoint));
  } else {
    response.writeHead(404).end();
  }
});
server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/`);
});
