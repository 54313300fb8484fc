import type { DealView } from '@kepai/contracts';
import { CLOSED_STATUSES, availableActions, type DealSide } from './actions';

/** The list's filters: everything, what waits for the user, what is under way, what is over. */
export const DEAL_FILTERS = ['all', 'todo', 'active', 'closed'] as const;
export type DealFilter = (typeof DEAL_FILTERS)[number];

export function parseDealFilter(value: string | null): DealFilter {
  return (DEAL_FILTERS as readonly string[]).includes(value ?? '') ? (value as DealFilter) : 'all';
}

/** Whether the deal waits for the user: an action other than a note is open to them. */
export function needsMe(side: DealSide | null, deal: DealView): boolean {
  return availableActions(side, deal).some((action) => action !== 'note');
}

export function matchesFilter(filter: DealFilter, side: DealSide | null, deal: DealView): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'todo':
      return needsMe(side, deal);
    case 'active':
      return !CLOSED_STATUSES.includes(deal.status);
    case 'closed':
      return CLOSED_STATUSES.includes(deal.status);
  }
}

/** When the money is due: the deal's due date, or an achieved fee's. */
export function dueDate(deal: Pick<DealView, 'dueAt' | 'ufpl'>): string | null {
  return deal.dueAt ?? deal.ufpl?.dueAt ?? null;
}
