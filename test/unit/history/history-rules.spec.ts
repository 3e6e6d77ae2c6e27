import {
  isBoardMove,
  pastMoveErrors,
  pastMoves,
  recordedInstant,
  type PastMoveDraft,
} from '../../../src/history/history-rules';

const draft = (overrides: Partial<PastMoveDraft> = {}): PastMoveDraft => ({
  toStage: 'incubation',
  month: '2026-03',
  decidedBy: 'Management team',
  why: 'The proof of concept worked',
  lessonsLearned: '',
  ...overrides,
});
const inPoc = { stage: 'proof_of_concept' as const, since: '2026-01', hasOwner: true };

describe('history rules: stage changes from before the app', () => {
  it('offers the next stage and a stop, and from the incubation on the board’s extension and pivot', () => {
    expect(pastMoves('idea')).toEqual([
      { to: 'proof_of_concept', outcome: 'advance' },
      { to: 'stopped', outcome: 'stop' },
    ]);
    expect(pastMoves('incubation')).toEqual([
      { to: 'scale_up_review', outcome: 'advance' },
      { to: 'incubation', outcome: 'extend' },
      { to: 'proof_of_concept', outcome: 'pivot' },
      { to: 'stopped', outcome: 'stop' },
    ]);
    expect(pastMoves('stopped')).toEqual([]);
    expect([
      isBoardMove('proof_of_concept'),
      isBoardMove('incubation'),
      isBoardMove('scaled'),
    ]).toEqual([false, true, true]);
  });

  it('accepts a change in order, in the same month as the previous one or later, up to this month', () => {
    expect(pastMoveErrors(draft(), inPoc, '2026-12')).toEqual({});
    expect(pastMoveErrors(draft({ month: '2026-01' }), inPoc, '2026-12')).toEqual({});
    expect(pastMoveErrors(draft({ month: '2026-12' }), inPoc, '2026-12')).toEqual({});
  });

  it('refuses a change before the previous one, in the future, skipping a stage or without an owner', () => {
    expect(pastMoveErrors(draft({ month: '2025-12' }), inPoc, '2026-12').month).toEqual([
      'The pilot has been in proof of concept since January 2026; a later change cannot be before that month.',
    ]);
    expect(pastMoveErrors(draft({ month: '2027-01' }), inPoc, '2026-12').month).toEqual([
      'January 2027 lies in the future.',
    ]);
    expect(pastMoveErrors(draft({ toStage: 'scaled' }), inPoc, '2026-12').toStage).toEqual([
      'A pilot in proof of concept cannot move to scaled; choose one of the stages offered.',
    ]);
    expect(pastMoveErrors(draft(), { ...inPoc, hasOwner: false }, '2026-12').toStage).toEqual([
      'A pilot in incubation or later has an owner: name the owner on the pilot’s form first.',
    ]);
    expect(
      pastMoveErrors(draft(), { stage: 'stopped', since: '2026-01', hasOwner: true }, '2026-12')
        .toStage,
    ).toEqual(['This pilot has stopped: it has no later stage to record.']);
  });

  it('asks who decided, why, and for a stop the lessons learned', () => {
    expect(
      pastMoveErrors(draft({ decidedBy: 'x', why: 'short', toStage: 'stopped' }), inPoc, '2026-12'),
    ).toEqual({
      decidedBy: ['Say who decided: the board, a manager, the owner.'],
      why: ['Say why (at least 10 characters).'],
      lessonsLearned: ['A stopped pilot keeps its lessons learned (at least 10 characters).'],
    });
  });

  it('stores a change at its month, or just after the previous row when that is later in the month', () => {
    const month = new Date('2026-03-01T12:00:00Z');
    expect(recordedInstant(month, new Date('2026-02-14T09:00:00Z'))).toEqual(month);
    expect(recordedInstant(month, new Date('2026-03-20T09:00:00Z'))).toEqual(
      new Date('2026-03-20T09:00:01Z'),
    );
  });
});
