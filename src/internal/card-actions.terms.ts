import type { BuiltinTerms } from './terms.js';

// The image card's controls, loaded with them (pull-quote's share menu, stat-callout's share panel).
const en = {
  shape: 'Image shape',
  wide: 'Wide, for link previews (1200 × 630)',
  tall: 'Tall, for feeds (1080 × 1350)',
  shareImage: 'Share as image',
  downloadImage: 'Download image',
  downloaded: 'Image downloaded',
  failed: 'Could not make the image',
};

export const cardActionsTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    shape: 'Format de l’image',
    wide: 'Large, pour les aperçus de liens (1200 × 630)',
    tall: 'Haut, pour les fils d’actualité (1080 × 1350)',
    shareImage: 'Partager en image',
    downloadImage: 'Télécharger l’image',
    downloaded: 'Image téléchargée',
    failed: 'Impossible de créer l’image',
  },
  uk: {
    shape: 'Формат зображення',
    wide: 'Широке, для попереднього перегляду посилань (1200 × 630)',
    tall: 'Високе, для стрічок (1080 × 1350)',
    shareImage: 'Поділитися як зображенням',
    downloadImage: 'Завантажити зображення',
    downloaded: 'Зображення завантажено',
    failed: 'Не вдалося створити зображення',
  },
};
