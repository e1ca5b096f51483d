import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/pull-quote/define.js';
import '../../src/components/speaker-caption/define.js';
import { PullQuote } from '../../src/components/pull-quote/pull-quote.js';
import { PullQuoteShareEvent } from '../../src/events/pull-quote-share-event.js';
import { registerTranslation } from '../../src/internal/localize.js';
import { afterChange, expectAccessible, expectSpokenOnce, generatedChildren, HOSTILE_STRINGS, lightText, partText, renderedText, shownElements, waitFor, xssTrapped } from './helpers.js';

const BLINKEN =
  'The actions that we see Russia committing every day, virtually every minute of every day, are in complete contradiction to any serious diplomatic effort to end the war.';

async function quote(markup: ReturnType<typeof html>, lang = 'en', dir = 'ltr'): Promise<PullQuote> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir}>${markup}</div>`);
  const element = wrapper.querySelector('pull-quote')!;
  await element.updateComplete;
  // The buttons load with their own module after the first render (their row is reserved meanwhile).
  if (element.share && element.querySelector(':scope > :not([slot])')) await waitFor(() => button(element, 'copy'));
  return element;
}

const blinken = (attributes = html``) =>
  quote(html`<pull-quote share cite="https://www.state.gov/" ${attributes}
    ><p>${BLINKEN}</p><speaker-caption slot="attribution" name="Antony Blinken" job-title="US Secretary of State"></speaker-caption
  ></pull-quote>`);

/** Generated content of an element's pseudo-element, or '' when there is none. */
const generated = (element: Element, pseudo: '::before' | '::after') => {
  const content = getComputedStyle(element, pseudo).content;
  return content === 'none' ? '' : (JSON.parse(content) as string);
};

/** The quotation marks as shown: generated content of the first and last paragraphs, or else of the blockquote. */
function marks(element: PullQuote): string {
  const paragraphs = element.querySelectorAll(':scope > p');
  const [first, last] = paragraphs.length ? [paragraphs[0], paragraphs[paragraphs.length - 1]] : Array(2).fill(element.shadowRoot!.querySelector('blockquote')!);
  const [open, close] = [generated(first, '::before'), generated(last, '::after')];
  return open || close ? `${open}…${close}` : '';
}
const shadow = (element: PullQuote) => element.shadowRoot!;
const button = (element: PullQuote, name: 'copy' | 'share') =>
  shadow(element).querySelectorAll<HTMLButtonElement>('[part="actions"] > button')[name === 'copy' ? 0 : 1];
const pageUrl = () => location.href.split('#')[0];

/** The style rules inside the element's `@media` rules for a media query, as its shadow root applies them. */
const mediaRules = (element: PullQuote, media: string) =>
  element.shadowRoot!.adoptedStyleSheets
    .flatMap((sheet) => Array.from(sheet.cssRules))
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === media)
    .flatMap((rule) => Array.from(rule.cssRules) as CSSStyleRule[]);

/** Replaces a navigator member for one test; the returned function puts the browser's own back. */
function stubNavigator(name: 'clipboard' | 'share', value: unknown): () => void {
  Object.defineProperty(navigator, name, { value, configurable: true });
  return () => {
    delete (navigator as unknown as Record<string, unknown>)[name];
  };
}

/** Opens the fallback share menu (no Web Share API) and waits for its module and rendering. */
async function openMenu(element: PullQuote): Promise<HTMLElement> {
  button(element, 'share').click();
  const menu = await waitFor(() => shadow(element).querySelector<HTMLElement>('#share-menu'));
  await element.updateComplete;
  return menu;
}

/** Clicks "Copy quote" and returns the `pull-quote-share` event's detail, cancelled so the clipboard is untouched. */
function copiedDetail(element: PullQuote): Promise<PullQuoteShareEvent['detail']> {
  return new Promise((resolve) => {
    element.addEventListener(
      'pull-quote-share',
      (event) => {
        event.preventDefault();
        resolve(event.detail);
      },
      { once: true },
    );
    button(element, 'copy').click();
  });
}

const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

describe('pull-quote', () => {
  let restore: Array<() => void> = [];
  afterEach(() => {
    restore.forEach((undo) => undo());
    restore = [];
    localStorage.removeItem('newsroom-elements:mastodon-server');
  });

  it('is registered and is a figure with a blockquote and a caption, never cite around a person', async () => {
    expect(customElements.get('pull-quote')).to.equal(PullQuote);
    const element = await blinken();
    const figure = shadow(element).querySelector('figure')!;
    expect(figure.querySelector('blockquote')!.getAttribute('cite')).to.equal('https://www.state.gov/');
    expect(figure.querySelector('figcaption slot[name="attribution"]')).to.exist;
    expect(shadow(element).querySelectorAll('cite').length).to.equal(0);
    expect(element.querySelectorAll('cite').length).to.equal(0);
    expect(renderedText(element)).to.equal(`${BLINKEN} Antony Blinken, US Secretary of State Copy quote Share quote`);
    expect(marks(element)).to.equal('“…”');
    await expectAccessible(element);
  });

  it('takes its quotation marks from the language of the quote', async () => {
    const cases: Array<[string, string]> = [
      ['en', '“…”'],
      ['fr', '«\u202f…\u202f»'],
      ['uk', '«…»'],
      ['de', '„…“'],
    ];
    for (const [lang, expected] of cases) {
      const element = await quote(html`<pull-quote><p>Text</p></pull-quote>`, lang);
      expect(marks(element), lang).to.equal(expected);
    }
    // The quote's own lang wins over the page's, on the element or on its content.
    const own = await quote(html`<pull-quote lang="fr"><p>Texte</p></pull-quote>`, 'en');
    expect(marks(own)).to.equal('«\u202f…\u202f»');
    const content = await quote(html`<pull-quote><p lang="uk">Текст</p></pull-quote>`, 'en');
    expect(marks(content)).to.equal('«…»');
    registerTranslation({ $code: 'x-test', $quotes: ['<<', '>>'] });
    const registered = await quote(html`<pull-quote><p>Text</p></pull-quote>`, 'x-test');
    expect(marks(registered)).to.equal('<<…>>');
  });

  it('puts the marks against the first and last words, whatever the markup around them', async () => {
    const paragraphs = await quote(html`<pull-quote>
      <p>First paragraph.</p>
      <p>Middle paragraph.</p>
      <p>Last paragraph.</p>
    </pull-quote>`);
    const [first, middle, last] = paragraphs.querySelectorAll('p');
    expect(getComputedStyle(first, '::before').content).to.equal('"“"');
    expect(getComputedStyle(middle, '::before').content).to.equal('none');
    expect(getComputedStyle(middle, '::after').content).to.equal('none');
    expect(getComputedStyle(last, '::after').content).to.equal('"”"');
    const blockquote = shadow(paragraphs).querySelector('blockquote')!;
    expect([generated(blockquote, '::before'), generated(blockquote, '::after')]).to.deep.equal(['', '']);
    // Plain text gets marks of the blockquote, beside the text: its first line stays the blockquote's first line.
    const text = await quote(html`<pull-quote lang="uk"> Зупиніть війну </pull-quote>`);
    expect(marks(text)).to.equal('«…»');
    const words = document.createRange();
    words.selectNodeContents(text);
    const firstLine = words.getClientRects()[0];
    const quoteBox = shadow(text).querySelector('blockquote')!;
    expect(firstLine.top - quoteBox.getBoundingClientRect().top).to.be.below(parseFloat(getComputedStyle(quoteBox).lineHeight) / 2);
    await expectAccessible(paragraphs);
    await expectAccessible(text);
  });

  it('keeps the inline markup and lang of the quotation in the page', async () => {
    const element = await quote(html`<pull-quote speaker="Jean-Yves Le Drian" job-title="Minister of Foreign Affairs of the French Republic"
      source="Le Parisien" date="2022-03-17"><p><span lang="fr">[Cette approche prévoit]</span> indiscriminate bombardments</p></pull-quote>`);
    const insertion = element.querySelector('span[lang="fr"]')!;
    expect(insertion.closest('pull-quote')).to.equal(element);
    expect(insertion.parentElement!.assignedSlot).to.equal(shadow(element).querySelector('blockquote slot:not([name])'));
    expect(marks(element)).to.equal('“…”');
    const caption = shadow(element).querySelector('figcaption')!;
    expect(renderedText(element)).to.equal(
      '[Cette approche prévoit] indiscriminate bombardments — Jean-Yves Le Drian, Minister of Foreign Affairs of the French Republic, Le Parisien, March 17, 2022',
    );
    // The attribution's words are generated into the light DOM and shown in the caption: one cite (the source, never
    // the speaker) and one time, where the reader sees them.
    const [attribution] = element.querySelectorAll(':scope > [data-generated]');
    expect(attribution.assignedSlot!.closest('figcaption')).to.equal(caption);
    expect(shownElements(element, 'cite').map((cite) => cite.textContent!.trim())).to.deep.equal(['Le Parisien']);
    expect(shownElements(element, 'time').map((time) => time.getAttribute('datetime'))).to.deep.equal(['2022-03-17']);
    await expectAccessible(element);
  });

  it('formats the shorthand attribution in French and Ukrainian and links only a safe cite', async () => {
    const fr = await quote(html`<pull-quote speaker="Jean-Yves Le Drian" source="Le Parisien" date="2022-03-17" cite="https://www.leparisien.fr/"
      ><p>Texte</p></pull-quote>`, 'fr');
    expect(renderedText(fr)).to.equal('Texte — Jean-Yves Le Drian, Le Parisien, 17 mars 2022');
    expect(shownElements(fr, 'a').map((link) => link.getAttribute('href'))).to.deep.equal(['https://www.leparisien.fr/']);
    const uk = await quote(html`<pull-quote cite="/source"><p>Текст</p></pull-quote>`, 'uk');
    expect(renderedText(uk)).to.equal('Текст — Джерело');
    for (const cite of ['javascript:window.__xss=true', ' JaVaScRiPt:alert(1)', 'data:text/html,x']) {
      const unsafe = await quote(html`<pull-quote cite=${cite} source="AFP"><p>Text</p></pull-quote>`);
      expect(shownElements(unsafe, 'a').length, cite).to.equal(0);
      expect(unsafe.querySelectorAll('a').length, cite).to.equal(0);
      expect(shadow(unsafe).querySelector('blockquote')!.hasAttribute('cite')).to.equal(false);
      expect(renderedText(unsafe)).to.equal('Text — AFP');
    }
  });

  it('hides an excerpt from assistive technology but reads a real quotation', async () => {
    const real = await blinken();
    expect(shadow(real).querySelector('figure')!.hasAttribute('aria-hidden')).to.equal(false);
    const excerpt = await blinken(html``);
    excerpt.excerpt = true;
    await excerpt.updateComplete;
    expect(shadow(excerpt).querySelector('figure')!.getAttribute('aria-hidden')).to.equal('true');
    // The actions stay reachable and outside the hidden part.
    expect(button(excerpt, 'copy').closest('[aria-hidden]')).to.equal(null);
    await expectAccessible(excerpt);
  });

  it('lays out inline, aside (beside the text when wide, full width when narrow) and feature, mirrored in RTL', async () => {
    await setViewport({ width: 1000, height: 700 });
    const inline = await quote(html`<pull-quote><p>Text</p></pull-quote>`);
    const aside = await quote(html`<pull-quote variant="aside"><p>Text</p></pull-quote>`);
    const feature = await quote(html`<pull-quote variant="feature"><p>Text</p></pull-quote>`);
    const asideRtl = await quote(html`<pull-quote variant="aside"><p>نص</p></pull-quote>`, 'ar', 'rtl');
    const edges = (element: PullQuote) => {
      const box = element.getBoundingClientRect();
      const container = element.parentElement!.getBoundingClientRect();
      return { start: box.left - container.left, end: container.right - box.right, width: box.width / container.width };
    };
    expect(edges(inline).width).to.equal(1);
    expect(edges(aside).end).to.be.closeTo(0, 0.5);
    expect(edges(aside).start).to.be.greaterThan(0);
    expect(edges(aside).width).to.be.closeTo(0.4, 0.01);
    expect(edges(asideRtl).start).to.be.closeTo(0, 0.5);
    expect(edges(asideRtl).end).to.be.greaterThan(0);
    const size = (element: PullQuote) => parseFloat(getComputedStyle(shadow(element).querySelector('blockquote')!).fontSize);
    expect(size(feature)).to.be.greaterThan(size(inline));
    const border = (element: PullQuote) => getComputedStyle(shadow(element).querySelector('figure')!);
    expect(border(inline).borderLeftWidth).to.equal('4px');
    expect(border(asideRtl).borderRightWidth).to.equal('4px');
    for (const element of [inline, aside, feature, asideRtl]) await expectAccessible(element);
    await setViewport({ width: 600, height: 700 });
    expect(edges(aside).width).to.equal(1);
    await setViewport({ width: 800, height: 600 });
  });

  it('sets an RTL quote right to left inside a left-to-right page, and an English one inside an Arabic page left to right', async () => {
    const arabic = await quote(html`<pull-quote speaker="متحدث"><p lang="ar">الحرب يجب أن تتوقف</p></pull-quote>`);
    expect(shadow(arabic).querySelector('blockquote')!.getAttribute('dir')).to.equal('rtl');
    expect(shadow(arabic).querySelector('figure')!.hasAttribute('dir')).to.equal(false);
    expect(marks(arabic)).to.equal('”…“');
    const hebrewElement = await quote(html`<pull-quote lang="he"><p>המלחמה חייבת להיגמר</p></pull-quote>`);
    expect(shadow(hebrewElement).querySelector('figure')!.getAttribute('dir')).to.equal('rtl');
    const english = await quote(html`<pull-quote><p lang="en">Stop the war</p></pull-quote>`, 'ar', 'rtl');
    expect(shadow(english).querySelector('blockquote')!.getAttribute('dir')).to.equal('ltr');
    for (const element of [arabic, hebrewElement, english]) await expectAccessible(element);
  });

  it('copies the quote, its speaker and a link to it, and announces it politely', async () => {
    const written: string[] = [];
    restore.push(stubNavigator('clipboard', { writeText: async (text: string) => void written.push(text) }));
    const element = await blinken();
    const shared = oneEvent(element, 'pull-quote-share');
    button(element, 'copy').click();
    const event = (await shared) as unknown as PullQuoteShareEvent;
    const url = `${pageUrl()}#:~:text=The%20actions%20that%20we,to%20end%20the%20war.`;
    expect(event).to.be.instanceOf(PullQuoteShareEvent);
    expect(event.detail).to.deep.equal({ text: `“${BLINKEN}” — Antony Blinken, US Secretary of State`, url, network: 'copy' });
    await waitFor(() => written.length);
    await element.updateComplete;
    expect(written).to.deep.equal([`“${BLINKEN}” — Antony Blinken, US Secretary of State\n${url}`]);
    const status = shadow(element).querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('Quote copied');
    await expectAccessible(element);
  });

  it('copies in the quote’s marks, escapes the text fragment and reports a refused clipboard', async () => {
    restore.push(stubNavigator('clipboard', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }));
    const element = await quote(html`<pull-quote share speaker="Jean-Yves Le Drian"><p>Cessez-le-feu, maintenant & ici</p></pull-quote>`, 'fr');
    const shared = oneEvent(element, 'pull-quote-share');
    button(element, 'copy').click();
    const { detail } = (await shared) as unknown as PullQuoteShareEvent;
    expect(detail.text).to.equal('«\u202fCessez-le-feu, maintenant & ici\u202f» — Jean-Yves Le Drian');
    expect(detail.url).to.equal(`${pageUrl()}#:~:text=Cessez%2Dle%2Dfeu%2C%20maintenant%20%26%20ici`);
    const status = shadow(element).querySelector('[role="status"]')!;
    await waitFor(() => status.textContent);
    expect(status.textContent).to.equal('Copie impossible\u00a0: sélectionnez la citation et copiez-la vous-même');
  });

  it('lets the page cancel or replace the action', async () => {
    const written: string[] = [];
    restore.push(stubNavigator('clipboard', { writeText: async (text: string) => void written.push(text) }));
    const element = await blinken();
    element.addEventListener('pull-quote-share', (event) => event.preventDefault(), { once: true });
    button(element, 'copy').click();
    await element.updateComplete;
    expect(written).to.deep.equal([]);
    expect(shadow(element).querySelector('[role="status"]')!.textContent).to.equal('');
  });

  it('shares through the Web Share API where the browser has it', async () => {
    const calls: ShareData[] = [];
    restore.push(stubNavigator('share', async (data: ShareData) => void calls.push(data)));
    const element = await blinken();
    expect(button(element, 'share').hasAttribute('aria-expanded')).to.equal(false);
    const shared = oneEvent(element, 'pull-quote-share');
    button(element, 'share').click();
    const { detail } = (await shared) as unknown as PullQuoteShareEvent;
    expect(detail.network).to.equal('native');
    await waitFor(() => calls.length);
    expect(calls).to.deep.equal([{ text: `“${BLINKEN}” — Antony Blinken, US Secretary of State`, url: detail.url }]);
    expect(shadow(element).querySelector('#share-menu')).to.equal(null);
  });

  it('falls back to a menu of share links, each shortened to its network’s limit, with no request before a click', async () => {
    restore.push(stubNavigator('share', undefined));
    const long = `${'word '.repeat(10_000)}end`;
    const element = await quote(html`<pull-quote share speaker="Antony Blinken" job-title="US Secretary of State"><p>${long}</p></pull-quote>`);
    const share = button(element, 'share');
    expect(share.getAttribute('aria-expanded')).to.equal('false');
    const menu = await openMenu(element);
    expect(share.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(element).getElementById(share.getAttribute('aria-controls')!)).to.equal(menu);
    const links = Object.fromEntries(Array.from(menu.querySelectorAll('a'), (link) => [link.id, new URL(link.href)]));
    expect(Object.keys(links)).to.deep.equal(['x', 'bluesky', 'facebook', 'linkedin', 'email']);
    const url = `${pageUrl()}#:~:text=word%20word%20word%20word,word%20word%20word%20end`;
    const xText = links.x.searchParams.get('text')!;
    expect(links.x.origin).to.equal('https://x.com');
    expect(links.x.searchParams.get('url')).to.equal(url);
    expect(xText.length).to.be.at.most(280 - 24);
    expect(xText).to.match(/^“word( word)*…” — Antony Blinken, US Secretary of State$/);
    const bluesky = links.bluesky.searchParams.get('text')!;
    expect(bluesky.length).to.be.at.most(300);
    expect(bluesky.endsWith(`…” — Antony Blinken, US Secretary of State ${url}`)).to.equal(true);
    expect(links.facebook.searchParams.get('u')).to.equal(url);
    expect(links.linkedin.searchParams.get('url')).to.equal(url);
    expect(links.email.protocol).to.equal('mailto:');
    for (const link of menu.querySelectorAll('a')) {
      expect(link.id === 'email' || (link.target === '_blank' && link.relList.contains('noopener')), link.id).to.equal(true);
    }
    const foreign = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).origin !== location.origin);
    expect(foreign.map((entry) => entry.name)).to.deep.equal([]);
    await expectAccessible(element);

    // Picking a network fires the event with that network's text; a cancelled event stops the link.
    let picked: PullQuoteShareEvent | undefined;
    element.addEventListener('pull-quote-share', (event) => {
      picked = event;
      event.preventDefault();
    }, { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    menu.querySelector<HTMLAnchorElement>('#x')!.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
    expect(picked!.detail).to.deep.equal({ text: xText, url, network: 'x' });
  });

  it('works through the share menu with the keyboard and remembers the Mastodon server', async () => {
    restore.push(stubNavigator('share', undefined));
    const opened: Array<[string, string, string]> = [];
    const open = window.open;
    window.open = ((url: string, target: string, features: string) => {
      opened.push([url, target, features]);
      return null;
    }) as typeof window.open;
    restore.push(() => (window.open = open));
    const element = await blinken();
    button(element, 'copy').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(button(element, 'share'));
    await sendKeys({ press: 'Enter' });
    const menu = await waitFor(() => shadow(element).querySelector<HTMLElement>('#share-menu'));
    await element.updateComplete;
    const order: string[] = [];
    for (let step = 0; step < 6; step += 1) {
      await sendKeys({ press: 'Tab' });
      order.push(deepActive()!.id);
    }
    expect(order).to.deep.equal(['x', 'bluesky', 'facebook', 'linkedin', 'email', 'mastodon']);
    await sendKeys({ press: 'Enter' });
    const input = await waitFor(() => shadow(element).querySelector<HTMLInputElement>('#mastodon-server'));
    await waitFor(() => deepActive() === input);
    await expectAccessible(element);

    await sendKeys({ type: 'not a server' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => input.getAttribute('aria-invalid') === 'true');
    expect(menu.querySelector('[role="alert"]')!.textContent).to.equal('Enter a server name such as mastodon.social');
    expect(opened).to.deep.equal([]);
    await expectAccessible(element);

    input.select();
    await sendKeys({ type: 'https://Mastodon.Social/' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => opened.length);
    const [href, target, features] = opened[0];
    const shared = new URL(href);
    expect(`${shared.origin}${shared.pathname}`).to.equal('https://mastodon.social/share');
    expect(shared.searchParams.get('text')).to.equal(
      `“${BLINKEN}” — Antony Blinken, US Secretary of State ${pageUrl()}#:~:text=The%20actions%20that%20we,to%20end%20the%20war.`,
    );
    expect([target, features]).to.deep.equal(['_blank', 'noopener']);
    expect(localStorage.getItem('newsroom-elements:mastodon-server')).to.equal('mastodon.social');
    // Remembered: Mastodon is now a direct link, focused where the form was.
    await waitFor(() => deepActive()?.id === 'mastodon');
    expect((deepActive() as HTMLAnchorElement).href.startsWith('https://mastodon.social/share?text=')).to.equal(true);

    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(shadow(element).querySelector('#share-menu')).to.equal(null);
    expect(button(element, 'share').getAttribute('aria-expanded')).to.equal('false');
    expect(deepActive()).to.equal(button(element, 'share'));
  });

  it('shows the share menu in the element’s language', async () => {
    restore.push(stubNavigator('share', undefined));
    const element = await quote(html`<pull-quote share speaker="Олексій Резников"><p>Текст</p></pull-quote>`, 'uk');
    const menu = await openMenu(element);
    expect(menu.querySelector('#share-on')!.textContent).to.equal('Поділитися в');
    expect(menu.querySelector('#email')!.textContent).to.equal('Ел. пошта');
    await expectAccessible(element);
  });

  it('reserves the row of the buttons before they load, so that nothing moves when they arrive', async () => {
    for (const lang of ['en', 'fr', 'uk']) {
      const element = await quote(html`<pull-quote share speaker="Antony Blinken"><p>${BLINKEN}</p></pull-quote>`, lang);
      const row = shadow(element).querySelector<HTMLElement>('[part="actions"]')!;
      const reserved = parseFloat(getComputedStyle(row).minHeight);
      expect(reserved, lang).to.be.closeTo(row.getBoundingClientRect().height, 0.5);
      expect(reserved, lang).to.be.closeTo(button(element, 'copy').getBoundingClientRect().height, 0.5);
    }
  });

  it('prints the quote and attribution but not the actions', async () => {
    const element = await blinken();
    const printRules = mediaRules(element, 'print');
    expect(printRules.map((rule) => [rule.selectorText, rule.style.display])).to.deep.equal([['.actions', 'none']]);
    // Where the browser can emulate print media, check the result too: Chromium can; Firefox through WebDriver BiDi
    // cannot yet (the command fails there), so it relies on the rule above.
    const emulated = !navigator.userAgent.includes('Firefox') && (await emulateMedia({ media: 'print' }).then(() => true));
    try {
      if (emulated) {
        expect(getComputedStyle(shadow(element).querySelector('[part="actions"]')!).display).to.equal('none');
        expect(getComputedStyle(shadow(element).querySelector('figure')!).display).to.equal('block');
      }
    } finally {
      if (emulated) await emulateMedia({ media: 'screen' });
    }
  });

  it('keeps its rule and buttons visible in forced colours', async () => {
    restore.push(stubNavigator('share', undefined));
    const element = await blinken();
    await openMenu(element);
    const emulated = await executeServerCommand<boolean, { active: boolean }>('emulate-forced-colors', { active: true });
    try {
      expect(emulated, 'forced-colours emulation').to.equal(/Chrome\//.test(navigator.userAgent));
      if (emulated) {
        // The system colours as this page resolves them (a probe element, since they differ per system theme).
        const system = (keyword: string) => {
          const probe = document.body.appendChild(Object.assign(document.createElement('span'), { style: `color: ${keyword}` }));
          const color = getComputedStyle(probe).color;
          probe.remove();
          return color;
        };
        const rule = getComputedStyle(shadow(element).querySelector('figure')!);
        expect(rule.borderLeftWidth).to.equal('4px');
        expect(rule.borderLeftColor).to.equal(system('CanvasText'));
        expect(getComputedStyle(button(element, 'copy')).borderColor).to.equal(system('ButtonText'));
        await expectAccessible(element);
      } else {
        // Firefox under WebDriver BiDi cannot emulate forced colours: check the rule that applies there instead.
        const buttonRule = mediaRules(element, '(forced-colors: active)').find((rule) => rule.selectorText === 'button');
        expect([buttonRule?.style.color, buttonRule?.style.borderColor].map((color) => color?.toLowerCase())).to.deep.equal([
          'buttontext',
          'buttontext',
        ]);
      }
    } finally {
      if (emulated) await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('renders sensibly with an empty quote, no speaker, or a quote of 10,000 words', async () => {
    const empty = await quote(html`<pull-quote share> </pull-quote>`);
    expect(marks(empty)).to.equal('');
    expect(shadow(empty).querySelectorAll('[part="actions"]').length).to.equal(0);
    expect(shadow(empty).querySelector('figcaption')!.hasAttribute('hidden')).to.equal(true);
    await expectAccessible(empty);
    const anonymous = await quote(html`<pull-quote><p>Stop the war</p></pull-quote>`);
    expect(renderedText(anonymous)).to.equal('Stop the war');
    expect(marks(anonymous)).to.equal('“…”');
    expect(shadow(anonymous).querySelector('figcaption')!.hasAttribute('hidden')).to.equal(true);
    await expectAccessible(anonymous);
    const long = await quote(html`<pull-quote share speaker="Speaker"><p>${'word '.repeat(10_000)}</p></pull-quote>`);
    expect(long.getBoundingClientRect().width).to.be.at.most(document.documentElement.clientWidth);
    // Copied in full; shortened only for a network's limit (see the share menu test).
    expect((await copiedDetail(long)).text).to.equal(`“${'word '.repeat(10_000).trim()}” — Speaker`);
  });

  it('treats unset and null text properties as not given', async () => {
    const element = await quote(html`<pull-quote .speaker=${null} .jobTitle=${undefined} .source=${null} .date=${null} .cite=${null}
      ><p>Stop the war</p></pull-quote>`);
    expect(renderedText(element)).to.equal('Stop the war');
    expect(shadow(element).querySelector('figcaption')!.hasAttribute('hidden')).to.equal(true);
    element.jobTitle = 'US Secretary of State';
    await element.updateComplete;
    expect(renderedText(element)).to.equal('Stop the war — US Secretary of State');
    const shared = await quote(html`<pull-quote share .speaker=${null} .jobTitle=${undefined}><p>Stop the war</p></pull-quote>`);
    expect((await copiedDetail(shared)).text).to.equal('“Stop the war”');
  });

  it('keeps marks from a page’s translation inside their CSS strings', async () => {
    registerTranslation({ $code: 'x-marks', $quotes: ['"\\', '"; color: red; --x: "'] });
    const element = await quote(html`<pull-quote><p>Text</p></pull-quote>`, 'x-marks');
    expect(marks(element)).to.equal('"\\…"; color: red; --x: "');
    const blockquote = shadow(element).querySelector('blockquote')!;
    // Had a mark left its string, the declarations after it would apply.
    expect(getComputedStyle(blockquote).color).to.not.equal('rgb(255, 0, 0)');
    expect(blockquote.style.getPropertyValue('--x')).to.equal('');
  });

  it('follows content added later', async () => {
    const element = await quote(html`<pull-quote></pull-quote>`);
    const paragraph = Object.assign(document.createElement('p'), { textContent: 'Later', lang: 'fr' });
    element.append(paragraph);
    await oneEvent(shadow(element).querySelector('slot:not([name])')!, 'slotchange');
    await element.updateComplete;
    expect(marks(element)).to.equal('«\u202f…\u202f»');
    // Paragraphs put in place of plain text fill the same slot: the marks move into them all the same.
    const text = await quote(html`<pull-quote> Plain words </pull-quote>`);
    expect(shadow(text).querySelector('blockquote')!.classList.contains('marks')).to.equal(true);
    text.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Now a paragraph' }));
    await waitFor(() => !shadow(text).querySelector('blockquote')!.classList.contains('marks'));
    expect(marks(text)).to.equal('“…”');
  });

  it('never injects markup or runs script from hostile attributes or slots', async () => {
    restore.push(stubNavigator('share', undefined));
    for (const hostile of HOSTILE_STRINGS) {
      const element = await quote(html`<pull-quote share .cite=${hostile} .speaker=${hostile} .jobTitle=${hostile} .source=${hostile}
        .date=${hostile} .variant=${hostile as 'inline'}><p>${hostile}</p><span slot="source">${hostile}</span></pull-quote>`);
      const root = shadow(element);
      expect(root.querySelectorAll('img, script, svg, iframe').length).to.equal(0);
      for (const link of root.querySelectorAll('a')) expect(['http:', 'https:']).to.include(link.protocol);
      expect((await copiedDetail(element)).text).to.contain(hostile.trim().replace(/\s+/g, ' '));
      const menu = await openMenu(element);
      expect(menu.querySelectorAll('img, script, svg, iframe').length).to.equal(0);
      for (const link of menu.querySelectorAll('a')) expect(['https:', 'mailto:']).to.include(link.protocol);
      // The same attributes with no part slotted: their words are generated into the light DOM, as text only.
      const generated = await quote(html`<pull-quote share .cite=${hostile} .speaker=${hostile} .jobTitle=${hostile} .source=${hostile}
        .date=${hostile}><p>${hostile}</p></pull-quote>`);
      expect(generated.querySelectorAll('img, script, svg, iframe').length).to.equal(0);
      expect(shadow(generated).querySelectorAll('img, script, svg, iframe').length).to.equal(0);
      for (const link of shownElements(generated, 'a') as HTMLAnchorElement[]) expect(['http:', 'https:']).to.include(link.protocol);
      expect(generatedChildren(generated).attribution).to.contain(hostile.trim().replace(/\s+/g, ' '));
      expect((await copiedDetail(generated)).text).to.contain(hostile.trim().replace(/\s+/g, ' '));
    }
    localStorage.setItem('newsroom-elements:mastodon-server', 'javascript:alert(1)//x.y');
    const element = await blinken();
    const menu = await openMenu(element);
    expect(menu.querySelector('#mastodon')!.tagName).to.equal('BUTTON');
    expect(xssTrapped()).to.equal(false);
  });
});

describe('pull-quote: every word in the light DOM (#16)', () => {
  const leDrian = () =>
    quote(html`<pull-quote speaker="Jean-Yves Le Drian" job-title="Minister of Foreign Affairs" source="Ouest-France" date="2022-03-17"
      cite="https://www.ouest-france.fr/"><p>Stop indiscriminate bombardments now</p></pull-quote>`);
  const QUOTATION = 'Stop indiscriminate bombardments now';
  const ATTRIBUTION = '— Jean-Yves Le Drian, Minister of Foreign Affairs, Ouest-France, March 17, 2022';
  const generatedOf = (element: PullQuote) => Array.from(element.querySelectorAll(':scope > [data-generated]'));

  it('writes the attribution given as attributes after the quotation, shown in the caption', async () => {
    const element = await leDrian();
    expect(generatedChildren(element)).to.deep.equal({ attribution: ATTRIBUTION });
    // In reading order: the page's quotation, then the generated attribution.
    expect(Array.from(element.children, (child) => child.localName)).to.deep.equal(['p', 'span']);
    const attribution = element.lastElementChild!;
    expect(attribution.assignedSlot!.closest('figcaption')).to.equal(shadow(element).querySelector('[part="attribution"]'));
    expect(partText(element, 'attribution')).to.equal(ATTRIBUTION);
    expect(attribution.getBoundingClientRect().width).to.be.greaterThan(0);
    // The markup of the shadow tree's own rendering: the name in bold, the source a cite and a safe link, the date a time.
    expect(attribution.querySelector('b')!.textContent).to.equal('Jean-Yves Le Drian');
    expect(getComputedStyle(attribution.querySelector('b')!).fontWeight).to.equal('700');
    expect(attribution.querySelector('cite > a[href="https://www.ouest-france.fr/"]')!.textContent).to.equal('Ouest-France');
    expect(attribution.querySelector('time')!.getAttribute('datetime')).to.equal('2022-03-17');
    // The light DOM alone holds every word the reader sees, in the same order.
    expect(renderedText(element)).to.equal(`${QUOTATION} ${ATTRIBUTION}`);
    expect(lightText(element)).to.equal(renderedText(element));
    expectSpokenOnce(element);
    await expectAccessible(element);
  });

  it('leaves the attribution to the page while it slots any part of it, and generates it again when that leaves', async () => {
    const element = await leDrian();
    const cases: Array<[string, string]> = [
      ['attribution', 'Page words'],
      ['speaker', '— Page words, Minister of Foreign Affairs, Ouest-France, March 17, 2022'],
      ['job-title', '— Jean-Yves Le Drian, Page words, Ouest-France, March 17, 2022'],
      ['source', '— Jean-Yves Le Drian, Minister of Foreign Affairs, Page words, March 17, 2022'],
      ['date', '— Jean-Yves Le Drian, Minister of Foreign Affairs, Ouest-France, Page words'],
    ];
    for (const [slot, shown] of cases) {
      const part = Object.assign(document.createElement('span'), { slot, textContent: 'Page words' });
      element.append(part);
      await afterChange(element);
      expect(generatedOf(element).length, slot).to.equal(0);
      expect(renderedText(element), slot).to.equal(`${QUOTATION} ${shown}`);
      expectSpokenOnce(element, slot);
      await expectAccessible(element);
      part.remove();
      await afterChange(element);
      expect(generatedChildren(element), slot).to.deep.equal({ attribution: ATTRIBUTION });
      expect(generatedOf(element).length, slot).to.equal(1);
      expect(lightText(element), slot).to.equal(renderedText(element));
    }
  });

  it('rewords the generated attribution when an attribute or the nearest language changes', async () => {
    const element = await leDrian();
    element.speaker = 'Catherine Colonna';
    element.removeAttribute('job-title');
    await element.updateComplete;
    expect(generatedChildren(element)).to.deep.equal({ attribution: '— Catherine Colonna, Ouest-France, March 17, 2022' });
    const day = (lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2022, 2, 17));
    element.parentElement!.lang = 'ar';
    await afterChange(element);
    expect(generatedChildren(element)).to.deep.equal({ attribution: `— Catherine Colonna، Ouest-France، ${day('ar')}` });
    expect(lightText(element)).to.equal(renderedText(element));
    element.parentElement!.lang = 'fr';
    await afterChange(element);
    expect(generatedChildren(element)).to.deep.equal({ attribution: '— Catherine Colonna, Ouest-France, 17 mars 2022' });
    expect(generatedOf(element).length).to.equal(1);
    for (const name of ['speaker', 'source', 'date', 'cite']) element.removeAttribute(name);
    await element.updateComplete;
    expect(generatedOf(element).length).to.equal(0);
    expect(shadow(element).querySelector('figcaption')!.hasAttribute('hidden')).to.equal(true);
    expect(lightText(element)).to.equal(QUOTATION);
  });

  it('keeps the attribution after the quotation when the page adds to the quotation later', async () => {
    const element = await leDrian();
    element.append(' ', Object.assign(document.createElement('p'), { textContent: 'Ceasefire today' }));
    await afterChange(element);
    expect(renderedText(element)).to.equal(`${QUOTATION} Ceasefire today ${ATTRIBUTION}`);
    expect(lightText(element)).to.equal(renderedText(element));
    // A page that replaces its children (innerHTML, replaceChildren) also takes away the generated ones: they come back.
    element.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Only this' }));
    await afterChange(element);
    expect(generatedChildren(element)).to.deep.equal({ attribution: ATTRIBUTION });
    expect(lightText(element)).to.equal(`Only this ${ATTRIBUTION}`);
    expect(lightText(element)).to.equal(renderedText(element));
  });

  it('keeps its generated words out of the page’s styles (the generated child itself; what is inside it is not shielded)', async () => {
    const element = await quote(html`<pull-quote job-title="US Secretary of State"><p>Stop the war</p></pull-quote>`);
    const [attribution] = generatedOf(element);
    const boxes = () => [element, attribution].map((node) => {
      const { width, height } = node.getBoundingClientRect();
      return `${width}×${height}`;
    });
    const before = boxes();
    const style = document.head.appendChild(document.createElement('style'));
    try {
      style.textContent = `h2 { font-size: 5em; margin: 3em } span { letter-spacing: 1em; font-size: 3em; display: block; margin: 2em;
        padding: 1em; border: 5px solid } [data-generated] { line-height: 9 !important }`;
      expect(boxes()).to.deep.equal(before);
      // ::slotted() reaches only the generated child itself: the elements inside it (b, i, cite, a, time) take the
      // page's rules, as the page's own markup does. Measured: a page's `b, cite, a { letter-spacing: 1em }` widens a
      // generated name and source.
      const detailed = await quote(html`<pull-quote speaker="Antony Blinken" source="State Department" cite="https://www.state.gov/"
        ><p>Stop the war</p></pull-quote>`);
      const [generated] = generatedOf(detailed);
      const width = generated.getBoundingClientRect().width;
      style.textContent = 'b, cite, a { letter-spacing: 1em }';
      expect(getComputedStyle(generated.querySelector('b')!).letterSpacing).to.equal(getComputedStyle(generated.querySelector('b')!).fontSize);
      expect(generated.getBoundingClientRect().width).to.be.greaterThan(width);
    } finally {
      style.remove();
    }
  });

  it('adopts an attribution a server wrote, without a second copy', async () => {
    const element = await quote(html`<pull-quote speaker="Antony Blinken" job-title="US Secretary of State"
      ><p>Stop the war</p> <span slot="attribution" data-generated>— <b>Antony Blinken</b>, US Secretary of State</span></pull-quote>`);
    expect(generatedOf(element).length).to.equal(1);
    expect(generatedChildren(element)).to.deep.equal({ attribution: '— Antony Blinken, US Secretary of State' });
    expect(renderedText(element)).to.equal('Stop the war — Antony Blinken, US Secretary of State');
    expect(lightText(element)).to.equal(renderedText(element));
    element.jobTitle = 'Secretary';
    await element.updateComplete;
    expect(generatedOf(element).length).to.equal(1);
    expect(generatedChildren(element)).to.deep.equal({ attribution: '— Antony Blinken, Secretary' });
    // What the server wrote from older attributes gives way to the current ones.
    const stale = await quote(html`<pull-quote speaker="Antony Blinken"><p>Stop the war</p> <span slot="attribution" data-generated
      >— <b>Someone else</b></span></pull-quote>`);
    expect(generatedChildren(stale)).to.deep.equal({ attribution: '— Antony Blinken' });
    expect(generatedOf(stale).length).to.equal(1);
    // The server could not see that the page slots a part: its generated attribution gives way to the page's.
    const slotted = await quote(html`<pull-quote speaker="Antony Blinken"><p>Stop the war</p> <span slot="speaker">Blinken</span>
      <span slot="attribution" data-generated>— <b>Antony Blinken</b></span></pull-quote>`);
    expect(generatedOf(slotted).length).to.equal(0);
    expect(renderedText(slotted)).to.equal('Stop the war — Blinken');
    expect(lightText(slotted)).to.equal('Stop the war Blinken');
  });

  it('shares the page’s quotation and the attributes, unchanged by the generated attribution, and passes axe', async () => {
    const element = await quote(html`<pull-quote share speaker="Antony Blinken" job-title="US Secretary of State" source="State Department"
      date="2022-03-17"><p>${BLINKEN}</p></pull-quote>`);
    expect(generatedOf(element).length).to.equal(1);
    expect((await copiedDetail(element)).text).to.equal(`“${BLINKEN}” — Antony Blinken, US Secretary of State`);
    // Only the buttons' labels are the shadow tree's own words: they are controls, not the article's text.
    expect(partText(element, 'base')).to.equal(lightText(element));
    expect(partText(element, 'actions')).to.equal('Copy quote Share quote');
    await expectAccessible(element);
    const slotted = await quote(html`<pull-quote share speaker="ignored"><p>${BLINKEN}</p
      ><speaker-caption slot="attribution" name="Antony Blinken" job-title="US Secretary of State"></speaker-caption></pull-quote>`);
    expect(generatedOf(slotted).length).to.equal(0);
    expect((await copiedDetail(slotted)).text).to.equal(`“${BLINKEN}” — Antony Blinken, US Secretary of State`);
    await expectAccessible(slotted);
  });
});
