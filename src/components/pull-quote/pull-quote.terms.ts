import type { BuiltinTerms } from '../../internal/localize.js';

// The buttons' and the share menu's terms load with them (share-actions.terms.ts, share-menu.terms.ts).
export const pullQuoteTerms: BuiltinTerms = {
  en: { source: 'Source' },
  uk: { source: 'Джерело' },
};
