import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { Controller, Get, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { can } from '../accounts/permissions';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { FormOf, EMPTY_FORM, FormState, submitForm, Submitted } from '../common/forms';
import {
  ClearConditionDto,
  decisionForm,
  DecisionFormDto,
} from '../lifecycle/dto/decision-form.dto';
import { options } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { OUTCOME_LABELS, OUTCOMES, targetStage } from '../lifecycle/decision-rules';
import { DecisionsService } from '../lifecycle/decisions.service';

@Controller()
export class DecisionsController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Get('board')
  async agenda(@Res() res: Response): Promise<void> {
    res.render('decisions/agenda', { title: 'Board agenda', items: await this.decisions.agenda() });
  }

  @Get('pilots/:slug/review')
  @PilotRoute()
  async review(
    @RoutePilot() pilot: Pilot,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(req, res, pilot, {});
  }

  @Post('pilots/:slug/decisions')
  @PilotRoute('decide')
  async decide(
    @RoutePilot() pilot: Pilot,
    @FormOf(DecisionFormDto, {
      summary: 'The decision is not recorded yet: correct the fields marked below.',
      prepare: decisionForm,
    })
    form: Submitted<DecisionFormDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        const decision = await this.decisions.record(pilot, dto, actorOf(req));
        flash(req, `Decision #${decision.id} recorded: ${decision.outcome}.`);
        return `/pilots/${pilot.slug}/review`;
      },
      // After a conflict the review shows the pilot as it is now, with its current version.
      async (state) =>
        this.render(
          req,
          res,
          state.status === 409 ? await this.pilots.get(pilot.slug) : pilot,
          form.body,
          state,
        ),
    );
  }

  @Post('pilots/:slug/conditions/:id/clear')
  @PilotRoute('clear_condition')
  async clear(
    @RoutePilot() pilot: Pilot,
    @Param(
      'id',
      new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('That condition') }),
    )
    id: number,
    @FormOf(ClearConditionDto) form: Submitted<ClearConditionDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.decisions.clearCondition(pilot, id, dto, actorOf(req));
        flash(req, 'Condition cleared.');
        return `/pilots/${pilot.slug}/review`;
      },
      (state) => this.render(req, res, pilot, { note: form.body.note }, state, id),
    );
  }

  private async render(
    req: Request,
    res: Response,
    pilot: Pilot,
    values: Record<string, unknown>,
    state: FormState = EMPTY_FORM,
    conditionId: number | null = null,
  ): Promise<void> {
    const [{ criteria, snapshot }, timeline, conditions] = await Promise.all([
      this.decisions.reviewFacts(pilot),
      this.decisions.timeline(pilot.id),
      this.decisions.conditions(pilot.id),
    ]);
    res.status(state.status).render('decisions/review', {
      title: `Review · ${pilot.name}`,
      pilot,
      criteria,
      failed: criteria
        .filter((c) => c.status !== 'met')
        .map((c) => ({
          ...c,
          field: `override_${c.key}`,
          value: values[`override_${c.key}`] ?? '',
          errors: state.fieldErrors[`override_${c.key}`],
        })),
      businessCase: snapshot.businessCase,
      outcomes: options(OUTCOMES, OUTCOME_LABELS).filter(
        (o) => targetStage(pilot.stage, o.value) !== null,
      ),
      timeline: timeline.map((d) => ({
        ...d,
        conditions: conditions.filter((c) => c.decisionId === d.id),
      })),
      openConditions: conditions.filter((c) => !c.clearedAt),
      mayDecide: can(req.user ?? null, 'decide'),
      mayClear: can(req.user ?? null, 'clear_condition'),
      values,
      summary: conditionId === null ? state.summary : '',
      fieldErrors: conditionId === null ? state.fieldErrors : {},
      conditionError:
        conditionId === null
          ? null
          : {
              id: conditionId,
              summary: state.summary,
              errors: state.fieldErrors.note,
              note: typeof values.note === 'string' ? values.note : '',
            },
    });
  }
}
