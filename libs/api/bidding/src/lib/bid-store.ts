import {
  control,
  isEndPhase,
  placeBid,
  type Bid,
  type BidOutcome,
  type ControlCommand,
  type ControlOutcome,
  type LotState,
} from '@kepai/auction-rules';

/** Reads a lot's state from PostgreSQL, for a store that does not hold it (yet, or any more). */
export type LotLoader = () => Promise<LotState>;

export interface PlaceResult {
  outcome: BidOutcome;
  /** The lot after the bid (unchanged when refused). */
  state: LotState;
  /** The store's clock when it judged the bid, ms. */
  now: number;
  /** A retry of a bid the lot already accepted: the first outcome, nothing new. */
  replay: boolean;
}

export interface ControlResultAt {
  result: ControlOutcome;
  state: LotState;
  now: number;
}

/**
 * Where bids are judged: one atomic step per bid, with the store's own clock, in a total order
 * per lot. Two implementations: in-process (one node, the reference model behind a per-lot
 * queue) and Redis (several nodes, one Lua script). Both are held to the model by one contract
 * suite.
 */
export interface BidStore {
  readonly kind: 'in-process' | 'redis';
  place(lotId: string, bid: Bid, load: LotLoader): Promise<PlaceResult>;
  control(lotId: string, command: ControlCommand, load: LotLoader): Promise<ControlResultAt>;
  /** The lot as the store holds it (loaded when missing). */
  state(lotId: string, load: LotLoader): Promise<{ state: LotState; now: number }>;
  /** Drops the lot, so that the next call rebuilds it from PostgreSQL. */
  forget(lotId: string): Promise<void>;
  /**
   * The lot has ended: the store keeps serving it as it is, but may let its copy go in time (the
   * next call then rebuilds it from PostgreSQL), so ended lots do not pile up in memory.
   */
  retire(lotId: string): Promise<void>;
  /** The store's clock, ms. */
  now(): Promise<number>;
}

export const BID_STORE = Symbol('BID_STORE');

/**
 * The embedded default: lots in this process's memory, each behind a queue so that its bids are
 * judged one at a time, in arrival order, by the reference model itself.
 */
export class InProcessBidStore implements BidStore {
  readonly kind = 'in-process';
  private readonly lots = new Map<string, LotState>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Ended lots still held, the longest retired first. */
  private readonly retired = new Set<string>();

  constructor(
    private readonly clock: () => number = () => Date.now(),
    /** How many ended lots are kept at most; past that, the longest retired is let go. */
    private readonly retiredKept = 1_000,
  ) {}

  async now(): Promise<number> {
    return this.clock();
  }

  /** Runs `step` after every earlier step of the lot has finished. */
  private serial<T>(lotId: string, step: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(lotId) ?? Promise.resolve();
    const next = previous.then(step, step);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(lotId, settled);
    void settled.then(() => {
      if (this.queues.get(lotId) === settled) this.queues.delete(lotId);
    });
    return next;
  }

  private async held(lotId: string, load: LotLoader): Promise<LotState> {
    const state = this.lots.get(lotId);
    if (state !== undefined) return state;
    const loaded = await load();
    this.lots.set(lotId, loaded);
    // an ended lot read again counts as retired (the most recently), so the bound holds for it
    if (isEndPhase(loaded.phase)) {
      this.retired.delete(lotId);
      this.retired.add(lotId);
    }
    return loaded;
  }

  place(lotId: string, bid: Bid, load: LotLoader): Promise<PlaceResult> {
    return this.serial(lotId, async () => {
      const before = await this.held(lotId, load);
      const now = this.clock();
      const replay = Object.hasOwn(before.accepted, bid.bidId);
      const { state, outcome } = placeBid(before, bid, now);
      this.lots.set(lotId, state);
      return { outcome, state, now, replay };
    });
  }

  control(lotId: string, command: ControlCommand, load: LotLoader): Promise<ControlResultAt> {
    return this.serial(lotId, async () => {
      const before = await this.held(lotId, load);
      const now = this.clock();
      const { state, result } = control(before, command, now);
      this.lots.set(lotId, state);
      return { result, state, now };
    });
  }

  state(lotId: string, load: LotLoader): Promise<{ state: LotState; now: number }> {
    return this.serial(lotId, async () => ({
      state: await this.held(lotId, load),
      now: this.clock(),
    }));
  }

  forget(lotId: string): Promise<void> {
    return this.serial(lotId, async () => {
      this.lots.delete(lotId);
    });
  }

  async retire(lotId: string): Promise<void> {
    this.retired.delete(lotId);
    this.retired.add(lotId);
    while (this.retired.size > this.retiredKept) {
      const oldest = this.retired.values().next().value as string;
      this.retired.delete(oldest);
      await this.forget(oldest);
    }
  }
}
