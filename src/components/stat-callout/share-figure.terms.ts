import type { BuiltinTerms } from '../../internal/terms.js';

// The share button, loaded with it; the image controls' terms are their own (internal/card-actions.terms.ts).
const en = { share: 'Share figure' };

export const shareFigureTerms: BuiltinTerms<typeof en> = {
  en,
  fr: { share: 'Partager le chiffre' },
  uk: { share: 'Поділитися цифрою' },
};
