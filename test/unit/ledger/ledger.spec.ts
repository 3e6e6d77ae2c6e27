import { ledgerRange, monthSpans } from '../../../src/ledger/ledger-rules';
import {
  computeLedger,
  contactPicture,
  ledgerChannel,
  ledgerPinRefusal,
  overlapsOf,
} from '../../../src/ledger/ledger.math';
import type {
  LedgerChannelInput,
  LedgerPilot,
  PilotChannelMonth,
} from '../../../src/ledger/ledger.types';

const cents = (euros: number | null | undefined) =>
  euros === null || euros === undefined ? null : Math.round(euros * 100) / 100;

const pilot = (
  slug: string,
  months: PilotChannelMonth[],
  more: Partial<LedgerPilot> = {},
): LedgerPilot => ({
  slug,
  name: slug,
  pastIdea: true,
  scope: 'segment',
  scopeDescription: null,
  startMonth: '2026-01',
  months,
  ...more,
});

const totals = (rows: Array<[string, number]>) =>
  rows.map(([month, volume]) => ({
    month,
    volume,
    desired: null,
    undesired: null,
    unnecessary: null,
  }));

/** channel-ledger.md's worked example: phone at €6, one month. */
const worked = (): LedgerChannelInput => ({
  key: 'phone',
  name: 'Phone',
  totals: totals([
    ['2025-10', 50000],
    ['2025-11', 50400],
    ['2025-12', 49600],
    ['2026-01', 48800],
  ]),
  rates: [{ from: '2025-01', euros: 6 }],
  pinnedMethod: null,
  pilots: [
    // Chatbot: N = 5 000, s = 0.5; WhatsApp: N = 1 000, s = 0.6.
    pilot('chatbot', [{ month: '2026-01', volume: 20000, claimed: 2500, measured: 2100 }]),
    pilot('whatsapp', [{ month: '2026-01', volume: 8000, claimed: 600, measured: 600 }]),
  ],
});

describe('the channel ledger', () => {
  it('reproduces the worked example to the cent', () => {
    const c = ledgerChannel(worked(), '2026-01', '2026-01');
    expect([c.method, c.n]).toEqual(['mean', 3]);
    expect(cents(c.months[0].baseline)).toBe(50000);
    expect(cents(c.months[0].halfWidth)).toBe(1348.68);
    expect(c.orgDisplaced?.value).toBe(1200);
    expect(cents(c.orgDisplaced?.halfWidth)).toBe(1348.68);
    expect(cents(c.orgDisplacedEuros?.value)).toBe(7200);
    expect(cents(c.orgDisplacedEuros?.halfWidth)).toBe(8092.1);
    expect([c.claimed, c.claimedEuros]).toEqual([3100, 18600]);
    expect([c.measured, c.measuredEuros]).toEqual([2700, 16200]);
    expect(cents(c.pilotsWaterbedEuros)).toBe(2400);
    expect(cents((c.pilotsWaterbedRatio ?? 0) * 100)).toBe(12.9);
    expect([c.waterbed, c.waterbedEuros]).toEqual([1900, 11400]);
    expect(cents((c.waterbedRatio ?? 0) * 100)).toBe(61.29);
    expect([c.gap, c.gapEuros, c.gapFlagged]).toEqual([1500, 9000, true]);
    expect(c.pilots.map((p) => [p.slug, cents(p.attributed)])).toEqual([
      ['chatbot', 933.33],
      ['whatsapp', 266.67],
    ]);
    // Both segments, Σ V below T: no overlap shown.
    expect(c.overlaps).toEqual([]);
  });

  it('flags the attribution gap only above the upper end of the interval, on both sides of it', () => {
    // Upper end: 1 200 + 1 348.68 = 2 548.68 contacts.
    const at = (measured: number) => {
      const input = worked();
      input.pilots = [pilot('one', [{ month: '2026-01', volume: 100, claimed: 3000, measured }])];
      return ledgerChannel(input, '2026-01', '2026-01').gapFlagged;
    };
    expect(at(2548)).toBe(false);
    expect(at(2549)).toBe(true);
  });

  it('attributes pro rata only when the organisation’s and every pilot’s figure are positive', () => {
    const input = worked();
    input.pilots[1].months[0].measured = -50;
    expect(ledgerChannel(input, '2026-01', '2026-01').pilots.map((p) => p.attributed)).toEqual([
      null,
      null,
    ]);
    const grew = worked();
    grew.totals[3].volume = 51000; // the organisation's calls went up: D^org < 0
    expect(ledgerChannel(grew, '2026-01', '2026-01').pilots.map((p) => p.attributed)).toEqual([
      null,
      null,
    ]);
  });

  it('finds overlaps: a whole-channel scope, or segments together above the total; else disjoint', () => {
    const input = worked();
    expect(overlapsOf(input)).toEqual([]);
    input.pilots[1].scope = 'whole';
    expect(overlapsOf(input)).toEqual([
      {
        channel: 'phone',
        pilots: ['chatbot', 'whatsapp'],
        months: ['2026-01'],
        reason: 'whole_channel',
      },
    ]);
    const big = worked();
    big.pilots[1].months[0].volume = 28801; // 20 000 + 28 801 > 48 800
    expect(overlapsOf(big)[0]).toMatchObject({ reason: 'segments_exceed_total' });
    big.pilots[1].months[0].volume = 28800; // exactly the total: not more
    expect(overlapsOf(big)).toEqual([]);
    // An idea does not overlap; a month only one of them logged does not either.
    const idea = worked();
    idea.pilots[1] = { ...idea.pilots[1], scope: 'whole', pastIdea: false };
    expect(overlapsOf(idea)).toEqual([]);
  });

  it('names months without a total and never counts them as zero', () => {
    const input = worked();
    input.pilots[0].months.push({ month: '2026-02', volume: 100, claimed: 2000, measured: 1900 });
    const c = ledgerChannel(input, '2026-01', '2026-02');
    expect(c.missingTotals).toEqual(['2026-02']);
    expect(c.months[1]).toMatchObject({ total: null, orgDisplaced: null, claimed: 2000 });
    // The sums cover January only, for every figure alike.
    expect([c.coveredMonths, c.claimed, c.measured, c.orgDisplaced?.value]).toEqual([
      1, 3100, 2700, 1200,
    ]);
  });

  it('says why a channel has no baseline: no pre-period, or too few months', () => {
    const none = worked();
    none.totals = none.totals.filter((t) => t.month >= '2026-01');
    const c = ledgerChannel(none, '2026-01', '2026-01');
    expect(c.noBaseline).toBe(
      "No totals before January 2026, when the first pilot on this channel started: the organisation's baseline needs totals from before it.",
    );
    expect([c.orgDisplaced, c.waterbed, c.gap, c.gapFlagged]).toEqual([null, null, null, false]);
    const two = worked();
    two.totals = two.totals.slice(1);
    expect(ledgerChannel(two, '2026-01', '2026-01').noBaseline).toBe(
      "2 months of totals before January 2026; the organisation's baseline needs at least 3.",
    );
  });

  it('uses a pinned method the pre-period allows, and says why when it does not', () => {
    // Seven months before the start: the default is trend; a pinned mean replaces it.
    const long = worked();
    long.totals = totals([
      ['2025-06', 51600],
      ['2025-07', 51200],
      ['2025-08', 50800],
      ['2025-09', 50400],
      ['2025-10', 50000],
      ['2025-11', 49600],
      ['2025-12', 49200],
      ['2026-01', 48800],
    ]);
    const byDefault = ledgerChannel(long, '2026-01', '2026-01');
    expect([byDefault.method, byDefault.pinned, byDefault.pinNote]).toEqual(['trend', null, null]);
    // A perfect line: the trend predicts 48 800 exactly, nothing displaced.
    expect(cents(byDefault.orgDisplaced?.value)).toBe(0);
    const mean = ledgerChannel({ ...long, pinnedMethod: 'mean' }, '2026-01', '2026-01');
    expect([mean.method, mean.pinned, mean.pinNote, mean.n]).toEqual(['mean', 'mean', null, 7]);
    expect(cents(mean.months[0].baseline)).toBe(50400);
    expect(mean.orgDisplaced?.value).toBe(1600);

    // The worked example has 3 months: a pinned trend cannot be, and mean is used instead.
    const short = ledgerChannel({ ...worked(), pinnedMethod: 'trend' }, '2026-01', '2026-01');
    expect([short.method, short.pinned]).toEqual(['mean', 'trend']);
    expect(short.pinNote).toBe('trend needs 6 months of history; there are 3');
    expect(short.orgDisplaced?.value).toBe(1200);
  });

  it('refuses a pin the totals before the first pilot do not allow, with the reason', () => {
    const rows = worked().totals;
    expect(ledgerPinRefusal(rows, '2026-01', 'mean')).toBeNull();
    expect(ledgerPinRefusal(rows, '2026-01', 'trend')).toBe(
      'Trend needs 6 months of history; there are 3 before January 2026, when the first pilot on this channel started. Choose a method the totals allow, or leave it to the default.',
    );
    expect(ledgerPinRefusal(rows, '2025-11', 'mean')).toBe(
      'Mean needs 3 months of history; there is 1 before November 2025, when the first pilot on this channel started. Choose a method the totals allow, or leave it to the default.',
    );
    // No pilot on the channel yet: every total counts.
    expect(ledgerPinRefusal(rows, null, 'mean')).toBeNull();
    expect(ledgerPinRefusal(rows, null, 'trend')).toMatch(
      /^Trend needs 6 months of history; there are 4\. /,
    );
  });

  it('flags channel stacking when total contacts rise above their baseline while new channels run', () => {
    const months = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];
    const channel = (during: number): LedgerChannelInput => ({
      ...worked(),
      totals: totals([
        ...months.map((m, i): [string, number] => [m, 50000 + (i % 2) * 200]),
        ...['2026-01', '2026-02', '2026-03'].map((m): [string, number] => [m, during]),
      ]),
    });
    const live = ['2026-01', '2026-02', '2026-03'].map((month) => ({
      pilotSlug: 'chatbot',
      month,
      contacts: 5000,
      runningCost: 3000,
    }));
    // Phone barely moved while 5 000 chatbot contacts came on top: stacking.
    const stacked = contactPicture({
      channels: [channel(49900)],
      newChannels: live,
      from: '2026-01',
      to: '2026-03',
    });
    expect(stacked.months[0]).toMatchObject({
      contacts: 54900,
      cost: 49900 * 6 + 3000,
      byChannel: { phone: 49900, chatbot: 5000 },
    });
    expect(stacked.stacking?.flagged).toBe(true);
    // Phone fell by what the chatbot handles: no stacking.
    const replaced = contactPicture({
      channels: [channel(45000)],
      newChannels: live,
      from: '2026-01',
      to: '2026-03',
    });
    expect(replaced.stacking?.flagged).toBe(false);
    expect(replaced.preperiod).toMatchObject({ months: 6, contacts: 50100 });
  });

  it('adds channels together with their half-widths combined as the root of the sum of squares', () => {
    const email: LedgerChannelInput = {
      ...worked(),
      key: 'email',
      name: 'E-mail',
      rates: [{ from: '2025-01', euros: 3 }],
      totals: totals([
        ['2025-10', 10000],
        ['2025-11', 10300],
        ['2025-12', 9700],
        ['2026-01', 9500],
      ]),
      pilots: [pilot('chatbot', [{ month: '2026-01', volume: 900, claimed: 400, measured: 300 }])],
    };
    const ledger = computeLedger({
      channels: [worked(), email],
      newChannels: [],
      from: '2026-01',
      to: '2026-01',
    });
    const [phone, mail] = ledger.channels;
    expect(mail.orgDisplaced?.value).toBe(500);
    expect(ledger.all.orgDisplaced?.value).toBe(1700);
    expect(ledger.all.orgDisplaced?.halfWidth).toBeCloseTo(
      Math.hypot(phone.orgDisplaced!.halfWidth, mail.orgDisplaced!.halfWidth),
      9,
    );
    expect([ledger.all.claimed, ledger.all.claimedEuros]).toEqual([3500, 18600 + 1200]);
    expect([ledger.all.gap, ledger.all.waterbedEuros]).toEqual([1300, 19800 - 7200 - 1500]);
  });

  it('gathers every channel’s overlaps in the ledger', () => {
    const input = worked();
    input.pilots[0].scope = 'whole';
    const ledger = computeLedger({
      channels: [input],
      newChannels: [],
      from: '2026-01',
      to: '2026-01',
    });
    expect(ledger.overlaps).toHaveLength(1);
  });

  it('writes months as runs: consecutive months as a range, gaps between', () => {
    expect(monthSpans(['2026-03', '2026-01', '2026-02', '2026-06', '2026-08', '2026-09'])).toBe(
      'January 2026 – March 2026, June 2026, August 2026 – September 2026',
    );
    expect(monthSpans([])).toBe('');
  });

  it('reads the month range: twelve months up to the last full one by default, each problem named', () => {
    expect(ledgerRange({}, '2026-12')).toEqual({ from: '2025-12', to: '2026-11', errors: {} });
    expect(ledgerRange({ from: '2026-01', to: '2026-03' }, '2026-12')).toMatchObject({
      from: '2026-01',
      to: '2026-03',
    });
    expect(ledgerRange({ from: 'soon' }, '2026-12').errors).toEqual({
      from: 'Give the month as YYYY-MM, such as 2026-11.',
    });
    expect(ledgerRange({ to: '2027-01' }, '2026-12').errors).toEqual({
      to: 'January 2027 lies in the future.',
    });
    expect(ledgerRange({ from: '2026-05', to: '2026-04' }, '2026-12').errors.from).toBe(
      'The range starts after it ends (April 2026).',
    );
    expect(ledgerRange({ from: '2010-01', to: '2026-04' }, '2026-12').errors.from).toBe(
      'A ledger covers at most 120 months.',
    );
  });
});
