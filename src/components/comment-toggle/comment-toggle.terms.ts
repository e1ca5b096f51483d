import type { BuiltinTerms } from '../../internal/terms.js';

// `count` gets the formatted number and its Intl.PluralRules category.
const en = {
  comments: 'Comments',
  clickToComment: 'Click to comment',
  count: (count: string, category: Intl.LDMLPluralRule) => `${count} ${category === 'one' ? 'comment' : 'comments'}`,
};

export const commentToggleTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    comments: 'Commentaires',
    clickToComment: 'Cliquez pour commenter',
    count: (count: string, category: Intl.LDMLPluralRule) =>
      category === 'one' ? `${count} commentaire` : category === 'many' ? `${count} de commentaires` : `${count} commentaires`,
  },
  uk: {
    comments: 'Коментарі',
    clickToComment: 'Натисніть, щоб прокоментувати',
    count: (count: string, category: Intl.LDMLPluralRule) =>
      `${count} ${{ one: 'коментар', few: 'коментарі', many: 'коментарів' }[category as string] ?? 'коментаря'}`,
  },
};
