/**
 * The server's clock is the only clock (DESIGN §3). A client learns how far its own clock is from
 * the server's by asking for the server's time and timing the round trip: the answer was read
 * about half a round trip before it arrived, so `offset = serverTime + rtt / 2 − local receipt`.
 * Of the recent samples, the one with the shortest round trip has the least error (at most
 * rtt / 2), so that one is used.
 */
export interface ClockSample {
  /** server time − local time, in ms. */
  offsetMs: number;
  /** The round trip of the request that measured it; Infinity when the time was pushed. */
  rttMs: number;
  /** Local time it was taken, ms. */
  takenAt: number;
}

/** How many recent samples are weighed; older ones fall out, so a changed local clock recovers. */
export const SAMPLE_WINDOW = 8;

/** A sample from a request sent at `sentAtMs` and answered at `receivedAtMs` (local clock). */
export function clockSample(
  serverTimeIso: string,
  sentAtMs: number,
  receivedAtMs: number,
): ClockSample | null {
  const server = Date.parse(serverTimeIso);
  if (!Number.isFinite(server) || receivedAtMs < sentAtMs) return null;
  const rttMs = receivedAtMs - sentAtMs;
  return { offsetMs: server + rttMs / 2 - receivedAtMs, rttMs, takenAt: receivedAtMs };
}

/**
 * A time the server pushed (`time:sync` on connect): its delay is unknown, so it ranks below every
 * measured sample and serves only until one arrives.
 */
export function pushedSample(serverTimeIso: string, receivedAtMs: number): ClockSample | null {
  const server = Date.parse(serverTimeIso);
  if (!Number.isFinite(server)) return null;
  return {
    offsetMs: server - receivedAtMs,
    rttMs: Number.POSITIVE_INFINITY,
    takenAt: receivedAtMs,
  };
}

/** The samples with a new one added, keeping the latest `window`. */
export function addSample(
  samples: readonly ClockSample[],
  sample: ClockSample,
  window = SAMPLE_WINDOW,
): ClockSample[] {
  return [...samples, sample].slice(-window);
}

/** The sample with the shortest round trip (the later one on a tie), or null when there is none. */
export function bestSample(samples: readonly ClockSample[]): ClockSample | null {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    if (best === null || sample.rttMs <= best.rttMs) best = sample;
  }
  return best;
}

/** The offset to add to the local clock to read the server's; 0 before any sample. */
export function bestOffset(samples: readonly ClockSample[]): number {
  return bestSample(samples)?.offsetMs ?? 0;
}
