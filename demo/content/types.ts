/** The people quoted or pictured in the article; each has a placeholder portrait in demo/portraits/<id>.svg. */
export type SpeakerId = 'blinken' | 'le-drian' | 'reznikov' | 'zelensky' | 'xi';

export interface Speaker {
  name: string;
  role: string;
}

/** A block of the article body, in reading order. */
export type Block =
  | { paragraph: string }
  | { heading: string }
  /**
   * A pull quote; `insertion` is the editor's bracketed words, in the language the quote was spoken in; `original`
   * the words as spoken, when `quote` is their translation (the insertion goes before both).
   */
  | { quote: string; speaker: SpeakerId; insertion?: { text: string; lang: string }; original?: { text: string; lang: string } }
  /** A portrait with the speaker's name and role, or with `caption`, a sentence about the picture. */
  | { portrait: SpeakerId; caption?: string };

export interface Fact {
  value: string;
  format?: 'number' | 'compact' | 'percent';
  prefix?: string;
  label: string;
  source: string;
  sourceHref: string;
}

/** One language's version of the demo article: every visible word of the page. */
export interface ArticleContent {
  lang: 'en' | 'fr' | 'uk';
  /** The language's own name, for the language switcher. */
  languageName: string;
  title: string;
  description: string;
  skipLink: string;
  languagesLabel: string;
  kicker: string;
  headline: string;
  standfirst: string;
  byline: string;
  /** Prefix of the publication date: "Published". */
  published: string;
  speakers: Record<SpeakerId, Speaker>;
  /** Alternative text of a placeholder portrait. */
  portraitAlt: (name: string) => string;
  body: Block[];
  factsHeading: string;
  facts: Fact[];
  followHeading: string;
  commentsHeading: string;
  footer: string;
}
