import { said, say } from '../../../src/common/phrase';
import { inLanguage } from '../../../src/i18n/language';
import { dueReminders, type ReminderFacts } from '../../../src/reminders/reminder-rules';
import { kindsFor } from '../../../src/reminders/reminder-kinds';

const pilot = (id: number, fields: Partial<ReminderFacts['pilots'][number]> = {}) => ({
  id,
  slug: `p${id}`,
  name: `Pilot ${id}`,
  stage: 'incubation' as const,
  startMonth: '2026-01',
  nextReviewDate: null,
  ownerUserId: 1,
  ...fields,
});

const facts = (overrides: Partial<ReminderFacts> = {}): ReminderFacts => ({
  today: '2026-12-05',
  pilots: [],
  withResults: new Set(),
  meetings: [],
  openConditions: [],
  outdatedSignoffs: [],
  users: [
    { id: 1, roles: ['owner'] },
    { id: 2, roles: ['board'] },
    { id: 3, roles: ['finance'] },
    { id: 4, roles: ['board', 'admin'] },
  ],
  ...overrides,
});

const keys = (f: ReminderFacts) =>
  dueReminders(f).map((r) => `${r.userId} ${r.kind} ${r.subjectKey} ${r.period}`);

describe('reminders due', () => {
  it('asks an owner for last month’s results from the 5th, for measured pilots only', () => {
    const pilots = [
      pilot(1),
      pilot(2, { stage: 'idea' }),
      pilot(3, { stage: 'stopped' }),
      pilot(4, { startMonth: '2026-12' }),
      pilot(5, { ownerUserId: null }),
      pilot(6),
    ];
    expect(keys(facts({ pilots, withResults: new Set([6]) }))).toEqual([
      '1 missing_results pilot:1 2026-11',
    ]);
    expect(keys(facts({ pilots, today: '2026-12-04' }))).toEqual([]);
    const [reminder] = dueReminders(facts({ pilots: [pilot(1)] }));
    expect(said(reminder)).toMatchObject({
      title: 'Pilot 1: no results for November 2026 yet',
      link: '/pilots/p1/results/2026-11',
    });
    // January asks for December of the year before.
    expect(keys(facts({ pilots: [pilot(1)], today: '2027-01-09' }))).toEqual([
      '1 missing_results pilot:1 2026-12',
    ]);
  });

  it('tells each board member of a review or a meeting within seven days', () => {
    const pilots = [
      pilot(1, { nextReviewDate: '2026-12-12' }),
      pilot(2, { nextReviewDate: '2026-12-13' }),
      pilot(3, { nextReviewDate: '2026-12-04' }),
      pilot(4, { nextReviewDate: '2026-12-06', stage: 'scaled' }),
    ];
    const meetings = [
      { id: 7, heldOn: '2026-12-10', pilots: 2 },
      { id: 8, heldOn: '2026-12-10', pilots: 0 },
      { id: 9, heldOn: '2026-12-20', pilots: 3 },
    ];
    const due = keys(facts({ pilots, meetings, withResults: new Set([1, 2, 3, 4]) }));
    expect(due).toEqual([
      '2 review_soon pilot:1 2026-12-12',
      '2 review_soon meeting:7 2026-12-10',
      '4 review_soon pilot:1 2026-12-12',
      '4 review_soon meeting:7 2026-12-10',
    ]);
  });

  it('tells the owner of an open condition when its pilot’s review is near or past', () => {
    const pilots = [
      pilot(1, { nextReviewDate: '2026-12-01' }),
      pilot(2, { nextReviewDate: '2027-02-01' }),
      pilot(3, { nextReviewDate: null }),
    ];
    const openConditions = [1, 2, 3].map((pilotId) => ({ id: pilotId * 10, pilotId, text: 'x' }));
    expect(keys(facts({ pilots, openConditions, withResults: new Set([1, 2, 3]) }))).toEqual([
      '1 condition_due condition:10 2026-12-01',
    ]);
  });

  it('tells every finance user of each outdated sign-off, once', () => {
    const outdatedSignoffs = [{ id: 5, pilotId: 1, fromMonth: '2026-01', toMonth: '2026-06' }];
    const due = dueReminders(
      facts({ pilots: [pilot(1)], outdatedSignoffs, withResults: new Set([1]) }),
    );
    expect(due.map((r) => `${r.userId} ${r.kind} ${r.subjectKey} ${r.period}`)).toEqual([
      '3 signoff_outdated signoff:5 outdated',
    ]);
    expect(say(due[0].title)).toBe('Pilot 1: the sign-off of January 2026–June 2026 is outdated');
    expect(inLanguage('nl', () => say(due[0].title))).toBe(
      'Pilot 1: de aftekening van januari 2026–juni 2026 is verouderd',
    );
  });

  it('offers each role its own kinds', () => {
    expect(kindsFor(['owner'])).toEqual(['missing_results', 'condition_due']);
    expect(kindsFor(['board', 'finance'])).toEqual(['review_soon', 'signoff_outdated']);
    expect(kindsFor(['viewer', 'admin'])).toEqual([]);
  });
});
