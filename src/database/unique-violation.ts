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
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as
    { code?: string; constraint?: string; message?: string } | undefined;
  if (driverError?.code === '23505') return driverError.constraint === indexName;
  return String(driverError?.message ?? error.message).includes(
    `UNIQUE constraint failed: ${table}.${column}`,
  );
}
