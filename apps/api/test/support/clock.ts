import { Clock } from '@kepai/api-core';
import type { KepaiServer } from '../../src/app/server';

/**
 * Moves the server's clock forward by `ms`: every Clock instance of the app (each feature module
 * provides its own), so sweeps, due dates, sessions and the in-process bid store agree. Sessions
 * expire by this clock too: sign in again after a jump of more than 14 days.
 */
export function advanceClock(server: KepaiServer, ms: number): void {
  const clocks = server.app.get(Clock, { strict: false, each: true });
  if (clocks.length === 0) throw new Error('no Clock in the app');
  for (const clock of clocks) clock.advance(ms);
}

/** The server's time now. */
export function serverNow(server: KepaiServer): Date {
  return server.app.get(Clock, { strict: false }).now();
}
