import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { EMPTY_FORM, FormState } from '../common/forms';
import { localParts } from '../common/time-zone';
import { ApiTokensService } from './api-tokens.service';
import { DEFAULT_TOKEN_DAYS, TOKEN_LIFETIMES } from './dto/token-form.dto';

/** A user's API tokens page: their tokens, the form for a new one, a new token shown once. */
@Injectable()
export class TokensPresenter {
  constructor(private readonly tokens: ApiTokensService) {}

  async page(
    userId: number,
    {
      state = EMPTY_FORM,
      newToken,
      values = {},
    }: { state?: FormState; newToken?: string; values?: Record<string, unknown> } = {},
  ) {
    const now = Date.now();
    return {
      title: t('tokens.title'),
      tokens: (await this.tokens.list(userId)).map((token) => ({
        ...token,
        expired: token.expiresAt.getTime() <= now,
        // A day, in the organisation's time zone: the time of day is noise here.
        expiresOn: localParts(token.expiresAt).date,
      })),
      newToken,
      values: {
        name: values.name ?? '',
        validFor: String(values.validFor ?? DEFAULT_TOKEN_DAYS),
        scope: String(values.scope ?? 'read'),
      },
      scopes: [
        { value: 'read', label: t('tokens.readOnly') },
        { value: 'write', label: t('tokens.readAndWrite') },
      ],
      lifetimes: TOKEN_LIFETIMES.map((days) => ({
        value: String(days),
        label: t('tokens.days', { count: days }),
      })),
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    };
  }
}
