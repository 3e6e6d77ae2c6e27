import { msg } from '../../i18n/translate';
import { IsIn, IsOptional } from 'class-validator';
import { LEDGER_METHODS, type LedgerMethod } from '../../channels/channel-total-rules';
import { TrimToNull } from '../../common/form-transforms';
import { formShapes } from '../../common/forms';

export type BaselinesForm = Record<string, unknown>;

/** A field of the baselines form: the pinned method of channel 3 is `ledgerMethod_3`. */
export const methodField = (channelId: number) => `ledgerMethod_${channelId}`;

/**
 * The organisation baseline's method per channel: empty (the default: trend, else mean), or a
 * pinned `trend` or `mean`.
 */
export const baselinesFormDto = formShapes<BaselinesForm>((prototype, id) => {
  const field = methodField(id);
  TrimToNull()(prototype, field);
  IsOptional()(prototype, field);
  IsIn(LEDGER_METHODS, { message: msg('valid.chooseTrendMeanOrTheDefault') })(prototype, field);
});

/** The read form per channel id: the pinned method, or null for the default. */
export function methodsOf(form: BaselinesForm, channelIds: number[]) {
  return new Map(
    channelIds.map((id) => [id, (form[methodField(id)] as LedgerMethod | null) ?? null]),
  );
}
