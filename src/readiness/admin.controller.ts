import { Controller, Get, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { EMPTY_FORM, FormState, submitForm, FormOf, Submitted } from '../common/forms';
import { TemplateItemDto } from './dto/readiness-forms.dto';
import { ReadinessService } from './readiness.service';

/** The admin's page for the readiness checklist template. */
@Controller('admin')
export class AdminController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('readiness-items')
  async items(@Req() req: Request, @Res() res: Response): Promise<void> {
    authorize(req, 'manage_template');
    await this.renderItems(res, { position: '' });
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
        flash(req, 'Checklist item added; every pilot’s checklist now shows it.');
        return '/admin/readiness-items';
      },
      (state) => this.renderItems(res, form.body, state),
    );
  }

  @Post('readiness-items/:id')
  async updateItem(
    @Param(
      'id',
      new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('That checklist item') }),
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
        flash(req, 'Checklist item saved.');
        return '/admin/readiness-items';
      },
      (state) => this.renderItems(res, {}, state, id, form.body),
    );
  }

  private async renderItems(
    res: Response,
    values: Record<string, unknown>,
    state: FormState = EMPTY_FORM,
    failedId: number | null = null,
    typed: Record<string, unknown> | null = null,
  ): Promise<void> {
    const items = await this.readiness.templateItems();
    res.status(state.status).render('readiness/admin-items', {
      title: 'Readiness checklist template',
      // The item that was refused shows what was typed, not what is stored.
      items: items.map((item) =>
        item.id === failedId && typed
          ? {
              ...item,
              title: String(typed.title ?? ''),
              description: String(typed.description ?? ''),
              position: String(typed.position ?? ''),
              critical: typed.critical === 'on',
              active: typed.active === 'on',
            }
          : item,
      ),
      values,
      failedId,
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    });
  }
}
