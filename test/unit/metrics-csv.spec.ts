import { readMonth } from '../../src/common/months';
import {
  MAX_IMPORT_ROWS,
  MAX_LINE_CHARS,
  parseMetricsCsv,
} from '../../src/results/import/metrics-csv';

describe('parseMetricsCsv', () => {
  it('reads comma-separated rows with money as cents', () => {
    const parsed = parseMetricsCsv(
      'pilot,month,metric,channel,value\np1,2026-01,contacts,,2000\np1,2026-01,fixed_cost,,3000.50\np1,2025-12,volume,phone,"10,250"\n',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.metric, r.channel, r.value])).toEqual([
      [2, 'contacts', null, 2000],
      [3, 'fixed_cost', null, 300050],
      [4, 'volume', 'phone', 10250],
    ]);
  });

  it('reads semicolons with decimal commas and a BOM, as Dutch spreadsheets write', () => {
    const parsed = parseMetricsCsv(
      '\uFEFFpilot;month;metric;channel;value\r\np1;2026-01;fixed_cost;;3.000,50\r\np1;2026-01;volume;phone;1.250\r\n',
    );
    expect(parsed.delimiter).toBe(';');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value)).toEqual([300050, 1250]);
  });

  it('reads the Dutch header (pilot;maand;metriek;kanaal;waarde) as the English one', () => {
    const parsed = parseMetricsCsv(
      'Pilot;Maand;Metriek;Kanaal;Waarde\r\np1;2026-01;fixed_cost;;3.000,50\r\np1;2026-01;volume;phone;1.250\r\n',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.metric, r.channel, r.value])).toEqual([
      ['fixed_cost', null, 300050],
      ['volume', 'phone', 1250],
    ]);
  });

  it('reports every bad line with its column and reason', () => {
    const parsed = parseMetricsCsv(
      [
        'pilot,month,metric,channel,value',
        'p1,2026-13,contacts,,1',
        'p1,2026-01,volume,,5',
        'p1,2026-01,contacts,phone,5',
        'p1,2026-01,smiles,,5',
        'p1,2026-02,volume,phone,-3',
        ',2026-02,volume,phone,3',
        'p1,2026-02,volume,phone',
        '',
        'p1,2026-03,volume,phone,7',
        'p1,2026-03,volume,phone,8',
      ].join('\n'),
    );
    expect(parsed.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [2, 'month', '"2026-13" is not a month (write 2026-11, nov-26 or 1-11-2026)'],
      [3, 'channel', 'volume needs the existing channel it belongs to'],
      [4, 'channel', 'contacts is a figure of the new channel itself; leave the channel empty'],
      [5, 'metric', expect.stringContaining('unknown metric "smiles"')],
      [6, 'value', 'a count cannot be negative'],
      [7, 'pilot', 'the pilot is empty'],
      [8, null, 'expected 5 columns, found 4'],
      [11, null, 'the same figure as line 10'],
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([10]);
  });

  it('refuses a file without the header', () => {
    expect(parseMetricsCsv('p1,2026-01,contacts,,1\n').errors[0]).toMatchObject({
      line: 1,
      reason: expect.stringContaining('the first line must name the columns'),
    });
    expect(parseMetricsCsv('').errors[0].reason).toBe('the file is empty');
  });
});

describe('the row limit', () => {
  it('refuses a file with more figures than one import takes, stopping right after the limit', () => {
    const line = 'p,2026-01,contacts,,1\n';
    const parsed = parseMetricsCsv(
      `pilot,month,metric,channel,value\n${line.repeat(MAX_IMPORT_ROWS + 1)}`,
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        line: MAX_IMPORT_ROWS + 2,
        column: null,
        reason: `the file has more than ${MAX_IMPORT_ROWS} figures, the most one import takes. Split it by pilot or by year.`,
      },
    ]);
  });

  it('refuses a line longer than a line can be, at that line, without echoing it', () => {
    const huge = 'x'.repeat(MAX_LINE_CHARS * 50);
    const parsed = parseMetricsCsv(`pilot,month,metric,channel,value
p,2026-01,contacts,,1
p,2026-02,${huge},,1
`);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0].reason).toContain(`longer than ${MAX_LINE_CHARS} characters`);
    expect(parsed.errors[0].reason.length).toBeLessThan(200);
  });

  it('quotes at most 40 characters of a wrong value, metric or month', () => {
    const long = 'y'.repeat(500);
    const parsed = parseMetricsCsv(
      `pilot,month,metric,channel,value\np,${long},contacts,,1\np,2026-01,${long},,1\np,2026-01,contacts,,${long}\n`,
    );
    expect(parsed.errors).toHaveLength(3);
    for (const error of parsed.errors) {
      expect(error.reason).toContain(`${'y'.repeat(40)}…`);
      expect(error.reason).not.toContain('y'.repeat(41));
    }
  });
});

describe('the months a file may give', () => {
  const bounds = { earliest: '2000-01', latest: '2026-12' };
  it('takes months from the earliest year up to the current month, and names the bound it passes', () => {
    const parsed = parseMetricsCsv(
      'pilot,month,metric,channel,value\np,2026-12,contacts,,1\np,2027-01,contacts,,1\np,7978-05,contacts,,1\np,1999-12,contacts,,1\np,2000-01,contacts,,1\n',
      bounds,
    );
    expect(parsed.rows.map((r) => r.month)).toEqual(['2026-12', '2000-01']);
    expect(parsed.errors).toEqual([
      {
        line: 3,
        column: 'month',
        reason:
          '2027-01 is after 2026-12, the latest month that can be given here (results are given up to the current month)',
      },
      {
        line: 4,
        column: 'month',
        reason:
          '7978-05 is after 2026-12, the latest month that can be given here (results are given up to the current month)',
      },
      {
        line: 5,
        column: 'month',
        reason:
          '1999-12 is before 2000-01, the earliest month this app takes (results are given up to the current month)',
      },
    ]);
  });

  it('reads the header by name, in any order, as a reordered spreadsheet saves it', () => {
    const parsed = parseMetricsCsv(
      'Value;Metric;Pilot;Channel;Month\r\n3.000,50;fixed_cost;p1;;nov-26\r\n1.250;volume;p1;phone;1-12-2026\r\n',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.pilot, r.month, r.metric, r.channel, r.value])).toEqual([
      ['p1', '2026-11', 'fixed_cost', null, 300050],
      ['p1', '2026-12', 'volume', 'phone', 1250],
    ]);
    expect(parseMetricsCsv('pilot,month,metric,value,colour\n').errors[0].reason).toBe(
      'the first line must name the columns pilot,month,metric,channel,value (in any order): missing channel; unknown "colour"',
    );
  });
});

describe('readMonth', () => {
  it.each([
    ['2026-11', '2026-11'],
    ['nov-26', '2026-11'],
    ['Nov-26', '2026-11'],
    ['mrt-27', '2027-03'],
    ['okt. 2026', '2026-10'],
    ['mei 2026', '2026-05'],
    ['november 2026', '2026-11'],
    ['1-11-2026', '2026-11'],
    ['01/11/2026', '2026-11'],
    ['1.3.2027', '2027-03'],
    ['2026-11-01', '2026-11'],
    ['2026-11-01 00:00:00', '2026-11'],
    ['11-2026', '2026-11'],
  ])('reads %s as %s', (raw, month) => {
    expect(readMonth(raw)).toBe(month);
  });

  it.each(['2026-13', '15-11-2026', '2026-11-15', 'nov', 'Q1 2026', 'foo-26', '13-2026', ''])(
    'refuses %s (not a month, or a day other than the first)',
    (raw) => {
      expect(readMonth(raw)).toBeNull();
    },
  );
});
