import type { BuiltinTerms } from '../../internal/localize.js';

export const shareMenuTerms: BuiltinTerms = {
  en: {
    copied: 'Quote copied',
    copyFailed: 'Could not copy: select the quote and copy it yourself',
    shareOn: 'Share on',
    email: 'Email',
    server: 'Your Mastodon server, such as mastodon.social',
    badServer: 'Enter a server name such as mastodon.social',
    go: 'Share',
    changeServer: 'Change server',
  },
  fr: {
    copied: 'Citation copiée',
    copyFailed: 'Copie impossible\u00a0: sélectionnez la citation et copiez-la vous-même',
    shareOn: 'Partager sur',
    email: 'E-mail',
    server: 'Votre serveur Mastodon, par exemple mastodon.social',
    badServer: 'Saisissez un nom de serveur, par exemple mastodon.social',
    go: 'Partager',
    changeServer: 'Changer de serveur',
  },
  uk: {
    copied: 'Цитату скопійовано',
    copyFailed: 'Не вдалося скопіювати: виділіть цитату й скопіюйте її самостійно',
    shareOn: 'Поділитися в',
    email: 'Ел. пошта',
    server: 'Ваш сервер Mastodon, наприклад mastodon.social',
    badServer: 'Введіть назву сервера, наприклад mastodon.social',
    go: 'Поділитися',
    changeServer: 'Змінити сервер',
  },
};
