// Texts shaped to hit super-linear work in a parser, a regex or a normaliser: long runs of the characters each step
// treats specially. Each shape fills a byte budget, so the same shape can be built at the size limit and 4× smaller.

/** `head`, then `unit` repeated as often as fits, then `tail`, in at most `bytes` UTF-8 bytes. */
function fill(head: string, unit: string, bytes: number, tail = ''): string {
  const room = bytes - Buffer.byteLength(head + tail);
  return head + times(unit, Math.floor(room / Buffer.byteLength(unit))) + tail;
}

/** `unit` repeated `count` times, or nothing when the budget leaves no room (`count` below one). */
function times(unit: string, count: number): string {
  return unit.repeat(Math.max(0, count));
}

const URL_START = 'http://x.example/';
const SENTENCE_PUNCTUATION = [...'.,;:!?)]}'];
const URL_CHARACTERS = [...'/?#&=%+~-_@:'];

/** Adversarial shapes by name: each builds a text of at most `bytes` UTF-8 bytes. */
export const ADVERSARIAL_SHAPES: Record<string, (bytes: number) => string> = {
  ...Object.fromEntries(
    SENTENCE_PUNCTUATION.flatMap((char) => [
      [`URL, a run of ${char} and a letter`, (bytes: number) => fill(URL_START, char, bytes, 'a')],
      [`URL ending in a run of ${char}`, (bytes: number) => fill(URL_START, char, bytes)],
    ]),
  ),
  'URL, a run of mixed sentence punctuation and a letter': (bytes) => fill(URL_START, SENTENCE_PUNCTUATION.join(''), bytes, 'a'),
  ...Object.fromEntries(
    URL_CHARACTERS.map((char) => [`URL and a run of ${char}`, (bytes: number) => fill(URL_START, char, bytes, '.a')]),
  ),
  'a run of "http://"': (bytes) => fill('', 'http://', bytes),
  'one long URL': (bytes) => fill('https://', 'a', bytes),
  'nested round brackets in a URL': (bytes) => fill(URL_START, '(', bytes / 2) + times(')', Math.floor(bytes / 2) - 1),
  'nested mixed brackets in a URL': (bytes) => fill(URL_START, '[{(', bytes / 2) + times(')}]', Math.floor(bytes / 6) - 1),
  'many URLs': (bytes) => fill('', 'http://a.example/x. ', bytes),
  'many URLs between quotes': (bytes) => fill('', 'https://a.example"', bytes),
  'one long word': (bytes) => fill('', 'a', bytes),
  'many blank lines': (bytes) => fill('', '\n \n', bytes, 'x'),
  'a line break then a run of spaces': (bytes) => fill('x\n', ' \t', bytes, 'x'),
  'a run of spaces between words': (bytes) => fill('a', ' ', bytes, 'b'),
  'a run of ideographic spaces': (bytes) => fill('a', '\u3000', bytes, 'b'),
  'a run of <': (bytes) => fill('', '<', bytes, 'a'),
  'a run of HTML specials': (bytes) => fill('', `<&>"'`, bytes),
  'a run of zero-width spaces and a letter': (bytes) => fill('', '\u200b', bytes, 'a'),
  'combining marks out of canonical order': (bytes) => fill('a', '\u0316\u0301', bytes),
  'combining marks of many classes': (bytes) => fill('a', '\u0301\u0316\u0327\u05b0\u0345', bytes),
  'halfwidth voiced marks between accents': (bytes) => fill('a', '\uff9e\u0301', bytes),
  'a run of accented letters': (bytes) => fill('', 'é', bytes),
  'a run of emoji': (bytes) => fill('', '😀', bytes),
};
