import { BusinessCaseService } from '../../src/business-case/business-case.service';
import { addMonths } from '../../src/common/months';
import { LedgerService } from '../../src/ledger/ledger.service';
import { DemoSeeder } from '../../src/demo/demo-seeder.service';
import { GatesService } from '../../src/lifecycle/gates.service';
import { PilotsService } from '../../src/pilots/pilots.service';
import { Pilot } from '../../src/pilots/pilot.entity';
import { unescapeHtml } from '../support/forms';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) => unescapeHtml(html).replace(/\u00a0/g, ' ');

// The demo data is a story for people trying the product; these tests check the story is whole.
// Every other HTTP test makes its own pilots with the factories in test/support/factories.ts.
describe('The demo portfolio (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('seeds a living portfolio across every stage into an empty database, once', async () => {
    const pilots = await t.dataSource.getRepository(Pilot).find();
    expect(pilots.length).toBeGreaterThanOrEqual(8);
    expect(new Set(pilots.map((p) => p.stage))).toEqual(
      new Set(['idea', 'proof_of_concept', 'incubation', 'scale_up_review', 'scaled', 'stopped']),
    );
    const page = await (await t.agent()).get('/pilots').expect(200);
    expect(page.text).toContain('WhatsApp for customers who are moving');
    expect(page.text).toContain('Demo mode');

    // The business cases show each archetype the demo promises.
    const cases = t.app.get(BusinessCaseService);
    const report = async (slug: string) =>
      (await cases.report(await t.app.get(PilotsService).get(slug))).result!;
    const proven = await report('voicebot-outages');
    expect(proven.verdict).toMatchObject({ proven: true });
    expect(proven.channels[0].method).toBe('control');
    const leaky = await report('whatsapp-movers');
    expect(leaky.totals.waterbedRatio).toBeGreaterThan(0.6);
    expect(leaky.verdict.proven).toBe(false);
    expect(leaky.channels.map((c) => c.contradicted)).toEqual([true, true]);
    const noisy = await report('billing-chatbot');
    expect(noisy.verdict.proven).toBe(false);
    expect(noisy.totals.realisedSavings!.halfWidth).toBeGreaterThan(
      Math.abs(noisy.totals.realisedSavings!.value) / 2,
    );
    const revenue = await report('test-drive-click-to-call');
    expect(revenue.months.every((m) => m.margin > 0)).toBe(true);
    expect(revenue.totals.netBenefit).toBeGreaterThan(0);
    const mixOf = async (slug: string) =>
      (await cases.report(await t.app.get(PilotsService).get(slug))).contactMix;
    expect((await mixOf('whatsapp-movers')).map((m) => [m.key, m.mostlyDesired])).toEqual([
      ['phone', false],
    ]);
    expect((await mixOf('test-drive-click-to-call')).map((m) => [m.key, m.mostlyDesired])).toEqual([
      ['phone', true],
    ]);
    const scaled = await report('meter-reading-portal');
    expect(scaled.months.length).toBeLessThanOrEqual(24);
    for (const slug of [
      'voicebot-outages',
      'whatsapp-movers',
      'billing-chatbot',
      'test-drive-click-to-call',
    ]) {
      expect(
        (await (await t.agent()).get(`/pilots/${slug}/business-case`).expect(200)).text,
      ).toContain('Where the claimed contacts went');
    }
    expect(
      (await (await t.agent()).get('/pilots/test-drive-click-to-call/business-case')).text,
    ).toContain('Mostly desired contacts went away');
    // Its owner forgot one month's control volume for the web form: that month alone falls back.
    const clickToCall = await report('test-drive-click-to-call');
    expect(clickToCall.channels.map((c) => [c.key, c.method, c.fallbackMonths])).toEqual([
      ['phone', 'control', 0],
      ['web-form', 'control', 1],
    ]);

    expect(await t.app.get(DemoSeeder).seed()).toBe(0);
    expect(await t.dataSource.getRepository(Pilot).count()).toBe(pilots.length);
  });

  it('shows every signal somewhere in the demo portfolio, each with its reason', async () => {
    const pilots = await t.dataSource
      .getRepository(Pilot)
      .find({ relations: { affectedChannels: true } });
    const signals = await t.app.get(GatesService).signals(pilots);
    const found = new Set([...signals.values()].flatMap((f) => f.signals).map((s) => s.key));
    expect([...found].sort()).toEqual(
      [
        'it_stuck',
        'no_owner',
        'no_recent_results',
        'overlap',
        'review_failing',
        'review_overdue',
        'stuck_in_stage',
        'waterbed_high',
      ].sort(),
    );
    const page = text((await (await t.agent()).get('/pilots').expect(200)).text);
    expect(page).toContain('IT stuck');
    expect(page).toContain('of the claimed savings reappear in other channels (threshold 50%)');
    expect(page).toContain("months in incubation and still on the vendor's stand-alone tool.");
    expect(page).toContain('Review criteria not met');
    expect(page).toContain('No results last month');
  });

  it('shows the channel ledger’s point at once: two pilots overlapping on phone, a flagged gap', async () => {
    const last = addMonths(new Date().toISOString().slice(0, 7), -1);
    const ledger = await t.app.get(LedgerService).ledger(addMonths(last, -11), last);
    expect(ledger.overlaps.map((o) => [o.channel, [...o.pilots].sort(), o.reason])).toEqual([
      ['phone', ['meter-reading-portal', 'voicebot-outages'], 'segments_exceed_total'],
    ]);
    const byKey = new Map(ledger.channels.map((c) => [c.key, c]));
    expect([...byKey.keys()]).toEqual(expect.arrayContaining(['phone', 'email', 'chat']));
    const phone = byKey.get('phone')!;
    expect(phone.noBaseline).toBeNull();
    expect(phone.missingTotals).toEqual([]);
    expect(phone.gapFlagged).toBe(true);
    // The organisation saw relief, less than the pilots together claim and measure.
    expect(phone.orgDisplaced!.value).toBeGreaterThan(0);
    expect(phone.orgDisplaced!.value).toBeLessThan(phone.measured);
    expect(phone.waterbedRatio).toBeGreaterThan(phone.pilotsWaterbedRatio!);
    expect(byKey.get('email')!.gapFlagged).toBe(false);
    const page = await (await t.agent()).get('/ledger').expect(200);
    expect(text(page.text)).toContain('Pilots that count the same contacts');
  });
});
