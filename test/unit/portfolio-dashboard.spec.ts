import { portfolioDashboard } from '../../src/dashboards/portfolio-dashboard';
import type { Pilot } from '../../src/pilots/pilot.entity';

const pilot = (id: number, stage: Pilot['stage'], nextReviewDate: string | null) =>
  ({
    id,
    slug: `p${id}`,
    name: `Pilot ${id}`,
    stage,
    nextReviewDate,
    ownerName: null,
    startMonth: null,
  }) as Pilot;

describe('portfolio dashboard', () => {
  it('counts the funnel and lists the reviews of the next 60 days, overdue first', () => {
    const pilots = [
      pilot(1, 'idea', '2026-12-01'),
      pilot(2, 'incubation', '2026-11-01'),
      pilot(3, 'incubation', '2027-03-01'),
      pilot(4, 'scaled', '2026-11-30'),
    ];
    const d = portfolioDashboard(pilots, new Map(), '2026-11-23');
    expect(d.funnel.map((f) => f.count)).toEqual([1, 0, 2, 0, 1, 0]);
    expect(d.reviews.map((r) => [r.slug, r.overdue])).toEqual([
      ['p2', true],
      ['p1', false],
    ]);
    expect(d.totals).toMatchObject({ pilots: 4, active: 3, contacts: 0, computed: 0 });
    expect(d.rows.every((r) => r.itLevel === 'none' && r.signals.length === 0)).toBe(true);
    expect(d.charts.map((c) => c.id)).toEqual(['funnel']);
  });
});
