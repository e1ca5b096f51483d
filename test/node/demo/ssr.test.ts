import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from 'lit';
import { renderToString } from 'newsroom-elements/ssr';
import { PAGES, renderPage } from '../../../demo/server/page.js';

const fact = html`<stat-callout value="3000000" format="compact" prefix="Over" source="AFP" label="fled"></stat-callout>`;

describe('newsroom-elements/ssr', () => {
  test('renders an element as declarative shadow DOM', () => {
    const out = renderToString(fact);
    assert.match(out, /<stat-callout[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(out, />3M</);
    assert.match(out, />Source: </);
  });

  test('renders in the page language it is given', () => {
    const out = renderToString(fact, { lang: 'uk' });
    assert.match(out, />3\u00a0млн</);
    assert.match(out, />Джерело: </);
  });

  test("an element's own lang attribute wins over the page language", () => {
    const out = renderToString(html`<stat-callout lang="fr" value="7000"></stat-callout>`, { lang: 'uk' });
    assert.match(out, />7\u202f000</);
  });

  test('one page language does not leak into the next render', () => {
    renderToString(fact, { lang: 'fr' });
    assert.match(renderToString(fact), />Source: </);
  });
});

describe('the demo pages', () => {
  for (const { content } of PAGES) {
    test(`the ${content.lang} page declares its language and loads hydrate support before the elements`, () => {
      const page = renderPage(content, ['hydrate-X.js', 'client-Y.js']);
      assert.match(page, new RegExp(`^<!doctype html>\\n<html lang="${content.lang}"`));
      assert.ok(page.indexOf('/assets/hydrate-X.js') < page.indexOf('/assets/client-Y.js'));
      // Every element of the article is rendered on the server, with its shadow root.
      for (const tag of ['pull-quote', 'speaker-caption', 'fact-box', 'stat-callout', 'social-follow', 'comment-section']) {
        assert.match(page, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`), tag);
      }
    });
  }
});
