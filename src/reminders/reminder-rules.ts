import { type Phrase, phrase } from '../common/phrase';
import type { Role } from '../accounts/permissions';
import { addDays } from '../common/dates';
import { lastFullMonth } from '../lifecycle/signals';
import type { Stage } from '../pilots/pilot-fields';
import type { ReminderKind } from './reminder-kinds';

// Which reminders are due today, for whom: pure, from facts the service reads. Each has a
// subject and a period, so that the same reminder made twice (a second instance, a restart, the
// next run) is the same row, stored once.

export interface ReminderFacts {
  /** YYYY-MM-DD in the organisation's time zone. */
  today: string;
  pilots: Array<{
    id: number;
    slug: string;
    name: string;
    stage: Stage;
    startMonth: string | null;
    nextReviewDate: string | null;
    ownerUserId: number | null;
  }>;
  /** Pilots with results (contacts) for the last full month. */
  withResults: ReadonlySet<number>;
  meetings: Array<{ id: number; heldOn: string; pilots: number }>;
  openConditions: Array<{ id: number; pilotId: number; text: string }>;
  outdatedSignoffs: Array<{ id: number; pilotId: number; fromMonth: string; toMonth: string }>;
  users: Array<{ id: number; roles: Role[] }>;
}

export interface DueReminder {
  userId: number;
  kind: ReminderKind;
  subjectKey: string;
  period: string;
  /** Said in the recipient's language when the reminder is stored. */
  title: Phrase;
  body: Phrase;
  link: string;
}

/** The day of the month from which last month's results are asked for. */
export const RESULTS_DUE_DAY = 5;
/** Days ahead a review or board meeting is announced, and a condition called due. */
export const DAYS_AHEAD = 7;

const MEASURED: readonly Stage[] = ['proof_of_concept', 'incubation', 'scale_up_review'];
const DONE: readonly Stage[] = ['scaled', 'stopped'];

export function dueReminders(f: ReminderFacts): DueReminder[] {
  const due: DueReminder[] = [];
  const withRole = (role: Role) => f.users.filter((u) => u.roles.includes(role));
  const isUser = new Set(f.users.map((u) => u.id));
  const horizon = addDays(f.today, DAYS_AHEAD);
  const pilotOf = new Map(f.pilots.map((p) => [p.id, p]));

  const month = lastFullMonth(f.today);
  if (Number(f.today.slice(8, 10)) >= RESULTS_DUE_DAY)
    for (const pilot of f.pilots) {
      if (!MEASURED.includes(pilot.stage) || !pilot.startMonth || pilot.startMonth > month)
        continue;
      if (f.withResults.has(pilot.id) || !pilot.ownerUserId || !isUser.has(pilot.ownerUserId))
        continue;
      due.push({
        userId: pilot.ownerUserId,
        kind: 'missing_results',
        subjectKey: `pilot:${pilot.id}`,
        period: month,
        title: phrase('remind.missing.title', { pilot: pilot.name, month }),
        body: phrase('remind.missing.body', { pilot: pilot.name, month }),
        link: `/pilots/${pilot.slug}/results/${month}`,
      });
    }

  for (const board of withRole('board')) {
    for (const pilot of f.pilots) {
      const on = pilot.nextReviewDate;
      if (!on || on < f.today || on > horizon || DONE.includes(pilot.stage)) continue;
      due.push({
        userId: board.id,
        kind: 'review_soon',
        subjectKey: `pilot:${pilot.id}`,
        period: on,
        title: phrase('remind.review.title', { pilot: pilot.name, date: on }),
        body: phrase('remind.review.body', { pilot: pilot.name, date: on }),
        link: `/pilots/${pilot.slug}/review`,
      });
    }
    for (const meeting of f.meetings) {
      if (meeting.heldOn < f.today || meeting.heldOn > horizon || !meeting.pilots) continue;
      due.push({
        userId: board.id,
        kind: 'review_soon',
        subjectKey: `meeting:${meeting.id}`,
        period: meeting.heldOn,
        title: phrase('remind.meeting.title', { date: meeting.heldOn, count: meeting.pilots }),
        body: phrase('remind.meeting.body', { date: meeting.heldOn }),
        link: `/board/meetings/${meeting.id}`,
      });
    }
  }

  for (const condition of f.openConditions) {
    const pilot = pilotOf.get(condition.pilotId);
    const on = pilot?.nextReviewDate;
    if (!pilot || !on || on > horizon || DONE.includes(pilot.stage)) continue;
    if (!pilot.ownerUserId || !isUser.has(pilot.ownerUserId)) continue;
    due.push({
      userId: pilot.ownerUserId,
      kind: 'condition_due',
      subjectKey: `condition:${condition.id}`,
      period: on,
      title: phrase('remind.condition.title', { pilot: pilot.name }),
      body: phrase('remind.condition.body', {
        pilot: pilot.name,
        date: on,
        condition: condition.text,
      }),
      link: `/pilots/${pilot.slug}/review`,
    });
  }

  for (const finance of withRole('finance'))
    for (const signoff of f.outdatedSignoffs) {
      const pilot = pilotOf.get(signoff.pilotId);
      if (!pilot) continue;
      due.push({
        userId: finance.id,
        kind: 'signoff_outdated',
        subjectKey: `signoff:${signoff.id}`,
        period: 'outdated',
        title: phrase('remind.signoff.title', {
          pilot: pilot.name,
          from: signoff.fromMonth,
          to: signoff.toMonth,
        }),
        body: phrase('remind.signoff.body', {
          pilot: pilot.name,
          from: signoff.fromMonth,
          to: signoff.toMonth,
        }),
        link: `/pilots/${pilot.slug}/business-case`,
      });
    }
  return due;
}
