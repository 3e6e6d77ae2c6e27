import { QueryRunner, TableColumnOptions } from 'typeorm';

// The one place where the SQL dialects differ; every migration builds its columns here.

export function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'postgres';
}

export function idColumn(): TableColumnOptions {
  return {
    name: 'id',
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  };
}

/** A point in time: datetime on SQLite, timestamp (UTC by the app's convention) on PostgreSQL. */
export function timestampColumn(
  queryRunner: QueryRunner,
  name: string,
  nullable = false,
): TableColumnOptions {
  return { name, type: isPostgres(queryRunner) ? 'timestamp' : 'datetime', isNullable: nullable };
}

/** Inserts plain rows with bound parameters, in the placeholder style of the dialect. */
export async function insertRows(
  queryRunner: QueryRunner,
  table: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const placeholders = columns.map((_, i) => (isPostgres(queryRunner) ? `$${i + 1}` : '?'));
    await queryRunner.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${placeholders.join(', ')})`,
      columns.map((c) => bindable(queryRunner, row[c])),
    );
  }
}

/** Values as each driver binds them: SQLite has no booleans or dates (TypeORM stores UTC text). */
export function bindable(queryRunner: QueryRunner, value: unknown): unknown {
  if (isPostgres(queryRunner)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

/** A timestamp as a driver reads it back: a Date (PostgreSQL) or TypeORM's UTC text (SQLite). */
export function instantOf(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}
