/**
 * Bids per user per second, counted on this node (a user's sockets and requests in one second
 * rarely span nodes; the limit stops a client stuck in a loop, not a determined attacker).
 */
export class BidRateLimiter {
  private readonly windows = new Map<string, { second: number; count: number }>();

  constructor(private readonly perSecond: number) {}

  /** True when the user may bid now; counts the attempt. */
  take(userId: string, nowMs: number): boolean {
    const second = Math.floor(nowMs / 1000);
    const window = this.windows.get(userId);
    if (window === undefined || window.second !== second) {
      if (this.windows.size > 50_000) this.windows.clear();
      this.windows.set(userId, { second, count: 1 });
      return true;
    }
    return ++window.count <= this.perSecond;
  }
}
