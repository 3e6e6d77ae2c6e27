import { Controller, Get, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { can } from '../accounts/permissions';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import {
  EMPTY_FORM,
  FormState,
  STALE_EDIT_SUMMARY,
  storedBeside,
  submitForm,
  FormOf,
  Submitted,
} from '../common/forms';
import { ChecklistItemDto, ItCommitmentDto } from './dto/readiness-forms.dto';
import { options } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import {
  INTEGRATION_ITEMS,
  INTEGRATION_LABELS,
  IT_LEVEL_LABELS,
  IT_LEVELS,
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
} from './readiness-fields';
import { ReadinessService } from './readiness.service';

const itemId = new ParseIntPipe({
  exceptionFactory: () => DomainError.notFound('That checklist item'),
});

@Controller('pilots/:slug')
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('readiness')
  @PilotRoute()
  async checklist(@RoutePilot() pilot: Pilot, @Req() req: Request, @Res() res: Response) {
    await this.renderChecklist(req, res, pilot);
  }

  @Post('readiness/:itemId')
  @PilotRoute('edit_pilot')
  async setItem(
    @RoutePilot() pilot: Pilot,
    @Param('itemId', itemId) id: number,
    @FormOf(ChecklistItemDto, 'Please correct the item marked below.')
    form: Submitted<ChecklistItemDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.readiness.setItem(pilot, id, dto, actorOf(req));
        flash(req, 'Checklist item saved.');
        return `/pilots/${pilot.slug}/readiness#item-${id}`;
      },
      (state) => this.renderChecklist(req, res, pilot, { itemId: id, values: form.body, state }),
    );
  }

  @Get('it')
  @PilotRoute('edit_pilot')
  async itForm(@RoutePilot() pilot: Pilot, @Res() res: Response): Promise<void> {
    const { commitment, integrations } = await this.readiness.it(pilot.id);
    this.renderIt(res, pilot, this.readiness.itFormValues(commitment, integrations));
  }

  @Post('it')
  @PilotRoute('edit_pilot')
  async saveIt(
    @RoutePilot() pilot: Pilot,
    @FormOf(ItCommitmentDto) form: Submitted<ItCommitmentDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.readiness.saveIt(pilot, dto, actorOf(req));
        flash(req, 'IT status saved.');
        return `/pilots/${pilot.slug}`;
      },
      async (state) => {
        if (state.status !== 409) return this.renderIt(res, pilot, form.body, state);
        // Stale: the user's input stays, what is stored now is shown beside it.
        const { commitment, integrations } = await this.readiness.it(pilot.id);
        const stored = this.readiness.itFormValues(commitment, integrations);
        await this.renderIt(
          res,
          pilot,
          { ...form.body, version: stored.version },
          { ...state, summary: STALE_EDIT_SUMMARY },
          storedBeside(form.body, stored, ['itOwner', 'budget', 'roadmapSlot', 'targetDate']),
        );
      },
    );
  }

  private async renderChecklist(
    req: Request,
    res: Response,
    pilot: Pilot,
    failed: { itemId: number; values: Record<string, unknown>; state: FormState } | null = null,
  ): Promise<void> {
    const { rows, readiness } = await this.readiness.checklist(pilot.id);
    const history = await this.readiness.checklistHistory(pilot.id, rows);
    res.status(failed?.state.status ?? 200).render('readiness/checklist', {
      title: `Readiness · ${pilot.name}`,
      pilot,
      mayEdit: can(req.user ?? null, 'edit_pilot', pilot),
      readiness,
      statuses: options(ITEM_STATUSES, ITEM_STATUS_LABELS),
      rows: rows.map((row) => {
        const mine = failed?.itemId === row.item.id;
        return {
          ...row,
          status: mine ? failed!.values.status : row.status,
          evidence: mine ? failed!.values.evidence : row.evidence,
          summary: mine ? failed!.state.summary : '',
          fieldErrors: mine ? failed!.state.fieldErrors : {},
        };
      }),
      history,
    });
  }

  private renderIt(
    res: Response,
    pilot: Pilot,
    values: Record<string, unknown>,
    state: FormState = EMPTY_FORM,
    current: Record<string, string> = {},
  ): void {
    res.status(state.status).render('readiness/it', {
      title: `IT commitment · ${pilot.name}`,
      pilot,
      values,
      summary: state.summary,
      conflict: state.status === 409,
      fieldErrors: state.fieldErrors,
      storedNow: current,
      levels: options(IT_LEVELS, IT_LEVEL_LABELS),
      integrations: INTEGRATION_ITEMS.map((item) => ({
        name: `integration_${item}`,
        label: INTEGRATION_LABELS[item],
        value: values[`integration_${item}`],
        errors: state.fieldErrors[`integration_${item}`],
      })),
      statuses: options(ITEM_STATUSES, ITEM_STATUS_LABELS),
    });
  }
}
