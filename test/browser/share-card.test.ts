import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/pull-quote/define.js';
import '../../src/components/stat-callout/define.js';
// Loaded up front, as the page would have it after a first card: making one then requests nothing at all.
import '../../src/internal/share-card.js';
import type { PullQuote } from '../../src/components/pull-quote/pull-quote.js';
import type { StatCallout } from '../../src/components/stat-callout/stat-callout.js';
import type { PullQuoteShareEvent } from '../../src/events/pull-quote-share-event.js';
import { expectAccessible, waitFor } from './helpers.js';

/**
 * Image cards compared with the reference PNGs in test/browser/share-cards/<browser>/ (the two engines draw text
 * differently). Each card is drawn in DejaVu Sans (Debian's fonts-dejavu-core, which .ci/run installs), so that it is
 * the same on every machine with that package. To redraw the references after a deliberate change:
 * `UPDATE_CARD_REFERENCES=1 npx web-test-runner --config web-test-runner.config.mjs --files test/browser/share-card.test.ts`
 * and look at every changed PNG before committing it.
 */
const BROWSER = navigator.userAgent.includes('Firefox') ? 'firefox' : 'chromium';
/** At most this share of a card's pixels may differ from its reference by more than `CHANNEL_TOLERANCE` in a channel:
 * one word changed is several times more. */
const PIXEL_THRESHOLD = 0.001;
const CHANNEL_TOLERANCE = 16;
const SITE = 'Newsroom Daily';
const CANONICAL = 'https://news.example/2022/03/17/ukraine-peace-talks-stall';

const BLINKEN =
  'The actions that we see Russia committing every day, virtually every minute of every day, are in complete contradiction to any serious diplomatic effort to end the war.';
const BLINKEN_WORDS = BLINKEN.split(' ');
/** 120 words: the quotation repeated. */
const LONG = Array.from({ length: 120 }, (_, index) => BLINKEN_WORDS[index % BLINKEN_WORDS.length]).join(' ');
const SHORT = 'Russia’s actions contradict any serious effort to end the war.';
const LE_DRIAN_FR =
  'des bombardements indiscriminés, des « couloirs » prétendument humanitaires conçus pour accuser ensuite l’adversaire de ne pas les respecter, et des pourparlers sans autre objectif que de faire semblant de négocier.';
const BLINKEN_UK =
  'Дії, які Росія чинить щодня, практично щохвилини, повністю суперечать будь-яким серйозним дипломатичним зусиллям, спрямованим на завершення війни.';
const BLINKEN_AR = 'إن الأفعال التي نرى روسيا ترتكبها كل يوم، بل كل دقيقة تقريبًا، تتناقض تمامًا مع أي جهد دبلوماسي جاد لإنهاء الحرب.';

type Shape = 'wide' | 'tall';
const SIZES: Record<Shape, [number, number]> = { wide: [1200, 630], tall: [1080, 1350] };

let head: HTMLElement[] = [];
before(() => {
  const meta = Object.assign(document.createElement('meta'), { content: SITE });
  meta.setAttribute('property', 'og:site_name');
  head = [meta, Object.assign(document.createElement('link'), { rel: 'canonical', href: CANONICAL })];
  document.head.append(...head);
});
after(() => head.forEach((node) => node.remove()));

const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((undo) => undo()));

/** Replaces a navigator member for one test. */
function stubNavigator(name: 'share' | 'canShare', value: unknown): void {
  Object.defineProperty(navigator, name, { value, configurable: true });
  restore.push(() => delete (navigator as unknown as Record<string, unknown>)[name]);
}

async function place<T extends HTMLElement>(markup: ReturnType<typeof html>, lang: string, dir = 'ltr'): Promise<T> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir} style="font-family: 'DejaVu Sans'; color-scheme: light">${markup}</div>`);
  return wrapper.firstElementChild as T;
}

const control = <T extends HTMLElement>(element: HTMLElement, selector: string) => element.shadowRoot!.querySelector<T>(selector);

/** Opens the image controls: pull-quote's share menu (no Web Share API), or stat-callout's share panel. */
async function openCardControls(element: PullQuote | StatCallout): Promise<void> {
  stubNavigator('share', undefined);
  const opener = await waitFor(() => control(element, '#share-figure, [value="share"]'));
  opener.click();
  await waitFor(() => control(element, '#download-image'));
  await element.updateComplete;
}

/** Asks for a card with "Download image" and returns the PNG the page was about to download, and its file name. */
async function downloadCard(element: HTMLElement, shape: Shape): Promise<{ png: Blob; name: string; requests: number }> {
  const select = control<HTMLSelectElement>(element, '#card-shape')!;
  select.value = shape;
  select.dispatchEvent(new Event('change'));
  const resources = performance.getEntriesByType('resource').length;
  const link = new Promise<HTMLAnchorElement>((resolve) =>
    element.shadowRoot!.addEventListener(
      'click',
      (event) => {
        const target = event.target as HTMLElement;
        if (target instanceof HTMLAnchorElement && target.download) {
          event.preventDefault();
          resolve(target);
        }
      },
      { capture: true },
    ),
  );
  control<HTMLButtonElement>(element, '#download-image')!.click();
  const anchor = await link;
  const requests = performance.getEntriesByType('resource').length - resources;
  const png = await (await fetch(anchor.href)).blob();
  return { png, name: anchor.download, requests };
}

/** Width and height from a PNG's header (IHDR), after checking its signature. */
async function pngSize(png: Blob): Promise<[number, number]> {
  const bytes = new DataView(await png.arrayBuffer());
  expect([...new Uint8Array(bytes.buffer, 0, 8)]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
  return [bytes.getUint32(16), bytes.getUint32(20)];
}

async function pixels(source: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(source);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** Checks a card: its size, that nothing was requested, that no text runs out of its place, and its looks. */
async function expectCard(card: { png: Blob; requests: number }, shape: Shape, name: string): Promise<void> {
  const [width, height] = SIZES[shape];
  expect(await pngSize(card.png)).to.deep.equal([width, height]);
  expect(card.requests, 'requests while making the card').to.equal(0);
  const drawn = await pixels(card.png);
  // The side margins (below the accent rule) hold only the background: the text wrapped and shrank inside them.
  const margin = shape === 'wide' ? 64 : 80;
  const background = drawn.data.slice((width * 30 + 2) * 4, (width * 30 + 2) * 4 + 4).join();
  for (let y = margin / 4; y < height; y += 1) {
    for (const x of [0, margin - 4, width - margin + 3, width - 1]) {
      const at = (y * width + x) * 4;
      if (drawn.data.slice(at, at + 4).join() !== background) expect.fail(`ink in the margin of ${name} at ${x},${y}`);
    }
  }
  // Nor above or below the middle: the bands between the publication's name and the text, and between the text and
  // the URL, hold only the background.
  const bands = shape === 'wide' ? [[122, 150], [520, 538]] : [[145, 185], [1214, 1238]];
  for (const [from, to] of bands) {
    for (let y = from; y <= to; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const at = (y * width + x) * 4;
        if (drawn.data.slice(at, at + 4).join() !== background) expect.fail(`ink between the parts of ${name} at ${x},${y}`);
      }
    }
  }
  const bytes = new Uint8Array(await card.png.arrayBuffer());
  let png = '';
  for (let index = 0; index < bytes.length; index += 0x8000) png += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  if (await executeServerCommand<boolean, object>('write-card-reference', { browser: BROWSER, name, png: btoa(png) })) return;
  const response = await fetch(new URL(`./share-cards/${BROWSER}/${name}.png`, import.meta.url));
  expect(response.ok, `reference ${BROWSER}/${name}.png (UPDATE_CARD_REFERENCES=1 draws it)`).to.equal(true);
  const reference = await pixels(await response.blob());
  expect([reference.width, reference.height]).to.deep.equal([width, height]);
  let differing = 0;
  for (let index = 0; index < drawn.data.length; index += 4) {
    for (let channel = 0; channel < 4; channel += 1) {
      if (Math.abs(drawn.data[index + channel] - reference.data[index + channel]) > CHANNEL_TOLERANCE) {
        differing += 1;
        break;
      }
    }
  }
  expect(differing / (width * height), `share of pixels differing from ${BROWSER}/${name}.png`).to.be.below(PIXEL_THRESHOLD);
}

const QUOTES = [
  { name: 'quote-short', lang: 'en', dir: 'ltr', quote: SHORT, shapes: ['wide'], attribution: html`speaker="Antony Blinken" job-title="US Secretary of State"` },
  { name: 'quote-long', lang: 'en', dir: 'ltr', quote: LONG, shapes: ['wide', 'tall'] },
  { name: 'quote-fr', lang: 'fr', dir: 'ltr', quote: LE_DRIAN_FR, shapes: ['wide'], insertion: 'Cette approche prévoit' },
  { name: 'quote-uk', lang: 'uk', dir: 'ltr', quote: BLINKEN_UK, shapes: ['wide'] },
  { name: 'quote-ar', lang: 'ar', dir: 'rtl', quote: BLINKEN_AR, shapes: ['wide', 'tall'] },
] as const;

const SPEAKERS: Record<string, [string, string]> = {
  'quote-fr': ['Jean-Yves Le Drian', 'ministre de l’Europe et des Affaires étrangères'],
  'quote-uk': ['Ентоні Блінкен', 'державний секретар США'],
  'quote-ar': ['أنتوني بلينكن', 'وزير الخارجية الأمريكي'],
};

async function pullQuote(name: string, lang: string, dir: string, quote: string, insertion?: string): Promise<PullQuote> {
  const [speaker, jobTitle] = SPEAKERS[name] ?? ['Antony Blinken', 'US Secretary of State'];
  const words = insertion ? html`[<span lang="fr">${insertion}</span>] ${quote}` : quote;
  const element = await place<PullQuote>(html`<pull-quote share speaker=${speaker} job-title=${jobTitle} source=${insertion ? 'Le Parisien' : nothing}><p>${words}</p></pull-quote>`, lang, dir);
  await openCardControls(element);
  return element;
}

describe('image cards of pull quotes', () => {
  for (const { name, lang, dir, quote, shapes, ...rest } of QUOTES) {
    it(`draws ${name} (${shapes.join(', ')}) as its reference, without a request`, async () => {
      const element = await pullQuote(name, lang, dir, quote, 'insertion' in rest ? rest.insertion : undefined);
      for (const shape of shapes) {
        const card = await downloadCard(element, shape);
        expect(card.name).to.equal(`quote-${SIZES[shape].join('x')}.png`);
        await expectCard(card, shape, `${name}-${shape}`);
      }
    });
  }

  it('shares the PNG with its description where the browser can share files, and fires pull-quote-share', async () => {
    const element = await pullQuote('quote-short', 'en', 'ltr', SHORT);
    const shared: ShareData[] = [];
    stubNavigator('canShare', (data: ShareData) => !!data.files?.length);
    stubNavigator('share', async (data: ShareData) => void shared.push(data));
    const events: PullQuoteShareEvent[] = [];
    element.addEventListener('pull-quote-share', (event) => events.push(event));
    control<HTMLButtonElement>(element, '#share-image')!.click();
    await waitFor(() => shared.length);
    const [{ files, text }] = shared;
    expect(text).to.equal(`“${SHORT}” — Antony Blinken, US Secretary of State`);
    expect(files!.map((file) => [file.name, file.type])).to.deep.equal([['quote-1200x630.png', 'image/png']]);
    expect(await pngSize(files![0])).to.deep.equal([1200, 630]);
    // The event's URL is the quote's own, as for every share: the page with a text fragment.
    expect(events.map((event) => [event.detail.network, event.detail.text, event.detail.url.split('#')[1]])).to.deep.equal([
      ['image', text, ':~:text=Russia%E2%80%99s%20actions%20contradict%20any,to%20end%20the%20war.'],
    ]);
  });

  it('opens the menu where the browser can share files, leading to the share sheet and to the image', async () => {
    const shared: ShareData[] = [];
    stubNavigator('share', async (data: ShareData) => void shared.push(data));
    stubNavigator('canShare', (data: ShareData) => !!data.files?.length);
    const element = await place<PullQuote>(html`<pull-quote share speaker="Antony Blinken"><p>${SHORT}</p></pull-quote>`, 'uk');
    const share = await waitFor(() => control<HTMLButtonElement>(element, '[value="share"]'));
    expect(share.getAttribute('aria-expanded')).to.equal('false');
    share.click();
    const other = await waitFor(() => control<HTMLButtonElement>(element, '#native'));
    await element.updateComplete;
    expect([share.getAttribute('aria-expanded'), other.textContent, control(element, '#share-image')!.textContent]).to.deep.equal([
      'true',
      'Інші застосунки…',
      'Поділитися як зображенням',
    ]);
    await expectAccessible(element);
    other.click();
    await waitFor(() => shared.length);
    expect(shared).to.deep.equal([{ text: `«${SHORT}» — Antony Blinken`, url: shared[0].url }]);
    control<HTMLButtonElement>(element, '#share-image')!.click();
    await waitFor(() => shared.length > 1);
    expect([shared[1].files![0].type, shared[1].text]).to.deep.equal(['image/png', `«${SHORT}» — Antony Blinken`]);
  });

  it('downloads where the browser cannot share files, and says so; a cancelled event stops it', async () => {
    const element = await pullQuote('quote-short', 'en', 'ltr', SHORT);
    stubNavigator('canShare', () => false);
    element.addEventListener('pull-quote-share', (event) => event.preventDefault(), { once: true });
    control<HTMLButtonElement>(element, '#share-image')!.click();
    await element.updateComplete;
    expect(control(element, '.card-actions [role="status"]')!.textContent).to.equal('');
    const card = await downloadCard(element, 'tall');
    expect(await pngSize(card.png)).to.deep.equal([1080, 1350]);
    await waitFor(() => control(element, '.card-actions [role="status"]')!.textContent);
    expect(control(element, '.card-actions [role="status"]')!.textContent).to.equal('Image downloaded');
    await expectAccessible(element);
  });

  it('uses the page’s web font once it has loaded', async () => {
    const face = new FontFace('Card Serif', 'local("DejaVu Serif")');
    document.fonts.add(face);
    restore.push(() => document.fonts.delete(face));
    const element = await pullQuote('quote-short', 'en', 'ltr', SHORT);
    element.style.setProperty('--pull-quote-font-family', '"Card Serif"');
    // Not used by anything on the page yet: the card loads it.
    expect(face.status).to.equal('unloaded');
    await expectCard(await downloadCard(element, 'wide'), 'wide', 'quote-web-font-wide');
    expect(face.status).to.equal('loaded');
  });

  it('takes its colours from the element’s custom properties', async () => {
    const element = await pullQuote('quote-short', 'en', 'ltr', SHORT);
    element.style.cssText = '--pull-quote-accent: rgb(0, 90, 60); --ne-color-surface: rgb(10, 20, 30); --ne-color-text: rgb(250, 250, 240)';
    const { data } = await pixels((await downloadCard(element, 'wide')).png);
    const colours = new Set<string>();
    for (let index = 0; index < data.length; index += 4) colours.add(data.slice(index, index + 3).join());
    expect([...data.slice(0, 3)].join(), 'accent rule').to.equal('0,90,60');
    expect([...data.slice(1200 * 100 * 4, 1200 * 100 * 4 + 3)].join(), 'background').to.equal('10,20,30');
    expect(colours.has('250,250,240'), 'text').to.equal(true);
  });

  it('is named, reached and used by keyboard, and accessible in every state', async () => {
    const element = await place<PullQuote>(html`<pull-quote share speaker="Antony Blinken"><p>${SHORT}</p></pull-quote>`, 'fr');
    await openCardControls(element);
    const [shape, share, download] = ['#card-shape', '#share-image', '#download-image'].map((selector) => control<HTMLElement>(element, selector)!);
    expect([shape.closest('label')!.textContent!.trim().split('\n')[0], share.textContent, download.textContent]).to.deep.equal([
      'Format de l’image',
      'Partager en image',
      'Télécharger l’image',
    ]);
    expect([share, download].map((button) => button.localName)).to.deep.equal(['button', 'button']);
    await expectAccessible(element);
    shape.focus();
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(share);
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(download);
    expect(getComputedStyle(download, null).outlineStyle).to.not.equal('none');
    // Dark: the page's colour scheme (emulating the reader's preference needs CDP, which Firefox under BiDi lacks).
    Object.assign(element.parentElement!.style, { colorScheme: 'dark', background: '#121212', color: '#eeeeee' });
    await expectAccessible(element);
  });
});

const FIGURES = [
  { name: 'figure-fled', shapes: ['wide', 'tall'], attributes: { value: '3000000', format: 'compact', prefix: 'Over' }, label: 'Ukrainians have fled the country, the vast majority to Poland', source: 'Agence France-Presse' },
  { name: 'figure-children', shapes: ['wide'], attributes: { value: '108' }, label: 'children killed in Ukraine since the start of the Russian invasion', source: 'Ukrainian Prosecutor General’s Office' },
  { name: 'figure-soldiers', shapes: ['wide'], attributes: { value: '7000' }, label: 'Russian soldiers killed in three weeks of fighting, according to US intelligence estimates', source: 'The New York Times' },
  {
    name: 'figure-housing',
    shapes: ['wide'],
    attributes: { value: '80', format: 'percent' },
    label: 'of Mariupol’s housing destroyed; the city calls the situation “critical”, under “uninterrupted” bombardment',
    source: 'Mariupol City Hall estimates',
  },
] as const;

async function statCallout(figure: (typeof FIGURES)[number]): Promise<StatCallout> {
  const { value, format = 'number', prefix } = figure.attributes as { value: string; format?: string; prefix?: string };
  const element = await place<StatCallout>(
    html`<stat-callout share value=${value} format=${format} prefix=${prefix ?? ''} label=${figure.label} source=${figure.source} date="2022-03-17"></stat-callout>`,
    'en',
  );
  if (!prefix) element.removeAttribute('prefix');
  await element.updateComplete;
  return element;
}

describe('image cards of stat callouts', () => {
  for (const figure of FIGURES) {
    it(`draws ${figure.name} (${figure.shapes.join(', ')}) as its reference, without a request`, async () => {
      const element = await statCallout(figure);
      await openCardControls(element);
      for (const shape of figure.shapes) {
        const card = await downloadCard(element, shape);
        expect(card.name).to.equal(`figure-${SIZES[shape].join('x')}.png`);
        await expectCard(card, shape, `${figure.name}-${shape}`);
      }
    });
  }

  it('describes the figure, its label and its source for Web Share', async () => {
    const element = await statCallout(FIGURES[0]);
    await openCardControls(element);
    const shared: ShareData[] = [];
    stubNavigator('canShare', () => true);
    stubNavigator('share', async (data: ShareData) => void shared.push(data));
    control<HTMLButtonElement>(element, '#share-image')!.click();
    await waitFor(() => shared.length);
    expect(shared[0].text).to.equal('Over 3M Ukrainians have fled the country, the vast majority to Poland — Source: Agence France-Presse, as of March 17, 2022');
  });

  it('loads its share button only with `share`, reserving its row, and opens and closes by keyboard', async () => {
    const plain = await statCallout(FIGURES[1]);
    plain.removeAttribute('share');
    await plain.updateComplete;
    expect(control(plain, '[part="actions"]')).to.equal(null);
    const element = await statCallout(FIGURES[1]);
    const row = control<HTMLElement>(element, '[part="actions"]')!;
    const reserved = row.getBoundingClientRect().height;
    const button = await waitFor(() => control<HTMLButtonElement>(element, '#share-figure'));
    expect(row.getBoundingClientRect().height).to.equal(reserved);
    expect([button.textContent, button.getAttribute('aria-expanded')]).to.deep.equal(['Share figure', 'false']);
    await expectAccessible(element);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => control(element, '#share-panel'));
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal('share-panel');
    await expectAccessible(element);
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(control(element, '#card-shape'));
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(control(element, '#share-panel')).to.equal(null);
    expect(element.shadowRoot!.activeElement).to.equal(button);
  });

  it('keeps its controls in system colours where colours are forced, and out of print', async () => {
    const element = await statCallout(FIGURES[2]);
    await openCardControls(element);
    const rules = (media: string) =>
      element.shadowRoot!.adoptedStyleSheets
        .flatMap((sheet) => Array.from(sheet.cssRules))
        .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === media)
        .flatMap((rule) => Array.from(rule.cssRules) as CSSStyleRule[]);
    const select = rules('(forced-colors: active)').find((rule) => rule.selectorText === 'select');
    expect([select?.style.color, select?.style.borderColor].map((color) => color?.toLowerCase())).to.deep.equal(['fieldtext', 'fieldtext']);
    expect(rules('print').some((rule) => rule.selectorText === '[part="actions"]' && rule.style.display === 'none')).to.equal(true);
    // Chromium can emulate both; Firefox through WebDriver BiDi cannot (the commands fail there): the rules above hold.
    if (BROWSER === 'firefox') return;
    await executeServerCommand('emulate-forced-colors', { active: true });
    restore.push(() => void executeServerCommand('emulate-forced-colors', { active: false }));
    const button = control<HTMLButtonElement>(element, '#download-image')!;
    expect(getComputedStyle(button).borderColor).to.equal(getComputedStyle(button).color);
    await expectAccessible(element);
    await emulateMedia({ media: 'print' });
    restore.push(() => void emulateMedia({ media: 'screen' }));
    expect(getComputedStyle(control(element, '[part="actions"]')!).display).to.equal('none');
  });

  it('speaks French and Ukrainian', async () => {
    for (const [lang, share, download] of [
      ['fr', 'Partager le chiffre', 'Télécharger l’image'],
      ['uk', 'Поділитися цифрою', 'Завантажити зображення'],
    ]) {
      const element = await place<StatCallout>(html`<stat-callout share value="108" label="enfants"></stat-callout>`, lang);
      await openCardControls(element);
      expect([control(element, '#share-figure')!.textContent, control(element, '#download-image')!.textContent]).to.deep.equal([share, download]);
      await expectAccessible(element);
    }
  });
});
