import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Role, ROLE_LABELS } from './permissions';
import { t } from '../i18n/translate';

/** The accounts the sign-in page lists while demo data is on; the demo module provides them. */
export const SIGN_IN_DEMO_ACCOUNTS = Symbol('sign-in demo accounts');
export type DemoAccountHint = { email: string; name: string; roles: Role[] };

/** The sign-in page: the form (never with the password), its problem, the demo accounts. */
@Injectable()
export class SignInPresenter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional()
    @Inject(SIGN_IN_DEMO_ACCOUNTS)
    private readonly demoAccounts: DemoAccountHint[] = [],
  ) {}

  page(values: { next: string; email?: string; problem?: string }) {
    return {
      title: t('signIn.title'),
      ...values,
      demoAccounts: this.config.demoData
        ? this.demoAccounts.map((a) => ({
            ...a,
            roleLabels: a.roles.map((r) => ROLE_LABELS[r]).join(', '),
          }))
        : [],
    };
  }
}
