import { Controller, Get, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { actorOf } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { EMPTY_FORM, FormState, submitForm, FormOf, Submitted } from '../common/forms';
import { NewUserDto, UpdateUserDto } from './dto/user-forms.dto';
import { AccountsService } from './accounts.service';
import { authorize } from './auth.guard';
import { Role, ROLE_LABELS, ROLES } from './permissions';

/** The admin's page of accounts: invite (create), change roles, deactivate. */
@Controller('admin/users')
export class UsersController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  async index(@Req() req: Request, @Res() res: Response): Promise<void> {
    authorize(req, 'manage_users');
    await this.render(res, { roles: ['viewer'] });
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
        flash(req, `Account ${user.email} created. Give them the password by a separate channel.`);
        return '/admin/users';
      },
      (state) => this.render(res, { ...form.body, password: '' }, state),
    );
  }

  @Post(':id')
  async update(
    @Param('id', new ParseIntPipe({ exceptionFactory: () => DomainError.notFound('That account') }))
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
            ? `Account ${user.email} saved.`
            : `Account ${user.email} deactivated; its sessions are ended.`,
        );
        return '/admin/users';
      },
      (state) => this.render(res, { roles: ['viewer'] }, state, id, form.body),
    );
  }

  private async render(
    res: Response,
    values: Record<string, unknown>,
    state: FormState = EMPTY_FORM,
    failedId: number | null = null,
    typed: Record<string, unknown> | null = null,
  ): Promise<void> {
    const users = await this.accounts.list();
    const chosen = [values.roles].flat();
    res.status(state.status).render('accounts/users', {
      title: 'Accounts',
      users: users.map((stored) => {
        // The row that was refused shows what was typed, not what is stored.
        const u =
          stored.id === failedId && typed
            ? {
                ...stored,
                name: String(typed.name ?? ''),
                roles: [typed.roles ?? []].flat().map(String) as Role[],
                active: typed.active === 'on',
              }
            : stored;
        return {
          ...u,
          roleOptions: ROLES.map((r) => ({
            value: r,
            label: ROLE_LABELS[r],
            checked: u.roles.includes(r),
          })),
        };
      }),
      roleOptions: ROLES.map((r) => ({
        value: r,
        label: ROLE_LABELS[r],
        checked: chosen.includes(r),
      })),
      values,
      failedId,
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    });
  }
}
