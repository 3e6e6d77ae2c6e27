import { formShapes } from '../../common/forms';
import { MetricField } from '../../results/dto/month-form.dto';
import { TOTAL_PARTS, type TotalValues } from '../../channels/channel-total-rules';

export type TotalsForm = Record<string, number | null>;

const FIELDS = ['volume', ...TOTAL_PARTS] as const;

/** A field of the totals month form: `total_volume_3`, `total_desired_3` … */
export const totalField = (field: (typeof FIELDS)[number], channelId: number) =>
  `total_${field}_${channelId}`;

/**
 * The month form of the organisation's totals: per channel its volume and the optional split,
 * each a whole number as the results' forms read them ("52.000" or "52000").
 */
export const totalsFormDto = formShapes<TotalsForm>((prototype, id) => {
  for (const field of FIELDS) MetricField('count')(prototype, totalField(field, id));
});

/** The read form as the channels feature stores it, per channel id. */
export function totalsOf(form: TotalsForm, channelIds: number[]): Map<number, TotalValues> {
  const value = (name: string) => (typeof form[name] === 'number' ? form[name] : null);
  return new Map(
    channelIds.map((id) => [
      id,
      {
        volume: value(totalField('volume', id)),
        desired: value(totalField('desired', id)),
        undesired: value(totalField('undesired', id)),
        unnecessary: value(totalField('unnecessary', id)),
      },
    ]),
  );
}
