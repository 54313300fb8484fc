import type { EndPhase, Fen, LotEnd, LotPhase, LotRules, LotState } from './auction.types';
import { increment, validateLadder } from './ladder.rules';

const END_PHASES: readonly LotPhase[] = ['sold', 'unsold', 'withdrawn'];

/** Whether the phase is one a lot never leaves. */
export function isEndPhase(phase: LotPhase): phase is EndPhase {
  return END_PHASES.includes(phase);
}

function isSafeAtLeast(value: unknown, least: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= least;
}

/** Checks the rules of a lot. Answers null when they are valid, else why not. */
export function validateRules(rules: LotRules): string | null {
  if (rules.format !== 'timed' && rules.format !== 'live') {
    return 'format must be timed or live';
  }
  if (!isSafeAtLeast(rules.startingPrice, 1)) {
    return 'startingPrice must be a safe integer above 0';
  }
  if (rules.reservePrice !== null && !isSafeAtLeast(rules.reservePrice, 1)) {
    return 'reservePrice must be null or a safe integer above 0';
  }
  const ladderProblem = validateLadder(rules.ladder);
  if (ladderProblem !== null) return ladderProblem;
  if (!isSafeAtLeast(rules.softCloseMs, 0)) {
    return 'softCloseMs must be a safe integer of at least 0';
  }
  if (!isSafeAtLeast(rules.liveCountdownMs, 0)) {
    return 'liveCountdownMs must be a safe integer of at least 0';
  }
  return null;
}

/**
 * A lot without bids. Throws a RangeError on invalid rules or times (a programming error, not a
 * bidder's); the state holds its own copy of the rules.
 */
export function newLot(
  rules: LotRules,
  opensAt: number,
  closesAt: number,
  phase: LotPhase = 'scheduled',
): LotState {
  const problem = validateRules(rules);
  if (problem !== null) throw new RangeError(problem);
  if (!Number.isSafeInteger(opensAt) || !Number.isSafeInteger(closesAt)) {
    throw new RangeError('opensAt and closesAt must be safe integers (ms)');
  }
  if (rules.format === 'timed' && closesAt <= opensAt) {
    throw new RangeError('a timed lot must close after it opens');
  }
  return {
    rules: {
      format: rules.format,
      startingPrice: rules.startingPrice,
      reservePrice: rules.reservePrice,
      ladder: rules.ladder.map(([from, step]): [Fen, Fen] => [from, step]),
      softCloseMs: rules.softCloseMs,
      liveCountdownMs: rules.liveCountdownMs,
    },
    phase,
    opensAt,
    closesAt,
    price: null,
    leader: null,
    seq: 0,
    bidCount: 0,
    accepted: {},
  };
}

/** The least amount a bid must reach: the starting price, then price + one step. */
export function minNext(state: LotState): Fen {
  if (state.leader === null || state.price === null) return state.rules.startingPrice;
  return state.price + increment(state.rules.ladder, state.price);
}

/** Whether the lot would sell now: someone leads and the price reaches the reserve (if any). */
export function reserveMet(state: LotState): boolean {
  if (state.leader === null) return false;
  const { reservePrice } = state.rules;
  return reservePrice === null || (state.price !== null && state.price >= reservePrice);
}

/**
 * The phase at `now`. Timed lots follow the clock (scheduled → open → sold | unsold) unless they
 * ended already or were withdrawn; live lots are in whatever phase the broker's controls set.
 */
export function effectivePhase(state: LotState, now: number): LotPhase {
  if (state.rules.format === 'live') return state.phase;
  if (state.phase !== 'scheduled' && state.phase !== 'open') return state.phase;
  if (now < state.opensAt) return 'scheduled';
  if (now < state.closesAt) return 'open';
  return reserveMet(state) ? 'sold' : 'unsold';
}

/** How the lot ended by `now`, or null while it has not. */
export function lotEnd(state: LotState, now: number): LotEnd | null {
  const phase = effectivePhase(state, now);
  if (!isEndPhase(phase)) return null;
  const winner = phase === 'sold' ? state.leader : null;
  return {
    outcome: phase,
    price: winner === null ? null : state.price,
    winnerPaddle: winner === null ? null : winner.paddle,
  };
}

/**
 * Timed lots: at or after `closesAt`, an open (or still scheduled) lot takes its final phase,
 * sold when the reserve is met, else unsold. Anything else comes back unchanged.
 */
export function close(state: LotState, now: number): LotState {
  if (state.rules.format !== 'timed') return state;
  if (state.phase !== 'open' && state.phase !== 'scheduled') return state;
  if (now < state.closesAt) return state;
  return { ...state, phase: reserveMet(state) ? 'sold' : 'unsold' };
}
