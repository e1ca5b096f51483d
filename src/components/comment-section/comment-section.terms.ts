import type { BuiltinTerms } from '../../internal/terms.js';

const en = { comments: 'Comments', loading: 'Loading comments…' };

export const commentSectionTerms: BuiltinTerms<typeof en> = {
  en,
  fr: { comments: 'Commentaires', loading: 'Chargement des commentaires…' },
  uk: { comments: 'Коментарі', loading: 'Завантаження коментарів…' },
};
