import { t } from '../i18n/translate';
import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { flash } from '../common/flash';
import { FormOf, type FormState, submitForm, type Submitted } from '../common/forms';
import { ReminderChoicesDto } from './dto/reminder-choices.dto';
import { Mailer } from './mailer';
import { kindsFor, REMINDER_LABELS, type ReminderKind } from './reminder-kinds';
import { RemindersService } from './reminders.service';

/** Each person's notifications (the bell) and their choice of reminders. */
@Controller()
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly mailer: Mailer,
  ) {}

  @Get('notifications')
  @Render('reminders/notifications')
  async notifications(@Req() req: Request) {
    const notifications = await this.reminders.list(req.user!.id);
    return {
      title: t('notif.title'),
      notifications: notifications.map((n) => ({
        ...n,
        unread: n.inApp && !n.readAt,
        kindLabel: REMINDER_LABELS[n.kind].label,
        mailed: n.mailState === 'sent',
        mailFailed: n.mailState === 'failed',
      })),
      unreadCount: notifications.filter((n) => n.inApp && !n.readAt).length,
    };
  }

  @Post('notifications/read')
  async markRead(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.reminders.markRead(req.user!.id);
    flash(req, t('notif.allRead'));
    res.redirect(303, '/notifications');
  }

  @Get('account/reminders')
  @Render('reminders/choices')
  async choicesPage(@Req() req: Request) {
    return this.choicesView(req);
  }

  @Post('account/reminders')
  async choose(
    @FormOf(ReminderChoicesDto) form: Submitted<ReminderChoicesDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      form,
      async (dto) => {
        const kinds = kindsFor(req.user!.roles);
        await this.reminders.choose(
          req.user!.id,
          new Map(
            kinds.map((kind) => [
              kind,
              { inApp: dto.inApp.includes(kind), email: dto.email.includes(kind) },
            ]),
          ),
        );
        flash(req, t('reminders.saved'));
        return '/account/reminders';
      },
      async (state) =>
        res
          .status(state.status)
          .render('reminders/choices', await this.choicesView(req, form.body, state)),
    );
  }

  private async choicesView(req: Request, posted?: Record<string, unknown>, state?: FormState) {
    const user = req.user!;
    const kinds = kindsFor(user.roles);
    const chosen = (await this.reminders.choicesOf([user.id])).get(user.id)!;
    const ticked = (field: 'inApp' | 'email', kind: ReminderKind) =>
      posted
        ? ([] as unknown[]).concat(posted[field] ?? []).includes(kind)
        : chosen.get(kind)![field];
    return {
      title: t('reminders.title'),
      kinds: kinds.map((kind) => ({
        kind,
        ...REMINDER_LABELS[kind],
        inApp: ticked('inApp', kind),
        email: ticked('email', kind),
      })),
      email: user.email,
      mailOn: this.mailer.enabled,
      summary: state?.summary ?? '',
      fieldErrors: state?.fieldErrors ?? {},
    };
  }
}
