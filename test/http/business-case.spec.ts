import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { PilotPlan } from '../../src/business-case/pilot-plan.entity';
import { CostRate } from '../../src/finance/cost-rate.entity';
import { ChannelResult } from '../../src/results/channel-result.entity';
import { MonthlyResult } from '../../src/results/monthly-result.entity';
import { channelIds, findPilot, pilotFields } from '../support/factories';
import { submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';
import { loadOpenApi } from '../support/api-client';

const text = (html: string) => unescapeHtml(html).replace(/\u00a0/g, ' ');

describe('Business case (HTTP)', () => {
  let t: TestApp;
  let phone: number;
  let email: number;

  beforeAll(async () => {
    t = await createTestApp();
    [phone, email] = await channelIds(t.dataSource, 'phone', 'email');
    await loadOpenApi(t);
  });
  afterAll(() => t.close());

  async function pilotWithChannels(name: string) {
    const res = await submit(
      await t.agent(),
      '/pilots/new',
      '/pilots',
      pilotFields({ name, affectedChannelIds: [phone, email] }),
    );
    expect(res.status).toBe(303);
    return findPilot(t.dataSource, res.headers.location.replace('/pilots/', ''));
  }

  const planFields = (overrides: Record<string, string | number> = {}) => ({
    startMonth: '2026-01',
    expectedMonthlyContacts: 2000,
    investmentCents: '0',
    monthlyFixedCostCents: '3.000,00',
    variableCostPerContactCents: '0,50',
    expectedMonthlyMarginCents: '',
    horizonMonths: 36,
    coverageBp: '',
    fixedCostAtScaleCents: '',
    minMonthlyVolume: 500,
    targetCsat: '',
    targetFcr: '',
    targetResponseSeconds: '',
    [`share_${phone}`]: '60',
    [`share_${email}`]: '20',
    version: 0,
    ...overrides,
  });

  it('computes the worked example end to end: plan, rates, history, one month', async () => {
    const pilot = await pilotWithChannels('Worked example pilot');
    const slug = pilot.slug;
    expect((await (await t.agent()).get(`/pilots/${slug}/business-case`)).text).toContain(
      'Not computed yet',
    );

    expect(
      (await submit(await t.agent(), `/pilots/${slug}/plan`, `/pilots/${slug}/plan`, planFields()))
        .status,
    ).toBe(303);
    const plan = await t.dataSource.getRepository(PilotPlan).findOneByOrFail({ pilotId: pilot.id });
    expect(plan).toMatchObject({
      monthlyFixedCostCents: 300000,
      variableCostPerContactCents: 50,
      horizonMonths: 36,
      version: 1,
    });
    expect((await findPilot(t.dataSource, slug)).startMonth).toBe('2026-01');

    for (const [channelId, amount] of [
      [phone, '6,00'],
      [email, '3.50'],
    ] as const) {
      const res = await submit(await t.agent('finance'), '/finance/rates', '/finance/rates', {
        channelId,
        effectiveFrom: '2025-01',
        amount,
      });
      expect(res.status).toBe(303);
    }
    const history: Array<[string, number, number]> = [
      ['2025-10', 10000, 3000],
      ['2025-11', 10400, 3100],
      ['2025-12', 9600, 2900],
    ];
    for (const [month, p, e] of history) {
      const res = await submit(
        await t.agent(),
        `/pilots/${slug}/results/${month}`,
        `/pilots/${slug}/results/${month}`,
        {
          [`volume_${phone}`]: p,
          [`volume_${email}`]: e,
        },
      );
      expect(res.status).toBe(303);
    }
    const month = await submit(
      await t.agent(),
      `/pilots/${slug}/results/2026-01`,
      `/pilots/${slug}/results/2026-01`,
      {
        contacts: 2000,
        fixed_cost: '3000',
        [`volume_${phone}`]: 9300,
        [`volume_${email}`]: 2950,
      },
    );
    expect(month.status).toBe(303);

    const page = text(
      (await (await t.agent()).get(`/pilots/${slug}/business-case`).expect(200)).text,
    );
    expect(page).toContain('€8,600'); // claimed
    expect(page).toContain('€4,375'); // realised
    expect(page).toContain('± €8,177.70');
    expect(page).toContain('€4,225'); // waterbed
    expect(page).toContain('49.1% of the claim');
    expect(page).toContain('€375.00'); // net benefit of the month
    expect(page).toContain('claimed view €4,600');
    expect(page).toContain('mean (n = 3)');
    expect(page).toContain('no discount rate set by finance');

    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ pilotId: pilot.id, entityType: 'results' });
    expect(audit.map((a) => a.field)).toEqual(
      expect.arrayContaining(['2026-01 contacts', '2025-10 phone volume']),
    );
  });

  it('describes its JSON API in a generated OpenAPI document and a page, and answers unknown pilots with a problem 404', async () => {
    const doc = (await (await t.agent()).get('/api/openapi.json').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\.0\./);
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual([
      'DELETE /api/v1/channel-totals/{month}/{channel}',
      'GET /api/v1/channel-totals',
      'GET /api/v1/ledger',
      'GET /api/v1/pilots',
      'GET /api/v1/pilots/{slug}',
      'GET /api/v1/pilots/{slug}/business-case',
      'GET /api/v1/pilots/{slug}/decisions',
      'GET /api/v1/pilots/{slug}/finance',
      'GET /api/v1/pilots/{slug}/it',
      'GET /api/v1/pilots/{slug}/readiness',
      'GET /api/v1/pilots/{slug}/results',
      'GET /api/v1/pilots/{slug}/results/{month}',
      'POST /api/v1/figures',
      'PUT /api/v1/channel-totals/{month}/{channel}',
      'PUT /api/v1/pilots/{slug}/results/{month}',
    ]);
    // The readable reference is made from the same document, by the app itself.
    const page = (await (await t.agent('viewer')).get('/api/docs').expect(200)).text;
    for (const route of routes) expect(page).toContain(`<code>${route}</code>`);
    expect(page).toContain('id="schema-MonthResultsBody"');
    expect(page).not.toMatch(/<script[^>]+src="https?:/);
    const missing = await (await t.agent()).get('/api/v1/pilots/nobody/business-case').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing).toSatisfyApiSpec();
    expect(missing.body).toEqual({
      type: 'about:blank',
      status: 404,
      title: 'Page not found',
      detail: 'The pilot "nobody" was not found.',
      instance: '/api/v1/pilots/nobody/business-case',
    });
  });

  it('names a missing cost rate instead of showing zero', async () => {
    const pilot = await pilotWithChannels('Missing rate pilot');
    const slug = pilot.slug;
    await submit(
      await t.agent(),
      `/pilots/${slug}/plan`,
      `/pilots/${slug}/plan`,
      planFields({ startMonth: '2020-01' }),
    );
    await submit(
      await t.agent(),
      `/pilots/${slug}/results/2020-01`,
      `/pilots/${slug}/results/2020-01`,
      {
        contacts: 100,
      },
    );
    const page = text(
      (await (await t.agent()).get(`/pilots/${slug}/business-case`).expect(200)).text,
    );
    expect(page).toContain(
      'missing cost per contact of Phone for January 2020; cost per contact of E-mail for January 2020',
    );
  });

  it('refuses a plan with bad fields, shares over 100 % and a bad horizon, saving nothing', async () => {
    const pilot = await pilotWithChannels('Bad plan pilot');
    const slug = pilot.slug;
    const res = await submit(
      await t.agent(),
      `/pilots/${slug}/plan`,
      `/pilots/${slug}/plan`,
      planFields({
        [`share_${phone}`]: '80',
        [`share_${email}`]: '30',
        horizonMonths: 121,
        monthlyFixedCostCents: '-5',
        startMonth: '2026-13',
      }),
    );
    expect(res.status).toBe(422);
    const html = text(res.text);
    expect(html).toContain('The shares add up to 110%; together they may be at most 100%.');
    expect(html).toContain('The horizon must be 1 to 120 months.');
    expect(html).toContain('An amount cannot be negative.');
    expect(html).toContain('Give the start month as YYYY-MM');
    expect(res.text).toContain('value="80"');
    expect(await t.dataSource.getRepository(PilotPlan).countBy({ pilotId: pilot.id })).toBe(0);
  });

  it('refuses a stale plan edit', async () => {
    const pilot = await pilotWithChannels('Stale plan pilot');
    const slug = pilot.slug;
    await submit(await t.agent(), `/pilots/${slug}/plan`, `/pilots/${slug}/plan`, planFields());
    const res = await submit(
      await t.agent(),
      `/pilots/${slug}/plan`,
      `/pilots/${slug}/plan`,
      planFields({ version: 0, expectedMonthlyContacts: 1 }),
    );
    expect(res.status).toBe(409);
    const plan = await t.dataSource.getRepository(PilotPlan).findOneByOrFail({ pilotId: pilot.id });
    expect(plan.expectedMonthlyContacts).toBe(2000);
  });

  it('refuses negative volumes and a month without contacts, keeping the input', async () => {
    const pilot = await pilotWithChannels('Bad month pilot');
    const slug = pilot.slug;
    await submit(await t.agent(), `/pilots/${slug}/plan`, `/pilots/${slug}/plan`, planFields());
    const res = await submit(
      await t.agent(),
      `/pilots/${slug}/results/2026-02`,
      `/pilots/${slug}/results/2026-02`,
      {
        contacts: '',
        [`volume_${phone}`]: '-4',
        csat: '140',
      },
    );
    expect(res.status).toBe(422);
    const html = text(res.text);
    expect(html).toContain('Give the number of contacts the new channel handled this month.');
    expect(html).toContain('A count cannot be negative.');
    expect(html).toContain('A percentage cannot be above 100.');
    expect(res.text).toContain('value="-4"');
    expect(await t.dataSource.getRepository(MonthlyResult).countBy({ pilotId: pilot.id })).toBe(0);
    expect(await t.dataSource.getRepository(ChannelResult).countBy({ pilotId: pilot.id })).toBe(0);
    await (await t.agent()).get(`/pilots/${slug}/results/2026-13`).expect(404);
  });

  it('records and validates cost rates and the discount rate with their history', async () => {
    const bad = await submit(await t.agent('finance'), '/finance/rates', '/finance/rates', {
      channelId: '',
      effectiveFrom: 'soon',
      amount: '0',
    });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('Choose a channel.');
    expect(text(bad.text)).toContain('Give the month as YYYY-MM.');
    const [chat] = await channelIds(t.dataSource, 'chat');
    await submit(await t.agent('finance'), '/finance/rates', '/finance/rates', {
      channelId: chat,
      effectiveFrom: '2026-01',
      amount: '5',
    });
    await submit(await t.agent('finance'), '/finance/rates', '/finance/rates', {
      channelId: chat,
      effectiveFrom: '2026-07',
      amount: '5,50',
    });
    await submit(await t.agent('finance'), '/finance/rates', '/finance/rates', {
      channelId: chat,
      effectiveFrom: '2026-07',
      amount: '5,75',
    });
    const rates = await t.dataSource
      .getRepository(CostRate)
      .find({ where: { channelId: chat }, order: { effectiveFrom: 'ASC' } });
    expect(rates.map((r) => [r.effectiveFrom, r.centsPerContact])).toEqual([
      ['2026-01', 500],
      ['2026-07', 575],
    ]);
    const res = await submit(await t.agent('finance'), '/finance/rates', '/finance/discount-rate', {
      effectiveFrom: '2026-01',
      rate: '8',
    });
    expect(res.status).toBe(303);
    const page = text((await (await t.agent()).get('/finance/rates').expect(200)).text);
    expect(page).toContain('€5.75');
    expect(page).toContain('8.0%');
    const badRate = await submit(
      await t.agent('finance'),
      '/finance/rates',
      '/finance/discount-rate',
      {
        effectiveFrom: '2026-01',
        rate: '150',
      },
    );
    expect(badRate.status).toBe(422);
    expect(text(badRate.text)).toContain('Give the annual rate as a percentage from 0 to 100');
  });

  it('logs and removes dated investments', async () => {
    const pilot = await pilotWithChannels('Investment pilot');
    const slug = pilot.slug;
    const bad = await submit(
      await t.agent(),
      `/pilots/${slug}/investments`,
      `/pilots/${slug}/investments`,
      { investedOn: '2026-02-30', amount: 'x', description: '' },
    );
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('Give the date as YYYY-MM-DD.');
    const ok = await submit(
      await t.agent(),
      `/pilots/${slug}/investments`,
      `/pilots/${slug}/investments`,
      {
        investedOn: '2026-01-15',
        amount: '25.000,00',
        description: 'Vendor licence and set-up',
      },
    );
    expect(ok.status).toBe(303);
    const page = await (await t.agent()).get(`/pilots/${slug}/investments`).expect(200);
    expect(text(page.text)).toContain('€25,000.00');
  });
});
