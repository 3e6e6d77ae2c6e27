import { t } from '../i18n/translate';
import {
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
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
import { ChecklistItemDto, ItCommitmentDto } from './dto/readiness-forms.dto';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotRoute, RoutePilot } from '../pilots/pilot-route';
import { ReadinessPresenter } from './readiness.presenter';
import { ReadinessService } from './readiness.service';

const itemId = new ParseIntPipe({
  exceptionFactory: () => DomainError.notFound('checklistItem'),
});

@Controller('pilots/:slug')
export class ReadinessController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly presenter: ReadinessPresenter,
    private readonly evidence: EvidenceService,
  ) {}

  @Get('readiness')
  @PilotRoute()
  @Render('readiness/checklist')
  checklist(@RoutePilot() pilot: Pilot, @Req() req: Request) {
    return this.presenter.checklist(pilot, req.user ?? null);
  }

  @Post('readiness/:itemId')
  @PilotRoute('edit_pilot')
  async setItem(
    @RoutePilot() pilot: Pilot,
    @Param('itemId', itemId) id: number,
    @FormOf(ChecklistItemDto, 'form.summary.checklistItem')
    form: Submitted<ChecklistItemDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.readiness.setItem(pilot, id, dto, actorOf(req));
        flash(req, t('readiness.saved'));
        return `/pilots/${pilot.slug}/readiness#item-${id}`;
      },
      (state) =>
        showForm(
          res,
          'readiness/checklist',
          state,
          this.presenter.checklist(pilot, req.user ?? null, {
            itemId: id,
            values: form.body,
            state,
          }),
        ),
    );
  }

  /** A file as evidence for a checklist item (a "done" item may rest on it instead of text). */
  @Post('readiness/:itemId/files')
  @PilotRoute('edit_pilot')
  @EvidenceUpload()
  async attachToItem(
    @RoutePilot() pilot: Pilot,
    @Param('itemId', itemId) id: number,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.readiness.item(id);
    await keepEvidence(req, res, file, (upload) =>
      this.evidence.add(pilot, 'readiness', id, upload, actorOf(req)),
    );
  }

  /** A file as evidence for the IT commitment: a roadmap slide, a budget approval. */
  @Post('it/files')
  @PilotRoute('edit_pilot')
  @EvidenceUpload()
  async attachToIt(
    @RoutePilot() pilot: Pilot,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await keepEvidence(req, res, file, (upload) =>
      this.evidence.add(pilot, 'it', null, upload, actorOf(req)),
    );
  }

  @Get('it')
  @PilotRoute('edit_pilot')
  @Render('readiness/it')
  itForm(@RoutePilot() pilot: Pilot) {
    return this.presenter.it(pilot);
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
        flash(req, t('readiness.itSaved'));
        return `/pilots/${pilot.slug}`;
      },
      (state) =>
        showForm(res, 'readiness/it', state, this.presenter.itSentBack(pilot, form.body, state)),
    );
  }
}
