import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Periodic } from '@kepai/api-core';
import { DataSource } from 'typeorm';
import { MAILER, type Mailer } from './mailer';

/** How often every node looks for emails to send. */
const SWEEP_MS = 2_000;
/** Emails claimed at a time, and batches sent per sweep at most. */
const BATCH = 10;
const BATCHES_PER_SWEEP = 10;
/** After this many failed attempts an email is `failed` and left alone. */
export const MAX_ATTEMPTS = 5;
/**
 * How long a claim keeps other nodes off a batch. A send is bounded by the SMTP timeouts (under a
 * minute); a node still sending half-way through its lease gives the rest of the batch back.
 */
const LEASE_MS = 15 * 60_000;

/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min. */
export function retryDelayMs(attempts: number): number {
  return 30_000 * 2 ** Math.max(0, attempts - 1);
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  created_at: Date;
}

/**
 * Sends the email outbox. Every node sweeps every few seconds; a sweep claims a batch of due
 * emails in one statement (`FOR UPDATE SKIP LOCKED`, which also counts the attempt and sets a
 * lease), so two nodes never claim the same email, and sends them outside any transaction (a slow
 * SMTP server never holds a database connection or lock). A sent email is `sent`; a failure is
 * recorded with its error and tried again after a backoff, and `failed` after MAX_ATTEMPTS. A node
 * that dies mid-send leaves its claim to expire, and the email is tried again: at least once.
 */
@Injectable()
export class EmailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EmailSender');
  private readonly sweeps = new Periodic('EmailSender', SWEEP_MS, () => this.sweep());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(
      this.mailer.kind === 'smtp'
        ? 'emails are sent through SMTP_URL'
        : 'SMTP_URL is not set: emails are logged, not sent',
    );
    this.sweeps.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweeps.stop();
    this.mailer.close();
  }

  /** Sends every email due now, a batch at a time. */
  async sweep(): Promise<{ sent: number; failed: number }> {
    const totals = { sent: 0, failed: 0 };
    for (let round = 0; round < BATCHES_PER_SWEEP; round++) {
      const { at, batch } = await this.claim();
      for (const [index, email] of batch.entries()) {
        if (this.clock.now().getTime() - at > LEASE_MS / 2) {
          await this.release(batch.slice(index).map((rest) => rest.id));
          return totals;
        }
        if (await this.deliver(email)) totals.sent++;
        else totals.failed++;
      }
      if (batch.length < BATCH) break;
    }
    return totals;
  }

  /** Claims a batch of due emails: counts their attempt and leases them to this sweep. */
  private async claim(): Promise<{ at: number; batch: Claimed[] }> {
    const now = this.clock.now();
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = $2
        WHERE id IN (SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, body, attempts, created_at`,
      [now, new Date(now.getTime() + LEASE_MS), BATCH],
    );
    return {
      at: now.getTime(),
      batch: rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime()),
    };
  }

  /** Gives unsent claimed emails back, as they were before the claim. */
  private async release(ids: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_outbox SET attempts = attempts - 1, next_attempt_at = $2 WHERE id = ANY($1::uuid[])`,
      [ids, this.clock.now()],
    );
  }

  private async deliver(email: Claimed): Promise<boolean> {
    try {
      await this.mailer.send({ to: email.to_address, subject: email.subject, text: email.body });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const final = email.attempts >= MAX_ATTEMPTS;
      await this.dataSource.query(
        `UPDATE email_outbox SET status = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1`,
        [
          email.id,
          final ? 'failed' : 'pending',
          message,
          new Date(this.clock.now().getTime() + retryDelayMs(email.attempts)),
        ],
      );
      if (final)
        this.logger.error(`email ${email.id} failed after ${email.attempts} attempts: ${message}`);
      else this.logger.warn(`email ${email.id} attempt ${email.attempts} failed: ${message}`);
      return false;
    }
    await this.dataSource.query(
      `UPDATE email_outbox SET status = 'sent', sent_at = $2 WHERE id = $1`,
      [email.id, this.clock.now()],
    );
    return true;
  }
}
