import { lastFullMonth, SignalFacts, signalsFor } from '../../src/lifecycle/signals';
import { DEFAULT_THRESHOLDS } from '../../src/lifecycle/stage-rules';

const today = '2026-11-23';
const quiet: SignalFacts = {
  stage: 'incubation',
  ownerName: 'Sanne',
  startMonth: '2026-01',
  loggedMonths: ['2026-09', '2026-10'],
  nextReviewDate: '2026-12-01',
  stageEnteredOn: '2026-05-01',
  waterbedRatio: 0.3,
  itLevel: 'committed',
  monthsInIncubation: 6,
  failingCriteria: [],
  overlaps: [],
};
const keys = (change: Partial<SignalFacts>) =>
  signalsFor({ ...quiet, ...change }, DEFAULT_THRESHOLDS, today).map((s) => s.key);

describe('signals', () => {
  it('a healthy pilot raises none', () => expect(keys({})).toEqual([]));

  it.each<[string, Partial<SignalFacts>, string[]]>([
    ['no owner', { ownerName: null }, ['no_owner']],
    ['a blank owner', { ownerName: '  ' }, ['no_owner']],
    ['a stopped pilot needs no owner', { stage: 'stopped', ownerName: null }, []],
    ['last full month (October) not logged', { loggedMonths: ['2026-09'] }, ['no_recent_results']],
    ['an idea is not measured yet', { stage: 'idea', loggedMonths: [] }, []],
    ['started this month: nothing due yet', { startMonth: '2026-11', loggedMonths: [] }, []],
    ['review date passed', { nextReviewDate: '2026-11-22' }, ['review_overdue']],
    ['review date today is not passed', { nextReviewDate: '2026-11-23' }, []],
    ['waterbed above 50 %', { waterbedRatio: 0.51 }, ['waterbed_high']],
    ['waterbed at 50 %', { waterbedRatio: 0.5 }, []],
    [
      'vendor stand-alone for 4 months of incubation',
      { itLevel: 'vendor_standalone', monthsInIncubation: 4 },
      ['it_stuck'],
    ],
    [
      'vendor stand-alone for 3 months',
      { itLevel: 'vendor_standalone', monthsInIncubation: 3 },
      [],
    ],
    [
      'in review with failing criteria',
      { stage: 'scale_up_review', failingCriteria: ['Business case proven'] },
      ['review_failing'],
    ],
    ['13 months in the stage', { stageEnteredOn: '2025-10-01' }, ['stuck_in_stage']],
    ['12 months in the stage', { stageEnteredOn: '2025-11-20' }, []],
  ])('%s', (_case, change, expected) => expect(keys(change)).toEqual(expected));

  it('says why', () => {
    const [signal] = signalsFor(
      { ...quiet, itLevel: 'vendor_standalone', monthsInIncubation: 5 },
      DEFAULT_THRESHOLDS,
      today,
    );
    expect(signal.reason).toBe(
      "5 months in incubation and still on the vendor's stand-alone tool.",
    );
  });

  it('names the other pilot, the channel and the months of an overlap', () => {
    const [signal] = signalsFor(
      {
        ...quiet,
        overlaps: [
          {
            other: { slug: 'whatsapp', name: 'WhatsApp for movers' },
            channel: { key: 'phone', name: 'Phone' },
            months: ['2026-01', '2026-02', '2026-03'],
            reason: 'whole_channel',
          },
        ],
      },
      DEFAULT_THRESHOLDS,
      today,
    );
    expect(signal).toEqual({
      key: 'overlap',
      label: 'Overlaps another pilot',
      reason:
        'Counts the same Phone contacts as WhatsApp for movers in January 2026 – March 2026: one of the two has the whole channel as its scope. Their relief on Phone is partly the same; see the channel ledger.',
    });
  });

  it.each([
    ['2026-11-23', '2026-10'],
    ['2026-01-05', '2025-12'],
  ])('the last full month before %s is %s', (day, month) => expect(lastFullMonth(day)).toBe(month));
});
