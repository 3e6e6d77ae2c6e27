import { phrase } from '../../src/common/phrase';
import {
  canStop,
  checkOwnerStep,
  DEFAULT_THRESHOLDS,
  gateCriteria,
  GateSubject,
  nextOwnerStep,
} from '../../src/lifecycle/stage-rules';
import type { Stage } from '../../src/pilots/pilot-fields';

const ready: GateSubject = {
  stage: 'idea',
  ownerName: 'Sanne',
  purposes: ['operational_relief'],
  targetContactTypes: 'Billing questions',
  scope: 'Region north',
  planMissing: [],
  monthsInIncubation: 7,
  recentVolumes: [1200, 1300, 1250],
  minMonthlyVolume: 1000,
  readiness: { done: 9, applicable: 10, ratio: 0.9, openCritical: [] },
  itLevel: 'committed',
  businessCase: { proven: true, reasons: [] },
  waterbedRatio: 0.3,
  quality: [
    { label: 'CSAT', target: 80, actual: 82, higherIsBetter: true, unit: ' %' },
    { label: 'Response time', target: 60, actual: 45, higherIsBetter: false, unit: ' s' },
  ],
  strategyConflict: false,
  conflictAccepted: false,
  openConditions: [],
  thresholds: DEFAULT_THRESHOLDS,
};

describe('nextOwnerStep', () => {
  it.each<[Stage, Stage | null]>([
    ['idea', 'proof_of_concept'],
    ['proof_of_concept', 'incubation'],
    // From incubation on, a board decision moves the pilot.
    ['incubation', 'scale_up_review'],
    // From the scale-up review on, a board decision moves the pilot.
    ['scale_up_review', null],
    ['scaled', null],
    ['stopped', null],
  ])('from %s the owner may step to %s', (stage, next) => {
    expect(nextOwnerStep(stage)).toBe(next);
  });
});

describe('canStop', () => {
  it.each<[Stage, boolean]>([
    ['idea', true],
    ['proof_of_concept', true],
    ['incubation', true],
    ['scale_up_review', true],
    ['scaled', true],
    ['stopped', false],
  ])('%s → %s', (stage, allowed) => expect(canStop(stage)).toBe(allowed));
});

describe('gateCriteria', () => {
  it.each<[string, Partial<GateSubject>, Stage, Record<string, string>]>([
    [
      'all filled, to proof of concept',
      {},
      'proof_of_concept',
      { purpose: 'met', targets: 'met', scope: 'met' },
    ],
    [
      'no purpose',
      { purposes: [] },
      'proof_of_concept',
      { purpose: 'not_met', targets: 'met', scope: 'met' },
    ],
    [
      'blank targets and scope',
      { targetContactTypes: '  ', scope: '' },
      'proof_of_concept',
      { purpose: 'met', targets: 'not_met', scope: 'not_met' },
    ],
    [
      'all filled, to incubation',
      { stage: 'proof_of_concept' },
      'incubation',
      { owner: 'met', purpose: 'met', plan: 'met' },
    ],
    [
      'plan incomplete',
      { stage: 'proof_of_concept', planMissing: [phrase('engine.missing.startMonth')] },
      'incubation',
      { owner: 'met', purpose: 'met', plan: 'not_met' },
    ],
    [
      'no owner',
      { stage: 'proof_of_concept', ownerName: null },
      'incubation',
      { owner: 'not_met', purpose: 'met', plan: 'met' },
    ],
    [
      'a blank owner is no owner',
      { stage: 'proof_of_concept', ownerName: '   ' },
      'incubation',
      { owner: 'not_met', purpose: 'met', plan: 'met' },
    ],
    [
      'nothing at all',
      {
        stage: 'proof_of_concept',
        ownerName: null,
        purposes: [],
        planMissing: [phrase('engine.missing.plan')],
      },
      'incubation',
      { owner: 'not_met', purpose: 'not_met', plan: 'not_met' },
    ],
  ])('%s', (_case, change, target, expected) => {
    const criteria = gateCriteria({ ...ready, ...change }, target);
    expect(Object.fromEntries(criteria.map((c) => [c.key, c.status]))).toEqual(expected);
  });

  it('shows the figure behind each criterion', () => {
    const [owner, purpose, plan] = gateCriteria(
      {
        ...ready,
        stage: 'proof_of_concept',
        purposes: ['revenue', 'marketing'],
        planMissing: [
          phrase('engine.missing.startMonth'),
          phrase('engine.missing.minMonthlyVolume'),
        ],
      },
      'incubation',
    );
    expect(owner.detail).toBe('Sanne');
    expect(purpose.detail).toBe('2 named');
    expect(plan.detail).toBe('missing: start month, minimum monthly volume');
  });
});

describe('checkOwnerStep', () => {
  it('allows the next step when every criterion is met', () => {
    expect(checkOwnerStep(ready, 'proof_of_concept').allowed).toBe(true);
  });

  it('refuses naming each failed criterion', () => {
    const check = checkOwnerStep(
      { ...ready, stage: 'proof_of_concept', ownerName: null, purposes: [] },
      'incubation',
    );
    expect(check).toMatchObject({
      allowed: false,
      reason: 'Not yet: owner named; at least one purpose.',
    });
    const noPlan = checkOwnerStep(
      { ...ready, stage: 'proof_of_concept', planMissing: [phrase('engine.missing.plan')] },
      'incubation',
    );
    expect(noPlan).toMatchObject({
      allowed: false,
      reason: 'Not yet: business-case plan filled in.',
    });
  });

  it.each<[Stage, Stage]>([
    ['idea', 'incubation'],
    ['proof_of_concept', 'idea'],
    ['incubation', 'scaled'],
    ['scale_up_review', 'scaled'],
    ['stopped', 'idea'],
  ])('refuses %s → %s, which is no owner step', (stage, target) => {
    const check = checkOwnerStep({ ...ready, stage }, target);
    expect(check.allowed).toBe(false);
  });
});
