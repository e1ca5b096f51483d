import type { BuiltinTerms } from '../../internal/terms.js';

// The share button, loaded with it; the image controls' terms are their own (internal/card-actions.terms.ts).
const en = { shareFigure: 'Share figure' };

export const shareFigureTerms: BuiltinTerms<typeof en> = {
  en,
  fr: { shareFigure: 'Partager le chiffre' },
  uk: { shareFigure: 'Поділитися цифрою' },
};
