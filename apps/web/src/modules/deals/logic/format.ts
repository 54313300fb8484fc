import type { DealStatus } from '@kepai/contracts';
import { formatDate as day, formatDateTime as moment, orDash } from '../../../lib/dates';

/** A moment to the minute in the reader's time zone: "2026年11月22日 17:59" / "22 Nov 2026, 17:59". */
export const formatDateTime = orDash(moment);

/** A day: "2026年11月22日" / "22 Nov 2026". */
export const formatDate = orDash(day);

/** The colour of a status tag: blue waiting, gold money or a statement due, red trouble. */
export const STATUS_COLOUR: Record<DealStatus, string> = {
  requested: 'blue',
  declined: 'default',
  awaiting_payment: 'gold',
  signed: 'green',
  in_use: 'cyan',
  outcome_pending: 'gold',
  disputed: 'red',
  fee_due: 'gold',
  overdue: 'red',
  completed: 'green',
  closed_not_achieved: 'default',
  defaulted: 'red',
};
