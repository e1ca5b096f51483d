import type { BuiltinTerms } from '../../internal/terms.js';

const en = {
  comments: 'Comments',
  loading: 'Loading comments…',
  empty: 'No comments yet',
  error: 'The comments could not be loaded.',
  retry: 'Try again',
  loadMore: 'Load more comments',
  reply: 'Reply',
  awaitingModeration: 'Your comment is awaiting moderation.',
};

export const commentListTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    comments: 'Commentaires',
    loading: 'Chargement des commentaires…',
    empty: 'Aucun commentaire pour l’instant',
    error: 'Les commentaires n’ont pas pu être chargés.',
    retry: 'Réessayer',
    loadMore: 'Afficher plus de commentaires',
    reply: 'Répondre',
    awaitingModeration: 'Votre commentaire est en attente de modération.',
  },
  uk: {
    comments: 'Коментарі',
    loading: 'Завантаження коментарів…',
    empty: 'Коментарів ще немає',
    error: 'Не вдалося завантажити коментарі.',
    retry: 'Спробувати ще раз',
    loadMore: 'Показати більше коментарів',
    reply: 'Відповісти',
    awaitingModeration: 'Ваш коментар очікує на модерацію.',
  },
};
