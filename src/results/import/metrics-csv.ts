import { parse } from 'csv-parse/sync';
import {
  isMonth,
  MonthBounds,
  monthOutside,
  readMonth,
  resultMonthBounds,
} from '../../common/months';
import {
  CHANNEL_METRICS,
  isChannelMetric,
  isPilotMetric,
  isTotalMetric,
  parseMetricValue,
  PILOT_METRICS,
  shorten,
  TOTAL_METRICS,
} from '../metrics';

// Reads the long-format metrics CSV (pilot,month,metric,channel,value) as spreadsheets here
// write it: comma or semicolon separated, UTF-8 with or without BOM, decimal comma with
// semicolons. Pure: text in, rows and every error (line, column, reason) out.

export const CSV_COLUMNS = ['pilot', 'month', 'metric', 'channel', 'value'] as const;
/** The most figures one import takes: a whole portfolio's three years fit, a runaway export does not. */
export const MAX_IMPORT_ROWS = 500_000;
/** The longest line taken: five short fields fit many times over; a runaway line is refused early. */
export const MAX_LINE_CHARS = 1000;

export interface ImportError {
  line: number;
  column: (typeof CSV_COLUMNS)[number] | null;
  reason: string;
}

export interface MetricRow {
  line: number;
  pilot: string;
  month: string;
  metric: string;
  /** The existing channel's key, or null for the new channel's own metrics. */
  channel: string | null;
  /** Cents for money, whole numbers otherwise. */
  value: number;
}

export interface ParsedCsv {
  rows: MetricRow[];
  errors: ImportError[];
  delimiter: ',' | ';';
}

/**
 * `bounds`: the months results may be given for (by default from EARLIEST_YEAR to the current
 * month); passed in by the worker that runs this off the request loop.
 */
export function parseMetricsCsv(
  content: string,
  bounds: MonthBounds = resultMonthBounds(),
): ParsedCsv {
  const text = content.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const decimalComma = delimiter === ';';
  const errors: ImportError[] = [];

  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      // Limits checked while parsing, so a huge file stops at the first line too long or at
      // one record past the most one import takes, not after reading everything.
      max_record_size: MAX_LINE_CHARS,
      to: MAX_IMPORT_ROWS + 2,
    }) as string[][];
  } catch (error) {
    const { lines, code } = error as { lines?: number; code?: string };
    return {
      rows: [],
      errors: [
        {
          line: lines ?? 1,
          column: null,
          reason:
            code === 'CSV_MAX_RECORD_SIZE'
              ? `the line is longer than ${MAX_LINE_CHARS} characters; a line holds five short fields (pilot, month, metric, channel, value)`
              : `the file cannot be read as CSV: ${shorten((error as Error).message)}`,
        },
      ],
      delimiter,
    };
  }
  if (!records.length)
    return {
      rows: [],
      errors: [{ line: 1, column: null, reason: 'the file is empty' }],
      delimiter,
    };

  // The header names the columns; any order will do (a spreadsheet's columns get moved).
  const header = records[0].map((h) => h.trim().toLowerCase());
  const position = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof CSV_COLUMNS)[number],
    number
  >;
  const missing = CSV_COLUMNS.filter((c) => position[c] === -1);
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  const twice = CSV_COLUMNS.filter((c) => header.filter((h) => h === c).length > 1);
  if (missing.length || unknown.length || twice.length) {
    const problems = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unknown.length
        ? `unknown ${unknown
            .slice(0, 5)
            .map((u) => `"${shorten(u)}"`)
            .join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`
        : '',
      twice.length ? `twice ${twice.join(', ')}` : '',
    ].filter(Boolean);
    return {
      rows: [],
      errors: [
        {
          line: 1,
          column: null,
          reason: `the first line must name the columns ${CSV_COLUMNS.join(delimiter)} (in any order): ${problems.join('; ')}`,
        },
      ],
      delimiter,
    };
  }

  if (records.length - 1 > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      errors: [
        {
          line: MAX_IMPORT_ROWS + 2,
          column: null,
          reason: `the file has more than ${MAX_IMPORT_ROWS} figures, the most one import takes. Split it by pilot or by year.`,
        },
      ],
      delimiter,
    };
  }

  const rows: MetricRow[] = [];
  const seen = new Map<string, number>();
  // Line numbers as a spreadsheet shows them; empty lines are skipped by the parser, so count them back.
  const lineNumbers = physicalLines(text);
  for (let i = 1; i < records.length; i += 1) {
    const record = records[i];
    const line = lineNumbers[i] ?? i + 1;
    if (record.length !== header.length) {
      errors.push({
        line,
        column: null,
        reason: `expected ${header.length} columns, found ${record.length}`,
      });
      continue;
    }
    const pilot = record[position.pilot];
    const monthRaw = record[position.month];
    const metricRaw = record[position.metric];
    const channelRaw = record[position.channel];
    const valueRaw = record[position.value];
    const month = readMonth(monthRaw) ?? monthRaw;
    const metric = metricRaw.toLowerCase();
    const channel = channelRaw ? channelRaw.toLowerCase() : null;
    let ok = true;
    const fail = (column: ImportError['column'], reason: string) => {
      errors.push({ line, column, reason });
      ok = false;
    };
    if (isTotalMetric(metric)) {
      if (pilot)
        fail(
          'pilot',
          `${metric} is the organisation's total of a channel, no pilot's; leave the pilot empty`,
        );
    } else if (!pilot) fail('pilot', 'the pilot is empty');
    if (!isMonth(month))
      fail('month', `"${shorten(monthRaw)}" is not a month (write 2026-11, nov-26 or 1-11-2026)`);
    else {
      const outside = monthOutside(month, bounds);
      if (outside) fail('month', `${outside} (results are given up to the current month)`);
    }
    let kind: (typeof PILOT_METRICS)[keyof typeof PILOT_METRICS]['kind'] | null = null;
    if (isPilotMetric(metric)) {
      kind = PILOT_METRICS[metric].kind;
      if (channel)
        fail('channel', `${metric} is a figure of the new channel itself; leave the channel empty`);
    } else if (isChannelMetric(metric) || isTotalMetric(metric)) {
      kind = isTotalMetric(metric) ? TOTAL_METRICS[metric].kind : CHANNEL_METRICS[metric].kind;
      if (!channel) fail('channel', `${metric} needs the existing channel it belongs to`);
    } else {
      fail(
        'metric',
        `unknown metric "${shorten(metricRaw)}"; known: ${[...Object.keys(PILOT_METRICS), ...Object.keys(CHANNEL_METRICS), ...Object.keys(TOTAL_METRICS)].join(', ')}`,
      );
    }
    let value = 0;
    if (kind) {
      const parsed = parseMetricValue(kind, valueRaw, decimalComma);
      if (parsed.ok) value = parsed.value;
      else fail('value', parsed.reason);
    }
    const key = `${pilot}|${month}|${metric}|${channel ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) fail(null, `the same figure as line ${earlier}`);
    else seen.set(key, line);
    if (ok) rows.push({ line, pilot, month, metric, channel, value });
  }
  return { rows, errors, delimiter };
}

/** The physical line number of each non-empty record, for messages. */
function physicalLines(text: string): number[] {
  const numbers: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) if (lines[i].trim() !== '') numbers.push(i + 1);
  return numbers;
}

export const TEMPLATE_CSV = [
  CSV_COLUMNS.join(','),
  'whatsapp-movers,2025-12,volume,phone,10250',
  'whatsapp-movers,2025-12,control_volume,phone,8400',
  'whatsapp-movers,2026-01,contacts,,2000',
  'whatsapp-movers,2026-01,fixed_cost,,3000.00',
  'whatsapp-movers,2026-01,volume,phone,9300',
  'whatsapp-movers,2026-01,follow_ups,phone,240',
  ',2026-01,total_volume,phone,52000',
  '',
].join('\n');
