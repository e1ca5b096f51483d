/**
 * The words readers see in reply notifications (the confirmation and digest emails, the pages their links open), in
 * the languages built in. A reader's language tag gets its best match by primary subtag (`fr-CA` → French), anything
 * else English. The moderator's email is not here: it stays English, as the moderation desk does.
 */

/** The words of one page behind a link: its title, what it says, and its button's label if it has one. */
export interface PageTerms {
  title: string;
  message: string;
  button?: string;
}

/** What a link's page says in each of its states: before the action, just done, done earlier. */
export interface LinkPageTerms {
  unused: PageTerms & { button: string };
  done: PageTerms;
  used: PageTerms;
}

export interface NotificationTerms {
  /** The language code the words are in, for `lang` attributes. */
  lang: string;
  hello: string;
  /** A reply's author when they gave no name. */
  anonymous: string;
  confirmSubject: string;
  confirmAsked: string;
  /** Before the link in the plain text. */
  confirmHow: string;
  confirmLink: string;
  confirmIgnore: string;
  /** Subject of a notification of one reply. */
  repliedSubject(name: string): string;
  /** Subject of a digest of `count` replies, `number` being `count` written in the language. */
  newReplies(count: number, number: string): string;
  /** Above a reply's quoted text. */
  replied(name: string): string;
  readIt: string;
  /** `readIt` before the reply's address in the plain text. */
  readItAt(href: string): string;
  footerWhy: string;
  /** Before the unsubscribe link in the plain text. */
  stopText: string;
  stopLink: string;
  /** After the unsubscribe link in the HTML. */
  stopNote: string;
  invalidLink: PageTerms;
  confirmPage: LinkPageTerms;
  unsubscribePage: LinkPageTerms;
}

/** A plural by category of Intl.PluralRules, `other` required (the category of every language). */
type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const plural = (lang: string, count: number, forms: PluralForms): string =>
  forms[new Intl.PluralRules(lang).select(count)] ?? forms.other;

const en: NotificationTerms = {
  lang: 'en',
  hello: 'Hello,',
  anonymous: 'Anonymous',
  confirmSubject: 'Confirm your address for reply notifications',
  confirmAsked: 'Someone, we hope you, asked to be emailed replies to a comment, with this address.',
  confirmHow: 'To confirm, open this link and press "Confirm":',
  confirmLink: 'Confirm my address',
  confirmIgnore: 'If it was not you, ignore this email: nothing more will be sent to you.',
  repliedSubject: (name) => `${name} replied to your comment`,
  newReplies: (count, number) =>
    plural('en', count, { one: `${number} new reply to your comment`, other: `${number} new replies to your comment` }),
  replied: (name) => `${name} replied:`,
  readIt: 'Read it on the page',
  readItAt: (href) => `Read it on the page: ${href}`,
  footerWhy: 'You get this email because you asked to be told of replies in this conversation.',
  stopText: 'Stop (one click, no login):',
  stopLink: 'Stop these emails',
  stopNote: '(one click, no login).',
  invalidLink: { title: 'This link is not valid', message: 'Please use the link exactly as it is in the email.' },
  confirmPage: {
    unused: { title: 'Confirm your address', message: 'Press the button to be emailed replies in the conversations you follow.', button: 'Confirm' },
    done: { title: 'Address confirmed', message: 'You will be emailed replies in the conversations you follow. Every email has a link to stop.' },
    used: { title: 'Already confirmed', message: 'This link was used already: your address is confirmed.' },
  },
  unsubscribePage: {
    unused: { title: 'Stop these emails', message: 'Press the button to stop emails about replies in this conversation.', button: 'Unsubscribe' },
    done: { title: 'Unsubscribed', message: 'You will get no more emails about replies in this conversation.' },
    used: { title: 'Already unsubscribed', message: 'This link was used already: you get no emails about this conversation.' },
  },
};

// French typography: a no-break space before ":" and inside « ».
const fr: NotificationTerms = {
  lang: 'fr',
  hello: 'Bonjour,',
  anonymous: 'Anonyme',
  confirmSubject: 'Confirmez votre adresse pour recevoir les réponses',
  confirmAsked: 'Quelqu’un (vous, nous l’espérons) a demandé à recevoir à cette adresse les réponses à un commentaire.',
  confirmHow: 'Pour confirmer, ouvrez ce lien et appuyez sur «\u00a0Confirmer\u00a0»\u00a0:',
  confirmLink: 'Confirmer mon adresse',
  confirmIgnore: 'Si ce n’était pas vous, ignorez ce message\u00a0: vous ne recevrez rien d’autre.',
  repliedSubject: (name) => `${name} a répondu à votre commentaire`,
  newReplies: (count, number) =>
    plural('fr', count, {
      one: `${number} nouvelle réponse à votre commentaire`,
      other: `${number} nouvelles réponses à votre commentaire`,
    }),
  replied: (name) => `${name} a répondu\u00a0:`,
  readIt: 'Lire sur la page',
  readItAt: (href) => `Lire sur la page\u00a0: ${href}`,
  footerWhy: 'Vous recevez ce message parce que vous avez demandé à recevoir les réponses de cette conversation.',
  stopText: 'Ne plus rien recevoir (un clic, sans connexion)\u00a0:',
  stopLink: 'Ne plus recevoir ces messages',
  stopNote: '(un clic, sans connexion).',
  invalidLink: { title: 'Ce lien n’est pas valide', message: 'Utilisez le lien tel qu’il figure dans le message.' },
  confirmPage: {
    unused: {
      title: 'Confirmez votre adresse',
      message: 'Appuyez sur le bouton pour recevoir par e-mail les réponses dans les conversations que vous suivez.',
      button: 'Confirmer',
    },
    done: {
      title: 'Adresse confirmée',
      message: 'Vous recevrez par e-mail les réponses dans les conversations que vous suivez. Chaque message contient un lien pour arrêter.',
    },
    used: { title: 'Adresse déjà confirmée', message: 'Ce lien a déjà servi\u00a0: votre adresse est confirmée.' },
  },
  unsubscribePage: {
    unused: {
      title: 'Ne plus recevoir ces messages',
      message: 'Appuyez sur le bouton pour ne plus recevoir de messages sur les réponses dans cette conversation.',
      button: 'Se désabonner',
    },
    done: { title: 'Désabonnement effectué', message: 'Vous ne recevrez plus de messages sur les réponses dans cette conversation.' },
    used: { title: 'Désabonnement déjà effectué', message: 'Ce lien a déjà servi\u00a0: vous ne recevez plus de messages sur cette conversation.' },
  },
};

// The author's gender is unknown and Ukrainian past tenses mark it: the present tense ("пише", "відповідає") does not.
const uk: NotificationTerms = {
  lang: 'uk',
  hello: 'Вітаємо!',
  anonymous: 'Анонім',
  confirmSubject: 'Підтвердьте адресу, щоб отримувати відповіді',
  confirmAsked: 'Хтось (сподіваємося, що ви) попросив надсилати на цю адресу відповіді на коментар.',
  confirmHow: 'Щоб підтвердити, відкрийте це посилання й натисніть «Підтвердити»:',
  confirmLink: 'Підтвердити адресу',
  confirmIgnore: 'Якщо це були не ви, не зважайте на цей лист: більше ми нічого вам не надішлемо.',
  repliedSubject: (name) => `${name} відповідає на ваш коментар`,
  newReplies: (count, number) =>
    plural('uk', count, {
      one: `${number} нова відповідь на ваш коментар`,
      few: `${number} нові відповіді на ваш коментар`,
      many: `${number} нових відповідей на ваш коментар`,
      other: `${number} нової відповіді на ваш коментар`,
    }),
  replied: (name) => `${name} пише:`,
  readIt: 'Читати на сторінці',
  readItAt: (href) => `Читати на сторінці: ${href}`,
  footerWhy: 'Ви отримали цей лист, бо попросили повідомляти вас про відповіді в цій розмові.',
  stopText: 'Відписатися (один клік, без входу):',
  stopLink: 'Відписатися від цих листів',
  stopNote: '(один клік, без входу).',
  invalidLink: { title: 'Це посилання недійсне', message: 'Скористайтеся посиланням саме так, як воно є в листі.' },
  confirmPage: {
    unused: {
      title: 'Підтвердьте адресу',
      message: 'Натисніть кнопку, щоб отримувати листи з відповідями в розмовах, за якими ви стежите.',
      button: 'Підтвердити',
    },
    done: {
      title: 'Адресу підтверджено',
      message: 'Ви отримуватимете листи з відповідями в розмовах, за якими стежите. У кожному листі є посилання, щоб відписатися.',
    },
    used: { title: 'Адресу вже підтверджено', message: 'Це посилання вже використано: вашу адресу підтверджено.' },
  },
  unsubscribePage: {
    unused: {
      title: 'Відписатися від цих листів',
      message: 'Натисніть кнопку, щоб більше не отримувати листів про відповіді в цій розмові.',
      button: 'Відписатися',
    },
    done: { title: 'Ви відписалися', message: 'Ви більше не отримуватимете листів про відповіді в цій розмові.' },
    used: { title: 'Ви вже відписалися', message: 'Це посилання вже використано: листів про цю розмову ви не отримуєте.' },
  },
};

const BUILT_IN: ReadonlyMap<string, NotificationTerms> = new Map([
  ['en', en],
  ['fr', fr],
  ['uk', uk],
]);

const primaryOf = (tag: string): string => tag.split('-')[0].toLowerCase();

/** The built-in terms for a language tag: by its primary subtag (`fr-CA` → French), else English. */
export function notificationTerms(language: string | undefined): NotificationTerms {
  return BUILT_IN.get(primaryOf(language ?? '')) ?? en;
}

/** Longest `Accept-Language` read: a browser's is a few dozen characters; the rest of a longer one is ignored. */
const ACCEPT_LANGUAGE_CHARS = 500;

/**
 * The built-in terms a browser prefers by its `Accept-Language` (`fr-CA,fr;q=0.9,en;q=0.5`): the built-in language
 * with the highest weight, English if none (one pass over a bounded header, no backtracking pattern).
 */
export function preferredTerms(acceptLanguage: string | undefined): NotificationTerms {
  let best: { terms: NotificationTerms; weight: number } | undefined;
  for (const range of (acceptLanguage ?? '').slice(0, ACCEPT_LANGUAGE_CHARS).split(',')) {
    const [tag, ...parameters] = range.split(';').map((part) => part.trim());
    const terms = BUILT_IN.get(primaryOf(tag));
    if (terms === undefined) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (weight > 0 && weight <= 1 && (best === undefined || weight > best.weight)) best = { terms, weight };
  }
  return best?.terms ?? en;
}
