import { Injectable } from '@nestjs/common';
import { AppException, Clock } from '@kepai/api-core';
import type { EntityManager } from 'typeorm';
import { LoginThrottleEntity } from './login-throttle.entity';
import { sha256 } from './tokens';

/** Failures allowed before any wait; then 1 s, 2 s, 4 s … up to 15 minutes between attempts. */
export const FREE_FAILURES = 3;
export const MAX_DELAY_MS = 15 * 60 * 1000;

export function requiredDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

/**
 * A growing delay after repeated failed sign-ins to one email, the same for emails that have no
 * account, so the answer never tells whether an account exists.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly clock: Clock) {}

  private key(email: string): string {
    return sha256(`login:${email.trim().toLowerCase()}`);
  }

  /** Refuses with RATE_LIMITED while the email must still wait. */
  async check(manager: EntityManager, email: string): Promise<void> {
    const row = await manager
      .getRepository(LoginThrottleEntity)
      .findOne({ where: { emailHash: this.key(email) } });
    if (row === null) return;
    const waitUntil = row.lastFailureAt.getTime() + requiredDelayMs(row.failures);
    const now = this.clock.now().getTime();
    if (now < waitUntil) {
      const seconds = Math.ceil((waitUntil - now) / 1000);
      throw new AppException(
        'RATE_LIMITED',
        `Too many failed sign-ins for this email; try again in ${seconds} s`,
      );
    }
  }

  async recordFailure(manager: EntityManager, email: string): Promise<void> {
    await manager.query(
      `INSERT INTO login_throttle (email_hash, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (email_hash) DO UPDATE SET failures = login_throttle.failures + 1, last_failure_at = EXCLUDED.last_failure_at`,
      [this.key(email), this.clock.now()],
    );
  }

  async clear(manager: EntityManager, email: string): Promise<void> {
    await manager.getRepository(LoginThrottleEntity).delete({ emailHash: this.key(email) });
  }
}
