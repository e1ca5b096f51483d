import type { BuiltinTerms } from '../../internal/terms.js';

// The buttons' and the share menu's terms load with them (share-actions.terms.ts, share-menu.terms.ts). `language` is
// the original's language by name, in the reader's language (Intl.DisplayNames).
const en = {
  source: 'Source',
  showOriginal: (language: string) => `Show original (${language})`,
  originalLabel: (language: string) => `Original in ${language}`,
  showingOriginal: (language: string) => `Showing the original, in ${language}`,
  showingTranslation: 'Showing the translation',
};

/** Ukrainian names a language as an adjective ("французька"); "in French" is its instrumental ("французькою"). */
const inUkrainian = (language: string) => language.replace(/а$/, 'ою');

export const pullQuoteTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    showOriginal: (language) => `Afficher l’original (${language})`,
    originalLabel: (language) => `Original en ${language}`,
    showingOriginal: (language) => `Original affiché, en ${language}`,
    showingTranslation: 'Traduction affichée',
  },
  uk: {
    source: 'Джерело',
    showOriginal: (language) => `Показати оригінал (${inUkrainian(language)})`,
    originalLabel: (language) => `Оригінал ${inUkrainian(language)}`,
    showingOriginal: (language) => `Показано оригінал, ${inUkrainian(language)}`,
    showingTranslation: 'Показано переклад',
  },
};
