import { displacementChart, PILOTS_CHARTED } from '../../../src/ledger/ledger.charts';
import { pilotsShown, PILOTS_LISTED } from '../../../src/ledger/ledger-rules';
import type { LedgerChannel, PilotShare } from '../../../src/ledger/ledger.types';

// A channel with many pilots (issue 19): its table lists those that claim most and sums the
// rest; its chart gives a bar to those that measured most and one to the others together.

const share = (i: number): PilotShare => ({
  slug: `p${i}`,
  name: `Pilot ${String(i).padStart(2, '0')}`,
  scope: 'segment',
  scopeDescription: null,
  claimed: i * 10,
  measured: i * 5,
  attributed: null,
});

describe('A channel of many pilots', () => {
  it('lists the pilots that claim most, and the others summed', () => {
    const pilots = Array.from({ length: PILOTS_LISTED + 5 }, (_, i) => share(i + 1));
    const shown = pilotsShown(pilots);
    expect(shown.pilots).toHaveLength(PILOTS_LISTED);
    expect(shown.pilots[0].slug).toBe(`p${PILOTS_LISTED + 5}`);
    expect(shown.otherPilots).toEqual({
      count: 5,
      claimed: (1 + 2 + 3 + 4 + 5) * 10,
      measured: (1 + 2 + 3 + 4 + 5) * 5,
    });
    // A few pilots: all of them, as they came.
    expect(pilotsShown(pilots.slice(0, 3))).toEqual({
      pilots: pilots.slice(0, 3),
      otherPilots: null,
    });
  });

  it('charts the pilots that measured most one by one, and the others as one bar a month', () => {
    const pilots = Array.from({ length: 12 }, (_, i) => share(i + 1));
    const months = ['2026-01', '2026-02'].map((month, m) => ({
      month,
      claimed: 1000,
      orgDisplaced: 500,
      // In February pilot 1 measured nothing: it is left out of the sum, not counted as 0.
      pilots: pilots.map((p, i) => ({
        slug: p.slug,
        claimed: 10,
        measured: m === 1 && i === 0 ? null : (i + 1) * (m + 1),
      })),
    }));
    const channel = { key: 'phone', name: 'Phone', pilots, months } as unknown as LedgerChannel;
    const chart = displacementChart(channel);
    const measured = chart.series.filter((s) => s.label.startsWith('Measured'));
    expect(measured).toHaveLength(PILOTS_CHARTED);
    expect(measured[0]).toMatchObject({ label: 'Measured: Pilot 12', data: [12, 24] });
    const others = measured.at(-1)!;
    expect(others.label).toBe('Measured: the 5 other pilots');
    // Pilots 1–5: 1+2+3+4+5 in January; 2×(2+3+4+5) in February.
    expect(others.data).toEqual([15, 28]);
  });
});
