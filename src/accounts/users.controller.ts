import { t } from '../i18n/translate';
import { Controller, Get, Param, ParseIntPipe, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { FormOf, showForm, submitForm, Submitted } from '../common/forms';
import { NewUserDto, UpdateUserDto } from './dto/user-forms.dto';
import { AccountsService } from './accounts.service';
import { authorize } from './auth.guard';
import { UsersPresenter } from './users.presenter';

/** The admin's page of accounts: invite (create), change roles, deactivate. */
@Controller('admin/users')
export class UsersController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly presenter: UsersPresenter,
  ) {}

  @Get()
  @Render('accounts/users')
  index(@Req() req: Request) {
    authorize(req, 'manage_users');
    return this.presenter.page();
  }

  @Post()
  async create(
    @FormOf(NewUserDto) form: Submitted<NewUserDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'manage_users');
    await submitForm(
      res,
      form,
      async (dto) => {
        const user = await this.accounts.create(dto, actorOf(req));
        flash(req, t('users.created', { email: user.email }));
        return '/admin/users';
      },
      (state) =>
        showForm(
          res,
          'accounts/users',
          state,
          this.presenter.page({ ...form.body, password: '' }, state),
        ),
    );
  }

  @Post(':id')
  async update(
    @Param('id', new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('account') }))
    id: number,
    @FormOf(UpdateUserDto) form: Submitted<UpdateUserDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'manage_users');
    await submitForm(
      res,
      form,
      async (dto) => {
        const user = await this.accounts.update(id, dto, actorOf(req), req.user!.id);
        flash(
          req,
          user.active
            ? t('users.saved', { email: user.email })
            : t('users.deactivatedFlash', { email: user.email }),
        );
        return '/admin/users';
      },
      (state) =>
        showForm(
          res,
          'accounts/users',
          state,
          this.presenter.page(undefined, state, { id, typed: form.body }),
        ),
    );
  }
}
