import { FinanceSignoff } from '../../src/business-case/finance-signoff.entity';
import { MonthlyResult } from '../../src/results/monthly-result.entity';
import { findPilot } from '../support/factories';
import { submit, unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

describe('Finance sign-off (HTTP, on the demo portfolio)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('signs off a month range, and shows it as outdated once an input of those months changes', async () => {
    const pilot = await findPilot(t.dataSource, 'whatsapp-movers');
    const months = await t.dataSource
      .getRepository(MonthlyResult)
      .find({ where: { pilotId: pilot.id }, order: { month: 'ASC' } });
    const [first, second] = [months[0].month, months[1].month];
    const finance = await t.agent('finance');
    const url = '/pilots/whatsapp-movers/business-case';

    const bad = await submit(finance, url, '/pilots/whatsapp-movers/sign-offs', {
      fromMonth: second,
      toMonth: first,
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('The last month cannot come before the first.');
    const empty = await submit(finance, url, '/pilots/whatsapp-movers/sign-offs', {
      fromMonth: '2001-01',
      toMonth: '2001-12',
    });
    expect(empty.text).toContain('No results are logged in that range.');

    const ok = await submit(finance, url, '/pilots/whatsapp-movers/sign-offs', {
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
    const later = months[months.length - 1].month;
    expect(
      (
        await submit(
          owner,
          `/pilots/whatsapp-movers/results/${later}`,
          `/pilots/whatsapp-movers/results/${later}`,
          { contacts: 4000 },
        )
      ).status,
    ).toBe(303);
    expect((await finance.get(url)).text).toContain('<strong>current</strong>');
    expect(
      (
        await submit(
          owner,
          `/pilots/whatsapp-movers/results/${first}`,
          `/pilots/whatsapp-movers/results/${first}`,
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
        '/pilots/whatsapp-movers/business-case',
        '/pilots/whatsapp-movers/sign-offs',
        { fromMonth: '2026-01', toMonth: '2026-02' },
      );
      expect(res.status).toBe(403);
    }
  });
});
