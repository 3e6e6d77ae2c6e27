import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { EMPTY_FORM, FormState } from '../common/forms';
import { options } from '../pilots/pilot-fields';
import { IT_LEVEL_LABELS, IT_LEVELS } from '../readiness/readiness-fields';
import { LifecycleService } from './lifecycle.service';

/** The gate thresholds' page: the stored thresholds, or the form sent back beside them. */
@Injectable()
export class GateSettingsPresenter {
  constructor(private readonly lifecycle: LifecycleService) {}

  async page(posted: Record<string, unknown> | null = null, state: FormState = EMPTY_FORM) {
    const current = await this.lifecycle.thresholds();
    return {
      title: t('gates.title'),
      values: posted ?? current,
      current,
      levels: options(IT_LEVELS, IT_LEVEL_LABELS),
      summary: state.summary,
      conflict: state.status === 409,
      fieldErrors: state.fieldErrors,
    };
  }
}
