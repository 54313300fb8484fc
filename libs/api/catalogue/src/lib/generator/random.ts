import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Spreads a user seed over 32 bits (murmur3's finaliser). xoroshiro128plus puts the raw seed
 * into its state, so neighbouring seeds (1, 2, 3…) would otherwise start out correlated.
 */
function scramble(seed: number, salt: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(salt, 0x9e3779b9)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A seeded random source with the few draws the generator needs; every draw advances it. */
export class Random {
  private readonly rng: ReturnType<typeof xoroshiro128plus>;

  /** `stream` keeps institutes and results independent even when they share one seed. */
  constructor(seed: number, stream: number) {
    this.rng = xoroshiro128plus(scramble(seed, stream));
    // Let the state mix before the first draw that matters.
    for (let i = 0; i < 8; i++) this.rng.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let point = this.float() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** `count` distinct items (fewer when the list is shorter), in draw order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const taken: T[] = [];
    for (let i = 0; i < count && pool.length > 0; i++) {
      const index = this.int(0, pool.length - 1);
      taken.push(pool[index]);
      pool[index] = pool[pool.length - 1];
      pool.pop();
    }
    return taken;
  }
}
