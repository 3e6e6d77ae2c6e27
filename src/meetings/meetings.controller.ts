import { t } from '../i18n/translate';
import { formatIsoDate } from '../common/dates';
import { Controller, Get, Param, ParseIntPipe, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { MeetingsService } from '../lifecycle/meetings.service';
import { PilotsService } from '../pilots/pilots.service';
import { AgendaPilotDto, MeetingFormDto } from './dto/meeting-forms.dto';
import { MeetingsPresenter } from './meetings.presenter';

/** The board's meetings: schedule one, set its agenda, send its pack, read its minutes. */
@Controller('board/meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly pilots: PilotsService,
    private readonly presenter: MeetingsPresenter,
  ) {}

  @Get()
  @Render('meetings/index')
  list(@Req() req: Request) {
    return this.presenter.list(req.user ?? null);
  }

  @Post()
  async schedule(
    @FormOf(MeetingFormDto, 'form.summary.meeting')
    form: Submitted<MeetingFormDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'decide');
    await submitForm(
      res,
      form,
      async (dto) => {
        const meeting = await this.meetings.schedule(dto, actorOf(req));
        flash(req, t('meetings.scheduled', { date: formatIsoDate(meeting.heldOn) }));
        return `/board/meetings/${meeting.id}`;
      },
      (state) =>
        showForm(
          res,
          'meetings/index',
          state,
          this.presenter.list(req.user ?? null, form.body, state),
        ),
    );
  }

  @Get(':id')
  @Render('meetings/show')
  show(@Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    return this.presenter.meeting(id, req.user ?? null);
  }

  @Get(':id/pack')
  @Render('meetings/pack')
  pack(@Param('id', ParseIntPipe) id: number) {
    return this.presenter.pack(id);
  }

  @Post(':id/agenda')
  async add(
    @Param('id', ParseIntPipe) id: number,
    @FormOf(AgendaPilotDto) form: Submitted<AgendaPilotDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.changeAgenda(id, form, req, res, async (meeting, pilot, actor) => {
      await this.meetings.addToAgenda(meeting, pilot, actor);
      return t('meetings.isOn', { name: pilot.name });
    });
  }

  @Post(':id/agenda/remove')
  async remove(
    @Param('id', ParseIntPipe) id: number,
    @FormOf(AgendaPilotDto) form: Submitted<AgendaPilotDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.changeAgenda(id, form, req, res, async (meeting, pilot, actor) => {
      await this.meetings.removeFromAgenda(meeting, pilot, actor);
      return t('meetings.isOff', { name: pilot.name });
    });
  }

  /** Both agenda buttons: the board's, on a pilot that exists; a refusal shows on the page. */
  private async changeAgenda(
    id: number,
    form: Submitted<AgendaPilotDto>,
    req: Request,
    res: Response,
    change: (
      meeting: Awaited<ReturnType<MeetingsService['get']>>,
      pilot: Awaited<ReturnType<PilotsService['get']>>,
      actor: string,
    ) => Promise<string>,
  ): Promise<void> {
    authorize(req, 'decide');
    const meeting = await this.meetings.get(id);
    try {
      if (form.error || !form.dto)
        throw form.error ?? new DomainError('validation', t('meetings.choose'));
      const pilot = await this.pilots.get(form.dto.pilot).catch(() => {
        throw new DomainError('validation', t('meetings.chooseFromList'));
      });
      flash(req, await change(meeting, pilot, actorOf(req)));
      res.redirect(303, `/board/meetings/${id}`);
    } catch (error) {
      if (!(error instanceof DomainError) || !['validation', 'conflict'].includes(error.code))
        throw error;
      res
        .status(error.code === 'conflict' ? 409 : 422)
        .render('meetings/show', await this.presenter.meeting(id, req.user ?? null, error.message));
    }
  }
}
