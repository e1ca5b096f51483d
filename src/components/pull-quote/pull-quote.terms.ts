import type { BuiltinTerms } from '../../internal/terms.js';

// The buttons' and the share menu's terms load with them (share-actions.terms.ts, share-menu.terms.ts).
const en = { source: 'Source' };

export const pullQuoteTerms: BuiltinTerms<typeof en> = {
  en,
  uk: { source: 'Джерело' },
};
