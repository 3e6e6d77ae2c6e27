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
      options: { message: 'must be a date written as YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
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
          return `Give a month from ${bounds.earliest} to ${bounds.latest}; ${String(args.value)} is outside.`;
        },
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          !isMonth(value) || monthOutside(value, planMonthBounds()) === null,
      },
    });
}
