import type { Role } from '../accounts/permissions';

// The reminders the app gives, who may get each, and how a person's choices read.

export const REMINDER_KINDS = [
  'missing_results',
  'review_soon',
  'condition_due',
  'signoff_outdated',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_LABELS: Record<ReminderKind, { label: string; hint: string; for: Role }> = {
  missing_results: {
    label: 'Results missing',
    hint: 'From the 5th of a month, for each of your pilots without results for the month before.',
    for: 'owner',
  },
  review_soon: {
    label: 'Board review coming',
    hint: 'Seven days before a pilot’s review or a board meeting with pilots on its agenda.',
    for: 'board',
  },
  condition_due: {
    label: 'Condition due',
    hint: 'When the review of your pilot is a week away or past and a board condition is still open.',
    for: 'owner',
  },
  signoff_outdated: {
    label: 'Sign-off outdated',
    hint: 'When a figure of a month finance signed off has changed since.',
    for: 'finance',
  },
};

/** The kinds a person may choose among: those of their roles. */
export function kindsFor(roles: readonly Role[]): ReminderKind[] {
  return REMINDER_KINDS.filter((kind) => roles.includes(REMINDER_LABELS[kind].for));
}
