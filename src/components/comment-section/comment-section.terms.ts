import type { BuiltinTerms } from '../../internal/localize.js';

export const commentSectionTerms: BuiltinTerms = {
  en: { comments: 'Comments', loading: 'Loading comments…' },
  fr: { comments: 'Commentaires', loading: 'Chargement des commentaires…' },
  uk: { comments: 'Коментарі', loading: 'Завантаження коментарів…' },
};
