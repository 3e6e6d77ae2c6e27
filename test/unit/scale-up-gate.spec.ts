import { phrase } from '../../src/common/phrase';
import {
  checkOwnerStep,
  DEFAULT_THRESHOLDS,
  gateCriteria,
  GateSubject,
} from '../../src/lifecycle/stage-rules';

// Every criterion of the scale-up review at its threshold, on both sides of it, and without data.
const ready: GateSubject = {
  stage: 'incubation',
  ownerName: 'Sanne',
  purposes: ['operational_relief'],
  targetContactTypes: 'Moving house',
  scope: 'Utrecht',
  planMissing: [],
  monthsInIncubation: 6,
  recentVolumes: [1000, 1000, 1000],
  minMonthlyVolume: 1000,
  readiness: { done: 8, applicable: 10, ratio: 0.8, openCritical: [] },
  itLevel: 'committed',
  businessCase: { proven: true, reasons: [] },
  waterbedRatio: 0.5,
  quality: [
    { label: 'CSAT', target: 80, actual: 80, higherIsBetter: true, unit: ' %' },
    { label: 'Response time', target: 60, actual: 60, higherIsBetter: false, unit: ' s' },
  ],
  strategyConflict: false,
  conflictAccepted: false,
  openConditions: [],
  thresholds: DEFAULT_THRESHOLDS,
};

const statusOf = (change: Partial<GateSubject>, key: string) =>
  gateCriteria({ ...ready, ...change }, 'scale_up_review').find((c) => c.key === key)!.status;

describe('scale-up review gate', () => {
  it('lets a pilot exactly at every threshold through', () => {
    const check = checkOwnerStep(ready, 'scale_up_review');
    expect(check.allowed).toBe(true);
    expect(check.criteria.map((c) => c.key)).toEqual([
      'incubation_time',
      'volume',
      'readiness',
      'it_level',
      'business_case',
      'waterbed',
      'quality',
      'strategy_fit',
      'conditions',
    ]);
  });

  it.each<[string, string, Partial<GateSubject>, string]>([
    ['incubation_time', 'one month short', { monthsInIncubation: 5 }, 'not_met'],
    ['incubation_time', 'above', { monthsInIncubation: 14 }, 'met'],
    ['incubation_time', 'never in incubation', { monthsInIncubation: null }, 'no_data'],
    ['volume', 'one month one contact short', { recentVolumes: [1000, 999, 1000] }, 'not_met'],
    ['volume', 'above', { recentVolumes: [1500, 1600, 1700] }, 'met'],
    ['volume', 'two months logged', { recentVolumes: [1500, 1600] }, 'no_data'],
    ['volume', 'no minimum in the plan', { minMonthlyVolume: null }, 'no_data'],
    [
      'readiness',
      'just below',
      { readiness: { done: 7, applicable: 9, ratio: 7 / 9, openCritical: [] } },
      'not_met',
    ],
    [
      'readiness',
      'all done',
      { readiness: { done: 10, applicable: 10, ratio: 1, openCritical: [] } },
      'met',
    ],
    [
      'readiness',
      'high but a critical item open',
      { readiness: { done: 9, applicable: 10, ratio: 0.9, openCritical: ['Routing'] } },
      'not_met',
    ],
    [
      'readiness',
      'nothing applicable',
      { readiness: { done: 0, applicable: 0, ratio: null, openCritical: [] } },
      'no_data',
    ],
    ['it_level', 'one level below', { itLevel: 'assessed' }, 'not_met'],
    ['it_level', 'above', { itLevel: 'integrated' }, 'met'],
    ['it_level', 'vendor stand-alone', { itLevel: 'vendor_standalone' }, 'not_met'],
    [
      'business_case',
      'not proven',
      { businessCase: { proven: false, reasons: [phrase('engine.noResults')] } },
      'not_met',
    ],
    ['business_case', 'cannot be computed', { businessCase: null }, 'no_data'],
    ['waterbed', 'just above', { waterbedRatio: 0.501 }, 'not_met'],
    ['waterbed', 'below', { waterbedRatio: 0.1 }, 'met'],
    ['waterbed', 'no claimed savings', { waterbedRatio: null }, 'no_data'],
    [
      'quality',
      'CSAT below target',
      { quality: [{ label: 'CSAT', target: 80, actual: 79.9, higherIsBetter: true, unit: ' %' }] },
      'not_met',
    ],
    [
      'quality',
      'response time above target',
      {
        quality: [
          { label: 'Response time', target: 60, actual: 61, higherIsBetter: false, unit: ' s' },
        ],
      },
      'not_met',
    ],
    [
      'quality',
      'target without data',
      { quality: [{ label: 'FCR', target: 70, actual: null, higherIsBetter: true, unit: ' %' }] },
      'no_data',
    ],
    [
      'quality',
      'no targets set',
      { quality: [{ label: 'FCR', target: null, actual: 10, higherIsBetter: true, unit: ' %' }] },
      'met',
    ],
    ['strategy_fit', 'conflict not accepted', { strategyConflict: true }, 'not_met'],
    [
      'strategy_fit',
      'conflict accepted by the board',
      { strategyConflict: true, conflictAccepted: true },
      'met',
    ],
  ])('%s: %s → %s', (key, _case, change, status) => {
    expect(statusOf(change, key)).toBe(status);
  });

  it('uses the thresholds an admin set', () => {
    const strict = {
      ...DEFAULT_THRESHOLDS,
      minIncubationMonths: 12,
      readinessPct: 95,
      minItLevel: 'integrated' as const,
      maxWaterbedPct: 20,
    };
    const criteria = gateCriteria({ ...ready, thresholds: strict }, 'scale_up_review');
    expect(criteria.filter((c) => c.status === 'not_met').map((c) => c.key)).toEqual([
      'incubation_time',
      'readiness',
      'it_level',
      'waterbed',
    ]);
    expect(criteria[0]).toMatchObject({
      label: 'At least 12 months in incubation',
      threshold: '12 months',
      detail: '6 months',
    });
  });

  it('refuses the step while a criterion fails or lacks data, naming each', () => {
    const check = checkOwnerStep(
      { ...ready, itLevel: 'assessed', recentVolumes: [1200] },
      'scale_up_review',
    );
    expect(check.allowed).toBe(false);
    expect(check.allowed ? '' : check.reason).toBe(
      'Not yet: minimum monthly volume in each of the last 3 months; IT commitment at least committed.',
    );
  });
});
