// Image cards: how long headless Chromium takes to draw one and encode it as a PNG (the drawing chunk alone, fonts
// already loaded: what a reader waits for after clicking "Share as image" or "Download image"), per shape, for the
// longest quotation the card must hold (120 words) and for a figure. `node bench/share-card.mjs` prints the table.
/* global document, performance, window -- used inside page.evaluate(), which runs in the browser */
import { HTML, JS, browserBundle, launchChromium, serve } from './lib/browser.mjs';
import { fromRoot } from './lib/elements.mjs';

const ROUNDS = 30;
const WARM_UP = 5;
const WORDS =
  'The actions that we see Russia committing every day, virtually every minute of every day, are in complete contradiction to any serious diplomatic effort to end the war.'.split(' ');
const LONG = Array.from({ length: 120 }, (_, index) => WORDS[index % WORDS.length]).join(' ');

const colors = { background: 'rgb(245, 243, 239)', text: 'rgb(26, 26, 26)', accent: 'rgb(179, 18, 29)', muted: 'rgb(74, 74, 74)' };
const base = { site: 'Newsroom Daily', url: 'https://news.example/2022/03/17/ukraine-peace-talks-stall', rtl: false, mainRtl: false, font: '"DejaVu Sans"', mainFont: '"DejaVu Sans"', colors };
export const CARDS = {
  'quote, 120 words': { ...base, main: `“${LONG}”`, byline: '— Antony Blinken, US Secretary of State', figure: false },
  figure: {
    ...base,
    main: 'Over 3M',
    label: 'Ukrainians have fled the country, the vast majority to Poland',
    byline: 'Source: Agence France-Presse, as of March 17, 2022',
    figure: true,
  },
};

export async function measureShareCards() {
  const server = await serve({
    '/': { type: HTML, body: '<!doctype html><html lang="en"><meta charset="utf-8"><title>Cards</title><script type="module" src="/card.js"></script>' },
    '/card.js': { type: JS, body: await browserBundle([], `import { cardPng } from ${JSON.stringify(fromRoot('src/internal/share-card.ts'))}; window.cardPng = cardPng;`) },
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.origin);
    await page.waitForFunction(() => typeof window.cardPng === 'function');
    const rows = [];
    for (const [name, content] of Object.entries(CARDS)) {
      for (const shape of ['wide', 'tall']) {
        const times = await page.evaluate(
          async ({ content, shape, rounds, warmUp }) => {
            await document.fonts.load(`16px ${content.font}`, content.main);
            const times = [];
            for (let round = 0; round < rounds + warmUp; round += 1) {
              const start = performance.now();
              const png = await window.cardPng(content, shape);
              if (!png.size) throw new Error('empty PNG');
              if (round >= warmUp) times.push(performance.now() - start);
            }
            return times;
          },
          { content, shape, rounds: ROUNDS, warmUp: WARM_UP },
        );
        times.sort((a, b) => a - b);
        rows.push({ name, shape, median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], max: times.at(-1) });
      }
    }
    return { rounds: ROUNDS, rows };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function shareCardMarkdown(result) {
  const ms = (value) => value.toFixed(1);
  return [
    `| card | shape | median ms | p90 ms | max ms (of ${result.rounds}) |`,
    '| --- | --- | ---: | ---: | ---: |',
    ...result.rows.map((row) => `| ${row.name} | ${row.shape} | ${ms(row.median)} | ${ms(row.p90)} | ${ms(row.max)} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(shareCardMarkdown(await measureShareCards()));
}
