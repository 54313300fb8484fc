import type { TFunction } from 'i18next';
import { errorText } from '../../../lib/errors';
import { ApiError } from '../../../lib/http';

/**
 * An api refusal of a deal action in plain words: first what it means for this action
 * (`deals.refusal.<action>.<code>`, e.g. a payment over what is outstanding), then for deals in
 * general (`deals.refusal.<code>`), then the app's words for the code.
 */
export function refusalText(error: unknown, action: string, t: TFunction): string {
  const fallback = errorText(error, t);
  if (!(error instanceof ApiError) || !error.body?.code) return fallback;
  const code = error.body.code;
  return t([`deals.refusal.${action}.${code}`, `deals.refusal.${code}`], {
    defaultValue: fallback,
  });
}
