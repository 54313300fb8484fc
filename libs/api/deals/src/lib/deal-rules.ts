import type { DealStatus, TransactionMode, UfplOutcome } from '@kepai/contracts';

const DAY_MS = 86_400_000;

/**
 * Days the buyer has to pay a price (an auction deal from the close; a direct deal from the
 * institute's acceptance). Use-first-pay-later fees have their own window in their terms.
 */
export const PAYMENT_WINDOW_DAYS = 30;
/**
 * A signed use-first-pay-later licence's term starts when the licensee says it has started using
 * the result, and at the latest this many days after signing: the licensee cannot hold the term
 * (and so the fee) off for ever by never saying so.
 */
export const USE_START_DAYS = 30;
/** `ufpl_term_ending` is sent this many days before a use-first-pay-later term ends. */
export const TERM_REMINDER_DAYS = 7;
/** `payment_due_soon` is sent this many days before the due date. */
export const DUE_REMINDER_DAYS = 3;

/** Statuses in which a payment may be recorded. */
export const PAYABLE: readonly DealStatus[] = ['awaiting_payment', 'fee_due', 'overdue'];

/** Modes whose acceptance takes the result off the market (the patent changes hands). */
export const EXCLUSIVE_MODES: readonly TransactionMode[] = [
  'assignment',
  'equity',
  'exclusive_licence',
  'sole_licence',
];

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/**
 * Calendar months later, in UTC; a day past the target month's end falls on its last day
 * (31 January + 1 month is 28 or 29 February), as contracts count terms.
 */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** The money side of a deal, as far as the rules need it. */
export interface DealAmounts {
  mode: TransactionMode;
  price: number;
  depositApplied: number;
  outcome: UfplOutcome | null;
}

/**
 * What the buyer owes under the deal as it stands, in fen: the price less the deposit counted
 * toward it; under use-first-pay-later, the fee (the deal's price) once the outcome is achieved,
 * and nothing before or otherwise.
 */
export function amountDue(deal: DealAmounts): number {
  if (deal.mode === 'use_first_pay_later') return deal.outcome === 'achieved' ? deal.price : 0;
  return Math.max(0, deal.price - deal.depositApplied);
}

/** How the two parties' statements settle the outcome, if they do. */
export type Statements =
  { kind: 'waiting' } | { kind: 'agreed'; outcome: UfplOutcome } | { kind: 'disputed' };

export function settle(
  buyer: { outcome: UfplOutcome | null; agrees: boolean | null },
  seller: { outcome: UfplOutcome | null; agrees: boolean | null },
): Statements {
  if (buyer.agrees === false || seller.agrees === false) return { kind: 'disputed' };
  if (buyer.outcome === null || seller.outcome === null) return { kind: 'waiting' };
  return buyer.outcome === seller.outcome
    ? { kind: 'agreed', outcome: buyer.outcome }
    : { kind: 'disputed' };
}
