import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { safeUrl } from '../../src/internal/safe-url.js';
import { defineElement } from '../../src/internal/define.js';
import { LocalizeController, registerTranslation, resolveLang } from '../../src/internal/localize.js';
import { quoteMarks } from '../../src/internal/typography.js';
import { parseIsoDate } from '../../src/internal/dates.js';

class LocalizedProbe extends LitElement {
  readonly localize = new LocalizeController(this, {
    en: { greeting: 'Hello', count: (n: number) => `${n} items` },
    fr: { greeting: 'Bonjour' },
  });
}
defineElement('localized-probe', LocalizedProbe);

async function probe(lang: string): Promise<LocalizedProbe> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><localized-probe></localized-probe></div>`);
  return wrapper.querySelector<LocalizedProbe>('localized-probe')!;
}

describe('safeUrl', () => {
  it('keeps http(s) URLs, normalised as the browser will follow them', () => {
    expect(safeUrl('https://www.afp.com/')).to.equal('https://www.afp.com/');
    expect(safeUrl('  HTTP://Example.org/a b ')).to.equal('http://example.org/a%20b');
  });

  it('keeps relative URLs as written', () => {
    for (const relative of ['/about', 'page.html', '../up', '?q=1', '#comments', '//cdn.example/x.js']) {
      expect(safeUrl(relative), relative).to.equal(relative);
    }
  });

  it('drops every other scheme, however it is disguised', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'mailto:someone@example.org',
    ];
    for (const url of hostile) expect(safeUrl(url), JSON.stringify(url)).to.equal(undefined);
  });

  it('drops empty and missing values', () => {
    for (const empty of ['', '   ', null, undefined]) expect(safeUrl(empty)).to.equal(undefined);
  });
});

describe('defineElement', () => {
  it('does not throw when a tag is registered twice, and keeps the first class', () => {
    class Other extends HTMLElement {}
    expect(() => defineElement('localized-probe', Other)).not.to.throw();
    expect(customElements.get('localized-probe')).to.equal(LocalizedProbe);
  });
});

describe('localization', () => {
  it('resolves the nearest lang through shadow roots, skipping empty ones, defaulting to English', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="uk"><section lang=""><span></span></section></div>`);
    const root = host.querySelector('span')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<b></b>';
    expect(resolveLang(root.querySelector('b')!)).to.equal('uk');
    const orphan = document.createElement('i');
    expect(resolveLang(orphan)).to.equal('en');
  });

  it('falls back from region to primary language to English, term by term', async () => {
    expect((await probe('fr-CA')).localize.term('greeting')).to.equal('Bonjour');
    expect((await probe('fr')).localize.term('count', 3)).to.equal('3 items');
    expect((await probe('xx')).localize.term('greeting')).to.equal('Hello');
  });

  it('lets a page add a language at run time, merging repeated registrations', async () => {
    const element = await probe('es');
    registerTranslation({ $code: 'es', greeting: 'Hola' });
    registerTranslation({ $code: 'ES', count: (n: number) => `${n} elementos` });
    expect(element.localize.term('greeting')).to.equal('Hola');
    expect(element.localize.term('count', 2)).to.equal('2 elementos');
  });

  it('gives quotation marks by language, with a registered language able to set its own', () => {
    expect(quoteMarks('en')).to.deep.equal(['“', '”']);
    expect(quoteMarks('fr')).to.deep.equal(['«\u202f', '\u202f»']);
    expect(quoteMarks('uk')).to.deep.equal(['«', '»']);
    expect(quoteMarks('de-CH')).to.deep.equal(['„', '“']);
    expect(quoteMarks('uk', true)).to.deep.equal(['„', '“']);
    registerTranslation({ $code: 'eo', $quotes: ['“', '”'] });
    expect(quoteMarks('eo')).to.deep.equal(['“', '”']);
  });

  it('formats with Intl and survives malformed language tags', async () => {
    expect((await probe('uk')).localize.number(7000)).to.equal(new Intl.NumberFormat('uk').format(7000));
    const malformed = await probe('not a language!!');
    expect(malformed.localize.number(7000)).to.equal('7,000');
    expect(malformed.localize.date(new Date(Date.UTC(2022, 2, 15)), { dateStyle: 'long', timeZone: 'UTC' })).to.equal('March 15, 2022');
  });
});

describe('parseIsoDate', () => {
  it('parses ISO dates and date-times only', () => {
    expect(parseIsoDate('2022-03-15')!.toISOString()).to.equal('2022-03-15T00:00:00.000Z');
    expect(parseIsoDate('2022-03-15T09:30:00Z')!.toISOString()).to.equal('2022-03-15T09:30:00.000Z');
    for (const text of ['', 'March 2022', '2022-13-45', '15/03/2022', '<script>', null]) {
      expect(parseIsoDate(text), String(text)).to.equal(undefined);
    }
  });
});
