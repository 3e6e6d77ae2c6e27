import { channelIds, logMonth, registerPilot, savePlan, setCostRates } from '../support/factories';
import { fillAndSubmit, renderedForm, unescapeHtml } from '../support/forms';
import { PilotPlan } from '../../src/business-case/pilot-plan.entity';
import { PlanChannelShare } from '../../src/business-case/plan-channel-share.entity';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, '')).replace(/\u00a0/g, ' ');

/** A plan from January 2026 with no costs: the figures under test are the savings alone. */
const SMALL_PLAN = {
  startMonth: '2026-01',
  expectedMonthlyContacts: 100,
  investmentCents: '0',
  monthlyFixedCostCents: '0',
  variableCostPerContactCents: '0',
};

// Baseline methods as the owner meets them (issue 15). A channel with a control group whose owner
// forgot one month's control volume: that month alone falls back to the next method, marked on
// the page, in the CSV and in the API. A pin the history does not allow is refused on the plan.
describe('Baseline methods (HTTP)', () => {
  let t: TestApp;
  let slug: string;
  let id: number;
  const pilotId = () => id;

  beforeAll(async () => {
    t = await createTestApp();
    await setCostRates(t, { phone: '5,00' });
    const pilot = await registerPilot(t, 'Control group pilot', ['phone']);
    slug = pilot.slug;
    id = pilot.id;
    const [phone] = await channelIds(t.dataSource, 'phone');
    await savePlan(t, pilot, SMALL_PLAN, { phone: '50' });
    for (const [month, volume] of [
      ['2025-10', 1000],
      ['2025-11', 1040],
      ['2025-12', 960],
    ] as const)
      await logMonth(t, pilot, month, { [`control_volume_${phone}`]: 2000 }, { phone: volume });
    await logMonth(
      t,
      pilot,
      '2026-01',
      { contacts: 100, [`control_volume_${phone}`]: 2000 },
      { phone: 950 },
    );
    await logMonth(t, pilot, '2026-02', { contacts: 100 }, { phone: 940 }); // no control volume
  });
  afterAll(() => t.close());

  it('keeps the channel on control and marks the month that fell back', async () => {
    const page = text(
      (await (await t.agent('viewer')).get(`/pilots/${slug}/business-case`).expect(200)).text,
    );
    expect(page).toContain('control (n = 3); 1 month by a fallback method');
    expect(page.match(/fallback method: mean for Phone/g)).toHaveLength(1);
  });

  it('says so in the API and the CSV', async () => {
    const agent = await t.agent('viewer');
    const json = (await agent.get(`/api/v1/pilots/${slug}/business-case`).expect(200)).body;
    expect(
      json.result.months.map((m: { channels: Array<{ method: string; fallback: boolean }> }) => [
        m.channels[0].method,
        m.channels[0].fallback,
      ]),
    ).toEqual([
      ['control', false],
      ['mean', true],
    ]);
    expect(json.result.channels[0]).toMatchObject({ method: 'control', fallbackMonths: 1 });
    const csv = (await agent.get(`/pilots/${slug}/business-case.csv`).expect(200)).text;
    expect(csv).toContain('phone_method');
    expect(csv).toContain('mean (fallback)');
  });

  it('refuses a pinned method the history does not allow, beside the field, and saves nothing', async () => {
    const url = `/pilots/${slug}/plan`;
    const agent = await t.agent();
    const [phone] = await channelIds(t.dataSource, 'phone');
    const plan = await t.dataSource
      .getRepository(PilotPlan)
      .findOneByOrFail({ pilotId: pilotId() });
    const refused = await fillAndSubmit(agent, url, url, {
      [`method_${phone}`]: 'trend',
      expectedMonthlyContacts: '150',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(
      new RegExp(`id="f-method_${phone}-error">Trend needs 6 months of history`),
    );
    const page = text(refused.text);
    expect(page).toContain(
      'Trend needs 6 months of history; there are 3 before the start month. Choose a method the history allows, or leave it to the default.',
    );
    // What was typed stays in the form.
    expect(renderedForm(refused.text, url)).toMatchObject({
      [`method_${phone}`]: 'trend',
      expectedMonthlyContacts: '150',
    });
    const after = await t.dataSource
      .getRepository(PilotPlan)
      .findOneByOrFail({ pilotId: pilotId() });
    expect(after).toEqual(plan);
    const share = await t.dataSource
      .getRepository(PlanChannelShare)
      .findOneByOrFail({ pilotId: pilotId(), channelId: phone });
    expect(share.baselineMethod).toBeNull();

    // Mean, which three months allow, is saved.
    const ok = await fillAndSubmit(agent, url, url, { [`method_${phone}`]: 'mean' });
    expect(ok.status).toBe(303);
  });

  it('states what every realised total rests on: the headline, the finance dashboard, its CSV, the API', async () => {
    // No history and no follow-ups: the realised figure is the claim itself, unverified.
    const pilot = await registerPilot(t, 'Unverified pilot', ['phone']);
    await savePlan(t, pilot, SMALL_PLAN, { phone: '50' });
    await logMonth(t, pilot, '2026-01', { contacts: 100 }, { phone: 900 });
    const agent = await t.agent('finance');
    const words = 'unverified: the claim itself, no baseline or follow-ups (1 month); no ±';
    const page = text((await agent.get(`/pilots/${pilot.slug}/business-case`).expect(200)).text);
    expect(page).toMatch(/Realised savings€250 ?unverified: the claim itself/);
    expect(page).not.toMatch(/Realised savings€250 ?\(90 %\)/);
    expect(page).toContain(words);

    const finance = text((await agent.get('/finance/dashboard').expect(200)).text);
    expect(finance).toContain(words);
    // The control-group pilot is measured (2 months, one by a fallback method): the total mixes.
    expect(finance).toContain(
      'the ± covers the 2 months measured against the baseline; 1 month unverified not covered',
    );
    const csv = (await agent.get('/finance/dashboard.csv').expect(200)).text;
    expect(csv.split('\n')[0]).toContain(
      'realised_rests_on,months_measured,months_weak_evidence,months_unverified',
    );
    const row = csv.split('\n').find((line) => line.startsWith('Unverified pilot'))!;
    expect(row).toContain(`"${words}",0,0,1`);

    const json = (await agent.get(`/api/v1/pilots/${pilot.slug}/business-case`).expect(200)).body;
    expect(json.result.totals.realisedEvidence).toEqual({
      rests: 'unverified',
      measured: 0,
      weak: 0,
      unverified: 1,
    });
  });
});
