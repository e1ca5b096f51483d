import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/speaker-caption/define.js';
import { SpeakerCaption } from '../../src/components/speaker-caption/speaker-caption.js';
import { SPOKEN_TEXT } from '../../src/internal/text.js';
import { expectAccessible, HOSTILE_STRINGS, renderedText, xssTrapped } from './helpers.js';

async function caption(markup: ReturnType<typeof html>, lang = 'en', dir = 'ltr'): Promise<SpeakerCaption> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir} style="inline-size: 30rem">${markup}</div>`);
  const element = wrapper.querySelector('speaker-caption')!;
  await element.updateComplete;
  return element;
}

// The project's own drawn silhouette, served by the test server: no test needs the network or another package's files.
const PORTRAIT = new URL('./fixtures/portrait.svg', import.meta.url).pathname;

const speakerOf = (element: SpeakerCaption) => element.shadowRoot!.querySelector('[part="speaker"]')!;

describe('speaker-caption', () => {
  it('is registered and exported under its tag', () => {
    expect(customElements.get('speaker-caption')).to.equal(SpeakerCaption);
  });

  it('reads the name and job title as one phrase with the separator of its language', async () => {
    const en = await caption(html`<speaker-caption name="Antony Blinken" job-title="US Secretary of State"></speaker-caption>`);
    const unit = speakerOf(en).querySelector('[role="text"]')!;
    expect(unit.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Antony Blinken, US Secretary of State');
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
    const link = speakerOf(linked).querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://www.state.gov/');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Antony Blinken, US Secretary of State');
    await expectAccessible(linked);
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x']) {
      const unsafe = await caption(html`<speaker-caption name="Antony Blinken" href=${href}></speaker-caption>`);
      expect(unsafe.shadowRoot!.querySelectorAll('a').length, href).to.equal(0);
      expect(renderedText(unsafe)).to.equal('Antony Blinken');
    }
  });

  it('sets job titles in italics except in scripts that have none', async () => {
    const styleOf = async (lang: string) => {
      const element = await caption(html`<speaker-caption name="N" job-title="T"></speaker-caption>`, lang);
      return getComputedStyle(element.shadowRoot!.querySelector('.job-title')!).fontStyle;
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
      for (const link of shadow.querySelectorAll('a')) expect(['http:', 'https:']).to.include(link.protocol);
      for (const image of shadow.querySelectorAll('img')) expect(['http:', 'https:']).to.include(new URL(image.src).protocol);
      expect(element[SPOKEN_TEXT]).to.equal(`${hostile.trim()}, ${hostile.trim()}`.replace(/\s+/g, ' '));
    }
    const huge = 'word '.repeat(10_000);
    const element = await caption(html`<speaker-caption .name=${huge} .jobTitle=${huge}></speaker-caption>`);
    expect(element.getBoundingClientRect().width).to.be.at.most(480);
    expect(xssTrapped()).to.equal(false);
  });
});
