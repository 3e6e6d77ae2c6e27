import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { EMPTY_FORM, FailedRow, FormState } from '../common/forms';
import { AccountsService } from './accounts.service';
import { Role, ROLE_LABELS, ROLES } from './permissions';

const roleOptions = (chosen: unknown[]) =>
  ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], checked: chosen.includes(r) }));

/** The admin's accounts page: every account with its roles, and the invite form. */
@Injectable()
export class UsersPresenter {
  constructor(private readonly accounts: AccountsService) {}

  async page(
    values: Record<string, unknown> = { roles: ['viewer'] },
    state: FormState = EMPTY_FORM,
    failed: FailedRow | null = null,
  ) {
    const users = await this.accounts.list();
    return {
      title: t('users.title'),
      users: users.map((stored) => {
        // The row that was refused shows what was typed, not what is stored.
        const u =
          stored.id === failed?.id
            ? {
                ...stored,
                name: String(failed.typed.name ?? ''),
                roles: [failed.typed.roles ?? []].flat().map(String) as Role[],
                active: failed.typed.active === 'on',
              }
            : stored;
        return { ...u, roleOptions: roleOptions(u.roles) };
      }),
      roleOptions: roleOptions([values.roles].flat()),
      values,
      failedId: failed?.id ?? null,
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    };
  }
}
