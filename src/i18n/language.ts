import { AsyncLocalStorage } from 'node:async_hooks';

/** The languages the interface speaks; each has a catalogue in ./catalogues. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's conventions for numbers, money, months and dates. */
export const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

// The language of the request being answered, wherever in its async work the code runs: texts
// and formats are made deep in services and presenters, which should not all take a parameter.
const current = new AsyncLocalStorage<{ language: Language }>();
let fallback: Language = 'nl';

/** The configured default (LANGUAGE), for requests that say nothing and for work outside one. */
export function setDefaultLanguage(language: Language): void {
  fallback = language;
}

export function defaultLanguage(): Language {
  return fallback;
}

export function currentLanguage(): Language {
  return current.getStore()?.language ?? fallback;
}

/**
 * What `make` builds from a locale, made once per language (an Intl formatter is costly to
 * make) and given for the language asked for, by default the request's.
 */
export function perLanguage<T>(make: (locale: string) => T): (language?: Language) => T {
  const made = new Map<Language, T>();
  return (language = currentLanguage()) => {
    let value = made.get(language);
    if (value === undefined) made.set(language, (value = make(LOCALES[language])));
    return value;
  };
}

/** Runs `work` (and everything it awaits) in `language`. */
export function inLanguage<T>(language: Language, work: () => T): T {
  return current.run({ language }, work);
}

/**
 * Changes the language of the request being answered, once it is known better (the signed-in
 * account's choice is read after the request began). Outside a request it does nothing.
 */
export function switchLanguage(language: Language): void {
  const store = current.getStore();
  if (store) store.language = language;
}

/**
 * The language an Accept-Language header prefers among ours, by its q-values (RFC 9110):
 * "en-GB,en;q=0.9,nl;q=0.8" → en. Null when it names none of ours.
 */
export function languageFromHeader(header: string | undefined): Language | null {
  if (!header) return null;
  let best: { language: Language; q: number; at: number } | null = null;
  header.split(',').forEach((part, at) => {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const base = tag.trim().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!isLanguage(base) || !Number.isFinite(q) || q <= 0) return;
    if (!best || q > best.q) best = { language: base, q, at };
  });
  return (best as { language: Language } | null)?.language ?? null;
}
