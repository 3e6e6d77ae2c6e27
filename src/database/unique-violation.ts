import { QueryFailedError } from 'typeorm';

/**
 * Whether a failed query broke the named unique index. Two requests can both see a name as
 * free and both insert it; the index decides, and the loser gets a field message, not a 500.
 */
export function isUniqueViolation(
  error: unknown,
  indexName: string,
  table: string,
  column: string,
): boolean {
  // The Writer turns a unique violation into a conflict and keeps the original as its cause.
  if (!(error instanceof QueryFailedError))
    return error instanceof Error && error.cause instanceof QueryFailedError
      ? isUniqueViolation(error.cause, indexName, table, column)
      : false;
  const driverError = error.driverError as
    { code?: string; constraint?: string; message?: string } | undefined;
  if (driverError?.code === '23505') return driverError.constraint === indexName;
  return String(driverError?.message ?? error.message).includes(
    `UNIQUE constraint failed: ${table}.${column}`,
  );
}

/** Whether a failed query broke any unique index (PostgreSQL 23505, SQLite's UNIQUE constraint). */
export function isAnyUniqueViolation(error: unknown): error is QueryFailedError {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string } | undefined;
  return (
    driverError?.code === '23505' ||
    String(driverError?.message ?? error.message).includes('UNIQUE constraint failed')
  );
}
