import { Transform } from 'class-transformer';
import { parseEurosToCents } from './money';

/** Trims text; an empty field becomes null, so "nothing entered" is stored as nothing. */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value ?? null;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** Trims text; an empty field becomes the empty string (for required-but-maybe-empty text). */
export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Checkbox groups post nothing, one value, or several: always an array. */
export const ToArray = () =>
  Transform(({ value }) =>
    value === undefined || value === null || value === ''
      ? []
      : Array.isArray(value)
        ? value
        : [value],
  );

/** Numbers from form fields: "" is absent, anything else is parsed strictly (NaN fails validation). */
export const ToInt = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
      return null;
    return typeof value === 'string' && /^-?\d+$/.test(value.trim())
      ? Number(value)
      : typeof value === 'number'
        ? value
        : NaN;
  });

export const ToIntArray = () =>
  Transform(({ value }) => {
    const list =
      value === undefined || value === null || value === ''
        ? []
        : Array.isArray(value)
          ? value
          : [value];
    return list.map((item: unknown) =>
      typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : NaN,
    );
  });

/** A checkbox: present means true. */
export const ToBoolean = () =>
  Transform(({ value }) => value === 'on' || value === 'true' || value === true);

/**
 * A euro amount typed in a form ("1.234,56", "1234.56") as exact cents; "" is absent (null),
 * anything unreadable is NaN so that validation reports it.
 */
export const ToCents = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
      return null;
    return typeof value === 'string' ? (parseEurosToCents(value) ?? NaN) : NaN;
  });

/** A percentage typed in a form ("60", "12,5") as basis points (1 % = 100); "" is null. */
export const ToBasisPoints = ToCents;

/** A percentage typed in a form ("82", "82,5", "82.5") as a number; "" is null, else NaN. */
export const ToPercent = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
      return null;
    const match =
      typeof value === 'string' ? /^\s*(\d{1,3}(?:[.,]\d+)?)\s*%?\s*$/.exec(value) : null;
    return match ? Number(match[1].replace(',', '.')) : NaN;
  });
