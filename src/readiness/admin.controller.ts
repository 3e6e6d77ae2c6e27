import { t } from '../i18n/translate';
import { Controller, Get, Param, ParseIntPipe, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { TemplateItemDto } from './dto/readiness-forms.dto';
import { AdminPresenter } from './admin.presenter';
import { ReadinessService } from './readiness.service';

/** The admin's page for the readiness checklist template. */
@Controller('admin')
export class AdminController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly presenter: AdminPresenter,
  ) {}

  @Get('readiness-items')
  @Render('readiness/admin-items')
  items(@Req() req: Request) {
    authorize(req, 'manage_template');
    return this.presenter.items();
  }

  @Post('readiness-items')
  async addItem(
    @FormOf(TemplateItemDto) form: Submitted<TemplateItemDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'manage_template');
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.readiness.saveTemplateItem(null, dto, actorOf(req));
        flash(req, t('readiness.added'));
        return '/admin/readiness-items';
      },
      (state) =>
        showForm(res, 'readiness/admin-items', state, this.presenter.items(form.body, state)),
    );
  }

  @Post('readiness-items/:id')
  async updateItem(
    @Param(
      'id',
      new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('checklistItem') }),
    )
    id: number,
    @FormOf(TemplateItemDto) form: Submitted<TemplateItemDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'manage_template');
    await submitForm(
      res,
      form,
      async (dto) => {
        await this.readiness.saveTemplateItem(id, dto, actorOf(req));
        flash(req, t('readiness.saved'));
        return '/admin/readiness-items';
      },
      (state) =>
        showForm(
          res,
          'readiness/admin-items',
          state,
          this.presenter.items({}, state, { id, typed: form.body }),
        ),
    );
  }
}
