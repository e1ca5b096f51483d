import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Translation } from '../../../src/internal/localize.js';
import type { Term, Terms } from '../../../src/internal/terms.js';

/** An element's terms by language, every language read alike (English's completeness is the compiler's to check). */
type TermsByLanguage = Record<string, Terms>;

// A page registers one flat translation for every element (`registerTranslation({ $code: 'de', … })`), so a term
// name must mean the same wherever it is used: two elements giving one name two meanings cannot both be translated.
const src = new URL('../../../src/', import.meta.url);
const termFolders = ['internal/', ...readdirSync(new URL('components/', src)).map((tag) => `components/${tag}/`)];

/** The terms of every element, and those they share, by file. */
async function allTerms(): Promise<Map<string, TermsByLanguage>> {
  const byFile = new Map<string, TermsByLanguage>();
  for (const folder of termFolders) {
    for (const file of readdirSync(new URL(folder, src)).filter((name) => name.endsWith('.terms.ts'))) {
      const module = (await import(new URL(folder + file, src).href)) as Record<string, TermsByLanguage>;
      for (const terms of Object.values(module)) byFile.set(folder + file, terms);
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

test('the locale bundles (newsroom-elements/locales/<code>.js) hold every built-in term of their language', async () => {
  // The bundles find the term files with Vite's import.meta.glob: load them through Vite as the build does.
  const { createServer } = await import('vite');
  const vite = await createServer({ configFile: false, root: fileURLToPath(new URL('../', src)), logLevel: 'silent', server: { middlewareMode: true }, appType: 'custom' });
  try {
    const files = await allTerms();
    for (const code of ['en', 'fr', 'uk']) {
      const bundle = ((await vite.ssrLoadModule(`/src/locales/${code}.ts`)) as { default: Translation }).default;
      assert.equal(bundle.$code, code);
      for (const [file, terms] of files) {
        for (const [key, term] of Object.entries(terms[code] ?? {})) {
          // Two builds print a function differently: compare what it says.
          const says = (value: Term) => (typeof value === 'function' ? value('‹1›', '‹2›') : value);
          assert.equal(says(bundle[key] as Term), says(term), `${code}.js "${key}" from ${file}`);
        }
      }
    }
    assert.equal((await vite.ssrLoadModule('/src/locales/en.ts')).default.separator, ', ');
  } finally {
    await vite.close();
  }
});
