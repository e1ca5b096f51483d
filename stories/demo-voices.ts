// Demo speakers and quotations for the pull-quote and speaker-caption stories, in English, French, Ukrainian and
// Arabic (the right-to-left language of the stories). The quotations are those the reference article attributes
// (March 2022); the translations and the unattributed sentences are written for these stories.
import { html } from 'lit';
import { registerTranslation } from '../src/internal/localize.js';
import type { Lang } from './demo-facts.js';

/** The stories' languages: the toolbar's three built-in ones and Arabic, written right to left. */
export type VoiceLang = Lang | 'ar';
export const VOICE_LANGS: VoiceLang[] = ['en', 'fr', 'uk', 'ar'];

/** A wrapper that gives its content a language and, for Arabic, the right-to-left direction. */
export const inLang = (lang: VoiceLang, content: unknown) =>
  html`<div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}>${content}</div>`;

// Arabic is not built in: a page adds it at run time, as these stories do.
registerTranslation({
  $code: 'ar',
  source: 'المصدر',
  copy: 'نسخ الاقتباس',
  share: 'مشاركة الاقتباس',
  copied: 'تم نسخ الاقتباس',
  copyFailed: 'تعذّر النسخ: حدّد الاقتباس وانسخه بنفسك',
  shareOn: 'مشاركة على',
  email: 'البريد الإلكتروني',
  server: 'خادم ماستودون الخاص بك، مثل mastodon.social',
  badServer: 'أدخل اسم خادم مثل mastodon.social',
  go: 'مشاركة',
  changeServer: 'تغيير الخادم',
});

export type SpeakerName = 'blinken' | 'leDrian' | 'zelensky' | 'arel';

export interface Speaker {
  name: Record<VoiceLang, string>;
  jobTitle: Record<VoiceLang, string>;
  href: string;
}

export const SPEAKERS: Record<SpeakerName, Speaker> = {
  blinken: {
    name: { en: 'Antony Blinken', fr: 'Antony Blinken', uk: 'Ентоні Блінкен', ar: 'أنتوني بلينكن' },
    jobTitle: { en: 'US Secretary of State', fr: 'secrétaire d’État américain', uk: 'державний секретар США', ar: 'وزير الخارجية الأمريكي' },
    href: 'https://www.state.gov/',
  },
  leDrian: {
    name: { en: 'Jean-Yves Le Drian', fr: 'Jean-Yves Le Drian', uk: 'Жан-Ів Ле Дріан', ar: 'جان إيف لودريان' },
    jobTitle: {
      en: 'Minister of Foreign Affairs of the French Republic',
      fr: 'ministre de l’Europe et des Affaires étrangères',
      uk: 'міністр закордонних справ Франції',
      ar: 'وزير الخارجية الفرنسي',
    },
    href: 'https://www.diplomatie.gouv.fr/',
  },
  zelensky: {
    name: { en: 'Volodymyr Zelensky', fr: 'Volodymyr Zelensky', uk: 'Володимир Зеленський', ar: 'فولوديمير زيلينسكي' },
    jobTitle: { en: 'President of Ukraine', fr: 'président de l’Ukraine', uk: 'Президент України', ar: 'رئيس أوكرانيا' },
    href: 'https://www.president.gov.ua/',
  },
  arel: {
    name: { en: 'Dominique Arel', fr: 'Dominique Arel', uk: 'Домінік Арель', ar: 'دومينيك آريل' },
    jobTitle: {
      en: 'Ukraine specialist, University of Ottawa',
      fr: 'spécialiste de l’Ukraine, Université d’Ottawa',
      uk: 'дослідник України, Оттавський університет',
      ar: 'متخصص في الشأن الأوكراني، جامعة أوتاوا',
    },
    href: 'https://www.uottawa.ca/',
  },
};

export type QuoteName = 'blinken' | 'leDrian' | 'zelensky' | 'arel' | 'excerpt';

/** Each quotation as the page's light-DOM markup (inline markup and `lang` kept), and who said it. */
export const QUOTES: Record<QuoteName, { speaker?: SpeakerName; text: Record<VoiceLang, unknown> }> = {
  blinken: {
    speaker: 'blinken',
    text: {
      en: 'The actions that we see Russia committing every day, virtually every minute of every day, are in complete contradiction to any serious diplomatic effort to end the war.',
      fr: 'Les actions que nous voyons la Russie commettre chaque jour, pratiquement à chaque minute de chaque jour, sont en totale contradiction avec tout effort diplomatique sérieux pour mettre fin à la guerre.',
      uk: 'Дії, які Росія чинить щодня, фактично щохвилини, цілком суперечать будь-яким серйозним дипломатичним зусиллям припинити війну.',
      ar: 'إن الأفعال التي نرى روسيا ترتكبها كل يوم، بل كل دقيقة تقريبًا من كل يوم، تتناقض تمامًا مع أي جهد دبلوماسي جاد لإنهاء الحرب.',
    },
  },
  leDrian: {
    speaker: 'leDrian',
    text: {
      en: html`<span lang="fr">[Cette approche prévoit]</span> indiscriminate bombardments, so-called humanitarian “corridors” designed to
        then accuse the adversary of not respecting them and talks with no other objective than to pretend to negotiate.`,
      fr: html`[Cette approche prévoit] des bombardements indiscriminés, de prétendus «&nbsp;couloirs&nbsp;» humanitaires conçus pour
        accuser ensuite l’adversaire de ne pas les respecter, et des pourparlers sans autre objectif que de faire semblant de négocier.`,
      uk: html`<span lang="fr">[Cette approche prévoit]</span> невибіркові бомбардування, так звані гуманітарні «коридори», щоб потім
        звинуватити супротивника в їх недотриманні, і переговори без іншої мети, ніж удавати, що переговори ведуться.`,
      ar: html`<span lang="fr">[Cette approche prévoit]</span> قصفًا عشوائيًا، و«ممرات» إنسانية مزعومة تُقام لاتهام الخصم لاحقًا بعدم
        احترامها، ومحادثات لا هدف لها سوى التظاهر بالتفاوض.`,
    },
  },
  zelensky: {
    speaker: 'zelensky',
    text: { en: 'Stop the war.', fr: 'Arrêtez la guerre.', uk: 'Зупиніть війну.', ar: 'أوقفوا الحرب.' },
  },
  arel: {
    speaker: 'arel',
    text: {
      en: 'Russia does not feel weakened enough to sit down and negotiate.',
      fr: 'La Russie ne se sent pas assez affaiblie pour s’asseoir et négocier.',
      uk: 'Росія не почувається достатньо ослабленою, щоб сісти за стіл переговорів.',
      ar: 'لا تشعر روسيا بأنها ضعفت بما يكفي للجلوس والتفاوض.',
    },
  },
  excerpt: {
    text: {
      en: 'Western capitals say the talks ring hollow while the shelling of civilians goes on.',
      fr: 'Pour les capitales occidentales, ces pourparlers sonnent creux tant que les civils restent sous les bombes.',
      uk: 'Західні столиці вважають ці переговори порожніми, доки тривають обстріли цивільних.',
      ar: 'ترى العواصم الغربية أن هذه المحادثات جوفاء ما دام قصف المدنيين مستمرًا.',
    },
  },
};

/** Paragraphs of demo article text for a quote to sit in (written for the stories). */
export const ARTICLE_TEXT: Record<VoiceLang, string> = {
  en: 'Diplomats met again this week, but neither side moved on the questions that matter most: a ceasefire, the withdrawal of troops and guarantees for Ukraine’s security. Officials on both sides described the sessions as technical, and Western governments were quick to point out that the bombardment of cities continued while the delegations talked.',
  fr: 'Les diplomates se sont de nouveau réunis cette semaine, sans avancée sur l’essentiel\u00a0: un cessez-le-feu, le retrait des troupes et des garanties de sécurité pour l’Ukraine. Des deux côtés, on parle de séances techniques, et les capitales occidentales ont aussitôt rappelé que les bombardements des villes se poursuivaient pendant les discussions.',
  uk: 'Дипломати знову зустрілися цього тижня, але жодна зі сторін не зрушила з головних питань: припинення вогню, виведення військ і гарантій безпеки для України. Обидві сторони назвали зустрічі технічними, а західні уряди одразу нагадали, що обстріли міст тривали під час розмов.',
  ar: 'التقى الدبلوماسيون مجددًا هذا الأسبوع، لكن أيًّا من الطرفين لم يتقدم في المسائل الأهم: وقف إطلاق النار وانسحاب القوات وضمانات أمن أوكرانيا. ووصف مسؤولون من الجانبين الجلسات بأنها تقنية، فيما سارعت الحكومات الغربية إلى التذكير بأن قصف المدن استمر أثناء المحادثات.',
};
