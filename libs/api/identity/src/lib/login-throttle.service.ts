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

  /**
   * Takes one sign-in attempt for the email, atomically: the attempt is counted as a failure
   * before the password is checked (a success clears the count), and refused with RATE_LIMITED
   * while the email must still wait. Concurrent guesses therefore cannot all slip through the
   * same open window: each one moves the window.
   */
  async claimAttempt(manager: EntityManager, email: string): Promise<void> {
    const now = this.clock.now();
    const claimed: unknown[] = await manager.query(
      `WITH claimed AS (
         INSERT INTO login_throttle (email_hash, failures, last_failure_at) VALUES ($1, 1, $2)
         ON CONFLICT (email_hash) DO UPDATE SET failures = login_throttle.failures + 1, last_failure_at = EXCLUDED.last_failure_at
          WHERE login_throttle.failures < $3
             OR login_throttle.last_failure_at
                + make_interval(secs => LEAST($4::float8, power(2, login_throttle.failures - $3)::float8)) <= EXCLUDED.last_failure_at
         RETURNING failures)
       SELECT failures FROM claimed`,
      [this.key(email), now, FREE_FAILURES, MAX_DELAY_MS / 1000],
    );
    if (claimed.length > 0) return;
    const row = await manager
      .getRepository(LoginThrottleEntity)
      .findOne({ where: { emailHash: this.key(email) } });
    const waitUntil =
      row === null ? now.getTime() : row.lastFailureAt.getTime() + requiredDelayMs(row.failures);
    const seconds = Math.max(1, Math.ceil((waitUntil - now.getTime()) / 1000));
    throw new AppException(
      'RATE_LIMITED',
      `Too many failed sign-ins for this email; try again in ${seconds} s`,
    );
  }

  async clear(manager: EntityManager, email: string): Promise<void> {
    await manager.getRepository(LoginThrottleEntity).delete({ emailHash: this.key(email) });
  }
}
