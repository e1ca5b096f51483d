import type { BuiltinTerms } from '../../internal/terms.js';

// The buttons and what they report; the share menu's own terms load with it (share-menu.terms.ts).
const en = {
  copy: 'Copy quote',
  share: 'Share quote',
  copied: 'Quote copied',
  copyFailed: 'Could not copy: select the quote and copy it yourself',
};

export const shareActionsTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    copy: 'Copier la citation',
    share: 'Partager la citation',
    copied: 'Citation copiée',
    copyFailed: 'Copie impossible\u00a0: sélectionnez la citation et copiez-la vous-même',
  },
  uk: {
    copy: 'Копіювати цитату',
    share: 'Поділитися цитатою',
    copied: 'Цитату скопійовано',
    copyFailed: 'Не вдалося скопіювати: виділіть цитату й скопіюйте її самостійно',
  },
};
