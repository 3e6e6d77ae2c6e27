import { t } from '../i18n/translate';
import { Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { ChannelsPresenter } from './channels.presenter';
import { ChannelsService } from './channels.service';
import { CreateChannelDto, UpdateChannelDto } from './dto/channel-form.dto';

@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly presenter: ChannelsPresenter,
  ) {}

  @Get()
  @Render('channels/index')
  index() {
    return this.presenter.index();
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
        flash(req, t('channels.added', { name: channel.name }));
        return '/channels';
      },
      (state) => showForm(res, 'channels/index', state, this.presenter.index(form.body, state)),
    );
  }

  @Get(':key/edit')
  @Render('channels/edit')
  async editForm(@Param('key') key: string, @Req() req: Request) {
    authorize(req, 'manage_channels');
    return this.presenter.edit(await this.channels.get(key));
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
        flash(req, t('channels.saved', { name: saved.name }));
        return '/channels';
      },
      (state) =>
        showForm(
          res,
          'channels/edit',
          state,
          this.presenter.edit(channel, { ...form.body, active: form.body.active === 'on' }, state),
        ),
    );
  }
}
