import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { REDIS } from '@kepai/api-core';
import type { Redis } from 'ioredis';

/** At most one `lot:watchers` per lot in this many ms, on every node together. */
export const WATCHERS_INTERVAL_MS = 1_000;

/** Counts a lot's watchers and tells its room (the gateway's part: only gateways emit). */
export type WatchersAnnouncer = (lotId: string) => Promise<void>;

/**
 * When to announce a lot's watcher count (`lot:watchers`): after a socket joins or leaves the
 * room, at most once a second per lot, on the trailing edge, so the last change is always
 * announced. An idle lot's first change goes out at once; changes within the following second
 * wait for the end of it and are announced together, counted when the announcement is made (so a
 * change is never announced with a count from before it).
 *
 * With several nodes, the second is claimed in Redis (`SET NX PX`): the node that claims it counts
 * the room on every node (through the adapter) and announces; a node that finds it taken tries
 * again when it expires, so its change is still announced, at most a second later.
 */
@Injectable()
export class LotWatchers implements OnModuleDestroy {
  private readonly logger = new Logger('LotWatchers');
  /** Lots with an announcement on its way from this node. */
  private readonly due = new Map<string, NodeJS.Timeout>();
  /** When this node last announced each lot, ms. */
  private readonly announced = new Map<string, number>();
  private announcer: WatchersAnnouncer | null = null;
  private stopped = false;

  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  /** The gateway gives the function that counts and announces. */
  onDue(announcer: WatchersAnnouncer): void {
    this.announcer = announcer;
  }

  /** A socket joined or left the lot's room. */
  changed(lotId: string): void {
    // an announcement already on its way counts the room later than this change: it covers it
    if (this.stopped || this.due.has(lotId)) return;
    const last = this.announced.get(lotId);
    this.schedule(lotId, last === undefined ? 0 : last + WATCHERS_INTERVAL_MS - Date.now());
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const timer of this.due.values()) clearTimeout(timer);
    this.due.clear();
  }

  private schedule(lotId: string, waitMs: number): void {
    const timer = setTimeout(() => void this.fire(lotId), Math.max(0, waitMs));
    timer.unref();
    this.due.set(lotId, timer);
  }

  private async fire(lotId: string): Promise<void> {
    try {
      const retryInMs = await this.claim(lotId);
      if (this.stopped) return;
      if (retryInMs !== null) {
        this.schedule(lotId, retryInMs);
        return;
      }
      // changes from here on may be missed by this count: they schedule the next announcement
      this.due.delete(lotId);
      this.announced.set(lotId, Date.now());
      if (this.announced.size > 10_000) this.forgetOld();
      await this.announcer?.(lotId);
    } catch (error) {
      this.due.delete(lotId);
      this.logger.warn(`lot ${lotId}: watchers not announced: ${String(error)}`);
    }
  }

  /** Claims the lot's second on every node: null when claimed, else ms until it can be. */
  private async claim(lotId: string): Promise<number | null> {
    if (this.redis === null) return null;
    const replies = await this.redis
      .multi()
      .set(`kepai:watchers:{${lotId}}`, '1', 'PX', WATCHERS_INTERVAL_MS, 'NX')
      .pttl(`kepai:watchers:{${lotId}}`)
      .exec();
    const [set, ttl] = replies ?? [];
    if (set?.[0] || ttl?.[0]) throw set?.[0] ?? ttl?.[0];
    if (set?.[1] === 'OK') return null;
    const remaining = Number(ttl?.[1]);
    // -2: it expired between the two commands; -1 cannot happen (always set with PX)
    return remaining > 0 ? remaining : 1;
  }

  private forgetOld(): void {
    const before = Date.now() - WATCHERS_INTERVAL_MS;
    for (const [lotId, at] of this.announced) if (at < before) this.announced.delete(lotId);
  }
}
