import type { SessionView } from '@kepai/contracts';

/** Where a session stands, from its lots: bidding now, still to come, or over. */
export type SessionPhase = 'open' | 'upcoming' | 'ended';

export function openLotCount(session: Pick<SessionView, 'lots'>): number {
  return session.lots.filter((lot) => lot.status === 'open').length;
}

export function sessionPhase(session: Pick<SessionView, 'lots'>): SessionPhase {
  if (session.lots.some((lot) => lot.status === 'open')) return 'open';
  if (session.lots.length === 0 || session.lots.some((lot) => lot.status === 'scheduled'))
    return 'upcoming';
  return 'ended';
}

const PHASE_ORDER: Record<SessionPhase, number> = { open: 0, upcoming: 1, ended: 2 };

/**
 * Sessions as a bidder wants them: bidding now first, then the ones to come (soonest first), then
 * those that are over (latest first).
 */
export function sortSessions<T extends Pick<SessionView, 'lots' | 'startsAt' | 'createdAt'>>(
  sessions: readonly T[],
): T[] {
  const start = (session: T): number => Date.parse(session.startsAt ?? session.createdAt);
  return [...sessions].sort((a, b) => {
    const phaseA = sessionPhase(a);
    const byPhase = PHASE_ORDER[phaseA] - PHASE_ORDER[sessionPhase(b)];
    if (byPhase !== 0) return byPhase;
    return phaseA === 'ended' ? start(b) - start(a) : start(a) - start(b);
  });
}
