import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { EMPTY_FORM, FormState, submitForm, FormOf, Submitted } from '../common/forms';
import { options } from '../pilots/pilot-fields';
import { IT_LEVEL_LABELS, IT_LEVELS } from '../readiness/readiness-fields';
import { GateSettingsDto } from './dto/gate-settings.dto';
import { LifecycleService } from './lifecycle.service';

/** The admin's page for the gate thresholds every gate and signal uses. */
@Controller('admin/gate-settings')
export class GateSettingsController {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Get()
  async page(@Req() req: Request, @Res() res: Response): Promise<void> {
    authorize(req, 'manage_thresholds');
    await this.render(res, null);
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
        flash(req, 'Thresholds saved; every gate and signal uses them from now on.');
        return '/admin/gate-settings';
      },
      (state) => this.render(res, form.body, state),
    );
  }

  private async render(
    res: Response,
    posted: Record<string, unknown> | null,
    state: FormState = EMPTY_FORM,
  ): Promise<void> {
    const current = await this.lifecycle.thresholds();
    res.status(state.status).render('lifecycle/gate-settings', {
      title: 'Gate thresholds',
      values: posted ?? current,
      current,
      levels: options(IT_LEVELS, IT_LEVEL_LABELS),
      summary: state.summary,
      conflict: state.status === 409,
      fieldErrors: state.fieldErrors,
    });
  }
}
