import i18next, { type TOptions } from 'i18next';
import en from './catalogues/en.json';
import nl from './catalogues/nl.json';
import { currentLanguage, type Language, perLanguage } from './language';

/** The texts of each language: one catalogue file per language, the same keys in each. */
export const CATALOGUES: Record<Language, Record<string, unknown>> = { nl, en };

const texts = i18next.createInstance();
void texts.init({
  initAsync: false,
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: 'nl',
  // A missing key shows as the key itself (and a test fails), never as the other language.
  fallbackLng: false,
  supportedLngs: ['nl', 'en'],
  nsSeparator: false,
  returnNull: false,
  // Handlebars escapes what the helper returns; escaping here as well would show &amp;.
  interpolation: { escapeValue: false },
});

export type TextParams = Record<string, unknown>;

/**
 * The text under `key` in the language of the request being answered, its placeholders
 * ({{name}}) filled from `params`; `count` picks the plural form by the language's rules.
 */
export function t(key: string, params?: TextParams): string {
  return tIn(currentLanguage(), key, params);
}

/** The text under `key` in `language`, for work outside a request (e-mails, the CLI). */
export function tIn(language: Language, key: string, params?: TextParams): string {
  return texts.getFixedT(language)(key, { ...(params as TOptions) }) as string;
}

/** Whether `key` has a text in `language` (a plural key counts when its forms exist). */
export function hasText(language: Language, key: string): boolean {
  return texts.exists(key, { lng: language, count: 1 }) || texts.exists(key, { lng: language });
}

/** A sorted list's joiner in the language: "a, b and c" / "a, b en c". */
export function listOf(items: string[], language: Language = currentLanguage()): string {
  return conjunctions(language).format(items);
}
const conjunctions = perLanguage((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));

/**
 * A validation message said when the check fails, in the language of that request: for
 * class-validator's `message`, which is set once when the form's class is declared.
 */
export function msg(key: string, params?: TextParams): () => string {
  return () => t(key, params);
}
