import type { LotSnapshot, SessionFormat } from '@kepai/contracts';

/**
 * What a lot's countdown counts towards: its opening while scheduled, its close while open (timed:
 * the soft-closing end; live: the countdown each bid restarts), nothing while paused or ended.
 */
export type CountdownPhase = 'opens' | 'closes' | 'paused' | 'ended';

export interface CountdownTarget {
  phase: CountdownPhase;
  /** ISO time counted towards, or null when nothing is counted. */
  target: string | null;
}

const ENDED = new Set(['sold', 'unsold', 'withdrawn']);

export function countdownTarget(
  lot: Pick<LotSnapshot, 'status' | 'paused' | 'opensAt' | 'closesAt'>,
): CountdownTarget {
  if (ENDED.has(lot.status)) return { phase: 'ended', target: null };
  if (lot.status === 'scheduled') return { phase: 'opens', target: lot.opensAt };
  if (lot.paused) return { phase: 'paused', target: null };
  return { phase: 'closes', target: lot.closesAt };
}

/** Milliseconds left until `targetIso` by the server's clock (local now + offset), never < 0. */
export function remainingMs(targetIso: string, localNowMs: number, offsetMs: number): number {
  const target = Date.parse(targetIso);
  if (!Number.isFinite(target)) return 0;
  return Math.max(0, target - (localNowMs + offsetMs));
}

export interface CountdownParts {
  days: number;
  /** hh:mm:ss, or mm:ss under an hour. */
  clock: string;
  /** Whole seconds left, rounded up (a countdown shows 00:01 until the last second has passed). */
  totalSeconds: number;
}

const two = (n: number): string => String(n).padStart(2, '0');

export function countdownParts(ms: number): CountdownParts {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const clock =
    days > 0 || hours > 0
      ? `${two(hours)}:${two(minutes)}:${two(seconds)}`
      : `${two(minutes)}:${two(seconds)}`;
  return { days, clock, totalSeconds };
}

/** The last seconds, shown urgently: the soft-close window of a timed lot, 10 s of a live one. */
export function isUrgent(
  remaining: number,
  format: SessionFormat,
  softCloseSeconds: number,
): boolean {
  const window = format === 'timed' ? Math.max(softCloseSeconds, 60) : 10;
  return remaining > 0 && remaining <= window * 1000;
}
