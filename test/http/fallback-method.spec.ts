import { channelIds, logMonth, registerPilot, savePlan, setCostRates } from '../support/factories';
import { unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) =>
  unescapeHtml(html.replace(/<[^>]+>/g, '')).replace(/\u00a0/g, ' ');

// A channel with a control group whose owner forgot one month's control volume (issue 15): that
// month alone falls back to the next method, marked on the page, in the CSV and in the API.
describe('A month without its control volume (HTTP)', () => {
  let t: TestApp;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp();
    await setCostRates(t, { phone: '5,00' });
    const pilot = await registerPilot(t, 'Control group pilot', ['phone']);
    slug = pilot.slug;
    const [phone] = await channelIds(t.dataSource, 'phone');
    await savePlan(
      t,
      pilot,
      {
        startMonth: '2026-01',
        expectedMonthlyContacts: 100,
        investmentCents: '0',
        monthlyFixedCostCents: '0',
        variableCostPerContactCents: '0',
      },
      { phone: '50' },
    );
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
});
