import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/speaker-caption/define.js';
import { SpeakerCaption } from '../../src/components/speaker-caption/speaker-caption.js';
import { SPOKEN_TEXT } from '../../src/internal/text.js';
import { safeUrl } from '../../src/internal/safe-url.js';
import { afterChange, expectAccessible, expectSpokenOnce, generatedChildren, HOSTILE_STRINGS, lightText, partText, renderedText, shownElements, xssTrapped } from './helpers.js';

async function caption(markup: ReturnType<typeof html>, lang = 'en', dir = 'ltr'): Promise<SpeakerCaption> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir} style="inline-size: 30rem">${markup}</div>`);
  const element = wrapper.querySelector('speaker-caption')!;
  await element.updateComplete;
  return element;
}

// The project's own drawn silhouette, served by the test server: no test needs the network or another package's files.
const PORTRAIT = new URL('./fixtures/portrait.svg', import.meta.url).pathname;

const speakerOf = (element: SpeakerCaption) => element.shadowRoot!.querySelector('[part="speaker"]')!;

/** The element whose own text holds `text`, in the light DOM (where the generated words are) or the shadow tree. */
function holderOf(element: SpeakerCaption, text: string): Element {
  for (const root of [element, element.shadowRoot!]) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue!.includes(text)) return node.parentElement!;
  }
  throw new Error(`no text ${text}`);
}

describe('speaker-caption', () => {
  it('is registered and exported under its tag', () => {
    expect(customElements.get('speaker-caption')).to.equal(SpeakerCaption);
  });

  it('reads the name and job title as one phrase with the separator of its language', async () => {
    const en = await caption(html`<speaker-caption name="Antony Blinken" job-title="US Secretary of State"></speaker-caption>`);
    // One unit for assistive technology (role="text"), around the slot that shows the generated phrase.
    const unit = speakerOf(en).querySelector('[role="text"]')!;
    expect(unit.querySelector('slot')!.assignedElements()).to.deep.equal([en.querySelector(':scope > [data-generated][slot="speaker"]')]);
    expect(partText(en, 'speaker')).to.equal('Antony Blinken, US Secretary of State');
    expect(en[SPOKEN_TEXT]).to.equal('Antony Blinken, US Secretary of State');
    const ar = await caption(html`<speaker-caption name="أنتوني بلينكن" job-title="وزير الخارجية الأمريكي"></speaker-caption>`, 'ar', 'rtl');
    expect(ar[SPOKEN_TEXT]).to.equal('أنتوني بلينكن، وزير الخارجية الأمريكي');
    const nameOnly = await caption(html`<speaker-caption name="Dominique Arel"></speaker-caption>`);
    expect(renderedText(nameOnly)).to.equal('Dominique Arel');
    await expectAccessible(en);
    await expectAccessible(ar);
  });

  it('lets slots win over attributes and follows slotted content added later', async () => {
    const element = await caption(html`<speaker-caption name="ignored" job-title="ignored too">
      <span slot="name">Oleksii Reznikov</span><span slot="job-title">Minister of Defence of Ukraine</span>
    </speaker-caption>`);
    expect(renderedText(element)).to.equal('Oleksii Reznikov, Minister of Defence of Ukraine');
    expect(element[SPOKEN_TEXT]).to.equal('Oleksii Reznikov, Minister of Defence of Ukraine');
    const credit = Object.assign(document.createElement('span'), { slot: 'credit', textContent: 'Photo: Reuters' });
    element.append(credit);
    await waitUntil(() => !element.shadowRoot!.querySelector('[part="credit"]')!.hasAttribute('hidden'), 'the credit shows');
    expect(renderedText(element)).to.equal('Oleksii Reznikov, Minister of Defence of Ukraine Photo: Reuters');
  });

  it('serves as a descriptive photo caption with a credit', async () => {
    const element = await caption(html`<speaker-caption credit="Photo: AFP"
      >Volodymyr Zelensky speaks to German members of parliament by video link.</speaker-caption
    >`);
    expect(speakerOf(element).hasAttribute('hidden')).to.equal(true);
    expect(renderedText(element)).to.equal('Volodymyr Zelensky speaks to German members of parliament by video link. Photo: AFP');
    await expectAccessible(element);
  });

  it('shows a lazy portrait in a reserved box, square or circle', async () => {
    const element = await caption(html`<speaker-caption name="Antony Blinken" src=${PORTRAIT} alt=""></speaker-caption>`);
    const image = element.shadowRoot!.querySelector('img')!;
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect(image.getAttribute('decoding')).to.equal('async');
    expect(image.getAttribute('width')).to.equal('64');
    expect(image.getAttribute('height')).to.equal('64');
    // The box has its size before the image arrives (3.5rem at a 16px root font size).
    expect(image.getBoundingClientRect().width).to.equal(56);
    expect(image.getBoundingClientRect().height).to.equal(56);
    expect(getComputedStyle(image).borderRadius).to.equal('50%');
    element.shape = 'square';
    await element.updateComplete;
    expect(getComputedStyle(image).borderRadius).to.equal('4px');
    await expectAccessible(element);
  });

  it('keeps the reserved box when the portrait fails to load', async () => {
    const element = await caption(html`<speaker-caption name="Antony Blinken" src="/no-such-portrait.jpg" alt="Antony Blinken"></speaker-caption>`);
    const image = element.shadowRoot!.querySelector('img')!;
    if (!image.complete || image.naturalWidth === 0) {
      await oneEvent(image, 'error');
    }
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    const placeholder = element.shadowRoot!.querySelector('[part="portrait"]')!;
    expect(placeholder.getBoundingClientRect().width).to.equal(56);
    expect(renderedText(element)).to.equal('Antony Blinken');
    await expectAccessible(element);
  });

  it('links the phrase to a safe profile URL only', async () => {
    const linked = await caption(html`<speaker-caption name="Antony Blinken" job-title="US Secretary of State" href="https://www.state.gov/"></speaker-caption>`);
    // One link around the whole phrase, in the generated speaker (the light DOM), shown in the speaker part.
    const [link, ...others] = shownElements(linked, 'a');
    expect(others.length).to.equal(0);
    expect(link.getAttribute('href')).to.equal('https://www.state.gov/');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Antony Blinken, US Secretary of State');
    expect(link.parentElement!.assignedSlot!.closest('[part="speaker"]')).to.equal(speakerOf(linked));
    await expectAccessible(linked);
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x']) {
      const unsafe = await caption(html`<speaker-caption name="Antony Blinken" href=${href}></speaker-caption>`);
      expect(shownElements(unsafe, 'a').length, href).to.equal(0);
      expect(unsafe.querySelectorAll('a').length, href).to.equal(0);
      expect(renderedText(unsafe)).to.equal('Antony Blinken');
    }
  });

  it('sets job titles in italics except in scripts that have none', async () => {
    const styleOf = async (lang: string) => {
      const element = await caption(html`<speaker-caption name="N" job-title="Title"></speaker-caption>`, lang);
      return getComputedStyle(holderOf(element, 'Title')).fontStyle;
    };
    expect(await styleOf('en')).to.equal('italic');
    expect(await styleOf('uk')).to.equal('italic');
    for (const lang of ['ar', 'he', 'zh', 'ja']) expect(await styleOf(lang), lang).to.equal('normal');
    const slotted = await caption(html`<speaker-caption><span slot="job-title" lang="ar">وزير الخارجية</span></speaker-caption>`);
    expect(getComputedStyle(slotted.querySelector('span')!).fontStyle).to.equal('normal');
  });

  it('mirrors right to left', async () => {
    const element = await caption(html`<speaker-caption name="بلينكن" src=${PORTRAIT}></speaker-caption>`, 'ar', 'rtl');
    const image = element.shadowRoot!.querySelector('img')!.getBoundingClientRect();
    const text = speakerOf(element).getBoundingClientRect();
    expect(image.left).to.be.greaterThan(text.left);
    await expectAccessible(element);
  });

  it('passes axe in English, French and Ukrainian with every part shown', async () => {
    for (const lang of ['en', 'fr', 'uk']) {
      const element = await caption(
        html`<speaker-caption name="Jean-Yves Le Drian" job-title="Ministre" src=${PORTRAIT} credit="Photo: AFP" href="https://www.diplomatie.gouv.fr/"
          >Le ministre à Paris.</speaker-caption
        >`,
        lang,
      );
      await expectAccessible(element);
    }
  });

  it('treats unset and null text properties as not given', async () => {
    const element = await caption(html`<speaker-caption .name=${null} .jobTitle=${null} .src=${null} .credit=${null} .href=${null}
      >A caption sentence.</speaker-caption>`);
    expect(renderedText(element)).to.equal('A caption sentence.');
    expect(element[SPOKEN_TEXT]).to.equal('');
    expect(element.shadowRoot!.querySelectorAll('img, a').length).to.equal(0);
    element.jobTitle = 'US Secretary of State';
    await element.updateComplete;
    expect(element[SPOKEN_TEXT]).to.equal('US Secretary of State');
    expect(renderedText(element)).to.equal('US Secretary of State A caption sentence.');
  });

  it('never injects markup or runs script from hostile attributes or slots', async () => {
    for (const hostile of HOSTILE_STRINGS) {
      const element = await caption(html`<speaker-caption .name=${hostile} .jobTitle=${hostile} .src=${hostile} .alt=${hostile}
        .credit=${hostile} .href=${hostile} .shape=${hostile as 'circle'}><span slot="credit">${hostile}</span>${hostile}</speaker-caption>`);
      const shadow = element.shadowRoot!;
      expect(shadow.querySelectorAll('script, svg, iframe').length).to.equal(0);
      // The name and job title are generated into the light DOM: as text, in b, i and a safe link only.
      expect(element.querySelectorAll('script, svg, iframe, img').length).to.equal(0);
      expect(Array.from(element.querySelectorAll('[data-generated] *'), (node) => node.localName).sort()).to.deep.equal(
        safeUrl(hostile) ? ['a', 'b', 'i'] : ['b', 'i'],
      );
      for (const link of shownElements(element, 'a') as HTMLAnchorElement[]) expect(['http:', 'https:']).to.include(link.protocol);
      expect(generatedChildren(element).speaker).to.equal(`${hostile.trim()}, ${hostile.trim()}`.replace(/\s+/g, ' '));
      for (const image of shadow.querySelectorAll('img')) expect(['http:', 'https:']).to.include(new URL(image.src).protocol);
      expect(element[SPOKEN_TEXT]).to.equal(`${hostile.trim()}, ${hostile.trim()}`.replace(/\s+/g, ' '));
    }
    const huge = 'word '.repeat(10_000);
    const element = await caption(html`<speaker-caption .name=${huge} .jobTitle=${huge}></speaker-caption>`);
    expect(element.getBoundingClientRect().width).to.be.at.most(480);
    expect(xssTrapped()).to.equal(false);
  });
});

/** A node's text as shown (slots show what is assigned to them, else their fallback). */
function flatText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue!;
  const assigned = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : [];
  return Array.from(assigned.length ? assigned : node.childNodes, flatText).join('');
}

const generatedOf = (element: SpeakerCaption) => Array.from(element.querySelectorAll(':scope > [data-generated]'));

describe('speaker-caption: every word in the light DOM (#16)', () => {
  const SPEAKER = 'Antony Blinken, US Secretary of State';

  it('writes the name and job title before the page’s caption and the credit after it, as shown', async () => {
    const element = await caption(html`<speaker-caption name="Antony Blinken" job-title="US Secretary of State" credit="Photo: Reuters"
      >Speaking in Brussels on Thursday.</speaker-caption>`);
    expect(generatedChildren(element)).to.deep.equal({ speaker: SPEAKER, credit: 'Photo: Reuters' });
    const [speaker, credit] = generatedOf(element);
    expect(speaker.assignedSlot!.closest('[part]')).to.equal(speakerOf(element));
    expect(credit.assignedSlot!.closest('[part]')).to.equal(element.shadowRoot!.querySelector('[part="credit"]'));
    expect([partText(element, 'speaker'), partText(element, 'caption'), partText(element, 'credit')]).to.deep.equal([
      SPEAKER,
      'Speaking in Brussels on Thursday.',
      'Photo: Reuters',
    ]);
    for (const child of [speaker, credit]) expect(child.getBoundingClientRect().width).to.be.greaterThan(0);
    // The name bold and the job title italic, from their own elements.
    expect(speaker.querySelector('b')!.textContent).to.equal('Antony Blinken');
    expect(getComputedStyle(speaker.querySelector('b')!).fontWeight).to.equal('700');
    expect(speaker.querySelector('i')!.textContent).to.equal('US Secretary of State');
    // The light DOM alone holds every word the reader sees, in the same order.
    expect(renderedText(element)).to.equal(`${SPEAKER} Speaking in Brussels on Thursday. Photo: Reuters`);
    expect(lightText(element)).to.equal(renderedText(element));
    expectSpokenOnce(element);
    await expectAccessible(element);
    for (const [markup, text] of [
      [html`<speaker-caption name="Dominique Arel"></speaker-caption>`, 'Dominique Arel'],
      [html`<speaker-caption job-title="Political scientist"></speaker-caption>`, 'Political scientist'],
      [html`<speaker-caption credit="Photo: AFP">A caption.</speaker-caption>`, 'A caption. Photo: AFP'],
    ] as const) {
      const single = await caption(markup);
      expect(renderedText(single)).to.equal(text);
      expect(lightText(single)).to.equal(text);
      expectSpokenOnce(single);
      await expectAccessible(single);
    }
  });

  it('leaves a part the page slots to the page, and generates it again when that leaves', async () => {
    const element = await caption(html`<speaker-caption name="Antony Blinken" job-title="US Secretary of State" credit="Photo: Reuters"
      >Speaking in Brussels.</speaker-caption>`);
    const cases: Array<[string, Record<string, string>, string]> = [
      ['speaker', { credit: 'Photo: Reuters' }, 'Page words'],
      ['name', { credit: 'Photo: Reuters' }, 'Page words, US Secretary of State'],
      ['job-title', { credit: 'Photo: Reuters' }, 'Antony Blinken, Page words'],
      ['credit', { speaker: SPEAKER }, SPEAKER],
    ];
    for (const [slot, generated, speaker] of cases) {
      const part = Object.assign(document.createElement('span'), { slot, textContent: 'Page words' });
      element.append(part);
      await afterChange(element);
      expect(generatedChildren(element), slot).to.deep.equal(generated);
      expect(partText(element, 'speaker'), slot).to.equal(speaker);
      expect(partText(element, 'credit'), slot).to.equal(slot === 'credit' ? 'Page words' : 'Photo: Reuters');
      expectSpokenOnce(element, slot);
      await expectAccessible(element);
      part.remove();
      await afterChange(element);
      expect(generatedChildren(element), slot).to.deep.equal({ speaker: SPEAKER, credit: 'Photo: Reuters' });
      expect(generatedOf(element).length, slot).to.equal(2);
      expect(lightText(element), slot).to.equal(renderedText(element));
    }
    // A profile link goes around the page's slotted name in the shadow tree, as before.
    element.href = 'https://www.state.gov/';
    element.append(Object.assign(document.createElement('span'), { slot: 'name', textContent: 'Tony Blinken' }));
    await afterChange(element);
    expect(shownElements(element, 'a').map((link) => flatText(link).replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Tony Blinken, US Secretary of State',
    ]);
    await expectAccessible(element);
  });

  it('rewords the generated phrase when an attribute or the nearest language changes', async () => {
    const element = await caption(html`<speaker-caption name="Antony Blinken" job-title="US Secretary of State"></speaker-caption>`);
    element.jobTitle = 'Secretary of State';
    element.credit = 'Photo: AFP';
    await element.updateComplete;
    expect(generatedChildren(element)).to.deep.equal({ speaker: 'Antony Blinken, Secretary of State', credit: 'Photo: AFP' });
    // Arabic: its comma, and no italics in a script that has none.
    element.parentElement!.lang = 'ar';
    await afterChange(element);
    expect(generatedChildren(element)).to.deep.equal({ speaker: 'Antony Blinken، Secretary of State', credit: 'Photo: AFP' });
    expect(element.querySelectorAll('[data-generated] i').length).to.equal(0);
    expect(getComputedStyle(holderOf(element, 'Secretary of State')).fontStyle).to.equal('normal');
    element.parentElement!.lang = 'uk';
    await afterChange(element);
    expect(generatedChildren(element)).to.deep.equal({ speaker: 'Antony Blinken, Secretary of State', credit: 'Photo: AFP' });
    expect(getComputedStyle(holderOf(element, 'Secretary of State')).fontStyle).to.equal('italic');
    expect(generatedOf(element).length).to.equal(2);
    element.name = undefined;
    element.jobTitle = undefined;
    element.credit = undefined;
    await element.updateComplete;
    expect(generatedOf(element).length).to.equal(0);
    expect(lightText(element)).to.equal('');
  });

  it('keeps a caption the page adds later between the name and the credit', async () => {
    const element = await caption(html`<speaker-caption name="Antony Blinken" credit="Photo: AFP"></speaker-caption>`);
    element.append('In Brussels.');
    await afterChange(element);
    expect(renderedText(element)).to.equal('Antony Blinken In Brussels. Photo: AFP');
    expect(lightText(element)).to.equal(renderedText(element));
    element.prepend('Speaking ');
    await afterChange(element);
    expect(lightText(element)).to.equal('Antony Blinken Speaking In Brussels. Photo: AFP');
    expect(lightText(element)).to.equal(renderedText(element));
    element.replaceChildren('Only this.');
    await afterChange(element);
    expect(generatedChildren(element)).to.deep.equal({ speaker: 'Antony Blinken', credit: 'Photo: AFP' });
    expect(lightText(element)).to.equal('Antony Blinken Only this. Photo: AFP');
  });

  it('keeps its generated words out of the page’s styles (the generated child itself; what is inside it is not shielded)', async () => {
    const element = await caption(html`<speaker-caption credit="Photo: AFP">A caption.</speaker-caption>`);
    const boxes = () => [element, ...generatedOf(element)].map((node) => {
      const { width, height } = node.getBoundingClientRect();
      return `${width}×${height}`;
    });
    const before = boxes();
    const style = document.head.appendChild(document.createElement('style'));
    try {
      style.textContent = `span { letter-spacing: 1em; font-size: 3em; display: block; margin: 2em; padding: 1em; border: 5px solid }
        [data-generated] { line-height: 9 !important }`;
      expect(boxes()).to.deep.equal(before);
      // ::slotted() reaches only the generated child itself: the b, i and a inside it take the page's rules, as the
      // page's own markup does. Measured: a page's `b, i { letter-spacing: 1em }` widens a generated name and title.
      const named = await caption(html`<speaker-caption name="Antony Blinken" job-title="US Secretary of State"></speaker-caption>`);
      const [speaker] = generatedOf(named);
      const width = speaker.getBoundingClientRect().width;
      style.textContent = 'b, i { letter-spacing: 1em }';
      expect(getComputedStyle(speaker.querySelector('i')!).letterSpacing).to.equal(getComputedStyle(speaker.querySelector('i')!).fontSize);
      expect(speaker.getBoundingClientRect().width).to.be.greaterThan(width);
    } finally {
      style.remove();
    }
  });

  it('adopts what a server wrote, without a second copy', async () => {
    const element = await caption(html`<speaker-caption name="Antony Blinken" job-title="US Secretary of State" credit="Photo: Reuters"
      ><span slot="speaker" data-generated><b>Antony Blinken</b>, <i>US Secretary of State</i></span> Speaking in Brussels.
      <span slot="credit" data-generated>Photo: Reuters</span></speaker-caption>`);
    expect(generatedOf(element).map((child) => child.slot)).to.deep.equal(['speaker', 'credit']);
    expect(generatedChildren(element)).to.deep.equal({ speaker: SPEAKER, credit: 'Photo: Reuters' });
    expect(renderedText(element)).to.equal(`${SPEAKER} Speaking in Brussels. Photo: Reuters`);
    expect(lightText(element)).to.equal(renderedText(element));
    element.credit = 'Photo: AFP';
    await element.updateComplete;
    expect(generatedOf(element).map((child) => child.textContent)).to.deep.equal([SPEAKER, 'Photo: AFP']);
    // The server could not see the page's slotted name: its generated speaker gives way.
    const slotted = await caption(html`<speaker-caption name="Antony Blinken"
      ><span slot="speaker" data-generated><b>Antony Blinken</b></span><span slot="name">Tony Blinken</span></speaker-caption>`);
    expect(generatedOf(slotted).length).to.equal(0);
    expect(renderedText(slotted)).to.equal('Tony Blinken');
  });

  it('puts no empty paragraph or container in the accessibility tree: the parts it does not show are hidden', async () => {
    const cases = {
      'name only': html`<speaker-caption name="Dominique Arel"></speaker-caption>`,
      'caption only': html`<speaker-caption>Zelensky speaks to the Bundestag.</speaker-caption>`,
      'name and credit': html`<speaker-caption name="Dominique Arel" credit="Photo: AFP"></speaker-caption>`,
      'credit and slotted name': html`<speaker-caption credit="Photo: AFP"><span slot="name">Dominique Arel</span></speaker-caption>`,
    };
    for (const [name, markup] of Object.entries(cases)) {
      const element = await caption(markup);
      for (const part of ['speaker', 'caption', 'credit']) {
        const node = element.shadowRoot!.querySelector<HTMLElement>(`[part="${part}"]`)!;
        if (partText(element, part)) continue;
        expect(node.hidden, `${name}: ${part}`).to.equal(true);
        expect(getComputedStyle(node).display, `${name}: ${part}`).to.equal('none');
      }
      // Every element that takes space in the shadow tree holds words (no portrait in these cases). An empty inline
      // span (the job title's place beside a slotted name) has no width: no box, and no node in the accessibility tree.
      const empty = Array.from(element.shadowRoot!.querySelectorAll('*')).filter(
        (node) => Array.from(node.getClientRects()).some(({ width, height }) => width > 0 && height > 0) && !flatText(node).trim(),
      );
      expect(empty.map((node) => node.outerHTML), name).to.deep.equal([]);
      // No empty paragraph: each of the shadow tree's paragraphs is hidden or holds words.
      const emptyParagraphs = Array.from(element.shadowRoot!.querySelectorAll('p')).filter((node) => !node.hidden && !flatText(node).trim());
      expect(emptyParagraphs.map((node) => node.outerHTML), name).to.deep.equal([]);
      expectSpokenOnce(element, name);
      await expectAccessible(element);
    }
  });
});
