import type { ErrorCode, Fen } from '@kepai/contracts';
import type { TFunction } from 'i18next';
import { formatFen } from '../../../lib/money';

/** A refused acknowledgement of the socket (`{ ok: false, code, message, minNext? }`). */
export interface Refusal {
  code: ErrorCode;
  minNext?: Fen;
}

/**
 * A refusal in plain words, through the same `errors.*` table as the REST errors; a bid too low
 * says what the least acceptable amount is now, and a refused hammer that a newer bid exists.
 */
export function refusalText(
  refusal: Refusal,
  t: TFunction,
  language: string,
  context: 'bid' | 'control' = 'bid',
): string {
  if (refusal.code === 'BID_TOO_LOW' && refusal.minNext !== undefined)
    return t('room.bid.tooLow', { minNext: formatFen(refusal.minNext, language) });
  if (context === 'control' && refusal.code === 'CONFLICT') return t('room.controls.newerBid');
  return t(`errors.${refusal.code}`, { defaultValue: t('errors.INTERNAL') });
}
