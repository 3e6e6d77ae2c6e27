import { t } from '../i18n/translate';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { GateSettingsDto } from './dto/gate-settings.dto';
import { GateSettingsPresenter } from './gate-settings.presenter';
import { LifecycleService } from './lifecycle.service';

/** The admin's page for the gate thresholds every gate and signal uses. */
@Controller('admin/gate-settings')
export class GateSettingsController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly presenter: GateSettingsPresenter,
  ) {}

  @Get()
  @Render('lifecycle/gate-settings')
  page(@Req() req: Request) {
    authorize(req, 'manage_thresholds');
    return this.presenter.page();
  }

  @Post()
  async save(
    @FormOf(GateSettingsDto) form: Submitted<GateSettingsDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'manage_thresholds');
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.lifecycle.saveThresholds(dto, actorOf(req));
        flash(req, t('gates.saved'));
        return '/admin/gate-settings';
      },
      (state) =>
        showForm(res, 'lifecycle/gate-settings', state, this.presenter.page(form.body, state)),
    );
  }
}
