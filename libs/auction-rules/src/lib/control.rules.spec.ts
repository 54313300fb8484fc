import type {
  ControlAction,
  ControlCommand,
  ControlResult,
  LotRules,
  LotState,
  Refusal,
} from './auction.types';
import { placeBid } from './bid.rules';
import { control } from './control.rules';
import { newLot } from './lot.rules';

const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const HOUR = 3_600_000;
const COUNTDOWN = 30_000;

function rules(overrides: Partial<LotRules> = {}): LotRules {
  return {
    format: 'live',
    startingPrice: 500,
    reservePrice: null,
    ladder: [[0, 100]],
    softCloseMs: 60_000,
    liveCountdownMs: COUNTDOWN,
    ...overrides,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Runs a command on a frozen state (any mutation throws). */
function run(state: LotState, command: ControlCommand, now = T0 + 1_000): ControlResult {
  return control(deepFreeze(state), deepFreeze(command), now);
}

function refused(result: ControlResult, given: LotState): Refusal {
  expect(result.state).toBe(given);
  if (result.result.ok) throw new Error(`accepted ${result.result.action}`);
  return result.result;
}

const scheduled = (overrides: Partial<LotRules> = {}): LotState =>
  newLot(rules(overrides), T0, T0 + HOUR);
const opened = (overrides: Partial<LotRules> = {}): LotState =>
  run(scheduled(overrides), { action: 'open' }, T0).state;

/** An open live lot with bids from paddles 1 and 2 (seq 1..3). */
function withBids(overrides: Partial<LotRules> = {}): LotState {
  let lot = opened(overrides);
  lot = placeBid(lot, { bidId: 'a', paddle: 1, amount: 500, maxAmount: 800 }, T0 + 1_000).state;
  lot = placeBid(lot, { bidId: 'b', paddle: 2, amount: 600 }, T0 + 2_000).state;
  return lot;
}

describe('control: open, pause, resume, going', () => {
  it('opens a scheduled live lot and starts the countdown', () => {
    const { state, result } = run(scheduled(), { action: 'open' }, T0 + 5);
    expect(state).toEqual({ ...scheduled(), phase: 'open', closesAt: T0 + 5 + COUNTDOWN });
    expect(result).toEqual({
      ok: true,
      action: 'open',
      phase: 'open',
      closesAt: T0 + 5 + COUNTDOWN,
      end: null,
    });
  });

  it('pauses an open lot and restarts the countdown on resume', () => {
    const paused = run(opened(), { action: 'pause' }, T0 + 10_000).state;
    expect(paused.phase).toBe('paused');
    expect(paused.closesAt).toBe(T0 + COUNTDOWN);
    const resumed = run(paused, { action: 'resume' }, T0 + HOUR).state;
    expect(resumed).toMatchObject({ phase: 'open', closesAt: T0 + HOUR + COUNTDOWN });
  });

  it('announces going on an open lot without changing it', () => {
    const lot = opened();
    const { state, result } = run(lot, { action: 'going' });
    expect(state).toBe(lot);
    expect(result.ok).toBe(true);
  });

  it.each<[string, () => LotState, ControlAction]>([
    ['open an open lot', () => opened(), 'open'],
    ['pause a scheduled lot', () => scheduled(), 'pause'],
    ['pause a paused lot', () => run(opened(), { action: 'pause' }).state, 'pause'],
    ['resume an open lot', () => opened(), 'resume'],
    ['call going on a paused lot', () => run(opened(), { action: 'pause' }).state, 'going'],
    ['hammer a scheduled lot', () => scheduled(), 'hammer'],
  ])('refuses to %s with LOT_NOT_OPEN', (_name, lot, action) => {
    const given = lot();
    expect(refused(run(given, { action }), given).code).toBe('LOT_NOT_OPEN');
  });
});

describe('control: hammer', () => {
  it('refuses CONFLICT when a newer bid exists than the broker saw', () => {
    const lot = withBids();
    expect(lot.seq).toBe(3);
    expect(refused(run(lot, { action: 'hammer', lastSeq: 2 }), lot)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: expect.any(String),
    });
    expect(refused(run(lot, { action: 'hammer' }), lot).code).toBe('CONFLICT');
  });

  it('sells to the leader when the broker saw the last bid', () => {
    const { state, result } = run(withBids(), { action: 'hammer', lastSeq: 3 });
    expect(state.phase).toBe('sold');
    expect(result).toMatchObject({
      ok: true,
      phase: 'sold',
      end: { outcome: 'sold', price: 700, winnerPaddle: 1 },
    });
  });

  it('ends unsold without bids, or when the reserve is not met', () => {
    expect(run(opened(), { action: 'hammer' }).state.phase).toBe('unsold');
    const { state, result } = run(withBids({ reservePrice: 10_000 }), {
      action: 'hammer',
      lastSeq: 3,
    });
    expect(state.phase).toBe('unsold');
    expect(result).toMatchObject({ end: { outcome: 'unsold', price: null, winnerPaddle: null } });
  });

  it('works on a paused lot', () => {
    const paused = run(withBids(), { action: 'pause' }).state;
    expect(run(paused, { action: 'hammer', lastSeq: 3 }).state.phase).toBe('sold');
  });

  it.each([-1, 2.5, Number.NaN])('refuses the lastSeq %p as INVALID_INPUT', (lastSeq) => {
    const lot = withBids();
    expect(refused(run(lot, { action: 'hammer', lastSeq }), lot).code).toBe('INVALID_INPUT');
  });

  it('ends the lot: no more bids, no more controls', () => {
    const sold = run(withBids(), { action: 'hammer', lastSeq: 3 }).state;
    const late = placeBid(sold, { bidId: 'late', paddle: 2, amount: 5_000 }, T0 + 3_000);
    expect(late.state).toBe(sold);
    expect(late.outcome).toMatchObject({ ok: false, code: 'LOT_CLOSED' });
    for (const action of ['open', 'pause', 'resume', 'going', 'hammer', 'withdraw'] as const) {
      expect(refused(run(sold, { action, lastSeq: 3 }), sold).code).toBe('LOT_CLOSED');
    }
  });
});

describe('control: withdraw', () => {
  it.each<[string, () => LotState]>([
    ['scheduled', () => scheduled()],
    ['open', () => withBids()],
    ['paused', () => run(opened(), { action: 'pause' }).state],
  ])('withdraws a %s live lot', (_name, lot) => {
    const { state, result } = run(lot(), { action: 'withdraw' });
    expect(state.phase).toBe('withdrawn');
    expect(result).toMatchObject({
      ok: true,
      end: { outcome: 'withdrawn', price: null, winnerPaddle: null },
    });
  });

  it('withdraws a running timed lot, which then takes no bids', () => {
    const lot = newLot(rules({ format: 'timed' }), T0, T0 + HOUR);
    const withdrawn = run(lot, { action: 'withdraw' }, T0 + 10).state;
    expect(withdrawn.phase).toBe('withdrawn');
    const late = placeBid(withdrawn, { bidId: 'x', paddle: 1, amount: 500 }, T0 + 20);
    expect(late.outcome).toMatchObject({ ok: false, code: 'LOT_CLOSED' });
  });

  it('refuses LOT_CLOSED once a timed lot is past its close', () => {
    const lot = newLot(rules({ format: 'timed' }), T0, T0 + HOUR);
    expect(refused(run(lot, { action: 'withdraw' }, T0 + HOUR), lot).code).toBe('LOT_CLOSED');
  });

  it('refuses to withdraw twice', () => {
    const withdrawn = run(scheduled(), { action: 'withdraw' }).state;
    expect(refused(run(withdrawn, { action: 'withdraw' }), withdrawn).code).toBe('LOT_CLOSED');
  });
});

describe('control: timed lots', () => {
  const timed = (): LotState => newLot(rules({ format: 'timed' }), T0, T0 + HOUR);

  it.each<ControlAction>(['open', 'pause', 'resume', 'going', 'hammer'])(
    'refuses the live control %p while the lot runs',
    (action) => {
      const lot = timed();
      expect(refused(run(lot, { action, lastSeq: 0 }, T0 + 10), lot).code).toBe('LOT_NOT_OPEN');
    },
  );

  it('refuses them with LOT_CLOSED after the close', () => {
    const lot = timed();
    expect(refused(run(lot, { action: 'hammer', lastSeq: 0 }, T0 + HOUR), lot).code).toBe(
      'LOT_CLOSED',
    );
  });

  it('refuses an unknown action', () => {
    const lot = scheduled();
    const action = 'explode' as unknown as ControlAction;
    expect(refused(run(lot, { action }), lot).code).toBe('LOT_NOT_OPEN');
  });
});
