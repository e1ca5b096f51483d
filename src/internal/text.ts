/** The text with each run of white space folded to one space, and none at either end: as a reader sees it. */
export const foldWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The key of the text an element stands for when another element quotes it (a speaker caption's "Name, Job title").
 * A registered symbol rather than a public property: two copies of the library on one page still agree on it.
 */
export const SPOKEN_TEXT = Symbol.for('newsroom-elements.spoken-text');

/** An element that says what text it stands for when quoted. */
export interface Spoken {
  readonly [SPOKEN_TEXT]: string;
}
