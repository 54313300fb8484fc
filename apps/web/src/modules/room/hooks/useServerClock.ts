import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuctionSocket } from '../../../lib/socket';
import { requestServerTime } from '../api/room-socket';
import { addSample, bestSample, clockSample, pushedSample, type ClockSample } from '../logic/clock';

/** After (re)connecting, the clock is measured a few times, then once a minute. */
const BURST_DELAYS_MS = [0, 1_500, 4_000];
const RESAMPLE_MS = 60_000;

export interface ServerClock {
  /** Add to `Date.now()` to read the server's clock. */
  offsetMs: number;
  /** The round trip of the sample in use (Infinity for a pushed time, null before any). */
  rttMs: number | null;
  /** Another measurement (a REST read or a join answer carrying `serverTime`). */
  addSample: (sample: ClockSample | null) => void;
}

/**
 * The offset of the server's clock (DESIGN §3: the server's clock is the only clock): from the
 * `time:sync` the server pushes on connect, from `time:sync` requests whose round trip is timed,
 * and from any other answer that carries `serverTime`. The sample with the shortest round trip of
 * the recent ones wins.
 */
export function useServerClock(socket: AuctionSocket | null): ServerClock {
  const [samples, setSamples] = useState<ClockSample[]>([]);
  const add = useCallback((sample: ClockSample | null) => {
    if (sample !== null) setSamples((previous) => addSample(previous, sample));
  }, []);

  useEffect(() => {
    if (socket === null) return;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const measure = async () => {
      if (!socket.connected) return;
      const sentAt = Date.now();
      try {
        const reply = await requestServerTime(socket);
        if (reply.ok) add(clockSample(reply.serverTime, sentAt, Date.now()));
      } catch {
        // no answer in time: this sample is simply missing
      }
    };
    const burst = () => {
      for (const delay of BURST_DELAYS_MS) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void measure();
        }, delay);
        timers.add(timer);
      }
    };
    const onPushed = (event: { serverTime: string }) =>
      add(pushedSample(event.serverTime, Date.now()));
    socket.on('time:sync', onPushed);
    socket.on('connect', burst);
    if (socket.connected) burst();
    const interval = setInterval(() => void measure(), RESAMPLE_MS);
    return () => {
      socket.off('time:sync', onPushed);
      socket.off('connect', burst);
      clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
    };
  }, [socket, add]);

  const best = useMemo(() => bestSample(samples), [samples]);
  return { offsetMs: best?.offsetMs ?? 0, rttMs: best?.rttMs ?? null, addSample: add };
}
