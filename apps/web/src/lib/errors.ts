import type { TFunction } from 'i18next';
import { ApiError } from './http';

/** A refusal in plain words: the api's code through the translation table, never a raw message. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const code = error.body?.code;
    if (code) return t(`errors.${code}`, { defaultValue: t('errors.INTERNAL') });
    if (error.status >= 500) return t('errors.SERVICE_UNAVAILABLE');
    return t('errors.INTERNAL');
  }
  if (error instanceof TypeError) return t('errors.NETWORK');
  return t('errors.INTERNAL');
}

/** The field an INVALID_INPUT message names first ("title must be …"), to mark it in a form. */
export function invalidField(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.body?.code !== 'INVALID_INPUT') return null;
  const match = /^([a-zA-Z.[\]0-9]+) /.exec(error.body.message);
  return match ? (match[1].split(/[.[]/)[0] ?? null) : null;
}
