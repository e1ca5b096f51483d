import type { BuiltinTerms } from './localize.js';

// Terms of several elements, looked up after an element's own. The separator joins a name and a job title, or a
// source and its date: French and Ukrainian use the English comma; Arabic-script languages their own.
const arabicComma = { separator: '، ' };

export const sharedTerms: BuiltinTerms = {
  en: { separator: ', ' },
  ar: arabicComma,
  fa: arabicComma,
  ur: arabicComma,
};
