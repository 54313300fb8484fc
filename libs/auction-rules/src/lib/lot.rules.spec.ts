import type { LotRules, LotState } from './auction.types';
import { placeBid } from './bid.rules';
import {
  close,
  effectivePhase,
  lotEnd,
  minNext,
  newLot,
  reserveMet,
  validateRules,
} from './lot.rules';

const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const HOUR = 3_600_000;

function rules(overrides: Partial<LotRules> = {}): LotRules {
  return {
    format: 'timed',
    startingPrice: 500,
    reservePrice: null,
    ladder: [
      [0, 100],
      [1_000, 500],
    ],
    softCloseMs: 60_000,
    liveCountdownMs: 30_000,
    ...overrides,
  };
}

function timed(overrides: Partial<LotRules> = {}): LotState {
  return newLot(rules(overrides), T0, T0 + HOUR);
}

function withBid(state: LotState, paddle: number, amount: number, maxAmount?: number): LotState {
  const bid = maxAmount === undefined ? { amount } : { amount, maxAmount };
  return placeBid(state, { bidId: `b${state.seq + 1}`, paddle, ...bid }, T0 + 1_000).state;
}

describe('newLot', () => {
  it('starts without bids, scheduled by default', () => {
    expect(timed()).toEqual({
      rules: rules(),
      phase: 'scheduled',
      opensAt: T0,
      closesAt: T0 + HOUR,
      price: null,
      leader: null,
      seq: 0,
      bidCount: 0,
      accepted: {},
    });
    expect(newLot(rules({ format: 'live' }), T0, T0, 'open').phase).toBe('open');
  });

  it('keeps its own copy of the rules', () => {
    const given = rules();
    const state = newLot(given, T0, T0 + HOUR);
    given.ladder[0][1] = 999;
    given.startingPrice = 1;
    expect(state.rules.ladder[0]).toEqual([0, 100]);
    expect(state.rules.startingPrice).toBe(500);
  });

  it.each<[string, Partial<LotRules>]>([
    ['a starting price of 0', { startingPrice: 0 }],
    ['a fractional starting price', { startingPrice: 10.5 }],
    ['a reserve of 0', { reservePrice: 0 }],
    ['a broken ladder', { ladder: [[5, 10]] }],
    ['a negative soft close', { softCloseMs: -1 }],
    ['a fractional countdown', { liveCountdownMs: 0.5 }],
  ])('refuses %s', (_name, overrides) => {
    expect(validateRules(rules(overrides))).toEqual(expect.any(String));
    expect(() => timed(overrides)).toThrow(RangeError);
  });

  it('refuses a timed lot that closes before it opens, and unsafe times', () => {
    expect(() => newLot(rules(), T0, T0)).toThrow(RangeError);
    expect(() => newLot(rules(), T0 + 0.5, T0 + HOUR)).toThrow(RangeError);
    expect(() => newLot(rules({ format: 'live' }), T0, T0)).not.toThrow();
  });
});

describe('minNext and reserveMet', () => {
  it('asks for the starting price before the first bid, then price + one step', () => {
    const empty = timed();
    expect(minNext(empty)).toBe(500);
    expect(minNext(withBid(empty, 1, 700))).toBe(800);
    expect(minNext(withBid(empty, 1, 1_000))).toBe(1_500);
  });

  it('is never met without a leader', () => {
    expect(reserveMet(timed())).toBe(false);
    expect(reserveMet(timed({ reservePrice: 500 }))).toBe(false);
  });

  it('is met by any leader without a reserve, else from the reserve price on', () => {
    expect(reserveMet(withBid(timed(), 1, 500))).toBe(true);
    expect(reserveMet(withBid(timed({ reservePrice: 900 }), 1, 800))).toBe(false);
    expect(reserveMet(withBid(timed({ reservePrice: 900 }), 1, 900))).toBe(true);
  });
});

describe('effectivePhase', () => {
  it('follows the clock for timed lots: scheduled, open, then over at closesAt', () => {
    const state = timed();
    expect(effectivePhase(state, T0 - 1)).toBe('scheduled');
    expect(effectivePhase(state, T0)).toBe('open');
    expect(effectivePhase(state, T0 + HOUR - 1)).toBe('open');
    expect(effectivePhase(state, T0 + HOUR)).toBe('unsold');
    expect(effectivePhase(withBid(state, 1, 500), T0 + HOUR)).toBe('sold');
  });

  it('ends unsold when the reserve is not met', () => {
    const state = withBid(timed({ reservePrice: 5_000 }), 1, 500);
    expect(effectivePhase(state, T0 + HOUR)).toBe('unsold');
  });

  it('keeps a withdrawn or closed timed lot as it is', () => {
    expect(effectivePhase({ ...timed(), phase: 'withdrawn' }, T0 + 1)).toBe('withdrawn');
    expect(effectivePhase({ ...timed(), phase: 'unsold' }, T0 + 1)).toBe('unsold');
  });

  it('is whatever the controls set for live lots, whatever the time', () => {
    const live = newLot(rules({ format: 'live' }), T0, T0);
    expect(effectivePhase(live, T0 + HOUR)).toBe('scheduled');
    expect(effectivePhase({ ...live, phase: 'open' }, T0 + 10 * HOUR)).toBe('open');
    expect(effectivePhase({ ...live, phase: 'paused' }, T0 - HOUR)).toBe('paused');
  });
});

describe('close', () => {
  it('leaves a lot before closesAt as it is', () => {
    const state = timed();
    expect(close(state, T0 + HOUR - 1)).toBe(state);
  });

  it('sells to the leader at closesAt when the reserve is met', () => {
    const state = withBid(timed({ reservePrice: 500 }), 7, 600);
    const closed = close(state, T0 + HOUR);
    expect(closed).toEqual({ ...state, phase: 'sold' });
    expect(lotEnd(closed, T0 + HOUR)).toEqual({ outcome: 'sold', price: 600, winnerPaddle: 7 });
  });

  it('ends unsold without bids or below the reserve', () => {
    expect(close(timed(), T0 + HOUR).phase).toBe('unsold');
    const below = close(withBid(timed({ reservePrice: 5_000 }), 7, 600), T0 + 2 * HOUR);
    expect(below.phase).toBe('unsold');
    expect(lotEnd(below, T0 + 2 * HOUR)).toEqual({
      outcome: 'unsold',
      price: null,
      winnerPaddle: null,
    });
  });

  it('closes a lot that is still stored as scheduled', () => {
    const state = { ...timed(), phase: 'scheduled' as const };
    expect(close(state, T0 + HOUR).phase).toBe('unsold');
  });

  it('leaves withdrawn, ended and live lots alone', () => {
    const withdrawn: LotState = { ...timed(), phase: 'withdrawn' };
    expect(close(withdrawn, T0 + HOUR)).toBe(withdrawn);
    const sold = close(withBid(timed(), 1, 500), T0 + HOUR);
    expect(close(sold, T0 + 2 * HOUR)).toBe(sold);
    const live = newLot(rules({ format: 'live' }), T0, T0, 'open');
    expect(close(live, T0 + HOUR)).toBe(live);
  });

  it('has no end while the lot runs', () => {
    expect(lotEnd(timed(), T0)).toBeNull();
    expect(lotEnd({ ...timed(), phase: 'withdrawn' }, T0)).toEqual({
      outcome: 'withdrawn',
      price: null,
      winnerPaddle: null,
    });
  });
});
