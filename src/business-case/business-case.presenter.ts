import { t } from '../i18n/translate';
import { said } from '../common/phrase';
import { Injectable } from '@nestjs/common';
import { type Actor, can } from '../accounts/permissions';
import type { FormState } from '../common/forms';
import type { Pilot } from '../pilots/pilot.entity';
import { businessCaseCharts } from './business-case.charts';
import { BusinessCaseService } from './business-case.service';
import { SignoffsService } from './signoffs.service';

/** The business-case page: the report, its charts and sign-offs, the sign-off form sent back. */
@Injectable()
export class BusinessCasePresenter {
  constructor(
    private readonly businessCases: BusinessCaseService,
    private readonly signoffs: SignoffsService,
  ) {}

  async page(
    pilot: Pilot,
    user: Actor | null,
    form?: { values: Record<string, unknown>; state: FormState },
  ) {
    const report = await this.businessCases.report(pilot);
    return {
      title: t('bc.pageTitle', { name: report.pilot.name }),
      ...report,
      // The engine's reasons and notes, said in the reader's language.
      missing: said(report.missing),
      planMissing: said(report.planMissing),
      result: said(report.result),
      charts: businessCaseCharts(report),
      mayEdit: can(user, 'edit_pilot', report.pilot),
      maySignOff: can(user, 'sign_off'),
      signoffs: await this.signoffs.statuses(report),
      signoffValues: form?.values ?? {},
      signoffSummary: form?.state.summary,
      signoffErrors: form?.state.fieldErrors ?? {},
    };
  }
}
