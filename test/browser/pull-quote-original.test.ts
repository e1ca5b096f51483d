import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/pull-quote/define.js';
import type { PullQuote } from '../../src/components/pull-quote/pull-quote.js';
import { PullQuoteShareEvent } from '../../src/events/pull-quote-share-event.js';
import { quoteCard } from '../../src/components/pull-quote/quote-card.js';
import { expectAccessible, generatedChildren, HOSTILE_STRINGS, notDefinedPage, partText, spokenText, xssTrapped } from './helpers.js';

// Jean-Yves Le Drian in Le Parisien, 17 March 2022: the article prints a translation with a French insertion.
const TRANSLATION = 'indiscriminate bombardments, so-called humanitarian “corridors” and talks with no other objective than to pretend to negotiate.';
const ORIGINAL = 'des bombardements indiscriminés, des couloirs prétendument humanitaires et des pourparlers sans autre objectif que de faire semblant de négocier.';

async function quote(markup: ReturnType<typeof html>, lang = 'en'): Promise<PullQuote> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>${markup}</div>`);
  const element = wrapper.querySelector('pull-quote')!;
  await element.updateComplete;
  return element;
}

const leDrian = (lang = 'en', share = false) =>
  quote(
    html`<pull-quote speaker="Jean-Yves Le Drian" ?share=${share}
      ><p><span lang="fr">[Cette approche prévoit]</span> ${TRANSLATION}</p
      ><blockquote slot="original" lang="fr">[Cette approche prévoit] ${ORIGINAL}</blockquote></pull-quote
    >`,
    lang,
  );

const shadow = (element: PullQuote) => element.shadowRoot!;
const toggle = (element: PullQuote) => shadow(element).querySelector<HTMLButtonElement>('[part="original-toggle"]');
const status = (element: PullQuote) => shadow(element).querySelector('figure [role="status"]')!;
const translation = (element: PullQuote) => element.querySelector(':scope > p')!;
const original = (element: PullQuote) => element.querySelector(':scope > [slot="original"]')!;
const openingMark = (element: Element) => JSON.parse(getComputedStyle(element, '::before').content) as string;

async function press(element: PullQuote): Promise<void> {
  toggle(element)!.click();
  await element.updateComplete;
}

describe('pull-quote: original and translation (#21)', () => {
  it('shows the translation and a button naming the original’s language; pressing it swaps the two in place and says so', async () => {
    const element = await leDrian();
    const button = toggle(element)!;
    expect(button.localName).to.equal('button');
    expect(button.textContent).to.equal('Show original (French)');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(translation(element).checkVisibility()).to.equal(true);
    expect(original(element).checkVisibility()).to.equal(false);
    const top = shadow(element).querySelector('figure')!.getBoundingClientRect().top;

    await press(element);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(translation(element).checkVisibility()).to.equal(false);
    expect(original(element).checkVisibility()).to.equal(true);
    expect(status(element).textContent).to.equal('Showing the original, in French');
    // In place: the quote starts where it did, and the original keeps its language and its language's marks.
    expect(shadow(element).querySelector('figure')!.getBoundingClientRect().top).to.equal(top);
    const shownOriginal = shadow(element).querySelector('[part="original"]')!;
    expect(shownOriginal.getAttribute('lang')).to.equal('fr');
    expect(openingMark(shownOriginal)).to.equal('«\u202f');
    await expectAccessible(element);
    // Assistive technology gets the original once, and not the translation it replaced.
    const spoken = spokenText(element);
    expect(spoken.split(ORIGINAL).length, spoken).to.equal(2);
    expect(spoken).not.to.contain(TRANSLATION);

    await press(element);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(translation(element).checkVisibility()).to.equal(true);
    expect(original(element).checkVisibility()).to.equal(false);
    expect(status(element).textContent).to.equal('Showing the translation');
    await expectAccessible(element);
  });

  it('keeps the quote in place when the original holds paragraphs with their own margins', async () => {
    const element = await quote(
      html`<pull-quote speaker="Jean-Yves Le Drian"><p>${TRANSLATION}</p
        ><blockquote slot="original" lang="fr"><p>${ORIGINAL}</p></blockquote></pull-quote
      >`,
    );
    const figure = shadow(element).querySelector('figure')!;
    const top = figure.getBoundingClientRect().top;
    await press(element);
    expect(original(element).checkVisibility()).to.equal(true);
    expect(figure.getBoundingClientRect().top).to.equal(top);
  });

  it('is operated with the keyboard, focus staying on the button', async () => {
    const element = await leDrian();
    toggle(element)!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(toggle(element)!.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: ' ' });
    await element.updateComplete;
    expect(toggle(element)!.getAttribute('aria-pressed')).to.equal('false');
    expect(shadow(element).activeElement).to.equal(toggle(element));
    expect(getComputedStyle(toggle(element)!).outlineStyle).to.equal('solid');
  });

  it('names the language in the reader’s language: French and Ukrainian pages', async () => {
    const french = await quote(
      html`<pull-quote speaker="Antony Blinken"><p>Les actes que nous voyons…</p
        ><blockquote slot="original" lang="en-US"><p>The actions that we see…</p></blockquote></pull-quote
      >`,
      'fr',
    );
    expect(toggle(french)!.textContent).to.equal('Afficher l’original (anglais américain)');
    const ukrainian = await leDrian('uk');
    expect(toggle(ukrainian)!.textContent).to.equal('Показати оригінал (французькою)');
    await press(ukrainian);
    expect(status(ukrainian).textContent).to.equal('Показано оригінал, французькою');
  });

  it('writes an original given as attributes into the light DOM after the quotation, before the attribution', async () => {
    const element = await quote(
      html`<pull-quote speaker="Jean-Yves Le Drian" original=${ORIGINAL} original-lang="fr"><p>${TRANSLATION}</p></pull-quote>`,
    );
    const children = Array.from(element.children);
    const generatedOriginal = element.querySelector(':scope > blockquote[slot="original"][data-generated]')!;
    expect(generatedOriginal.getAttribute('lang')).to.equal('fr');
    expect(generatedOriginal.textContent).to.equal(ORIGINAL);
    expect(children.indexOf(generatedOriginal)).to.be.greaterThan(children.indexOf(translation(element)));
    expect(generatedChildren(element)).to.deep.equal({ original: ORIGINAL, 'original-label': 'Original in French', attribution: '— Jean-Yves Le Drian' });
    const [label, attribution] = ['original-label', 'attribution'].map((slot) => children.indexOf(element.querySelector(`[slot="${slot}"]`)!));
    expect(children.indexOf(generatedOriginal)).to.be.lessThan(label);
    expect(label).to.be.lessThan(attribution);
    expect(toggle(element)!.textContent).to.equal('Show original (French)');
    await press(element);
    expect(generatedOriginal.checkVisibility()).to.equal(true);
    expect(translation(element).checkVisibility()).to.equal(false);
  });

  it('shows no button and no second text for an original in the quotation’s own language, or without one', async () => {
    const same = await quote(
      html`<pull-quote lang="fr" speaker="Jean-Yves Le Drian"><p>${ORIGINAL}</p><blockquote slot="original" lang="fr-FR"><p>${ORIGINAL}</p></blockquote></pull-quote>`,
    );
    expect(toggle(same)).to.equal(null);
    expect(original(same).checkVisibility()).to.equal(false);
    const none = await quote(html`<pull-quote speaker="Jean-Yves Le Drian"><p>${TRANSLATION}</p></pull-quote>`);
    expect(toggle(none)).to.equal(null);
    expect(shadow(none).querySelector('[part="original-label"]')).to.equal(null);
  });

  it('prints the translation with the original beneath it, labelled, and no button', async () => {
    const element = await leDrian();
    const rules = element.shadowRoot!.adoptedStyleSheets
      .flatMap((sheet) => Array.from(sheet.cssRules))
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print, (scripting: none)')
      .flatMap((rule) => Array.from(rule.cssRules) as CSSStyleRule[]);
    expect(rules.map((rule) => [rule.selectorText, rule.style.display])).to.deep.equal([
      ['.original', 'flow-root'],
      ['.original-label, .showing-original .translation', 'block'],
      ['.original-toggle', 'none'],
    ]);
    // Chromium emulates print media; Firefox through WebDriver BiDi cannot yet, so it relies on the rules above.
    if (navigator.userAgent.includes('Firefox')) return;
    await press(element);
    await emulateMedia({ media: 'print' });
    try {
      expect(translation(element).checkVisibility()).to.equal(true);
      expect(original(element).checkVisibility()).to.equal(true);
      const label = shadow(element).querySelector<HTMLElement>('[part="original-label"]')!;
      expect(label.checkVisibility()).to.equal(true);
      expect(partText(element, 'original-label')).to.equal('Original in French');
      expect(translation(element).getBoundingClientRect().bottom).to.be.at.most(original(element).getBoundingClientRect().top);
      expect(original(element).getBoundingClientRect().bottom).to.be.at.most(label.getBoundingClientRect().top);
      expect(toggle(element)!.checkVisibility()).to.equal(false);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('copies and shares the text the reader sees, in its language’s marks, with the attribution in the reader’s language', async () => {
    const element = await leDrian('en', true);
    const copied = async () => {
      const shared = new Promise<PullQuoteShareEvent>((resolve) =>
        element.addEventListener('pull-quote-share', (event) => (event.preventDefault(), resolve(event)), { once: true }),
      );
      await new Promise<void>((resolve) => {
        const check = () => {
          const copy = shadow(element).querySelector<HTMLButtonElement>('[part="actions"] > button');
          if (copy) resolve(copy.click());
          else requestAnimationFrame(check);
        };
        check();
      });
      return (await shared).detail.text;
    };
    expect(await copied()).to.equal(`“[Cette approche prévoit] ${TRANSLATION}” — Jean-Yves Le Drian`);
    await press(element);
    expect(await copied()).to.equal(`«\u202f[Cette approche prévoit] ${ORIGINAL}\u202f» — Jean-Yves Le Drian`);
  });

  it('draws the image card of the text the reader sees, in its marks', async () => {
    const element = await leDrian();
    const shared = { text: () => '' };
    expect(quoteCard(element, shared).main).to.equal(`“[Cette approche prévoit] ${TRANSLATION}”`);
    await press(element);
    const card = quoteCard(element, shared);
    expect(card.main).to.equal(`«\u202f[Cette approche prévoit] ${ORIGINAL}\u202f»`);
    expect(card.byline).to.equal('— Jean-Yves Le Drian');
  });

  it('never injects markup from a hostile original or language', async () => {
    for (const hostile of HOSTILE_STRINGS) {
      const element = await quote(html`<pull-quote original=${hostile} original-lang=${hostile}><p>${TRANSLATION}</p></pull-quote>`);
      expect(element.querySelector(':scope > [slot="original"]')!.textContent).to.equal(hostile.trim());
      expect(element.querySelectorAll('img, script, svg').length).to.equal(0);
    }
    expect(xssTrapped()).to.equal(false);
  });
});

describe('pull-quote: an original before the element is defined (#21)', () => {
  it('keeps every box in place when its module arrives after not-defined.css laid the quote out', async () => {
    // A page of its own where the element is not defined yet: measured before and after its module loads.
    const { frame, page, boxes, define } = await notDefinedPage(`
      <pull-quote><p>${TRANSLATION}</p><blockquote slot="original" lang="fr">${ORIGINAL}</blockquote
        ><span slot="speaker">Jean-Yves Le Drian</span></pull-quote>
      <pull-quote speaker="Jean-Yves Le Drian"><p>${TRANSLATION}</p><blockquote slot="original" lang="fr">${ORIGINAL}</blockquote></pull-quote>
      <p id="after">After</p>`);
    const measured = 'pull-quote, pull-quote > p, #after';
    const before = boxes(measured);
    expect(page.querySelector('[slot="original"]')!.checkVisibility({ visibilityProperty: true })).to.equal(false);
    await define('pull-quote');
    for (const element of page.querySelectorAll<PullQuote>('pull-quote')) while (!(await element.updateComplete));
    try {
      expect(page.querySelectorAll('pull-quote')[1].querySelector('[slot="attribution"]')!.textContent).to.contain('Jean-Yves Le Drian');
      for (const element of page.querySelectorAll<PullQuote>('pull-quote')) expect(toggle(element)!.checkVisibility()).to.equal(true);
      expect(boxes(measured)).to.deep.equal(before);
    } finally {
      frame.remove();
    }
  });
});
