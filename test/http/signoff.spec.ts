import { FinanceSignoff } from '../../src/business-case/finance-signoff.entity';
import type { Pilot } from '../../src/pilots/pilot.entity';
import { setCostRates, WORKED_RATES, workedExamplePilot } from '../support/factories';
import { submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

describe('Finance sign-off (HTTP)', () => {
  let t: TestApp;
  let pilot: Pilot;
  const [first, second, later] = ['2026-01', '2026-02', '2026-03'];
  beforeAll(async () => {
    t = await createTestApp();
    await setCostRates(t, WORKED_RATES);
    pilot = await workedExamplePilot(t, 'Signed-off pilot', [first, second, later]);
  });
  afterAll(() => t.close());

  it('signs off a month range, and shows it as outdated once an input of those months changes', async () => {
    const finance = await t.agent('finance');
    const url = `/pilots/${pilot.slug}/business-case`;

    const bad = await submit(finance, url, `/pilots/${pilot.slug}/sign-offs`, {
      fromMonth: second,
      toMonth: first,
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('The last month cannot come before the first.');
    const empty = await submit(finance, url, `/pilots/${pilot.slug}/sign-offs`, {
      fromMonth: '2001-01',
      toMonth: '2001-12',
    });
    expect(empty.text).toContain('No results are logged in that range.');

    const ok = await submit(finance, url, `/pilots/${pilot.slug}/sign-offs`, {
      fromMonth: first,
      toMonth: second,
      note: 'Checked against the ledger',
    });
    expect(ok.status).toBe(303);
    expect(await t.dataSource.getRepository(FinanceSignoff).countBy({ pilotId: pilot.id })).toBe(1);
    expect(unescapeHtml((await finance.get(url)).text)).toMatch(
      /Checked against the ledger\) —\s*<strong>current<\/strong>/,
    );

    // A month after the range changes: still current. A month inside it: outdated.
    const owner = await t.agent('admin');
    expect(
      (
        await submit(
          owner,
          `/pilots/${pilot.slug}/results/${later}`,
          `/pilots/${pilot.slug}/results/${later}`,
          { contacts: 4000 },
        )
      ).status,
    ).toBe(303);
    expect((await finance.get(url)).text).toContain('<strong>current</strong>');
    expect(
      (
        await submit(
          owner,
          `/pilots/${pilot.slug}/results/${first}`,
          `/pilots/${pilot.slug}/results/${first}`,
          { contacts: 1 },
        )
      ).status,
    ).toBe(303);
    expect((await finance.get(url)).text).toContain(
      'outdated: an input of these months changed after the sign-off',
    );
  });

  it('lets only finance sign off', async () => {
    for (const role of ['owner', 'board', 'admin', 'viewer'] as const) {
      const agent = await t.agent(role);
      const res = await submit(
        agent,
        `/pilots/${pilot.slug}/business-case`,
        `/pilots/${pilot.slug}/sign-offs`,
        { fromMonth: '2026-01', toMonth: '2026-02' },
      );
      expect(res.status).toBe(403);
    }
  });
});
