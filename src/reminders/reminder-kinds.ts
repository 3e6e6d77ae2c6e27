import { t } from '../i18n/translate';
import type { Role } from '../accounts/permissions';

// The reminders the app gives, who may get each, and how a person's choices read.

export const REMINDER_KINDS = [
  'missing_results',
  'review_soon',
  'condition_due',
  'signoff_outdated',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const FOR: Record<ReminderKind, Role> = {
  missing_results: 'owner',
  review_soon: 'board',
  condition_due: 'owner',
  signoff_outdated: 'finance',
};

/** Each kind's label and hint in the reader's language, and the role that may get it. */
export const REMINDER_LABELS = Object.fromEntries(
  REMINDER_KINDS.map((kind) => [
    kind,
    {
      get label() {
        return t(`remindKind.${kind}.label`);
      },
      get hint() {
        return t(`remindKind.${kind}.hint`);
      },
      for: FOR[kind],
    },
  ]),
) as Record<ReminderKind, { readonly label: string; readonly hint: string; for: Role }>;

/** The kinds a person may choose among: those of their roles. */
export function kindsFor(roles: readonly Role[]): ReminderKind[] {
  return REMINDER_KINDS.filter((kind) => roles.includes(REMINDER_LABELS[kind].for));
}
