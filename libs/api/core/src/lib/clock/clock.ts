import { Injectable } from '@nestjs/common';

/**
 * The server's clock, the only clock of the exchange. Injected so that a unit test can hold time
 * still; integration tests use the real one and may move it forward (`advance`), e.g. to reach a
 * due date a month away.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /**
   * Moves this clock forward by `ms` (never back). Tests call it on every Clock of the app (see
   * `apps/api/test/support/clock.ts`); nothing in the running exchange does.
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('a clock only moves forward');
    this.offsetMs += ms;
  }
}
