import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { EMPTY_FORM, FormState, submitForm, FormOf, Submitted } from '../common/forms';
import { Channel } from './channel.entity';
import { ChannelsService } from './channels.service';
import { CreateChannelDto, UpdateChannelDto } from './dto/channel-form.dto';

@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  async index(@Res() res: Response): Promise<void> {
    await this.renderIndex(res, { active: true, position: '' });
  }

  @Post()
  async create(
    @FormOf(CreateChannelDto) form: Submitted<CreateChannelDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'manage_channels');
    await submitForm(
      res,
      form,
      async (dto) => {
        const channel = await this.channels.create(dto, actorOf(req));
        flash(req, `Channel "${channel.name}" added.`);
        return '/channels';
      },
      (state) => this.renderIndex(res, form.body, state),
    );
  }

  @Get(':key/edit')
  async editForm(
    @Param('key') key: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'manage_channels');
    const channel = await this.channels.get(key);
    this.renderEdit(res, channel, channel);
  }

  @Post(':key')
  async update(
    @Param('key') key: string,
    @FormOf(UpdateChannelDto) form: Submitted<UpdateChannelDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'manage_channels');
    const channel = await this.channels.get(key);
    await submitForm(
      res,
      form,
      async (dto) => {
        const saved = await this.channels.update(key, dto, actorOf(req));
        flash(req, `Channel "${saved.name}" saved.`);
        return '/channels';
      },
      async (state) =>
        this.renderEdit(res, channel, { ...form.body, active: form.body.active === 'on' }, state),
    );
  }

  private async renderIndex(
    res: Response,
    values: object,
    state: FormState = EMPTY_FORM,
  ): Promise<void> {
    const [channels, usage] = await Promise.all([this.channels.list(), this.channels.usage()]);
    res.status(state.status).render('channels/index', {
      title: 'Existing channels',
      channels: channels.map((channel) => ({ ...channel, pilots: usage.get(channel.id) ?? 0 })),
      values,
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    });
  }

  private renderEdit(
    res: Response,
    channel: Channel,
    values: object,
    state: FormState = EMPTY_FORM,
  ): void {
    res.status(state.status).render('channels/edit', {
      title: `Edit ${channel.name}`,
      channel,
      values,
      summary: state.summary,
      conflict: state.status === 409,
      fieldErrors: state.fieldErrors,
    });
  }
}
