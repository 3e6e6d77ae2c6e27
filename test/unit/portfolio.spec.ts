import { groupByStage, slugify } from '../../src/pilots/portfolio';
import { addDays, daysBetween, isIsoDate } from '../../src/common/dates';

describe('slugify', () => {
  it.each([
    ['WhatsApp for customers who are moving', 'whatsapp-for-customers-who-are-moving'],
    ['  Video-calls: premium!! ', 'video-calls-premium'],
    ['Café crème', 'cafe-creme'],
    ['???', ''],
    ['a'.repeat(70), 'a'.repeat(60)],
    [`${'word '.repeat(11)}end`, 'word-word-word-word-word-word-word-word-word-word-word-end'],
  ])('%p → %p', (name, slug) => expect(slugify(name)).toBe(slug));

  it('never ends on a hyphen after cutting to 60 characters', () => {
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });
});

describe('groupByStage', () => {
  it('groups in lifecycle order with days in stage', () => {
    const groups = groupByStage(
      [
        { name: 'b', stage: 'incubation' as const, stageEnteredOn: '2026-11-01' },
        { name: 'a', stage: 'idea' as const, stageEnteredOn: '2026-11-23' },
        { name: 'c', stage: 'incubation' as const, stageEnteredOn: '2026-12-01' },
      ],
      '2026-11-23',
    );
    expect(groups.map((g) => g.stage)).toEqual([
      'idea',
      'proof_of_concept',
      'incubation',
      'scale_up_review',
      'scaled',
      'stopped',
    ]);
    expect(groups[0].pilots.map((p) => [p.name, p.daysInStage])).toEqual([['a', 0]]);
    // 1 → 23 November is 22 days; a date in the future counts as 0, never negative.
    expect(groups[2].pilots.map((p) => [p.name, p.daysInStage])).toEqual([
      ['b', 22],
      ['c', 0],
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['', false],
  ])('isIsoDate(%p) = %p', (value, ok) => expect(isIsoDate(value)).toBe(ok));

  it('counts days across a month end and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
  });
});
