import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import type { Response } from 'express';
import { DomainError, FieldErrors } from './domain-error';

type DtoClass<T> = new () => T;

function collect(errors: ValidationError[], prefix = '', into: FieldErrors = {}): FieldErrors {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // One sentence once, though several constraints (an integer, at least 1) give it.
    if (error.constraints) into[field] = [...new Set(Object.values(error.constraints))];
    if (error.children?.length) collect(error.children, field, into);
  }
  return into;
}

/**
 * Turns a posted body into a validated DTO, or throws a validation DomainError with a
 * message per field. Unknown fields are dropped (whitelist), so a form cannot set what it
 * does not show.
 */
export async function readForm<T extends object>(
  dtoClass: DtoClass<T>,
  body: unknown,
  summary = 'Please correct the fields marked below.',
): Promise<T> {
  const dto = plainToInstance(dtoClass, body ?? {}, { exposeDefaultValues: true });
  const errors = await validate(dto, { whitelist: true, forbidUnknownValues: true });
  if (errors.length) {
    const { version, ...fieldErrors } = collect(errors);
    // A form without its version is no field's fault: the page must be reloaded.
    throw new DomainError('validation', version?.[0] ?? summary, fieldErrors);
  }
  return dto;
}

export interface FormState {
  status: number;
  summary: string;
  fieldErrors: FieldErrors;
}

/** A form as first shown: no messages. */
export const EMPTY_FORM: FormState = { status: 200, summary: '', fieldErrors: {} };

/**
 * Runs a form's work and redirects to where it says (303, so a reload does not post again).
 * When the work fails on the user's input or on a stale edit, the form is shown again with
 * the messages and the user's values; anything else goes to the exception filter.
 */
export async function submitForm(
  res: Response,
  work: () => Promise<string>,
  showForm: (state: FormState) => Promise<void>,
): Promise<void> {
  let location: string;
  try {
    location = await work();
  } catch (error) {
    if (
      error instanceof DomainError &&
      (error.code === 'validation' || error.code === 'conflict')
    ) {
      await showForm({
        status: error.code === 'conflict' ? 409 : 422,
        summary: error.message,
        fieldErrors: error.fieldErrors,
      });
      return;
    }
    throw error;
  }
  res.redirect(303, location);
}

/** The summary above a form sent back because someone else saved first (409). */
export const STALE_EDIT_SUMMARY =
  'Someone else saved this after you opened the form, so your changes were not saved yet. They are still in the form below; beside each field that differs is what is stored now. Save again to replace it with yours, or reload to start from the stored version.';

/**
 * For a stale edit (409): what is stored now in each of `fields` where it differs from what the
 * user typed, to show beside the field while the user's own input stays in the form.
 */
export function storedBeside(
  typed: Record<string, unknown>,
  stored: Record<string, unknown>,
  fields: readonly string[],
): Record<string, string> {
  const text = (value: unknown) =>
    Array.isArray(value) ? value.map(String).join(', ') : String(value ?? '').trim();
  const beside: Record<string, string> = {};
  for (const field of fields)
    if (text(stored[field]) !== text(typed[field]))
      beside[field] = text(stored[field]) || '(empty)';
  return beside;
}
