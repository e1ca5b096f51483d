/// <reference types="vite/client" />
import type { Translation } from '../internal/localize.js';
import type { BuiltinTerms } from '../internal/terms.js';

// Every element's terms, and those elements share, found at build time: a new element's terms join the bundles with
// no change here.
const termModules = import.meta.glob<Record<string, BuiltinTerms>>(['../components/*/*.terms.ts', '../internal/*.terms.ts'], { eager: true });

/** The built-in terms of every element in one language, as a translation `registerTranslation` accepts. */
export function collectTerms(code: string): Translation {
  const translation: Translation = { $code: code };
  for (const module of Object.values(termModules)) {
    for (const terms of Object.values(module)) Object.assign(translation, terms[code]);
  }
  return translation;
}
