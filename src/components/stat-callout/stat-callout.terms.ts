import type { BuiltinTerms } from '../../internal/localize.js';

export const statCalloutTerms: BuiltinTerms = {
  en: {
    sourceLabel: 'Source:',
    asOf: (date: string) => `as of ${date}`,
  },
  fr: {
    sourceLabel: 'Source\u00a0:',
    asOf: (date: string) => `au ${date}`,
  },
  uk: {
    sourceLabel: 'Джерело:',
    asOf: (date: string) => `станом на ${date}`,
  },
};
