import { t } from '../i18n/translate';
import { perLanguage } from '../i18n/language';
import { DomainError } from './domain-error';
import { localParts } from './time-zone';

// Calendar months written YYYY-MM, and their index (months since year 0) for arithmetic.

export type Month = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

export function monthIndex(month: Month): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new Error(`Not a month: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: Month, count: number): Month {
  return monthFromIndex(monthIndex(month) + count);
}

/** The month an instant falls in, in the organisation's time zone. */
export function monthOf(date: Date): Month {
  return localParts(date).month;
}

/** The first year any month may be in: older figures are typos (a setting, EARLIEST_YEAR). */
export const DEFAULT_EARLIEST_YEAR = 2000;
let earliestYear = DEFAULT_EARLIEST_YEAR;

export function setEarliestYear(year: number): void {
  earliestYear = year;
}

/** How far ahead a planned month (a start month, a rate's first month) may be. */
const PLAN_YEARS_AHEAD = 10;

export interface MonthBounds {
  earliest: Month;
  latest: Month;
}

/** Months a result can be logged for: from the earliest year up to the current month. */
export function resultMonthBounds(now = new Date()): MonthBounds {
  return { earliest: `${earliestYear}-01`, latest: monthOf(now) };
}

/** Months a plan, rate or period may name: from the earliest year to ten years ahead. */
export function planMonthBounds(now = new Date()): MonthBounds {
  const year = Number(monthOf(now).slice(0, 4)) + PLAN_YEARS_AHEAD;
  return { earliest: `${earliestYear}-01`, latest: `${year}-12` };
}

/** Why a well-formed month is outside the bounds, or null when it is inside. */
export function monthOutside(month: Month, bounds: MonthBounds): string | null {
  if (month < bounds.earliest) return t('month.before', { month, earliest: bounds.earliest });
  if (month > bounds.latest) return t('month.after', { month, latest: bounds.latest });
  return null;
}

/** Whole months from `from` to `to` (to later = positive). */
export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from);
}

const monthFormat = perLanguage(
  (locale) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

/** "2026-01" → "januari 2026" / "January 2026", in the language of the request; "—" for anything else. */
export function formatMonth(value: unknown): string {
  if (!isMonth(value)) return '—';
  return monthFormat().format(
    new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, 1)),
  );
}

// Month names as Dutch and English Excel write them ("mrt", "mei", "okt" are Dutch).
const MONTH_WORDS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mrt: 3,
  maart: 3,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augustus: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/**
 * A month as a spreadsheet may write it, as YYYY-MM; null when it is not one. Takes "2026-11",
 * Excel's "nov-26" / "nov. 2026" / "november 2026", a first-of-month date such as "1-11-2026",
 * "01/11/2026" or "2026-11-01" (day first, the Dutch order), and "11-2026".
 */
export function readMonth(raw: string): Month | null {
  const text = raw.trim().toLowerCase();
  if (isMonth(text)) return text;
  const make = (year: number, month: number): Month | null =>
    month >= 1 && month <= 12 && year >= 1000 && year <= 9999
      ? `${year}-${String(month).padStart(2, '0')}`
      : null;
  const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  let m = /^([a-z]+)\.?[\s\-/]+(\d{2}|\d{4})$/.exec(text);
  if (m && MONTH_WORDS[m[1]]) return make(fullYear(m[2]), MONTH_WORDS[m[1]]);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/.exec(text);
  if (m) return Number(m[3]) === 1 ? make(Number(m[1]), Number(m[2])) : null;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return Number(m[1]) === 1 ? make(Number(m[3]), Number(m[2])) : null;
  m = /^(\d{1,2})[-/](\d{4})$/.exec(text);
  if (m) return make(Number(m[2]), Number(m[1]));
  return null;
}

/**
 * The instant that stands for a month recorded afterwards (history from before the app): noon UTC
 * on its 1st, which is the 1st in every time zone from UTC−11 to UTC+11, so the month, the date
 * and the count of full months since it read the same wherever they are computed.
 */
export function instantOfMonth(month: Month): Date {
  return new Date(`${month}-01T12:00:00Z`);
}

/** A month figures can be given for (a route's month): well-formed, not ahead, not too early. */
export function assertResultMonth(month: string): void {
  if (!isMonth(month) || monthOutside(month, resultMonthBounds()))
    throw DomainError.notFound('month', month.slice(0, 20));
}
