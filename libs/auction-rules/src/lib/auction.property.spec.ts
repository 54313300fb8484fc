import fc from 'fast-check';
import assert from 'node:assert/strict';
import type {
  Bid,
  BidOutcome,
  BidOutcomeAccepted,
  ControlAction,
  ControlCommand,
  ControlOutcome,
  HistoryEntry,
  Ladder,
  LotRules,
  LotState,
} from './auction.types';
import { placeBid } from './bid.rules';
import { control } from './control.rules';
import { increment, validateLadder } from './ladder.rules';
import { close, effectivePhase, isEndPhase, minNext, newLot, reserveMet } from './lot.rules';

const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const NUM_RUNS = 300;

// ---------------------------------------------------------------------------------------------
// Scenarios: a random lot, then random bids from a few paddles at increasing times, retries of
// earlier bidIds, broker controls and closes.

/** An amount: minNext + offset, a raw number, or near the leading maximum (to make ties). */
type AmountChoice = { offset: number } | { raw: number } | { nearLeader: number };
/** A proxy maximum: none, the amount + extra, or near the leading maximum. */
type MaxChoice = null | { extra: number } | { nearLeader: number };

type Action =
  | { type: 'bid'; dt: number; paddle: number; amount: AmountChoice; max: MaxChoice }
  | { type: 'retry'; dt: number; pick: number; changed: boolean }
  | { type: 'control'; dt: number; action: ControlAction; lag: number | null }
  | { type: 'close'; dt: number }
  /** Jumps to closesAt + to (never back in time), to hit the close exactly. */
  | { type: 'jump'; dt: number; to: number };

interface Scenario {
  rules: LotRules;
  duration: number;
  startOffset: number;
  openLive: boolean;
  actions: Action[];
  /** Usually ends the lot: a hammer, a withdrawal or a close, often late. */
  finale: Action;
  /** Bids and retries after the finale. */
  tail: Action[];
}

const ladderArb: fc.Arbitrary<Ladder> = fc
  .tuple(
    fc.integer({ min: 1, max: 500 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 2_000 })), {
      maxLength: 4,
    }),
  )
  .map(([firstStep, rows]) => {
    const ladder: Ladder = [[0, firstStep]];
    let from = 0;
    for (const [gap, step] of rows) {
      from += gap;
      ladder.push([from, step]);
    }
    return ladder;
  });

const rulesArb: fc.Arbitrary<LotRules> = fc.record({
  format: fc.constantFrom('timed' as const, 'live' as const),
  startingPrice: fc.integer({ min: 1, max: 3_000 }),
  reservePrice: fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: null }),
  ladder: ladderArb,
  softCloseMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30_000 })),
  liveCountdownMs: fc.integer({ min: 0, max: 20_000 }),
});

const dtArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 1_500 }), weight: 12 },
  { arbitrary: fc.integer({ min: 0, max: 20_000 }), weight: 1 },
);

const amountArb: fc.Arbitrary<AmountChoice> = fc.oneof(
  { arbitrary: fc.integer({ min: -300, max: -1 }).map((offset) => ({ offset })), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 300 }).map((offset) => ({ offset })), weight: 6 },
  { arbitrary: fc.integer({ min: 0, max: 8_000 }).map((offset) => ({ offset })), weight: 3 },
  {
    arbitrary: fc.integer({ min: -1, max: 1 }).map((nearLeader) => ({ nearLeader })),
    weight: 2,
  },
  {
    arbitrary: fc
      .oneof(
        fc.integer({ min: -10, max: 50_000 }),
        fc.constantFrom(0, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1),
      )
      .map((raw) => ({ raw })),
    weight: 1,
  },
);

const maxArb: fc.Arbitrary<MaxChoice> = fc.oneof(
  { arbitrary: fc.constant<MaxChoice>(null), weight: 4 },
  {
    arbitrary: fc.integer({ min: 0, max: 20_000 }).map((extra): MaxChoice => ({ extra })),
    weight: 4,
  },
  {
    arbitrary: fc.integer({ min: -50, max: -1 }).map((extra): MaxChoice => ({ extra })),
    weight: 1,
  },
  {
    arbitrary: fc.integer({ min: -1, max: 1 }).map((nearLeader): MaxChoice => ({ nearLeader })),
    weight: 2,
  },
);

const bidActionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      type: fc.constant('bid' as const),
      dt: dtArb,
      paddle: fc.integer({ min: 1, max: 4 }),
      amount: amountArb,
      max: maxArb,
    }),
    weight: 12,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('retry' as const),
      dt: dtArb,
      pick: fc.nat(),
      changed: fc.boolean(),
    }),
    weight: 3,
  },
);

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: bidActionArb, weight: 15 },
  {
    arbitrary: fc.record({
      type: fc.constant('control' as const),
      dt: dtArb,
      action: fc.constantFrom<ControlAction>(
        'open',
        'pause',
        'resume',
        'going',
        'going',
        'resume',
        'hammer',
        'withdraw',
      ),
      lag: fc.option(fc.integer({ min: -1, max: 2 }), { nil: null }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ type: fc.constant('close' as const), dt: dtArb }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('jump' as const),
      dt: fc.constant(0),
      to: fc.integer({ min: -1, max: 0 }),
    }),
    weight: 1,
  },
);

const finaleArb: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      type: fc.constant('control' as const),
      dt: dtArb,
      action: fc.constant<ControlAction>('hammer'),
      lag: fc.oneof(fc.constant(0), fc.constant(null), fc.integer({ min: -1, max: 2 })),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('control' as const),
      dt: dtArb,
      action: fc.constant<ControlAction>('withdraw'),
      lag: fc.constant(null),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('close' as const),
      dt: fc.integer({ min: 0, max: 60_000 }),
    }),
    weight: 3,
  },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  rules: rulesArb,
  duration: fc.oneof(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 20_000, max: 60_000 })),
  startOffset: fc.integer({ min: -3_000, max: 1_000 }),
  openLive: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, fc.constant(false)),
  actions: fc.array(actionArb, { maxLength: 40, size: 'max' }),
  finale: finaleArb,
  tail: fc.array(bidActionArb, { maxLength: 5 }),
});

// ---------------------------------------------------------------------------------------------
// Running a scenario records every call: its inputs, frozen before the call (so any mutation
// throws at once), the state's JSON taken before the call, and what came back.

interface Common {
  now: number;
  before: LotState;
  /** JSON.stringify(before), taken before the call. */
  json: string;
  after: LotState;
  /** Whether the lot had ended at `now`, before the call. */
  endedBefore: boolean;
}
type Step =
  | (Common & {
      kind: 'bid';
      bid: Bid;
      bidCopy: Bid;
      outcome: BidOutcome;
      /** The first outcome of this bidId, when an earlier call accepted it. */
      firstOutcome: BidOutcomeAccepted | null;
    })
  | (Common & { kind: 'control'; command: ControlCommand; result: ControlOutcome })
  | (Common & { kind: 'close' });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * A deep copy made in this realm: jest's structuredClone builds objects of the outer realm, which
 * node's strict deep equality tells apart by their prototype.
 */
function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => deepCopy(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, deepCopy(item)]),
    ) as T;
  }
  return value;
}

function amountOf(choice: AmountChoice, state: LotState): number {
  if ('raw' in choice) return choice.raw;
  if ('offset' in choice) return Math.max(1, minNext(state) + choice.offset);
  return (state.leader?.max ?? minNext(state)) + choice.nearLeader;
}

function maxOf(choice: MaxChoice, amount: number, state: LotState): number | undefined {
  if (choice === null) return undefined;
  if ('extra' in choice) return amount + choice.extra;
  return (state.leader?.max ?? minNext(state)) + choice.nearLeader;
}

function run(scenario: Scenario): Step[] {
  let state = newLot(scenario.rules, T0, T0 + scenario.duration);
  let now = T0 + scenario.startOffset;
  if (scenario.rules.format === 'live' && scenario.openLive) {
    state = control(state, { action: 'open' }, now).state;
  }
  const steps: Step[] = [];
  const bids: Bid[] = [];
  const firstOutcomes = new Map<string, BidOutcomeAccepted>();

  const place = (bid: Bid): void => {
    const common = {
      now,
      before: state,
      json: JSON.stringify(state),
      endedBefore: isEndPhase(effectivePhase(state, now)),
    };
    const bidCopy = deepCopy(bid);
    const { state: after, outcome } = placeBid(deepFreeze(state), deepFreeze(bid), now);
    const firstOutcome = firstOutcomes.get(bid.bidId) ?? null;
    steps.push({ ...common, kind: 'bid', bid, bidCopy, after, outcome, firstOutcome });
    if (outcome.ok && firstOutcome === null) firstOutcomes.set(bid.bidId, outcome);
    state = after;
  };

  for (const action of [...scenario.actions, scenario.finale, ...scenario.tail]) {
    now += action.dt;
    const ended = isEndPhase(effectivePhase(state, now));
    switch (action.type) {
      case 'bid': {
        const amount = amountOf(action.amount, state);
        const maxAmount = maxOf(action.max, amount, state);
        const bidId = `bid-${bids.length + 1}`;
        const bid: Bid =
          maxAmount === undefined
            ? { bidId, paddle: action.paddle, amount }
            : { bidId, paddle: action.paddle, amount, maxAmount };
        bids.push(bid);
        place(bid);
        break;
      }
      case 'retry': {
        if (bids.length === 0) break;
        const earlier = bids[action.pick % bids.length];
        place(action.changed ? { ...earlier, amount: amountOf({ offset: 0 }, state) } : earlier);
        break;
      }
      case 'control': {
        const command: ControlCommand =
          action.lag === null
            ? { action: action.action }
            : { action: action.action, lastSeq: state.seq - action.lag };
        const json = JSON.stringify(state);
        const { state: after, result } = control(deepFreeze(state), deepFreeze(command), now);
        steps.push({
          kind: 'control',
          now,
          before: state,
          json,
          after,
          endedBefore: ended,
          command,
          result,
        });
        state = after;
        break;
      }
      case 'jump':
        now = Math.max(now, state.closesAt + action.to);
        break;
      case 'close': {
        const json = JSON.stringify(state);
        const after = close(deepFreeze(state), now);
        steps.push({ kind: 'close', now, before: state, json, after, endedBefore: ended });
        state = after;
        break;
      }
    }
  }
  return steps;
}

type BidStep = Extract<Step, { kind: 'bid' }>;
type FreshAccepted = BidStep & { outcome: BidOutcomeAccepted };

/** Bids accepted for the first time (not replays), in order. */
function freshAccepted(steps: Step[]): FreshAccepted[] {
  return steps.filter(
    (step): step is FreshAccepted =>
      step.kind === 'bid' && step.outcome.ok && step.firstOutcome === null,
  );
}

function finalState(scenario: Scenario, steps: Step[]): LotState {
  return steps.length === 0
    ? newLot(scenario.rules, T0, T0 + scenario.duration)
    : steps[steps.length - 1].after;
}

function check(predicate: (scenario: Scenario, steps: Step[]) => void): void {
  fc.assert(
    fc.property(scenarioArb, (scenario) => predicate(scenario, run(scenario))),
    { numRuns: NUM_RUNS },
  );
}

// ---------------------------------------------------------------------------------------------
// The properties use node:assert inside their loops (jest's expect is slow there); fast-check
// reports the failing scenario, shrunk, with the assertion's message.

describe('auction rules: properties', () => {
  it('generates ladders that validateLadder accepts, and increment covers every price', () => {
    fc.assert(
      fc.property(ladderArb, fc.integer({ min: 0, max: 1_000_000 }), (ladder, price) => {
        assert.equal(validateLadder(ladder), null);
        assert.ok(increment(ladder, price) > 0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the price never falls, stays within [starting price, leading maximum], meets the reserve', () => {
    check((scenario, steps) => {
      for (const { before, after } of steps) {
        if (after.leader === null) {
          assert.equal(after.price, null, 'a price without a leader');
          assert.equal(before.leader, null, 'the leader vanished');
          continue;
        }
        assert.ok(after.price !== null, 'a leader without a price');
        assert.ok(after.price >= scenario.rules.startingPrice, 'below the starting price');
        assert.ok(after.price <= after.leader.max, "above the leader's maximum");
        if (before.price !== null) assert.ok(after.price >= before.price, 'the price fell');
        const { reservePrice } = scenario.rules;
        if (reservePrice !== null) {
          assert.equal(
            after.price >= reservePrice,
            after.leader.max >= reservePrice,
            'the price reaches the reserve exactly when the leading maximum does',
          );
        }
      }
    });
  });

  it('the leader holds the highest maximum of the accepted bids, the earliest on ties', () => {
    check((_scenario, steps) => {
      let best: { paddle: number; max: number } | null = null;
      for (const { bid, before, after, outcome } of freshAccepted(steps)) {
        const cap = bid.maxAmount ?? bid.amount;
        if (best === null || cap > best.max) best = { paddle: bid.paddle, max: cap };
        assert.deepEqual(
          after.leader === null ? null : { paddle: after.leader.paddle, max: after.leader.max },
          best,
        );
        assert.equal(outcome.leaderPaddle, best.paddle);
        assert.equal(outcome.leader, best.paddle === bid.paddle);
        const former = before.leader?.paddle ?? null;
        assert.equal(
          outcome.outbid?.paddle ?? null,
          former !== null && former !== best.paddle ? former : null,
          'outbid names the former leader exactly when the lead changed hands',
        );
      }
    });
  });

  it('seq is gapless from 1, bidCount equals seq, and every outcome matches its state', () => {
    check((scenario, steps) => {
      const history: HistoryEntry[] = [];
      for (const { bid, now, before, after, outcome } of freshAccepted(steps)) {
        assert.deepEqual(
          outcome.entries.map((entry) => entry.seq),
          Array.from({ length: after.seq - before.seq }, (_, i) => before.seq + 1 + i),
        );
        assert.ok(outcome.entries.length > 0);
        assert.ok(outcome.entries.every((entry) => entry.at === now));
        const own = outcome.entries.find((entry) => entry.seq === outcome.seq);
        assert.equal(own?.paddle, bid.paddle, "the outcome's seq is the bidder's own entry");
        assert.equal(outcome.entries[outcome.entries.length - 1].amount, after.price);
        assert.deepEqual(
          [outcome.lastSeq, outcome.price, outcome.closesAt, outcome.reserveMet, outcome.minNext],
          [after.seq, after.price, after.closesAt, reserveMet(after), minNext(after)],
        );
        history.push(...outcome.entries);
        const leaderEntries = history.filter((entry) => entry.paddle === after.leader?.paddle);
        assert.equal(
          after.leader?.seq,
          leaderEntries[leaderEntries.length - 1]?.seq,
          "leader.seq is the leader's latest entry",
        );
      }
      assert.deepEqual(
        history.map((entry) => entry.seq),
        Array.from({ length: history.length }, (_, i) => i + 1),
      );
      assert.equal(finalState(scenario, steps).seq, history.length);
      for (const step of steps) assert.equal(step.after.bidCount, step.after.seq);
      for (let i = 1; i < history.length; i++) {
        assert.ok(history[i].amount >= history[i - 1].amount, 'history amounts fell');
      }
    });
  });

  it('an accepted bid in the soft-close window moves the close to now + W (live: the countdown)', () => {
    check((scenario, steps) => {
      const { format, softCloseMs, liveCountdownMs } = scenario.rules;
      for (const { before, after, now } of freshAccepted(steps)) {
        if (format === 'live') {
          assert.equal(after.closesAt, now + liveCountdownMs);
        } else if (before.closesAt - now <= softCloseMs) {
          assert.equal(after.closesAt, now + softCloseMs);
        } else {
          assert.equal(after.closesAt, before.closesAt);
        }
      }
    });
  });

  it('a refused bid or control changes nothing', () => {
    check((_scenario, steps) => {
      for (const step of steps) {
        const refused =
          (step.kind === 'bid' && !step.outcome.ok) || (step.kind === 'control' && !step.result.ok);
        if (refused) assert.equal(JSON.stringify(step.after), step.json);
      }
    });
  });

  it('replaying a bidId changes nothing and returns the first outcome', () => {
    check((_scenario, steps) => {
      for (const step of steps) {
        if (step.kind !== 'bid' || step.firstOutcome === null) continue;
        assert.deepEqual(step.outcome, step.firstOutcome);
        assert.equal(JSON.stringify(step.after), step.json);
      }
    });
  });

  it('never mutates its inputs', () => {
    check((_scenario, steps) => {
      // the inputs were frozen before each call; checked again after the whole run, so a later
      // call that touched shared data would show too
      for (const step of steps) {
        assert.ok(Object.isFrozen(step.before));
        assert.equal(JSON.stringify(step.before), step.json);
        if (step.kind === 'bid') assert.deepEqual(step.bid, step.bidCopy);
      }
    });
  });

  it('bids are accepted only while the lot is open; after the close none, and it stays ended', () => {
    check((scenario, steps) => {
      for (const { now, before } of freshAccepted(steps)) {
        if (scenario.rules.format === 'timed') {
          assert.ok(before.opensAt <= now && now < before.closesAt, 'accepted outside the window');
          assert.ok(before.phase === 'scheduled' || before.phase === 'open');
        } else {
          assert.equal(before.phase, 'open');
        }
      }
      let ended = false;
      for (const step of steps) {
        if (ended) assert.ok(step.endedBefore, 'an ended lot came back');
        ended = step.endedBefore || isEndPhase(effectivePhase(step.after, step.now));
        if (step.kind === 'bid' && step.endedBefore && step.firstOutcome === null) {
          assert.ok(!step.outcome.ok && step.outcome.code === 'LOT_CLOSED', 'a bid after close');
        }
      }
    });
  });

  it('the hammer never falls over a bid the broker has not seen', () => {
    check((_scenario, steps) => {
      for (const step of steps) {
        if (step.kind !== 'control' || step.command.action !== 'hammer') continue;
        const { lastSeq } = step.command;
        const stale = lastSeq === undefined ? step.before.seq > 0 : lastSeq < step.before.seq;
        const hammerable =
          step.before.rules.format === 'live' &&
          (step.before.phase === 'open' || step.before.phase === 'paused');
        if (step.result.ok) {
          assert.ok(hammerable && !stale);
          assert.ok(isEndPhase(step.after.phase));
        } else if (hammerable && stale && (lastSeq === undefined || lastSeq >= 0)) {
          assert.equal(step.result.code, 'CONFLICT');
        }
      }
    });
  });

  it('keeps the state plain JSON', () => {
    check((scenario, steps) => {
      const last = finalState(scenario, steps);
      assert.deepEqual(JSON.parse(JSON.stringify(last)), last);
    });
  });

  it('exercises the interesting cases (no vacuous properties)', () => {
    const seen = { accepted: 0, proxyDuels: 0, softClose: 0, replays: 0, hammers: 0, late: 0 };
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const steps = run(scenario);
        for (const step of steps) {
          if (step.kind === 'bid' && step.firstOutcome !== null) seen.replays += 1;
          if (step.kind === 'bid' && step.endedBefore) seen.late += 1;
          if (step.kind === 'control' && step.command.action === 'hammer' && step.result.ok) {
            seen.hammers += 1;
          }
        }
        for (const step of freshAccepted(steps)) {
          seen.accepted += 1;
          if (step.outcome.entries.length > 1) seen.proxyDuels += 1;
          if (step.after.closesAt > step.before.closesAt && scenario.rules.format === 'timed') {
            seen.softClose += 1;
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(seen.accepted).toBeGreaterThan(3 * NUM_RUNS);
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(10);
  });
});
