import { formatIsoDate } from './dates';
import { formatMonth, isMonth } from './months';
import { listOf, t } from '../i18n/translate';

/** A value a phrase names: a month ("2026-01") or a date is written in the reader's style. */
export type PhraseValue = string | number | null | string[] | Phrase;

/**
 * A text not yet in any language: its catalogue key and the values it names. The engine's
 * reasons and notes are phrases, because they are kept (the business-case cache, shared by
 * every reader) and said in each reader's language only when shown.
 */
export interface Phrase {
  phrase: string;
  values?: Record<string, PhraseValue>;
}

export function phrase(key: string, values?: Record<string, PhraseValue>): Phrase {
  return values ? { phrase: key, values } : { phrase: key };
}

export function isPhrase(value: unknown): value is Phrase {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Phrase).phrase === 'string' &&
    Object.keys(value).every((k) => k === 'phrase' || k === 'values')
  );
}

/** A phrase in the language of the request being answered. */
export function say(text: Phrase): string {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text.values ?? {}))
    values[name] = Array.isArray(value) ? listOf(value.map(written)) : written(value);
  return t(text.phrase, values);
}

export function sayOrNull(text: Phrase | null): string | null {
  return text ? say(text) : null;
}

function written<T>(value: T): T | string {
  if (isPhrase(value)) return say(value);
  if (typeof value !== 'string') return value;
  if (isMonth(value)) return formatMonth(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  return value;
}

/** A value with each phrase in it replaced by its text, for a page or an API answer. */
export type Said<T> = T extends Phrase
  ? string
  : T extends Array<infer U>
    ? Array<Said<U>>
    : T extends object
      ? { [K in keyof T]: Said<T[K]> }
      : T;

/** `value` with every phrase said; the rest copied as it is (kept results are frozen). */
export function said<T>(value: T): Said<T> {
  if (isPhrase(value)) return say(value) as Said<T>;
  if (Array.isArray(value)) return value.map(said) as Said<T>;
  if (
    value === null ||
    typeof value !== 'object' ||
    ArrayBuffer.isView(value) ||
    value instanceof Date
  )
    return value as Said<T>;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = said(item);
  return out as Said<T>;
}
