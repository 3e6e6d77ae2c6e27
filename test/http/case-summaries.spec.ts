import { BusinessCaseCache } from '../../src/business-case/business-case-cache.entity';
import { BusinessCaseService } from '../../src/business-case/business-case.service';
import { CaseSummariesService } from '../../src/business-case/case-summaries.service';
import { summarise } from '../../src/business-case/case-summary';
import { SignoffsService } from '../../src/business-case/signoffs.service';
import { FinanceService } from '../../src/finance/finance.service';
import { Pilot } from '../../src/pilots/pilot.entity';
import { IsNull } from 'typeorm';
import { Writer } from '../../src/database/writer.service';
import { MetricsImportService } from '../../src/results/import/metrics-import.service';
import { channelIds } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

// The portfolio-wide pages read cached business-case summaries; database triggers must make
// every change to an input visible at once, whichever way it was written.
describe('Business-case summary cache (HTTP app, real database)', () => {
  let t: TestApp;
  let cache: CaseSummariesService;
  let engine: BusinessCaseService;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    cache = t.app.get(CaseSummariesService);
    engine = t.app.get(BusinessCaseService);
  });
  afterAll(() => t.close());

  const pilots = () =>
    t.dataSource.getRepository(Pilot).find({ relations: { affectedChannels: true } });

  /** What the engine says now, as the cache would store it. */
  async function live(list: Pilot[]) {
    const reports = await engine.reports(list);
    const statuses = await t.app.get(SignoffsService).statusesOf([...reports.values()]);
    return new Map(
      list.map((p) => [
        p.id,
        JSON.parse(JSON.stringify(summarise(reports.get(p.id)!, statuses.get(p.id) ?? []))),
      ]),
    );
  }

  async function expectFresh() {
    const list = await pilots();
    expect(await cache.summaries(list)).toEqual(await live(list));
  }

  it('computes once, then serves from the cache while nothing changes', async () => {
    const list = await pilots();
    await cache.summaries(list);
    const rows = await t.dataSource.getRepository(BusinessCaseCache).find();
    expect(rows).toHaveLength(list.length);
    expect(rows.every((r) => r.data && r.computedKey)).toBe(true);
    const spy = jest.spyOn(engine, 'reports');
    try {
      expect(await cache.summaries(list)).toEqual(await live(list));
      expect(spy).toHaveBeenCalledTimes(1); // only `live` above computed
    } finally {
      spy.mockRestore();
    }
  });

  it('sees imported results at once', async () => {
    await cache.summaries(await pilots());
    await t.app
      .get(MetricsImportService)
      .apply('pilot,month,metric,channel,value\nwhatsapp-movers,2026-10,contacts,,9999\n', 'test');
    await expectFresh();
  });

  it('sees a new cost rate for every pilot (the global epoch)', async () => {
    await cache.summaries(await pilots());
    const [phone] = await channelIds(t.dataSource, 'phone');
    await t.app
      .get(FinanceService)
      .setCostRate({ channelId: phone, effectiveFrom: '2026-06', amount: 975 }, 'test');
    await expectFresh();
  });

  it('sees a sign-off, a plan change and even a write the app did not make', async () => {
    await cache.summaries(await pilots());
    const pilot = (await pilots()).find((p) => p.slug === 'billing-chatbot')!;
    const report = await engine.report(pilot);
    const months = report.result!.months.map((m) => m.month);
    await t.app
      .get(SignoffsService)
      .signOff(
        pilot,
        report,
        { fromMonth: months[0], toMonth: months.at(-1)!, note: null },
        'test',
      );
    await expectFresh();
    const summary = (await cache.summaries([pilot])).get(pilot.id)!;
    expect(summary.signoffs).toEqual([{ toMonth: months.at(-1), outdated: false }]);

    await t.dataSource.query(
      t.dialect === 'postgres'
        ? 'UPDATE pilot_plan SET monthly_fixed_cost_cents = monthly_fixed_cost_cents + 100000 WHERE pilot_id = $1'
        : 'UPDATE pilot_plan SET monthly_fixed_cost_cents = monthly_fixed_cost_cents + 100000 WHERE pilot_id = ?',
      [pilot.id],
    );
    await expectFresh();
    await t.dataSource.query(
      t.dialect === 'postgres'
        ? 'DELETE FROM channel_result WHERE pilot_id = $1 AND month = (SELECT MAX(month) FROM channel_result WHERE pilot_id = $1)'
        : 'DELETE FROM channel_result WHERE pilot_id = ? AND month = (SELECT MAX(month) FROM channel_result WHERE pilot_id = ?)',
      t.dialect === 'postgres' ? [pilot.id] : [pilot.id, pilot.id],
    );
    await expectFresh();
  });

  it('recomputes in a new month (the discount rate in force may differ)', async () => {
    const list = await pilots();
    await cache.summaries(list, new Date('2026-11-20T12:00:00Z'));
    const spy = jest.spyOn(engine, 'reports');
    try {
      await cache.summaries(list, new Date('2026-12-02T12:00:00Z'));
      // Every pilot computed again (a few at a time), each once.
      const computed = spy.mock.calls.flatMap(([slice]) => slice.map((p) => p.id));
      expect(computed.sort()).toEqual(list.map((p) => p.id).sort());
    } finally {
      spy.mockRestore();
    }
  });

  it('reads again only the pilots a write changed, and keeps nothing read during an open write', async () => {
    const list = await pilots();
    const range = { from: '2026-01', to: '2026-06' };
    await cache.summaries(list, new Date(), range); // parsed and kept in memory
    const table = t.dataSource.getRepository(BusinessCaseCache);
    // The stored texts spoilt under unchanged keys: what is kept in memory is what is served.
    await t.dataSource.query(`UPDATE business_case_cache SET data = '{}', period_data = 'null'`);
    const kept = await cache.summaries(list, new Date(), range);
    // (Stale from here on, so the spoilt texts are computed afresh when next read.)
    await t.dataSource.query(`UPDATE business_case_cache SET computed_key = NULL`);
    const expected = await engine.reports(list, { range });
    for (const pilot of list)
      expect(kept.get(pilot.id)!.result?.period ?? null).toEqual(
        JSON.parse(JSON.stringify(expected.get(pilot.id)!.result?.period ?? null)),
      );

    // A write to one pilot moves its version on: it alone is read again (and, its stored text
    // being stale for the new version, computed afresh and right).
    const changed = list.find((p) => p.slug === 'voicebot-outages')!;
    await t.app
      .get(MetricsImportService)
      .apply('pilot,month,metric,channel,value\nvoicebot-outages,2026-03,contacts,,4321\n', 'test');
    const spy = jest.spyOn(engine, 'reports');
    try {
      const after = await cache.summaries(list, new Date(), range);
      expect(spy.mock.calls.flatMap(([slice]) => slice.map((p) => p.slug))).toEqual([
        'voicebot-outages',
      ]);
      const fresh = await engine.reports([changed], { range });
      expect(after.get(changed.id)!.result?.period).toEqual(
        JSON.parse(JSON.stringify(fresh.get(changed.id)!.result?.period)),
      );
    } finally {
      spy.mockRestore();
    }

    // Read while a write unit is open (on SQLite the app's one connection sees its rows
    // uncommitted), then rolled back. Nothing read then may be kept: the next write that moves
    // the pilot's version to the same number, with other figures, would otherwise be served it.
    const raise = (delta: number) =>
      `UPDATE monthly_result SET contacts = contacts + ${delta} WHERE pilot_id = ${changed.id}`;
    // Stale in the table too, before the unit opens (on PostgreSQL the unit locks the row).
    await t.dataSource.query(
      `UPDATE business_case_cache SET computed_key = NULL WHERE pilot_id = ${changed.id}`,
    );
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const unit = t.app
      .get(Writer)
      .write(async (em) => {
        await em.query(raise(5000));
        opened();
        await gate;
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await open;
    const real = engine.reports.bind(engine);
    const during = jest.spyOn(engine, 'reports').mockImplementation(async (...args) => {
      const reports = await real(...args);
      release(); // computed from the open unit's rows: now let it roll back
      return reports;
    });
    try {
      const read = await cache.summaries(list, new Date(), range);
      // On SQLite the read saw the unit's rows and computed from them; on PostgreSQL it sees
      // only what is committed, and the unit is let go here.
      if (t.dataSource.options.type === 'better-sqlite3') expect(during).toHaveBeenCalled();
      release();
      await unit;
      expect(read.get(changed.id)).toBeDefined();
    } finally {
      during.mockRestore();
    }
    await t.dataSource.query(raise(1));
    await expectFresh();
    const afterAll = await cache.summaries(list, new Date(), range);
    const engineNow = await engine.reports([changed], { range });
    expect(afterAll.get(changed.id)!.result?.period).toEqual(
      JSON.parse(JSON.stringify(engineNow.get(changed.id)!.result?.period)),
    );
    // The table as it was found: a range not asked before reads every row, so the rows spoilt
    // above are computed afresh and stored.
    await cache.summaries(list, new Date(), { from: '2024-01', to: null });
    expect(await table.countBy({ computedKey: IsNull() })).toBe(0);
  });

  it('sums a month range from the cache exactly as the engine does', async () => {
    const list = await pilots();
    await cache.summaries(list); // warm: the ranges below are served from the cache
    for (const range of [
      { from: '2026-01', to: '2026-03' },
      { from: '2025-06', to: null },
      { from: null, to: '2025-12' },
      { from: '2030-01', to: '2030-12' },
    ]) {
      const spy = jest.spyOn(engine, 'reports');
      const cached = await cache.summaries(list, new Date(), range);
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
      const reports = await engine.reports(list, { range });
      for (const pilot of list)
        expect(cached.get(pilot.id)!.result?.period ?? null).toEqual(
          JSON.parse(JSON.stringify(reports.get(pilot.id)!.result?.period ?? null)),
        );
    }
  });

  it('keeps the finance dashboard equal to the engine after a change', async () => {
    const finance = await t.agent('finance');
    await finance.get('/finance/dashboard').expect(200);
    await t.app
      .get(MetricsImportService)
      .apply('pilot,month,metric,channel,value\nvoicebot-outages,2026-10,contacts,,1\n', 'test');
    const pilot = (await pilots()).find((p) => p.slug === 'voicebot-outages')!;
    const totals = (await engine.report(pilot)).result!.totals;
    const csv = (await finance.get('/finance/dashboard.csv').expect(200)).text;
    const line = csv.split('\n').find((l) => l.startsWith('Voicebot for outage reports'))!;
    expect(line).toContain(`,${Math.round(totals.netBenefit! * 100) / 100},`);
  });
});
