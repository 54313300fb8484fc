import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  BidHistoryItem,
  BidOutbidEvent,
  LotBidEvent,
  LotClosedEvent,
  LotGoingEvent,
  LotSnapshot,
  LotWatchersEvent,
  SessionView,
} from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import type { AuctionSocket } from '../../../lib/socket';
import { fetchLot, fetchLotBidsAfter } from '../api/lots';
import { joinLot, leaveLot } from '../api/room-socket';
import { clockSample, type ClockSample } from '../logic/clock';
import { remainingMs } from '../logic/countdown';
import { useSession } from './useSessions';
import {
  applyBidEvent,
  clockMomentPassed,
  applyClosed,
  highestSeq,
  isEnded,
  isGap,
  mergeBids,
  mergeSnapshot,
} from '../logic/lot-state';

/** Without a live socket (a visitor, or the socket down), the lot is read again this often. */
export const POLL_MS = 5_000;
/** A timed lot past its opening or close, not yet shown so by the server, is read this often. */
const DUE_POLL_MS = 2_000;
/** Bids in a burst are fetched together: the history is read this long after the last event. */
const HISTORY_SETTLE_MS = 120;
/** A join that got no answer is tried again after this long. */
const REJOIN_MS = 2_000;

export interface LotRoomOptions {
  socket: AuctionSocket | null;
  offsetMs: number;
  onClockSample: (sample: ClockSample | null) => void;
  onOutbid: (event: BidOutbidEvent) => void;
}

export interface GoingCall {
  call: 1 | 2;
  lastSeq: number;
  at: string;
}

/**
 * One lot's live room. The snapshot and the bid history live in the query cache
 * (`queryKeys.lot`, `queryKeys.lotBids`): read over REST first, then kept current by `lot:join`
 * (with the last seq held, so a re-join after a reconnect replays only what was missed) and the
 * room's events. `lot:bid` carries the whole state after a bid, so the snapshot moves at once; the
 * history entries it wrote are then read over REST, at once when `firstSeq` shows missed events.
 */
export function useLotRoom(lotId: string, options: LotRoomOptions) {
  const client = useQueryClient();
  const { socket } = options;
  const lotKey = queryKeys.lot(lotId);
  const bidsKey = queryKeys.lotBids(lotId);
  const [joined, setJoined] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [watchers, setWatchers] = useState<number | null>(null);
  const [going, setGoing] = useState<GoingCall | null>(null);
  const [extendedAt, setExtendedAt] = useState<number | null>(null);
  const live = socket !== null && joined;

  /** Every history entry after the highest held, merged into the cache (no duplicates). */
  const readHistory = useCallback(
    async (signal?: AbortSignal): Promise<BidHistoryItem[]> => {
      const after = highestSeq(client.getQueryData<BidHistoryItem[]>(queryKeys.lotBids(lotId)));
      const more = await fetchLotBidsAfter(lotId, after, signal);
      return mergeBids(client.getQueryData<BidHistoryItem[]>(queryKeys.lotBids(lotId)), more);
    },
    [client, lotId],
  );

  // the snapshot's queryFn reports clock samples through the latest options
  const onSample = useRef(options.onClockSample);
  useEffect(() => {
    onSample.current = options.onClockSample;
  });

  const snapshot = useQuery({
    queryKey: lotKey,
    queryFn: async ({ signal }) => {
      const sentAt = Date.now();
      const fresh = await fetchLot(lotId, signal);
      onSample.current(clockSample(fresh.serverTime, sentAt, Date.now()));
      return mergeSnapshot(client.getQueryData<LotSnapshot>(queryKeys.lot(lotId)), fresh);
    },
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data === undefined) return live ? false : POLL_MS;
      if (isEnded(data.status)) return false;
      // a timed lot opens and closes by the store's clock, which announces neither: once the
      // moment has passed, read until the snapshot shows it
      const format = client.getQueryData<SessionView>(queryKeys.session(data.sessionId))?.format;
      if (format === 'timed' && clockMomentPassed(data, Date.now(), options.offsetMs))
        return DUE_POLL_MS;
      return live ? false : POLL_MS;
    },
    staleTime: live ? Number.POSITIVE_INFINITY : 0,
  });

  // the session gives the ladder (the next minimum after a bid), the format, the host and titles
  const session = useSession(snapshot.data?.sessionId);
  const ladder = session.data?.increments ?? null;
  const format = session.data?.format ?? null;

  const latest = useRef({ ...options, ladder, format });
  useEffect(() => {
    latest.current = { ...options, ladder, format };
  });

  const bids = useQuery({
    queryKey: bidsKey,
    queryFn: ({ signal }) => readHistory(signal),
    refetchInterval: live ? false : POLL_MS,
    staleTime: live ? Number.POSITIVE_INFINITY : 0,
  });

  // one history read at a time; events during a read ask for one more after it
  const sync = useRef({ running: false, again: false, timer: 0 });
  const syncHistory = useCallback(
    (soon = false) => {
      const state = sync.current;
      const run = () => {
        if (state.running) {
          state.again = true;
          return;
        }
        state.running = true;
        void (async () => {
          try {
            do {
              state.again = false;
              const merged = await readHistory();
              client.setQueryData(queryKeys.lotBids(lotId), merged);
            } while (state.again);
          } catch {
            // the next event, re-join or poll reads it again
          } finally {
            state.running = false;
          }
        })();
      };
      window.clearTimeout(state.timer);
      if (soon) run();
      else state.timer = window.setTimeout(run, HISTORY_SETTLE_MS);
    },
    [client, lotId, readHistory],
  );

  const joinRef = useRef<(() => Promise<void>) | null>(null);

  useEffect(() => {
    if (socket === null) return;
    let disposed = false;
    let rejoinTimer = 0;
    const key = queryKeys.lot(lotId);
    const historyKey = queryKeys.lotBids(lotId);

    const join = async () => {
      window.clearTimeout(rejoinTimer);
      const lastSeq = highestSeq(client.getQueryData<BidHistoryItem[]>(historyKey));
      const sentAt = Date.now();
      try {
        const reply = await joinLot(socket, lotId, lastSeq);
        if (disposed) return;
        if (!reply.ok) {
          setJoinError(reply.code);
          return;
        }
        latest.current.onClockSample(clockSample(reply.snapshot.serverTime, sentAt, Date.now()));
        const merged = client.setQueryData<LotSnapshot>(key, (current) =>
          mergeSnapshot(current, reply.snapshot),
        );
        const history = client.setQueryData<BidHistoryItem[]>(historyKey, (current) =>
          mergeBids(current, reply.bids),
        );
        setJoinError(null);
        setJoined(true);
        // more than one page was missed, or the answer crossed a bid: read the rest
        if (merged !== undefined && highestSeq(history) < merged.lastSeq) syncHistory(true);
      } catch {
        if (disposed || !socket.connected) return;
        rejoinTimer = window.setTimeout(() => void join(), REJOIN_MS);
      }
    };
    joinRef.current = join;

    const onConnect = () => void join();
    const onDisconnect = () => setJoined(false);
    const onBid = (event: LotBidEvent) => {
      if (event.lotId !== lotId) return;
      const current = client.getQueryData<LotSnapshot>(key);
      if (current === undefined) {
        void client.invalidateQueries({ queryKey: key, exact: true });
        syncHistory(true);
        return;
      }
      const gap = isGap(event, current.lastSeq);
      const { snapshot: next, minNextKnown } = applyBidEvent(current, event, latest.current.ladder);
      if (next === current) return;
      client.setQueryData(key, next);
      if (!minNextKnown) void client.invalidateQueries({ queryKey: key, exact: true });
      if (
        latest.current.format === 'timed' &&
        Date.parse(next.closesAt) > Date.parse(current.closesAt)
      )
        setExtendedAt(Date.now());
      // a bid starts the host's count again
      setGoing((call) => (call !== null && event.seq > call.lastSeq ? null : call));
      syncHistory(gap);
    };
    const onState = (incoming: LotSnapshot) => {
      if (incoming.id !== lotId) return;
      const merged = client.setQueryData<LotSnapshot>(key, (current) =>
        mergeSnapshot(current, incoming),
      );
      if (merged !== undefined && (merged.paused || isEnded(merged.status))) setGoing(null);
      if (merged !== undefined && highestSeq(client.getQueryData(historyKey)) < merged.lastSeq)
        syncHistory(true);
    };
    const onClosed = (event: LotClosedEvent) => {
      if (event.lotId !== lotId) return;
      client.setQueryData<LotSnapshot>(key, (current) =>
        current === undefined ? current : applyClosed(current, event),
      );
      setGoing(null);
      syncHistory(true);
      const sessionId = client.getQueryData<LotSnapshot>(key)?.sessionId;
      if (sessionId !== undefined)
        void client.invalidateQueries({ queryKey: queryKeys.session(sessionId), exact: true });
    };
    const onWatchers = (event: LotWatchersEvent) => {
      if (event.lotId === lotId) setWatchers(event.count);
    };
    const onGoing = (event: LotGoingEvent) => {
      if (event.lotId === lotId)
        setGoing({ call: event.call, lastSeq: event.lastSeq, at: event.at });
    };
    const onOutbid = (event: BidOutbidEvent) => {
      if (event.lotId === lotId) latest.current.onOutbid(event);
    };

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('lot:bid', onBid);
    socket.on('lot:state', onState);
    socket.on('lot:closed', onClosed);
    socket.on('lot:watchers', onWatchers);
    socket.on('lot:going', onGoing);
    socket.on('bid:outbid', onOutbid);
    if (socket.connected) void join();

    return () => {
      disposed = true;
      joinRef.current = null;
      window.clearTimeout(rejoinTimer);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('lot:bid', onBid);
      socket.off('lot:state', onState);
      socket.off('lot:closed', onClosed);
      socket.off('lot:watchers', onWatchers);
      socket.off('lot:going', onGoing);
      socket.off('bid:outbid', onOutbid);
      if (socket.connected) leaveLot(socket, lotId);
    };
  }, [socket, lotId, client, syncHistory]);

  /** Join again (a paddle given while in the room: the socket then gets `bid:outbid`). */
  const rejoin = useCallback(() => {
    if (socket?.connected) void joinRef.current?.();
  }, [socket]);

  // a timed lot opens and ends by the store's clock: read the lot again once the moment passed
  const opensAt = snapshot.data?.opensAt;
  const closesAt = snapshot.data?.closesAt;
  const status = snapshot.data?.status;
  const { offsetMs } = options;
  useEffect(() => {
    if (format !== 'timed' || opensAt === undefined || closesAt === undefined) return;
    if (status !== 'scheduled' && status !== 'open') return;
    const moment = status === 'scheduled' ? opensAt : closesAt;
    const wait = remainingMs(moment, Date.now(), offsetMs) + 500;
    const timer = window.setTimeout(
      () => void client.invalidateQueries({ queryKey: queryKeys.lot(lotId), exact: true }),
      Math.min(wait, 2 ** 31 - 1),
    );
    return () => window.clearTimeout(timer);
  }, [format, status, opensAt, closesAt, offsetMs, client, lotId]);

  useEffect(() => () => window.clearTimeout(sync.current.timer), []);

  /** The highest seq seen, by the snapshot or the history: what a hammer names. */
  const lastSeqSeen = Math.max(snapshot.data?.lastSeq ?? 0, highestSeq(bids.data));

  return {
    snapshot,
    bids,
    session,
    rejoin,
    joined,
    joinError,
    watchers,
    going,
    extendedAt,
    lastSeqSeen,
    /** Apply a snapshot an acknowledgement carried (a control's answer). */
    applySnapshot: (incoming: LotSnapshot) =>
      client.setQueryData<LotSnapshot>(queryKeys.lot(lotId), (current) =>
        mergeSnapshot(current, incoming),
      ),
  };
}
