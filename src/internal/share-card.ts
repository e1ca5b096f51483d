// The drawing of quote and figure cards: a chunk of its own, loaded when a reader first opens the image controls.

/** A card's shape: `wide` (1200×630, link previews) or `tall` (1080×1350, portrait feeds). */
export type CardShape = 'wide' | 'tall';

/** The colours of a card, as CSS colours a canvas accepts. */
export interface CardColors {
  background: string;
  text: string;
  accent: string;
  muted: string;
}

/** What a card shows. */
export interface CardContent {
  /** The quotation with its marks, or the figure ("Over 3M"). */
  main: string;
  /** Under a figure, what it counts. */
  label?: string;
  /** The attribution, or the source and date. */
  byline: string;
  /** The publication's name. */
  site: string;
  /** The page's URL. */
  url: string;
  /** Whether `main` is a figure, drawn large and bold in the accent colour. */
  figure: boolean;
  /** Whether the main text is written right to left. */
  mainRtl: boolean;
  /** Whether the rest is (the page's direction). */
  rtl: boolean;
  /** The CSS font families of the main text and of the rest. */
  mainFont: string;
  font: string;
  colors: CardColors;
}

/** Width, height, margin, and the largest sizes of the main text, the label and the byline, in pixels. */
const SHAPES: Record<CardShape, readonly [number, number, number, number, number, number]> = {
  wide: [1200, 630, 64, 60, 44, 30],
  tall: [1080, 1350, 80, 76, 56, 36],
};

/** A block of text in the card's middle: its words and how it is drawn at scale `s` (`size × s ** shrink`). */
interface Block {
  text: string;
  size: number;
  shrink: number;
  weight: number;
  color: string;
  font: string;
  rtl: boolean;
  lines?: string[];
  px?: number;
}

/**
 * The lines of `text` at the context's font, greedily filled to `width`. A word wider than a line is cut between
 * characters. Words are split at spaces, which also holds for right-to-left scripts.
 */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (context.measureText(candidate).width <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const character of word) {
      if (line && context.measureText(line + character).width > width) {
        lines.push(line);
        line = '';
      }
      line += character;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` cut at its end with an ellipsis until it fits `width`. */
function elide(context: CanvasRenderingContext2D, text: string, width: number): string {
  let shown = text;
  while (shown && context.measureText(shown).width > width) shown = [...shown].slice(0, -2).join('') + '…';
  return shown;
}

/**
 * Draws a card: the publication's name over an accent rule at the top, the quotation (or the figure and its label) and
 * the byline in the middle, shrunk until they fit, and the page's URL at the bottom.
 */
export function drawCard(content: CardContent, shape: CardShape): HTMLCanvasElement {
  const [width, height, margin, mainSize, labelSize, bylineSize] = SHAPES[shape];
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const { colors, rtl } = content;
  const inner = width - 2 * margin;
  const font = (block: Pick<Block, 'weight' | 'font'>, px: number) => `${block.weight} ${px}px ${block.font}`;
  type Style = Pick<Block, 'weight' | 'font' | 'color' | 'rtl'>;

  context.fillStyle = colors.background;
  context.fillRect(0, 0, width, height);
  context.fillStyle = colors.accent;
  context.fillRect(0, 0, width, margin / 4);

  // Each text starts on its own side: an Arabic quote on the right of an English page's card.
  context.textAlign = 'start';
  const line = (text: string, block: Style, px: number, y: number) => {
    context.font = font(block, px);
    context.fillStyle = block.color;
    context.direction = block.rtl ? 'rtl' : 'ltr';
    context.fillText(elide(context, text, inner), block.rtl ? width - margin : margin, y);
  };

  const small = bylineSize * 0.8;
  const top = margin / 4 + margin;
  line(content.site, { weight: 700, font: content.font, color: colors.text, rtl }, bylineSize, top + bylineSize);
  // A URL reads left to right in every script: isolated, so that a right-to-left card keeps its slashes in place.
  const url = `\u2066${content.url.replace(/^https?:\/\/(www\.)?/, '')}\u2069`;
  line(url, { weight: 400, font: content.font, color: colors.muted, rtl }, small, height - margin);

  const plain = { weight: 400, color: colors.text, font: content.font, rtl, shrink: 1 };
  const blocks: Block[] = [
    content.figure
      ? { ...plain, text: content.main, size: mainSize * 2.5, weight: 700, color: colors.accent, font: content.mainFont, rtl: content.mainRtl }
      : { ...plain, text: content.main, size: mainSize, font: content.mainFont, rtl: content.mainRtl },
    { ...plain, text: content.label ?? '', size: labelSize },
    // The byline shrinks less than the quotation: it stays legible beside a long one.
    { ...plain, text: content.byline, size: bylineSize, shrink: 0.5, color: colors.muted },
  ].filter((block) => block.text);

  // The middle: between the name and the URL, with a line's gap from each.
  const boxTop = top + bylineSize * 2.5;
  const boxHeight = height - margin - small * 2 - boxTop;
  const gap = margin / 2;
  let used = Infinity;
  for (let scale = 1; used > boxHeight && scale > 0.05; scale *= 0.92) {
    used = -gap;
    for (const block of blocks) {
      block.px = Math.round(block.size * scale ** block.shrink);
      context.font = font(block, block.px);
      block.lines = wrap(context, block.text, inner);
      used += block.lines.length * block.px * 1.3 + gap;
    }
  }

  // Centred in the middle, each line on a baseline 1.3 of its size below the last.
  let y = boxTop + Math.max(0, (boxHeight - used) / 2);
  for (const block of blocks) {
    for (const text of block.lines!) {
      y += block.px! * 1.05;
      line(text, block, block.px!, y);
      y += block.px! * 0.25;
    }
    y += gap;
  }
  return canvas;
}

/** The card as a PNG. */
export function cardPng(content: CardContent, shape: CardShape): Promise<Blob> {
  const canvas = drawCard(content, shape);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
