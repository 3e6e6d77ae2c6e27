import { t } from '../i18n/translate';
/** Messages per form field, as the forms show them beside each field. */
export type FieldErrors = Record<string, string[]>;

export type DomainErrorCode =
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'bad_request'
  | 'forbidden'
  | 'too_many'
  | 'too_large'
  | 'unauthenticated'
  | 'unavailable';

export type NotFoundThing =
  | 'checklistItem'
  | 'pilot'
  | 'channel'
  | 'month'
  | 'investment'
  | 'import'
  | 'meeting'
  | 'decision'
  | 'condition'
  | 'token'
  | 'account'
  | 'file';

/** An error the user caused or can act on; the exception filter maps its code to a status. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    /** Seconds after which the client may try again (sent as Retry-After), when it is known. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** "That account was not found.", "The pilot "x" was not found." (catalogue: notFound.*) */
  static notFound(thing: NotFoundThing, name?: string): DomainError {
    return new DomainError('not_found', t(`notFound.${thing}`, { name }));
  }

  static field(field: string, message: string): DomainError {
    return new DomainError('validation', message, { [field]: [message] });
  }
}

export const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  not_found: 404,
  validation: 422,
  conflict: 409,
  bad_request: 400,
  forbidden: 403,
  too_many: 429,
  too_large: 413,
  unauthenticated: 401,
  unavailable: 503,
};

/** A write that failed because the database cannot take it (disk full, read-only, I/O error). */
export class StorageError extends Error {}
