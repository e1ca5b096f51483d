import type { BuiltinTerms } from '../../internal/localize.js';

export const statCalloutTerms: BuiltinTerms = {
  en: {
    source: 'Source:',
    asOf: (date: string) => `as of ${date}`,
  },
  fr: {
    source: 'Source\u00a0:',
    asOf: (date: string) => `au ${date}`,
  },
  uk: {
    source: 'Джерело:',
    asOf: (date: string) => `станом на ${date}`,
  },
};
