import type { BuiltinTerms } from '../../internal/localize.js';

// The sharing actions' own terms load with them (share-menu.terms.ts).
export const pullQuoteTerms: BuiltinTerms = {
  en: {
    separator: ', ',
    source: 'Source',
    copy: 'Copy quote',
    share: 'Share quote',
  },
  fr: {
    copy: 'Copier la citation',
    share: 'Partager la citation',
  },
  uk: {
    source: 'Джерело',
    copy: 'Копіювати цитату',
    share: 'Поділитися цитатою',
  },
  ar: { separator: '، ' },
};
