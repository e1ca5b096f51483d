import type { BuiltinTerms } from './terms.js';

// The image card's controls, loaded with them (pull-quote's share menu, stat-callout's share panel).
const en = {
  imageShape: 'Image shape',
  imageWide: 'Wide, for link previews (1200 × 630)',
  imageTall: 'Tall, for feeds (1080 × 1350)',
  shareImage: 'Share as image',
  downloadImage: 'Download image',
  imageDownloaded: 'Image downloaded',
  imageFailed: 'Could not make the image',
};

export const cardActionsTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    imageShape: 'Format de l’image',
    imageWide: 'Large, pour les aperçus de liens (1200 × 630)',
    imageTall: 'Haut, pour les fils d’actualité (1080 × 1350)',
    shareImage: 'Partager en image',
    downloadImage: 'Télécharger l’image',
    imageDownloaded: 'Image téléchargée',
    imageFailed: 'Impossible de créer l’image',
  },
  uk: {
    imageShape: 'Формат зображення',
    imageWide: 'Широке, для попереднього перегляду посилань (1200 × 630)',
    imageTall: 'Високе, для стрічок (1080 × 1350)',
    shareImage: 'Поділитися як зображенням',
    downloadImage: 'Завантажити зображення',
    imageDownloaded: 'Зображення завантажено',
    imageFailed: 'Не вдалося створити зображення',
  },
};
