import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Periodic } from '@kepai/api-core';
import { NotificationsService } from '@kepai/api-notifications';
import { DataSource } from 'typeorm';

/** How often every node looks for lots about to open. */
const SWEEP_MS = 30_000;
/** How long before a lot opens its result's followers are told. */
export const OPENING_NOTICE_MS = 60 * 60_000;

/**
 * Tells each user who favourited a result that a lot of it opens within the hour
 * (`favourite_lot_opening`), once per lot: the dedupe key `favourite_lot_opening:<lotId>` makes a
 * second sweep, on this node or another, record nothing, and users already told are not even
 * looked up again. A lot created less than an hour before it opens is announced at the next sweep.
 */
@Injectable()
export class FavouriteLotOpeningSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeps = new Periodic('FavouriteLotOpening', SWEEP_MS, () => this.sweep());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeps.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeps.stop();
  }

  /** Notifies the followers of every lot opening within the hour; answers how many were told. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const lots: Array<{
      lot_id: string;
      result_id: string;
      result_title: string;
      opens_at: Date;
      user_ids: string[];
    }> = await this.dataSource.query(
      `SELECT l.id AS lot_id, l.result_id, r.title AS result_title, l.opens_at,
              array_agg(f.user_id::text ORDER BY f.user_id) AS user_ids
         FROM lot l
         JOIN result r ON r.id = l.result_id
         JOIN favourite f ON f.result_id = l.result_id
        WHERE l.status = 'scheduled' AND l.opens_at > $1 AND l.opens_at <= $2
          AND NOT EXISTS (SELECT 1 FROM notification n
                           WHERE n.user_id = f.user_id AND n.dedupe_key = 'favourite_lot_opening:' || l.id)
        GROUP BY l.id, r.title
        ORDER BY l.opens_at
        LIMIT 100`,
      [now, new Date(now.getTime() + OPENING_NOTICE_MS)],
    );
    let told = 0;
    for (const lot of lots) {
      const recorded = await this.dataSource.transaction((manager) =>
        this.notifications.notify(manager, {
          userIds: lot.user_ids,
          kind: 'favourite_lot_opening',
          payload: {
            lotId: lot.lot_id,
            resultId: lot.result_id,
            resultTitle: lot.result_title,
            opensAt: lot.opens_at.toISOString(),
          },
          dedupeKey: `favourite_lot_opening:${lot.lot_id}`,
        }),
      );
      this.notifications.announce(recorded);
      told += recorded.notifications.length;
    }
    return told;
  }
}
