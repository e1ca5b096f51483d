// Render: N instances of each element in headless Chromium, timed from insertion until every instance has updated
// and layout is done, beside the same text as static HTML, a vanilla custom element with shadow DOM (the element's
// own rendered shadow tree and styles, copied once, with no framework or logic), the Lit floor (a Lit element that
// renders that same copy as a fixed template and observes the element's attributes: what Lit costs before any logic)
// and the nearest anchor, all in the same page. Each round times every variant in a rotating order; the result is the
// median of the per-round ratios.
/* global customElements, document, performance, CSSStyleSheet, HTMLElement -- used inside page.evaluate() */
import { HTML, JS, browserBundle, launchChromium, serve } from './lib/browser.mjs';
import { discoverElements, fromRoot } from './lib/elements.mjs';
import { FIXTURES, RENDER_ANCHORS } from './lib/fixtures.mjs';

const ROUNDS = { 100: 21, 1000: 9 };
const WARMUP_ROUNDS = 2;
/** Elements rendered at N = 1,000 too; a form is timed at N = 100 (issue 5). */
const SIZES = (tag) => (tag === 'comment-form' ? [100] : [100, 1000]);

/** Calibration: a trivial Lit element showing stat-callout's text (issue 2 measured it at 1.9–2.0× static HTML). */
const LIT_BASELINE = {
  tag: 'trivial-lit',
  source: `import { LitElement, css, html } from 'lit';
customElements.define('trivial-lit', class extends LitElement {
  static styles = css\`:host { display: block; }\`;
  render() {
    return html\`<p><data value="3000000">Over 3M</data> Ukrainians have left for other countries, most of them crossing into Poland</p><p>Source: <a href="https://www.afp.com/">Agence France-Presse</a></p>\`;
  }
});
`,
  fixture: { attributes: '<trivial-lit></trivial-lit>', static: FIXTURES['stat-callout'].static },
  anchor: RENDER_ANCHORS['stat-callout'],
};

/** Defines the Lit floor of an element (see the top of this file); called in the page by defineCopies. */
const LIT_FLOOR_SOURCE = `import { LitElement as FloorBase } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
globalThis.defineLitFloor = (name, shadowTree, styles, attributes) => {
  const template = staticHtml\`\${unsafeStatic(shadowTree)}\`;
  customElements.define(name, class extends FloorBase {
    static styles = styles;
    // Plain string properties under neutral names: the work of reading each attribute, and nothing else.
    static properties = Object.fromEntries(attributes.map((attribute, index) => ['attribute' + index, { attribute }]));
    render() {
      return template;
    }
  });
};
`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Runs in the page: defines vanilla-<tag>, a plain custom element that stamps the element's rendered shadow tree, and
 * (but for the calibration element) floor-<tag>, the Lit floor. Returns the element's markup as it stands once
 * rendered: the copies are given the light DOM as the element left it (social-follow puts its links in slots), so
 * that they show the same thing.
 */
function defineCopies({ tag, markup, floor }) {
  const probe = document.createElement('div');
  probe.innerHTML = markup;
  document.body.append(probe);
  const element = probe.querySelector(tag);
  return element.updateComplete.then(() => {
    const template = element.shadowRoot.innerHTML.replace(/<!--[^]*?-->/g, '');
    const rendered = probe.innerHTML;
    const styles = element.constructor.elementStyles;
    const sheets = styles.map((style) => {
      if (style.styleSheet) return style.styleSheet;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(style.cssText);
      return sheet;
    });
    probe.remove();
    if (floor) globalThis.defineLitFloor(`floor-${tag}`, template, styles, element.constructor.observedAttributes);
    customElements.define(
      `vanilla-${tag}`,
      class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          const root = this.attachShadow({ mode: 'open' });
          root.adoptedStyleSheets = sheets;
          root.innerHTML = template;
        }
      },
    );
    return rendered;
  });
}

/** Runs in the page: milliseconds to insert `count` copies, wait for every Lit update, and lay the page out. */
async function timeInsert({ markup, count }) {
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  host.innerHTML = markup.repeat(count);
  const updating = [...host.querySelectorAll('*')].filter((node) => node.updateComplete).map((node) => node.updateComplete);
  await Promise.all(updating);
  // Elements that render children of their own (a fact-box's callouts) may start more updates.
  await Promise.all([...host.querySelectorAll('*')].filter((node) => node.updateComplete).map((node) => node.updateComplete));
  void document.body.offsetHeight;
  const elapsed = performance.now() - start;
  host.remove();
  return elapsed;
}

export async function measureRender() {
  // BENCH_ELEMENTS=stat-callout,fact-box times only those (while working on one element).
  const only = process.env.BENCH_ELEMENTS?.split(',');
  const tags = discoverElements().filter((tag) => FIXTURES[tag] && (!only || only.includes(tag)));
  const fixtures = { [LIT_BASELINE.tag]: LIT_BASELINE.fixture, ...FIXTURES };
  const renderAnchors = { [LIT_BASELINE.tag]: LIT_BASELINE.anchor, ...RENDER_ANCHORS };
  const anchors = Object.entries(RENDER_ANCHORS).filter(([tag]) => tags.includes(tag));
  const anchorModules = [...new Set(anchors.flatMap(([, anchor]) => [anchor.module].flat()))];
  const server = await serve({
    '/': { type: HTML, body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Render</title></head><body></body></html>' },
    '/elements.js': { type: JS, body: await browserBundle(tags.map((tag) => fromRoot(`src/components/${tag}/define.ts`)), LIT_BASELINE.source + LIT_FLOOR_SOURCE) },
    '/anchors.js': { type: JS, body: await browserBundle(anchorModules) },
  });
  const browser = await launchChromium();
  const rows = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(server.origin);
    await page.addScriptTag({ url: '/elements.js', type: 'module' });
    await page.addScriptTag({ url: '/anchors.js', type: 'module' });
    const anchorTags = [...new Set(anchors.flatMap(([, anchor]) => anchor.markup.match(/<(?:sl|wa)-[a-z-]+/g).map((open) => open.slice(1))))];
    await page.evaluate((names) => Promise.all(names.map((name) => customElements.whenDefined(name))), anchorTags);
    for (const tag of [LIT_BASELINE.tag, ...tags]) {
      const fixture = fixtures[tag];
      const markup = fixture.slotted ?? fixture.attributes;
      const floor = tag !== LIT_BASELINE.tag;
      const rendered = await page.evaluate(defineCopies, { tag, markup, floor });
      const renamed = (prefix) => rendered.replaceAll(`<${tag}`, `<${prefix}-${tag}`).replaceAll(`</${tag}>`, `</${prefix}-${tag}>`);
      const variants = {
        ours: markup,
        static: fixture.static,
        vanilla: renamed('vanilla'),
        ...(floor ? { floor: renamed('floor') } : {}),
        ...(renderAnchors[tag] ? { anchor: renderAnchors[tag].markup } : {}),
      };
      const names = Object.keys(variants);
      for (const count of SIZES(tag)) {
        const times = Object.fromEntries(names.map((name) => [name, []]));
        for (let round = 0; round < WARMUP_ROUNDS + ROUNDS[count]; round++) {
          const order = names.map((_, index) => names[(index + round) % names.length]);
          for (const name of order) {
            const elapsed = await page.evaluate(timeInsert, { markup: variants[name], count });
            if (round >= WARMUP_ROUNDS) times[name].push(elapsed);
          }
        }
        const ratioOf = (name, other) => median(times[name].map((time, index) => time / times[other][index]));
        const ratio = (other) => ratioOf('ours', other);
        rows.push({
          tag,
          n: count,
          rounds: ROUNDS[count],
          ms: Object.fromEntries(names.map((name) => [name, Math.round(median(times[name]) * 10) / 10])),
          vsStatic: round2(ratio('static')),
          vsVanilla: round2(ratio('vanilla')),
          ...(floor ? { vsFloor: round2(ratio('floor')), floorVsStatic: round2(ratioOf('floor', 'static')) } : {}),
          ...(variants.anchor
            ? {
                anchor: renderAnchors[tag].name,
                vsAnchor: round2(ratio('anchor')),
                anchorVsVanilla: round2(ratioOf('anchor', 'vanilla')),
                ...(floor ? { floorVsAnchor: round2(ratioOf('floor', 'anchor')) } : {}),
              }
            : {}),
        });
        if (process.env.BENCH_VERBOSE) console.error(rows.at(-1));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { rows };
}

const round2 = (value) => Math.round(value * 100) / 100;

export function renderMarkdown(render) {
  return [
    '| element | N | ours ms | static HTML ms | vanilla shadow DOM ms | anchor ms | ours ÷ static | ours ÷ vanilla | ours ÷ anchor | anchor ÷ vanilla |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...render.rows.map(
      (row) =>
        `| ${row.tag === LIT_BASELINE.tag ? 'calibration: a trivial Lit element, same text as stat-callout' : row.tag} | ${row.n.toLocaleString('en')} | ${row.ms.ours} | ${row.ms.static} | ${row.ms.vanilla} | ${row.anchor ? `${row.anchor}: ${row.ms.anchor}` : '—'} | ${row.vsStatic} | ${row.vsVanilla} | ${row.vsAnchor ?? '—'} | ${row.anchorVsVanilla ?? '—'} |`,
    ),
    '',
    'The Lit floor: a Lit element rendering the same shadow tree as a fixed template, observing the same attributes.',
    '',
    '| element | N | Lit floor ms | ours ÷ floor | floor ÷ static | floor ÷ anchor |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...render.rows
      .filter((row) => row.vsFloor !== undefined)
      .map(
        (row) =>
          `| ${row.tag} | ${row.n.toLocaleString('en')} | ${row.ms.floor} | ${row.vsFloor} | ${row.floorVsStatic} | ${row.floorVsAnchor ?? '—'} |`,
      ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(renderMarkdown(await measureRender()));
}
