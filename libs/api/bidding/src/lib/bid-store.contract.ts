import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  minNext,
  newLot,
  placeBid,
  type Bid,
  type BidOutcome,
  type BidOutcomeAccepted,
  type Ladder,
  type LotPhase,
  type LotRules,
  type LotState,
  type Refusal,
} from '@kepai/auction-rules';
import type { BidStore, LotLoader, PlaceResult } from './bid-store';

/** A store under test, with what the contract needs around it. */
export interface BidStoreHarness {
  store: BidStore;
  /**
   * Moves the store's clock to `ms` (stores that take a clock, like the in-process one). Stores
   * on a clock of their own (Redis TIME) leave it out, and the scenarios that travel in time are
   * skipped for them; every other scenario places its lots relative to `store.now()`.
   */
  setNow?: (ms: number) => void;
  /** Drops everything the store holds for this suite (Redis: the suite's keys). */
  cleanup: () => Promise<void>;
}

export type MakeBidStore = () => Promise<BidStoreHarness>;

const SECOND = 1_000;
const HOUR = 3_600_000;

/** 100 fen a step up to 10 000, then 500 up to 100 000, then 1 000. */
export const CONTRACT_LADDER: Ladder = [
  [0, 100],
  [10_000, 500],
  [100_000, 1_000],
];

function timedRules(overrides: Partial<LotRules> = {}): LotRules {
  return {
    format: 'timed',
    startingPrice: 1_000,
    reservePrice: null,
    ladder: CONTRACT_LADDER,
    softCloseMs: 0,
    liveCountdownMs: 0,
    ...overrides,
  };
}

function liveRules(overrides: Partial<LotRules> = {}): LotRules {
  return timedRules({ format: 'live', liveCountdownMs: 30 * SECOND, ...overrides });
}

/** A lot as PostgreSQL would give it back: a loader that counts its calls, on a "database". */
interface TestLot {
  lotId: string;
  load: LotLoader;
  /** How often the store called the loader. */
  loads: () => number;
  /** Replaces what the loader answers (what PostgreSQL holds). */
  persist: (state: LotState) => void;
  initial: LotState;
}

function testLot(initial: LotState): TestLot {
  let stored = JSON.stringify(initial);
  let loads = 0;
  return {
    lotId: randomUUID(),
    load: async () => {
      loads += 1;
      return JSON.parse(stored) as LotState;
    },
    loads: () => loads,
    persist: (state) => {
      stored = JSON.stringify(state);
    },
    initial,
  };
}

interface LotTimes {
  /** ms from the store's now; default: opened a second ago */
  opensIn?: number;
  /** ms from the store's now; default: closes in an hour */
  closesIn?: number;
  phase?: LotPhase;
}

async function lotOn(store: BidStore, rules: LotRules, times: LotTimes = {}): Promise<TestLot> {
  const now = await store.now();
  return testLot(
    newLot(
      rules,
      now + (times.opensIn ?? -SECOND),
      now + (times.closesIn ?? HOUR),
      times.phase ?? 'scheduled',
    ),
  );
}

function bid(paddle: number, amount: number, maxAmount?: number): Bid {
  return maxAmount === undefined
    ? { bidId: randomUUID(), paddle, amount }
    : { bidId: randomUUID(), paddle, amount, maxAmount };
}

function accepted(result: PlaceResult): BidOutcomeAccepted {
  if (!result.outcome.ok) {
    throw new Error(`expected an accepted bid, got ${JSON.stringify(result.outcome)}`);
  }
  return result.outcome;
}

function refused(result: PlaceResult): Refusal {
  if (result.outcome.ok) {
    throw new Error(`expected a refusal, got ${JSON.stringify(result.outcome)}`);
  }
  return result.outcome;
}

/** The model's answer to the same bid, on the state the store held before it, at the store's now. */
function modelOutcome(before: LotState, placed: Bid, now: number): BidOutcome {
  return placeBid(before, placed, now).outcome;
}

/**
 * The contract every bid store passes (DESIGN §4): the reference model's outcomes, one atomic
 * step per bid with the store's clock, gapless sequence numbers, idempotent retries, and a lot
 * rebuilt through the loader when the store does not hold it.
 */
export function describeBidStoreContract(name: string, makeStore: MakeBidStore): void {
  describe(`BidStore contract: ${name}`, () => {
    let harness: BidStoreHarness;
    let store: BidStore;

    beforeAll(async () => {
      harness = await makeStore();
      store = harness.store;
    });

    afterAll(async () => {
      await harness.cleanup();
    });

    it('accepts a first bid at its amount, loading the lot once', async () => {
      const lot = await lotOn(store, timedRules());
      const placed = bid(1, 1_200);
      const result = await store.place(lot.lotId, placed, lot.load);

      expect(result.replay).toBe(false);
      expect(result.outcome).toStrictEqual({
        ok: true,
        seq: 1,
        lastSeq: 1,
        price: 1_200,
        leader: true,
        leaderPaddle: 1,
        closesAt: lot.initial.closesAt,
        reserveMet: true,
        minNext: 1_300,
        entries: [{ seq: 1, paddle: 1, amount: 1_200, kind: 'manual', at: result.now }],
        outbid: null,
      });
      expect(result.state).toStrictEqual(placeBid(lot.initial, placed, result.now).state);
      expect(lot.loads()).toBe(1);

      const held = await store.state(lot.lotId, lot.load);
      expect(held.state).toStrictEqual(result.state);
      expect(held.now).toBeGreaterThanOrEqual(result.now);
      expect(lot.loads()).toBe(1);
    });

    it('tells the former leader when they are outbid', async () => {
      const lot = await lotOn(store, timedRules());
      await store.place(lot.lotId, bid(1, 1_000), lot.load);
      const result = await store.place(lot.lotId, bid(2, 1_500), lot.load);

      expect(accepted(result)).toMatchObject({
        seq: 2,
        lastSeq: 2,
        price: 1_500,
        leader: true,
        leaderPaddle: 2,
        minNext: 1_600,
        outbid: { paddle: 1, price: 1_500, minNext: 1_600 },
      });
      expect(result.state.leader).toStrictEqual({ paddle: 2, max: 1_500, seq: 2 });
      expect(result.state.price).toBe(1_500);
    });

    it('runs a proxy duel: the higher maximum wins at the lower plus one step', async () => {
      const lot = await lotOn(store, timedRules());
      // paddle 1 may go to 8 000
      const first = accepted(await store.place(lot.lotId, bid(1, 1_000, 8_000), lot.load));
      expect(first).toMatchObject({ price: 1_000, leader: true });
      expect(first.entries).toMatchObject([{ seq: 1, paddle: 1, amount: 1_000, kind: 'proxy' }]);

      // paddle 2 (up to 5 000) loses to the proxy, which answers at 5 000 + 100
      const second = accepted(await store.place(lot.lotId, bid(2, 2_000, 5_000), lot.load));
      expect(second).toMatchObject({
        seq: 2,
        lastSeq: 3,
        price: 5_100,
        leader: false,
        leaderPaddle: 1,
        outbid: null,
      });
      expect(second.entries).toMatchObject([
        { seq: 2, paddle: 2, amount: 5_000, kind: 'proxy' },
        { seq: 3, paddle: 1, amount: 5_100, kind: 'proxy' },
      ]);

      // paddle 2 comes back with 20 000: wins at 8 000 + 100; the former proxy is written first
      const third = await store.place(lot.lotId, bid(2, 5_200, 20_000), lot.load);
      expect(accepted(third)).toMatchObject({
        seq: 5,
        lastSeq: 5,
        price: 8_100,
        leader: true,
        leaderPaddle: 2,
        outbid: { paddle: 1, price: 8_100, minNext: 8_200 },
      });
      expect(accepted(third).entries).toMatchObject([
        { seq: 4, paddle: 1, amount: 8_000, kind: 'proxy' },
        { seq: 5, paddle: 2, amount: 8_100, kind: 'proxy' },
      ]);
      expect(third.state.leader).toStrictEqual({ paddle: 2, max: 20_000, seq: 5 });
      expect(third.state.bidCount).toBe(5);

      // equal maxima: the earlier one leads
      const tie = accepted(await store.place(lot.lotId, bid(3, 9_000, 20_000), lot.load));
      expect(tie).toMatchObject({ leader: false, leaderPaddle: 2, price: 20_000 });
    });

    it('lets the leader raise their own maximum without moving the price', async () => {
      const lot = await lotOn(store, timedRules());
      await store.place(lot.lotId, bid(1, 1_000, 3_000), lot.load);
      const raised = await store.place(lot.lotId, bid(1, 1_100, 6_000), lot.load);
      expect(accepted(raised)).toMatchObject({ seq: 2, price: 1_000, leader: true, outbid: null });
      expect(accepted(raised).entries).toMatchObject([{ paddle: 1, amount: 1_000, kind: 'proxy' }]);
      expect(raised.state.leader).toStrictEqual({ paddle: 1, max: 6_000, seq: 2 });

      const notHigher = refused(await store.place(lot.lotId, bid(1, 1_100, 6_000), lot.load));
      expect(notHigher).toMatchObject({ code: 'BID_TOO_LOW', minNext: 1_100 });

      // a manual leader's new maximum must still reach minNext
      const manual = await lotOn(store, timedRules());
      await store.place(manual.lotId, bid(1, 1_000), manual.load);
      const underFloor = await store.place(manual.lotId, bid(1, 1_000, 1_099), manual.load);
      expect(refused(underFloor)).toMatchObject({ code: 'BID_TOO_LOW', minNext: 1_100 });
      const atFloor = await store.place(manual.lotId, bid(1, 1_000, 1_100), manual.load);
      expect(accepted(atFloor)).toMatchObject({ seq: 2, price: 1_000, leader: true });
    });

    it('lifts the price to the reserve when the leading maximum reaches it', async () => {
      const lot = await lotOn(store, timedRules({ reservePrice: 50_000 }));
      const below = await store.place(lot.lotId, bid(1, 1_000, 10_000), lot.load);
      expect(accepted(below)).toMatchObject({ price: 1_000, reserveMet: false });

      const above = await store.place(lot.lotId, bid(2, 1_100, 60_000), lot.load);
      expect(accepted(above)).toMatchObject({
        price: 50_000,
        reserveMet: true,
        leaderPaddle: 2,
        minNext: 50_500,
        outbid: { paddle: 1, price: 50_000, minNext: 50_500 },
      });
      expect(accepted(above).entries).toMatchObject([
        { paddle: 1, amount: 10_000, kind: 'proxy' },
        { paddle: 2, amount: 50_000, kind: 'proxy' },
      ]);

      // a maximum of exactly the reserve lifts the price to it; one fen less does not
      const exact = await lotOn(store, timedRules({ reservePrice: 50_000 }));
      const met = await store.place(exact.lotId, bid(1, 1_000, 50_000), exact.load);
      expect(accepted(met)).toMatchObject({ price: 50_000, reserveMet: true });
      const short = await lotOn(store, timedRules({ reservePrice: 50_000 }));
      const unmet = await store.place(short.lotId, bid(1, 1_000, 49_999), short.load);
      expect(accepted(unmet)).toMatchObject({ price: 1_000, reserveMet: false });
    });

    it('moves the close on a bid inside the soft-close window, and only then', async () => {
      const window = 10 * 60 * SECOND;
      const closing = await lotOn(store, timedRules({ softCloseMs: window }), {
        closesIn: 5 * 60 * SECOND,
      });
      const late = await store.place(closing.lotId, bid(1, 1_000), closing.load);
      expect(accepted(late).closesAt).toBe(late.now + window);
      expect(late.state.closesAt).toBe(late.now + window);

      const early = await lotOn(store, timedRules({ softCloseMs: 60 * SECOND }));
      const quiet = await store.place(early.lotId, bid(1, 1_000), early.load);
      expect(accepted(quiet).closesAt).toBe(early.initial.closesAt);
      expect(quiet.state.closesAt).toBe(early.initial.closesAt);
    });

    it('refuses bids with the model’s codes and minNext, leaving the lot unchanged', async () => {
      const scheduled = await lotOn(store, timedRules(), { opensIn: HOUR, closesIn: 2 * HOUR });
      expect(refused(await store.place(scheduled.lotId, bid(1, 1_000), scheduled.load))).toEqual({
        ok: false,
        code: 'LOT_NOT_OPEN',
        message: 'The lot is not open yet.',
      });

      const over = await lotOn(store, timedRules(), { opensIn: -HOUR, closesIn: -1 });
      const closed = await store.place(over.lotId, bid(1, 1_000), over.load);
      expect(refused(closed)).toEqual({
        ok: false,
        code: 'LOT_CLOSED',
        message: 'The lot is closed.',
      });
      // the phase is judged before the amount
      const invalidLate = await store.place(over.lotId, bid(1, 0), over.load);
      expect(refused(invalidLate).code).toBe('LOT_CLOSED');

      const lot = await lotOn(store, timedRules());
      const low = await store.place(lot.lotId, bid(1, 999), lot.load);
      expect(low.outcome).toStrictEqual({
        ok: false,
        code: 'BID_TOO_LOW',
        message: 'The bid must be at least 1000 fen.',
        minNext: 1_000,
      });
      for (const [amount, maxAmount] of [
        [0, undefined],
        [-100, undefined],
        [1_000.5, undefined],
        [Number.NaN, undefined],
        [Number.POSITIVE_INFINITY, undefined],
        [2 ** 53, undefined],
        [2_000, 1_999],
        [2_000, 0],
        [2_000, 2_000.5],
      ] as Array<[number, number | undefined]>) {
        const invalid = await store.place(lot.lotId, bid(1, amount, maxAmount), lot.load);
        expect(refused(invalid)).toStrictEqual({
          ok: false,
          code: 'INVALID_INPUT',
          message: 'Amounts must be whole fen above 0, and the maximum at least the amount.',
        });
      }

      await store.place(lot.lotId, bid(1, 10_000), lot.load);
      const under = await store.place(lot.lotId, { ...bid(2, 10_400), bidId: 'again' }, lot.load);
      expect(refused(under)).toMatchObject({ code: 'BID_TOO_LOW', minNext: 10_500 });
      expect(under.state.seq).toBe(1);
      expect(under.state.price).toBe(10_000);
      expect(Object.keys(under.state.accepted)).toHaveLength(1);

      // a refusal is not remembered: the same bidId is judged afresh
      const retried = await store.place(lot.lotId, { ...bid(2, 10_500), bidId: 'again' }, lot.load);
      expect(accepted(retried).seq).toBe(2);
    });

    it('keeps money exact up to the largest safe integer', async () => {
      const top = Number.MAX_SAFE_INTEGER;
      const lot = await lotOn(store, timedRules({ startingPrice: top - 10, ladder: [[0, 3]] }));
      const first = accepted(await store.place(lot.lotId, bid(1, top - 9, top - 1), lot.load));
      expect(first).toMatchObject({ price: top - 9, minNext: top - 6 });
      const second = await store.place(lot.lotId, bid(2, top - 6, top), lot.load);
      expect(accepted(second)).toMatchObject({ price: top, leaderPaddle: 2 });
      // price + step is past 2^53: the model and the store agree on the double it rounds to
      expect(accepted(second).minNext).toBe(minNext(second.state));
      expect(second.state.leader).toStrictEqual({ paddle: 2, max: top, seq: 3 });
    });

    it('replays a retried bidId: the first outcome, nothing new, replay flagged', async () => {
      const lot = await lotOn(store, timedRules());
      const placed = bid(1, 1_000);
      const first = await store.place(lot.lotId, placed, lot.load);
      await store.place(lot.lotId, bid(2, 1_500), lot.load);

      // even with other amounts, a retry is the first bid
      const retry = await store.place(lot.lotId, { ...placed, amount: 99_000 }, lot.load);
      expect(retry.replay).toBe(true);
      expect(retry.outcome).toStrictEqual(first.outcome);
      expect(retry.state.seq).toBe(2);
      expect(retry.state.price).toBe(1_500);

      // a bidId that happens to name an Object.prototype member is an ordinary bidId
      const odd = await store.place(
        lot.lotId,
        { ...bid(3, 1_600), bidId: 'constructor' },
        lot.load,
      );
      expect(odd.replay).toBe(false);
      expect(accepted(odd).seq).toBe(3);
      const oddAgain = await store.place(
        lot.lotId,
        { ...bid(3, 1_600), bidId: 'constructor' },
        lot.load,
      );
      expect(oddAgain.replay).toBe(true);
      expect(oddAgain.outcome).toStrictEqual(odd.outcome);
    });

    it('forgets a lot and rebuilds it through the loader, retries included', async () => {
      const lot = await lotOn(store, timedRules());
      const placed = bid(1, 1_000, 4_000);
      const first = await store.place(lot.lotId, placed, lot.load);
      const second = await store.place(lot.lotId, bid(2, 2_000), lot.load);
      expect(lot.loads()).toBe(1);
      lot.persist(second.state); // what PostgreSQL committed

      await store.forget(lot.lotId);
      await store.forget(lot.lotId); // forgetting twice is harmless

      const retry = await store.place(lot.lotId, placed, lot.load);
      expect(lot.loads()).toBe(2);
      expect(retry.replay).toBe(true);
      expect(retry.outcome).toStrictEqual(first.outcome);
      expect(retry.state).toStrictEqual(second.state);

      const next = accepted(await store.place(lot.lotId, bid(3, 5_000), lot.load));
      expect(next.entries.map((entry) => entry.seq)).toEqual([4, 5]);
      expect(next.outbid).toStrictEqual({ paddle: 1, price: 5_000, minNext: 5_100 });
      expect(lot.loads()).toBe(2);

      // state() loads a forgotten lot too
      await store.forget(lot.lotId);
      const held = await store.state(lot.lotId, lot.load);
      expect(held.state).toStrictEqual(second.state);
      expect(lot.loads()).toBe(3);
    });

    it('serves a retired lot as it was, and rebuilds it through the loader once let go', async () => {
      const lot = await lotOn(store, timedRules());
      const placed = bid(1, 1_000);
      const first = await store.place(lot.lotId, placed, lot.load);
      lot.persist(first.state);

      await store.retire(lot.lotId);
      await store.retire(lot.lotId); // retiring twice is harmless
      expect((await store.state(lot.lotId, lot.load)).state).toStrictEqual(first.state);
      const retry = await store.place(lot.lotId, placed, lot.load);
      expect(retry.replay).toBe(true);
      expect(retry.outcome).toStrictEqual(first.outcome);

      await store.forget(lot.lotId); // what letting go comes to, whenever the store does it
      expect((await store.state(lot.lotId, lot.load)).state).toStrictEqual(first.state);
    });

    it('runs a live lot: open, countdown, pause, resume, going, hammer guard', async () => {
      const countdown = 30 * SECOND;
      const lot = await lotOn(store, liveRules({ liveCountdownMs: countdown }), {
        opensIn: 0,
        closesIn: 0,
      });
      expect(refused(await store.place(lot.lotId, bid(1, 1_000), lot.load)).code).toBe(
        'LOT_NOT_OPEN',
      );
      expect((await store.control(lot.lotId, { action: 'hammer' }, lot.load)).result).toMatchObject(
        { ok: false, code: 'LOT_NOT_OPEN', message: 'The lot cannot hammer now.' },
      );

      const opened = await store.control(lot.lotId, { action: 'open' }, lot.load);
      expect(opened.result).toStrictEqual({
        ok: true,
        action: 'open',
        phase: 'open',
        closesAt: opened.now + countdown,
        end: null,
      });

      const first = await store.place(lot.lotId, bid(1, 1_000), lot.load);
      expect(accepted(first).closesAt).toBe(first.now + countdown);
      const second = await store.place(lot.lotId, bid(2, 1_100, 3_000), lot.load);
      expect(accepted(second).closesAt).toBe(second.now + countdown);

      const paused = await store.control(lot.lotId, { action: 'pause' }, lot.load);
      expect(paused.result).toMatchObject({
        ok: true,
        phase: 'paused',
        closesAt: second.now + countdown,
      });
      expect(refused(await store.place(lot.lotId, bid(1, 5_000), lot.load))).toMatchObject({
        code: 'LOT_NOT_OPEN',
        message: 'The lot is paused.',
      });
      expect((await store.control(lot.lotId, { action: 'going' }, lot.load)).result.ok).toBe(false);

      const resumed = await store.control(lot.lotId, { action: 'resume' }, lot.load);
      expect(resumed.result).toMatchObject({
        ok: true,
        phase: 'open',
        closesAt: resumed.now + countdown,
      });
      expect((await store.control(lot.lotId, { action: 'going' }, lot.load)).result).toMatchObject({
        ok: true,
        action: 'going',
        phase: 'open',
        end: null,
      });

      // the broker saw seq 1, but seq 2 exists: no bid is lost under the hammer
      const stale = await store.control(lot.lotId, { action: 'hammer', lastSeq: 1 }, lot.load);
      expect(stale.result).toStrictEqual({
        ok: false,
        code: 'CONFLICT',
        message: 'A newer bid exists.',
      });
      const blind = await store.control(lot.lotId, { action: 'hammer' }, lot.load);
      expect(blind.result).toMatchObject({ ok: false, code: 'CONFLICT' });
      const invalid = await store.control(lot.lotId, { action: 'hammer', lastSeq: 1.5 }, lot.load);
      expect(invalid.result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      expect(invalid.state.phase).toBe('open');

      const hammer = await store.control(lot.lotId, { action: 'hammer', lastSeq: 2 }, lot.load);
      expect(hammer.result).toStrictEqual({
        ok: true,
        action: 'hammer',
        phase: 'sold',
        closesAt: resumed.now + countdown,
        end: { outcome: 'sold', price: 1_100, winnerPaddle: 2 },
      });
      expect(hammer.state.phase).toBe('sold');

      expect(refused(await store.place(lot.lotId, bid(3, 9_000), lot.load)).code).toBe(
        'LOT_CLOSED',
      );
      expect(
        (await store.control(lot.lotId, { action: 'withdraw' }, lot.load)).result,
      ).toStrictEqual({ ok: false, code: 'LOT_CLOSED', message: 'The lot has ended.' });
      const { state } = await store.state(lot.lotId, lot.load);
      expect(state.phase).toBe('sold');
      expect(state.seq).toBe(2);
    });

    it('hammers a live lot without bids unsold, and withdraws a timed lot', async () => {
      const live = await lotOn(store, liveRules(), { phase: 'open' });
      const hammer = await store.control(live.lotId, { action: 'hammer' }, live.load);
      expect(hammer.result).toMatchObject({
        ok: true,
        phase: 'unsold',
        end: { outcome: 'unsold', price: null, winnerPaddle: null },
      });

      const timed = await lotOn(store, timedRules());
      await store.place(timed.lotId, bid(1, 1_000), timed.load);
      for (const action of ['open', 'pause', 'resume', 'going', 'hammer'] as const) {
        const result = await store.control(timed.lotId, { action, lastSeq: 1 }, timed.load);
        expect(result.result).toStrictEqual({
          ok: false,
          code: 'LOT_NOT_OPEN',
          message: `The lot cannot ${action} now.`,
        });
      }
      const withdrawn = await store.control(timed.lotId, { action: 'withdraw' }, timed.load);
      expect(withdrawn.result).toStrictEqual({
        ok: true,
        action: 'withdraw',
        phase: 'withdrawn',
        closesAt: timed.initial.closesAt,
        end: { outcome: 'withdrawn', price: null, winnerPaddle: null },
      });
      expect(refused(await store.place(timed.lotId, bid(2, 5_000), timed.load)).code).toBe(
        'LOT_CLOSED',
      );

      const over = await lotOn(store, timedRules(), { opensIn: -HOUR, closesIn: -1 });
      const late = await store.control(over.lotId, { action: 'going' }, over.load);
      expect(late.result).toMatchObject({ ok: false, code: 'LOT_CLOSED' });
    });

    it('judges 50 concurrent bids one at a time: gapless seqs, the model’s final state', async () => {
      const lot = await lotOn(store, timedRules({ reservePrice: 20_000, softCloseMs: HOUR }));
      const bids = Array.from({ length: 50 }, (_, i) =>
        bid((i % 5) + 1, 1_000 + 400 * i, i % 3 === 0 ? 1_000 + 700 * i : undefined),
      );
      // a few retries race their own first attempt
      const sent = [...bids, bids[3], bids[10], bids[40]];
      const results = await Promise.all(
        sent.map((placed) => store.place(lot.lotId, placed, lot.load)),
      );

      const fresh = results.filter((result) => result.outcome.ok && !result.replay);
      const inOrder = fresh
        .map((result) => ({ result, outcome: accepted(result) }))
        .sort((a, b) => a.outcome.seq - b.outcome.seq);
      const seqs = inOrder.flatMap(({ outcome }) => outcome.entries.map((entry) => entry.seq));
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(inOrder.length).toBeGreaterThan(1);

      // the model, fed the accepted bids in the store's order with the store's times
      const bidOf = new Map<BidOutcomeAccepted, Bid>();
      results.forEach((result, i) => {
        if (result.outcome.ok && !result.replay) bidOf.set(result.outcome, sent[i]);
      });
      const states = [lot.initial];
      for (const { result, outcome } of inOrder) {
        const step = placeBid(states[states.length - 1], bidOf.get(outcome) as Bid, result.now);
        expect(step.outcome).toStrictEqual(outcome);
        expect(result.state).toStrictEqual(step.state);
        states.push(step.state);
      }
      const final = states[states.length - 1];
      expect((await store.state(lot.lotId, lot.load)).state).toStrictEqual(final);

      // every refusal and replay is the model's answer at some point of that order
      results.forEach((result, i) => {
        if (result.outcome.ok && !result.replay) return;
        const answers = states.map((state) => modelOutcome(state, sent[i], result.now));
        expect(answers).toContainEqual(result.outcome);
      });
      // each accepted bidId was placed exactly once, whichever of its attempts came first
      for (const bidId of Object.keys(final.accepted)) {
        const placings = results.filter(
          (result, i) => sent[i].bidId === bidId && result.outcome.ok && !result.replay,
        );
        expect(placings).toHaveLength(1);
      }
    });

    it('follows its clock to the millisecond (stores with a settable clock)', async () => {
      // a store of its own, so that the clock it is left on troubles no other scenario
      const own = await makeStore();
      try {
        // a store on the server's clock has none to set: its scenarios use lots relative to it
        if (own.setNow !== undefined) await travelInTime(own.store, own.setNow);
      } finally {
        await own.cleanup();
      }
    });
  });
}

/** Opening, soft close and closing to the millisecond, on a clock the test sets. */
async function travelInTime(store: BidStore, setNow: (ms: number) => void): Promise<void> {
  const base = await store.now();
  const lot = testLot(newLot(timedRules({ softCloseMs: 10 * SECOND }), base, base + HOUR));
  setNow(base - 1);
  expect(refused(await store.place(lot.lotId, bid(1, 1_000), lot.load)).code).toBe('LOT_NOT_OPEN');
  setNow(base);
  expect(accepted(await store.place(lot.lotId, bid(1, 1_000), lot.load)).closesAt).toBe(
    base + HOUR,
  );
  setNow(base + HOUR - 10 * SECOND);
  const extended = accepted(await store.place(lot.lotId, bid(2, 1_100), lot.load));
  expect(extended.closesAt).toBe(base + HOUR);
  setNow(base + HOUR - 1);
  expect(refused(await store.place(lot.lotId, bid(1, 1_100), lot.load)).code).toBe('BID_TOO_LOW');
  setNow(base + HOUR);
  expect(refused(await store.place(lot.lotId, bid(1, 5_000), lot.load)).code).toBe('LOT_CLOSED');
}
