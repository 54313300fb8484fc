import type { IncrementLadder, LotSnapshot, LotStatus } from '@kepai/contracts';
import type { LotEntity } from './auction.entities';

/** The step of the ladder's last row that starts at or below the price. */
export function ladderStep(ladder: IncrementLadder, price: number): number {
  let step = ladder[0][1];
  for (const [from, rowStep] of ladder) if (from <= price) step = rowStep;
  return step;
}

/** A ladder is `[fromPrice, step]` rows: safe integers, ascending, the first from 0, steps > 0. */
export function ladderProblem(ladder: unknown): string | null {
  if (!Array.isArray(ladder) || ladder.length === 0) return 'increments must have at least one row';
  let previous = -1;
  for (const row of ladder) {
    if (!Array.isArray(row) || row.length !== 2) return 'each increment row is [fromPrice, step]';
    const [from, step] = row as unknown[];
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(step))
      return 'increment rows are integers of fen';
    if ((from as number) <= previous) return 'increment rows must ascend by fromPrice';
    if ((step as number) <= 0) return 'every increment step must be above 0';
    previous = from as number;
  }
  return (ladder as number[][])[0][0] === 0 ? null : 'the first increment row must start from 0';
}

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
        : price + ladderStep(session.increments, price),
    reserveMet:
      lot.leaderPaddle !== null && (lot.reservePrice === null || (price ?? 0) >= lot.reservePrice),
    paused: lot.paused,
    opensAt: lot.opensAt.toISOString(),
    closesAt: lot.closesAt.toISOString(),
    serverTime: now.toISOString(),
  };
}
