/** A term is a plain string or a function of the values it interpolates. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Term = string | ((...args: any[]) => string);

/** The terms of one language, keyed by term name. */
export type Terms = Record<string, Term>;

/**
 * Built-in terms of one element, by language: `E` is the English terms, which are complete; other languages may leave
 * terms out, and a name English lacks is a type error.
 */
export type BuiltinTerms<E extends Terms = Terms> = { en: E } & { [lang: string]: Partial<E> };
