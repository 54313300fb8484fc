import { countdownParts, countdownTarget, isUrgent, remainingMs } from './countdown';

const lot = {
  status: 'open' as const,
  paused: false,
  opensAt: '2026-11-22T09:00:00.000Z',
  closesAt: '2026-11-22T10:00:00.000Z',
};

describe('countdown', () => {
  it('counts by the server clock: local now plus the offset', () => {
    const localNow = Date.parse('2026-11-22T09:59:00.000Z');
    expect(remainingMs(lot.closesAt, localNow, 0)).toBe(60_000);
    // the local clock is 2 s behind the server's: 2 s less are left
    expect(remainingMs(lot.closesAt, localNow, 2_000)).toBe(58_000);
    expect(remainingMs(lot.closesAt, localNow, -2_000)).toBe(62_000);
    expect(remainingMs(lot.closesAt, localNow + 120_000, 0)).toBe(0);
  });

  it('moves when a soft close extends the close', () => {
    const localNow = Date.parse('2026-11-22T09:59:50.000Z');
    const before = remainingMs(lot.closesAt, localNow, 0);
    const extended = remainingMs('2026-11-22T10:02:00.000Z', localNow, 0);
    expect(before).toBe(10_000);
    expect(extended).toBe(130_000);
  });

  it('counts to the opening, the close, or nothing', () => {
    expect(countdownTarget({ ...lot, status: 'scheduled' })).toEqual({
      phase: 'opens',
      target: lot.opensAt,
    });
    expect(countdownTarget(lot)).toEqual({ phase: 'closes', target: lot.closesAt });
    expect(countdownTarget({ ...lot, paused: true })).toEqual({ phase: 'paused', target: null });
    for (const status of ['sold', 'unsold', 'withdrawn'] as const)
      expect(countdownTarget({ ...lot, status })).toEqual({ phase: 'ended', target: null });
  });

  it.each([
    [0, '00:00', 0],
    [1, '00:01', 0],
    [999, '00:01', 0],
    [1_000, '00:01', 0],
    [1_001, '00:02', 0],
    [59_000, '00:59', 0],
    [3_599_000, '59:59', 0],
    [3_600_000, '01:00:00', 0],
    [86_400_000 + 3_661_000, '01:01:01', 1],
  ])('%d ms reads %s and %d days', (ms, clock, days) => {
    const parts = countdownParts(ms);
    expect(parts.clock).toBe(clock);
    expect(parts.days).toBe(days);
  });

  it('is urgent in the soft-close window of a timed lot and the last 10 s of a live one', () => {
    expect(isUrgent(100_000, 'timed', 120)).toBe(true);
    expect(isUrgent(130_000, 'timed', 120)).toBe(false);
    expect(isUrgent(50_000, 'timed', 0)).toBe(true);
    expect(isUrgent(9_000, 'live', 0)).toBe(true);
    expect(isUrgent(20_000, 'live', 0)).toBe(false);
    expect(isUrgent(0, 'live', 0)).toBe(false);
  });
});
