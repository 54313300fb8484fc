import type { ErrorCode } from './errors';
import type { LotControlAction, LotOutcome } from './enums';
import type { BidHistoryItem, LotSnapshot, NotificationView } from './shapes';
import type { Fen } from './money';

/** The socket.io namespace of the live auction rooms. */
export const AUCTION_NAMESPACE = '/auction';

export type Ack<T> =
  ({ ok: true } & T) | { ok: false; code: ErrorCode; message: string; minNext?: Fen };

export interface LotJoinPayload {
  lotId: string;
  lastSeq?: number;
}
export interface LotLeavePayload {
  lotId: string;
}
export interface BidPlacePayload {
  lotId: string;
  bidId: string;
  amount: Fen;
  maxAmount?: Fen;
}
export interface LotControlPayload {
  lotId: string;
  action: LotControlAction;
  lastSeq?: number;
}

export interface LotBidEvent {
  lotId: string;
  /** The last history entry this bid wrote (a proxy's answer comes right after the bid). */
  seq: number;
  /** The first entry it wrote: a client that saw `firstSeq - 1` before has missed nothing. */
  firstSeq: number;
  price: Fen;
  leaderPaddle: number;
  bidCount: number;
  closesAt: string;
  reserveMet: boolean;
  at: string;
}
export interface LotClosedEvent {
  lotId: string;
  outcome: LotOutcome;
  price?: Fen;
  winnerPaddle?: number;
}
export interface BidOutbidEvent {
  lotId: string;
  price: Fen;
  minNext: Fen;
}
/** How many sockets watch the lot's room, on every node; sent on join and leave, at most 1/s. */
export interface LotWatchersEvent {
  lotId: string;
  count: number;
}
/**
 * Live format: the host called "going once" (call 1) or "going twice" (call 2). The count starts
 * again with every accepted bid (`lastSeq` is the last bid the call was made over).
 */
export interface LotGoingEvent {
  lotId: string;
  call: 1 | 2;
  lastSeq: number;
  at: string;
}
/** To `user:<id>`: a new notification for this user, with the unread count after it. */
export interface NotificationNewEvent {
  notification: NotificationView;
  unread: number;
}
export interface TimeSyncEvent {
  serverTime: string;
}

/** Events the server sends on `/auction`. */
export interface AuctionServerEvents {
  'lot:bid': (event: LotBidEvent) => void;
  'lot:state': (snapshot: LotSnapshot) => void;
  'lot:closed': (event: LotClosedEvent) => void;
  'bid:outbid': (event: BidOutbidEvent) => void;
  'time:sync': (event: TimeSyncEvent) => void;
  'lot:watchers': (event: LotWatchersEvent) => void;
  'lot:going': (event: LotGoingEvent) => void;
  'notification:new': (event: NotificationNewEvent) => void;
}

/** Events a client sends on `/auction`, each with its acknowledgement. */
export interface AuctionClientEvents {
  'lot:join': (
    payload: LotJoinPayload,
    ack: (reply: Ack<{ snapshot: LotSnapshot; bids: BidHistoryItem[] }>) => void,
  ) => void;
  'lot:leave': (payload: LotLeavePayload, ack: (reply: Ack<object>) => void) => void;
  'bid:place': (
    payload: BidPlacePayload,
    ack: (reply: Ack<{ seq: number; price: Fen; leader: boolean; closesAt: string }>) => void,
  ) => void;
  'lot:control': (
    payload: LotControlPayload,
    ack: (reply: Ack<{ snapshot: LotSnapshot }>) => void,
  ) => void;
  'time:sync': (
    payload: Record<string, never>,
    ack: (reply: Ack<{ serverTime: string }>) => void,
  ) => void;
}
