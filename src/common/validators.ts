import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate } from './dates';

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
