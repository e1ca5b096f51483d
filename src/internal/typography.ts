import { candidateLanguages, primaryOf, registeredTranslation } from './localize.js';

// Quotation marks and writing direction by language: only the elements that set quotations ship these tables.

/** Quotation marks by primary language (CLDR delimiters); `$quotes` in a registered translation wins. */
const QUOTES: Record<string, readonly [string, string, string, string]> = {
  en: ['“', '”', '‘', '’'],
  fr: ['«\u202f', '\u202f»', '“', '”'],
  uk: ['«', '»', '„', '“'],
  ru: ['«', '»', '„', '“'],
  de: ['„', '“', '‚', '‘'],
  pl: ['„', '”', '«', '»'],
  cs: ['„', '“', '‚', '‘'],
  es: ['«', '»', '“', '”'],
  it: ['«', '»', '“', '”'],
  pt: ['«', '»', '“', '”'],
  nl: ['‘', '’', '“', '”'],
  sv: ['”', '”', '’', '’'],
  ja: ['「', '」', '『', '』'],
  zh: ['“', '”', '‘', '’'],
  ar: ['”', '“', '’', '‘'],
  he: ['”', '”', '’', '’'],
};

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/**
 * Opening and closing quotation marks of a language (a quotation's own language may differ from its page's); the
 * inner pair for a quote within a quote.
 */
export function quoteMarks(lang: string, inner = false): readonly [string, string] {
  for (const code of candidateLanguages(lang)) {
    const marks = registeredTranslation(code)?.$quotes ?? QUOTES[code];
    if (marks) return inner && marks.length === 4 ? [marks[2], marks[3]] : [marks[0], marks[1]];
  }
  return ['“', '”'];
}

/** Whether a language is written right to left. */
export function isRtlLanguage(lang: string): boolean {
  return RTL_LANGUAGES.has(primaryOf(lang));
}

/** Scripts that have no italics: their glyphs are slanted by the browser, which hurts legibility (simorgh#1731). */
const NO_ITALICS = new Set(['ar', 'fa', 'ur', 'he', 'yi', 'zh', 'ja', 'ko']);

/** Whether a language's script has italics. */
export function hasItalics(lang: string): boolean {
  return !NO_ITALICS.has(primaryOf(lang));
}
