import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Periodic, REDIS } from '@kepai/api-core';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { BidPersister } from './bid-persister';
import { BID_STORE, type BidStore } from './bid-store';
import { RedisBidStore, readBidStreamEntry } from './redis-bid-store';

/** How often every node looks for bids accepted in Redis but not yet in PostgreSQL. */
const SWEEP_MS = 1_000;
/** How old an entry must be before the sweep takes it as left behind by its node. */
const SETTLE_MS = 2_000;

/**
 * With Redis, each lot's stream is the outbox of its accepted bids: the Lua script appends every
 * accepted bid to it in the same atomic step. The node that placed a bid writes it to PostgreSQL
 * at once (the bidder waits for that); this service is for the bids a node accepted and then
 * died before writing. Every node sweeps the streams of lots still taking bids (and of lots ended
 * in the last ten minutes), writes the entries PostgreSQL does not have yet, in order, through the
 * same persister (which skips what is already written and locks the lot row, so two nodes doing
 * this at once write each bid once), then deletes the entries PostgreSQL holds.
 */
@Injectable()
export class BidOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BidOutbox');
  private readonly sweeps = new Periodic('BidOutbox', SWEEP_MS, () => this.sweep());
  private readonly recovering = new Map<string, Promise<number>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_STORE) private readonly store: BidStore,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly persister: BidPersister,
  ) {}

  private get redisStore(): RedisBidStore | null {
    return this.store instanceof RedisBidStore && this.redis !== null ? this.store : null;
  }

  onApplicationBootstrap(): void {
    if (this.redisStore === null) return;
    this.persister.onGap((lotId) => void this.recover(lotId, true));
    this.sweeps.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeps.stop();
  }

  async sweep(): Promise<void> {
    const lots: Array<{ id: string; ended: boolean }> = await this.dataSource.query(
      `SELECT id, closed_at IS NOT NULL AS ended FROM lot
        WHERE status IN ('scheduled', 'open') OR closed_at > now() - interval '10 minutes'`,
    );
    for (const { id, ended } of lots) {
      await this.recover(id);
      // an ended lot whose stream is written and emptied: the empty stream may go in time
      if (ended) await this.redisStore?.expireDrained(id);
    }
  }

  /**
   * Writes what the lot's stream holds beyond PostgreSQL; returns how many bids it wrote.
   * `urgent` (a persister waits on a gap): also the entries of the last seconds.
   */
  recover(lotId: string, urgent = false): Promise<number> {
    const running = this.recovering.get(lotId);
    if (running !== undefined) return running;
    const job = this.recoverNow(lotId, urgent).finally(() => this.recovering.delete(lotId));
    this.recovering.set(lotId, job);
    return job;
  }

  private async recoverNow(lotId: string, urgent: boolean): Promise<number> {
    const store = this.redisStore;
    if (store === null || this.redis === null) return 0;
    const key = store.streamKey(lotId);
    const raw = (await this.redis.xrange(key, '-', '+', 'COUNT', 1000)) as Array<
      [string, string[]]
    >;
    if (raw.length === 0) return 0;
    const entries = raw.map(([id, fields]) => readBidStreamEntry(id, fields));
    const [row]: Array<{ last_seq: number }> = await this.dataSource.query(
      `SELECT last_seq FROM lot WHERE id = $1`,
      [lotId],
    );
    if (row === undefined) return 0;
    // entries younger than a couple of seconds are most likely on their way to PostgreSQL through
    // the node that placed them; writing them here too would only double the work
    const settled = (await store.now()) - SETTLE_MS;
    const missing = entries.filter(
      (entry) =>
        entry.outcome.lastSeq > row.last_seq &&
        (urgent || Number(entry.id.split('-')[0]) < settled),
    );
    if (missing.length > 0) {
      await Promise.all(
        missing.map((entry) =>
          this.persister.persist({
            lotId,
            bidId: entry.bidId,
            maxAmount: entry.maxAmount,
            outcome: entry.outcome,
            state: { ...entry.state, accepted: {} },
          }),
        ),
      );
      this.logger.warn(`lot ${lotId}: wrote ${missing.length} bids left in the outbox`);
    }
    const [after]: Array<{ last_seq: number }> = await this.dataSource.query(
      `SELECT last_seq FROM lot WHERE id = $1`,
      [lotId],
    );
    const written = entries.filter((entry) => entry.outcome.lastSeq <= after.last_seq);
    if (written.length > 0) await this.redis.xdel(key, ...written.map((entry) => entry.id));
    return missing.length;
  }
}
