import { Injectable } from '@nestjs/common';

/**
 * The server's clock, the only clock of the exchange. Injected so that a unit test can hold time
 * still; integration tests use the real one.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
