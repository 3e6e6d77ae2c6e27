import { DecisionDraft, decisionErrors, targetStage } from '../../src/lifecycle/decision-rules';
import type { Stage } from '../../src/pilots/pilot-fields';

describe('targetStage', () => {
  it.each<[Stage, DecisionDraft['outcome'], Stage | null]>([
    ['scale_up_review', 'advance', 'scaled'],
    ['incubation', 'advance', 'scale_up_review'],
    ['scaled', 'advance', null],
    ['scale_up_review', 'extend', 'incubation'],
    ['incubation', 'extend', 'incubation'],
    ['scaled', 'extend', 'incubation'],
    ['incubation', 'pivot', 'proof_of_concept'],
    ['idea', 'stop', 'stopped'],
    ['stopped', 'advance', null],
    ['stopped', 'stop', null],
  ])('%s + %s → %s', (from, outcome, to) => expect(targetStage(from, outcome)).toBe(to));
});

describe('decisionErrors', () => {
  const draft: DecisionDraft = {
    outcome: 'advance',
    rationale: 'Proven for a year.',
    members: 'Ann, Bob',
    nextReviewDate: null,
    conditions: [],
    lessonsLearned: '',
    overrideReasons: {},
  };
  const failed = [
    {
      key: 'it_level',
      label: 'IT commitment at least committed',
      status: 'not_met' as const,
      detail: 'assessed',
    },
  ];

  it('accepts a complete advance', () =>
    expect(decisionErrors(draft, 'scale_up_review', [])).toEqual({}));

  it('wants a reason for every failed criterion it overrides', () => {
    expect(Object.keys(decisionErrors(draft, 'scale_up_review', failed))).toEqual([
      'override_it_level',
    ]);
    expect(
      decisionErrors(
        { ...draft, overrideReasons: { it_level: 'Vendor hosting is fine for now.' } },
        'scale_up_review',
        failed,
      ),
    ).toEqual({});
  });

  it('wants conditions and a review date for an extension, lessons for a stop', () => {
    expect(
      Object.keys(decisionErrors({ ...draft, outcome: 'extend' }, 'incubation', failed)).sort(),
    ).toEqual(['conditions', 'nextReviewDate']);
    expect(
      Object.keys(decisionErrors({ ...draft, outcome: 'stop' }, 'incubation', failed)),
    ).toEqual(['lessonsLearned']);
  });

  it('refuses an outcome that does not apply, and a thin rationale', () => {
    expect(
      Object.keys(decisionErrors({ ...draft, rationale: 'ok', members: '' }, 'scaled', [])).sort(),
    ).toEqual(['members', 'outcome', 'rationale']);
  });
});
