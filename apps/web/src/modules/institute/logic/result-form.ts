import {
  MAX_FEN,
  type Field,
  type Maturity,
  type PatentStatus,
  type ResultBody,
  type ResultView,
  type TransactionMode,
  type UfplTerms,
} from '@kepai/contracts';
import { fenToYuanInput, parseYuan } from '../../../lib/money';

/**
 * The result form as a person fills it: money in yuan text, lists as tags, the
 * use-first-pay-later terms flat beside the rest. `toResultBody` turns it into the wire body.
 */
export interface ResultFormValues {
  title: string;
  summary: string;
  description: string;
  field: Field | undefined;
  keywords: string[];
  patentNumbers: string[];
  patentStatus: PatentStatus | undefined;
  ipcClass: string;
  maturity: Maturity | undefined;
  transactionModes: TransactionMode[];
  /** 面议: no asking price. */
  negotiable: boolean;
  /** Yuan, as typed. */
  askingPrice: string;
  region: string;
  team: string[];
  ufplTermMonths: number | null;
  ufplCriteria: string[];
  /** Yuan, as typed. */
  ufplFee: string;
  ufplPaymentWindowDays: number | null;
}

export type ResultFormField = keyof ResultFormValues;

/** The api's limits (CreateResultDto, UfplTermsDto), mirrored so the form refuses first. */
export const LIMITS = {
  title: { min: 4, max: 200 },
  summary: { min: 10, max: 500 },
  description: { min: 20, max: 20_000 },
  keywords: { count: 12, max: 40 },
  patentNumbers: { count: 20 },
  region: { min: 2, max: 64 },
  team: { count: 30, max: 60 },
  ufplTermMonths: { min: 1, max: 120 },
  ufplCriteria: { min: 1, count: 10, itemMin: 2, itemMax: 200 },
  ufplPaymentWindowDays: { min: 1, max: 365 },
} as const;

/** The payment window after the term when the institute gives none (DESIGN §2). */
export const DEFAULT_PAYMENT_WINDOW_DAYS = 30;

const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\r\n\t]/u;
/** Chinese patent numbers, as the api checks them: ZL202110345678.9, CN112345678A. */
export const PATENT_NUMBER = /^(ZL|CN)?\d{12}\.[\dX]$|^CN\d{9}[A-Z]$/;
/** IPC symbols, as the api checks them: H01M, H01M 4/583. */
export const IPC_CLASS = /^[A-H]\d{2}[A-Z]( ?\d{1,4}\/\d{1,6})?$/;

export function emptyResultForm(): ResultFormValues {
  return {
    title: '',
    summary: '',
    description: '',
    field: undefined,
    keywords: [],
    patentNumbers: [],
    patentStatus: undefined,
    ipcClass: '',
    maturity: undefined,
    transactionModes: [],
    negotiable: false,
    askingPrice: '',
    region: '',
    team: [],
    ufplTermMonths: null,
    ufplCriteria: [],
    ufplFee: '',
    ufplPaymentWindowDays: DEFAULT_PAYMENT_WINDOW_DAYS,
  };
}

/** A saved result back into the form, for editing. */
export function resultToForm(result: ResultView): ResultFormValues {
  return {
    title: result.title,
    summary: result.summary,
    description: result.description,
    field: result.field,
    keywords: [...result.keywords],
    patentNumbers: [...result.patentNumbers],
    patentStatus: result.patentStatus,
    ipcClass: result.ipcClass ?? '',
    maturity: result.maturity,
    transactionModes: [...result.transactionModes],
    negotiable: result.askingPrice === undefined || result.askingPrice === null,
    askingPrice:
      result.askingPrice === undefined || result.askingPrice === null
        ? ''
        : fenToYuanInput(result.askingPrice),
    region: result.region,
    team: [...(result.team ?? [])],
    ufplTermMonths: result.ufplTerms?.termMonths ?? null,
    ufplCriteria: [...(result.ufplTerms?.criteria ?? [])],
    ufplFee: result.ufplTerms ? fenToYuanInput(result.ufplTerms.fee) : '',
    ufplPaymentWindowDays: result.ufplTerms?.paymentWindowDays ?? DEFAULT_PAYMENT_WINDOW_DAYS,
  };
}

/** Trimmed, without empty entries or repeats, in the order given. */
export function cleanList(items: readonly string[], normalise = (item: string) => item): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of items) {
    const item = normalise(raw.trim());
    if (item === '' || seen.has(item)) continue;
    seen.add(item);
    out.push(item);
  }
  return out;
}

/** Patent numbers as people type them ("zl 2021 1034 5678.9") in the api's form. */
export function normalisePatentNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** IPC symbols as people type them ("h01m  4/583") in the api's form ("H01M 4/583"). */
export function normaliseIpcClass(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, ' ');
}

export function offersUfpl(values: Pick<ResultFormValues, 'transactionModes'>): boolean {
  return values.transactionModes.includes('use_first_pay_later');
}

/** The terms as the wire carries them, or undefined when the form does not hold valid ones. */
function ufplTerms(values: ResultFormValues): UfplTerms | undefined {
  const fee = parseYuan(values.ufplFee);
  if (values.ufplTermMonths === null || fee === null) return undefined;
  return {
    termMonths: values.ufplTermMonths,
    criteria: cleanList(values.ufplCriteria),
    fee,
    paymentWindowDays: values.ufplPaymentWindowDays ?? DEFAULT_PAYMENT_WINDOW_DAYS,
  };
}

/**
 * The create / update body from valid form values: texts trimmed, yuan in integer fen, lists
 * cleaned, empty optional fields left out (an absent asking price is 面议), and the
 * use-first-pay-later terms only when that mode is offered.
 */
export function toResultBody(values: ResultFormValues): ResultBody {
  if (values.field === undefined || values.maturity === undefined)
    throw new Error('field and maturity are required');
  const body: ResultBody = {
    title: values.title.trim(),
    summary: values.summary.trim(),
    description: values.description.trim(),
    field: values.field,
    keywords: cleanList(values.keywords),
    patentNumbers: cleanList(values.patentNumbers, normalisePatentNumber),
    maturity: values.maturity,
    transactionModes: [...new Set(values.transactionModes)],
    region: values.region.trim(),
  };
  if (values.patentStatus !== undefined) body.patentStatus = values.patentStatus;
  const ipc = normaliseIpcClass(values.ipcClass);
  if (ipc !== '') body.ipcClass = ipc;
  if (!values.negotiable) {
    const price = parseYuan(values.askingPrice);
    if (price !== null && price > 0) body.askingPrice = price;
  }
  const team = cleanList(values.team);
  if (team.length > 0) body.team = team;
  if (offersUfpl(values)) {
    const terms = ufplTerms(values);
    if (terms !== undefined) body.ufplTerms = terms;
  }
  return body;
}

/**
 * The PATCH body: the whole body, with `team: []` to clear the team and `ufplTerms: null` to
 * drop terms no longer offered (the api reads an absent field as "unchanged").
 */
export function toUpdateBody(
  values: ResultFormValues,
): Omit<ResultBody, 'ufplTerms'> & { ufplTerms?: UfplTerms | null } {
  const body = toResultBody(values);
  return { ...body, team: body.team ?? [], ufplTerms: body.ufplTerms ?? null };
}

/** One problem with one field: a translation key under `institute.form.rules` and its values. */
export interface FieldIssue {
  rule: string;
  values?: Record<string, number | string>;
}

/** Length as the api counts it: characters, not UTF-16 units. */
function chars(text: string): number {
  return [...text].length;
}

function textIssue(
  text: string,
  limits: { min: number; max: number },
  multiline = false,
): FieldIssue | null {
  const value = text.trim();
  if (value === '') return { rule: 'required' };
  const length = chars(value);
  if (length < limits.min || length > limits.max) return { rule: 'length', values: limits };
  if ((multiline ? CONTROL_BUT_LINES : CONTROL).test(value)) return { rule: 'control' };
  return null;
}

function moneyIssue(text: string): FieldIssue | null {
  if (text.trim() === '') return { rule: 'required' };
  const fen = parseYuan(text);
  if (fen === null) return { rule: 'money' };
  if (fen < 1 || fen > MAX_FEN) return { rule: 'moneyRange', values: { max: MAX_FEN / 100 } };
  return null;
}

function wholeIssue(value: number | null, limits: { min: number; max: number }): FieldIssue | null {
  if (value === null || Number.isNaN(value)) return { rule: 'required' };
  if (!Number.isInteger(value) || value < limits.min || value > limits.max)
    return { rule: 'range', values: limits };
  return null;
}

/**
 * What is wrong with one field of the form, by the api's own rules, or null. The form runs it
 * per field; `resultFormIssues` runs it for all.
 */
export function fieldIssue(field: ResultFormField, values: ResultFormValues): FieldIssue | null {
  switch (field) {
    case 'title':
      return textIssue(values.title, LIMITS.title);
    case 'summary':
      return textIssue(values.summary, LIMITS.summary);
    case 'description':
      return textIssue(values.description, LIMITS.description, true);
    case 'region':
      return textIssue(values.region, LIMITS.region);
    case 'field':
      return values.field === undefined ? { rule: 'choose' } : null;
    case 'maturity':
      return values.maturity === undefined ? { rule: 'choose' } : null;
    case 'transactionModes':
      return values.transactionModes.length === 0 ? { rule: 'modes' } : null;
    case 'keywords': {
      const keywords = cleanList(values.keywords);
      if (keywords.length > LIMITS.keywords.count)
        return { rule: 'count', values: { max: LIMITS.keywords.count } };
      const long = keywords.find((keyword) => chars(keyword) > LIMITS.keywords.max);
      return long === undefined
        ? null
        : { rule: 'itemLength', values: { item: long, max: LIMITS.keywords.max } };
    }
    case 'patentNumbers': {
      const numbers = cleanList(values.patentNumbers, normalisePatentNumber);
      if (numbers.length > LIMITS.patentNumbers.count)
        return { rule: 'count', values: { max: LIMITS.patentNumbers.count } };
      const bad = numbers.find((number) => !PATENT_NUMBER.test(number));
      return bad === undefined ? null : { rule: 'patentNumber', values: { item: bad } };
    }
    case 'ipcClass': {
      const ipc = normaliseIpcClass(values.ipcClass);
      return ipc === '' || IPC_CLASS.test(ipc) ? null : { rule: 'ipcClass' };
    }
    case 'askingPrice':
      return values.negotiable ? null : moneyIssue(values.askingPrice);
    case 'team': {
      const team = cleanList(values.team);
      if (team.length > LIMITS.team.count)
        return { rule: 'count', values: { max: LIMITS.team.count } };
      const long = team.find((member) => chars(member) > LIMITS.team.max);
      return long === undefined
        ? null
        : { rule: 'itemLength', values: { item: long, max: LIMITS.team.max } };
    }
    case 'ufplTermMonths':
      return offersUfpl(values) ? wholeIssue(values.ufplTermMonths, LIMITS.ufplTermMonths) : null;
    case 'ufplFee':
      return offersUfpl(values) ? moneyIssue(values.ufplFee) : null;
    case 'ufplPaymentWindowDays':
      return offersUfpl(values)
        ? wholeIssue(values.ufplPaymentWindowDays, LIMITS.ufplPaymentWindowDays)
        : null;
    case 'ufplCriteria': {
      if (!offersUfpl(values)) return null;
      const criteria = cleanList(values.ufplCriteria);
      if (criteria.length < LIMITS.ufplCriteria.min) return { rule: 'criteria' };
      if (criteria.length > LIMITS.ufplCriteria.count)
        return { rule: 'count', values: { max: LIMITS.ufplCriteria.count } };
      const bad = criteria.find(
        (criterion) =>
          chars(criterion) < LIMITS.ufplCriteria.itemMin ||
          chars(criterion) > LIMITS.ufplCriteria.itemMax,
      );
      return bad === undefined
        ? null
        : {
            rule: 'itemRange',
            values: {
              item: bad,
              min: LIMITS.ufplCriteria.itemMin,
              max: LIMITS.ufplCriteria.itemMax,
            },
          };
    }
    case 'negotiable':
    case 'patentStatus':
      return null;
  }
}

export const RESULT_FORM_FIELDS: readonly ResultFormField[] = Object.keys(
  emptyResultForm(),
) as ResultFormField[];

/** Every problem of the form, by field. Empty when the body can be sent. */
export function resultFormIssues(
  values: ResultFormValues,
): Partial<Record<ResultFormField, FieldIssue>> {
  const issues: Partial<Record<ResultFormField, FieldIssue>> = {};
  for (const field of RESULT_FORM_FIELDS) {
    const issue = fieldIssue(field, values);
    if (issue !== null) issues[field] = issue;
  }
  return issues;
}

/**
 * What an update cannot do: the api keeps an asking price, IPC class or patent status once set
 * (absent means "unchanged" and it refuses null), so clearing one must be said, not ignored.
 */
export function clearedOnUpdate(
  values: ResultFormValues,
  saved: Pick<ResultView, 'askingPrice' | 'ipcClass' | 'patentStatus'>,
): ResultFormField[] {
  const cleared: ResultFormField[] = [];
  if (saved.askingPrice !== undefined && saved.askingPrice !== null && values.negotiable)
    cleared.push('askingPrice');
  if (saved.ipcClass !== undefined && saved.ipcClass !== null && values.ipcClass.trim() === '')
    cleared.push('ipcClass');
  if (saved.patentStatus !== undefined && saved.patentStatus !== null && !values.patentStatus)
    cleared.push('patentStatus');
  return cleared;
}

const API_FIELDS: Record<string, ResultFormField> = {
  title: 'title',
  summary: 'summary',
  description: 'description',
  field: 'field',
  keywords: 'keywords',
  patentNumbers: 'patentNumbers',
  patentStatus: 'patentStatus',
  ipcClass: 'ipcClass',
  maturity: 'maturity',
  transactionModes: 'transactionModes',
  askingPrice: 'askingPrice',
  region: 'region',
  team: 'team',
  'ufplTerms.termMonths': 'ufplTermMonths',
  'ufplTerms.criteria': 'ufplCriteria',
  'ufplTerms.fee': 'ufplFee',
  'ufplTerms.paymentWindowDays': 'ufplPaymentWindowDays',
};

/**
 * The form field an INVALID_INPUT refusal is about. `property` is what `invalidField()` read
 * (the first segment); the message names nested terms in full ("ufplTerms.fee must …").
 */
export function formFieldOfRefusal(
  property: string | null,
  message: string,
): ResultFormField | null {
  if (property === null) return null;
  if (property === 'ufplTerms') {
    const nested = /^ufplTerms\.(termMonths|criteria|fee|paymentWindowDays)\b/.exec(message);
    if (nested) return API_FIELDS[`ufplTerms.${nested[1]}`] ?? null;
    // "ufplTerms only apply when use_first_pay_later is among transactionModes"
    return /only apply/.test(message) ? 'transactionModes' : 'ufplTermMonths';
  }
  return API_FIELDS[property] ?? null;
}
