import { cachedFormat } from './localize.js';

// Intl formats beyond numbers and dates, as functions of a language (`this.localize.lang`): only the elements that
// use them ship them.

/** "3 hours ago", "yesterday": a relative time in a language. */
export function relativeTime(
  lang: string,
  value: number,
  unit: Intl.RelativeTimeFormatUnit,
  options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' },
): string {
  return cachedFormat('r', lang, options, (locale) => new Intl.RelativeTimeFormat(locale, options)).format(value, unit);
}

/** The plural category (`one`, `few`, `many`, `other`…) of a count in a language. */
export function pluralCategory(lang: string, count: number, options: Intl.PluralRulesOptions = {}): Intl.LDMLPluralRule {
  return cachedFormat('p', lang, options, (locale) => new Intl.PluralRules(locale, options)).select(count);
}

/** The name of language `code` in language `lang` ("French", "français", "французька"); the code when Intl has none. */
export function languageName(lang: string, code: string): string {
  try {
    return cachedFormat('l', lang, {}, (locale) => new Intl.DisplayNames(locale, { type: 'language' })).of(code) ?? code;
  } catch {
    // A malformed code (`of` throws): shown as written rather than failing to render.
    return code;
  }
}
