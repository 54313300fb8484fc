import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import {
  control,
  increment,
  minNext,
  newLot,
  placeBid,
  type Bid,
  type ControlAction,
  type ControlCommand,
  type Ladder,
  type LotRules,
  type LotState,
} from '@kepai/auction-rules';
import { describeBidStoreContract } from './bid-store.contract';
import { InProcessBidStore, type LotLoader, type PlaceResult } from './bid-store';
import { readBidStreamEntry, RedisBidStore, RETIRED_TTL_MS, type LotCore } from './redis-bid-store';

const REDIS_URL = process.env['REDIS_URL'];

describeBidStoreContract('in-process', async () => {
  let fixed: number | null = null;
  return {
    store: new InProcessBidStore(() => fixed ?? Date.now()),
    setNow: (ms) => {
      fixed = ms;
    },
    cleanup: async () => undefined,
  };
});

/** A timed lot opened a second before `now` and closing an hour after, ¥1 steps from ¥10. */
function openTimedLot(now: number, rules: Partial<LotRules> = {}): LotState {
  return newLot(
    {
      format: 'timed',
      startingPrice: 1_000,
      reservePrice: null,
      ladder: [[0, 100]],
      softCloseMs: 0,
      liveCountdownMs: 0,
      ...rules,
    },
    now - 1_000,
    now + 3_600_000,
  );
}

describe('InProcessBidStore', () => {
  it('lets the longest-retired lots go past its bound, and rebuilds them when asked', async () => {
    const store = new InProcessBidStore(() => Date.now(), 2);
    const lots = ['a', 'b', 'c'].map(() => {
      const initial = openTimedLot(Date.now());
      let loads = 0;
      const load: LotLoader = async () => {
        loads += 1;
        return initial;
      };
      return { lotId: randomUUID(), load, loads: () => loads };
    });
    for (const lot of lots) await store.state(lot.lotId, lot.load);
    await store.retire(lots[0].lotId);
    await store.retire(lots[1].lotId);
    await store.retire(lots[0].lotId); // retired again: now the most recent
    await store.retire(lots[2].lotId); // one too many: lots[1] goes
    for (const lot of lots) await store.state(lot.lotId, lot.load);
    expect(lots.map((lot) => lot.loads())).toEqual([1, 2, 1]);
  });

  it('counts an ended lot it rebuilds as retired, so the bound holds for it too', async () => {
    const store = new InProcessBidStore(() => Date.now(), 1);
    const ended = { ...openTimedLot(Date.now()), phase: 'sold' as const };
    let loads = 0;
    const load: LotLoader = async () => {
      loads += 1;
      return ended;
    };
    const [first, second] = [randomUUID(), randomUUID()];
    await store.state(first, load); // rebuilt, ended: retired
    await store.state(second, load);
    await store.retire(second); // past the bound of one: the first goes
    await store.state(first, load);
    expect(loads).toBe(3);
  });
});

/** A client of its own, for one test's keys (a unique prefix); cleanup deletes them. */
async function redisClient(): Promise<Redis> {
  const redis = new Redis(REDIS_URL as string, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  return redis;
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

function testPrefix(): string {
  return `kepai-test:bid-store:${randomUUID()}:`;
}

if (REDIS_URL === undefined) {
  console.warn('REDIS_URL is not set: the Redis bid store tests are skipped (CI sets it).');
} else {
  describeBidStoreContract('redis', async () => {
    const redis = await redisClient();
    const prefix = testPrefix();
    return {
      store: new RedisBidStore(redis, prefix, true),
      cleanup: async () => {
        await deleteKeys(redis, prefix);
        await redis.quit();
      },
    };
  });

  describe('RedisBidStore', () => {
    let redis: Redis;
    let prefix: string;
    let store: RedisBidStore;

    beforeAll(async () => {
      redis = await redisClient();
      prefix = testPrefix();
      store = new RedisBidStore(redis, prefix, true);
    });

    afterAll(async () => {
      await deleteKeys(redis, prefix);
      await redis.quit();
    });

    async function openLot(rules: Partial<LotRules> = {}): Promise<{
      lotId: string;
      initial: LotState;
      load: LotLoader;
    }> {
      const initial = openTimedLot(await store.now(), rules);
      const json = JSON.stringify(initial);
      return { lotId: randomUUID(), initial, load: async () => JSON.parse(json) as LotState };
    }

    it('lets an ended lot’s hash expire in a day (again when rebuilt), and its stream once drained', async () => {
      const lot = await openLot();
      await store.place(lot.lotId, { bidId: randomUUID(), paddle: 1, amount: 1_000 }, lot.load);
      expect(await redis.pttl(store.lotKey(lot.lotId))).toBe(-1); // a running lot never expires
      await store.retire(lot.lotId);
      const ttl = await redis.pttl(store.lotKey(lot.lotId));
      expect(ttl).toBeGreaterThan(RETIRED_TTL_MS - 60_000);
      expect(ttl).toBeLessThanOrEqual(RETIRED_TTL_MS);
      // the stream still holds the bid (on its way to PostgreSQL): it never expires so
      const stream = store.streamKey(lot.lotId);
      expect(await store.expireDrained(lot.lotId)).toBe(false);
      expect(await redis.pttl(stream)).toBe(-1);
      // once the outbox has deleted what PostgreSQL holds, the empty stream may go
      const [[entryId]] = (await redis.xrange(stream, '-', '+')) as Array<[string, string[]]>;
      await redis.xdel(stream, entryId);
      expect(await store.expireDrained(lot.lotId)).toBe(true);
      expect(await redis.pttl(stream)).toBeGreaterThan(RETIRED_TTL_MS - 60_000);

      // expired, then read again: rebuilt from what PostgreSQL says, an ended lot, retired again
      await store.forget(lot.lotId);
      const sold: LotState = { ...lot.initial, phase: 'sold' };
      await store.state(lot.lotId, async () => sold);
      expect(await redis.pttl(store.lotKey(lot.lotId))).toBeGreaterThan(RETIRED_TTL_MS - 60_000);
    });

    it('keeps a lot’s keys in one Cluster slot: the lot id is their hash tag', () => {
      expect(store.lotKey('a1')).toBe(`${prefix}lot:{a1}`);
      expect(store.streamKey('a1')).toBe(`${prefix}bids:{a1}`);
      expect(() => new RedisBidStore(redis, 'kepai:{x}:')).toThrow(RangeError);
    });

    it('appends each accepted bid to the lot’s stream once, in seq order', async () => {
      const lot = await openLot();
      const first: Bid = { bidId: randomUUID(), paddle: 1, amount: 1_000, maxAmount: 3_000 };
      const placed: Bid[] = [
        first,
        { bidId: randomUUID(), paddle: 2, amount: 900 }, // too low
        { bidId: randomUUID(), paddle: 2, amount: 1_500 }, // the proxy answers
        first, // a replay
        { bidId: randomUUID(), paddle: 3, amount: 4_000 },
      ];
      const results: PlaceResult[] = [];
      for (const next of placed) results.push(await store.place(lot.lotId, next, lot.load));
      expect(results.map((result) => [result.outcome.ok, result.replay])).toEqual([
        [true, false],
        [false, false],
        [true, false],
        [true, true],
        [true, false],
      ]);

      const stream = await redis.xrange(store.streamKey(lot.lotId), '-', '+');
      const entries = stream.map(([id, fields]) => readBidStreamEntry(id, fields));
      expect(entries.map((entry) => entry.bidId)).toEqual([
        first.bidId,
        placed[2].bidId,
        placed[4].bidId,
      ]);
      const fresh = [results[0], results[2], results[4]];
      entries.forEach((entry, i) => {
        const { accepted, ...core } = fresh[i].state;
        expect(entry.lotId).toBe(lot.lotId);
        expect(entry.outcome).toStrictEqual(fresh[i].outcome);
        expect(entry.state).toStrictEqual(core);
        expect(Object.keys(accepted)).toContain(entry.bidId);
      });
      expect(entries.map((entry) => entry.maxAmount)).toEqual([3_000, null, null]);
      expect(stream.map(([, fields]) => fields[fields.indexOf('seq') + 1])).toEqual([
        '1',
        '2',
        '5',
      ]);

      // forgetting the lot keeps the outbox
      await store.forget(lot.lotId);
      expect(await redis.exists(store.lotKey(lot.lotId))).toBe(0);
      expect(await redis.xlen(store.streamKey(lot.lotId))).toBe(3);
    });

    it('shares a lot between two nodes racing on it cold: one history, the model’s', async () => {
      const other = await redisClient();
      try {
        const nodes = [store, new RedisBidStore(other, prefix, true)];
        const lot = await openLot({ reservePrice: 5_000 });
        const bids: Bid[] = Array.from({ length: 40 }, (_, i) => ({
          bidId: randomUUID(),
          paddle: (i % 4) + 1,
          amount: 1_000 + 150 * i,
          ...(i % 5 === 0 ? { maxAmount: 1_000 + 300 * i } : {}),
        }));
        const results = await Promise.all(
          bids.map((placed, i) => nodes[i % 2].place(lot.lotId, placed, lot.load)),
        );
        const fresh = results
          .map((result, i) => ({ result, placed: bids[i] }))
          .filter(({ result }) => result.outcome.ok)
          .sort((a, b) =>
            a.result.outcome.ok && b.result.outcome.ok
              ? a.result.outcome.seq - b.result.outcome.seq
              : 0,
          );
        let model = lot.initial;
        for (const { result, placed } of fresh) {
          const step = placeBid(model, placed, result.now);
          expect(step.outcome).toStrictEqual(result.outcome);
          model = step.state;
        }
        expect(model.seq).toBe(model.bidCount);
        expect((await nodes[1].state(lot.lotId, lot.load)).state).toStrictEqual(model);
        const stream = await redis.xrange(store.streamKey(lot.lotId), '-', '+');
        expect(stream.map(([id, fields]) => readBidStreamEntry(id, fields).bidId)).toEqual(
          fresh.map(({ placed }) => placed.bidId),
        );
      } finally {
        await other.quit();
      }
    });

    it('keeps each node’s copy of the accepted bids in step across forget and reload', async () => {
      const other = await redisClient();
      try {
        const [a, b] = [store, new RedisBidStore(other, prefix, true)];
        const lot = await openLot();
        let committed = lot.initial; // what PostgreSQL holds
        const load: LotLoader = async () => structuredClone(committed);
        let model = lot.initial;
        const place = async (node: RedisBidStore, placed: Bid): Promise<void> => {
          const result = await node.place(lot.lotId, placed, load);
          const expected = placeBid(model, placed, result.now);
          expect(result.outcome).toStrictEqual(expected.outcome);
          expect(result.state).toStrictEqual(expected.state);
          model = expected.state;
        };
        const first: Bid = { bidId: randomUUID(), paddle: 1, amount: 1_000 };
        await place(a, first);
        await place(b, { bidId: randomUUID(), paddle: 2, amount: 1_100 });
        committed = model;
        // a's bid never reaches PostgreSQL (its commit failed), but a has seen it accepted
        await place(a, { bidId: randomUUID(), paddle: 1, amount: 1_200 });

        // so the lot is dropped, and Redis gets it back from PostgreSQL with a new install token
        await b.forget(lot.lotId);
        model = committed;
        await place(b, { bidId: randomUUID(), paddle: 2, amount: 1_300 });
        // a's copy (three bids) belongs to the old install: it is sent everything again
        await place(a, { bidId: randomUUID(), paddle: 3, amount: 1_400 });
        await place(a, first); // a replay, from the reloaded lot
        expect((await a.state(lot.lotId, load)).state).toStrictEqual(model);
        expect((await b.state(lot.lotId, load)).state).toStrictEqual(model);
        expect(Object.keys(model.accepted)).toHaveLength(4);
      } finally {
        await other.quit();
      }
    });

    it('loads its script again when Redis has lost it (NOSCRIPT)', async () => {
      const lot = await openLot();
      await store.place(lot.lotId, { bidId: randomUUID(), paddle: 1, amount: 1_000 }, lot.load);
      // as after a Redis restart: the SHA the store holds is unknown to the server
      (store as unknown as { sha: Promise<string> | null }).sha = Promise.resolve('0'.repeat(40));
      const result = await store.place(
        lot.lotId,
        { bidId: randomUUID(), paddle: 2, amount: 1_100 },
        lot.load,
      );
      expect(result.outcome).toMatchObject({ ok: true, seq: 2 });
    });

    it('opens and closes to the millisecond of the server clock', async () => {
      // a bid judged exactly at opensAt is taken, exactly at closesAt refused: retried until
      // the server's clock lands on each edge (it usually does at once)
      const landed = { opensAt: false, closesAt: false };
      for (let attempt = 0; attempt < 40 && !(landed.opensAt && landed.closesAt); attempt++) {
        const now = await store.now();
        const initial = newLot(
          {
            format: 'timed',
            startingPrice: 1_000,
            reservePrice: null,
            ladder: [[0, 100]],
            softCloseMs: 0,
            liveCountdownMs: 0,
          },
          now + 5,
          now + 10,
        );
        const lotId = randomUUID();
        const load = async (): Promise<LotState> => structuredClone(initial);
        await store.state(lotId, load);
        let model = initial;
        for (const edge of ['opensAt', 'closesAt'] as const) {
          let clock = await store.now();
          while (clock < initial[edge]) clock = await store.now();
          const placed: Bid = { bidId: randomUUID(), paddle: 1, amount: 2_000 };
          const result = await store.place(lotId, placed, load);
          const expected = placeBid(model, placed, result.now);
          expect(result.outcome).toStrictEqual(expected.outcome);
          model = expected.state;
          if (result.now === initial[edge]) {
            landed[edge] = true;
            expect(result.outcome.ok ? 'open' : result.outcome.code).toBe(
              edge === 'opensAt' ? 'open' : 'LOT_CLOSED',
            );
          }
        }
      }
      expect(landed).toEqual({ opensAt: true, closesAt: true });
    });

    it('answers now() from the server clock', async () => {
      const [seconds] = await redis.time();
      const now = await store.now();
      expect(Math.abs(now - Number(seconds) * 1000)).toBeLessThan(5_000);
      expect(Number.isSafeInteger(now)).toBe(true);
    });
  });

  describe('RedisBidStore against the reference model (fast-check)', () => {
    let redis: Redis;
    let prefix: string;
    let store: RedisBidStore;

    beforeAll(async () => {
      redis = await redisClient();
      prefix = testPrefix();
      store = new RedisBidStore(redis, prefix, true);
    });

    afterAll(async () => {
      await deleteKeys(redis, prefix);
      await redis.quit();
    });

    it('gives the model’s outcomes and states on random bid sequences', async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, async (scenario) => {
          await runScenario(redis, store, scenario);
        }),
        { numRuns: 100 },
      );
    }, 180_000);
  });
}

// ---------------------------------------------------------------------------------------------
// The differential test: random lots and random steps, fed to the Redis store and, in the same
// order, to the model with the `now` the store reported. No normalisation beyond the store's own
// (RedisBidStore rebuilds the model's shapes: key order, `accepted` in seq order); the states are
// compared with toStrictEqual and as JSON text.

/** Around minNext in whole steps, off by a fen now and then; or around the reserve; or junk. */
type AmountChoice = { steps: number; fen: number } | { nearReserve: number } | { raw: number };
/** None; the amount plus whole steps; or around the leading maximum or the reserve. */
type MaxChoice =
  | null
  | { extra: number; fen: number }
  | { nearLeader: number; fen: number }
  | { nearReserve: number };
type Step =
  | { type: 'bid'; paddle: number; amount: AmountChoice; max: MaxChoice }
  | { type: 'retry'; pick: number; changed: boolean }
  | { type: 'control'; action: ControlAction; lastSeq: 'seen' | 'stale' | 'none' | 'ahead' | 'bad' }
  | { type: 'wait'; ms: number }
  /** Waits (polling the server's clock) until `offset` ms from the lot's opening or close. */
  | { type: 'edge'; at: 'opensAt' | 'closesAt'; offset: number };

interface Scenario {
  rules: LotRules;
  /** ms from the store's now */
  opensIn: number;
  closesIn: number;
  phase: 'scheduled' | 'open';
  /** A live lot that starts scheduled is opened by the broker after this many steps. */
  openAfter: number;
  steps: Step[];
}

const ladderArb: fc.Arbitrary<Ladder> = fc
  .tuple(
    fc.integer({ min: 1, max: 500 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 2_000 })), {
      maxLength: 3,
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

const priceArb = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5_000 }), weight: 6 },
  { arbitrary: fc.integer({ min: 1, max: 100_000_000_000 }), weight: 2 },
  // near the top of the safe integers, where cjson would round (it encodes 14 digits), with
  // room for a few dozen steps before bids pass MAX_SAFE_INTEGER
  {
    arbitrary: fc.integer({
      min: Number.MAX_SAFE_INTEGER - 200_000,
      max: Number.MAX_SAFE_INTEGER - 100_000,
    }),
    weight: 1,
  },
);

const rulesArb: fc.Arbitrary<LotRules> = fc
  .record({
    format: fc.constantFrom('timed' as const, 'live' as const),
    startingPrice: priceArb,
    reserveSteps: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    ladder: ladderArb,
    softCloseMs: fc.constantFrom(0, 0, 5, 30, 3_600_000),
    liveCountdownMs: fc.integer({ min: 0, max: 60_000 }),
  })
  .map(({ reserveSteps, ...rules }) => ({
    ...rules,
    reservePrice:
      reserveSteps === null
        ? null
        : Math.min(
            Number.MAX_SAFE_INTEGER,
            rules.startingPrice + reserveSteps * increment(rules.ladder, rules.startingPrice),
          ),
  }));

const fenArb = fc.constantFrom(0, 0, 0, 1, -1);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      type: fc.constant('bid' as const),
      paddle: fc.integer({ min: 1, max: 4 }),
      amount: fc.oneof(
        {
          weight: 12,
          arbitrary: fc.record({ steps: fc.integer({ min: -1, max: 3 }), fen: fenArb }),
        },
        { weight: 1, arbitrary: fc.record({ nearReserve: fc.integer({ min: -1, max: 1 }) }) },
        {
          weight: 1,
          arbitrary: fc.record({
            raw: fc.constantFrom(0, -100, 1.5, Number.NaN, 2 ** 53, Number.POSITIVE_INFINITY),
          }),
        },
      ),
      max: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        {
          weight: 2,
          arbitrary: fc.record({ extra: fc.integer({ min: 0, max: 6 }), fen: fenArb }),
        },
        { weight: 1, arbitrary: fc.record({ extra: fc.constant(-1), fen: fc.constant(0) }) },
        {
          weight: 2,
          arbitrary: fc.record({ nearLeader: fc.integer({ min: -2, max: 2 }), fen: fenArb }),
        },
        { weight: 1, arbitrary: fc.record({ nearReserve: fc.integer({ min: -1, max: 1 }) }) },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('retry' as const),
      pick: fc.nat(),
      changed: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('control' as const),
      // the actions that end a lot less often than the others
      action: fc.constantFrom<ControlAction>(
        'open',
        'pause',
        'pause',
        'resume',
        'resume',
        'going',
        'going',
        'hammer',
        'withdraw',
      ),
      lastSeq: fc.constantFrom(
        'seen' as const,
        'seen' as const,
        'seen' as const,
        'stale' as const,
        'none' as const,
        'ahead' as const,
        'bad' as const,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('wait' as const),
      ms: fc.integer({ min: 1, max: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('edge' as const),
      at: fc.constantFrom('opensAt' as const, 'closesAt' as const),
      offset: fc.constantFrom(-1, 0),
    }),
  },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  rules: rulesArb,
  opensIn: fc.constantFrom(-1_000, -1_000, 0, 8, 25),
  closesIn: fc.oneof(fc.constant(3_600_000), fc.integer({ min: 10, max: 80 })),
  phase: fc.constantFrom('scheduled' as const, 'open' as const, 'open' as const),
  openAfter: fc.nat({ max: 4 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
});

/** A bid's amount and maximum, chosen against the model's lot (the store's, so far as it agrees). */
function bidFor(state: LotState, step: Extract<Step, { type: 'bid' }>): Bid {
  const floor = minNext(state);
  const stepAt = (price: number): number =>
    increment(state.rules.ladder, Number.isFinite(price) ? Math.max(price, 0) : 0);
  const reserve = state.rules.reservePrice ?? floor;
  const choice = step.amount;
  const amount =
    'raw' in choice
      ? choice.raw
      : 'nearReserve' in choice
        ? reserve + choice.nearReserve * stepAt(reserve)
        : floor + choice.steps * stepAt(floor) + choice.fen;
  const bid: Bid = { bidId: randomUUID(), paddle: step.paddle, amount };
  const max = step.max;
  if (max === null) return bid;
  if ('extra' in max) return { ...bid, maxAmount: amount + max.extra * stepAt(amount) + max.fen };
  // around the leading maximum or the reserve, to make ties and near misses (never under the
  // amount: `extra: -1` makes those)
  const around = 'nearLeader' in max ? (state.leader?.max ?? floor) : reserve;
  const near =
    'nearLeader' in max
      ? around + max.nearLeader * stepAt(around) + max.fen
      : around + max.nearReserve * stepAt(around);
  return { ...bid, maxAmount: Number.isFinite(amount) ? Math.max(amount, near) : near };
}

/** Polls the server's clock until `target` (when it is near: at most 200 ms away). */
async function waitUntil(store: RedisBidStore, target: number): Promise<void> {
  let now = await store.now();
  if (target - now > 200) return;
  while (now < target) {
    if (target - now > 2) await sleep(target - now - 2);
    now = await store.now();
  }
}

function commandFor(state: LotState, step: Extract<Step, { type: 'control' }>): ControlCommand {
  switch (step.lastSeq) {
    case 'seen':
      return { action: step.action, lastSeq: state.seq };
    case 'stale':
      return { action: step.action, lastSeq: Math.max(0, state.seq - 1) };
    case 'ahead':
      return { action: step.action, lastSeq: state.seq + 3 };
    case 'bad':
      return { action: step.action, lastSeq: -1 };
    default:
      return { action: step.action };
  }
}

async function runScenario(redis: Redis, store: RedisBidStore, scenario: Scenario): Promise<void> {
  const lotId = randomUUID();
  const start = await store.now();
  const { rules } = scenario;
  const closesIn = Math.max(scenario.closesIn, scenario.opensIn + 1);
  let model = newLot(rules, start + scenario.opensIn, start + closesIn, scenario.phase);
  const initial = JSON.stringify(model);
  let loads = 0;
  const load: LotLoader = async () => {
    loads += 1;
    return JSON.parse(initial) as LotState;
  };
  const sent: Bid[] = [];
  const appended: Array<{ bid: Bid; result: PlaceResult }> = [];

  try {
    const steps: Step[] = [...scenario.steps];
    if (rules.format === 'live' && scenario.phase === 'scheduled') {
      steps.splice(scenario.openAfter, 0, { type: 'control', action: 'open', lastSeq: 'none' });
    }
    for (const step of steps) {
      if (step.type === 'wait') {
        await sleep(step.ms);
        continue;
      }
      if (step.type === 'edge') {
        await waitUntil(store, model[step.at] + step.offset);
        continue;
      }
      if (step.type === 'control') {
        const command = commandFor(model, step);
        const result = await store.control(lotId, command, load);
        const expected = control(model, command, result.now);
        expect(result.result).toStrictEqual(expected.result);
        expect(result.state).toStrictEqual(expected.state);
        model = expected.state;
        continue;
      }
      let bid: Bid;
      if (step.type === 'retry') {
        if (sent.length === 0) continue;
        const earlier = sent[step.pick % sent.length];
        bid = step.changed ? { ...earlier, amount: earlier.amount + 1 } : earlier;
      } else {
        bid = bidFor(model, step);
      }
      sent.push(bid);
      const replay = Object.hasOwn(model.accepted, bid.bidId);
      const result = await store.place(lotId, bid, load);
      const expected = placeBid(model, bid, result.now);
      expect(result.replay).toBe(replay);
      expect(result.outcome).toStrictEqual(expected.outcome);
      expect(result.state).toStrictEqual(expected.state);
      expect(JSON.stringify(result.state)).toBe(JSON.stringify(expected.state));
      if (result.outcome.ok && !replay) appended.push({ bid, result });
      model = expected.state;
    }

    const held = await store.state(lotId, load);
    expect(held.state).toStrictEqual(model);
    expect(JSON.stringify(held.state)).toBe(JSON.stringify(model));
    expect(loads).toBe(1);

    // the outbox: one entry per accepted bid that was not a replay, in seq order
    const stream = await redis.xrange(store.streamKey(lotId), '-', '+');
    expect(stream).toHaveLength(appended.length);
    stream.forEach(([id, fields], i) => {
      const entry = readBidStreamEntry(id, fields);
      const { bid, result } = appended[i];
      const { accepted, ...core } = result.state;
      expect(entry).toStrictEqual({
        id,
        lotId,
        bidId: bid.bidId,
        maxAmount: bid.maxAmount ?? null,
        outcome: result.outcome,
        state: core satisfies LotCore,
      });
      expect(accepted[bid.bidId]).toStrictEqual(result.outcome);
      expect(fields[fields.indexOf('seq') + 1]).toBe(String(entry.outcome.seq));
    });
  } finally {
    await redis.del(store.lotKey(lotId), store.streamKey(lotId));
  }
}
