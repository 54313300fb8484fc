import {
  MAX_FEN,
  type IncrementLadder,
  type SessionBody,
  type SessionFormat,
} from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { invalidField } from '../../../lib/errors';
import { parseYuan } from '../../../lib/money';

/**
 * `POST /sessions` takes `liveCountdownSeconds` beside the contract's SessionBody (the DTO has it;
 * the shared shape does not list it yet).
 */
export type SessionCreateBody = SessionBody & { liveCountdownSeconds?: number };

/** One row of the increment ladder as typed: from which price (yuan) which step (yuan). */
export interface LadderRowInput {
  from: string;
  step: string;
}

/** What the session form holds: text and numbers as typed, money in yuan. */
export interface SessionFormValues {
  title: string;
  format: SessionFormat;
  /** Yuan. */
  deposit: string;
  softCloseSeconds: number | null;
  liveCountdownSeconds: number | null;
  ladder: LadderRowInput[];
  startsAt: Date | null;
}

/**
 * A body for the api, or why fields were refused: each a dotted path into the form's values
 * (`ladder.2.step`; `ladder` alone is the ladder as a whole) with a key under `…Form.errors`.
 */
export type Conversion<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

export const TITLE_MIN = 4;
export const TITLE_MAX = 200;
export const SOFT_CLOSE_MAX = 3600;
export const LIVE_COUNTDOWN_MIN = 5;
export const LIVE_COUNTDOWN_MAX = 600;
export const LADDER_MAX_ROWS = 20;

/** The demo sessions' ladder, in yuan: ¥5,000 steps to ¥100,000, then larger. */
export const DEFAULT_LADDER: LadderRowInput[] = [
  { from: '0', step: '5000' },
  { from: '100000', step: '10000' },
  { from: '500000', step: '20000' },
  { from: '1000000', step: '50000' },
];

export function defaultSessionValues(): SessionFormValues {
  return {
    title: '',
    format: 'timed',
    deposit: '',
    softCloseSeconds: 300,
    liveCountdownSeconds: 30,
    ladder: DEFAULT_LADDER.map((row) => ({ ...row })),
    startsAt: null,
  };
}

/** The api refuses control characters in a title. */
const CONTROL = /\p{Cc}/u;

function amount(text: string): { fen: number } | { error: string } {
  if (text.trim() === '') return { error: 'required' };
  const fen = parseYuan(text);
  if (fen === null) return { error: 'amount' };
  if (fen > MAX_FEN) return { error: 'tooLarge' };
  return { fen };
}

function wholeBetween(value: number | null, min: number, max: number): boolean {
  return value !== null && Number.isInteger(value) && value >= min && value <= max;
}

/** The ladder in fen, or why its rows are refused (the api's rules: first from 0, ascending, steps above 0). */
export function ladderFromInput(rows: readonly LadderRowInput[]): Conversion<IncrementLadder> {
  const errors: Record<string, string> = {};
  if (rows.length === 0) return { ok: false, errors: { ladder: 'ladderEmpty' } };
  if (rows.length > LADDER_MAX_ROWS) errors['ladder'] = 'ladderRows';
  const ladder: IncrementLadder = [];
  let previous = -1;
  rows.forEach((row, index) => {
    const from = amount(row.from);
    const step = amount(row.step);
    if ('error' in from) errors[`ladder.${index}.from`] = from.error;
    else if (index === 0 && from.fen !== 0) errors[`ladder.${index}.from`] = 'firstFromZero';
    else if (index > 0 && from.fen <= previous) errors[`ladder.${index}.from`] = 'ladderAscending';
    if ('error' in step) errors[`ladder.${index}.step`] = step.error;
    else if (step.fen <= 0) errors[`ladder.${index}.step`] = 'stepPositive';
    if ('fen' in from && 'fen' in step) ladder.push([from.fen, step.fen]);
    if ('fen' in from && from.fen > previous) previous = from.fen;
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: ladder };
}

/**
 * The form as `POST /sessions` takes it, checked by the api's rules first (title 4–200 characters
 * without control characters, deposit an amount, soft close 0–3600 s, live countdown 5–600 s, a
 * valid ladder), so a person sees every problem at once and in plain words.
 */
export function toSessionBody(values: SessionFormValues): Conversion<SessionCreateBody> {
  const errors: Record<string, string> = {};
  const title = values.title.trim();
  if (title.length < TITLE_MIN || title.length > TITLE_MAX) errors['title'] = 'titleLength';
  else if (CONTROL.test(title)) errors['title'] = 'control';

  const deposit = values.deposit.trim() === '' ? { fen: 0 } : amount(values.deposit);
  if ('error' in deposit) errors['deposit'] = deposit.error;

  if (!wholeBetween(values.softCloseSeconds, 0, SOFT_CLOSE_MAX))
    errors['softCloseSeconds'] = 'softClose';
  if (
    values.format === 'live' &&
    !wholeBetween(values.liveCountdownSeconds, LIVE_COUNTDOWN_MIN, LIVE_COUNTDOWN_MAX)
  )
    errors['liveCountdownSeconds'] = 'liveCountdown';

  const ladder = ladderFromInput(values.ladder);
  if (!ladder.ok) Object.assign(errors, ladder.errors);

  if (values.startsAt !== null && Number.isNaN(values.startsAt.getTime()))
    errors['startsAt'] = 'date';

  if (Object.keys(errors).length > 0 || !ladder.ok || 'error' in deposit)
    return { ok: false, errors };
  const body: SessionCreateBody = {
    title,
    format: values.format,
    depositAmount: deposit.fen,
    softCloseSeconds: values.softCloseSeconds ?? 0,
    increments: ladder.body,
  };
  if (values.format === 'live' && values.liveCountdownSeconds !== null)
    body.liveCountdownSeconds = values.liveCountdownSeconds;
  if (values.startsAt !== null) body.startsAt = values.startsAt.toISOString();
  return { ok: true, body };
}

const SESSION_API_FIELDS: Record<string, string> = {
  title: 'title',
  format: 'format',
  depositAmount: 'deposit',
  softCloseSeconds: 'softCloseSeconds',
  liveCountdownSeconds: 'liveCountdownSeconds',
  startsAt: 'startsAt',
  increments: 'ladder',
};

const SESSION_API_MESSAGES: Array<[RegExp, string, string]> = [
  [/first row must start from 0/, 'ladder', 'firstFromZero'],
  [/must start above the row before/, 'ladder', 'ladderAscending'],
  [/step above 0/, 'ladder', 'stepPositive'],
  [/increment rows must be at most/, 'ladder', 'tooLarge'],
  [/ladder|^row \d+/, 'ladder', 'ladderInvalid'],
];

/**
 * Which field of the session form an api refusal is about, and why (a key under
 * `broker.sessionForm.errors`), or null when it is about the form as a whole.
 */
export function sessionApiError(error: unknown): { field: string; reason: string } | null {
  if (!(error instanceof ApiError) || error.body?.code !== 'INVALID_INPUT') return null;
  for (const [pattern, field, reason] of SESSION_API_MESSAGES)
    if (pattern.test(error.body.message)) return { field, reason };
  const named = invalidField(error);
  const field = named === null ? undefined : SESSION_API_FIELDS[named];
  return field === undefined ? null : { field, reason: `api.${field}` };
}
