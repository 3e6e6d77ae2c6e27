import { t } from '../i18n/translate';
// What the JSON API's bodies are checked against, for the DTOs (forms.ts) and the hand-read
// bodies alike (a month of results, a batch of figures).

/** The message beside a field the request does not take: a script's misspelling must show. */
/** Said per request: a field the form or API body does not know. */
export const notAField = () => t('valid.notAField');

/** A JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
