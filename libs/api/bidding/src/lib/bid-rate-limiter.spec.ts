import { BidRateLimiter } from './bid-rate-limiter';

describe('the per-user bid rate limit', () => {
  it('allows the limit within a second, refuses the rest, and starts again the next second', () => {
    const limiter = new BidRateLimiter(3);
    const at = 1_795_320_000_000;
    expect([0, 100, 200, 300, 999].map((ms) => limiter.take('u1', at + ms))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(limiter.take('u2', at + 500)).toBe(true);
    expect(limiter.take('u1', at + 1_000)).toBe(true);
  });
});
