// Demo figures for the stories, in each built-in language. The figures and sources are those of the reference
// article (March 2022); the labels are written for these stories.
import { html, nothing } from 'lit';

export type Lang = 'en' | 'fr' | 'uk';
export type FactName = 'refugees' | 'children' | 'soldiers' | 'housing' | 'euros' | 'distance' | 'year';

export interface Fact {
  value: string;
  format?: string;
  prefix?: Record<Lang, string>;
  label: Record<Lang, string>;
  source?: Record<Lang, string>;
  sourceHref?: string;
  date?: string;
}

export const FACTS: Record<FactName, Fact> = {
  refugees: {
    value: '3000000',
    format: 'compact',
    prefix: { en: 'Over', fr: 'Plus de', uk: 'Понад' },
    label: {
      en: 'Ukrainians have left for other countries, most of them crossing into Poland',
      fr: 'Ukrainiens sont partis à l’étranger, pour la plupart en Pologne',
      uk: 'українців виїхали за кордон, більшість — до Польщі',
    },
    source: { en: 'Agence France-Presse', fr: 'Agence France-Presse', uk: 'Агентство Франс Прес' },
    sourceHref: 'https://www.afp.com/',
    date: '2022-03-15',
  },
  children: {
    value: '108',
    label: {
      en: 'children killed in Ukraine since the Russian invasion began',
      fr: 'enfants tués en Ukraine depuis le début de l’invasion russe',
      uk: 'дітей загинули в Україні від початку російського вторгнення',
    },
    source: {
      en: 'Prosecutor General’s Office of Ukraine',
      fr: 'Parquet général d’Ukraine',
      uk: 'Офіс Генерального прокурора України',
    },
  },
  soldiers: {
    value: '7000',
    label: {
      en: 'Russian soldiers dead after three weeks of fighting, in US intelligence estimates',
      fr: 'soldats russes morts en trois semaines de combats, selon le renseignement américain',
      uk: 'російських військових загинули за три тижні боїв, за оцінками розвідки США',
    },
    source: { en: 'The New York Times', fr: 'The New York Times', uk: 'The New York Times' },
    sourceHref: 'https://www.nytimes.com/',
  },
  housing: {
    value: '80',
    format: 'percent',
    label: {
      en: 'of the homes in Mariupol destroyed by the bombardment',
      fr: 'des logements de Marioupol détruits par les bombardements',
      uk: 'житла в Маріуполі зруйновано обстрілами',
    },
    source: {
      en: 'Mariupol City Council estimates',
      fr: 'Estimations de la mairie de Marioupol',
      uk: 'Оцінки Маріупольської міської ради',
    },
  },
  // Illustrative figures for the formats the article does not use.
  euros: {
    value: '1500',
    label: { en: 'Example: an amount in euros', fr: 'Exemple : un montant en euros', uk: 'Приклад: сума в євро' },
  },
  distance: {
    value: '12.345',
    label: { en: 'Example: a distance', fr: 'Exemple : une distance', uk: 'Приклад: відстань' },
  },
  year: {
    value: '2022',
    label: { en: 'Example: a year, shown as written', fr: 'Exemple : une année, telle qu’écrite', uk: 'Приклад: рік, як написано' },
  },
};

export const HEADINGS: Record<Lang, string> = { en: 'Learn more', fr: 'En savoir plus', uk: 'Дізнатися більше' };

/** The story's language: the `lang` toolbar global, English when unset or unknown. */
export function langOf(globals: Record<string, unknown>): Lang {
  return globals.lang === 'fr' || globals.lang === 'uk' ? globals.lang : 'en';
}

/** An attribute binding that leaves the attribute out when there is nothing to set. */
export const optional = (value: string | number | undefined) => (value === undefined || value === '' ? nothing : value);

/**
 * One fact as a stat-callout with every text in attributes, as a page or CMS writes it; `withDate` adds the date it
 * was true on, `share` the image card's button.
 */
export function factCallout(name: FactName, lang: Lang, { withDate = false, share = false } = {}) {
  const fact = FACTS[name];
  return html`<stat-callout
    ?share=${share}
    value=${fact.value}
    format=${optional(fact.format)}
    prefix=${optional(fact.prefix?.[lang])}
    label=${fact.label[lang]}
    source=${optional(fact.source?.[lang])}
    source-href=${optional(fact.sourceHref)}
    date=${optional(withDate ? fact.date : undefined)}
  ></stat-callout>`;
}

/** The article's four figures, in its order. */
export const ARTICLE_FACTS: FactName[] = ['refugees', 'children', 'soldiers', 'housing'];
