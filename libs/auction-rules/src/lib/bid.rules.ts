import type {
  Bid,
  BidKind,
  BidOutcomeAccepted,
  BidResult,
  Fen,
  HistoryEntry,
  Leader,
  LotState,
  OutbidNotice,
  Refusal,
} from './auction.types';
import { increment } from './ladder.rules';
import { effectivePhase, minNext, reserveMet } from './lot.rules';

function isPositiveFen(value: unknown): value is Fen {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** Why a bid at `now` cannot be placed in this phase, or null when the lot takes bids. */
function phaseRefusal(state: LotState, now: number): Refusal | null {
  switch (effectivePhase(state, now)) {
    case 'open':
      return null;
    case 'scheduled':
      return { ok: false, code: 'LOT_NOT_OPEN', message: 'The lot is not open yet.' };
    case 'paused':
      return { ok: false, code: 'LOT_NOT_OPEN', message: 'The lot is paused.' };
    default:
      return { ok: false, code: 'LOT_CLOSED', message: 'The lot is closed.' };
  }
}

function tooLow(floor: Fen): Refusal {
  return {
    ok: false,
    code: 'BID_TOO_LOW',
    message: `The bid must be at least ${floor} fen.`,
    minNext: floor,
  };
}

/**
 * Places one bid (RULES.md, "Placing a bid"). Returns the new state and the outcome; a refusal
 * and a replayed bidId return the state they were given. Never mutates its arguments.
 */
export function placeBid(state: LotState, bid: Bid, now: number): BidResult {
  // 1. a retry returns the first outcome
  if (Object.hasOwn(state.accepted, bid.bidId)) {
    return { state, outcome: state.accepted[bid.bidId] };
  }

  // 2. the phase at `now`
  const closed = phaseRefusal(state, now);
  if (closed !== null) return { state, outcome: closed };

  // 3. the amounts
  const proxy = bid.maxAmount !== undefined;
  if (
    !isPositiveFen(bid.amount) ||
    (proxy && (!isPositiveFen(bid.maxAmount) || bid.maxAmount < bid.amount))
  ) {
    return {
      state,
      outcome: {
        ok: false,
        code: 'INVALID_INPUT',
        message: 'Amounts must be whole fen above 0, and the maximum at least the amount.',
      },
    };
  }

  // 4. who leads, at what price
  const { rules } = state;
  const cap: Fen = bid.maxAmount ?? bid.amount;
  const kind: BidKind = proxy ? 'proxy' : 'manual';
  const floor = minNext(state);
  const former = state.leader;
  const liftToReserve = (price: Fen, leaderMax: Fen): Fen =>
    rules.reservePrice !== null && price < rules.reservePrice && leaderMax >= rules.reservePrice
      ? rules.reservePrice
      : price;

  let seq = state.seq;
  const entries: HistoryEntry[] = [];
  const write = (paddle: number, amount: Fen, entryKind: BidKind): number => {
    seq += 1;
    entries.push({ seq, paddle, amount, kind: entryKind, at: now });
    return seq;
  };

  let price: Fen;
  let leader: Leader;
  let ownSeq: number;

  if (former === null) {
    if (bid.amount < floor) return { state, outcome: tooLow(floor) };
    price = liftToReserve(bid.amount, cap);
    ownSeq = write(bid.paddle, price, kind);
    leader = { paddle: bid.paddle, max: cap, seq: ownSeq };
  } else {
    const current: Fen = state.price ?? 0;
    if (former.paddle === bid.paddle) {
      // the leader may only raise their own maximum
      if (cap <= former.max || cap < floor) return { state, outcome: tooLow(floor) };
      price = liftToReserve(current, cap);
      ownSeq = write(bid.paddle, price, 'proxy');
      leader = { paddle: bid.paddle, max: cap, seq: ownSeq };
    } else if (bid.amount < floor) {
      return { state, outcome: tooLow(floor) };
    } else if (cap > former.max) {
      // the higher maximum wins at the lower plus one step, capped at the higher
      const oneStepAbove = former.max + increment(rules.ladder, former.max);
      price = liftToReserve(Math.max(bid.amount, Math.min(cap, oneStepAbove)), cap);
      if (former.max > current) write(former.paddle, former.max, 'proxy');
      ownSeq = write(bid.paddle, price, kind);
      leader = { paddle: bid.paddle, max: cap, seq: ownSeq };
    } else {
      // the leader's proxy answers; on equal maxima the earlier one leads
      price = liftToReserve(Math.min(former.max, cap + increment(rules.ladder, cap)), former.max);
      ownSeq = write(bid.paddle, cap, kind);
      const leaderSeq = write(former.paddle, price, 'proxy');
      leader = { ...former, seq: leaderSeq };
    }
  }

  // 6. soft close (timed) or the live countdown
  let { closesAt } = state;
  if (rules.format === 'live') {
    closesAt = now + rules.liveCountdownMs;
  } else if (closesAt - now <= rules.softCloseMs) {
    closesAt = now + rules.softCloseMs;
  }

  const next: LotState = { ...state, price, leader, seq, bidCount: seq, closesAt };
  const nextMin = minNext(next);
  const outbid: OutbidNotice | null =
    former !== null && former.paddle !== leader.paddle
      ? { paddle: former.paddle, price, minNext: nextMin }
      : null;
  const outcome: BidOutcomeAccepted = {
    ok: true,
    seq: ownSeq,
    lastSeq: seq,
    price,
    leader: leader.paddle === bid.paddle,
    leaderPaddle: leader.paddle,
    closesAt,
    reserveMet: reserveMet(next),
    minNext: nextMin,
    entries,
    outbid,
  };
  return {
    state: { ...next, accepted: { ...state.accepted, [bid.bidId]: outcome } },
    outcome,
  };
}
