import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService, type Recorded } from '@kepai/api-notifications';
import { DataSource } from 'typeorm';

export interface Outbid {
  lotId: string;
  /** The former leader's paddle. */
  paddle: number;
  /** The sequence number of the bid that took the lead: one notification per lot and seq. */
  seq: number;
  price: number;
  minNext: number;
}

/**
 * Tells the former leader's organisation it was outbid (`outbid`, in-app only: far too frequent
 * for email), off the bid path: bids are acknowledged first, then the queue is written in one
 * transaction at a time, so a hot lot never takes more than one database connection away from the
 * bid persister. Within a queue, only the latest outbid of each paddle on each lot is kept.
 * Failures are logged; the bid itself is never affected.
 */
@Injectable()
export class OutbidNotifier implements BeforeApplicationShutdown {
  private readonly logger = new Logger('OutbidNotifier');
  private readonly queue = new Map<string, Outbid>();
  private flushing: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  enqueue(outbid: Outbid): void {
    const key = `${outbid.lotId}:${outbid.paddle}`;
    this.queue.delete(key);
    this.queue.set(key, outbid);
    this.schedule();
  }

  private schedule(): void {
    if (this.flushing !== null) return;
    // setImmediate: after the acknowledgement of the bid that caused it has gone out
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flush())
      .catch((error: unknown) => this.logger.error(`outbid notifications lost: ${String(error)}`))
      .finally(() => {
        this.flushing = null;
        if (this.queue.size > 0) this.schedule();
      });
  }

  private async flush(): Promise<void> {
    const batch = [...this.queue.values()];
    this.queue.clear();
    const recorded = await this.dataSource.transaction(async (manager) => {
      const all: Recorded = { notifications: [] };
      for (const outbid of batch) {
        const [row]: Array<{ organisation_id: string; result_title: string }> = await manager.query(
          `SELECT r.organisation_id, res.title AS result_title FROM lot l
               JOIN registration r ON r.session_id = l.session_id AND r.paddle = $2
               JOIN result res ON res.id = l.result_id
              WHERE l.id = $1`,
          [outbid.lotId, outbid.paddle],
        );
        if (row === undefined) continue;
        const recorded = await this.notifications.notify(manager, {
          organisationIds: [row.organisation_id],
          kind: 'outbid',
          payload: {
            lotId: outbid.lotId,
            resultTitle: row.result_title,
            price: outbid.price,
            minNext: outbid.minNext,
          },
          email: false,
          dedupeKey: `outbid:${outbid.lotId}:${outbid.seq}`,
        });
        all.notifications.push(...recorded.notifications);
      }
      return all;
    });
    this.notifications.announce(recorded);
  }

  /** Writes what is queued before the database goes away. */
  async beforeApplicationShutdown(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
  }
}
