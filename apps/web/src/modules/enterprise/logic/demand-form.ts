import { FIELDS, MAX_FEN, type DemandBody, type Field } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { invalidField } from '../../../lib/errors';
import { parseYuan } from '../../../lib/money';

/** What the demand form holds: text as typed, the budget in yuan, the deadline as YYYY-MM-DD. */
export interface DemandFormValues {
  title: string;
  description: string;
  field: Field | undefined;
  /** Yuan; empty means "negotiable". */
  budget: string;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
}

export const DEMAND_TITLE = { min: 4, max: 200 } as const;
export const DEMAND_DESCRIPTION = { min: 10, max: 5000 } as const;

export type Conversion<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

const CONTROL = /\p{Cc}/u;
/** The description may hold line breaks and tabs, but no other control character. */
const MULTILINE_CONTROL = /[^\P{Cc}\n\r\t]/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The form as `POST /demands` takes it, checked by the api's rules (title 4–200 characters,
 * description 10–5000, a field, a budget above 0 if any, a deadline as a date) and one of its
 * own: a deadline is not in the past (`today` as YYYY-MM-DD, the person's own calendar day).
 */
export function toDemandBody(values: DemandFormValues, today: string): Conversion<DemandBody> {
  const errors: Record<string, string> = {};
  const title = values.title.trim();
  const description = values.description.trim();
  if (title.length < DEMAND_TITLE.min || title.length > DEMAND_TITLE.max)
    errors['title'] = 'titleLength';
  else if (CONTROL.test(title)) errors['title'] = 'control';
  if (description.length < DEMAND_DESCRIPTION.min || description.length > DEMAND_DESCRIPTION.max)
    errors['description'] = 'descriptionLength';
  else if (MULTILINE_CONTROL.test(description)) errors['description'] = 'control';
  if (values.field === undefined || !FIELDS.includes(values.field)) errors['field'] = 'field';

  let budget: number | undefined;
  if (values.budget.trim() !== '') {
    const fen = parseYuan(values.budget);
    if (fen === null) errors['budget'] = 'amount';
    else if (fen < 1) errors['budget'] = 'positive';
    else if (fen > MAX_FEN) errors['budget'] = 'tooLarge';
    else budget = fen;
  }
  const deadline = values.deadline === null || values.deadline === '' ? null : values.deadline;
  if (deadline !== null && !DATE.test(deadline)) errors['deadline'] = 'date';
  else if (deadline !== null && deadline < today) errors['deadline'] = 'past';

  if (Object.keys(errors).length > 0 || values.field === undefined) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title,
      description,
      field: values.field,
      ...(budget === undefined ? {} : { budget }),
      ...(deadline === null ? {} : { deadline }),
    },
  };
}

const DEMAND_FIELDS = ['title', 'description', 'field', 'budget', 'deadline'];

/** The field of the demand form an api refusal names, or null for the form as a whole. */
export function demandApiError(error: unknown): { field: string; reason: string } | null {
  if (!(error instanceof ApiError)) return null;
  const named = invalidField(error);
  return named !== null && DEMAND_FIELDS.includes(named)
    ? { field: named, reason: `api.${named}` }
    : null;
}
