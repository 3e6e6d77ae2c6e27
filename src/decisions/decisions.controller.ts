import { t } from '../i18n/translate';
import { todayIso } from '../common/dates';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import {
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { EvidenceUpload, keepEvidence } from '../evidence/evidence-upload';
import { EvidenceService } from '../evidence/evidence.service';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import {
  ClearConditionDto,
  decisionForm,
  DecisionFormDto,
} from '../lifecycle/dto/decision-form.dto';
import type { Pilot } from '../pilots/pilot.entity';
import { DecisionsService } from '../lifecycle/decisions.service';
import { ReviewPresenter } from './review.presenter';

@Controller()
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly presenter: ReviewPresenter,
    private readonly evidence: EvidenceService,
  ) {}

  @Get('board')
  @Render('decisions/agenda')
  async agenda() {
    const today = todayIso();
    const items = (await this.decisions.agenda(today)).map((item) => ({
      ...item,
      overdue: item.pilot.nextReviewDate !== null && item.pilot.nextReviewDate < today,
    }));
    return { title: t('agenda.title'), items };
  }

  @Get('pilots/:slug/review')
  @PilotRoute()
  @Render('decisions/review')
  review(
    @RoutePilot() pilot: Pilot,
    @Req() req: Request,
    @Query('meeting') meeting: string | undefined,
  ) {
    const meetingId = meeting === undefined ? null : Number(meeting);
    if (meetingId !== null && !Number.isInteger(meetingId)) throw DomainError.notFound('meeting');
    return this.presenter.review(pilot, req.user ?? null, undefined, meetingId);
  }

  /** A file as evidence for a recorded decision: the signed minutes, the slides it rested on. */
  @Post('pilots/:slug/decisions/:id/files')
  @PilotRoute('decide')
  @EvidenceUpload()
  async attach(
    @RoutePilot() pilot: Pilot,
    @Param('id', ParseIntPipe) id: number,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.decisions.timeline(pilot.id)).some((d) => d.id === id))
      throw DomainError.notFound('decision');
    await keepEvidence(req, res, file, (upload) =>
      this.evidence.add(pilot, 'decision', id, upload, actorOf(req)),
    );
  }

  @Post('pilots/:slug/decisions')
  @PilotRoute('decide')
  async decide(
    @RoutePilot() pilot: Pilot,
    @FormOf(DecisionFormDto, {
      summary: 'review.notRecorded',
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
        flash(
          req,
          t('review.recorded', { id: decision.id, outcome: t(`outcomeShort.${decision.outcome}`) }),
        );
        // Recorded in a meeting: back to its agenda, where the next pilot waits.
        return dto.meetingId === null
          ? `/pilots/${pilot.slug}/review`
          : `/board/meetings/${dto.meetingId}#agenda-${pilot.slug}`;
      },
      (state) =>
        showForm(
          res,
          'decisions/review',
          state,
          this.presenter.decisionSentBack(pilot, req.user ?? null, form.body, state),
        ),
    );
  }

  @Post('pilots/:slug/conditions/:id/clear')
  @PilotRoute('clear_condition')
  async clear(
    @RoutePilot() pilot: Pilot,
    @Param('id', new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('condition') }))
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
        flash(req, t('review.cleared'));
        return `/pilots/${pilot.slug}/review`;
      },
      (state) =>
        showForm(
          res,
          'decisions/review',
          state,
          this.presenter.review(pilot, req.user ?? null, {
            values: { note: form.body.note },
            state,
            conditionId: id,
          }),
        ),
    );
  }
}
