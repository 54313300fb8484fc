import type { DealEventView, DealView } from '@kepai/contracts';
import type { TFunction } from 'i18next';
import { formatFen } from '../../../lib/money';
import { formatDateTime } from './format';

/** One line of a deal's history in plain words. */
export interface HistoryLine {
  id: string;
  at: string;
  /** Who did it: an organisation's name, or Kepai itself (the close of a lot, a sweep). */
  who: string;
  /** What happened. */
  what: string;
  /** The status change it made, when it made one. */
  change: { from: string; to: string } | null;
  /** Figures and names from the payload, each a short sentence. */
  details: string[];
  /** A note, a reason, an evidence text, as written. */
  note: string | null;
  /** A status-changing line, a note, or a money line: for the dot's colour. */
  tone: 'status' | 'note' | 'money' | 'problem';
}

type Payload = NonNullable<DealEventView['payload']>;

function num(payload: Payload, key: string): number | null {
  const value = payload[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(payload: Payload, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

const PROBLEMS = new Set(['disputed', 'overdue', 'defaulted', 'declined']);
const MONEY = new Set(['payment', 'completed']);

/**
 * A history event as a person reads it: the action, who did it, the status change, and the
 * payload's figures (money in ¥ with 万 in Chinese, times in the reader's zone).
 */
export function historyLine(
  event: DealEventView,
  deal: Pick<DealView, 'ufpl'>,
  t: TFunction,
  language: string,
): HistoryLine {
  const payload: Payload = event.payload ?? {};
  const money = (key: string) => {
    const value = num(payload, key);
    return value === null ? null : formatFen(value, language);
  };
  const time = (key: string) => {
    const value = str(payload, key);
    return value === null ? null : formatDateTime(value, language);
  };
  const details: string[] = [];
  const add = (key: string, values: Record<string, string | number>) =>
    details.push(t(`deals.history.detail.${key}`, values));

  switch (event.action) {
    case 'created':
    case 'requested': {
      const price = money('price');
      if (price !== null) add('price', { price });
      const deposit = num(payload, 'depositApplied');
      if (deposit !== null && deposit > 0)
        add('depositApplied', { amount: formatFen(deposit, language) });
      if (payload['proposed'] === true) add('proposed', {});
      if (payload['proposed'] === false) add('listed', {});
      break;
    }
    case 'use_started': {
      const ends = time('termEndsAt');
      if (ends !== null) add('termEndsAt', { date: ends });
      break;
    }
    case 'evidence': {
      const index = num(payload, 'criterionIndex');
      if (index !== null)
        add('criterion', {
          number: index + 1,
          criterion: deal.ufpl?.criteria[index] ?? '',
        });
      break;
    }
    case 'outcome_stated': {
      const side = str(payload, 'side');
      const outcome = str(payload, 'outcome');
      if (side !== null && outcome !== null)
        add(payload['agree'] === false ? 'statedDispute' : 'stated', {
          side: t(`deals.side.${side}`),
          outcome: t(`deals.outcome.${outcome}`),
        });
      break;
    }
    case 'disputed': {
      const buyer = str(payload, 'buyer');
      const seller = str(payload, 'seller');
      if (buyer !== null) add('buyerSaid', { outcome: t(`deals.outcome.${buyer}`) });
      if (seller !== null) add('sellerSaid', { outcome: t(`deals.outcome.${seller}`) });
      break;
    }
    case 'outcome_decided': {
      const outcome = str(payload, 'outcome');
      const by = str(payload, 'decidedBy');
      if (outcome !== null) add('outcome', { outcome: t(`deals.outcome.${outcome}`) });
      if (by !== null) add('decidedBy', { by: t(`deals.decidedBy.${by}`) });
      break;
    }
    case 'payment': {
      const amount = money('amount');
      const reference = str(payload, 'reference');
      const paid = money('paidAmount');
      if (amount !== null) add('paymentAmount', { amount });
      if (reference !== null) add('reference', { reference });
      if (paid !== null) add('paidSoFar', { amount: paid });
      break;
    }
    case 'overdue':
    case 'defaulted': {
      const outstanding = money('outstanding');
      const forfeited = num(payload, 'depositForfeited');
      if (outstanding !== null) add('outstanding', { amount: outstanding });
      if (forfeited !== null && forfeited > 0)
        add('forfeited', { amount: formatFen(forfeited, language) });
      break;
    }
    default:
      break;
  }
  // the due date a change set, whatever the action (created, accepted, outcome_decided, overdue)
  const due = time('dueAt');
  if (due !== null) add('dueAt', { date: due });

  const changed =
    event.fromStatus !== null && event.toStatus !== null && event.fromStatus !== event.toStatus;
  return {
    id: event.id,
    at: event.at,
    who:
      event.actor.name ??
      (event.actor.userId === null ? t('deals.history.kepai') : t('deals.history.someone')),
    what: t(`deals.history.action.${event.action}`, { defaultValue: event.action }),
    change:
      changed && event.fromStatus !== null && event.toStatus !== null
        ? { from: t(`deals.status.${event.fromStatus}`), to: t(`deals.status.${event.toStatus}`) }
        : null,
    details,
    note: event.note,
    tone: PROBLEMS.has(event.action)
      ? 'problem'
      : MONEY.has(event.action)
        ? 'money'
        : changed || event.fromStatus === null
          ? 'status'
          : 'note',
  };
}
