import type { BuiltinTerms } from '../../internal/terms.js';

const en = {
  showAll: (count: number) => `Show all (${count})`,
  showLess: 'Show less',
};

export const factBoxTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    showAll: (count: number) => `Tout afficher (${count})`,
    showLess: 'Afficher moins',
  },
  uk: {
    showAll: (count: number) => `Показати все (${count})`,
    showLess: 'Показати менше',
  },
};
