import { msg, t } from '../i18n/translate';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate } from './dates';
import { isMonth, monthOutside, planMonthBounds } from './months';

/** A real calendar date written YYYY-MM-DD. */
export function IsIsoDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsoDate',
      target: object.constructor,
      propertyName,
      options: { message: msg('valid.mustBeADateWrittenAs'), ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
    });
}

/** A month written YYYY-MM. */
export function IsYearMonth(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isYearMonth',
      target: object.constructor,
      propertyName,
      options: { message: msg('valid.giveTheMonthAsYyyyMm3'), ...options },
      validator: { validate: (value: unknown) => isMonth(value) },
    });
}

/**
 * A month (YYYY-MM) a plan may name: from the earliest year (EARLIEST_YEAR) to ten years ahead.
 * Checked after the format: a year 9999 is well-formed, and then every page that counts months
 * up to it grows without end.
 */
export function IsPlanMonth(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPlanMonth',
      target: object.constructor,
      propertyName,
      options: {
        message: (args) => {
          const bounds = planMonthBounds();
          return t('valid.planMonth', { ...bounds, value: String(args.value) });
        },
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          !isMonth(value) || monthOutside(value, planMonthBounds()) === null,
      },
    });
}

/**
 * A rule for an optional field: nothing (null, or the field absent) passes; a value must `hold`.
 */
function optionalRule(name: string, hold: (value: unknown) => boolean, message: () => string) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message, ...options },
      validator: {
        validate: (value: unknown) => value === null || value === undefined || hold(value),
      },
    });
}

/** Text of at most `max` characters, or nothing (null) for an optional field. */
export const TextUpTo = (max: number, options?: ValidationOptions) =>
  optionalRule(
    'textUpTo',
    (value) => typeof value === 'string' && value.length <= max,
    () => t('valid.atMostChars', { max }),
  )(options);

/** A whole number from `min` on (cents, a count), or nothing (null) for an optional field. */
export const WholeOrNull = (min: number, options?: ValidationOptions) =>
  optionalRule(
    'wholeOrNull',
    (value) => typeof value === 'number' && Number.isInteger(value) && value >= min,
    () => t('valid.wholeFrom', { min }),
  )(options);

/** A real calendar date written YYYY-MM-DD, or nothing (null) for an optional field. */
export const IsIsoDateOrNull = optionalRule(
  'isIsoDateOrNull',
  (value) => typeof value === 'string' && isIsoDate(value),
  () => t('valid.mustBeADateWrittenAs'),
);

/** Required (not null, not empty, not an unreadable number) when the rest of the form says so. */
export function RequiredWhen<T>(when: (form: T) => boolean, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'requiredWhen',
      target: object.constructor,
      propertyName,
      options: { message: () => t('valid.required', { field: propertyName }), ...options },
      validator: {
        validate: (value: unknown, args) =>
          !when(args!.object as T) ||
          (value !== null && value !== undefined && value !== '' && !Number.isNaN(value)),
      },
    });
}
