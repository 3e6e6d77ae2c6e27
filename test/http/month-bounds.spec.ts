import { monthOf } from '../../src/common/months';
import type { Pilot } from '../../src/pilots/pilot.entity';
import { registerPilot } from '../support/factories';
import { fillAndSubmit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Finding 2 of the audit: months up to 9999-12 were accepted everywhere, and a pilot page that
 * counts months up to one grew to 11 MB. Results stop at the current month; plans, rates and
 * ranges at ten years ahead; nothing before EARLIEST_YEAR (2000 by default).
 */
describe('Months within bounds (HTTP)', () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { EARLIEST_YEAR: '2010' } });
    const pilot: Pilot = await registerPilot(t, 'Bounded pilot', ['phone']);
    slug = pilot.slug;
  });
  afterAll(() => t.close());

  const next = (month: string) => {
    const [y, m] = month.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  };

  it('logs results up to the current month and says why a later one is refused', async () => {
    const owner = await t.agent('admin');
    const now = monthOf(new Date());
    await owner.get(`/pilots/${slug}/results/${now}`).expect(200);
    await owner.get(`/pilots/${slug}/results/${next(now)}`).expect(404);
    await owner.get(`/pilots/${slug}/results/9999-12`).expect(404);
    await owner.get(`/pilots/${slug}/results/2009-12`).expect(404);
    const asked = await owner.get(`/pilots/${slug}/results?month=${next(now)}`).expect(200);
    expect(unescapeHtml(asked.text)).toContain(
      `${next(now)} is after ${now}, the latest month that can be given here: results are logged up to the current month.`,
    );
    expect(asked.text).toContain(`value="${next(now)}"`); // what was asked stays in the field
    expect(asked.text).toContain(`max="${now}"`);
  });

  it('refuses a plan starting in 9999 or before the earliest year, next to the field', async () => {
    const owner = await t.agent('admin');
    const plan = `/pilots/${slug}/plan`;
    const late = await fillAndSubmit(owner, plan, plan, { startMonth: '9999-12' });
    expect(late.status).toBe(422);
    const latest = `${Number(monthOf(new Date()).slice(0, 4)) + 10}-12`;
    expect(unescapeHtml(late.text)).toContain(
      `Give a month from 2010-01 to ${latest}; 9999-12 is outside.`,
    );
    const early = await fillAndSubmit(owner, plan, plan, { startMonth: '2009-06' });
    expect(early.status).toBe(422);
  });

  it('refuses a finance range or a cost rate in year 9999', async () => {
    const finance = await t.agent('finance');
    const range = await finance.get('/finance/dashboard?from=2025-01&to=9999-12').expect(400);
    expect(unescapeHtml(range.text)).toContain('9999-12 is after');
    const rates = await fillAndSubmit(finance, '/finance/rates', '/finance/rates', {
      effectiveFrom: '9999-01',
      amount: '5,00',
    });
    expect(rates.status).toBe(422);
    expect(unescapeHtml(rates.text)).toContain('9999-01 is after');
  });
});
