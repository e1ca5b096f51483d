import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { siBluesky, siFacebook, siRss, siX } from 'simple-icons';
import '../../src/components/social-follow/define.js';
import { SocialFollow } from '../../src/components/social-follow/social-follow.js';
import { likelyNetworkLink, networkOf } from '../../src/components/social-follow/networks.js';
import { expectAccessible, generatedChildren, HOSTILE_STRINGS, lightText, notDefinedPage, partText, renderedText, spokenText, xssTrapped } from './helpers.js';

const EVERY_NETWORK = [
  ['https://www.facebook.com/newsroom', 'Facebook', 'Follow us on Facebook'],
  ['https://x.com/newsroom', 'X', 'Follow us on X'],
  ['https://twitter.com/newsroom_old', 'Twitter', 'Follow us on X – Twitter'],
  ['https://www.instagram.com/newsroom/', 'Instagram', 'Follow us on Instagram'],
  ['https://www.youtube.com/@newsroom', 'YouTube', 'Follow us on YouTube'],
  ['https://www.linkedin.com/company/newsroom', 'LinkedIn', 'Follow us on LinkedIn'],
  ['https://www.tiktok.com/@newsroom', 'TikTok', 'Follow us on TikTok'],
  ['https://bsky.app/profile/newsroom.example', 'Bluesky', 'Follow us on Bluesky'],
  ['https://mastodon.social/@newsroom', 'Mastodon', 'Follow us on Mastodon'],
  ['https://www.threads.net/@newsroom', 'Threads', 'Follow us on Threads'],
  ['https://t.me/newsroom', 'Telegram', 'Follow us on Telegram'],
  ['https://wa.me/15550100', 'WhatsApp', 'Follow us on WhatsApp'],
  ['https://newsroom.example/feed/', 'RSS', 'Subscribe to our RSS feed'],
  ['mailto:desk@newsroom.example', 'Email', 'Email us'],
] as const;

async function follow(markup: ReturnType<typeof html>, lang = 'en'): Promise<SocialFollow> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>${markup}</div>`);
  const element = wrapper.querySelector('social-follow')!;
  await settled(element);
  return element;
}

/** Waits for the enhancement: the first render, the update that slots the links, and any re-naming after it. */
async function settled(element: SocialFollow): Promise<void> {
  while (!(await element.updateComplete));
  await Promise.resolve();
  while (!(await element.updateComplete));
}

const links = (element: SocialFollow) => Array.from(element.querySelectorAll<HTMLAnchorElement>(':scope > a'));
const names = (element: SocialFollow) => links(element).map((link) => link.getAttribute('aria-label'));
const iconOf = (link: HTMLAnchorElement) => link.assignedSlot?.parentElement?.querySelector('svg.icon path')?.getAttribute('d');

describe('social-follow', () => {
  it('is registered and exported under its tag', () => {
    expect(customElements.get('social-follow')).to.equal(SocialFollow);
    expect(document.createElement('social-follow')).to.be.instanceOf(SocialFollow);
  });

  it("recognises every network from the URL and names the page's own links", async () => {
    const element = await follow(html`<social-follow>
      ${EVERY_NETWORK.map(([href, text]) => html`<a href=${href}>${text}</a> `)}
    </social-follow>`);
    expect(names(element)).to.deep.equal(EVERY_NETWORK.map(([, , name]) => name));
    for (const [index, link] of links(element).entries()) {
      expect(link.getAttribute('href'), link.textContent!).to.equal(EVERY_NETWORK[index][0]);
      expect(link.assignedSlot!.parentElement!.localName).to.equal('li');
      expect(iconOf(link), link.textContent!).to.match(/^M/);
    }
    const [facebook, x] = links(element);
    expect(iconOf(facebook)).to.equal(siFacebook.path);
    expect(iconOf(x)).to.equal(siX.path);
    expect(iconOf(links(element)[7])).to.equal(siBluesky.path);
    expect(iconOf(links(element)[12])).to.equal(siRss.path);
    const icons = element.shadowRoot!.querySelectorAll('svg');
    expect(icons.length).to.equal(EVERY_NETWORK.length);
    for (const icon of icons) expect(icon.getAttribute('aria-hidden')).to.equal('true');
    expect(element.shadowRoot!.querySelectorAll('li').length).to.equal(EVERY_NETWORK.length);
    await expectAccessible(element);
  });

  it('recognises feeds by type, Mastodon servers by data-network, and keeps unknown links as text', async () => {
    const element = await follow(html`<social-follow labels>
      <a href="/latest.xml" type="application/rss+xml">Latest</a>
      <a href="https://journa.host/@newsroom" data-network="mastodon">Mastodon</a>
      <a href="https://newsroom.example/newsletter">Newsletter</a>
      <a href="javascript:void(0)">Script</a>
      <a href="https://medium.com/@newsroom">Medium</a>
    </social-follow>`);
    expect(names(element)).to.deep.equal(['Subscribe to our RSS feed – Latest', 'Follow us on Mastodon', null, null, null]);
    const [, , newsletter, script, medium] = links(element);
    for (const unknown of [newsletter, script, medium]) {
      expect(iconOf(unknown)).to.equal(undefined);
      expect(unknown.getBoundingClientRect().width).to.be.greaterThan(20);
    }
    expect(script.getAttribute('href')).to.equal('javascript:void(0)');
    await expectAccessible(element);
  });

  it('names the links in the nearest language', async () => {
    const markup = html`<social-follow>
      <a href="https://www.facebook.com/newsroom">Facebook</a>
      <a href="https://newsroom.example/rss.xml"></a>
      <a href="mailto:desk@newsroom.example"></a>
    </social-follow>`;
    expect(names(await follow(markup, 'fr'))).to.deep.equal(['Suivez-nous sur Facebook', 'Abonnez-vous à notre flux RSS', 'Écrivez-nous']);
    const uk = await follow(markup, 'uk');
    expect(names(uk)).to.deep.equal(['Стежте за нами в Facebook', 'Підпишіться на нашу RSS-стрічку', 'Напишіть нам']);
    await expectAccessible(uk);

    uk.parentElement!.lang = 'en';
    await Promise.resolve();
    await settled(uk);
    expect(names(uk)).to.deep.equal(['Follow us on Facebook', 'Subscribe to our RSS feed', 'Email us']);
  });

  it('never gives two different destinations the same name, and keeps names the page wrote', async () => {
    const element = await follow(html`<social-follow>
      <a href="https://x.com/newsroom">X</a>
      <a href="https://x.com/newsroom_fr">X</a>
      <a href="https://mastodon.social/@newsroom">Mastodon</a>
      <a href="https://mstdn.social/@newsroom">Mastodon</a>
      <a href="https://x.com/newsroom">X</a>
      <a href="https://www.facebook.com/newsroom" aria-label="Our Facebook page">Facebook</a>
    </social-follow>`);
    expect(names(element)).to.deep.equal([
      'Follow us on X – newsroom',
      'Follow us on X – newsroom_fr',
      'Follow us on Mastodon – mastodon.social/@newsroom',
      'Follow us on Mastodon – mstdn.social/@newsroom',
      'Follow us on X – newsroom',
      'Our Facebook page',
    ]);
    await expectAccessible(element);
  });

  it('shows icons alone in square targets, or with the links’ own text under labels', async () => {
    const element = await follow(html`<social-follow heading="Connect with us">
      <a href="https://www.facebook.com/newsroom">Facebook</a>
      <a href="https://bsky.app/profile/newsroom.example">Bluesky</a>
    </social-follow>`);
    const [facebook] = links(element);
    const square = facebook.getBoundingClientRect();
    expect(square.width).to.be.closeTo(square.height, 0.5);
    expect(square.width).to.be.at.least(24);
    expect(facebook.scrollWidth).to.be.greaterThan(facebook.clientWidth);
    const icon = element.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    expect(icon.left).to.be.greaterThan(square.left);
    expect(icon.right).to.be.lessThan(square.right);
    // The whole square, icon included, is the page's link.
    const hit = document.elementFromPoint(icon.left + icon.width / 2, icon.top + icon.height / 2);
    expect(hit === facebook).to.equal(true);
    await expectAccessible(element);

    element.showLabels = true;
    await settled(element);
    expect(element.hasAttribute('labels')).to.equal(true);
    const labelled = facebook.getBoundingClientRect();
    expect(labelled.width).to.be.greaterThan(square.width + 20);
    expect(facebook.scrollWidth).to.be.at.most(facebook.clientWidth + 1);
    expect(facebook.getAttribute('aria-label')).to.contain(facebook.textContent!.trim());
    await expectAccessible(element);
  });

  it('puts the icon at the inline start in right-to-left text, and prints the links’ text', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl" lang="ar">
      <social-follow labels><a href="https://x.com/newsroom">X</a></social-follow>
    </div>`);
    const element = wrapper.querySelector('social-follow')!;
    await settled(element);
    const link = links(element)[0].getBoundingClientRect();
    const icon = element.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    expect(icon.right).to.be.closeTo(link.right - (link.height - icon.width) / 2, 1);

    const iconOnly = await follow(html`<social-follow><a href="https://x.com/newsroom">Follow @newsroom</a></social-follow>`);
    const [x] = links(iconOnly);
    expect(x.scrollWidth).to.be.greaterThan(x.clientWidth);
    const printing = await emulateMedia({ media: 'print' }).then(
      () => matchMedia('print').matches,
      () => false,
    );
    try {
      if (printing) {
        expect(x.scrollWidth).to.be.at.most(x.clientWidth + 1);
        expect(x.getBoundingClientRect().width).to.be.greaterThan(x.getBoundingClientRect().height * 2);
      } else {
        // Firefox under WebDriver BiDi cannot emulate print: check that the icon-only rule is for screens only.
        const rules = (SocialFollow.elementStyles as { cssText: string }[]).map((style) => style.cssText).join('\n');
        expect(rules).to.match(/@media not print\s*\{\s*:host\(:not\(\[labels\]\)\) \.linked > slot::slotted\(a\)/);
      }
    } finally {
      if (printing) await emulateMedia({ media: 'screen' });
    }
  });

  it('labels its list with a heading of the given level, or with the page’s own heading', async () => {
    const element = await follow(html`<social-follow heading="Connect with us" heading-level="3">
      <a href="https://x.com/newsroom">X</a>
    </social-follow>`);
    // A real heading element, generated into the light DOM and shown in the heading part; the list is labelled by
    // that part, and the shadow tree holds no second heading.
    const headings = () => Array.from(element.querySelectorAll(':scope > [data-generated]'), (node) => `${node.localName}[slot=${node.slot}]`);
    expect(headings()).to.deep.equal(['h3[slot=heading]']);
    expect(generatedChildren(element)).to.deep.equal({ heading: 'Connect with us' });
    const part = element.shadowRoot!.querySelector('[part="heading"]')!;
    expect(element.querySelector('h3')!.assignedSlot!.closest('[part="heading"]')).to.equal(part);
    expect(element.shadowRoot!.querySelector('ul')!.getAttribute('aria-labelledby')).to.equal(part.id);
    expect(partText(element, 'heading')).to.equal('Connect with us');
    expect(element.shadowRoot!.querySelector('[role="heading"]')).to.equal(null);
    for (const [given, expected] of [['1', '2'], ['9', '6'], ['abc', '2']]) {
      element.setAttribute('heading-level', given);
      await element.updateComplete;
      expect(headings(), given).to.deep.equal([`h${expected}[slot=heading]`]);
      expect(element.querySelector(`h${expected}`)!.textContent, given).to.equal('Connect with us');
    }

    const slotted = await follow(html`<social-follow heading="ignored">
      <h2 slot="heading">Connect with us</h2><a href="https://x.com/newsroom">X</a>
    </social-follow>`);
    expect(slotted.shadowRoot!.querySelector('[role="heading"]')).to.equal(null);
    expect(slotted.querySelectorAll('[data-generated]').length).to.equal(0);
    expect(slotted.querySelector('h2')!.assignedSlot).to.exist;
    await expectAccessible(slotted);

    const bare = await follow(html`<social-follow><a href="https://x.com/newsroom">X</a></social-follow>`);
    expect(bare.shadowRoot!.querySelector('ul')!.hasAttribute('aria-labelledby')).to.equal(false);
    await expectAccessible(bare);
    // A heading property set to null, as a framework may pass an empty prop, is no heading.
    const nulled = await follow(html`<social-follow .heading=${null}><a href="https://x.com/newsroom">X</a></social-follow>`);
    expect(nulled.shadowRoot!.querySelector('[role="heading"]')).to.equal(null);
    expect(nulled.querySelectorAll('[data-generated]').length).to.equal(0);
    expect(nulled.shadowRoot!.querySelector('ul')!.hasAttribute('aria-labelledby')).to.equal(false);
  });

  it('keeps the page’s order for keyboard focus', async () => {
    const element = await follow(html`<social-follow heading="Connect with us">
      <a href="https://www.facebook.com/newsroom">Facebook</a>
      <a href="https://newsroom.example/about">About</a>
      <a href="https://bsky.app/profile/newsroom.example">Bluesky</a>
    </social-follow>`);
    const before = document.createElement('button');
    before.textContent = 'before';
    element.before(before);
    before.focus();
    const focused: (Element | null)[] = [];
    for (let step = 0; step < 3; step += 1) {
      await sendKeys({ press: 'Tab' });
      focused.push(document.activeElement);
    }
    expect(focused.map((node) => node?.textContent)).to.deep.equal(links(element).map((link) => link.textContent));
    before.remove();
  });

  it('keeps icons visible in forced colours', async () => {
    const element = await follow(html`<social-follow><a href="https://x.com/newsroom">X</a></social-follow>`);
    const icon = element.shadowRoot!.querySelector('svg')!;
    const emulated = await executeServerCommand<boolean, { active: boolean }>('emulate-forced-colors', { active: true });
    try {
      expect(emulated, 'forced-colours emulation').to.equal(/Chrome\//.test(navigator.userAgent));
      if (emulated) {
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        const fill = getComputedStyle(icon).fill;
        // CanvasText: the system's text colour, which differs from the page's forced background.
        const canvasText = probeColor('CanvasText');
        expect(fill).to.equal(canvasText);
        expect(fill).not.to.equal(probeColor('Canvas'));
        await expectAccessible(element);
      } else {
        // Firefox under WebDriver BiDi cannot emulate forced colours: check the rule that applies there instead.
        const rules = (element.constructor as typeof SocialFollow).elementStyles.map((style) => (style as { cssText: string }).cssText).join('\n');
        expect(rules).to.match(/@media \(forced-colors: active\)\s*\{\s*\.icon\s*\{\s*fill: CanvasText;/);
        expect(getComputedStyle(icon).fill).to.equal(getComputedStyle(icon.parentElement!).color);
      }
    } finally {
      if (emulated) await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('keeps every box in place when its module arrives after not-defined.css laid the links out', async () => {
    // A page of its own where the element is not defined yet: measured before and after its module loads.
    const { frame, page, boxes, define } = await notDefinedPage(
      `<social-follow heading="Connect with us">
        <a href="https://www.facebook.com/newsroom">Facebook</a> <a href="https://x.com/newsroom">X</a>
        <a href="https://bsky.app/profile/newsroom.example">Bluesky</a> <a href="/about">About us</a>
        <a href="mailto:desk@newsroom.example">Email</a>
      </social-follow>
      <social-follow labels><h2 slot="heading">Follow</h2>
        <a href="https://www.instagram.com/newsroom/">Instagram</a> <a href="/feed/">RSS</a>
      </social-follow>
      <p>After</p>`,
      'inline-size: 640px; block-size: 480px',
    );
    // The page's own boxes; the heading generated from the attribute is checked against the space kept for it below.
    const measured = 'social-follow > a, social-follow > h2:not([data-generated]), p';
    const before = boxes(measured);
    await define('social-follow');
    for (const element of page.querySelectorAll<SocialFollow>('social-follow')) await settled(element);
    try {
      expect(page.querySelector('social-follow')!.shadowRoot!.querySelectorAll('svg').length).to.equal(4);
      expect(boxes(measured)).to.deep.equal(before);
      // The generated heading fills the space not-defined.css kept for the attribute's text, above the first link.
      const first = page.querySelector('social-follow')!;
      const heading = first.querySelector(':scope > h2[data-generated]')!;
      expect(heading.textContent).to.equal('Connect with us');
      const [top, link] = [first, first.querySelector('a')!].map((node) => node.getBoundingClientRect());
      const box = heading.getBoundingClientRect();
      expect(box.top).to.be.at.least(top.top);
      expect(box.bottom).to.be.at.most(link.top);
    } finally {
      frame.remove();
    }
  });

  it('judges by the markup alone which links it will recognise, as not-defined.css does, to hold their places', async () => {
    const others = [
      ['https://newsroom.example/feedback'],
      ['https://newsroom.example/sitemap.xml'],
      ['https://medium.com/@newsroom'],
      ['https://hachyderm.io/@newsroom'],
      ['https://newsroom.example/blog/leaving-mastodon'],
      ['https://www.box.com/newsroom'],
      ['/about'],
      ['javascript:void(0)'],
      ['https://m.facebook.com/newsroom'],
      ['https://mastodon.online/@newsroom'],
      ['/latest.xml', 'application/rss+xml'],
      ['https://newsroom.example/rss.xml'],
      ['https://journa.host/@newsroom', '', 'mastodon'],
    ];
    const anchors = [...EVERY_NETWORK.map(([href]) => [href]), ...others].map(([href, type = '', network = '']) => {
      const link = document.createElement('a');
      link.href = href;
      link.type = type;
      if (network) link.dataset.network = network;
      return link;
    });
    const recognised = anchors.map((link) => `${link.getAttribute('href')}: ${networkOf(link) !== undefined}`);
    expect(recognised.filter((line) => line.endsWith('true')).length).to.equal(EVERY_NETWORK.length + 5);
    // The server-rendered element's selector, and the links' part of not-defined.css's selector for their squares.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await (await fetch('/src/styles/not-defined.css')).text());
    const stylesheetSelectors = Array.from(sheet.cssRules)
      .flatMap((rule) => (rule instanceof CSSMediaRule ? Array.from(rule.cssRules) : []))
      .flatMap((rule) => (rule instanceof CSSStyleRule && rule.selectorText.startsWith('social-follow') ? [rule.selectorText] : []))
      .map((selector) => selector.slice(selector.indexOf('> ') + 2));
    expect(stylesheetSelectors.length).to.equal(1);
    for (const selector of [likelyNetworkLink, ...stylesheetSelectors]) {
      expect(anchors.map((link) => `${link.getAttribute('href')}: ${link.matches(selector)}`), selector).to.deep.equal(recognised);
    }
  });

  it('follows links added, re-pointed and removed later, undoing what it did', async () => {
    const element = await follow(html`<social-follow><a href="https://x.com/newsroom">X</a></social-follow>`);
    const added = document.createElement('a');
    added.href = 'https://www.instagram.com/newsroom/';
    added.textContent = 'Instagram';
    element.append(added);
    await Promise.resolve();
    await settled(element);
    expect(names(element)).to.deep.equal(['Follow us on X', 'Follow us on Instagram']);
    expect(added.getAttribute('slot')).to.equal('link-2');

    added.href = 'https://newsroom.example/elsewhere';
    await Promise.resolve();
    await settled(element);
    expect(added.hasAttribute('aria-label')).to.equal(false);
    expect(iconOf(added)).to.equal(undefined);

    const [x] = links(element);
    x.remove();
    await Promise.resolve();
    await settled(element);
    expect(x.hasAttribute('slot')).to.equal(false);
    expect(x.hasAttribute('aria-label')).to.equal(false);
    expect(added.getAttribute('slot')).to.equal('link-1');
    expect(element.shadowRoot!.querySelectorAll('li').length).to.equal(1);
  });

  it('never injects markup or runs script from hostile headings, link text or URLs', async () => {
    for (const hostile of HOSTILE_STRINGS) {
      const element = await follow(html`<social-follow .heading=${hostile} heading-level=${hostile}>
        <a href=${hostile}>${hostile}</a><a href="https://x.com/newsroom">${hostile}</a>
      </social-follow>`);
      const shadow = element.shadowRoot!;
      expect(shadow.querySelectorAll('img, script, iframe, a').length).to.equal(0);
      expect(shadow.querySelectorAll('svg').length).to.equal(1);
      // The heading is generated into the light DOM as the text of a heading element, nothing else.
      const [heading, ...others] = Array.from(element.querySelectorAll(':scope > [data-generated]'));
      expect(others.length).to.equal(0);
      expect([heading.localName, heading.children.length, heading.textContent!.trim()]).to.deep.equal(['h2', 0, hostile.trim()]);
      expect(element.querySelectorAll('img, script, iframe, svg').length).to.equal(0);
      const [first, x] = links(element);
      expect(first.hasAttribute('aria-label')).to.equal(false);
      expect(x.getAttribute('aria-label')).to.equal(`Follow us on X – ${hostile.replace(/\s+/g, ' ').trim()}`);
    }
    expect(xssTrapped()).to.equal(false);
  });
});

/** Lets the element hear of a change (mutation observers report in a microtask) and settle. */
async function afterChange(element: SocialFollow): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await settled(element);
}

const generatedOf = (element: SocialFollow) => Array.from(element.querySelectorAll(':scope > [data-generated]'));

describe('social-follow: every word in the light DOM (#16)', () => {
  const twoLinks = html`<a href="https://www.facebook.com/newsroom">Facebook</a> <a href="https://bsky.app/profile/newsroom.example">Bluesky</a>`;

  it('writes the heading given as an attribute before the links, as a real heading shown in the heading part', async () => {
    const element = await follow(html`<social-follow heading="Connect with us">${twoLinks}</social-follow>`);
    expect(generatedChildren(element)).to.deep.equal({ heading: 'Connect with us' });
    // In reading order: the generated heading, then the page's links.
    expect(Array.from(element.children, (child) => child.localName)).to.deep.equal(['h2', 'a', 'a']);
    const heading = element.firstElementChild!;
    expect(heading.hasAttribute('data-generated')).to.equal(true);
    expect(heading.assignedSlot!.closest('[part="heading"]')).to.equal(element.shadowRoot!.querySelector('[part="heading"]'));
    expect(partText(element, 'heading')).to.equal('Connect with us');
    expect(heading.getBoundingClientRect().width).to.be.greaterThan(0);
    // Styled as the heading part was: bold, larger than the links' text.
    expect(getComputedStyle(heading).fontWeight).to.equal('700');
    expect(parseFloat(getComputedStyle(heading).fontSize)).to.be.greaterThan(parseFloat(getComputedStyle(links(element)[0]).fontSize));
    // The light DOM holds every word the reader sees, in the same order (the shadow tree joins the list items, each a
    // box of its own, without spaces), and the accessible text says each once.
    expect(lightText(element)).to.equal('Connect with us Facebook Bluesky');
    expect(renderedText(element).replace(/\s+/g, '')).to.equal(lightText(element).replace(/\s+/g, ''));
    const spoken = spokenText(element).split(' ');
    expect(spoken.filter((word, index) => spoken.indexOf(word) !== index)).to.deep.equal([]);
    // One heading in the accessibility tree: the generated one; the shadow tree's fallback is gone.
    expect(element.shadowRoot!.querySelectorAll('[role="heading"], h1, h2, h3, h4, h5, h6').length).to.equal(0);
    await expectAccessible(element);
  });

  it('leaves the heading to the page while it slots one, and generates it again when that leaves', async () => {
    const element = await follow(html`<social-follow heading="Connect with us" heading-level="3">${twoLinks}</social-follow>`);
    const own = Object.assign(document.createElement('h2'), { slot: 'heading', textContent: 'Follow the newsroom' });
    element.append(own);
    await afterChange(element);
    expect(generatedOf(element).length).to.equal(0);
    expect(partText(element, 'heading')).to.equal('Follow the newsroom');
    expect(element.shadowRoot!.querySelector('[role="heading"]')).to.equal(null);
    await expectAccessible(element);
    own.remove();
    await afterChange(element);
    expect(generatedOf(element).map((node) => `${node.localName} ${node.textContent}`)).to.deep.equal(['h3 Connect with us']);
    expect(element.firstElementChild).to.equal(generatedOf(element)[0]);
    element.heading = 'Follow us';
    await settled(element);
    expect(generatedOf(element).map((node) => `${node.localName} ${node.textContent}`)).to.deep.equal(['h3 Follow us']);
    element.heading = '  ';
    await settled(element);
    expect(generatedOf(element).length).to.equal(0);
    expect(element.shadowRoot!.querySelector('ul')!.hasAttribute('aria-labelledby')).to.equal(false);
    await expectAccessible(element);
  });

  it('keeps the generated heading before links the page adds, even at the start, or after replacing them', async () => {
    const element = await follow(html`<social-follow heading="Connect with us">${twoLinks}</social-follow>`);
    const first = Object.assign(document.createElement('a'), { href: 'https://x.com/newsroom', textContent: 'X' });
    element.prepend(first, ' ');
    await afterChange(element);
    expect(Array.from(element.children, (child) => child.textContent)).to.deep.equal(['Connect with us', 'X', 'Facebook', 'Bluesky']);
    expect(names(element)).to.deep.equal(['Follow us on X', 'Follow us on Facebook', 'Follow us on Bluesky']);
    element.replaceChildren(Object.assign(document.createElement('a'), { href: 'https://t.me/newsroom', textContent: 'Telegram' }));
    await afterChange(element);
    expect(Array.from(element.children, (child) => child.textContent)).to.deep.equal(['Connect with us', 'Telegram']);
    expect(element.shadowRoot!.querySelectorAll('li').length).to.equal(1);
  });

  it('settles: it stops updating once its heading and links are in place', async () => {
    const element = document.createElement('social-follow') as SocialFollow;
    let requests = 0;
    const requestUpdate = element.requestUpdate.bind(element);
    element.requestUpdate = (...args: Parameters<SocialFollow['requestUpdate']>) => {
      requests += 1;
      requestUpdate(...args);
    };
    element.heading = 'Connect with us';
    element.innerHTML = '<a href="https://x.com/newsroom">X</a> <a href="https://www.facebook.com/newsroom">Facebook</a>';
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.append(element);
    await afterChange(element);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const settledAfter = requests;
    // Its first renders (the heading property, its links, their slots) are a handful (4 measured), then nothing more.
    expect(settledAfter).to.be.at.most(6);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests).to.equal(settledAfter);
    expect(element.isUpdatePending).to.equal(false);
    expect(generatedChildren(element)).to.deep.equal({ heading: 'Connect with us' });
  });

  it('keeps its generated heading out of the page’s styles', async () => {
    const element = await follow(html`<social-follow heading="Connect with us">${twoLinks}</social-follow>`);
    const [heading] = generatedOf(element);
    const boxes = () => [element, heading].map((node) => {
      const { width, height } = node.getBoundingClientRect();
      return `${width}×${height}`;
    });
    const before = boxes();
    const style = document.head.appendChild(document.createElement('style'));
    try {
      // The heading holds only text: nothing inside it for the page's rules to reach.
      style.textContent = `h2 { font-size: 5em; margin: 3em; padding: 1em; border: 5px solid; letter-spacing: 1em !important }
        span, b, i { letter-spacing: 1em }`;
      expect(boxes()).to.deep.equal(before);
    } finally {
      style.remove();
    }
  });

  it('adopts a heading a server wrote, without a second copy', async () => {
    const element = await follow(html`<social-follow heading="Connect with us"
      ><h2 slot="heading" data-generated>Connect with us</h2>${twoLinks}</social-follow>`);
    expect(generatedOf(element).map((node) => `${node.localName} ${node.textContent}`)).to.deep.equal(['h2 Connect with us']);
    expect(element.querySelectorAll('h2').length).to.equal(1);
    expect(partText(element, 'heading')).to.equal('Connect with us');
    element.heading = 'Follow us';
    await settled(element);
    expect(generatedOf(element).map((node) => `${node.localName} ${node.textContent}`)).to.deep.equal(['h2 Follow us']);
    // The server could not see the page's own heading: its generated one gives way.
    const slotted = await follow(html`<social-follow heading="Connect with us"><h2 slot="heading" data-generated>Connect with us</h2
      ><h3 slot="heading">Follow the newsroom</h3>${twoLinks}</social-follow>`);
    expect(generatedOf(slotted).length).to.equal(0);
    expect(partText(slotted, 'heading')).to.equal('Follow the newsroom');
    await expectAccessible(slotted);
  });
});

/** The computed value of a colour keyword, read from a probe element in the page. */
function probeColor(keyword: string): string {
  const probe = document.createElement('span');
  probe.style.color = keyword;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}
