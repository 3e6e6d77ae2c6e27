import { Controller, Get, Inject, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { FormOf, Submitted } from '../common/forms';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isLanguage, languageFromHeader, defaultLanguage, LANGUAGES } from '../i18n/language';
import { forgetLanguage, rememberLanguage } from '../i18n/language-choice';
import { t, tIn } from '../i18n/translate';
import { AccountsService } from './accounts.service';
import { Public } from './auth.guard';
import { LanguageDto } from './dto/language.dto';
import { ROLE_LABELS } from './permissions';
import { safeNext } from './safe-next';

/** The signed-in person's own account, and the language switch anyone may use. */
@Controller()
export class AccountController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('account')
  @Render('accounts/account')
  page(@Req() req: Request) {
    const user = req.user!;
    const browser = languageFromHeader(req.headers['accept-language']) ?? defaultLanguage();
    return {
      title: t('account.title'),
      account: {
        name: user.name,
        email: user.email,
        roles: user.roles.map((r) => ROLE_LABELS[r]).join(', '),
      },
      languages: [
        { value: '', label: t('language.browser', { language: t(`language.name.${browser}`) }) },
        ...LANGUAGES.map((value) => ({ value, label: t(`language.name.${value}`) })),
      ],
      chosen: user.language ?? '',
    };
  }

  /**
   * The switch in every page's header and the account page's choice. A signed-in person's choice
   * is kept on their account (it then follows them to any browser); anyone's in this browser.
   */
  @Public()
  @Post('language')
  switch(
    @FormOf(LanguageDto) form: Submitted<LanguageDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.choose(form, req, res);
  }

  /** The account page's own form (a page has one form per action: the header has the switch). */
  @Post('account/language')
  setOnAccount(
    @FormOf(LanguageDto) form: Submitted<LanguageDto>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.choose(form, req, res);
  }

  private async choose(form: Submitted<LanguageDto>, req: Request, res: Response): Promise<void> {
    // One field: its reason is the whole message.
    if (form.error) throw new DomainError('validation', t('language.invalid'));
    const { language, next } = form.dto!;
    const chosen = isLanguage(language) ? language : null;
    if (chosen) rememberLanguage(res, chosen, this.config.production);
    else forgetLanguage(res, this.config.production);
    if (req.user) {
      await this.accounts.setLanguage(req.user.id, chosen);
      const shown =
        chosen ?? languageFromHeader(req.headers['accept-language']) ?? defaultLanguage();
      flash(req, tIn(shown, chosen ? 'language.saved' : 'language.savedBrowser'));
    }
    res.redirect(303, safeNext(next || '/sign-in'));
  }
}
