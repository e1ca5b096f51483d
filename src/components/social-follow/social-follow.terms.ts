import type { BuiltinTerms } from '../../internal/terms.js';

const en = {
  follow: (network: string) => `Follow us on ${network}`,
  subscribeRss: 'Subscribe to our RSS feed',
  emailUs: 'Email us',
  // What tells apart two links that would otherwise share a name: the link's own text, an account or an address.
  // A dash, not parentheses: checkers (and some readers) skip parenthetical text when matching a visible label.
  detail: (name: string, detail: string) => `${name} – ${detail}`,
};

export const socialFollowTerms: BuiltinTerms<typeof en> = {
  en,
  fr: {
    follow: (network: string) => `Suivez-nous sur ${network}`,
    subscribeRss: 'Abonnez-vous à notre flux RSS',
    emailUs: 'Écrivez-nous',
  },
  uk: {
    follow: (network: string) => `Стежте за нами в ${network}`,
    subscribeRss: 'Підпишіться на нашу RSS-стрічку',
    emailUs: 'Напишіть нам',
  },
};
