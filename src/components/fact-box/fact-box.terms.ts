import type { BuiltinTerms } from '../../internal/localize.js';

export const factBoxTerms: BuiltinTerms = {
  en: {
    showAll: (count: number) => `Show all (${count})`,
    showLess: 'Show less',
  },
  fr: {
    showAll: (count: number) => `Tout afficher (${count})`,
    showLess: 'Afficher moins',
  },
  uk: {
    showAll: (count: number) => `Показати все (${count})`,
    showLess: 'Показати менше',
  },
};
