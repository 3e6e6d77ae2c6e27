import { wordList } from '../../common/words';
import type { MetricRow, ParsedCsv } from './metrics-csv';

/**
 * The parsed rows as columns of numbers: copying 100 000 small objects back to the request loop
 * held it for a quarter of a second, and even lists of 100 000 strings for 80 ms. A file names
 * few distinct pilots, months, metrics and channels, so each is sent once, in `words`, and the
 * columns hold their positions there.
 */
export interface ParsedColumns {
  words: string[];
  line: Int32Array;
  pilot: Int32Array;
  month: Int32Array;
  metric: Int32Array;
  /** -1 for no channel (a figure of the new channel itself). */
  channel: Int32Array;
  value: Float64Array;
  errors: ParsedCsv['errors'];
  delimiter: ParsedCsv['delimiter'];
}

export function toColumns(parsed: ParsedCsv): ParsedColumns {
  const { rows } = parsed;
  const { words, of } = wordList();
  return {
    words,
    line: Int32Array.from(rows, (r) => r.line),
    pilot: Int32Array.from(rows, (r) => of(r.pilot)),
    month: Int32Array.from(rows, (r) => of(r.month)),
    metric: Int32Array.from(rows, (r) => of(r.metric)),
    channel: Int32Array.from(rows, (r) => (r.channel === null ? -1 : of(r.channel))),
    value: Float64Array.from(rows, (r) => r.value),
    errors: parsed.errors,
    delimiter: parsed.delimiter,
  };
}

/** The rows again, from their columns; `pause` lets other requests in every 10 000 rows. */
export async function fromColumns(
  columns: ParsedColumns,
  pause: () => Promise<void>,
): Promise<ParsedCsv> {
  const { words } = columns;
  const rows: MetricRow[] = new Array<MetricRow>(columns.line.length);
  for (let i = 0; i < rows.length; i += 1) {
    if (i % 10_000 === 0) await pause();
    const channel = columns.channel[i];
    rows[i] = {
      line: columns.line[i],
      pilot: words[columns.pilot[i]],
      month: words[columns.month[i]],
      metric: words[columns.metric[i]],
      channel: channel === -1 ? null : words[channel],
      value: columns.value[i],
    };
  }
  return { rows, errors: columns.errors, delimiter: columns.delimiter };
}
