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
      title: 'API tokens',
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
        { value: 'read', label: 'Read only' },
        { value: 'write', label: 'Read and write (results, channel totals)' },
      ],
      lifetimes: TOKEN_LIFETIMES.map((days) => ({ value: String(days), label: `${days} days` })),
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    };
  }
}
