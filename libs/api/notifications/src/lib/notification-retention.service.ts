import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Periodic } from '@kepai/api-core';
import { DataSource } from 'typeorm';

/** How long a notification stays in its user's centre, read or not. */
export const NOTIFICATION_RETENTION_DAYS = 180;
/** How long an email that was sent, or given up, stays in the outbox (for support questions). */
export const EMAIL_RETENTION_DAYS = 90;
/** How often every node deletes what is past retention. */
const SWEEP_MS = 60 * 60_000;
/** The first sweep after a start, so a node that restarts more often than hourly still sweeps. */
const FIRST_SWEEP_MS = 5 * 60_000;
/** Rows deleted per statement: short transactions, never one that locks the whole table. */
const BATCH = 5_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Keeps the notification centre and the email outbox from growing for ever: notifications older
 * than NOTIFICATION_RETENTION_DAYS and finished emails older than EMAIL_RETENTION_DAYS are deleted,
 * in batches, by the server's clock. Pending emails are never deleted (they are still owed), and
 * nothing relies on an old notification: reminders are marked on their deal, and a lot opening
 * soon is long past before its notice is deleted. Deleting is idempotent, so every node sweeps.
 */
@Injectable()
export class NotificationRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeps = new Periodic('NotificationRetention', SWEEP_MS, () => this.sweep());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeps.start(FIRST_SWEEP_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeps.stop();
  }

  /** Deletes everything past retention now; answers how many rows of each went. */
  async sweep(): Promise<{ notifications: number; emails: number }> {
    const now = this.clock.now().getTime();
    const emails = await this.purge(
      `DELETE FROM email_outbox WHERE id IN (
         SELECT id FROM email_outbox WHERE status <> 'pending' AND created_at < $1 LIMIT ${BATCH})`,
      new Date(now - EMAIL_RETENTION_DAYS * DAY_MS),
    );
    const notifications = await this.purge(
      `DELETE FROM notification WHERE id IN (
         SELECT id FROM notification WHERE created_at < $1 LIMIT ${BATCH})`,
      new Date(now - NOTIFICATION_RETENTION_DAYS * DAY_MS),
    );
    return { notifications, emails };
  }

  private async purge(sql: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(sql, [before])) as [unknown, number];
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
