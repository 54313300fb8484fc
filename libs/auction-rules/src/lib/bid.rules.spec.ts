import type {
  Bid,
  BidOutcome,
  BidOutcomeAccepted,
  BidResult,
  LotRules,
  LotState,
  Refusal,
} from './auction.types';
import { placeBid } from './bid.rules';
import { control } from './control.rules';
import { close, newLot } from './lot.rules';

const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const HOUR = 3_600_000;
const END = T0 + HOUR;
const W = 60_000;

function rules(overrides: Partial<LotRules> = {}): LotRules {
  return {
    format: 'timed',
    startingPrice: 500,
    reservePrice: null,
    ladder: [
      [0, 100],
      [1_000, 500],
      [10_000, 1_000],
    ],
    softCloseMs: W,
    liveCountdownMs: 30_000,
    ...overrides,
  };
}

function timed(overrides: Partial<LotRules> = {}): LotState {
  return newLot(rules(overrides), T0, END);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

let nextId = 0;
/** Places a bid on a frozen state (any mutation throws), at T0 + 1 s unless told. */
function bid(
  state: LotState,
  paddle: number,
  amount: number,
  maxAmount?: number,
  now = T0 + 1_000,
  bidId = `bid-${++nextId}`,
): BidResult {
  const placed: Bid =
    maxAmount === undefined ? { bidId, paddle, amount } : { bidId, paddle, amount, maxAmount };
  return placeBid(deepFreeze(state), deepFreeze(placed), now);
}

function accepted(outcome: BidOutcome): BidOutcomeAccepted {
  if (!outcome.ok) throw new Error(`refused ${outcome.code}: ${outcome.message}`);
  return outcome;
}

function refused(result: BidResult, given: LotState): Refusal {
  expect(result.state).toBe(given);
  if (result.outcome.ok) throw new Error('accepted');
  return result.outcome;
}

describe('placeBid: the first bid', () => {
  it('is refused below the starting price, with minNext', () => {
    const state = timed();
    expect(refused(bid(state, 1, 499), state)).toEqual({
      ok: false,
      code: 'BID_TOO_LOW',
      message: expect.any(String),
      minNext: 500,
    });
  });

  it('leads at its own amount, as a manual entry with seq 1', () => {
    const { state, outcome } = bid(timed(), 1, 700);
    expect(outcome).toEqual({
      ok: true,
      seq: 1,
      lastSeq: 1,
      price: 700,
      leader: true,
      leaderPaddle: 1,
      closesAt: END,
      reserveMet: true,
      minNext: 800,
      entries: [{ seq: 1, paddle: 1, amount: 700, kind: 'manual', at: T0 + 1_000 }],
      outbid: null,
    });
    expect(state).toMatchObject({
      price: 700,
      leader: { paddle: 1, max: 700, seq: 1 },
      seq: 1,
      bidCount: 1,
    });
  });

  it('leads at its amount (not its maximum) as a proxy', () => {
    const { state, outcome } = bid(timed(), 1, 500, 5_000);
    expect(accepted(outcome).entries).toEqual([
      { seq: 1, paddle: 1, amount: 500, kind: 'proxy', at: T0 + 1_000 },
    ]);
    expect(state.leader).toEqual({ paddle: 1, max: 5_000, seq: 1 });
    expect(state.price).toBe(500);
  });
});

describe('placeBid: manual outbids', () => {
  it('takes the lead at the new amount and tells the former leader', () => {
    const first = bid(timed(), 1, 500).state;
    const { state, outcome } = bid(first, 2, 600);
    expect(accepted(outcome)).toMatchObject({
      seq: 2,
      lastSeq: 2,
      price: 600,
      leader: true,
      leaderPaddle: 2,
      minNext: 700,
      outbid: { paddle: 1, price: 600, minNext: 700 },
    });
    // the former leader's maximum was the price: no proxy entry for them
    expect(accepted(outcome).entries).toHaveLength(1);
    expect(state.leader).toEqual({ paddle: 2, max: 600, seq: 2 });
  });

  it('refuses less than price + step, and follows the ladder rows', () => {
    const at900 = bid(timed(), 1, 900).state;
    expect(refused(bid(at900, 2, 999), at900)).toMatchObject({
      code: 'BID_TOO_LOW',
      minNext: 1_000,
    });
    const at1000 = bid(at900, 2, 1_000).state;
    expect(refused(bid(at1000, 1, 1_499), at1000).minNext).toBe(1_500);
    expect(accepted(bid(at1000, 1, 1_500).outcome).price).toBe(1_500);
  });
});

describe('placeBid: proxy against proxy', () => {
  const withProxy = (max: number): LotState => bid(timed(), 1, 500, max).state;

  it('the higher maximum wins at the lower plus one step', () => {
    const { state, outcome } = bid(withProxy(2_000), 2, 600, 3_000);
    const won = accepted(outcome);
    expect(won.price).toBe(2_500);
    expect(won.entries).toEqual([
      { seq: 2, paddle: 1, amount: 2_000, kind: 'proxy', at: T0 + 1_000 },
      { seq: 3, paddle: 2, amount: 2_500, kind: 'proxy', at: T0 + 1_000 },
    ]);
    expect(won).toMatchObject({ seq: 3, lastSeq: 3, leader: true, leaderPaddle: 2 });
    expect(won.outbid).toEqual({ paddle: 1, price: 2_500, minNext: 3_000 });
    expect(state).toMatchObject({ seq: 3, bidCount: 3, leader: { paddle: 2, max: 3_000, seq: 3 } });
  });

  it('the win is capped at the higher maximum', () => {
    const { outcome } = bid(withProxy(2_000), 2, 600, 2_200);
    expect(accepted(outcome).price).toBe(2_200);
  });

  it('an amount above one step is the price', () => {
    const { outcome } = bid(withProxy(2_000), 2, 2_800, 3_000);
    expect(accepted(outcome).price).toBe(2_800);
  });

  it('a lower challenger is answered by the leader at one step above, capped at the maximum', () => {
    const { state, outcome } = bid(withProxy(2_000), 2, 700);
    const lost = accepted(outcome);
    expect(lost).toMatchObject({
      seq: 2,
      lastSeq: 3,
      price: 800,
      leader: false,
      leaderPaddle: 1,
      minNext: 900,
      outbid: null,
    });
    expect(lost.entries).toEqual([
      { seq: 2, paddle: 2, amount: 700, kind: 'manual', at: T0 + 1_000 },
      { seq: 3, paddle: 1, amount: 800, kind: 'proxy', at: T0 + 1_000 },
    ]);
    expect(state.leader).toEqual({ paddle: 1, max: 2_000, seq: 3 });

    const capped = accepted(bid(withProxy(2_000), 2, 1_950).outcome);
    expect(capped.price).toBe(2_000);
  });

  it('on equal maxima the earlier bidder leads', () => {
    const { state, outcome } = bid(withProxy(2_000), 2, 600, 2_000);
    const lost = accepted(outcome);
    expect(lost).toMatchObject({ price: 2_000, leader: false, leaderPaddle: 1 });
    expect(lost.entries.map((e) => [e.paddle, e.amount, e.kind])).toEqual([
      [2, 2_000, 'proxy'],
      [1, 2_000, 'proxy'],
    ]);
    expect(state.leader).toEqual({ paddle: 1, max: 2_000, seq: 3 });
  });
});

describe('placeBid: the leader raises their own maximum', () => {
  it('without moving the price', () => {
    const lot = bid(timed(), 1, 500, 2_000).state;
    const { state, outcome } = bid(lot, 1, 600, 5_000);
    expect(accepted(outcome)).toMatchObject({
      seq: 2,
      price: 500,
      leader: true,
      outbid: null,
      entries: [{ seq: 2, paddle: 1, amount: 500, kind: 'proxy', at: T0 + 1_000 }],
    });
    expect(state).toMatchObject({ price: 500, leader: { paddle: 1, max: 5_000, seq: 2 } });
  });

  it('with a manual amount, written as a proxy entry', () => {
    const lot = bid(timed(), 1, 500).state;
    const { state, outcome } = bid(lot, 1, 900);
    expect(accepted(outcome).entries).toEqual([
      { seq: 2, paddle: 1, amount: 500, kind: 'proxy', at: T0 + 1_000 },
    ]);
    expect(state.leader).toEqual({ paddle: 1, max: 900, seq: 2 });
  });

  it('is refused when the new maximum is not above the old or below minNext', () => {
    const lot = bid(timed(), 1, 500, 2_000).state;
    expect(refused(bid(lot, 1, 600, 2_000), lot)).toMatchObject({
      code: 'BID_TOO_LOW',
      minNext: 600,
    });
    const manual = bid(timed(), 1, 500).state;
    expect(refused(bid(manual, 1, 550), manual)).toMatchObject({
      code: 'BID_TOO_LOW',
      minNext: 600,
    });
  });
});

describe('placeBid: the reserve', () => {
  it('lifts the price to the reserve when the leading maximum reaches it', () => {
    const { state, outcome } = bid(timed({ reservePrice: 3_000 }), 1, 500, 5_000);
    expect(accepted(outcome)).toMatchObject({
      price: 3_000,
      reserveMet: true,
      entries: [{ seq: 1, paddle: 1, amount: 3_000, kind: 'proxy' }],
    });
    expect(state.price).toBe(3_000);
  });

  it('leaves the price below the reserve when no maximum reaches it', () => {
    const { outcome } = bid(timed({ reservePrice: 3_000 }), 1, 500, 2_999);
    expect(accepted(outcome)).toMatchObject({ price: 500, reserveMet: false });
  });

  it('lifts when a challenger takes the lead with a maximum above the reserve', () => {
    const lot = bid(timed({ reservePrice: 3_000 }), 1, 500).state;
    const taken = accepted(bid(lot, 2, 600, 4_000).outcome);
    expect(taken.price).toBe(3_000);
    expect(taken.entries).toEqual([
      { seq: 2, paddle: 2, amount: 3_000, kind: 'proxy', at: T0 + 1_000 },
    ]);
  });

  it('lifts when the leader raises their maximum over the reserve', () => {
    const lot = bid(timed({ reservePrice: 3_000 }), 1, 500, 2_000).state;
    const raised = accepted(bid(lot, 1, 500, 4_000).outcome);
    expect(raised).toMatchObject({ price: 3_000, reserveMet: true });
    expect(raised.entries[0].amount).toBe(3_000);
  });
});

describe('placeBid: soft close and the live countdown', () => {
  it('moves the close to now + W for a bid inside the window', () => {
    const now = END - 30_000;
    const { state, outcome } = bid(timed(), 1, 500, undefined, now);
    expect(state.closesAt).toBe(now + W);
    expect(accepted(outcome).closesAt).toBe(now + W);
  });

  it('counts the window inclusively, and leaves earlier bids alone', () => {
    expect(bid(timed(), 1, 500, undefined, END - W).state.closesAt).toBe(END);
    expect(bid(timed(), 1, 500, undefined, END - W - 1).state.closesAt).toBe(END);
  });

  it('keeps extending bid after bid', () => {
    let lot = timed();
    let now = END - 1_000;
    for (const [paddle, amount] of [
      [1, 500],
      [2, 600],
      [1, 700],
    ]) {
      lot = bid(lot, paddle, amount, undefined, now).state;
      expect(lot.closesAt).toBe(now + W);
      now = lot.closesAt - 1;
    }
  });

  it('never extends without a window, nor for a refused bid', () => {
    expect(bid(timed({ softCloseMs: 0 }), 1, 500, undefined, END - 1).state.closesAt).toBe(END);
    const lot = timed();
    expect(bid(lot, 1, 100, undefined, END - 1).state).toBe(lot);
  });

  it('restarts the live countdown on every accepted bid, and takes bids until the hammer', () => {
    const live = newLot(rules({ format: 'live' }), T0, T0);
    const opened = control(live, { action: 'open' }, T0).state;
    expect(opened.closesAt).toBe(T0 + 30_000);
    const first = bid(opened, 1, 500, undefined, T0 + 10_000).state;
    expect(first.closesAt).toBe(T0 + 40_000);
    // the countdown has run out, but only the hammer closes a live lot
    const late = bid(first, 2, 600, undefined, T0 + 90_000);
    expect(accepted(late.outcome).closesAt).toBe(T0 + 120_000);
  });
});

describe('placeBid: refusals', () => {
  it('refuses LOT_NOT_OPEN before the opening and on a paused or unopened live lot', () => {
    const lot = timed();
    expect(refused(bid(lot, 1, 500, undefined, T0 - 1), lot).code).toBe('LOT_NOT_OPEN');
    const live = newLot(rules({ format: 'live' }), T0, T0);
    expect(refused(bid(live, 1, 500), live).code).toBe('LOT_NOT_OPEN');
    const paused: LotState = { ...live, phase: 'paused' };
    expect(refused(bid(paused, 1, 500), paused).code).toBe('LOT_NOT_OPEN');
  });

  it('refuses LOT_CLOSED from closesAt on, and on ended or withdrawn lots', () => {
    const lot = timed();
    expect(refused(bid(lot, 1, 500, undefined, END), lot).code).toBe('LOT_CLOSED');
    const closed = close(bid(lot, 1, 500).state, END);
    expect(refused(bid(closed, 2, 600, undefined, END), closed).code).toBe('LOT_CLOSED');
    for (const phase of ['sold', 'unsold', 'withdrawn'] as const) {
      const ended: LotState = { ...lot, phase };
      expect(refused(bid(ended, 1, 500), ended).code).toBe('LOT_CLOSED');
    }
  });

  it.each<[string, number, number | undefined]>([
    ['an amount of 0', 0, undefined],
    ['a negative amount', -500, undefined],
    ['a fractional amount', 500.5, undefined],
    ['NaN', Number.NaN, undefined],
    ['an unsafe amount', Number.MAX_SAFE_INTEGER + 1, undefined],
    ['a maximum below the amount', 600, 599],
    ['a fractional maximum', 600, 700.5],
    ['an infinite maximum', 600, Number.POSITIVE_INFINITY],
  ])('refuses INVALID_INPUT for %s', (_name, amount, maxAmount) => {
    const lot = timed();
    const refusal = refused(bid(lot, 1, amount, maxAmount), lot);
    expect(refusal).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.any(String) });
  });

  it('checks the phase before the amounts', () => {
    const lot = timed();
    expect(refused(bid(lot, 1, -1, undefined, END), lot).code).toBe('LOT_CLOSED');
  });
});

describe('placeBid: idempotency', () => {
  it('replays the first outcome for a known bidId and changes nothing', () => {
    const first = bid(timed(), 1, 500, 2_000, T0 + 1_000, 'same');
    const later = bid(first.state, 2, 700).state;
    const replay = bid(later, 1, 9_000, 9_000, T0 + 2_000, 'same');
    expect(replay.state).toBe(later);
    expect(replay.outcome).toEqual(first.outcome);
    expect(later.seq).toBe(3);
  });

  it('replays even after the close', () => {
    const first = bid(timed(), 1, 500, undefined, T0 + 1_000, 'early');
    const closed = close(first.state, END);
    const replay = bid(closed, 1, 500, undefined, END + HOUR, 'early');
    expect(replay.state).toBe(closed);
    expect(replay.outcome).toEqual(first.outcome);
  });

  it('judges a retry of a refused bid afresh', () => {
    const lot = timed();
    expect(refused(bid(lot, 1, 500, undefined, T0 - 1, 'retry'), lot).code).toBe('LOT_NOT_OPEN');
    const retried = bid(lot, 1, 500, undefined, T0 + 5, 'retry');
    expect(accepted(retried.outcome).seq).toBe(1);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'treats the bidId %p as a plain key',
    (bidId) => {
      const lot = timed();
      const first = bid(lot, 1, 500, undefined, T0 + 1_000, bidId);
      expect(accepted(first.outcome).seq).toBe(1);
      expect(Object.keys(first.state.accepted)).toEqual([bidId]);
      expect(Object.getPrototypeOf(first.state.accepted)).toBe(Object.prototype);
      const replay = bid(first.state, 1, 600, undefined, T0 + 2_000, bidId);
      expect(replay.state).toBe(first.state);
    },
  );
});

describe('placeBid: state', () => {
  it('stays plain JSON', () => {
    let lot = timed({ reservePrice: 1_200 });
    lot = bid(lot, 1, 500, 2_000).state;
    lot = bid(lot, 2, 700).state;
    lot = bid(lot, 3, 900, 4_000).state;
    expect(JSON.parse(JSON.stringify(lot))).toStrictEqual(lot);
  });
});
