import type { EntityManager } from 'typeorm';

// Bulk upserts for imports: prepared multi-row INSERT … ON CONFLICT, which SQLite (3.24+) and
// PostgreSQL both speak. TypeORM's save() manages ~13k rows/s; this is what makes a 100 000-row
// import take seconds. The only dialect differences are placeholders and how times are bound.

const ROWS_PER_STATEMENT = 500;

/**
 * A pause between two statements that lets other requests in: better-sqlite3 runs each
 * statement synchronously, so a 100 000-row write would otherwise hold the request loop for
 * seconds. Other writes still wait (the Writer runs one at a time); reads and pages do not.
 */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

function isPostgres(em: EntityManager): boolean {
  return em.connection.driver.options.type === 'postgres';
}

function bind(em: EntityManager, value: unknown): unknown {
  if (value instanceof Date && !isPostgres(em))
    return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

/** The VALUES tuples of one chunk, with its parameters in the dialect's placeholder style. */
function values(em: EntityManager, columns: string[], chunk: Array<Record<string, unknown>>) {
  const params: unknown[] = [];
  const tuples = chunk.map((row) => {
    const marks = columns.map((column) => {
      params.push(bind(em, row[column] ?? null));
      return isPostgres(em) ? `$${params.length}` : '?';
    });
    return `(${marks.join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
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
  if (!rows.length) return;
  const columns = [...keys, ...merge];
  const quote = (name: string) => `"${name}"`;
  const setClause = merge
    .map((c) => `${quote(c)} = COALESCE(excluded.${quote(c)}, ${quote(table)}.${quote(c)})`)
    .join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const { sql, params } = values(em, columns, rows.slice(start, start + ROWS_PER_STATEMENT));
    await em.query(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${sql} ` +
        `ON CONFLICT (${keys.map(quote).join(', ')}) DO UPDATE SET ${setClause}`,
      params,
    );
    await yieldToOthers();
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
    const { sql, params } = values(em, columns, rows.slice(start, start + ROWS_PER_STATEMENT));
    await em.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${sql}`,
      params,
    );
    await yieldToOthers();
  }
}
