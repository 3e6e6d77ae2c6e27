import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { EMPTY_FORM, FailedRow, FormState } from '../common/forms';
import { ReadinessService } from './readiness.service';

/** The checklist template's page: its items, the add form, and an item's form sent back. */
@Injectable()
export class AdminPresenter {
  constructor(private readonly readiness: ReadinessService) {}

  async items(
    values: Record<string, unknown> = { position: '' },
    state: FormState = EMPTY_FORM,
    failed: FailedRow | null = null,
  ) {
    const items = await this.readiness.templateItems();
    return {
      title: t('admin.template.title'),
      // The item that was refused shows what was typed, not what is stored.
      items: items.map((item) =>
        item.id === failed?.id
          ? {
              ...item,
              title: String(failed.typed.title ?? ''),
              description: String(failed.typed.description ?? ''),
              position: String(failed.typed.position ?? ''),
              critical: failed.typed.critical === 'on',
              active: failed.typed.active === 'on',
            }
          : item,
      ),
      values,
      failedId: failed?.id ?? null,
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    };
  }
}
