import type { DealStatus } from '@kepai/contracts';

function locale(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : 'en-GB';
}

/** A moment to the minute in the reader's time zone: "2026年11月22日 17:59" / "22 Nov 2026, 17:59". */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A day: "2026年11月22日" / "22 Nov 2026". */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(date);
}

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
