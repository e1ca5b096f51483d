import type { BuiltinTerms } from '../../internal/localize.js';

// The separator between a name and a job title: French and Ukrainian use the English comma; Arabic-script
// languages their own.
export const speakerCaptionTerms: BuiltinTerms = {
  en: { separator: ', ' },
  ar: { separator: '، ' },
  fa: { separator: '، ' },
  ur: { separator: '، ' },
};
