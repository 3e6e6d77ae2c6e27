import { createParamDecorator, ExecutionContext, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import type { Request, Response } from 'express';
import { DomainError, FieldErrors } from './domain-error';
import { isJsonObject, notAField } from './json-body';
import { t } from '../i18n/translate';

type DtoClass<T> = new () => T;

function collect(errors: ValidationError[], prefix = '', into: FieldErrors = {}): FieldErrors {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // One sentence once, though several constraints (an integer, at least 1) give it.
    if (error.constraints?.whitelistValidation) into[field] = [notAField()];
    else if (error.constraints) into[field] = [...new Set(Object.values(error.constraints))];
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
  summary = t('form.correctFields'),
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

/**
 * A JSON API body read into its DTO, or a 422 naming each field and why (a 400 when it is not
 * an object). Unlike a form, a field
 * the DTO does not know is refused: a script that misspells `volume` must hear it.
 */
export async function readJson<T extends object>(
  dtoClass: DtoClass<T>,
  body: unknown,
  summary: string,
): Promise<T> {
  const dto = plainToInstance(dtoClass, jsonObject(body, summary), { exposeDefaultValues: true });
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length) throw new DomainError('validation', summary, collect(errors));
  return dto;
}

/** A JSON API body as an object, or a 400 saying `summary` and that it must be one. */
export function jsonObject(body: unknown, summary: string): Record<string, unknown> {
  if (!isJsonObject(body))
    throw new DomainError('bad_request', `${summary} The body must be a JSON object.`);
  return body;
}

/**
 * Form classes whose fields follow rows read from the database (per channel, say): one class per
 * set of ids, made once and kept, so that its validation metadata is registered once.
 * `decorate` gives the fields of one id.
 */
export function formShapes<T extends object>(
  decorate: (prototype: object, id: number) => void,
): (ids: number[]) => DtoClass<T> {
  const shapes = new Map<string, DtoClass<T>>();
  return (ids) => {
    const key = ids.join(',');
    let shape = shapes.get(key);
    if (!shape) {
      shape = class {} as DtoClass<T>;
      for (const id of ids) decorate(shape.prototype, id);
      shapes.set(key, shape);
    }
    return shape;
  };
}

/** A posted form: what was typed (to show it again) and its DTO, or why it does not read. */
export interface Submitted<T> {
  body: Record<string, unknown>;
  dto: T | null;
  error: DomainError | null;
}

/** The DTO class of a form, or how to choose it from the request (the route's pilot, say). */
export type FormShape<T> = DtoClass<T> | { of(req: Request & { pilot?: unknown }): DtoClass<T> };

export interface FormOptions {
  /** The catalogue key of the summary above a form with messages (said per request). */
  summary?: string;
  /** Reshapes the posted fields before the DTO reads them (fields named per row, say). */
  prepare?(body: Record<string, unknown>): Record<string, unknown>;
}

class ReadFormPipe<T extends object> implements PipeTransform {
  constructor(
    private readonly shape: FormShape<T>,
    private readonly options: FormOptions,
  ) {}

  async transform(req: Request): Promise<Submitted<T>> {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const dtoClass = 'of' in this.shape ? this.shape.of(req) : this.shape;
    return readSubmitted(dtoClass, body, this.options);
  }
}

/**
 * A posted body read into its DTO, or why it does not read: what `@FormOf` gives a handler, for
 * a form whose shape is known only after reading the database (the channels of a month form).
 */
export async function readSubmitted<T extends object>(
  dtoClass: DtoClass<T>,
  body: Record<string, unknown>,
  options: FormOptions = {},
): Promise<Submitted<T>> {
  const fields = options.prepare ? options.prepare(body) : body;
  try {
    return {
      body,
      dto: await readForm(dtoClass, fields, options.summary ? t(options.summary) : undefined),
      error: null,
    };
  } catch (error) {
    if (error instanceof DomainError) return { body, dto: null, error };
    throw error;
  }
}

const RequestParam = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  ctx.switchToHttp().getRequest<Request>(),
);

/**
 * The posted form read into its DTO before the handler runs: `@FormOf(PlanFormDto) form`. The
 * handler gets both what was typed and the DTO (or the messages), and passes them to
 * `submitForm`, which shows the form again with the messages or runs the work with the DTO.
 */
export const FormOf = <T extends object>(shape: FormShape<T>, options: string | FormOptions = {}) =>
  RequestParam(
    undefined,
    new ReadFormPipe(shape, typeof options === 'string' ? { summary: options } : options),
  );

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
export async function submitForm<T>(
  res: Response,
  form: Submitted<T>,
  work: (dto: T) => Promise<string>,
  showForm: (state: FormState) => Promise<void> | void,
): Promise<void> {
  let location: string;
  try {
    if (form.error) throw form.error;
    location = await work(form.dto as T);
  } catch (error) {
    if (
      error instanceof DomainError &&
      (error.code === 'validation' || error.code === 'conflict')
    ) {
      await showForm(formState(error));
      return;
    }
    throw error;
  }
  res.redirect(303, location);
}

/** The messages of a refused form, as the form partials show them. */
export function formState(error: DomainError): FormState {
  return {
    status: error.code === 'conflict' ? 409 : 422,
    summary: error.message,
    fieldErrors: error.fieldErrors,
  };
}

/** A form without fields (a confirmation, a delete): its work alone. */
export const NO_FIELDS: Submitted<null> = { body: {}, dto: null, error: null };

/** One row's form on a page of many (an account, a template item) sent back: its id, what was typed. */
export interface FailedRow {
  id: number;
  typed: Record<string, unknown>;
}

/** A form sent back to its user: what they typed, the state, what is stored now beside it. */
export interface SentBack {
  values: Record<string, unknown>;
  state: FormState;
  storedNow: Record<string, string>;
}

/**
 * A form sent back. After a stale edit (409, `stored` given) the user's input stays, what is
 * stored now is shown beside each of `fields` that differs, and the form carries the current
 * version so that saving again replaces it knowingly.
 */
export function sentBack(
  typed: Record<string, unknown>,
  state: FormState = EMPTY_FORM,
  stored: Record<string, unknown> | null = null,
  fields: readonly string[] = [],
): SentBack {
  if (state.status !== 409 || !stored) return { values: typed, state, storedNow: {} };
  return {
    values: { ...typed, version: stored.version },
    state: { ...state, summary: staleEditSummary() },
    storedNow: storedBeside(typed, stored, fields),
  };
}

/** What a form's partials read of it: values, summary, errors, the stale-edit marks. */
export function formView({ values, state, storedNow }: SentBack) {
  return {
    values,
    summary: state.summary,
    conflict: state.status === 409,
    fieldErrors: state.fieldErrors,
    storedNow,
  };
}

/** Renders a form's page with its state's status (200, 409, 422). */
export async function showForm(
  res: Response,
  view: string,
  state: FormState,
  model: object | Promise<object>,
): Promise<void> {
  res.status(state.status).render(view, await model);
}

/** The summary above a form sent back because someone else saved first (409). */
const staleEditSummary = () => t('form.staleEdit');

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
