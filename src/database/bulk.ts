import { setImmediate } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { sqliteTime } from './sqlite-settings';

// Bulk upserts for imports: prepared multi-row INSERT … ON CONFLICT, which SQLite (3.24+) and
// PostgreSQL both speak. TypeORM's save() manages ~13k rows/s; this is what makes a 100 000-row
// import take seconds. The only dialect differences are placeholders and how times are bound.

export const ROWS_PER_STATEMENT = 500;

function isPostgres(em: EntityManager): boolean {
  return em.connection.driver.options.type === 'postgres';
}

function bind(em: EntityManager, value: unknown): unknown {
  if (value instanceof Date && !isPostgres(em)) return sqliteTime(value);
  return value;
}

/** The parameters of one chunk, row by row, as the dialect binds them. */
function params(em: EntityManager, columns: string[], chunk: Array<Record<string, unknown>>) {
  return chunk.flatMap((row) => columns.map((column) => bind(em, row[column] ?? null)));
}

const marker = (em: EntityManager) => (isPostgres(em) ? (i: number) => `$${i}` : () => '?');

const quote = (name: string) => `"${name}"`;

/** `INSERT … VALUES (…), (…) ON CONFLICT (keys) DO UPDATE` for `rows` rows, with `mark(i)` placeholders. */
export function upsertSql(
  table: string,
  keys: string[],
  merge: string[],
  rows: number,
  mark: (index: number) => string,
): string {
  const setClause = merge
    .map((c) => `${quote(c)} = COALESCE(excluded.${quote(c)}, ${quote(table)}.${quote(c)})`)
    .join(', ');
  return (
    `${insertSql(table, [...keys, ...merge], rows, mark)} ` +
    `ON CONFLICT (${keys.map(quote).join(', ')}) DO UPDATE SET ${setClause}`
  );
}

/** `INSERT … VALUES (…), (…)` for `rows` rows of `columns`, with `mark(i)` placeholders. */
export function insertSql(
  table: string,
  columns: string[],
  rows: number,
  mark: (index: number) => string,
): string {
  let index = 0;
  const tuples = Array.from(
    { length: rows },
    () => `(${columns.map(() => mark((index += 1))).join(', ')})`,
  );
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`;
}

/**
 * Inserts rows, or on a conflict of `keys` updates `merge` columns. A null in a merge column
 * keeps the stored value (COALESCE), so a partial row updates only the figures it names.
 */
export async function upsertRows(
  em: EntityManager,
  table: string,
  keys: string[],
  merge: string[],
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const columns = [...keys, ...merge];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await em.query(
      upsertSql(table, keys, merge, chunk.length, marker(em)),
      params(em, columns, chunk),
    );
    // A pause that lets other requests in: better-sqlite3 runs each statement synchronously.
    await setImmediate();
  }
}

/** Plain multi-row inserts (audit entries and the like), chunked the same way. */
export async function insertRows(
  em: EntityManager,
  table: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await em.query(insertSql(table, columns, chunk.length, marker(em)), params(em, columns, chunk));
    await setImmediate();
  }
}
