import { wordList } from '../common/words';
import { sqliteTime } from './sqlite-settings';

// Rows for a worker thread to write (sqlite-write-worker.ts), as typed arrays: sending 100 000
// row objects to a worker costs the request loop a quarter of a second to copy; these columns
// move without a copy (their buffers are transferred) and each distinct text is sent once.

export interface RowBatch {
  table: string;
  /** Every column, the conflict keys first. */
  columns: string[];
  /** Upsert on these (a null in another column keeps the stored value); null: plain insert. */
  conflictKeys: string[] | null;
  rows: number;
  /** Per cell: 0 null, 1 the number in `numbers`, 2 the text `words[numbers[cell]]`. */
  kinds: Uint8Array;
  numbers: Float64Array;
  words: string[];
}

export function encodeRows(
  table: string,
  columns: string[],
  conflictKeys: string[] | null,
  rows: Array<Record<string, unknown>>,
): RowBatch {
  const cells = rows.length * columns.length;
  const kinds = new Uint8Array(cells);
  const numbers = new Float64Array(cells);
  const { words, of } = wordList();
  let cell = 0;
  for (const row of rows)
    for (const column of columns) {
      let value = row[column];
      if (value instanceof Date) value = sqliteTime(value);
      if (typeof value === 'boolean') value = value ? 1 : 0;
      if (typeof value === 'number') {
        kinds[cell] = 1;
        numbers[cell] = value;
      } else if (typeof value === 'string') {
        kinds[cell] = 2;
        numbers[cell] = of(value);
      } else if (value !== null && value !== undefined) {
        throw new Error(`${table}.${column}: cannot send a ${typeof value}`);
      }
      cell += 1;
    }
  return { table, columns, conflictKeys, rows: rows.length, kinds, numbers, words };
}

/** The parameters of rows `from` to `to` (exclusive), row by row. */
export function batchParams(batch: RowBatch, from: number, to: number): unknown[] {
  const params: unknown[] = [];
  const width = batch.columns.length;
  for (let cell = from * width; cell < to * width; cell += 1) {
    const kind = batch.kinds[cell];
    params.push(
      kind === 0 ? null : kind === 1 ? batch.numbers[cell] : batch.words[batch.numbers[cell]],
    );
  }
  return params;
}

/** The buffers to transfer with the batches. */
export const transferables = (batches: RowBatch[]) =>
  batches.flatMap((b) => [b.kinds.buffer, b.numbers.buffer]) as ArrayBuffer[];
