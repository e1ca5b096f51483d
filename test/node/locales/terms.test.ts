import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import type { BuiltinTerms, Term } from '../../../src/internal/localize.js';

// A page registers one flat translation for every element (`registerTranslation({ $code: 'de', … })`), so a term
// name must mean the same wherever it is used: two elements giving one name two meanings cannot both be translated.
const components = new URL('../../../src/components/', import.meta.url);

async function allTerms(): Promise<Map<string, BuiltinTerms>> {
  const byFile = new Map<string, BuiltinTerms>();
  for (const tag of readdirSync(components)) {
    for (const file of readdirSync(new URL(`${tag}/`, components)).filter((name) => name.endsWith('.terms.ts'))) {
      const module = (await import(new URL(`${tag}/${file}`, components).href)) as Record<string, BuiltinTerms>;
      for (const terms of Object.values(module)) byFile.set(`${tag}/${file}`, terms);
    }
  }
  return byFile;
}

const shown = (term: Term) => (typeof term === 'function' ? term.toString() : term);

test('every translated term is one English has (a misspelt name would never be used)', async () => {
  for (const [file, terms] of await allTerms()) {
    // A language may leave out a term it writes as English does ("Source" in French): English then stands in.
    for (const [lang, dictionary] of Object.entries(terms)) {
      const unknown = Object.keys(dictionary).filter((key) => !(key in terms.en));
      assert.deepEqual(unknown, [], `${file} ${lang}`);
    }
  }
});

test('a term name shared by several elements means the same in each language', async () => {
  const seen = new Map<string, { file: string; value: string }>();
  for (const [file, terms] of await allTerms()) {
    for (const [lang, dictionary] of Object.entries(terms)) {
      for (const [key, term] of Object.entries(dictionary)) {
        const earlier = seen.get(`${lang}:${key}`);
        if (earlier) assert.equal(shown(term), earlier.value, `"${key}" (${lang}) in ${file} and ${earlier.file}`);
        else seen.set(`${lang}:${key}`, { file, value: shown(term) });
      }
    }
  }
  assert.ok(seen.size > 0);
});
