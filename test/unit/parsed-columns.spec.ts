import { parseMetricsCsv } from '../../src/results/import/metrics-csv';
import { fromColumns, toColumns } from '../../src/results/import/parsed-columns';

describe('parsed rows as columns (what the import worker sends back)', () => {
  it('gives back exactly the rows and errors it was given, each distinct word sent once', async () => {
    const parsed = parseMetricsCsv(
      'pilot,month,metric,channel,value\np1,2026-01,volume,phone,1200\np1,2026-01,contacts,,300\np2,2026-02,fixed_cost,,3000.50\np2,2026-13,contacts,,1\n',
      { earliest: '2000-01', latest: '2026-12' },
    );
    const columns = toColumns(parsed);
    expect([...columns.words].sort()).toEqual([
      '2026-01',
      '2026-02',
      'contacts',
      'fixed_cost',
      'p1',
      'p2',
      'phone',
      'volume',
    ]);
    expect(await fromColumns(structuredClone(columns), async () => {})).toEqual(parsed);
    expect(parsed.errors).toHaveLength(1);
  });
});
