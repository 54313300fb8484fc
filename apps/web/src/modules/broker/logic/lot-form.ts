import { MAX_FEN, type LotBody, type TransactionMode } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { invalidField } from '../../../lib/errors';
import { parseYuan } from '../../../lib/money';
import type { Conversion } from './session-form';

/** What the lot form holds: the picked result, money in yuan as typed, times as dates. */
export interface LotFormValues {
  resultId: string | undefined;
  mode: TransactionMode | undefined;
  /** Yuan. */
  startingPrice: string;
  /** Yuan; empty means no reserve. */
  reservePrice: string;
  opensAt: Date | null;
  closesAt: Date | null;
}

/** A lot may be scheduled up to a year ahead and run for at most 30 days (the api's limits). */
export const MAX_LEAD_MS = 366 * 24 * 3600 * 1000;
export const MAX_RUN_MS = 30 * 24 * 3600 * 1000;

/** The times a new lot starts with: opening in a minute, closing an hour after that. */
export function defaultLotTimes(now: Date): { opensAt: Date; closesAt: Date } {
  const opensAt = new Date(now.getTime() + 60_000);
  return { opensAt, closesAt: new Date(opensAt.getTime() + 3600_000) };
}

function price(text: string, least: number): { fen: number } | { error: string } {
  if (text.trim() === '') return { error: 'required' };
  const fen = parseYuan(text);
  if (fen === null) return { error: 'amount' };
  if (fen < least) return { error: 'positive' };
  if (fen > MAX_FEN) return { error: 'tooLarge' };
  return { fen };
}

/**
 * The form as `POST /sessions/:id/lots` takes it, checked by the api's rules first: a result, one
 * of its transaction modes, a starting price above 0, a reserve (if any) not below it, and times
 * that open before they close, close in the future, open within a year and run at most 30 days.
 */
export function toLotBody(
  values: LotFormValues,
  context: { now: Date; modes: readonly TransactionMode[] },
): Conversion<LotBody> {
  const errors: Record<string, string> = {};
  if (values.resultId === undefined || values.resultId === '') errors['resultId'] = 'pickResult';
  if (values.mode === undefined) errors['mode'] = 'required';
  else if (context.modes.length > 0 && !context.modes.includes(values.mode))
    errors['mode'] = 'modeNotOffered';

  const starting = price(values.startingPrice, 1);
  if ('error' in starting) errors['startingPrice'] = starting.error;
  const reserve = values.reservePrice.trim() === '' ? null : price(values.reservePrice, 1);
  if (reserve !== null && 'error' in reserve) errors['reservePrice'] = reserve.error;
  else if (reserve !== null && 'fen' in starting && reserve.fen < starting.fen)
    errors['reservePrice'] = 'reserveBelowStart';

  const { opensAt, closesAt } = values;
  const now = context.now.getTime();
  if (opensAt === null || Number.isNaN(opensAt.getTime())) errors['opensAt'] = 'required';
  else if (opensAt.getTime() - now > MAX_LEAD_MS) errors['opensAt'] = 'withinYear';
  if (closesAt === null || Number.isNaN(closesAt.getTime())) errors['closesAt'] = 'required';
  else if (closesAt.getTime() <= now) errors['closesAt'] = 'inFuture';
  else if (opensAt !== null && closesAt <= opensAt) errors['closesAt'] = 'afterOpens';
  else if (opensAt !== null && closesAt.getTime() - opensAt.getTime() > MAX_RUN_MS)
    errors['closesAt'] = 'maxRun';

  if (
    Object.keys(errors).length > 0 ||
    values.resultId === undefined ||
    values.mode === undefined ||
    'error' in starting ||
    opensAt === null ||
    closesAt === null
  )
    return { ok: false, errors };
  const body: LotBody = {
    resultId: values.resultId,
    mode: values.mode,
    startingPrice: starting.fen,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  };
  if (reserve !== null && 'fen' in reserve) body.reservePrice = reserve.fen;
  return { ok: true, body };
}

const LOT_API_MESSAGES: Array<[RegExp, string, string]> = [
  [/closesAt must come after opensAt/, 'closesAt', 'afterOpens'],
  [/closesAt must be in the future/, 'closesAt', 'inFuture'],
  [/opensAt must be within a year/, 'opensAt', 'withinYear'],
  [/at most 30 days/, 'closesAt', 'maxRun'],
  [/reservePrice must be at least/, 'reservePrice', 'reserveBelowStart'],
  [/is offered as/, 'mode', 'modeNotOffered'],
];

const LOT_API_FIELDS = ['resultId', 'mode', 'startingPrice', 'reservePrice', 'opensAt', 'closesAt'];

/**
 * Which field of the lot form an api refusal is about, and why (a key under
 * `broker.lotForm.errors`), or null when it is about the form as a whole.
 */
export function lotApiError(error: unknown): { field: string; reason: string } | null {
  if (!(error instanceof ApiError)) return null;
  const code = error.body?.code;
  if (code === 'CONFLICT') return { field: 'resultId', reason: 'alreadyInAuction' };
  if (code === 'NOT_FOUND' && /result/i.test(error.body?.message ?? ''))
    return { field: 'resultId', reason: 'notPublished' };
  if (code !== 'INVALID_INPUT' || error.body === null) return null;
  for (const [pattern, field, reason] of LOT_API_MESSAGES)
    if (pattern.test(error.body.message)) return { field, reason };
  const named = invalidField(error);
  return named !== null && LOT_API_FIELDS.includes(named)
    ? { field: named, reason: 'invalid' }
    : null;
}
