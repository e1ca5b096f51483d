import type { BuiltinTerms } from '../../internal/terms.js';

// The menu of share links, loaded on the first click on "Share" where the browser has no Web Share API or can share files.
const en = {
  shareOn: 'Share on',
  email: 'Email',
  server: 'Your Mastodon server, such as mastodon.social',
  badServer: 'Enter a server name such as mastodon.social',
  go: 'Share',
  changeServer: 'Change server',
  otherApps: 'Other apps…',
};

export const shareMenuTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    shareOn: 'Partager sur',
    email: 'E-mail',
    server: 'Votre serveur Mastodon, par exemple mastodon.social',
    badServer: 'Saisissez un nom de serveur, par exemple mastodon.social',
    go: 'Partager',
    changeServer: 'Changer de serveur',
    otherApps: 'Autres applications…',
  },
  uk: {
    shareOn: 'Поділитися в',
    email: 'Ел. пошта',
    server: 'Ваш сервер Mastodon, наприклад mastodon.social',
    badServer: 'Введіть назву сервера, наприклад mastodon.social',
    go: 'Поділитися',
    changeServer: 'Змінити сервер',
    otherApps: 'Інші застосунки…',
  },
};
