import type { Role } from '../accounts/permissions';
import { addDays, formatIsoDate } from '../common/dates';
import { formatMonth } from '../common/months';
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
  title: string;
  body: string;
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
        title: `${pilot.name}: no results for ${formatMonth(month)} yet`,
        body: `The results of ${pilot.name} for ${formatMonth(month)} are not logged. The business case and the gates count only the months with results.`,
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
        title: `Review of ${pilot.name} on ${formatIsoDate(on)}`,
        body: `${pilot.name} is due for its board review on ${formatIsoDate(on)}. Its review page has the gate criteria and the business case.`,
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
        title: `Board meeting on ${formatIsoDate(meeting.heldOn)}: ${meeting.pilots} ${meeting.pilots === 1 ? 'pilot' : 'pilots'} on the agenda`,
        body: `The board meets on ${formatIsoDate(meeting.heldOn)}. The combined pack of its agenda is ready to read.`,
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
      title: `${pilot.name}: a board condition is still open`,
      body: `The board set a condition on ${pilot.name} that is still open, and its review is on ${formatIsoDate(on)}: “${condition.text}”`,
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
        title: `${pilot.name}: the sign-off of ${formatMonth(signoff.fromMonth)}–${formatMonth(signoff.toMonth)} is outdated`,
        body: `A figure of ${pilot.name} in a month you signed off (${formatMonth(signoff.fromMonth)} to ${formatMonth(signoff.toMonth)}) has changed since. Review the business case and sign it off again.`,
        link: `/pilots/${pilot.slug}/business-case`,
      });
    }
  return due;
}
