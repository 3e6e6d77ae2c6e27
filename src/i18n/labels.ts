import { t } from './translate';

/**
 * A label per code, read in the request's language each time one is looked up:
 * `labels.incubation` is `t("stage.incubation")`. Works as the plain record it replaces
 * (lookups, Object.entries), so the pages that show a code's label need not change.
 */
export function translatedLabels<K extends string>(
  prefix: string,
  keys: readonly K[],
): Readonly<Record<K, string>> {
  const labels = {} as Record<K, string>;
  for (const key of keys)
    Object.defineProperty(labels, key, { enumerable: true, get: () => t(`${prefix}.${key}`) });
  return Object.freeze(labels);
}
