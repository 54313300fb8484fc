import type { LotStatus, SessionView } from '@kepai/contracts';

const ENDED: readonly LotStatus[] = ['sold', 'unsold', 'withdrawn'];

/** How many lots a session has, how many take bids now, and how many are over. */
export function sessionCounts(session: Pick<SessionView, 'lots'>): {
  total: number;
  open: number;
  ended: number;
} {
  return {
    total: session.lots.length,
    open: session.lots.filter((lot) => lot.status === 'open').length,
    ended: session.lots.filter((lot) => ENDED.includes(lot.status)).length,
  };
}

/** Whether the lot is over (sold, unsold or withdrawn). */
export function lotEnded(status: LotStatus): boolean {
  return ENDED.includes(status);
}
