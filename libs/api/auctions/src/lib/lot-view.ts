import { increment } from '@kepai/auction-rules';
import type { IncrementLadder, LotSnapshot, LotStatus } from '@kepai/contracts';
import type { LotEntity } from './auction.entities';

/**
 * A timed lot is open between its times whatever the scheduler has written yet; live lots are
 * opened by their broker.
 */
export function effectiveStatus(lot: LotEntity, format: 'timed' | 'live', now: Date): LotStatus {
  if (lot.status !== 'scheduled' && lot.status !== 'open') return lot.status;
  if (format === 'live') return lot.status;
  if (now < lot.opensAt) return 'scheduled';
  return now < lot.closesAt ? 'open' : lot.status;
}

export function lotSnapshot(
  lot: LotEntity,
  session: { format: 'timed' | 'live'; increments: IncrementLadder },
  now: Date,
): LotSnapshot {
  const price = lot.price;
  return {
    id: lot.id,
    sessionId: lot.sessionId,
    resultId: lot.resultId,
    status: effectiveStatus(lot, session.format, now),
    price,
    leaderPaddle: lot.leaderPaddle,
    bidCount: lot.lastSeq,
    lastSeq: lot.lastSeq,
    minNext:
      price === null || lot.leaderPaddle === null
        ? lot.startingPrice
        : price + increment(session.increments, price),
    reserveMet:
      lot.leaderPaddle !== null && (lot.reservePrice === null || (price ?? 0) >= lot.reservePrice),
    paused: lot.paused,
    opensAt: lot.opensAt.toISOString(),
    closesAt: lot.closesAt.toISOString(),
    serverTime: now.toISOString(),
  };
}
