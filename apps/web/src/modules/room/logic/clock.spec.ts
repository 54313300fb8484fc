import { addSample, bestOffset, bestSample, clockSample, pushedSample } from './clock';

const at = (iso: string) => Date.parse(iso);

describe('server clock offset', () => {
  it('adds half the round trip to the server time it was answered with', () => {
    // local clock 2 s behind: sent at local 10:00:00.000, answered 200 ms later with the server's
    // time read half-way, 10:00:02.100
    const sample = clockSample(
      '2026-11-22T10:00:02.100Z',
      at('2026-11-22T10:00:00.000Z'),
      at('2026-11-22T10:00:00.200Z'),
    );
    expect(sample).toEqual({
      offsetMs: 2_000,
      rttMs: 200,
      takenAt: at('2026-11-22T10:00:00.200Z'),
    });
  });

  it('refuses a sample that cannot be true', () => {
    expect(clockSample('not a time', 0, 10)).toBeNull();
    expect(clockSample('2026-11-22T10:00:00.000Z', 100, 50)).toBeNull();
    expect(pushedSample('garbage', 0)).toBeNull();
  });

  it('keeps the sample with the shortest round trip, the later one on a tie', () => {
    const slow = { offsetMs: 900, rttMs: 400, takenAt: 1 };
    const fast = { offsetMs: 1_000, rttMs: 40, takenAt: 2 };
    const tie = { offsetMs: 1_010, rttMs: 40, takenAt: 3 };
    expect(bestSample([slow, fast])).toBe(fast);
    expect(bestSample([fast, slow])).toBe(fast);
    expect(bestSample([fast, tie])).toBe(tie);
    expect(bestOffset([slow, fast])).toBe(1_000);
  });

  it('uses a pushed time only until a measured one arrives', () => {
    const pushed = pushedSample('2026-11-22T10:00:05.000Z', at('2026-11-22T10:00:00.000Z'));
    expect(pushed?.rttMs).toBe(Number.POSITIVE_INFINITY);
    expect(bestOffset(pushed ? [pushed] : [])).toBe(5_000);
    const measured = { offsetMs: 4_950, rttMs: 800, takenAt: 9 };
    expect(bestOffset(pushed ? [pushed, measured] : [])).toBe(4_950);
  });

  it('is 0 before any sample', () => {
    expect(bestOffset([])).toBe(0);
  });

  it('weighs only the latest samples, so a changed local clock recovers', () => {
    let samples = addSample([], { offsetMs: 0, rttMs: 1, takenAt: 0 }, 3);
    for (let i = 1; i <= 3; i++)
      samples = addSample(samples, { offsetMs: 60_000, rttMs: 50, takenAt: i }, 3);
    expect(samples).toHaveLength(3);
    expect(bestOffset(samples)).toBe(60_000);
  });
});
