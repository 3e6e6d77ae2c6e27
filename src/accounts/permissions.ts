import { translatedLabels } from '../i18n/labels';
// Who may do what (lifecycle.md, "Roles"). Pure: a user, an action, maybe a pilot.

export const ROLES = ['viewer', 'owner', 'board', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS = translatedLabels('role', ROLES);

export type Action =
  | 'create_pilot'
  | 'edit_pilot'
  | 'assign_owner'
  | 'log_results'
  | 'import_results'
  | 'accept_conflict'
  | 'stop_pilot'
  | 'set_rates'
  | 'enter_totals'
  | 'manage_channels'
  | 'manage_template'
  | 'manage_thresholds'
  | 'manage_users'
  | 'read_audit'
  | 'decide'
  | 'clear_condition'
  | 'sign_off'
  | 'comment';

export interface Actor {
  id: number;
  roles: Role[];
}

export interface OwnedPilot {
  ownerUserId: number | null;
}

/**
 * Everyone signed in reads everything. A channel owner creates pilots and keeps the ones they
 * own (fields, stage steps, plan, results, readiness, IT); admins may do that for any pilot.
 * The board accepts strategy conflicts and may stop a pilot; finance sets rates. Admins hand a
 * pilot to another owner's account (assign_owner); an owner who registers a pilot owns it.
 */
export function can(user: Actor | null, action: Action, pilot?: OwnedPilot): boolean {
  if (!user) return false;
  const has = (role: Role) => user.roles.includes(role);
  const ownsIt = Boolean(pilot && pilot.ownerUserId !== null && pilot.ownerUserId === user.id);
  switch (action) {
    case 'create_pilot':
      return has('owner') || has('admin');
    case 'edit_pilot':
    case 'log_results':
      return has('admin') || (has('owner') && ownsIt);
    // Finance imports the organisation's channel totals; each row checks its own right.
    case 'import_results':
      return has('owner') || has('admin') || has('finance');
    case 'stop_pilot':
      return has('admin') || has('board') || (has('owner') && ownsIt);
    // The discussion around a decision: the pilot's keeper, the board and finance.
    case 'comment':
      return has('admin') || has('board') || has('finance') || (has('owner') && ownsIt);
    case 'accept_conflict':
    case 'decide':
      return has('board');
    case 'clear_condition':
      return has('board') || has('admin');
    case 'set_rates':
    case 'sign_off':
      return has('finance');
    // The organisation's channel totals (the ledger's input): finance's figures, or an admin's.
    case 'enter_totals':
      return has('finance') || has('admin');
    case 'assign_owner':
    case 'manage_channels':
    case 'manage_template':
    case 'manage_thresholds':
    case 'manage_users':
    case 'read_audit':
      return has('admin');
  }
}

/** Who owns a pilot being registered: the account an admin chose, else the owner registering it. */
export function ownerAtRegistration(user: Actor | null, chosen: number | null): number | null {
  if (can(user, 'assign_owner')) return chosen;
  return user?.roles.includes('owner') ? user.id : null;
}
