import { t } from '../i18n/translate';
import { EvidenceService } from '../evidence/evidence.service';
import { Injectable } from '@nestjs/common';
import { type Actor, can } from '../accounts/permissions';
import { FormState, formView, SentBack, sentBack } from '../common/forms';
import { options } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import {
  INTEGRATION_ITEMS,
  INTEGRATION_LABELS,
  IT_LEVEL_LABELS,
  IT_LEVELS,
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
} from './readiness-fields';
import { ReadinessService } from './readiness.service';

/** One checklist item's form sent back: its values and problems, the other items as stored. */
export interface FailedItem {
  itemId: number;
  values: Record<string, unknown>;
  state: FormState;
}

/** The IT commitment's free-text fields: shown beside the user's input after a stale edit. */
const IT_TEXT_FIELDS = ['itOwner', 'budget', 'roadmapSlot', 'targetDate'];

/** What the readiness checklist and the IT commitment pages show. */
@Injectable()
export class ReadinessPresenter {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly evidence: EvidenceService,
  ) {}

  async checklist(pilot: Pilot, user: Actor | null, failed: FailedItem | null = null) {
    const [{ rows, readiness }, files] = await Promise.all([
      this.readiness.checklist(pilot.id),
      this.evidence.ofPilot(pilot.id, 'readiness'),
    ]);
    const history = await this.readiness.checklistHistory(pilot.id, rows);
    return {
      title: t('readiness.pageTitle', { name: pilot.name }),
      pilot,
      mayEdit: can(user, 'edit_pilot', pilot),
      readiness,
      statuses: options(ITEM_STATUSES, ITEM_STATUS_LABELS),
      rows: rows.map((row) => {
        const mine = failed?.itemId === row.item.id;
        return {
          ...row,
          files: files.filter((f) => f.subjectId === row.item.id),
          status: mine ? failed.values.status : row.status,
          evidence: mine ? failed.values.evidence : row.evidence,
          summary: mine ? failed.state.summary : '',
          fieldErrors: mine ? failed.state.fieldErrors : {},
        };
      }),
      history,
    };
  }

  async it(pilot: Pilot) {
    return this.withFiles(pilot, itForm(pilot, sentBack(await this.storedIt(pilot))));
  }

  async itSentBack(pilot: Pilot, typed: Record<string, unknown>, state: FormState) {
    const stored = state.status === 409 ? await this.storedIt(pilot) : null;
    return this.withFiles(pilot, itForm(pilot, sentBack(typed, state, stored, IT_TEXT_FIELDS)));
  }

  /** The IT page with the files attached to the commitment (only its keeper opens the page). */
  private async withFiles<T extends object>(pilot: Pilot, page: T) {
    return { ...page, files: await this.evidence.ofPilot(pilot.id, 'it') };
  }

  private async storedIt(pilot: Pilot) {
    const { commitment, integrations } = await this.readiness.it(pilot.id);
    return this.readiness.itFormValues(commitment, integrations);
  }
}

function itForm(pilot: Pilot, form: SentBack) {
  const { values, state } = form;
  return {
    title: t('it.pageTitle', { name: pilot.name }),
    pilot,
    ...formView(form),
    levels: options(IT_LEVELS, IT_LEVEL_LABELS),
    integrations: INTEGRATION_ITEMS.map((item) => ({
      name: `integration_${item}`,
      label: INTEGRATION_LABELS[item],
      value: values[`integration_${item}`],
      errors: state.fieldErrors[`integration_${item}`],
    })),
    statuses: options(ITEM_STATUSES, ITEM_STATUS_LABELS),
  };
}
