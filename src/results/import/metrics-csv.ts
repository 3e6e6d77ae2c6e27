import { t } from '../../i18n/translate';
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
/** The header as a Dutch sheet may write it: read as the English one (the metric keys stay). */
export const DUTCH_COLUMNS: Record<string, (typeof CSV_COLUMNS)[number]> = {
  maand: 'month',
  metriek: 'metric',
  kanaal: 'channel',
  waarde: 'value',
};
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
              ? t('import.err.lineTooLong', { max: MAX_LINE_CHARS })
              : t('import.err.unreadable', { reason: shorten((error as Error).message) }),
        },
      ],
      delimiter,
    };
  }
  if (!records.length)
    return {
      rows: [],
      errors: [{ line: 1, column: null, reason: t('import.err.empty') }],
      delimiter,
    };

  // The header names the columns; any order will do (a spreadsheet's columns get moved).
  const header = records[0].map((h) => {
    const name = h.trim().toLowerCase();
    return DUTCH_COLUMNS[name] ?? name;
  });
  const position = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof CSV_COLUMNS)[number],
    number
  >;
  const missing = CSV_COLUMNS.filter((c) => position[c] === -1);
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  const twice = CSV_COLUMNS.filter((c) => header.filter((h) => h === c).length > 1);
  if (missing.length || unknown.length || twice.length) {
    const unknownNames = unknown
      .slice(0, 5)
      .map((u) => `"${shorten(u)}"`)
      .join(', ');
    const problems = [
      missing.length ? t('import.err.missingColumns', { columns: missing.join(', ') }) : '',
      unknown.length
        ? t('import.err.unknownColumns', {
            columns:
              unknown.length > 5
                ? t('import.err.andMore', { columns: unknownNames, count: unknown.length - 5 })
                : unknownNames,
          })
        : '',
      twice.length ? t('import.err.twiceColumns', { columns: twice.join(', ') }) : '',
    ].filter(Boolean);
    return {
      rows: [],
      errors: [
        {
          line: 1,
          column: null,
          reason: t('import.err.header', {
            columns: CSV_COLUMNS.join(delimiter),
            problems: problems.join('; '),
          }),
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
          reason: t('import.err.tooMany', { max: MAX_IMPORT_ROWS }),
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
        reason: t('import.err.columnCount', { expected: header.length, found: record.length }),
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
      if (pilot) fail('pilot', t('import.err.totalNotPilot', { metric }));
    } else if (!pilot) fail('pilot', t('import.err.pilotEmpty'));
    if (!isMonth(month)) fail('month', t('import.err.notMonth', { raw: shorten(monthRaw) }));
    else {
      const outside = monthOutside(month, bounds);
      if (outside) fail('month', t('import.err.monthOutside', { reason: outside }));
    }
    let kind: (typeof PILOT_METRICS)[keyof typeof PILOT_METRICS]['kind'] | null = null;
    if (isPilotMetric(metric)) {
      kind = PILOT_METRICS[metric].kind;
      if (channel) fail('channel', t('import.err.pilotMetricChannel', { metric }));
    } else if (isChannelMetric(metric) || isTotalMetric(metric)) {
      kind = isTotalMetric(metric) ? TOTAL_METRICS[metric].kind : CHANNEL_METRICS[metric].kind;
      if (!channel) fail('channel', t('import.err.needsChannel', { metric }));
    } else {
      fail(
        'metric',
        t('import.err.unknownMetric', {
          raw: shorten(metricRaw),
          known: [
            ...Object.keys(PILOT_METRICS),
            ...Object.keys(CHANNEL_METRICS),
            ...Object.keys(TOTAL_METRICS),
          ].join(', '),
        }),
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
    if (earlier !== undefined) fail(null, t('import.err.sameAs', { line: earlier }));
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
