import type { BuiltinTerms } from './terms.js';

// Terms of several elements, looked up after an element's own. The separator joins a name and a job title, or a
// source and its date: French and Ukrainian use the English comma; Arabic-script languages their own.
const arabicComma = { separator: '، ' };
const en = { separator: ', ' };

export const sharedTerms: BuiltinTerms<typeof en> = {
  en,
  ar: arabicComma,
  fa: arabicComma,
  ur: arabicComma,
};

/** The names of the terms every element has. */
export type SharedTermName = keyof typeof en;
