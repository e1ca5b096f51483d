import type { BuiltinTerms } from '../../internal/terms.js';

const en = {
  sourceLabel: 'Source:',
  asOf: (date: string) => `as of ${date}`,
};

export const statCalloutTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    sourceLabel: 'Source\u00a0:',
    asOf: (date: string) => `au ${date}`,
  },
  uk: {
    sourceLabel: 'Джерело:',
    asOf: (date: string) => `станом на ${date}`,
  },
};
