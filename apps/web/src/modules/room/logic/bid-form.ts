import type { Fen } from '@kepai/contracts';
import { parseYuan } from '../../../lib/money';

/** Why a typed bid cannot be sent; each has a plain-words message under `room.bid.errors`. */
export type BidFormError = 'amountInvalid' | 'amountTooLow' | 'maxInvalid' | 'maxBelowAmount';

export type BidFormResult =
  | { ok: true; amount: Fen; maxAmount?: Fen }
  | { ok: false; field: 'amount' | 'max'; error: BidFormError };

/**
 * The bid panel's fields (yuan as typed) into the amounts of `bid:place` (integer fen). `amount`
 * is the typed amount, or the lot's minimum for the one-tap button; the optional maximum turns it
 * into a proxy bid and must not be below the amount.
 */
export function bidFromForm(
  amount: { typed: string } | { fen: Fen },
  maxText: string,
  minNext: Fen,
): BidFormResult {
  let fen: Fen;
  if ('typed' in amount) {
    const parsed = parseYuan(amount.typed);
    if (parsed === null || parsed <= 0)
      return { ok: false, field: 'amount', error: 'amountInvalid' };
    if (parsed < minNext) return { ok: false, field: 'amount', error: 'amountTooLow' };
    fen = parsed;
  } else {
    fen = amount.fen;
  }
  if (maxText.trim() === '') return { ok: true, amount: fen };
  const max = parseYuan(maxText);
  if (max === null || max <= 0) return { ok: false, field: 'max', error: 'maxInvalid' };
  if (max < fen) return { ok: false, field: 'max', error: 'maxBelowAmount' };
  return max === fen ? { ok: true, amount: fen } : { ok: true, amount: fen, maxAmount: max };
}

/** A typed amount this many times the minimum asks for a second look (a slipped finger). */
export const LARGE_BID_FACTOR = 5;

export function isLargeBid(amount: Fen, minNext: Fen): boolean {
  return minNext > 0 && amount >= minNext * LARGE_BID_FACTOR;
}
