import type { BidKind, ErrorCode, Fen, IncrementLadder, LotControlAction } from '@kepai/contracts';

export type { BidKind, Fen };

/** `[from, step]` rows: ascending `from`, the first row from 0, every step > 0. */
export type Ladder = IncrementLadder;

/** A ladder the functions only read (a `Ladder` is one). */
export type ReadonlyLadder = ReadonlyArray<readonly [Fen, Fen]>;

export type LotFormat = 'timed' | 'live';

export type LotPhase = 'scheduled' | 'open' | 'paused' | 'sold' | 'unsold' | 'withdrawn';

/** The phases a lot never leaves. */
export type EndPhase = Extract<LotPhase, 'sold' | 'unsold' | 'withdrawn'>;

export interface LotRules {
  format: LotFormat;
  /** > 0 */
  startingPrice: Fen;
  /** Hidden from bidders: they only learn `reserveMet`. */
  reservePrice: Fen | null;
  ladder: Ladder;
  /** Timed: the soft-close window W in ms (0 = none). */
  softCloseMs: number;
  /** Live: the countdown in ms that each accepted bid restarts. */
  liveCountdownMs: number;
}

export interface Leader {
  paddle: number;
  /** The most the leader will pay (their proxy maximum). */
  max: Fen;
  /** Sequence number of the leader's latest history entry. */
  seq: number;
}

/** One lot. Plain JSON data: a Redis Lua script keeps the same shape. */
export interface LotState {
  rules: LotRules;
  /** The stored phase; `effectivePhase(state, now)` is the phase a bidder meets. */
  phase: LotPhase;
  /** ms since the epoch */
  opensAt: number;
  /** ms since the epoch; timed: moved by the soft close; live: the end of the countdown. */
  closesAt: number;
  /** null until the first accepted bid */
  price: Fen | null;
  leader: Leader | null;
  /** The last sequence number given out (0: no bids). */
  seq: number;
  /** History entries so far (always equal to `seq`). */
  bidCount: number;
  /** bidId → the first outcome of that bid (idempotency). */
  accepted: Record<string, BidOutcomeAccepted>;
}

/** A bid as the caller passes it, after checking registration, deposit and self-dealing. */
export interface Bid {
  bidId: string;
  paddle: number;
  amount: Fen;
  /** Proxy maximum; `≥ amount` when given. */
  maxAmount?: Fen;
}

export interface HistoryEntry {
  seq: number;
  paddle: number;
  amount: Fen;
  kind: BidKind;
  /** ms since the epoch */
  at: number;
}

/** What the former leader is told when the lead changes hands. */
export interface OutbidNotice {
  paddle: number;
  price: Fen;
  minNext: Fen;
}

export interface BidOutcomeAccepted {
  ok: true;
  /** The bidder's own history entry. */
  seq: number;
  /** The last sequence number after this bid. */
  lastSeq: number;
  price: Fen;
  /** Does the bidder lead? */
  leader: boolean;
  leaderPaddle: number;
  closesAt: number;
  reserveMet: boolean;
  minNext: Fen;
  /** The history entries this bid wrote, in sequence order. */
  entries: HistoryEntry[];
  /** The former leader, when the lead changed hands. */
  outbid: OutbidNotice | null;
}

export type RefusalCode = Extract<
  ErrorCode,
  'LOT_NOT_OPEN' | 'LOT_CLOSED' | 'BID_TOO_LOW' | 'INVALID_INPUT' | 'CONFLICT'
>;

/** A refused bid or control; the state is unchanged. `minNext` comes with `BID_TOO_LOW`. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  minNext?: Fen;
}

export type BidOutcome = BidOutcomeAccepted | Refusal;

export interface BidResult {
  state: LotState;
  outcome: BidOutcome;
}

export type ControlAction = LotControlAction;

export interface ControlCommand {
  action: ControlAction;
  /** hammer: the last sequence number the broker saw. */
  lastSeq?: number;
}

/** How a lot ended, as `lot:closed` announces it. */
export interface LotEnd {
  outcome: EndPhase;
  /** The hammer price when sold, else null. */
  price: Fen | null;
  /** The leader when sold, else null. */
  winnerPaddle: number | null;
}

export interface ControlAccepted {
  ok: true;
  action: ControlAction;
  phase: LotPhase;
  closesAt: number;
  /** Set when this command ended the lot (hammer, withdraw). */
  end: LotEnd | null;
}

export type ControlOutcome = ControlAccepted | Refusal;

export interface ControlResult {
  state: LotState;
  result: ControlOutcome;
}
