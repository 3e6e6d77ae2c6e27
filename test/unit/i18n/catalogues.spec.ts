import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATALOGUES, hasText } from '../../../src/i18n/translate';
import { LANGUAGES } from '../../../src/i18n/language';
import { flattenCatalogue } from '../../support/catalogues';
import { filesEndingIn } from '../../support/files';

// The two catalogues hold the same texts: the same keys (a plural key with the same forms),
// the same placeholders in each text, and every key the code and the views name.

const ROOT = join(__dirname, '..', '..', '..');

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** Terms Dutch uses as English does. */
const SHARED = [
  'stage.proof_of_concept',
  'bc.pageTitle',
  'bc.methodN',
  'lessons.inStage',
  'plan.title',
  'evidence.files.bytes',
  'month.pageTitle',
];

describe('the catalogues', () => {
  const nl = flattenCatalogue(CATALOGUES.nl);
  const en = flattenCatalogue(CATALOGUES.en);

  it('have the same keys in Dutch and English', () => {
    expect(Object.keys(nl).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in nl))).toEqual([]);
  });

  it('have the same placeholders in both languages of each text', () => {
    const differing = Object.keys(en)
      .filter((key) => key in nl)
      .filter((key) => placeholders(en[key]).join() !== placeholders(nl[key]).join())
      .map((key) => `${key}: ${placeholders(en[key]).join()} / ${placeholders(nl[key]).join()}`);
    expect(differing).toEqual([]);
  });

  it('write no text empty, and no Dutch text still in English', () => {
    expect(Object.entries({ ...nl, ...en }).filter(([, v]) => !v.trim())).toEqual([]);
    // A Dutch text equal to its English one must be a name or term both use (Chat, Dashboard);
    // a sentence that is the same in both was not translated.
    const sameSentences = Object.keys(en).filter(
      (key) =>
        nl[key] === en[key] &&
        /\s\S+\s/.test(en[key].replace(/\{\{[^}]*\}\}/g, '')) &&
        !SHARED.includes(key),
    );
    expect(sameSentences).toEqual([]);
  });

  it('hold every key the code and the views name, in both languages', () => {
    const named = new Map<string, string>();
    for (const file of filesEndingIn(join(ROOT, 'src'), '.ts')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:t|tIn\([^,()]+,)\s*\(?\s*'([a-zA-Z][\w.]*)'/g))
        named.set(m[1], relative(ROOT, file));
    }
    for (const file of filesEndingIn(join(ROOT, 'views'), '.hbs')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/[{(]t "([^"]+)"/g)) named.set(m[1], relative(ROOT, file));
    }
    expect(named.size).toBeGreaterThan(50);
    const missing = [...named]
      .flatMap(([key, file]) =>
        LANGUAGES.filter((language) => !hasText(language, key)).map((l) => `${l} ${key} (${file})`),
      )
      .sort();
    expect(missing).toEqual([]);
  });
});
