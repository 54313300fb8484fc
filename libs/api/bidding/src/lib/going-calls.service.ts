import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@kepai/api-core';
import type { Redis } from 'ioredis';

/** How long a lot's going count is kept after its last call. */
const KEEP_MS = 24 * 3600 * 1000;

/**
 * The live format's "going once, going twice": the count of accepted `going` calls over the same
 * last bid. A call over `lastSeq` N is call 1, the next over N is call 2, and any further call
 * over N stays 2 (the host may repeat "going twice"); a bid moves `lastSeq`, so the next call is 1
 * again. With Redis the count is shared by every node (`INCR` of a key named by the lot and N),
 * so a host whose socket moves to another node keeps the count; without Redis there is one node.
 */
@Injectable()
export class GoingCalls {
  private readonly local = new Map<string, { lastSeq: number; calls: number }>();

  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  /** Counts an accepted `going` over the lot's `lastSeq`; returns the call to announce. */
  async call(lotId: string, lastSeq: number): Promise<1 | 2> {
    const calls =
      this.redis !== null
        ? await this.shared(this.redis, lotId, lastSeq)
        : this.inMemory(lotId, lastSeq);
    return calls >= 2 ? 2 : 1;
  }

  private async shared(redis: Redis, lotId: string, lastSeq: number): Promise<number> {
    const key = `kepai:going:{${lotId}}:${lastSeq}`;
    const replies = await redis.multi().incr(key).pexpire(key, KEEP_MS).exec();
    const [incr] = replies ?? [];
    if (incr === undefined || incr[0]) throw incr?.[0] ?? new Error('going: no reply from Redis');
    return Number(incr[1]);
  }

  private inMemory(lotId: string, lastSeq: number): number {
    const known = this.local.get(lotId);
    const calls = known !== undefined && known.lastSeq === lastSeq ? known.calls + 1 : 1;
    if (this.local.size > 10_000) this.local.clear();
    this.local.set(lotId, { lastSeq, calls: Math.min(calls, 2) });
    return calls;
  }
}
