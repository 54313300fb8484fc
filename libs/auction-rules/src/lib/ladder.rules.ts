import type { Fen, ReadonlyLadder } from './auction.types';

/**
 * Checks an increment ladder: a non-empty list of `[from, step]` rows of safe integers, the first
 * from 0, `from` strictly ascending, every step > 0. Answers null when it is valid, else why not.
 */
export function validateLadder(ladder: unknown): string | null {
  if (!Array.isArray(ladder) || ladder.length === 0) {
    return 'the ladder must be a non-empty list of [from, step] rows';
  }
  let previousFrom = -1;
  for (const [index, row] of (ladder as unknown[]).entries()) {
    if (!Array.isArray(row) || row.length !== 2) {
      return `row ${index} must be a [from, step] pair`;
    }
    const [from, step] = row as unknown[];
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(step)) {
      return `row ${index} must hold safe integers`;
    }
    if (index === 0 && from !== 0) {
      return 'the first row must start from 0';
    }
    if ((from as number) <= previousFrom) {
      return `row ${index} must start above the row before it`;
    }
    if ((step as number) <= 0) {
      return `row ${index} must have a step above 0`;
    }
    previousFrom = from as number;
  }
  return null;
}

/** The step of the last ladder row whose `from ≤ price`. */
export function increment(ladder: ReadonlyLadder, price: Fen): Fen {
  let step: Fen | null = null;
  for (const [from, rowStep] of ladder) {
    if (from <= price) step = rowStep;
  }
  if (step === null) {
    throw new RangeError(`no ladder row covers the price ${price}`);
  }
  return step;
}
