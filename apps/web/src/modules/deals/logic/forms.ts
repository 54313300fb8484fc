import {
  MAX_FEN,
  UFPL_OUTCOMES,
  type DealRequestBody,
  type ResultView,
  type TransactionMode,
  type UfplOutcome,
  type UfplTerms,
} from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { parseYuan } from '../../../lib/money';

/** A form turned into a request body, or the reasons (translation keys) per field. */
export type Conversion<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

/** Limits the api's DTOs set (libs/api/deals dto/deals.dto.ts). */
export const LIMITS = {
  termMonths: { min: 1, max: 120 },
  criteria: { min: 1, max: 10, length: { min: 2, max: 200 } },
  paymentWindowDays: { min: 1, max: 365 },
  declineReason: 500,
  note: 2000,
  evidence: 2000,
  decisionReason: { min: 2, max: 2000 },
  reference: 100,
} as const;

/** Line breaks and tabs are text; any other control character is not. */
const MULTILINE_CONTROL = /[^\P{Cc}\n\r\t]/u;

/** One value checked: the value, or the reason (a translation key) it is not valid. */
type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Yuan typed by a person as fen within the api's bounds, or the reason it is not. */
function amount(text: string): Checked<number> {
  if (text.trim() === '') return { ok: false, error: 'required' };
  const fen = parseYuan(text);
  if (fen === null) return { ok: false, error: 'amount' };
  if (fen < 1) return { ok: false, error: 'positive' };
  if (fen > MAX_FEN) return { ok: false, error: 'tooLarge' };
  return { ok: true, value: fen };
}

/** A whole number typed or picked, within bounds, or the reason it is not. */
function whole(
  value: string | number | null | undefined,
  min: number,
  max: number,
): Checked<number> {
  const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
  if (text === '') return { ok: false, error: 'required' };
  if (!/^\d+$/.test(text)) return { ok: false, error: 'whole' };
  const number = Number(text);
  if (number < min || number > max) return { ok: false, error: 'range' };
  return { ok: true, value: number };
}

/** Text of `min`–`max` characters once trimmed, without control characters but line breaks. */
function text(value: string | undefined, min: number, max: number): Checked<string> {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < min) return { ok: false, error: min <= 1 ? 'required' : 'tooShort' };
  if (trimmed.length > max) return { ok: false, error: 'tooLong' };
  if (MULTILINE_CONTROL.test(trimmed)) return { ok: false, error: 'control' };
  return { ok: true, value: trimmed };
}

// ---- direct request (POST /deals) ------------------------------------------------------------

export type RequestTerms = 'listed' | 'proposed';

/** The request form as typed: money in yuan, the criteria one per line. */
export interface RequestFormValues {
  mode: TransactionMode | undefined;
  terms: RequestTerms;
  /** Yuan: the price proposed (any mode but use-first-pay-later). */
  price: string;
  termMonths: string | number | null;
  /** One criterion per line. */
  criteria: string;
  /** Yuan: the use-first-pay-later fee proposed. */
  fee: string;
  paymentWindowDays: string | number | null;
  brokerId: string | undefined;
}

export type RequestResult = Pick<
  ResultView,
  'id' | 'transactionModes' | 'askingPrice' | 'ufplTerms'
>;

/** The form's first values for a result: its first mode, at the listed terms where it has them. */
export function initialRequestValues(result: RequestResult): RequestFormValues {
  const mode = result.transactionModes[0];
  const terms = result.ufplTerms;
  return {
    mode,
    terms: listedTermsOf(result, mode) === null ? 'proposed' : 'listed',
    price: '',
    termMonths: terms?.termMonths ?? 12,
    criteria: terms?.criteria.join('\n') ?? '',
    fee: '',
    paymentWindowDays: terms?.paymentWindowDays ?? 30,
    brokerId: undefined,
  };
}

/**
 * What the listing offers for a mode: the asking price, or the use-first-pay-later terms; null
 * when there is nothing to accept as listed (a negotiable 面议 result, or no terms), so a proposal
 * is needed.
 */
export function listedTermsOf(
  result: RequestResult,
  mode: TransactionMode | undefined,
): { price: number } | { ufplTerms: UfplTerms } | null {
  if (mode === undefined) return null;
  if (mode === 'use_first_pay_later')
    return result.ufplTerms ? { ufplTerms: result.ufplTerms } : null;
  return result.askingPrice !== null && result.askingPrice !== undefined
    ? { price: result.askingPrice }
    : null;
}

/** The criteria typed one per line, blank lines left out. */
export function criteriaLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The request form as `POST /deals` takes it, by the api's rules: a mode the result offers; at
 * the listed terms (which a negotiable result or one without terms does not have), or with a
 * proposed price — or, for use-first-pay-later, whole proposed terms (1–120 months, 1–10 criteria
 * of 2–200 characters, a fee, a payment window of 1–365 days); a broker if chosen.
 */
export function toRequestBody(
  values: RequestFormValues,
  result: RequestResult,
): Conversion<DealRequestBody> {
  const errors: Record<string, string> = {};
  const mode = values.mode;
  if (mode === undefined || !result.transactionModes.includes(mode)) {
    errors['mode'] = 'mode';
    return { ok: false, errors };
  }
  const listed = listedTermsOf(result, mode);
  const brokerId =
    values.brokerId !== undefined && values.brokerId !== '' ? { brokerId: values.brokerId } : {};
  if (values.terms === 'listed') {
    if (listed === null) {
      errors[mode === 'use_first_pay_later' ? 'terms' : 'price'] =
        mode === 'use_first_pay_later' ? 'noListedTerms' : 'negotiable';
      return { ok: false, errors };
    }
    return { ok: true, body: { resultId: result.id, mode, ...brokerId } };
  }
  if (mode !== 'use_first_pay_later') {
    const price = amount(values.price);
    if (!price.ok) return { ok: false, errors: { price: price.error } };
    return {
      ok: true,
      body: { resultId: result.id, mode, ...brokerId, proposal: { price: price.value } },
    };
  }
  const termMonths = whole(values.termMonths, LIMITS.termMonths.min, LIMITS.termMonths.max);
  if (!termMonths.ok) errors['termMonths'] = termMonths.error;
  const criteria = criteriaLines(values.criteria);
  if (criteria.length < LIMITS.criteria.min) errors['criteria'] = 'required';
  else if (criteria.length > LIMITS.criteria.max) errors['criteria'] = 'tooMany';
  else if (
    criteria.some(
      (line) =>
        line.length < LIMITS.criteria.length.min || line.length > LIMITS.criteria.length.max,
    )
  )
    errors['criteria'] = 'criterionLength';
  const fee = amount(values.fee);
  if (!fee.ok) errors['fee'] = fee.error;
  const window = whole(
    values.paymentWindowDays,
    LIMITS.paymentWindowDays.min,
    LIMITS.paymentWindowDays.max,
  );
  if (!window.ok) errors['paymentWindowDays'] = window.error;
  if (Object.keys(errors).length > 0 || !termMonths.ok || !fee.ok || !window.ok)
    return { ok: false, errors };
  return {
    ok: true,
    body: {
      resultId: result.id,
      mode,
      ...brokerId,
      proposal: {
        ufplTerms: {
          termMonths: termMonths.value,
          criteria,
          fee: fee.value,
          paymentWindowDays: window.value,
        },
      },
    },
  };
}

const REQUEST_FIELDS = [
  'mode',
  'price',
  'termMonths',
  'criteria',
  'fee',
  'paymentWindowDays',
  'brokerId',
] as const;

/**
 * The last part of the path an INVALID_INPUT refusal names first ("proposal.price: …",
 * "proposal.ufplTerms.fee must not be …", "reason must be plain text"), or null.
 */
export function apiPath(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.body?.code !== 'INVALID_INPUT') return null;
  const match = /^([a-zA-Z][a-zA-Z.[\]0-9]*)[:\s]/.exec(error.body.message);
  if (match === null) return null;
  const parts = match[1].split(/[.[\]]/).filter((part) => part !== '' && !/^\d+$/.test(part));
  return parts[parts.length - 1] ?? null;
}

/** The form field an INVALID_INPUT refusal names, when it is one of `fields`. */
export function apiField(error: unknown, fields: readonly string[]): string | null {
  const path = apiPath(error);
  return path !== null && fields.includes(path) ? path : null;
}

/** The request form's field a refusal of `POST /deals` names (whole terms: the criteria). */
export function requestApiField(error: unknown): string | null {
  if (apiPath(error) === 'ufplTerms') return 'criteria';
  return apiField(error, REQUEST_FIELDS);
}

// ---- actions on a deal -----------------------------------------------------------------------

/** `POST /deals/:id/decline`: an optional reason (at most 500 characters). */
export function toDeclineBody(values: { reason?: string }): Conversion<{ reason?: string }> {
  if ((values.reason ?? '').trim() === '') return { ok: true, body: {} };
  const reason = text(values.reason, 1, LIMITS.declineReason);
  if (!reason.ok) return { ok: false, errors: { reason: reason.error } };
  return { ok: true, body: { reason: reason.value } };
}

/** `POST /deals/:id/notes`: 1–2000 characters. */
export function toNoteBody(values: { note?: string }): Conversion<{ note: string }> {
  const note = text(values.note, 1, LIMITS.note);
  if (!note.ok) return { ok: false, errors: { note: note.error } };
  return { ok: true, body: { note: note.value } };
}

/** `POST /deals/:id/evidence`: a criterion of the deal's terms and 1–2000 characters. */
export function toEvidenceBody(
  values: { criterionIndex?: number | null; text?: string },
  criteriaCount: number,
): Conversion<{ criterionIndex: number; text: string }> {
  const errors: Record<string, string> = {};
  const index = values.criterionIndex;
  const validIndex =
    typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < criteriaCount;
  if (!validIndex) errors['criterionIndex'] = 'criterion';
  const evidence = text(values.text, 1, LIMITS.evidence);
  if (!evidence.ok) errors['text'] = evidence.error;
  if (!validIndex || !evidence.ok) return { ok: false, errors };
  return { ok: true, body: { criterionIndex: index, text: evidence.value } };
}

function isOutcome(value: unknown): value is UfplOutcome {
  return typeof value === 'string' && (UFPL_OUTCOMES as readonly string[]).includes(value);
}

/**
 * `POST /deals/:id/outcome`: the outcome as the party sees it; `dispute` sends `agree: false`,
 * which hands the outcome to the broker (or an admin). A note is optional.
 */
export function toOutcomeBody(values: {
  outcome?: UfplOutcome | null;
  dispute?: boolean;
  note?: string;
}): Conversion<{ outcome: UfplOutcome; agree: boolean; note?: string }> {
  const errors: Record<string, string> = {};
  if (!isOutcome(values.outcome)) errors['outcome'] = 'outcome';
  let note: string | undefined;
  if ((values.note ?? '').trim() !== '') {
    const checked = text(values.note, 1, LIMITS.note);
    if (!checked.ok) errors['note'] = checked.error;
    else note = checked.value;
  }
  if (!isOutcome(values.outcome) || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      outcome: values.outcome,
      agree: values.dispute !== true,
      ...(note === undefined ? {} : { note }),
    },
  };
}

/** `POST /deals/:id/decision`: the outcome decided, with a reason of 2–2000 characters. */
export function toDecisionBody(values: {
  outcome?: UfplOutcome | null;
  reason?: string;
}): Conversion<{ outcome: UfplOutcome; reason: string }> {
  const errors: Record<string, string> = {};
  if (!isOutcome(values.outcome)) errors['outcome'] = 'outcome';
  const reason = text(values.reason, LIMITS.decisionReason.min, LIMITS.decisionReason.max);
  if (!reason.ok) errors['reason'] = reason.error;
  if (!isOutcome(values.outcome) || !reason.ok) return { ok: false, errors };
  return { ok: true, body: { outcome: values.outcome, reason: reason.value } };
}

/**
 * `POST /deals/:id/payments`: an amount in yuan (to fen) of at most what is outstanding, and the
 * bank transfer's reference (1–100 characters).
 */
export function toPaymentBody(
  values: { amount?: string; reference?: string },
  outstandingFen: number,
): Conversion<{ amount: number; reference: string }> {
  const errors: Record<string, string> = {};
  const paid = amount(values.amount ?? '');
  if (!paid.ok) errors['amount'] = paid.error;
  else if (paid.value > outstandingFen) errors['amount'] = 'overOutstanding';
  const reference = text(values.reference, 1, LIMITS.reference);
  if (!reference.ok) errors['reference'] = reference.error;
  else if (/[\r\n\t]/.test(reference.value)) errors['reference'] = 'control';
  if (!paid.ok || !reference.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { amount: paid.value, reference: reference.value } };
}
