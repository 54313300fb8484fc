import type {
  BidHistoryItem,
  Fen,
  IncrementLadder,
  LotBidEvent,
  LotClosedEvent,
  LotSnapshot,
  LotStatus,
} from '@kepai/contracts';

/**
 * How the room's cached lot follows the server: snapshots (REST, `lot:join`, `lot:state`) and bid
 * events (`lot:bid`, `lot:closed`) arrive by different paths and may cross, so each is applied only
 * when it is not older than what the cache holds. Pure functions, so each rule can be tested.
 */

const ENDED: ReadonlySet<LotStatus> = new Set(['sold', 'unsold', 'withdrawn']);

export function isEnded(status: LotStatus): boolean {
  return ENDED.has(status);
}

/** The step of the last ladder row whose `fromPrice` ≤ price (the rules' `increment`). */
export function increment(ladder: IncrementLadder, price: Fen): Fen | null {
  let step: Fen | null = null;
  for (const [from, rowStep] of ladder) {
    if (from <= price) step = rowStep;
    else break;
  }
  return step;
}

/** The least next bid once somebody leads at `price`: price + increment(price). */
export function minNextAfter(ladder: IncrementLadder, price: Fen): Fen | null {
  const step = increment(ladder, price);
  return step === null ? null : price + step;
}

/**
 * A snapshot read at some moment against the one in the cache: the newer wins. Newer means a
 * higher `lastSeq`, or the same `lastSeq` read later (a pause or resume moves no seq). An ended lot
 * never opens again, whatever a stale read says.
 */
export function mergeSnapshot(
  current: LotSnapshot | undefined,
  incoming: LotSnapshot,
): LotSnapshot {
  if (current === undefined || current.id !== incoming.id) return incoming;
  if (isEnded(current.status) && !isEnded(incoming.status)) return current;
  if (isEnded(incoming.status) && !isEnded(current.status)) return incoming;
  if (incoming.lastSeq > current.lastSeq) return incoming;
  if (incoming.lastSeq < current.lastSeq) return current;
  return Date.parse(incoming.serverTime) >= Date.parse(current.serverTime) ? incoming : current;
}

/**
 * By the server's clock (local now + offset), a lot that is scheduled has passed its opening, or
 * one that is open has passed its close: a timed lot's phase has changed without an event.
 */
export function clockMomentPassed(
  lot: Pick<LotSnapshot, 'status' | 'opensAt' | 'closesAt'>,
  localNowMs: number,
  offsetMs: number,
): boolean {
  const now = localNowMs + offsetMs;
  if (lot.status === 'scheduled') return Date.parse(lot.opensAt) <= now;
  if (lot.status === 'open') return Date.parse(lot.closesAt) <= now;
  return false;
}

/** A `lot:bid` that starts past the next seq the client expects: events were missed. */
export function isGap(event: Pick<LotBidEvent, 'firstSeq'>, lastSeq: number): boolean {
  return event.firstSeq > lastSeq + 1;
}

export interface AppliedBid {
  snapshot: LotSnapshot;
  /** False when the event moved the price but the ladder to work out the next minimum is unknown. */
  minNextKnown: boolean;
}

/**
 * A `lot:bid` applied to the cached snapshot. The event carries the whole state after the bid
 * (price, leader, count, close, reserve), so even after a gap the snapshot is right; only the
 * next minimum is worked out here, from the session's ladder. An event not newer than the cache
 * (a replay, or one the cache has already seen through a snapshot) changes nothing.
 */
export function applyBidEvent(
  current: LotSnapshot,
  event: LotBidEvent,
  ladder: IncrementLadder | null,
): AppliedBid {
  if (event.lotId !== current.id || event.seq <= current.lastSeq || isEnded(current.status)) {
    return { snapshot: current, minNextKnown: true };
  }
  const minNext = ladder === null ? null : minNextAfter(ladder, event.price);
  return {
    snapshot: {
      ...current,
      price: event.price,
      leaderPaddle: event.leaderPaddle,
      bidCount: event.bidCount,
      lastSeq: event.seq,
      closesAt: event.closesAt,
      reserveMet: event.reserveMet,
      minNext: minNext ?? current.minNext,
      // a bid is accepted only while the lot runs, so it is open and not paused
      status: 'open',
      paused: false,
      serverTime: event.at,
    },
    minNextKnown: minNext !== null,
  };
}

/** `lot:closed` applied to the cached snapshot: the outcome, the hammer price and the winner. */
export function applyClosed(current: LotSnapshot, event: LotClosedEvent): LotSnapshot {
  if (event.lotId !== current.id) return current;
  return {
    ...current,
    status: event.outcome,
    paused: false,
    price: event.price ?? current.price,
    leaderPaddle: event.winnerPaddle ?? current.leaderPaddle,
  };
}

/** The bid history with more entries merged in: one entry per seq, ascending by seq. */
export function mergeBids(
  current: readonly BidHistoryItem[] | undefined,
  incoming: readonly BidHistoryItem[],
): BidHistoryItem[] {
  const have = current ?? [];
  if (incoming.length === 0) return have as BidHistoryItem[];
  const bySeq = new Map<number, BidHistoryItem>();
  for (const bid of have) bySeq.set(bid.seq, bid);
  for (const bid of incoming) if (!bySeq.has(bid.seq)) bySeq.set(bid.seq, bid);
  if (bySeq.size === have.length) return have as BidHistoryItem[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq in a history (0 for none). */
export function highestSeq(bids: readonly BidHistoryItem[] | undefined): number {
  let highest = 0;
  for (const bid of bids ?? []) if (bid.seq > highest) highest = bid.seq;
  return highest;
}

/**
 * The price after each history entry, for the chart. The price never falls: every entry's amount
 * is at most the price once its bid is done, so the running maximum is the price over time.
 */
export function priceSeries(bids: readonly BidHistoryItem[]): Array<[number, Fen]> {
  const points: Array<[number, Fen]> = [];
  let price = 0;
  for (const bid of bids) {
    price = Math.max(price, bid.amount);
    points.push([Date.parse(bid.at), price]);
  }
  return points;
}

/** How the signed-in bidder stands: leading, won, outbid, lost, or not in it yet. */
export type MyStanding = 'leading' | 'won' | 'outbid' | 'lost' | 'none';

export function myStanding(
  lot: Pick<LotSnapshot, 'status' | 'leaderPaddle'>,
  bids: readonly BidHistoryItem[],
  paddle: number | null,
): MyStanding {
  if (paddle === null) return 'none';
  const ended = isEnded(lot.status);
  if (lot.leaderPaddle === paddle) {
    if (!ended) return 'leading';
    if (lot.status === 'sold') return 'won';
  }
  const tookPart = bids.some((bid) => bid.paddle === paddle);
  if (!tookPart) return 'none';
  return ended ? 'lost' : 'outbid';
}
